"""HTML / Markdown / Telegram → plain text, with a map back to the input.

Every later stage works on the plain text; findings are reported at offsets
of the text the caller gave, so normalization records where each plain
character came from.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from cmlint.models import Format
from cmlint.text.scripts import unmix_scripts
from cmlint.text.stored_regex import compile_all
from cmlint.text.wraps import wrap_cuts


@dataclass
class OffsetMap:
    """Maps offsets in the normalized text to offsets in the source text.

    The normalized text is a sequence of pieces; a piece is either copied
    from the source (offsets shift by a constant) or inserted (every
    character maps to one source position).
    """

    starts: list[int] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)
    copied: list[bool] = field(default_factory=list)

    def add(self, plain_start: int, source_start: int, copied: bool) -> None:
        if self.starts and self.starts[-1] == plain_start:
            self.starts.pop()
            self.sources.pop()
            self.copied.pop()
        self.starts.append(plain_start)
        self.sources.append(source_start)
        self.copied.append(copied)

    def to_source(self, offset: int) -> int:
        """The source offset of the normalized character at ``offset``."""
        index = bisect_right(self.starts, offset) - 1
        if index < 0:
            return 0
        if self.copied[index]:
            return self.sources[index] + offset - self.starts[index]
        return self.sources[index]

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open normalized span to a half-open source span."""
        if end <= start:
            position = self.to_source(start)
            return position, position
        return self.to_source(start), self.to_source(end - 1) + 1

    def without(self, text: str, cuts: list[tuple[int, int]]) -> tuple[str, OffsetMap]:
        """``text`` (the normalized text this map belongs to) without the ordered, disjoint spans ``cuts``, and
        the map of the result back to the same source."""
        result = OffsetMap()
        kept: list[str] = []
        length = position = 0
        for cut_start, cut_end in [*cuts, (len(text), len(text))]:
            index = max(bisect_right(self.starts, position) - 1, 0)
            while index < len(self.starts) and self.starts[index] < cut_start:
                start = max(self.starts[index], position)
                shift = start - self.starts[index] if self.copied[index] else 0
                result.add(length + start - position, self.sources[index] + shift, self.copied[index])
                index += 1
            kept.append(text[position:cut_start])
            length += cut_start - position
            position = cut_end
        return "".join(kept), result


#: Longest run of non-space characters passed on whole (see :meth:`_Builder.copy`).
MAX_RUN = 100
_LONG_RUN = re.compile(r"\S{%d}" % MAX_RUN)


def _has_long_run(text: str) -> bool:
    """Whether ``text`` has a run of :data:`MAX_RUN` non-space characters (``\\S`` is what ``str.split`` does not split
    at).  Most pieces are a few characters (markup between them) or words of ordinary length: split into words at
    once, they are not searched from every character of every word."""
    return len(text) >= MAX_RUN and max(map(len, text.split()), default=0) >= MAX_RUN


_LEADING_RUN = re.compile(r"\S{0,%d}" % MAX_RUN)


def _leading_run(text: str) -> int:
    """How many non-space characters ``text`` starts with (counted up to :data:`MAX_RUN`)."""
    match = _LEADING_RUN.match(text)
    return match.end() if match else 0


def _trailing_run(run: int, text: str) -> int:
    """The run of non-space characters at the end of ``text`` appended to a run of ``run``."""
    if not text:
        return run
    if text[-1].isspace():
        return 0
    last = text.rsplit(maxsplit=1)[-1]
    return run + len(text) if len(last) == len(text) else len(last)


