"""Posting structure: the title line, sections, list items and sentences.

Works on normalized plain text.  Headings are recognised by the patterns in
``rules/sections.yaml``; items are list entries, ``;``-separated run-ons,
glued job-board scrapes («…данныхВедение…») and sentences of paragraphs.
Every item gets a *kind*: what it is as far as duties go.
"""

from __future__ import annotations

import json
import re
import sys
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from cmlint import cache
from cmlint.kinds import ItemKind, SectionKind
from cmlint.nlp.lemma_table import fingerprint
from cmlint.resources import load_yaml
from cmlint.text import first_chars
from cmlint.text.first_chars import alternative_with_lookahead, alternatives_lookahead, first_chars_lookahead
from cmlint.text.stored_regex import ModulePatterns, compile_all, compile_derived

#: This module's expressions, compiled from the programs kept for them (compiling them was two hundredths of a
#: second of every start).
_STORED = ModulePatterns(__file__)

_BULLET = _STORED.compile(
    r"^[ \t]*(?:[-–—•·▪►▸‣⁃○●◦✓✔☑➖➤→»*+]|\d{1,2}[.)](?!\d)|[a-zа-я]\)|"
    r"[\U0001F300-\U0001FAFF\u25A0-\u25FF\u2600-\u27BF\u2B50\u2B55\u2705\u274C\u2757\uFE0F\u200D]+)[ \t]*"
)
_LEADING_NOISE = _STORED.compile(r"^[\W_]+")
_TRAILING_NOISE = _STORED.compile(r"[\s:!?.\-–—)(\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]+$")
# Where a line breaks into items.  Every alternative starts with a space or one of a few
# punctuation marks, and the lookahead in front lets the scan skip every other character at once, and a space at
# once where no mark follows its run (as between any two words); a run of spaces is never given back (what follows
# it is no space) and a mark is read before what must stand behind it:
#   «;» run-ons; inline bullets; a dash after a sentence end («… отчёты. -работа в CRM»); a spaced dash
#   before a capital; a dash glued to the previous word («почта)- Контроль»);
#   a sentence end (the punctuation goes with the break, _trim drops it anyway); a sentence end or a colon
#   glued to a capitalised word (a line break lost: «…команда:Вы будете работать …»), after a number too
#   («рост от 165.График 2/2»).
_BREAK_SOURCE = (
    r"(?=\s*+[;•·▪►\-–—]|[;.!?…\-–—:])(?:"
    r"\s*+;\s*"
    r"|\s++[•·▪►]\s*"
    r"|[.;!?]\s*+[-–—]\s*+(?=[А-ЯЁA-Zа-яё])"
    r"|\s[-–—]\s(?=[А-ЯЁ][а-яё])"
    r"|[-–—](?<=[)\w][-–—])\s(?=[А-ЯЁ][а-яё])"
    r"|[.!?…]\s++(?=[«\"(]?[А-ЯЁA-Z0-9])"
    r"|[.!?:](?<=[а-яё)»]{2}.)(?=[А-ЯЁ][а-яё])"
    r"|[.!?](?<=\d.)(?=[А-ЯЁ][а-яё]{2})"
    r")"
)
# Glued job-board items: an upper-case word right after a lower-case one
# («данныхВедение»); the match starts at the capital.
# Also after an abbreviation: «Гражданство РФОпыт работы» (the match starts at «О»).
_GLUED = _STORED.compile(r"[А-ЯЁ](?:(?<=[а-яё]{3}[А-ЯЁ])|(?<=[а-яё][)»][А-ЯЁ])|(?<=[А-ЯЁ]{3}))(?=[а-яё]{2})")
#: A word: a run of letters and digits (and of the Cyrillic block's marks).
_WORD_CHARS = r"\w\u0400-\u04ff"
_WORD = _STORED.compile(rf"[{_WORD_CHARS}]+")


@lru_cache(maxsize=16)
def _first_words(count: int) -> re.Pattern[str]:
    """The first ``count`` words of a text and what stands between them (:func:`_has_more_words`); each run taken
    whole, so that a word is never split in two."""
    return _STORED.compile(rf"(?:[^{_WORD_CHARS}]*+[{_WORD_CHARS}]++){{{count}}}")


def _has_more_words(text: str, most: int) -> bool:
    """Whether ``text`` has more than ``most`` words (:data:`_WORD`): a match of the first ``most + 1`` tells without
    a string made of every word of a long line, as counting them all takes."""
    return _first_words(most + 1).match(text) is not None


#: Abbreviated kinds of places longer than two letters («пос.», «мкр.»); shorter words before a dot are
#: abbreviations anyway (:data:`_ABBREVIATION`).
LONG_PLACE_ABBREVIATIONS = ("пос", "пгт", "обл", "мкр", "дер", "просп")
# A dot that ends an abbreviation, not a sentence: a lower-case word of one or two letters, a dotted one or a
# place abbreviation before it («в п. Луговой», «1985 г.р. и старше», «ул. Садовая», «пгт. Заречный»); not the
# abbreviations that close a list and so often a sentence («и т.д.», «и т. п.», «и др.», «и пр.»).
_ABBREVIATION = _STORED.compile(
    r"(?:^|[\s(,;])(?!(?:т\. ?[дп]|др|пр)$)(?:[а-яё]{1,2}|[а-яё]{1,3}(?:\. ?[а-яё]{1,3})+|"
    + "|".join(LONG_PLACE_ABBREVIATIONS)
    + r")$"
)
#: What a match of :data:`_ABBREVIATION` holds after its opening mark: lower-case letters, dots and spaces.
_ABBREVIATION_RUN = "".join(map(chr, range(ord("а"), ord("я") + 1))) + "ё. "


def _ends_with_abbreviation(line: str, end: int) -> bool:
    """Whether ``line[:end]`` (a line: no line break in it) ends with an abbreviation (:data:`_ABBREVIATION`).  A match
    opens at the line's start or with one mark before the run of letters, dots and spaces that ends the text: it is
    searched for from there, not tried at every position of a long line."""
    run = len(line[:end].rstrip(_ABBREVIATION_RUN))
    return _ABBREVIATION.search(line, max(0, run - 1), end) is not None


# A sentence that opens a list of duties without a heading:
# «Ищем комьюнити-менеджера, который будет:», «Тебе предстоит:».
_OPENS_DUTIES = _STORED.compile(
    r"(котор\w+|кто) (будет|будут|станет|возьмет на себя)( заниматься| отвечать за| делать)?\s*[:\-–—]?\s*$"
    r"|(тебе|вам|ему|ей) (предстоит|нужно будет|надо будет)\s*[:\-–—]?\s*$",
    re.IGNORECASE,
)
#: The words a line that opens a list of duties ends with, before its closing mark (:data:`_OPENS_DUTIES`).
_OPENS_DUTIES_ENDINGS = ("будет", "будут", "станет", "себя", "предстоит", "заниматься", "отвечать за", "делать")
_OPENS_DUTIES_END = _STORED.compile(f"(?:{'|'.join(_OPENS_DUTIES_ENDINGS)})$", re.IGNORECASE)
_OPENS_DUTIES_REACH = max(map(len, _OPENS_DUTIES_ENDINGS))


