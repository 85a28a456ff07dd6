"""The body of a posting after analysis: normalized text, structure, one spaCy doc, public spans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc

from cmlint.kinds import ItemKind
from cmlint.matching.lemma_matcher import TokenView
from cmlint.models import Span
from cmlint.text.normalize import Normalized
from cmlint.text.segment import SECTION_ITEM_KIND, Structure

#: Which string a span indexes: the body as given (``"text"``) or the title given separately.
Field = Literal["text", "title"]


@dataclass(frozen=True, slots=True)
class SpanFactory:
    """Builds public :class:`~cmlint.models.Span` objects from internal offsets."""

    normalized: Normalized
    title: str | None

    def text(self, start: int, end: int) -> Span:
        """A span of the body, given normalized offsets (its line and column counted in the source text)."""
        source = self.normalized.source
        src_start, src_end = self.normalized.span_to_source(start, end)
        line = source.count("\n", 0, src_start) + 1
        column = src_start - source.rfind("\n", 0, src_start)
        text = source[src_start:src_end]
        return Span(field="text", start=src_start, end=src_end, line=line, column=column, text=text)

    def title_span(self, start: int, end: int) -> Span:
        """A span of the separately given title."""
        assert self.title is not None
        return Span(field="title", start=start, end=end, line=1, column=start + 1, text=self.title[start:end])

    def of(self, field_name: Field, start: int, end: int) -> Span:
        return self.text(start, end) if field_name == "text" else self.title_span(start, end)


@dataclass(frozen=True, slots=True)
class TextAnalysis:
    """The body: its normalized text, sections and items, one spaCy doc and its token strings.

    ``token_items`` gives the item index of every token (-1 outside items), ``item_bounds`` each item's first
    and past-the-last token (:mod:`cmlint.text.token_items`).
    Offsets are in the normalized text; :meth:`span` turns them into public spans.
    """

    normalized: Normalized
    structure: Structure
    doc: Doc
    view: TokenView
    token_items: tuple[int, ...]
    item_bounds: dict[int, tuple[int, int]]
    #: The offset of every token in the normalized text.
    token_starts: list[int]
    spans: SpanFactory
    #: Whether the body states a salary figure (:func:`cmlint.text.money.states_salary`).
    states_salary: bool

    @property
    def content(self) -> str:
        """The normalized body text."""
        return self.normalized.text

    def span(self, start: int, end: int) -> Span:
        """The public span of normalized offsets ``start:end``."""
        return self.spans.text(start, end)

    def token_span(self, start: int, end: int) -> Span:
        """The public span of tokens ``start:end``."""
        span = self.doc[start:end]
        return self.spans.text(span.start_char, span.end_char)

    def heading_kind(self, char: int) -> ItemKind | None:
        """What the words of the heading at ``char`` are, as an item of its section would be, or None outside
        headings: a short line without a colon that starts with a heading word says more («Ждём в команду
        девушку!»); a heading that ends in a colon («Конкурентная зарплата и условия:») only names a section."""
        for section in self.structure.sections:
            heading = section.heading
            if heading is not None and heading[0] <= char < heading[1]:
                if ":" in self.normalized.text[heading[0]:heading[1]]:
                    return None
                return SECTION_ITEM_KIND.get(section.kind, "other")
        return None

    def item_text(self, index: int) -> str:
        item = self.structure.items[index]
        return self.normalized.text[item.start:item.end]

    def item_span(self, index: int) -> Span:
        item = self.structure.items[index]
        return self.spans.text(item.start, item.end)