class _Builder:
    """Accumulates normalized text and its offset map."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.map = OffsetMap()
        #: Non-space characters at the end of the text so far.
        self._run = 0

    def copy(self, text: str, source_start: int) -> None:
        """Copy ``text``; a run of more than :data:`MAX_RUN` non-space characters gets a space inserted.

        No word is that long, and spaCy's tokenizer strips affixes from a
        token one at a time, each time searching the whole token: quadratic
        in the token's length.  The run may go on from what was copied or
        inserted before (decoded entities, «&amp;&amp;…», are inserted one by one).
        """
        if not text:  # nothing to add: the run so far is shorter than MAX_RUN (every copy and insert leaves it so)
            return
        position = 0
        if self._run and self._run + _leading_run(text) >= MAX_RUN:
            self.insert(" ", source_start)
        if _has_long_run(text):
            for match in _LONG_RUN.finditer(text):
                self._copy(text[position:match.end()], source_start + position)
                self.insert(" ", source_start + match.end())
                position = match.end()
        self._copy(text[position:], source_start + position)

    def _copy(self, text: str, source_start: int) -> None:
        if text:
            self.map.add(self.length, source_start, True)
            self.parts.append(text)
            self.length += len(text)
            self._run = _trailing_run(self._run, text)

    def insert(self, text: str, source_position: int) -> None:
        """Insert ``text`` (not in the source; it maps to ``source_position``); a run of non-space characters that
        reaches :data:`MAX_RUN` with it gets a space."""
        if text:
            self.map.add(self.length, source_position, False)
            self.parts.append(text)
            self.length += len(text)
            self._run = _trailing_run(self._run, text)
            if self._run >= MAX_RUN:
                self.parts.append(" ")
                self.length += 1
                self._run = 0

    def tail(self) -> str:
        return self.parts[-1][-1:] if self.parts else ""

    def result(self) -> tuple[str, OffsetMap]:
        return "".join(self.parts), self.map


@dataclass
class Normalized:
    """Plain text plus the map back to the source."""

    text: str
    source: str
    format: Format
    offsets: OffsetMap
    #: Where the lines that the markup marks as headings start in ``text`` (their first non-space character):
    #: «## Что делать», «**Кого ищем**» alone on a line, ``<h3>…</h3>``, ``<p><strong>…</strong></p>``.
    headings: frozenset[int] = frozenset()

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span_to_source(start, end)


# Dropped everywhere: HTML comments (cmlint directives live there), zero-width
# characters, bidi marks, embeddings, overrides and isolates (U+202E could hide a
# title from the checks), soft hyphens, BOM and carriage returns.
_DROP = re.compile(r"<!--.*?-->|(?:[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u061c]|\r(?=\n))+", re.DOTALL)
#: A character every match of :data:`_DROP` starts with: a text without one has nothing to drop (one scan that skips
#: from candidate to candidate; the alternatives of ``_DROP`` are tried at every position).
_DROP_START = re.compile(r"[<\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u061c\r]")
# Characters replaced one-for-one: exotic spaces and controls become spaces.
_SPACE_CHARS = "\u00a0\u2007\u202f\t\x0b\x0c\u3000"
_SPACE_RUN = re.compile(f"[{_SPACE_CHARS}]")


def _spaces(text: str) -> str:
    """Exotic spaces → plain spaces and a lone CR (old Mac line ends) → a line break, keeping the length."""
    text = _SPACE_RUN.sub(" ", text)
    return text.replace("\r", "\n") if "\r" in text else text

# Linear-time patterns: no quantifier can run past the next "<" or the end of the line,
# so a hostile run of "<p " or blank lines costs one pass, not one pass per start.
_HTML_HINT = re.compile(
    r"<(p|br|div|ul|ol|li|strong|b|h[1-6]|span|em|i|table|tr|td)\b[^<>]*+>", re.IGNORECASE
)
_MD_HINT = re.compile(
    r"^(#{1,6}[ \t]+\S|[ \t]*[-*+][ \t]+\*\*|[^\n]*?\*\*[^*\n]+\*\*|[^\n]*?\[[^\]\n]+\]\([^)\n]+\))", re.MULTILINE
)
# Telegram: hashtags and emoji, counted apart (a hashtag holds no emoji): each expression starts with a character the
# engine skips to, where their alternation is tried at every position.
_HASHTAG = re.compile(r"#[\w\u0400-\u04ff]+")
_TELEGRAM_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2705\u2714\u2757\u203c]")


#: What every match of :data:`_MD_HINT` holds: a heading's «#», bold's «**» or a link's «](».
_MD_MARKS = ("#", "**", "](")


def _has_md_marks(text: str) -> bool:
    """Whether ``text`` holds a mark every markdown hint needs (a substring test is a fraction of the search,
    whose lazy scans run over every line)."""
    return any(mark in text for mark in _MD_MARKS)


def detect_format(text: str) -> Format:
    """Guess the markup of a posting from its text."""
    if _HTML_HINT.search(text):
        return "html"
    if _has_md_marks(text) and _MD_HINT.search(text):
        return "markdown"
    if len(_HASHTAG.findall(text)) + len(_TELEGRAM_EMOJI.findall(text)) >= 3:
        return "telegram"
    return "plain"


def normalize(text: str, format: Format | None = None, known: Callable[[str], bool] | None = None) -> Normalized:
    """Turn a posting in any supported markup into plain text with an offset map.

    Words typed in two alphabets are written in one, letter for letter (:mod:`cmlint.text.scripts`). With
    ``known`` (whether a lower-case word form is in the dictionary) words broken by a hyphen at a line end are
    joined again (:mod:`cmlint.text.wraps`).
    """
    fmt = format or detect_format(text)
    if fmt == "html":
        plain, offsets = _html(text)
    elif fmt == "markdown":
        plain, offsets = _markdown(text)
    else:
        plain, offsets = _plain(text)
    plain = unmix_scripts(plain)
    if known is not None:
        cuts = wrap_cuts(plain, known)
        if cuts:
            plain, offsets = offsets.without(plain, cuts)
    marked = _MARKED_HEADING.get(fmt)
    headings = _marked_lines(plain, offsets, marked.finditer(text)) if marked is not None else frozenset()
    return Normalized(plain, text, fmt, offsets, headings)


# Headings in markup: an ATX heading or a line that is bold as a whole in Markdown; a heading element or a
# paragraph that is bold as a whole in HTML.  Linear: no quantifier runs past the next line end or «<».
_MARKED_HEADING = {
    "markdown": re.compile(
        r"^[ \t]{0,3}#{1,6}[ \t]+[^\n]*|^[ \t]*(?:\*\*|__)[^*_\n]+(?:\*\*|__)[ \t]*:?[ \t]*$", re.MULTILINE
    ),
    "html": re.compile(
        r"<h[1-6]\b[^<>]*+>[^<]*+(?:<(?!/h[1-6])[^<>]*+>[^<]*+){0,4}</h[1-6]\s*>"
        r"|<(?:p|div)\b[^<>]*+>\s*+<(?:strong|b)\b[^<>]*+>[^<]*+</(?:strong|b)\s*>[\s:]*+</(?:p|div)\s*>",
        re.IGNORECASE,
    ),
}


def _marked_lines(plain: str, offsets: OffsetMap, found: Iterator[re.Match[str]]) -> frozenset[int]:
    """The offsets in ``plain`` of the lines whose first character comes from a heading ``found`` in the source."""
    spans = [match.span() for match in found]
    if not spans:
        return frozenset()
    starts = [start for start, _ in spans]
    marked: set[int] = set()
    position = 0
    for line in plain.split("\n"):
        first = position + len(line) - len(line.lstrip())
        position += len(line) + 1
        if first >= position - 1:
            continue
        source = offsets.to_source(first)
        index = bisect_right(starts, source) - 1
        if index >= 0 and source < spans[index][1]:
            marked.add(first)
    return frozenset(marked)


_OPENERS = (("<!--", "-->", "<!- "), ("<![CDATA[", "]]>", "<![CDATA "), ("<?", "?>", "< "))


def _scannable(text: str) -> str:
    """``text`` with every comment, CDATA or processing-instruction opener that is never closed defused.

    Same length, so match offsets index ``text``.  A lazy ``<!--.*?-->`` that
    cannot close scans to the end of the text from every opener: quadratic
    on ``<!--<!--<!--…``.  Openers after the last closer can never close, so
    they are turned into plain characters and the scan stays linear.
    """
    for opener, closer, inert in _OPENERS:
        cut = text.rfind(closer) + 1
        if text.find(opener, cut) != -1:
            text = text[:cut] + text[cut:].replace(opener, inert)
    return text


def _plain(text: str) -> tuple[str, OffsetMap]:
    builder = _Builder()
    position = 0
    for match in _DROP.finditer(_scannable(text)) if _DROP_START.search(text) else ():
        builder.copy(_spaces(text[position:match.start()]), position)
        position = match.end()
    builder.copy(_spaces(text[position:]), position)
    return builder.result()


_BLOCK_TAGS = {
    "p", "div", "br", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "hr", "dl", "dt", "dd", "pre",
}
_SKIP_CONTENT = {"script", "style", "head", "title", "noscript", "template"}
# Compiled with the engine's skip to a character a token can start with («<», «&» or a dropped one): the compiler sees
# none for an alternation that ends with a class, and a search would try all of it at every position.
(_HTML_TOKEN,) = compile_all(
    [
        r"(?s)<!--.*?-->|<!\[CDATA\[.*?\]\]>|<!\w[^>]*>|<\?.*?\?>"
        r"|<(?P<close>/)?(?P<tag>[a-zA-Z][a-zA-Z0-9]*)\b(?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*+>"
        r"|&(?P<entity>#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?"
        r"|[\r\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u061c]"
    ],
    skip=True,
)
# The whitespace of HTML character data collapsed to one space: every run but a lone space between words, which is
# that space already (a lone space at either end of a chunk meets markup: it is collapsed too, at the start found by
# the lookbehind after it).  Compiled with the engine's skip to a whitespace character, which the lookbehind hides.
(_COLLAPSED_WHITESPACE,) = compile_all([r"[ \t\n\u00a0]{2,}|[\t\n\u00a0]| (?<![\s\S] )| \Z"], skip=True)


def _html(text: str) -> tuple[str, OffsetMap]:
    builder = _Builder()
    position = 0
    skipping: str | None = None
    for match in _HTML_TOKEN.finditer(_scannable(text)):
        if skipping is None and match.start() > position:
            _html_text(builder, text[position:match.start()], position)
        position = match.end()
        tag = (match.group("tag") or "").lower()
        if skipping is not None:
            if tag == skipping and match.group("close"):
                skipping = None
            continue
        if tag in _SKIP_CONTENT and not match.group("close"):
            skipping = tag
        elif tag == "li" and not match.group("close"):
            _newline(builder, match.start())
            builder.insert("• ", match.start())
        elif tag in _BLOCK_TAGS or tag == "li":
            _newline(builder, match.start())
        elif match.group("entity"):
            decoded = _spaces(html.unescape(match.group(0) if match.group(0).endswith(";") else match.group(0) + ";"))
            if decoded == match.group(0):
                builder.copy(decoded, match.start())
            else:
                builder.insert(decoded, match.start())
    if skipping is None:
        _html_text(builder, text[position:], position)
    return builder.result()


def _html_text(builder: _Builder, chunk: str, start: int) -> None:
    """Copy HTML character data, collapsing whitespace runs to one space.

    A lone space between words is that space already: it is copied with them (:data:`_COLLAPSED_WHITESPACE`), so a
    sentence is one piece of the text and its map, not one per word.
    """
    position = 0
    for match in _COLLAPSED_WHITESPACE.finditer(chunk):
        builder.copy(chunk[position:match.start()], start + position)
        if builder.tail() not in ("", " ", "\n"):
            builder.insert(" ", start + match.start())
        position = match.end()
    builder.copy(chunk[position:], start + position)


def _newline(builder: _Builder, source_position: int) -> None:
    if builder.tail() == " ":
        builder.parts[-1] = builder.parts[-1][:-1]
        builder.length -= 1
    if builder.tail() not in ("", "\n"):
        builder.insert("\n", source_position)


# A link's or an image's text and target hold no square bracket: a run of «[» or of
# «[x](» would otherwise be tried to the line's end from each one (30 000 «[» took 8 s).  Compiled with the
# engine's skip to a character a token can start with (a line's start opens a token only with a space, a tab, «#»
# or «>»): the compiler sees none behind «^», and a search would try all of it at every position.
(_MD_TOKEN,) = compile_all(
    [
        r"(?ms)(?P<heading>^[ \t]{0,3}#{1,6}[ \t]+)"
        r"|(?P<quote>^[ \t]*>[ \t]?)"
        r"|(?P<image>!\[[^\[\]\n]*\]\([^)\[\]\n]*\))"
        r"|\[(?P<link>[^\[\]\n]+)\]\([^)\[\]\n]*\)"
        r"|(?P<emphasis>\*\*|__|~~|`+)"
        r"|(?P<drop><!--.*?-->|\r(?=\n)|[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u061c]"
        r"|\\(?=[\\`*_{}\[\]()#+\-.!]))"
    ],
    skip=True,
)


def _markdown(text: str) -> tuple[str, OffsetMap]:
    builder = _Builder()
    position = 0
    for match in _MD_TOKEN.finditer(_scannable(text)):
        builder.copy(_spaces(text[position:match.start()]), position)
        position = match.end()
        if match.group("link") is not None:
            builder.copy(text[match.start("link"):match.end("link")], match.start("link"))
    builder.copy(_spaces(text[position:]), position)
    return builder.result()