def _opens_duty_list(text: str) -> bool:
    """Whether ``text`` opens a list of duties without a heading (:data:`_OPENS_DUTIES`).  Every match ends the text
    but for spaces and one mark: where the text does not end with one of the last words of a match (a search of
    those few places), the whole expression is not searched for at every position."""
    end = len(text.rstrip())
    if end and text[end - 1] in ":-–—":
        end = len(text[: end - 1].rstrip())
    if not _OPENS_DUTIES_END.search(text, max(0, end - _OPENS_DUTIES_REACH), end):
        return False
    return bool(_OPENS_DUTIES.search(text))


# A question that names what a section holds is its heading, as a phrase with a colon is
# («Какие обязанности ждут кандидата?», «Каковы условия?»); other questions are sentences («Хочешь решать задачи?»).
_QUESTION_HEADING = _STORED.compile(
    r"(?:как\w*|что|чем|где|кого|кто)\b[^?]*\b(?:обязанност|задач|функци|требовани|услови)[^?]*\?\s*$"
)


#: Words that may stand before a heading's own words in a list entry with a colon: whose it is and who asks
#: («- Наши условия: …», «— что мы от вас ждём: …»).
_HEADING_LEADS = frozenset(
    {"наш", "наши", "наша", "ваш", "ваши", "ваша", "твой", "твои", "твоя"}
    | {"что", "мы", "от", "вас", "тебя", "для", "нас"}
)


def _leads_to(words: str) -> bool:
    """Whether the words before a heading's own words in a list entry only say whose the heading is: a list entry
    whose colon follows other words is an item that explains itself («- стабильная заработная плата: оклад + премия»,
    «— быть основным контактом для клиента: созвоны, встречи», «- работа с требованиями: сбор, формализация»)."""
    return all(word in _HEADING_LEADS for word in _WORD.findall(words))


#: The most words of a question that starts with a known heading and is one («Что надо делать, чтобы стать
#: частью команды?»).
_QUESTION_WORDS = 10


def _asks_for_section(folded: str, heading_end: int) -> bool:
    """Whether a folded line whose known heading ends at ``heading_end`` is a short question of its own that
    only a clause after a comma frames: the heading of a section («Что надо делать, чтобы попасть к нам?»);
    not a question of a condition («Что делать, если …?»)."""
    question = folded.rstrip()
    frame = question[heading_end:-1].strip()
    return (
        question.endswith("?")
        and not any(mark in question[:-1] for mark in ".!?:")
        and not _has_more_words(question, _QUESTION_WORDS)
        and (not frame or (frame.startswith(",") and not frame[1:].lstrip().startswith("если")))
    )


@dataclass(frozen=True, slots=True)
class Section:
    """A run of the posting under one heading (or before the first heading)."""

    kind: SectionKind
    start: int
    end: int
    heading: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Item:
    """A list entry or sentence, with its section and what it is."""

    start: int
    end: int
    section: SectionKind
    kind: ItemKind


@dataclass(frozen=True, slots=True)
class Structure:
    """The title line (when taken from the text), sections and items."""

    title: tuple[int, int] | None
    sections: tuple[Section, ...]
    items: tuple[Item, ...]

    @property
    def has_duty_section(self) -> bool:
        return any(s.kind == "duties" for s in self.sections)


#: Per heading kind its expression for a line's start and for anywhere in it, in the grammar's order.
_Headings = tuple[tuple[SectionKind, re.Pattern[str], re.Pattern[str]], ...]


@dataclass(frozen=True)
class _Grammar:
    headings: _Headings
    cues: dict[str, Callable[[str], re.Match[str] | None]]
    #: The headings without their alternatives of an open first character (``[^:]{0,70}?\bесли …``: tried at every
    #: place up to its reach), and the words one of which each of those needs (``gate``, :meth:`headings_for`).
    closed: _Headings
    gate: re.Pattern[str]

    def headings_for(self, folded: str) -> _Headings:
        """The heading expressions to try on a folded text: without the alternatives of an open first character
        where no word they need occurs (the same matches: they have none there)."""
        return self.headings if self.gate.search(folded) else self.closed


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    data = load_yaml("sections.yaml")
    # The expressions depend on the grammar and on the code that writes them (this module and the lookaheads'):
    # stored under those, they are derived (every heading's expression parsed for its lookahead) only after a change.
    code = (Path(str(module.__file__)).read_text(encoding="utf-8") for module in (sys.modules[__name__], first_chars))
    inputs = [json.dumps(data, ensure_ascii=False, sort_keys=True), *code]
    compiled = iter(compile_derived(inputs, lambda: _grammar_sources(data)))
    headings = tuple((kind, next(compiled), next(compiled)) for kind in data["headings"])
    gate = next(compiled)
    closed = tuple((kind, next(compiled), next(compiled)) for kind in data["headings"])
    # Cues anchored at the start are tried once there instead of at every position; one whose matches all hold one
    # of a few words is tried only where one of them stands (a few substring tests cost less than its alternatives).
    anchored = {name for name, patterns in data["cues"].items() if all(p.startswith("^") for p in patterns)}
    words = _cue_words(inputs, {name: _alternatives(patterns) for name, patterns in data["cues"].items()})
    cues: dict[str, Callable[[str], re.Match[str] | None]] = {}
    for name in data["cues"]:
        pattern, needed = next(compiled), words[name]
        if name not in anchored:
            cues[name] = _gated(pattern.search, needed)
        else:
            cues[name] = _gated(pattern.match, needed if needed is not None and len(needed) <= _FEW_WORDS else None)
    return _Grammar(headings, cues, closed, gate)


#: The most words an anchored cue is gated by (:func:`_gated`): testing more costs about what the match does.
_FEW_WORDS = 8


#: The cache files of the cues' words (:func:`_cue_words`), and how many are kept.
_CUE_WORDS = "cue-words-"
_CUE_WORDS_KEEP = 8


def _cue_words(inputs: list[str], sources: dict[str, str]) -> dict[str, frozenset[str] | None]:
    """Per cue (its name and the expression of its alternatives), the words one of which every match holds
    (:func:`first_chars.required_words`; None when the parse tells none).  They depend on the grammar, the code
    that writes and reads the expressions (this module and :mod:`first_chars`: ``inputs``, as for the
    expressions) and Python's parser, and are kept in the cache folder (:mod:`cmlint.cache`) under those: parsing
    the cues again on every start was a hundredth of a second of ``cmlint check one.txt``.  A file that is missing,
    unreadable or of another shape is ignored, and the words are found again and stored anew."""
    key = fingerprint([sys.version, *inputs])
    try:
        stored = cache.read_json(_CUE_WORDS, key)
        if (
            isinstance(stored, dict)
            and stored.keys() == sources.keys()
            and all(v is None or (isinstance(v, list) and all(isinstance(w, str) for w in v)) for v in stored.values())
        ):
            return {name: None if found is None else frozenset(found) for name, found in stored.items()}
    except (OSError, ValueError):
        pass
    words = {name: first_chars.required_words(source) for name, source in sources.items()}
    data = {name: None if found is None else sorted(found) for name, found in words.items()}
    cache.store_json(_CUE_WORDS, key, data, _CUE_WORDS_KEEP)
    return words


def _gated(
    find: Callable[[str], re.Match[str] | None], words: frozenset[str] | None
) -> Callable[[str], re.Match[str] | None]:
    """``find`` (the search or the match of an expression), run only on a text that holds one of ``words``, the
    words every match holds (:func:`_cue_words`): a search tries the expression at every position and a match all
    its alternatives, a word is found at once."""
    if words is None:
        return find
    ordered = tuple(sorted(words))

    def gated(text: str) -> re.Match[str] | None:
        for word in ordered:
            if word in text:
                return find(text)
        return None

    return gated


