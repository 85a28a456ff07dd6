"""JSON as cmlint reads inputs: a number too long to write out or not finite is the record's error, not a crash.

Python's ``json`` turns every integer literal into an ``int`` and refuses one of over 4 300 digits with a
``ValueError`` that no reader expects; ``1e400`` becomes ``inf`` and ``NaN`` a float that equals nothing.  A
posting's numbers (an id, a pay bound) are short and finite: anything else is a :class:`NumberError` naming it.
"""

from __future__ import annotations

import json
import math
from typing import Any

from cmlint.posting import MAX_NUMBER_DIGITS


class NumberError(ValueError):
    """A JSON number cmlint does not take (its message is in Russian and says why)."""


def loads(text: str | bytes) -> Any:
    """``json.loads`` with bounded, finite numbers (raises ``json.JSONDecodeError``, :class:`NumberError`,
    ``RecursionError``)."""
    return json.loads(text, parse_int=_integer, parse_float=_real, parse_constant=_constant)


def _integer(literal: str) -> int:
    if len(literal.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise NumberError(f"число длиннее {MAX_NUMBER_DIGITS} цифр")
    return int(literal)


def _real(literal: str) -> float:
    if len(literal) > 2 * MAX_NUMBER_DIGITS:
        raise NumberError(f"число длиннее {2 * MAX_NUMBER_DIGITS} знаков")
    value = float(literal)
    if not math.isfinite(value):
        shown = literal if len(literal) <= 20 else literal[:20] + "…"
        raise NumberError(f"число {shown} вне пределов")
    return value


def _constant(name: str) -> float:
    raise NumberError(f"{name} — не число JSON")
