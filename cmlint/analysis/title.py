"""The title of a posting after analysis: its words and the roles it names, placed by methods."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from cmlint.analysis.text import Field, SpanFactory
from cmlint.matching.lemma_matcher import TokenView
from cmlint.models import Span
from cmlint.roles.titles import TitleMatch

#: Role names in ``doc[start:end]`` of a title (the role matcher's ``titles``).
NameFinder = Callable[[Doc, TokenView, int, int], list[TitleMatch]]


@dataclass(frozen=True, slots=True)
class TitleWord:
    """A word of the title (a token with a letter or a digit); offsets are in the title's text."""

    text: str
    lemma: str
    pos: str
    animate: bool
    #: The dictionary says the noun is inanimate («контент»); unknown words are neither.
    inanimate: bool
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Title:
    """The title: given by the caller (its own doc) or the body's first line (a stretch of the body doc).

    ``field`` says which string public spans of the title index.  Offsets
    taken by the methods are offsets in :attr:`text`; the title converts them.
    """

    text: str | None
    field: Field
    doc: Doc | None
    view: TokenView | None
    #: The title's tokens in ``doc``: ``first`` to ``end`` (exclusive).
    first: int
    end: int
    words: tuple[TitleWord, ...]
    #: Where :attr:`text` starts in ``doc.text``, and in the string its spans index (the caller's title).
    offset: int
    base: int
    _spans: SpanFactory
    _names: NameFinder

    def span(self) -> Span | None:
        """The public span of the whole title (None without a title)."""
        return None if self.text is None else self.span_of(0, len(self.text))

    def span_of(self, start: int, end: int) -> Span:
        """The public span of ``text[start:end]``."""
        if self.field == "text":
            return self._spans.text(self.offset + start, self.offset + end)
        return self._spans.title_span(self.base + start, self.base + end)

    def token_span(self, start: int, end: int) -> Span:
        """The public span of the title's tokens ``start:end`` (indices in :attr:`doc`)."""
        assert self.doc is not None
        span = self.doc[start:end]
        return self.span_of(span.start_char - self.offset, span.end_char - self.offset)

    def roles_in(self, start: int, end: int) -> set[str]:
        """Roles named in ``text[start:end]`` (names cut by the bounds do not count)."""
        return {role for role, _, _ in self.names_in(start, end)}

    def names_in(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """The names of roles in ``text[start:end]``: each role with where its name starts and ends in :attr:`text`."""
        if self.doc is None or self.view is None:
            return []
        tokens = [t.i for t in self.doc[self.first:self.end] if start <= t.idx - self.offset < end]
        if not tokens:
            return []
        found = self._names(self.doc, self.view, tokens[0], tokens[-1] + 1)
        doc = self.doc
        return [
            (m.role, doc[m.start].idx - self.offset, doc[m.end - 1].idx + len(doc[m.end - 1]) - self.offset)
            for m in found
        ]


def title_words(doc: Doc, view: TokenView, first: int, end: int, offset: int) -> tuple[TitleWord, ...]:
    """The words among ``doc[first:end]`` (strings and features read off ``view``, the doc's), with offsets
    relative to ``offset``."""
    words = []
    feats = view.feats
    assert feats is not None  # TokenView.of gives every token its features
    for i in range(first, end):
        text = view.text[i]
        if any(map(str.isalnum, text)):
            start = doc[i].idx - offset
            anim, inan = animacy(feats[i])
            words.append(TitleWord(text, view.lemma[i], view.pos[i], anim, inan, start, start + len(text)))
    return tuple(words)


def animacy(feats: frozenset[str]) -> tuple[bool, bool]:
    """Whether a token's morphological features (one ``Field=Value`` per value, as
    :attr:`~cmlint.matching.lemma_matcher.TokenView.feats` holds them) say animate, inanimate (a word may be
    both: ``Animacy=Anim,Inan``)."""
    return "Animacy=Anim" in feats, "Animacy=Inan" in feats