def _alternatives(patterns: list[str]) -> str:
    """One group of a cue's alternatives (a lookahead in front of bare alternatives would gate only the first)."""
    return "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"


def _grammar_sources(data: dict[str, Any]) -> list[str]:
    """The expressions of the grammar: per heading kind one for a line's start and one for anywhere in it; the gate
    of the alternatives of an open first character and the headings without them (:class:`_Grammar`); then one per
    cue, each with the lookahead of its first characters.  No group captures (nobody reads the groups, and an
    alternative that starts with a plain character is then skipped at once where another one stands)."""
    plain = first_chars.without_captures
    kinds = [[plain(p.replace("$MODAL", data["modal"])) for p in patterns] for patterns in data["headings"].values()]
    open_ones = [p for expressions in kinds for p in expressions if first_chars.is_open(p)]
    words = [first_chars.required_word(p) for p in open_ones]
    sources = [source for expressions in kinds for source in _heading_sources(expressions)]
    if all(words):
        # Nothing to try without one of the words: never, when no alternative is open.
        sources.append("|".join(re.escape(word) for word in dict.fromkeys(words) if word) or "(?!)")
        closed = [[p for p in expressions if p not in open_ones] for expressions in kinds]
    else:
        sources.append("")  # an open alternative that needs no word: always the whole headings
        closed = kinds
    sources += [source for expressions in closed for source in _heading_sources(expressions)]
    for patterns in data["cues"].values():
        alternatives = _alternatives([plain(p) for p in patterns])
        sources.append(first_chars_lookahead(alternatives) + alternatives)
    return sources


def _heading_sources(expressions: list[str]) -> list[str]:
    """A heading kind's expression for a line's start and for anywhere in it (one that never matches for a kind
    without alternatives); each alternative with its own first characters' lookahead where the engine would enter it
    to find it does not start there (:func:`~cmlint.text.first_chars.alternative_with_lookahead`): at the start of
    every word of a line."""
    if not expressions:
        return ["(?!)", "(?!)"]
    body = "|".join(f"(?:{alternative_with_lookahead(p)})" for p in expressions)
    first = first_chars_lookahead(body)
    end = r"\w*(?=$|[\s:.,!?(—–-])"
    # Inside a line a heading word glued by a hyphen is part of a compound («решения контакт-центра:»).
    inner = r"\w*(?=$|[\s:.,!?(—–])"
    # At a line's start an alternative with an open first character does not take the lookahead away from the
    # others: it is tried whole in the lookahead (a search would try it at every position).
    return [rf"^{alternatives_lookahead(expressions)}(?:{body}){end}", rf"(?:^|\s){first}(?:{body}){inner}"]


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def _without_leading_noise(text: str) -> str:
    """``text`` without the marks before its first letter or digit (:data:`_LEADING_NOISE`); a text that starts
    with one (``[\\W_]`` is every character that is not ``str.isalnum``) is returned as it is, without a
    substitution."""
    return text if text[:1].isalnum() else _LEADING_NOISE.sub("", text)


# A remark in brackets right before a heading's colon («Чем предстоит заниматься (навыки проверим на собеседовании):»).
_ASIDE = _STORED.compile(r"^[^:()]{2,60}?(\([^()]{1,80}\))(?=\s*:)")


def _blank_aside(line: str) -> str:
    """``line`` with a remark in brackets right before its first colon blanked out (offsets kept): the heading is
    the words before it, and the remark's words are neither the heading's nor an item's."""
    aside = _ASIDE.match(line) if "(" in line else None  # no bracket, no remark: the lazy scan is not started
    if aside is None:
        return line
    return line[: aside.start(1)] + " " * len(aside.group(1)) + line[aside.end(1):]


def classify_heading(line: str) -> tuple[SectionKind, int] | None:
    """If ``line`` starts with a heading, return its kind and where the heading ends.

    The end is the offset just past the heading (and its colon), so that an
    inline heading «Обязанности: ведение чатов» leaves «ведение чатов».
    """
    if ":" not in line and (len(line) > 80 or line.count(" ") > 6) and not line.rstrip().endswith("?"):
        return None
    line = _blank_aside(line)
    stripped = _without_leading_noise(line)
    lead = len(line) - len(stripped)
    folded = _fold(stripped)
    if not folded:  # marks alone: what is left of a line starts with a letter or a digit, a word
        return None
    # A list entry is a heading only when it is nothing but one («- Условия:», «✅ Обязанности»),
    # not an item that starts with a heading word («- Условия акции для клиентов», «- звонить клиентам»).
    listed = bool(_BULLET.match(line))
    colon = folded.find(":")
    head = folded[:colon] if colon != -1 and not _has_more_words(folded[:colon], 6) else None
    ends_a_heading = folded.rstrip().endswith(":")
    asks = "?" in folded and bool(_QUESTION_HEADING.match(folded))
    whole = (ends_a_heading or asks) and not _has_more_words(folded, 8)  # a line that may be a heading as a whole
    started = False  # whether a known heading starts the line
    for kind, at_start, anywhere in _grammar().headings_for(folded):
        match = at_start.match(folded)
        started = started or match is not None
        if match and _asks_for_section(folded, match.end()):
            return kind, len(line)
        if match:
            rest = folded[match.end():]
            tail = _TRAILING_NOISE.sub("", rest)
            after_colon = folded[colon + 1:].strip() if head is not None else ""
            # The heading runs to the colon, or a known heading with its complement does.
            if after_colon and (not _WORD.search(folded[match.end():colon]) or _heading_kind(stripped, kind) == kind):
                return kind, lead + colon + 1
            short = not _has_more_words(tail, 3) and (
                rest.rstrip().endswith(":") or (not listed and not _has_more_words(folded, 4))
            )
            if not tail or short:
                return kind, len(line)
            if head is not None or (colon != -1 and _heading_kind(stripped, kind) == kind):
                return kind, lead + colon + 1
        # A line that starts with words of one heading may still name another one («Нам важны компетенции:»).
        if whole and anywhere.search(folded):
            return kind, len(line)
        elif head is not None and (found := anywhere.search(head)) and (not listed or _leads_to(head[: found.start()])):
            return kind, lead + colon + 1
    # A heading noun with a complement, on its own line or cut out of a flattened one with its colon lost
    # («Задачи, которые будут перед вами стоять»).  Without a colon or a bracket that is the line read above with a
    # colon added: no known heading starts it when none started it above.
    bare = None if ":" in line or listed or not (started or "(" in stripped) else _heading_kind(stripped + ":")
    if bare is not None:
        return bare, len(line)
    if ends_a_heading and not listed:
        if _opens_duty_list(folded):
            return "duties", len(line)
        if not _has_more_words(folded, 6):
            return "other", len(line)
    return None


