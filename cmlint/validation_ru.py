"""Pydantic's validation problems in Russian, for the errors people read (configuration files, rule packs).

Pydantic words its problems in English («Input should be a valid list»); a configuration or a rule pack
with a wrong value must be told in the language of every other message.  :func:`problem` words one entry
of ``ValidationError.errors()``; our own validators' messages (``value_error``) are Russian already.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cmlint.russian import count

_WANTED = {
    "string_type": "ожидалась строка",
    "int_type": "ожидалось целое число",
    "int_parsing": "ожидалось целое число",
    "int_from_float": "ожидалось целое число",
    "float_type": "ожидалось число",
    "float_parsing": "ожидалось число",
    "finite_number": "ожидалось конечное число",
    "bool_type": "ожидалось true или false",
    "bool_parsing": "ожидалось true или false",
    "list_type": "ожидался список",
    "tuple_type": "ожидался список",
    "set_type": "ожидался список",
    "dict_type": "ожидалась таблица (ключи и значения)",
    "model_type": "ожидалась таблица (ключи и значения)",
    "model_attributes_type": "ожидалась таблица (ключи и значения)",
    "none_required": "ожидалось пустое значение (null)",
    "missing": "обязательный ключ",
    "extra_forbidden": "неизвестный ключ",
    "string_pattern_mismatch": "строка не того вида",
}

#: Bound problems: the words and the ``ctx`` key of the bound.
_BOUNDS = {
    "greater_than": ("больше", "gt"),
    "greater_than_equal": ("не меньше", "ge"),
    "less_than": ("меньше", "lt"),
    "less_than_equal": ("не больше", "le"),
}


def problem(issue: Mapping[str, Any]) -> str:
    """One pydantic error entry (``type``, ``msg``, ``ctx``) as a Russian phrase."""
    kind = str(issue.get("type", ""))
    ctx: Mapping[str, Any] = issue.get("ctx") or {}
    if kind in _WANTED:
        return _WANTED[kind]
    if kind in ("value_error", "assertion_error"):
        return str(issue.get("msg", "")).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind in _BOUNDS:
        words, key = _BOUNDS[kind]
        return f"нужно число {words} {_figure(ctx.get(key))}"
    if kind in ("string_too_short", "string_too_long"):
        words = "не короче" if kind == "string_too_short" else "не длиннее"
        limit = int(ctx.get("min_length" if kind == "string_too_short" else "max_length", 0))
        return f"нужна строка {words} {count(limit, 'символа', 'символов', 'символов')}"
    if kind in ("too_short", "too_long"):
        words = "не меньше" if kind == "too_short" else "не больше"
        limit = int(ctx.get("min_length" if kind == "too_short" else "max_length", 0))
        return f"нужно {words} {count(limit, 'элемента', 'элементов', 'элементов')}"
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"допустимые значения: {expected}"
    return "недопустимое значение"


def _figure(value: object) -> str:
    """A bound as people write it: «0», «0,5», «86400»."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")
