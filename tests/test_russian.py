"""Numeral agreement and percentages in cmlint's own Russian."""

import pytest

from cmlint.russian import count, number, percent, percent_precise, plural

FORMS = ("замечание", "замечания", "замечаний")


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "замечаний"), (1, "замечание"), (2, "замечания"), (4, "замечания"), (5, "замечаний"),
     (11, "замечаний"), (12, "замечаний"), (14, "замечаний"), (21, "замечание"), (22, "замечания"),
     (25, "замечаний"), (101, "замечание"), (111, "замечаний"), (1001, "замечание")],
)
def test_plural_agrees_with_the_number(n: int, expected: str) -> None:
    assert plural(n, *FORMS) == expected


def test_count_and_number() -> None:
    assert count(21, *FORMS) == "21 замечание"
    assert count(12500, *FORMS) == "12\u202f500 замечаний"
    assert number(2.5) == "2,5"


def test_percent_is_a_whole_number() -> None:
    assert percent(0.874) == "87\u00a0%"
    assert percent(1.0) == "100\u00a0%"


def test_percent_precise_keeps_a_decimal() -> None:
    assert percent_precise(0.0046) == "0,5\u00a0%"