def segment(text: str, title_from_text: bool, marked: frozenset[int] = frozenset()) -> Structure:
    """Split plain text into title, sections and items; ``marked``: where the lines the markup marks as
    headings start (:attr:`cmlint.text.normalize.Normalized.headings`)."""
    grammar = _grammar()
    title: tuple[int, int] | None = None
    sections: list[Section] = []
    items: list[Item] = []
    kind: SectionKind = "intro"
    section_start = 0
    heading: tuple[int, int] | None = None
    # Under «Вас ждет:» the items may be the work or the perks, under «Что нужно:» the work or the requirements
    # (:func:`_item_kind`).
    either = False
    for raw_start, raw in _lines(text):
        line = raw.strip()
        if not line:
            continue
        start = raw_start + len(raw) - len(raw.lstrip())
        if title_from_text and title is None and not items and not sections:
            if _looks_like_title(line) and classify_heading(line) is None:
                title = (start, start + len(line))
                section_start = start + len(line)
                continue
        found = classify_heading(line)
        if found is None and start in marked:
            found = _marked_heading(line, kind)
        if found is not None and found[0] == "duties" and kind == "conditions" and _praises_the_tasks(line):
            # Among the perks a line that names the tasks after a word of its own («Интересные задачи: …») is a perk.
            found = None
        if found is not None:
            sections.append(Section(kind, section_start, start, heading))
            kind, heading_end = found
            heading = (start, start + heading_end)
            section_start = start
            either = _heads_either(kind, line[:heading_end], grammar)
            rest = line[heading_end:]
            if not rest.strip():
                continue
            offset = start + heading_end + (len(rest) - len(rest.lstrip()))
            _add_items(items, rest.strip(), offset, kind, grammar, either, after_heading=True)
            continue
        bullet = _BULLET.match(line)
        if bullet and bullet.end() < len(line):
            _add_items(items, line[bullet.end():], start + bullet.end(), kind, grammar, either, bulleted=True)
        elif not bullet:
            _add_items(items, line, start, kind, grammar, either)
            if _opens_duty_list(line):
                sections.append(Section(kind, section_start, start + len(line), heading))
                kind, heading, section_start, either = "duties", None, start + len(line), False
    sections.append(Section(kind, section_start, len(text), heading))
    kept = [s for s in sections if s.end > s.start or s.heading]
    return Structure(title, *_unnest(text, kept, items, grammar))


#: A word that tells what the tasks are like, first in a line (not a question or a pointer: «Какие задачи»,
#: «Эти задачи»).
_QUALITY_FIRST = _STORED.compile(r"(?!(?:какие|какая|такие|такая|иные|другие|другая)\b)[а-яё]{3,}(?:ые|ие|ая|яя)\b")


def _praises_the_tasks(line: str) -> bool:
    """Whether ``line`` names the tasks after a word of quality that no duties heading of the grammar starts with
    («Интересные задачи:», «Сложные и амбициозные задачи, крупные проекты:»): among the perks, an offer."""
    folded = _fold(_without_leading_noise(line))
    if any(kind == "duties" and at_start.match(folded) for kind, at_start, _ in _grammar().headings):
        return False
    return bool(_QUALITY_FIRST.match(folded))


def _marked_heading(line: str, current: SectionKind) -> tuple[SectionKind, int]:
    """The kind of a line the markup marks as a heading that reads as none on its own: the kind its words
    name when a colon is added (in plain text English words need one: «Your mission»), else a heading
    without a name — in the intro, where the company and the offer stand, still the intro."""
    named = classify_heading(line.rstrip(" :") + ":")
    if named is not None and named[0] != "other":
        return named[0], len(line)
    return ("intro" if current == "intro" else "other"), len(line)


#: Sections whose lines may end in colons (see :func:`_unnest`).
_LISTS: frozenset[SectionKind] = frozenset({"duties", "requirements", "conditions"})


def _unnest(
    text: str, sections: list[Section], items: list[Item], grammar: _Grammar
) -> tuple[tuple[Section, ...], tuple[Item, ...]]:
    """An unnamed heading with nothing under it inside a list is one of the list's lines: duties written
    as lines ending in colons («Сбор данных:», «Построение отчётов:») are duties all the same."""
    merged: list[Section] = []
    added: list[Item] = []
    starts = [item.start for item in items]
    for section in sections:
        parent = merged[-1] if merged else None
        unnamed = section.kind == "other" and not _has_items(starts, section)
        if parent is None or parent.kind not in _LISTS or not unnamed or section.heading is None:
            merged.append(section)
            continue
        start, end = section.heading
        while end > start and text[end - 1] in ": \t":
            end -= 1
        head = parent.heading
        either = head is not None and _heads_either(parent.kind, text[head[0]:head[1]], grammar)
        added.append(Item(start, end, parent.kind, _item_kind(text[start:end], parent.kind, grammar, either)))
        merged[-1] = Section(parent.kind, parent.start, section.end, parent.heading)
    if not added:
        return tuple(sections), tuple(items)
    return tuple(merged), tuple(sorted([*items, *added], key=lambda item: item.start))


def _has_items(starts: list[int], section: Section) -> bool:
    at = bisect_left(starts, section.start)
    return at < len(starts) and starts[at] < section.end


def _heads_either(kind: SectionKind, heading: str, grammar: _Grammar) -> bool:
    """Whether the items under ``heading`` may be the work or not: what awaits the candidate among the
    conditions («Вас ждет:»), what is needed among the requirements («Что нужно:»)."""
    if kind not in ("conditions", "requirements"):
        return False
    folded = _fold(_without_leading_noise(heading))
    return bool(grammar.cues["awaits" if kind == "conditions" else "asks_either"](folded))


# A capitalised phrase of a few words ending in a colon, inside a line: a candidate for
# a heading that a scrape glued to the text before it («…данных. Требования: опыт…»).
# Glued also after a Latin word, a punctuation mark or an emoji («…GreenplumЗадачи: …», «…на работу:Обязанности:- …»,
# «…в ресторан‼️Требования: …»).
# Where such a heading starts (:func:`_inline_heading_starts`): at a capital that opens the phrase (the search jumps
# from capital to capital), after spaces that follow the text or right after one of the characters it is glued to.
# A remark in brackets may stand before the colon («Чем предстоит заниматься (навыки проверим на собеседовании):»).
# The phrase is never given back: what may follow it (a colon, a bracket, a space before one) follows its longest run.
_INLINE_HEADING_START = _STORED.compile(r"[А-ЯЁA-Z](?=[\w\-, /]{2,50}+(?:\s*\([^()]{1,80}\))?:)")
_GLUED_TO = _STORED.compile(r"[а-яёa-z.,:;!?)»\U0001F300-\U0001FAFF\u2600-\u27BF\u203C\u2049\uFE0F]")
# A question that is a heading, inside a line («…отдела. Чем предстоит заниматься? Сверка …»): it is cut
# off on both sides, since nothing but a known heading ends with a question mark and starts a section.
#: The kinds of question headings cut out of a line: «Кто мы?» would make the rest of a flattened text
#: the company's description, duties told in prose included.
_QUESTION_KINDS = frozenset({"duties", "requirements", "conditions"})
_INLINE_QUESTION = _STORED.compile(r"(?:^|(?<=[^\s])(?:\s+|(?<=[а-яёa-z.;!?)»])))(?=[А-ЯЁA-Z][\w\-, ]{2,60}\?)")
# A scrape that dropped the colons (and often the line breaks): one to six words, the first capitalised,
# that make up a whole known heading (a comma may join them: «Задачи, которые будут перед вами стоять»),
# then a capitalised word that starts the first item («…сервиса.
# Задачи Разработка клиента…», «…в центре Функциональные обязанности Обеспечивать …»); the polite «Вы»,
# «Вам», «Ваш…» start a sentence, not an item.
# A bullet or a spaced dash glued to the heading starts the first item just as well («…Обязанности•Приёмка
# товара•Учёт остатков Требования•Опыт…», «Обязанности - приёмка товара», «…DataCore.Обязанности- анализ …»).
# A heading in capitals is cut out the same way («…по всей России. ЧТО ДЕЛАТЬ Продавать …»), and one before a share
# of the work that heads its part («Чем предстоит заниматься 80% технических задач: …»).
# A run of letters is never given back: what follows it is no letter; nor are lower-case words, since what follows
# fewer of them is a lower-case word or a comma, where the lookahead fails.
_BARE_WORDS = (
    r"([А-ЯЁ](?:[а-яё]++(?:,? [а-яё]++){0,5}+|[А-ЯЁ]*+(?:,? [А-ЯЁ]++){0,5}))"
    r"(?= (?!(?:Вы|Вас|Вам|Вами|Ваш\w*)\b)[«\"]?[А-ЯЁ][а-яё]| \d+ ?% [^.:!?]{1,60}:|\s*[•▪►●◦·]\s*\w| ?[-–—] \w)"
)
# Compiled with the engine's skip to a character a match can start with (a space, a capital, a mark: the openings
# and the lookahead above hide it from the compiler).
_BREAK, _BARE_HEADING = compile_all(
    [_BREAK_SOURCE, r"(?:^|(?<=\S)\s+|(?<=[a-z)».,:;]))" + _BARE_WORDS], skip=True
)
#: A dash that defines what comes before it («… — это …»).
_DEFINES = _STORED.compile(r" ?[-–—] это\b", re.IGNORECASE)
#: The same words wherever they stand: a line without them has no bare heading.  This scan jumps from capital to
#: capital; the search above tries its three openings at every position of the line.
_MAY_HAVE_BARE_HEADING = _STORED.compile(_BARE_WORDS)
# Bullets inside a line (a list whose line breaks were lost: «•Приёмка товара•Учёт остатков»): each starts a line
# of its own when there are at least two of them (:func:`_inline_bullets`; the middle dot only after a space).
_INLINE_BULLET = _STORED.compile(r"[•▪►●◦·](?=\s*\w)")
#: A line without these characters has no inline bullet (a cheap test before the scan above).
_HAS_BULLET = _STORED.compile(r"[•▪►●◦·]")
# A lower-case phrase ending in a colon inside a line (a scrape without capitals: «…bootstrap что делать:
# верстать…»): a heading only of the duties kind and only before an action (:func:`reads_like_action`).
# The spaces before it, after the text: the first one and what stands before it read first, so that a search jumps
# from space to space; the phrase is never given back (a colon is none of its characters).
_LOWER_HEADING = _STORED.compile(r"\s(?<=\S\s)\s*(?=[а-яё][\w\-, ]{2,50}+:)")


