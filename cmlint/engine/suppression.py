"""Inline suppression inside a posting, in HTML comments, and its review.

- ``<!-- cmlint: disable CM001, SY001 -->`` … ``<!-- cmlint: enable CM001 -->``
  (without codes: every rule);
- ``<!-- cmlint: disable-next-line SY001 -->`` — only the next line.

Codes or rule names (``role-confusion``) may be given.  A ``disable`` before
any content also covers the title and findings without a place in the text.
``enable`` without codes ends every region; with codes it ends only those
rules (a bare ``disable`` needs a bare ``enable``).

Directives are reviewed like ruff reviews ``noqa`` comments: a comment that
cannot be read (an unknown command such as ``disable-line``, no colon, not
closed) or names no rule (``SY0001``) is a :class:`Problem` (rule
``invalid-suppression``); a directive, or a code in it, that switched off
nothing is :class:`Unused` (rule ``unused-suppression``).  The rules that
report these run after suppression (:class:`ReviewedPosting`); their own
findings are switched off only by directives that name them.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache

from cmlint.analysis import AnalyzedPosting
from cmlint.models import Edit, Finding, Fix, Span

VERBS = ("disable", "enable", "disable-next-line")

#: A directive starts here; ``\s*+`` keeps a long run of spaces a single pass.
_START = re.compile(r"<!--\s*+cmlint\b", re.IGNORECASE)
#: A directive longer than this (from ``<!--`` to ``-->``) is not one: the scan for ``-->`` stops there.
MAX_DIRECTIVE = 500
#: Directives read in one posting (real ones have a handful); later ones are one problem and do nothing.
MAX_DIRECTIVES = 100
_WORD = re.compile(r"[^\s,;]+")
_NEWLINE = re.compile(r"\n")


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a directive as written, with its source offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Directive:
    """One ``<!-- cmlint … -->`` comment: its source offsets, command, codes as written, or what is wrong with it."""

    start: int
    end: int
    verb: Word | None
    codes: tuple[Word, ...]
    problem: str | None = None

    @property
    def command(self) -> str | None:
        """The command (``disable`` …) when it is one cmlint knows."""
        verb = self.verb.text.lower() if self.verb else None
        return verb if verb in VERBS and self.problem is None else None


@lru_cache(maxsize=256)
def parse(text: str) -> tuple[Directive, ...]:
    """Every directive comment of a posting, in order.

    One pass over the text; each comment is read at most :data:`MAX_DIRECTIVE` characters far.
    """
    found: list[Directive] = []
    position = 0
    while (match := _START.search(text, position)) is not None:
        if len(found) == MAX_DIRECTIVES:
            problem = f"больше {MAX_DIRECTIVES} директив в одной вакансии: эта и следующие не действуют"
            found.append(Directive(match.start(), match.end(), None, (), problem))
            break
        close = text.find("-->", match.end(), match.start() + MAX_DIRECTIVE)
        if close == -1:
            line_end = text.find("\n", match.end())
            end = min(len(text) if line_end == -1 else line_end, match.start() + MAX_DIRECTIVE)
            found.append(Directive(match.start(), end, None, (), _NOT_CLOSED))
            position = match.end()
            continue
        found.append(_directive(text, match.start(), match.end(), close))
        position = close + 3
    return tuple(found)


_NOT_CLOSED = "комментарий не закрыт «-->», директива не действует"
_NO_COLON = "после «cmlint» нужно двоеточие (<!-- cmlint: disable КОД -->), директива не действует"
_NO_COMMAND = "не сказано, что сделать (disable, enable или disable-next-line), директива не действует"


def _directive(text: str, start: int, body_start: int, close: int) -> Directive:
    end = close + 3
    body = text[body_start:close]
    colon = body.lstrip()
    if not colon.startswith(":"):
        return Directive(start, end, None, (), _NO_COLON)
    offset = body_start + len(body) - len(colon) + 1
    words = [Word(m.group(), offset + m.start(), offset + m.end()) for m in _WORD.finditer(colon[1:])]
    if not words:
        return Directive(start, end, None, (), _NO_COMMAND)
    verb, codes = words[0], tuple(words[1:])
    if verb.text.lower() not in VERBS:
        problem = f"неизвестная команда «{verb.text}», директива не действует; есть disable, enable и disable-next-line"
        return Directive(start, end, verb, codes, problem)
    return Directive(start, end, verb, codes)


@dataclass(frozen=True, slots=True)
class Problem:
    """A directive, or a word in it, that does not work (``invalid-suppression``)."""

    start: int
    end: int
    message: str


@dataclass(frozen=True, slots=True)
class Unused:
    """A directive (``codes`` empty) or some of its codes that switched off nothing (``unused-suppression``).

    ``configured_off`` marks codes of rules the configuration does not run
    here: nothing could be switched off, but the directive may matter elsewhere.
    """

    directive: Directive
    codes: tuple[Word, ...]
    reason: str
    configured_off: bool = False


@dataclass(frozen=True, slots=True)
class Review:
    """What suppression found wrong in a posting's directives, and the posting's text for spans and fixes."""

    text: str = ""
    problems: tuple[Problem, ...] = ()
    unused: tuple[Unused, ...] = ()

    def span(self, start: int, end: int) -> Span:
        """The public span of source offsets ``start:end``."""
        starts = _line_starts(self.text)
        line = bisect_right(starts, start)
        line_start = starts[line - 1]
        column = start - line_start + 1
        return Span(field="text", start=start, end=end, line=line, column=column, text=self.text[start:end])

    def removal(self, unused: Unused) -> Fix:
        """The fix of an unused directive: remove it (its line, when it stands alone), or only the unused codes."""
        directive = unused.directive
        drop = set(unused.codes)
        kept = [word.text for word in directive.codes if word not in drop]
        if not unused.codes or not kept:
            start, end = directive.start, directive.end
            line_start = self.text.rfind("\n", 0, start) + 1
            line_end = self.text.find("\n", end)
            line_end = len(self.text) if line_end == -1 else line_end
            if not self.text[line_start:start].strip() and not self.text[end:line_end].strip():
                start, end = line_start, min(line_end + 1, len(self.text))
            return Fix(message="Удалить директиву", edits=[Edit(span=self.span(start, end), replacement="")])
        verb = directive.verb.text if directive.verb else "disable"
        replacement = f"<!-- cmlint: {verb} {', '.join(kept)} -->"
        listed = ", ".join(word.text for word in unused.codes)
        edit = Edit(span=self.span(directive.start, directive.end), replacement=replacement)
        return Fix(message=f"Убрать из директивы {listed}", edits=[edit])


@lru_cache(maxsize=8)
def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in _NEWLINE.finditer(text))]


@dataclass(frozen=True, slots=True)
class _Region:
    """Rules ``codes`` (empty = all but the review rules) are off from ``start`` to ``end`` (source offsets)."""

    start: int
    end: int
    codes: frozenset[str]
    directive: int


class Suppression:
    """The directives of one posting, resolved against the rules that exist, and what they switched off.

    ``rules`` maps every code and rule name (upper-cased) to its code.
    """

    def __init__(self, text: str, rules: Mapping[str, str]) -> None:
        self.text = text
        self.directives = parse(text)
        self._rules = rules
        self._problems: list[Problem] = []
        self._codes: list[dict[str, Word]] = []
        self._regions: list[_Region] = []
        self._enables: list[int] = []  # enable directives that ended nothing
        self._used: set[tuple[int, str]] = set()
        if self.directives:
            self._resolve()

    def _resolve(self) -> None:
        content_before = False  # any text other than directives so far (one pass: linear in the text)
        previous_end = 0
        open_regions: dict[frozenset[str], tuple[int, int]] = {}
        for index, directive in enumerate(self.directives):
            content_before = content_before or bool(self.text[previous_end:directive.start].strip())
            previous_end = directive.end
            codes = self._codes_of(directive)
            self._codes.append(codes)
            command = directive.command
            if command is None or (directive.codes and not codes):
                continue  # unreadable, or every code unknown: it must not become a bare «disable everything»
            keys = frozenset(codes)
            if command == "disable-next-line":
                line_end = self.text.find("\n", directive.end)
                if line_end != -1:
                    next_end = self.text.find("\n", line_end + 1)
                    end = len(self.text) if next_end == -1 else next_end
                    self._regions.append(_Region(line_end + 1, end, keys, index))
            elif command == "disable":
                start = directive.start if content_before else 0
                open_regions.setdefault(keys, (start, index))
            else:
                closing = [k for k in open_regions if not keys or (k and k & keys)]
                if not closing:
                    self._enables.append(index)
                for key in closing:
                    start, opener = open_regions.pop(key)
                    self._regions.append(_Region(start, directive.start, key, opener))
                    if keys and key - keys:
                        open_regions.setdefault(key - keys, (directive.end, opener))
        end = len(self.text) + 1
        self._regions.extend(_Region(start, end, key, opener) for key, (start, opener) in open_regions.items())

    def _codes_of(self, directive: Directive) -> dict[str, Word]:
        """The known codes of a directive (code → word as written); unknown ones become problems."""
        if directive.problem is not None:
            where = directive.verb or directive  # an unknown command is pointed at; otherwise the whole comment
            self._problems.append(Problem(where.start, where.end, directive.problem))
            return {}
        codes: dict[str, Word] = {}
        for word in directive.codes:
            code = self._rules.get(word.text.upper())
            if code is None:
                message = f"нет правила «{word.text}», для него директива не действует{self._guess(word.text)}"
                self._problems.append(Problem(word.start, word.end, message))
            else:
                codes.setdefault(code, word)
        return codes

    def _guess(self, word: str) -> str:
        """«; возможно, имелось в виду SY001» for a near miss, else nothing."""
        guess = difflib.get_close_matches(word.upper(), list(self._rules), n=1, cutoff=0.75)
        if not guess:
            return ""
        return f"; возможно, имелось в виду {guess[0] if guess[0] in self._rules.values() else guess[0].lower()}"

    def filter(self, findings: Iterable[Finding], named_only: frozenset[str] = frozenset()) -> list[Finding]:
        """The findings no directive switches off; remembers which directives switched something off.

        Codes in ``named_only`` (the review rules) are switched off only by a directive that names them.
        """
        if not self._regions:
            return list(findings)
        kept = []
        for finding in findings:
            position = finding.span.start if finding.span is not None and finding.span.field == "text" else 0
            covering = [
                region for region in self._regions
                if region.start <= position < region.end
                and (finding.code in region.codes or (not region.codes and finding.code not in named_only))
            ]
            for region in covering:
                self._used.add((region.directive, finding.code if region.codes else ""))
            if not covering:
                kept.append(finding)
        return kept

    def review(self, running: frozenset[str], named_only: frozenset[str] = frozenset()) -> Review:
        """Problems and unused directives, once every finding has gone through :meth:`filter`.

        ``running`` are the codes of the rules that ran on this posting; a code of
        another rule is reported unused with ``configured_off``.  Codes in
        ``named_only`` are never reported unused.
        """
        unused = [found for index in range(len(self.directives)) for found in self._idle(index, running, named_only)]
        return Review(self.text, tuple(self._problems), tuple(unused))

    def _idle(self, index: int, running: frozenset[str], named_only: frozenset[str]) -> list[Unused]:
        """What of directive ``index`` switched nothing off (see :meth:`review`)."""
        directive, codes = self.directives[index], self._codes[index]
        command = directive.command
        if command is None or (directive.codes and not codes):
            return []  # it does not act at all: a problem, reported by the other rule
        if command == "enable":
            return [Unused(directive, (), _IDLE_ENABLE)] if index in self._enables else []
        if not codes:
            return [] if (index, "") in self._used else [Unused(directive, (), _nothing(command))]
        used = {code for directive_index, code in self._used if directive_index == index}
        idle = {code: word for code, word in codes.items() if code not in named_only and code not in used}
        on = tuple(word for code, word in idle.items() if code in running)
        off = tuple(word for code, word in idle.items() if code not in running)
        whole = len(idle) == len(codes)  # nothing in it worked: the fix removes it all
        found = []
        if on:
            found.append(Unused(directive, () if whole and not off else on, f"{_nothing(command)} {_listed(on)}"))
        if off:
            reason = f"{_listed(off)}: настройки здесь не запускают это правило, выключать нечего"
            found.append(Unused(directive, () if whole and not on else off, reason, configured_off=True))
        return found


_IDLE_ENABLE = "enable ничего не включает — перед ней нет disable для этих правил"


def _listed(words: tuple[Word, ...]) -> str:
    return ", ".join(word.text for word in words)


def _nothing(command: str) -> str:
    if command == "disable-next-line":
        return "на следующей строке нет замечаний"
    return "в её области нет замечаний"


@dataclass(frozen=True, slots=True)
class ReviewedPosting(AnalyzedPosting):
    """An analyzed posting with the review of its directives: what the review rules read.

    The review rules run after every other rule and after suppression, on
    the same posting; any other posting has an empty review.
    """

    suppression: Review = field(default_factory=Review)

    @classmethod
    def of(cls, posting: AnalyzedPosting, review: Review) -> ReviewedPosting:
        return cls(**{f.name: getattr(posting, f.name) for f in fields(AnalyzedPosting)}, suppression=review)


def review_of(posting: AnalyzedPosting) -> Review:
    """The review of a posting's directives (empty unless suppression has run)."""
    return posting.suppression if isinstance(posting, ReviewedPosting) else Review()
