"""Russian wording for everything cmlint prints: numerals that agree with nouns, percentages.

>>> count(21, "замечание", "замечания", "замечаний")
'21 замечание'
>>> percent(0.874)
'87 %'
"""

from __future__ import annotations


def plural(n: int, one: str, few: str, many: str) -> str:
    """The form of a noun that agrees with the number ``n``.

    ``one`` agrees with 1, 21, 101 («замечание»), ``few`` with 2–4, 22–24
    («замечания»), ``many`` with 0, 5–20, 25–30 … («замечаний»).
    """
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def number(n: int | float) -> str:
    """A number as Russian text: thousands split by a narrow no-break space, a decimal comma."""
    if isinstance(n, float) and not n.is_integer():
        return f"{n:,.1f}".replace(",", "\u202f").replace(".", ",")
    return f"{int(n):,}".replace(",", "\u202f")


def count(n: int, one: str, few: str, many: str) -> str:
    """``n`` with the noun in the form that agrees with it: «1 замечание», «5 замечаний»."""
    return f"{number(n)} {plural(n, one, few, many)}"


def percent(share: float) -> str:
    """A share (0–1) as a whole percentage: «87 %» (a no-break space before the sign)."""
    return f"{round(share * 100)}\u00a0%"


def decimal(value: float, digits: int) -> str:
    """A measurement with ``digits`` decimals and a decimal comma: «0,985»."""
    return f"{value:.{digits}f}".replace(".", ",")


def percent_precise(share: float) -> str:
    """A share as a percentage with one decimal, for measurements: «0,5 %»."""
    return decimal(share * 100, 1) + "\u00a0%"