def _lines(text: str) -> list[tuple[int, str]]:
    """The lines of ``text`` with their offsets; a heading glued inside a line starts a line of its own."""
    found: list[tuple[int, str]] = []
    position = 0
    for raw in text.split("\n"):
        start = position
        position += len(raw) + 1
        cuts: set[int] = set()
        # Both kinds of heading glued inside a line end at a colon: what follows the last one is not scanned.
        colon = raw.rfind(":")
        if colon != -1:
            cuts.update(at for at in _inline_heading_starts(raw, colon + 1) if _inline_heading(raw[at:]))
            reach = -1
            for m in _LOWER_HEADING.finditer(raw, 0, colon + 1):
                # One heading, one cut: «в задачи входит:» is not cut again before «задачи».
                if m.end() > reach and _opens_duties(raw[m.end():], raw[: m.start()].endswith((",", ";"))):
                    cuts.add(m.end())
                    reach = raw.index(":", m.end())
        if _HAS_BULLET.search(raw):
            bullets = _inline_bullets(raw)
            if len(bullets) >= 2:
                cuts.update(bullets)
        for match in _BARE_HEADING.finditer(raw) if _MAY_HAVE_BARE_HEADING.search(raw) else ():
            kind = _heading_kind(match.group(1) + ":")
            # Before a dash only the headings of a posting's lists, and none that the dash defines: «Наша команда —
            # это …», «Главная задача проекта — это сократить …» are sentences.
            dash = raw[match.end(1):match.end(1) + 2].strip() in "-–—"
            if kind and (not dash or (kind in _QUESTION_KINDS and not _DEFINES.match(raw, match.end(1)))):
                cuts.update(match.span(1))
        if "?" in raw:
            reach = -1
            for match in _INLINE_QUESTION.finditer(raw):
                if match.end() < reach:
                    continue
                end = raw.index("?", match.end())
                question = raw[match.end():end + 1]
                kind = _heading_kind(question[:-1] + ":") or _question_kind(question)
                if kind in _QUESTION_KINDS:
                    cuts.update((match.end(), end + 1))
                    reach = end
        if not cuts:  # the usual line: one piece
            found.append((start, raw))
            continue
        ordered = sorted(cuts)
        for begin, end in zip([0, *ordered], [*ordered, len(raw)], strict=True):
            found.append((start + begin, raw[begin:end]))
    return found


def _inline_heading_starts(raw: str, end: int) -> list[int]:
    """Where a heading glued inside a line may start (:data:`_INLINE_HEADING_START`): at a capital after spaces
    that follow some text, or right after a character it may be glued to; ``end``: just past the line's last colon
    (the heading's colon is never after it)."""
    text = len(raw) - len(raw.lstrip())
    return [
        at
        for at in (match.start() for match in _INLINE_HEADING_START.finditer(raw, 0, end))
        if at > text and (raw[at - 1].isspace() or _GLUED_TO.match(raw, at - 1))
    ]


def _inline_bullets(raw: str) -> list[int]:
    """Where the inline bullets of a line stand (:data:`_INLINE_BULLET`): after some text, the middle dot after a
    space."""
    text = len(raw) - len(raw.lstrip())
    return [
        at
        for at in (match.start() for match in _INLINE_BULLET.finditer(raw))
        if at > text and (raw[at] != "·" or raw[at - 1].isspace())
    ]


# What may follow a heading noun in the same heading (up to five words): whose or what work it is
# («Требования к кандидату», «Задачи iOS-разработчика», «Твои главные задачи в роли аналитика», «Условия работы»).
_HEADING_NOUN = _STORED.compile(
    r"(?:обязанност|задач|функци|функционал|требовани|ожидани|услови|навык|компетенц)\w*$"
)


def _heading_kind(piece: str, upto: SectionKind | None = None) -> SectionKind | None:
    """The kind of the known heading ``piece`` starts with, when that heading ends at its first colon
    (a heading noun may have a complement of up to five words before it).

    ``upto``: no kind after it in the grammar is tried (None instead), for a caller that asks whether the kind is
    ``upto``: the same answer to that question without the later kinds' expressions.
    """
    piece = _blank_aside(piece)
    colon = piece.find(":")
    if colon < 0:
        return None
    folded = _fold(piece[:colon])
    for kind, at_start, _ in _grammar().headings_for(folded):
        match = at_start.match(folded)
        if match is not None:
            # Words counted only before a known heading (most pieces start with none): no heading has more than eight.
            if _has_more_words(piece[:colon], 8):
                return None
            rest = folded[match.end():]
            if not _WORD.search(rest) or (not _has_more_words(rest, 5) and _HEADING_NOUN.search(folded[:match.end()])):
                return kind
        if kind == upto:
            return None
    return None


def _question_kind(question: str) -> SectionKind | None:
    """The kind of the known heading a short question starts with (:func:`_asks_for_section`)."""
    folded = _fold(question)
    for kind, at_start, _ in _grammar().headings_for(folded):
        match = at_start.match(folded)
        if match:
            return kind if _asks_for_section(folded, match.end()) else None
    return None


