"""The analyzed posting: one pass of normalize → segment → spaCy → evidence.

Checks read an :class:`AnalyzedPosting`; none of them parses text again.
Reports copy what they need into plain models and never keep the ``Doc``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc

from cmlint.matching.lemma_matcher import TokenView
from cmlint.matching.pattern_set import MatchIndex
from cmlint.models import Posting, Span
from cmlint.roles import evidence as role_evidence
from cmlint.roles.evidence import DutyProfile, Evidence, Markers
from cmlint.roles.matching import RoleMatcher, TitleMatch, TitleMention
from cmlint.text.normalize import Normalized, normalize
from cmlint.text.segment import Structure, segment

Field = Literal["text", "title"]
_NEWLINE = re.compile(r"\n")


@dataclass
class SpanFactory:
    """Builds public :class:`~cmlint.models.Span` objects from internal offsets."""

    normalized: Normalized
    title: str | None
    _line_starts: list[int] | None = None

    def _lines(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.normalized.source)]
        return self._line_starts

    def text(self, start: int, end: int) -> Span:
        """A span of the body, given normalized offsets."""
        source = self.normalized.source
        src_start, src_end = self.normalized.span_to_source(start, end)
        lines = self._lines()
        line = bisect_right(lines, src_start)
        column = src_start - lines[line - 1] + 1
        return Span(field="text", start=src_start, end=src_end, line=line, column=column, text=source[src_start:src_end])

    def title_span(self, start: int, end: int) -> Span:
        """A span of the separately given title."""
        assert self.title is not None
        return Span(field="title", start=start, end=end, line=1, column=start + 1, text=self.title[start:end])

    def of(self, field_name: Field, start: int, end: int) -> Span:
        return self.text(start, end) if field_name == "text" else self.title_span(start, end)


@dataclass(frozen=True, slots=True)
class TitleInfo:
    """The title: its text, which field holds it (and where), its doc and token range, where the body starts.

    ``base`` is the title's offset in a separately given title string (spans
    of the ``title`` field are offsets there); ``doc_offset`` is where the
    title starts in ``doc``.
    """

    text: str | None
    field: Field
    range: tuple[int, int] | None
    doc: Doc | None
    view: TokenView | None
    tokens: tuple[int, int]
    base: int
    body_start: int

    @property
    def doc_offset(self) -> int:
        return self.range[0] if self.field == "text" and self.range is not None else 0


@dataclass
class AnalyzedPosting:
    """Everything the checks need about one posting."""

    posting: Posting
    normalized: Normalized
    structure: Structure
    doc: Doc
    view: TokenView
    lemmas: list[str]
    pos: list[str]
    token_items: list[int]
    heading: TitleInfo
    title_roles: list[str]
    mentions: list[TitleMention]
    evidence: list[Evidence]
    profile: DutyProfile
    spans: SpanFactory
    #: What the engine's shared patterns found in the title's tokens and in the body's.
    title_matches: MatchIndex
    body_matches: MatchIndex

    @property
    def title(self) -> str | None:
        """The title text (given by the caller, or the body's first line)."""
        return self.heading.text

    @property
    def body_start(self) -> int:
        """Index of the first body token after a title line."""
        return self.heading.body_start

    @property
    def text(self) -> str:
        """The normalized body text."""
        return self.normalized.text

    def field_text(self, field_name: Field, start: int, end: int) -> str:
        """Text of the normalized body or of the given title between offsets."""
        source = self.normalized.text if field_name == "text" else self.posting.title or ""
        return source[start:end]

    def span_of(self, field_name: Field, start: int, end: int) -> Span:
        """The public span of offsets in the normalized body or the given title."""
        return self.spans.of(field_name, start, end)

    def item_text(self, index: int) -> str:
        item = self.structure.items[index]
        return self.normalized.text[item.start:item.end]

    def item_span(self, index: int) -> Span:
        item = self.structure.items[index]
        return self.spans.text(item.start, item.end)

    def token_span(self, doc: Doc, start: int, end: int) -> Span:
        """The public span of tokens ``start:end`` of the body doc or the title doc."""
        span = doc[start:end]
        if doc is self.doc:
            return self.spans.text(span.start_char, span.end_char)
        base = self.heading.base
        return self.spans.title_span(base + span.start_char, base + span.end_char)

    def title_span(self) -> Span | None:
        if self.heading.range is None:
            return None
        return self.spans.of(self.heading.field, *self.heading.range)


class Analyzer:
    """Runs the analysis pipeline with one spaCy pipeline and taxonomy."""

    def __init__(self, nlp: Language, roles: RoleMatcher, markers: Markers) -> None:
        self.nlp = nlp
        self.roles = roles
        self.markers = markers

    def _title(
        self, posting: Posting, caller_title: str | None, normalized: Normalized, structure: Structure,
        doc: Doc, view: TokenView, starts: list[int],
    ) -> TitleInfo:
        """Where the title is: given by the caller (its own small doc) or the first line of the body."""
        if caller_title is not None:
            assert posting.title is not None
            base = posting.title.find(caller_title)
            title_doc = self.nlp(caller_title)
            return TitleInfo(caller_title, "title", (base, base + len(caller_title)), title_doc, TokenView.of(title_doc), (0, len(title_doc)), base, 0)
        if structure.title is not None:
            start, end = structure.title
            body_start = bisect_left(starts, end)
            return TitleInfo(normalized.text[start:end], "text", (start, end), doc, view, (bisect_left(starts, start), body_start), 0, body_start)
        return TitleInfo(None, "text", None, None, None, (0, 0), 0, 0)

    def _suspended_roles(self, title: str) -> list[str]:
        """Roles of a title with a suspended hyphen, read from its expanded form."""
        doc = self.nlp(_expand_suspended(title))
        return [m.role for m in self.roles.titles(doc, TokenView.of(doc))]

    def analyze(self, posting: Posting) -> AnalyzedPosting:
        normalized = normalize(posting.text, posting.format)
        caller_title = posting.title.strip() if posting.title and posting.title.strip() else None
        structure = segment(normalized.text, title_from_text=caller_title is None)
        doc = self.nlp(normalized.text)
        view = TokenView.of(doc)
        lemmas, pos = view.lemma, view.pos
        starts = doc.to_array("IDX").tolist() if len(doc) else []
        token_items = _token_items(starts, structure)
        spans = SpanFactory(normalized, posting.title)

        t = self._title(posting, caller_title, normalized, structure, doc, view, starts)
        in_title = MatchIndex({})
        title_matches: list[TitleMatch] = []
        if t.doc is not None and t.view is not None:
            in_title = self.roles.shared.matches(t.doc, t.view, *t.tokens)
            title_matches = self.roles.mentions(in_title, t.view, t.tokens[0])
        title_roles = list(dict.fromkeys(m.role for m in title_matches))
        if t.text is not None and _SUSPENDED_HYPHEN.search(t.text):
            title_roles = list(dict.fromkeys([*self._suspended_roles(t.text), *title_roles]))
        mentions = [_mention(t.doc, m, t.field, t.base) for m in title_matches if t.doc is not None]
        matches = self.roles.shared.matches(doc, view, t.body_start, len(doc))
        if title_roles:
            for match in self.roles.mentions(matches, view, t.body_start, title_roles):
                mentions.append(_mention(doc, match, "text", 0))

        evidence = role_evidence.collect(self.roles.duties(matches), lemmas, pos, token_items, structure, self.markers)
        return AnalyzedPosting(
            posting=posting,
            normalized=normalized,
            structure=structure,
            doc=doc,
            view=view,
            lemmas=lemmas,
            pos=pos,
            token_items=token_items,
            heading=t,
            title_roles=title_roles,
            mentions=mentions,
            evidence=evidence,
            profile=role_evidence.profile(evidence),
            spans=spans,
            title_matches=in_title,
            body_matches=matches,
        )


# «Контент- и комьюнити-менеджер» means «контент-менеджер и комьюнити-менеджер».
_SUSPENDED_HYPHEN = re.compile(r"(\w+)-\s+(и|или|и/или|/)\s+(\w+)-(\w+)")


def _expand_suspended(title: str) -> str:
    return _SUSPENDED_HYPHEN.sub(lambda m: f"{m[1]}-{m[4]} {m[2]} {m[3]}-{m[4]}", title)


def _mention(doc: Doc, match: TitleMatch, field_name: Field, base: int) -> TitleMention:
    span = doc[match.start:match.end]
    return TitleMention(match.role, field_name, base + span.start_char, base + span.end_char, span.text)


def _token_items(token_starts: list[int], structure: Structure) -> list[int]:
    """The item index of each token, or -1 for tokens outside items."""
    items = structure.items
    result = [-1] * len(token_starts)
    current = 0
    count = len(items)
    for i, char in enumerate(token_starts):
        while current < count and items[current].end <= char:
            current += 1
        if current == count:
            break
        if items[current].start <= char:
            result[i] = current
    return result
