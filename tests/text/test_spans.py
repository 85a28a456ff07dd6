"""Public spans of the body: line and column in the text as given."""

from __future__ import annotations

from cmlint.analysis.text import SpanFactory
from cmlint.text.normalize import normalize


def test_a_span_counts_its_line_and_column_in_the_source() -> None:
    source = "Курьер\n\nОбязанности:\n- доставка заказов по городу\n"
    spans = SpanFactory(normalize(source, "plain"), None)
    start = source.index("доставка")
    normalized = spans.normalized.text.index("доставка")
    span = spans.text(normalized, normalized + len("доставка"))
    assert (span.start, span.line, span.column, span.text) == (start, 4, 3, "доставка")
    first = spans.text(0, 6)
    assert (first.line, first.column, first.text) == (1, 1, "Курьер")