def _inline_heading(piece: str) -> bool:
    """Whether ``piece`` starts with a heading of a known kind that ends at its first colon: a known heading
    with its complement (:func:`_heading_kind`), or words that make a heading on a line of their own
    («Что будет в ваших задачах:», «Должностные инструкции / обязанности:»), since a scrape that lost the
    line breaks glued them to the text before."""
    if _heading_kind(piece):
        return True
    colon = piece.find(":")
    found = classify_heading(piece[:colon + 1])
    return found is not None and found[0] != "other"


def _opens_duties(piece: str, new_clause: bool = False) -> bool:
    """Whether ``piece`` starts with a duties heading and a colon followed by the work: an action
    («что делать: верстать») or, when the heading opens a clause of its own (``new_clause``: after a comma
    or a semicolon) with a noun that names the duties («…, задачи: приём товара, учёт», «…; в обязанности
    входит: …»), anything that is not a requirement or a condition («решает сложные задачи: от …» is no heading)."""
    if _heading_kind(piece, "duties") != "duties":
        return False
    colon = piece.find(":")
    after = piece[colon + 1:].lstrip()
    if reads_like_action(after):
        return True
    cues = _grammar().cues
    folded = _fold(after)
    named = new_clause and _DUTY_NOUN.search(_fold(piece[:colon]))
    return bool(named and _WORD.match(folded)) and not (cues["requirement"](folded) or cues["condition"](folded))


#: Nouns that name the duties themselves (not a question about the work, as «что делать»).
_DUTY_NOUN = _STORED.compile(r"(?:обязанност|задач|функци|функционал|responsibilit|duties|tasks)")


def describes_work(text: str) -> bool:
    """Whether ``text`` tells what the job does: it starts with an action (:func:`reads_like_action`) or with a
    noun of work that no perk or condition starts with («Разработка стратегии продвижения»), and is no list of
    skill tags (:func:`reads_like_tags`), or it tells the work in prose («Вы будете вести учёт»)."""
    work = reads_like_action(text) or names_work(text)
    return (work and not reads_like_tags(text)) or bool(_grammar().cues["duty_prose"](_fold(text)))


#: Parts of a list of skill tags, and the most words a tag has.
_MIN_TAGS = 3
_TAG_WORDS = 4


def reads_like_tags(text: str) -> bool:
    """Whether ``text`` is a board's list of key-skill tags: three or more short comma-separated parts, each
    capitalised («Разработка ТЗ, Анализ данных, Аналитическое мышление»); a duty listing its tasks goes on in
    lower case («Разработка стратегии, ведение соцсетей, работа с блогерами»)."""
    parts = [part.strip() for part in text.strip().rstrip(".;").split(",")]
    return len(parts) >= _MIN_TAGS and all(
        part[:1].isupper() and 0 < len(_WORD.findall(part)) <= _TAG_WORDS for part in parts
    )


def tells_work(text: str) -> bool:
    """Whether ``text`` tells the work in prose («Вы будете вести учёт», «Вам предстоит сверять описи»)."""
    return bool(_grammar().cues["duty_prose"](_fold(text)))


def reads_like_requirement(text: str) -> bool:
    """Whether ``text`` starts like an item of the requirements: a skill, a readiness or a wish («Знание 1С»,
    «готовность к командировкам», «Приветствуется опыт»)."""
    folded = _fold(text)
    cues = _grammar().cues
    return bool(cues["requirement"](folded) or cues["readiness"](folded) or cues["wish"](folded))


def names_work(text: str) -> bool:
    """Whether ``text`` starts with an action or a noun of work («Подготовка обзоров», «Написание статей») that no
    requirement («Знание SQL»), perk or condition («Обучение за счёт компании», «Оформление по ТК») starts with."""
    folded = _fold(text)
    cues = _grammar().cues
    return bool(cues["action"](folded) or cues["work_noun"](folded)) and not _offered_or_asked(folded, cues)


def _reads_as_work(text: str, folded: str, cues: dict[str, Callable[[str], re.Match[str] | None]]) -> bool:
    """Whether an item under a heading that may head the work or not (:func:`_heads_either`) is the work: it names
    work («Приёмка товара», «вести чат») or tells it in prose («Вы будете вести учёт»)."""
    return names_work(text) or bool(cues["duty_prose"](folded))


def _offered_or_asked(folded: str, cues: dict[str, Callable[[str], re.Match[str] | None]]) -> bool:
    """Whether a folded line starts like a requirement, a perk or a condition («Знание SQL», «ДМС», «Оформление
    по ТК»)."""
    return bool(cues["requirement"](folded) or cues["perk"](folded) or cues["condition"](folded))


def reads_like_action(text: str) -> bool:
    """Whether ``text`` starts with an action, an infinitive or a noun of action («верстать», «Редактирование»),
    that is not a requirement or a condition («знать», «Знание», «Оформление по ТК»): a duty even under no heading."""
    folded = _fold(text)
    cues = _grammar().cues
    return bool(cues["action"](folded)) and not (cues["requirement"](folded) or cues["condition"](folded))


def _looks_like_title(line: str) -> bool:
    """A first line is the title unless it reads like a sentence or a list item."""
    words = len(_WORD.findall(line))
    if not words or words > 12 or len(line) > 150 or _BULLET.match(line):
        return False
    return not (line.rstrip().endswith(".") and words > 2)


def _add_items(
    items: list[Item],
    line: str,
    start: int,
    section: SectionKind,
    grammar: _Grammar,
    either: bool = False,
    bulleted: bool = False,
    after_heading: bool = False,
) -> None:
    """The items of one line: its run-on parts and sentences, and the parts of a sentence that lists actions — in
    prose without headings, and in a duty section where the list was written out on one line («Задачи: перегонять
    автомобили, отвозить машины на мойку, заправлять …»), not in a bullet, which is one entry of a list already;
    a list of actions named by nouns only right after its heading («Обязанности: перевозка команды, ведение
    путевых листов, …»: a line of its own may be one duty with its steps)."""
    for piece_start, piece_end in _pieces(line):
        piece = line[piece_start:piece_end]
        inner = _BULLET.match(piece)
        if inner and inner.end() < len(piece):
            piece_start += inner.end()
            piece = line[piece_start:piece_end]
        if not _WORD.search(piece):
            continue
        kind = _item_kind(piece, section, grammar, either)
        written_out = kind == "duty" and section == "duties" and not bulleted
        prose = kind == "other" and section in _PROSE_SECTIONS
        parts = _enumerated(line, piece_start, piece_end) if prose or written_out else []
        if not parts and (prose or (written_out and after_heading)):
            parts = _listed_duties(line, piece_start, piece_end, lead=prose)
        kinds = [_item_kind(line[a:b], section, grammar, either) for a, b in parts] if len(parts) > 1 else []
        if not kinds or "requirement" in kinds:
            # Skills listed as actions («обладать …, уметь анализировать …, выдвигать гипотезы») stay one sentence.
            items.append(Item(start + piece_start, start + piece_end, section, kind))
            continue
        items.extend(Item(start + a, start + b, section, part) for (a, b), part in zip(parts, kinds, strict=True))


