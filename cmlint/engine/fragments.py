"""Lines of the opening text that read as list entries about the candidate.

Recruiters often write the requirements as bare lines without a heading, a bullet or a full stop
(«Кассир\\nСемейный, непьющий\\nГрафик 2/2»), or in brackets after the job they seek («Требуется
оператор (семейный, непьющий), график 5/2»).  The segmenter files such a line or sentence under the
opening text as an ``other`` item; a rule whose scope lists ``fragment`` reads it (or the brackets
in it) as a ``listed`` one when it is a short phrase without a verb — a description, not a sentence
about the company.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from cmlint.text.segment import Structure
from cmlint.text.token_items import item_span

#: The most words a description line has («проживающие на Юго-Западе города»).
MAX_WORDS = 6
_SECTIONS = frozenset({"intro", "other"})
_VERBS = frozenset({"VERB", "AUX"})
_BRACKETS = frozenset({"(", ")"})


def reads_as_listed(doc: Doc, items: Sequence[int], structure: Structure, start: int) -> bool:
    """Whether the item of token ``start`` is a short verbless phrase of the opening text."""
    item = items[start]
    if item < 0:
        return False
    entry = structure.items[item]
    if entry.kind != "other" or entry.section not in _SECTIONS:
        return False
    first, end = item_span(items, start)
    return _description(doc[first:end]) or _description(_brackets(doc, first, end - 1, start))


def _brackets(doc: Doc, first: int, last: int, start: int) -> Span:
    """The words in the brackets around token ``start`` within tokens ``first..last`` (empty outside brackets)."""
    opening = next((i for i in range(start, first - 1, -1) if doc[i].text in _BRACKETS), None)
    closing = next((i for i in range(start, last + 1) if doc[i].text in _BRACKETS), None)
    if opening is None or closing is None or doc[opening].text != "(" or doc[closing].text != ")":
        return doc[start:start]
    return doc[opening + 1:closing]


def _description(span: Span) -> bool:
    words = [token for token in span if token.is_alpha]
    return 0 < len(words) <= MAX_WORDS and not any(token.pos_ in _VERBS for token in words)
