"""Salary figures as people write them: «от 60.000 до 70.000», «35 т. р.», «от 35к», «100–150 тыс.», «$1500».

A figure is a number with a money unit («₽», «руб.», «т. р.», «$1500»; «тыс.»
and «к» when no noun follows them: «100 тыс. пользователей» is not pay), a
number of at least a thousand after a word for pay («оклад 65000») or right before
one («80 000 оклад»), thousands in shorthand after a word for pay («ЗП 200 net»,
«зарплата 100+», «оклад от 50 до 80 на руки»), a range
of grouped thousands («от 60.000 до 70.000»), a gross or net amount, or a
rate («250 за час»).  «По итогам собеседования» and «достойная оплата» are
not figures.  Numbers are matched atomically and with bounded repetition, so
every expression runs in linear time on any input.
"""

from __future__ import annotations

import re

from cmlint.text.stored_regex import ModulePatterns

#: The expressions below, compiled from the programs kept for them (compiling them was a hundredth of a second of
#: every start).
_STORED = ModulePatterns(__file__)

_SEPARATOR = r"[ \u00a0\u202f.,]"
#: A number in digits: grouped thousands («60 000», «60.000») or plain («60000», «1,5»).
_NUMBER = rf"(?>\d{{1,3}}(?:{_SEPARATOR}\d{{3}}){{1,3}}(?!\d)|\d{{1,9}}(?:[.,]\d{{1,2}})?(?!\d))"
_GROUPED = rf"(?>\d{{1,3}}(?:{_SEPARATOR}\d{{3}}){{1,3}}(?!\d)|\d{{4,9}}(?!\d))"
_START = r"(?<![\w.,])"
_STRONG_UNIT = r"(?>₽|руб\w*\.?|р\.|р(?![а-яёa-z])|т\.?\s?р\.?|usd|eur|rub|долл\w*|евро|\$|€)"
#: «тыс.» and «к» (glued to the digits) mean money unless a noun follows them («100 тыс. пользователей»).
_NOT_A_NOUN_NEXT = r"(?!\s*(?!руб|после\b|плюс\b|или\b|gross\b|net\b|гросс\b|нетто\b)[а-яёa-z]{3,})"
_WEAK_UNIT = rf"(?>тыс(?:яч\w*|\.)?|(?<=\d)(?:k|к))(?![а-яёa-z]){_NOT_A_NOUN_NEXT}"
_FLAGS = re.IGNORECASE | re.MULTILINE
#: Each expression opens with a lookahead on its first character and is compiled with the engine's skip to it
#: (``skip``; a letter's with the characters that fold to it): the compiler sees no first character behind a
#: lookahead, and a search would try the lookahead, a letter's folded to lower case, at every position.
_DIGIT_FIRST = r"(?=\d)"

_AMOUNT = _STORED.compile(
    rf"{_DIGIT_FIRST}{_START}{_NUMBER}\s?(?:[-–—]\s?{_NUMBER}\s?)?(?:{_STRONG_UNIT}|{_WEAK_UNIT})", _FLAGS, skip=True
)
_CURRENCY_FIRST = _STORED.compile(rf"(?=[$€₽uer])(?:[$€₽]|usd|eur|rub)\s?{_NUMBER}", _FLAGS, skip=True)
_PAY_WORD = (
    r"(?:зарплат\w*|заработн\w*\s+плат\w*|зар\.\s?плат\w*|з\s?/\s?п|з\.\s?п\.|(?<![а-яё])зп(?![а-яё])"
    r"|оклад\w*|доход\w*|вознагражден\w*|оплат\w*|ставк\w*|salary|compensation)"
)
_PAY_FIGURE = _STORED.compile(rf"(?=[зодвсsc]){_PAY_WORD}[^\n\d]{{0,40}}?{_START}{_GROUPED}", _FLAGS, skip=True)
# Thousands in shorthand after a word for pay: «ЗП 200 net», «зарплата 200т», «зарплата 100+», «оклад от 50 до 80
# на руки» (two or three digits with a mark of money: a «т», a plus, gross or net, «на руки»).
_SHORT = r"\d{2,3}(?!\d)"
_SHORT_MARK = r"(?:т\.?(?![а-яёa-z])|\+|\s?(?:net|gross|гросс|нетто|на\s+руки)\b)"
_PAY_SHORTHAND = _STORED.compile(
    rf"(?=[зодвсsc])(?<![а-яёa-z]){_PAY_WORD}[^\n\d]{{0,20}}?{_START}{_SHORT}(?:\s?(?:[-–—]|до)\s?{_SHORT})?{_SHORT_MARK}",
    _FLAGS,
    skip=True,
)
# Grouped thousands right before a word for pay: «80 000 оклад + % с продаж» (not a share of a rate: «0,125 ставки»).
_FIGURE_FIRST = _STORED.compile(
    rf"(?=[1-9]){_START}(?>[1-9]\d{{0,2}}(?:{_SEPARATOR}\d{{3}}){{1,3}}(?!\d)|\d{{5,9}}(?!\d))[\s,:—–-]{{1,3}}"
    rf"(?!ставк){_PAY_WORD}",
    _FLAGS,
    skip=True,
)
# A range of grouped thousands not followed by a noun («от 10 000 до 50 000 подписчиков» is not pay).
_RANGE = _STORED.compile(
    rf"(?=о)(?<![а-яё])от\s?{_GROUPED}\s?(?:[а-яё]{{1,3}}\.?\s?)?до\s?{_GROUPED}{_NOT_A_NOUN_NEXT}", _FLAGS, skip=True
)
_GROSS = _STORED.compile(
    rf"{_DIGIT_FIRST}{_START}{_GROUPED}\s?(?:gross|net|гросс|нетто|на\s+руки|до\s+вычета|после\s+вычета)",
    _FLAGS,
    skip=True,
)
_RATE = _STORED.compile(rf"{_DIGIT_FIRST}{_START}{_NUMBER}\s?(?:за|в|/)\s?(?:час|смену|день|мес\w*)", _FLAGS, skip=True)
_PATTERNS = (_AMOUNT, _CURRENCY_FIRST, _PAY_FIGURE, _PAY_SHORTHAND, _FIGURE_FIRST, _RANGE, _GROSS, _RATE)


def states_salary(text: str) -> bool:
    """Whether ``text`` has a salary figure (stopping at the first)."""
    return any(pattern.search(text) for pattern in _PATTERNS)