def _pieces(line: str) -> list[tuple[int, int]]:
    """Offsets of run-on parts and sentences within one line."""
    skips = [
        m.span()
        for m in _BREAK.finditer(line)
        if not (line[m.start()] == "." and _ends_with_abbreviation(line, m.start()))
    ]
    if _GLUED.search(line):
        for match in _GLUED.finditer(line):
            before = line[: match.start()]
            if before.count("«") <= before.count("»") and before.count('"') % 2 == 0:
                skips.append((match.start(), match.start()))
    if not skips:
        start, end = _trim(line, 0, len(line))
        return [(start, end)] if end > start else []
    pieces: list[tuple[int, int]] = []
    position = 0
    for skip_start, skip_end in sorted(skips):
        if skip_start < position:
            continue
        if skip_start > position:
            pieces.append((position, skip_start))
        position = skip_end
    if position < len(line):
        pieces.append((position, len(line)))
    return [(a, b) for a, b in (_trim(line, a, b) for a, b in pieces) if b > a]


#: Sections of prose, where a sentence may hold a whole list of duties (a posting without headings).
_PROSE_SECTIONS: frozenset[SectionKind] = frozenset({"intro", "other"})
#: An infinitive that starts a part of an enumeration, maybe after «и», «а также» or an adverb («регулярно»);
#: nouns that end like one are not («ответственность», «часть», «соцсеть», «путь»).
_ENUMERATED_VERB = (
    r"(?:(?:и|а также)\s+)?(?:(?!можно\b)[а-яё]{3,}о\s+)?"
    r"(?!(?:соц)?сеть\b|путь\b|суть\b|треть\b|нить\b|мать\b|кисть\b)[а-яё]{2,}(?:(?<!ос|ес|ас)ть|ться|ти|тись|чь|чься)\b"
)
#: A comma that starts the next part of an enumeration of actions.
_ENUMERATION_COMMA = _STORED.compile(r",\s+(?=" + _ENUMERATED_VERB + ")")
#: Where an enumeration of actions opens after a lead: a colon or a dash before its first infinitive, or right
#: after the candidate is told what they will do («Вы будете вести занятия …, проверять …, готовить …»).
_ENUMERATION_OPENS = _STORED.compile(
    r"(?::|\s[-–—])\s+(?=" + _ENUMERATED_VERB + ")"
    r"|(?:(?<=будете )|(?<=будешь )|(?<=предстоит )|(?<=придется )|(?<=придётся ))(?=" + _ENUMERATED_VERB + ")"
)
#: A sentence that starts with an action.
_ENUMERATION_STARTS = _STORED.compile(_ENUMERATED_VERB, re.IGNORECASE)
#: What the candidate will do, said of them («будете», «станет»), and the tasks named as such: words of a sentence
#: about the work (:data:`_ENUMERATION_LEAD`, :data:`_TELLS_WORK`).
_WILL = r"будет|будешь|будете|будут|станет|станешь"
_TASKS = r"задач[а-яё]*|обязанност[а-яё]*"
#: A lead that says the actions after it are the job's: whom the company seeks, what the candidate will or has to
#: do, the tasks («…нам нужен человек, который будет: …», «Твои задачи — …»); not what the company, its product or
#: its users do («Наши сервисы помогают …: вести бухгалтерию, …»), nor its mission or its conditions.
_ENUMERATION_LEAD = _STORED.compile(
    r"\b(?:" + _WILL + r"|нужн[оаы]?|надо|необходимо|предстоит|придется|придётся|ищем|ищет|"
    r"ищу|нужен|требуется|требуются|" + _TASKS + r"|функци[а-яё]*|заниматься)\b",
    re.IGNORECASE,
)
#: Skills said as actions («обладать …, уметь анализировать …, выдвигать гипотезы»): what is asked, not the work.
_ENUMERATED_SKILLS = _STORED.compile(r"(?:[а-яё]+о\s+)?(?:обладать|уметь|знать|иметь|владеть|быть)\b", re.IGNORECASE)
#: The fewest actions that make a sentence an enumeration of duties.
_ENUMERATION_PARTS = 3


#: An infinitive, in -ти only after с, з, й («вести», «везти», «найти»; «комьюнити» is none).
_INFINITIVE = r"[а-яё]{2,}(?:(?<!ос|ес|ас)ть|ться|(?<=[сзй])ти|(?<=[сзй])тись|чь|чься)\b"
#: What makes a sentence that seeks someone tell the work too: a clause about it («…, который будет …», «…, кто
#: любит …», «…, чтобы …»), a purpose («для ведения чатов»), an action, or what a colon opens («Ищем комьюнити-
#: менеджера: модерация форума, встречи участников»).
_TELLS_WORK = _STORED.compile(
    r":\s*\w|\b(?:котор[а-яё]*|кто|чтобы|" + _WILL + r"|для|" + _TASKS + r")\b"
    r"|(?<![а-яё])" + _INFINITIVE
)


#: The company seeking someone, said of it («Салон ищет …», «Кафе приглашает …»; the grammar's ``seeking`` cue has the
#: first person).
_SEEKS = _STORED.compile(r"\b(?:ищет|ищут|разыскивает|приглашает|приглашают|набирает|нанимает)\b")


def announces_position(text: str) -> bool:
    """Whether a sentence only says whom the company seeks («Ищем комьюнити-менеджера в отдел маркетинга!», «Салон
    «Лаванда» ищет администратора в дружную команду»), without a word of the work: no clause about it, no purpose
    and no action («Ищем ребят, которые будут доставлять корзины» tells the work)."""
    folded = _fold(text)
    seeks = _grammar().cues["seeking"](folded) or _SEEKS.search(folded)
    return bool(seeks) and not _TELLS_WORK.search(folded)


def _enumerated(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence of prose that lists actions split into its parts: «…нам нужен человек, который будет: звонить
    клиентам, продавать абонементы, запускать акции» is a lead and three duties, as the lines of a list would be.
    The actions are infinitives after commas, opened by the sentence itself, a colon, a dash or what the candidate
    is told they will do («Вы будете вести занятия …, проверять …, готовить …»).  No parts (the
    sentence stays whole) when it has fewer than three of them or an action is a single word: «мы помогаем найти,
    оценить, купить» tells what a company does, not the duties."""
    piece = line[start:end]
    commas = [m.start() for m in _ENUMERATION_COMMA.finditer(piece) if not _in_brackets(piece, m.start())]
    if len(commas) < _ENUMERATION_PARTS - 1:
        return []
    opening = None
    for found in _ENUMERATION_OPENS.finditer(piece, 0, commas[0]):
        opening = found
    if opening is None:
        if not _ENUMERATION_STARTS.match(piece) or _ENUMERATED_SKILLS.match(piece):
            return []
    elif not (_ENUMERATION_STARTS.match(piece) or _ENUMERATION_LEAD.search(piece, 0, opening.start())):
        return []
    cuts = [opening.span()] if opening is not None else []
    parts = _between(line, start, end, [*cuts, *((comma, comma + 1) for comma in commas)])
    actions = parts[-len(commas) - 1:]
    if any(not _has_more_words(line[a:b], 1) for a, b in actions):
        return []
    return [(a, b) for a, b in parts if b > a]


#: A part of a duty list written out on one line: an action, named by a verbal noun («ведение путевых листов»,
#: «перевозка команды», «контроль сроков») or an infinitive, maybe after an adjective («ежедневный осмотр …»).
_LISTED_DUTY = _STORED.compile(
    r"(?!включая\b)(?:[а-яё]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)\s+)?(?:[а-яё]{2,}(?:ние|нье|тие|ция|ка|ство|аж)"
    r"|контроль|анализ|поиск|уч[её]т|расч[её]т|осмотр|ремонт|монтаж|при[её]м|выдача|участие|помощь|работа|сбор|"
    r"обзвон|отбор|подбор|надзор|мониторинг|аудит)\b|" + _INFINITIVE,
    re.IGNORECASE,
)


#: A comma (found by a scan of the engine: a loop over a long sentence's characters was a hundredth of segmenting).
_COMMA = _STORED.compile(",")
#: The most words a lead before a duty list's colon may have in prose (a heading, not a sentence).
_LEAD_WORDS = 3


def _listed_duties(line: str, start: int, end: int, lead: bool = False) -> list[tuple[int, int]]:
    """A duty list written out on one line split into its parts («Обязанности: управление автобусом на выездах,
    перевозка команды по России, ведение путевых листов»; in prose «Доставка заказов по Москве, выдача посылок
    покупателям, приём возвратов»): at least three parts between commas outside brackets, each opening with an
    action and of two words or more (a noun alone, «Разработка, внедрение и сопровождение ПО», shares the object
    at the list's end).  ``lead`` (prose): the list may follow a lead of up to :data:`_LEAD_WORDS` words and its
    colon, a part of its own («Обязаности: доставка бригад, погрузка оборудования, …», a heading misspelt);
    infinitives are :func:`_enumerated`'s there.  No parts (the line stays whole) otherwise: objects listed after
    one action («ведение учёта товаров, материалов и денег») or a clause («работа с клиентами, которые …») are
    one duty."""
    piece = line[start:end]
    head: list[tuple[int, int]] = []
    colon = piece.find(":")
    if colon != -1:
        # «Участие в проектах: сбор требований, …» is one duty; in prose a short lead may open the list.
        if not lead or ":" in piece[colon + 1:] or _has_more_words(piece[:colon], _LEAD_WORDS):
            return []
        head = [_trim(line, start, start + colon + 1)]
        start += colon + 1
        piece = line[start:end]
    if lead and _ENUMERATION_STARTS.match(piece.lstrip()):
        return []  # infinitives in prose are :func:`_enumerated`'s, with its leads and its skills left whole
    commas = [m.start() for m in _COMMA.finditer(piece) if not _in_brackets(piece, m.start())]
    if len(commas) < _ENUMERATION_PARTS - 1:
        return []
    parts = _between(line, start, end, [(comma, comma + 1) for comma in commas])
    for a, b in parts:
        if not _has_more_words(line[a:b], 1) or not _LISTED_DUTY.match(line, a, b):
            return []
    return [*head, *parts]


def _between(line: str, start: int, end: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The trimmed stretches of ``line[start:end]`` before, between and after ``cuts`` (spans within it, in order)."""
    bounds = [0, *(offset for cut in cuts for offset in cut), end - start]
    return [_trim(line, start + a, start + b) for a, b in zip(bounds[::2], bounds[1::2], strict=True)]


def _in_brackets(text: str, at: int) -> bool:
    """Whether ``at`` stands inside brackets that open before it (an aside: «(выявлять проблему, находить …)»)."""
    before = text[:at]
    return before.count("(") > before.count(")")


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1] in " \t,.;":
        end -= 1
    return start, end


SECTION_ITEM_KIND: dict[SectionKind, ItemKind] = {
    "duties": "duty",
    "requirements": "requirement",
    "conditions": "condition",
    "about": "about",
    "contacts": "contact",
}


#: The most words of an item that tells the selection inside it (a longer one is a run-on of several items).
_SELECTION_WORDS = 30


def tells_selection(folded: str, cues: dict[str, Callable[[str], re.Match[str] | None]]) -> bool:
    """Whether a folded item tells the candidate's own selection — a questionnaire, an interview, a test task, what
    to send — wherever it stands: the hiring process is how to get the job, not its duties («Пройти собеседование»,
    «Тестовое задание (…)», «обсудим на собеседовании»), unlike the hirer's work of selecting («Проведение
    собеседований», «Собеседования с кандидатами»)."""
    if cues["selection"](folded):
        return True
    # Told inside: in a sentence of its own, not in a run-on list that a scrape glued together, and not in the
    # hirer's work, a requirement, a perk, a condition or the pay («достойная зарплата — обсудим на собеседовании»).
    # The cue first: it rarely holds, and then nothing else is worked out for the item.
    if not cues["selection_context"](folded) or _has_more_words(folded, _SELECTION_WORDS):
        return False
    hirer = cues["action"](folded) or cues["selection_work"](folded)
    return not (hirer or cues["pay"](folded) or _offered_or_asked(folded, cues))


# What follows a heading of the requirements that a scrape ran into its items: its colon soon, or whom it asks of
# («…, что вы обладаете опытом», «…, чтобы у вас был опыт»).
_ASKED_AFTER = _STORED.compile(r"[^.!?:]{0,60}:|,? (?:что|чтобы) (?:ты|вы|у (?:тебя|вас))\b")


def _opens_requirements(folded: str, grammar: _Grammar) -> bool:
    """Whether a folded item starts with a heading of the requirements that a scrape ran into its first items
    («Мы ожидаем, что вы обладаете опытом …», «Ты нам подходишь, если у тебя есть: Уверенные знания PHP»); not a
    sentence that only starts with its words («Важно отслеживать остатки», «Нам нужен человек, который …»).  The
    alternatives of an open first character are tried only where their word stands (:meth:`_Grammar.headings_for`):
    at one place they scan on for it."""
    for kind, at_start, _ in grammar.headings_for(folded):
        if kind == "requirements":
            found = at_start.match(folded)
            return found is not None and bool(_ASKED_AFTER.match(folded, found.end()))
    return False


#: Item kinds recognised by a cue of their own when the section says nothing.
_CUED_KINDS: tuple[ItemKind, ...] = ("condition", "about", "contact")


def _told_of_company(folded: str, cues: dict[str, Callable[[str], re.Match[str] | None]]) -> ItemKind | None:
    """What an item says the company is («Компания занимается …»: about) or offers the candidate («С нами ты
    сможешь …», «Гибкий график»: a condition), if it says either — in a duty section where a posting ran its
    «О компании» or its perks into the duties, or in a posting with no sections."""
    if cues["company"](folded):
        return "about"
    if cues["offer"](folded) or cues["terms"](folded):
        return "condition"
    return None


def _item_kind(text: str, section: SectionKind, grammar: _Grammar, either: bool = False) -> ItemKind:
    folded = _fold(text)
    cues = grammar.cues
    if either and section == "conditions" and not _offered_or_asked(folded, cues):
        # «Вас ждет: приёмка товара, учёт остатков» is the work; «Вас ждет: ДМС, обучение» the perks;
        # anything else there may be either.
        return "duty" if _reads_as_work(text, folded, cues) else "other"
    if section in ("conditions", "about", "contacts"):
        return SECTION_ITEM_KIND[section]
    if tells_selection(folded, cues):
        return "contact"
    if cues["wish"](folded):
        return "wish"
    if cues["readiness"](folded):
        return "readiness"
    requirement = bool(cues["requirement"](folded)) or _opens_requirements(folded, grammar)
    if section == "requirements" and not requirement:
        # Under «Что нужно:» an action is the work («Что нужно: вести чат сообщества»).
        return "duty" if either and _reads_as_work(text, folded, cues) else "listed"
    if section in SECTION_ITEM_KIND and section != "duties":
        return SECTION_ITEM_KIND[section]
    if requirement:
        return "requirement"
    if section == "duties":
        return _told_of_company(folded, cues) or "duty"
    if cues["seeking"](folded):
        return "other"
    for name in _CUED_KINDS:
        if cues[name](folded):
            return name
    return _told_of_company(folded, cues) or "other"
