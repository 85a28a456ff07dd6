"""Any input → :class:`~cmlint.models.Posting`: the one conversion shared by the library and the CLI.

Accepted: a ``Posting``; a ``str``; ``bytes`` (decoded exactly like a file:
UTF-8 with or without BOM, UTF-16, cp1251, KOI8-R); a ``(text, title)``
pair; a mapping whose fields are found by :class:`FieldMap` (``text`` /
``description`` / ``body`` …, ``title`` / ``name`` …, ``id``, ``format``, and
the pay a board keeps apart: ``salary`` as text, a number or hh.ru's
``{"from", "to", "currency", "gross"}``, or ``salary_from`` / ``salary_to``).

Two kinds of failure, kept apart on purpose:

- :class:`TypeError` — the caller passed something that is not a posting at
  all (``None``, a number, a list of lists …); a programming error.
- :class:`PostingError` (a ``ValueError``) — the data is a posting that
  cannot be linted (undecodable bytes, no text field, a text over the size
  limit, an unknown markup format); the batch reports it for that record.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, get_args

from cmlint.models import Format, InputFailure, Posting
from cmlint.text.decode import DecodeError, decode

#: Markup formats a posting can be in (the values of ``Posting.format``).
FORMATS: tuple[str, ...] = get_args(Format)
#: A posting text longer than this (characters) is refused: nobody writes one, and time is linear in it.
MAX_TEXT_CHARS = 200_000
#: A title longer than this is refused: titles are a few words; title checks look at every pair of words.
MAX_TITLE_CHARS = 1_000
#: A number (an id, a title, a pay bound) with more digits than this is refused: none needs more than a few dozen,
#: and Python will not write out an integer of over 4 300 digits at all.
MAX_NUMBER_DIGITS = 100
_NUMBER_LIMIT = 10**MAX_NUMBER_DIGITS

PostingLike = Posting | str | bytes | Mapping[str, Any] | tuple[Any, ...]


class PostingError(ValueError):
    """Data that is a posting but cannot be linted; ``failure`` says why."""

    def __init__(self, failure: InputFailure) -> None:
        super().__init__(failure.message)
        self.failure = failure


def _fail(kind: str, message: str) -> PostingError:
    return PostingError(InputFailure(kind=kind, message=message))  # type: ignore[arg-type]


@dataclass(frozen=True)
class FieldMap:
    """Which record fields hold the title, the text, the id, the format and the pay (first present wins, any case)."""

    title: tuple[str, ...] = ("title", "name", "position", "vacancy")
    text: tuple[str, ...] = ("text", "description", "body", "content", "snippet")
    id: tuple[str, ...] = ("id", "vacancy_id", "uuid")
    format: tuple[str, ...] = ("format",)
    salary: tuple[str, ...] = ("salary", "compensation", "payment")
    salary_from: tuple[str, ...] = ("salary_from", "payment_from", "salary_min")
    salary_to: tuple[str, ...] = ("salary_to", "payment_to", "salary_max")
    currency: tuple[str, ...] = ("currency", "salary_currency")
    gross: tuple[str, ...] = ("gross", "salary_gross")

    def key(self, names: tuple[str, ...], record: Mapping[Any, Any]) -> Any | None:
        """The key of ``record`` that matches the first of ``names`` present (case and spaces ignored)."""
        lowered = {str(k).strip().lower(): k for k in record}
        for name in names:
            if name.lower() in lowered:
                return lowered[name.lower()]
        return None


DEFAULT_FIELDS = FieldMap()


def check_format(value: object) -> Format | None:
    """``value`` as a posting format; ``None`` means «detect»; anything else is a :class:`PostingError`."""
    if value is None or value in FORMATS:
        return value  # type: ignore[return-value]
    raise _fail("unsupported", f"неизвестный формат {value!r}; поддерживаются: {', '.join(FORMATS)}")


def text_of(value: object, what: str = "текст") -> str:
    """A posting text from ``str`` or ``bytes`` (decoded like a file), within the size limit."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        try:
            value, _ = decode(bytes(value))
        except DecodeError as error:
            raise _fail("decode", str(error)) from None
    if not isinstance(value, str):
        raise TypeError(f"{what}: ожидалась строка или bytes, а не {type(value).__name__}")
    if len(value) > MAX_TEXT_CHARS:
        raise _fail("too-large", f"текст длиннее {MAX_TEXT_CHARS} символов")
    return value


def _optional_text(value: object, what: str) -> str | None:
    """A title or an id: a string, a number (written out) or nothing; at most :data:`MAX_TITLE_CHARS`."""
    if isinstance(value, str) and len(value) > MAX_TITLE_CHARS:
        raise _fail("too-large", f"{what} длиннее {MAX_TITLE_CHARS} символов")
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(_bounded(value, what))
    raise TypeError(f"{what}: ожидалась строка, а не {type(value).__name__}")


def short_number(value: int | float) -> bool:
    """Whether ``value`` has at most :data:`MAX_NUMBER_DIGITS` digits before the point (short enough to write out)."""
    return abs(value) < _NUMBER_LIMIT


def _bounded(value: int | float, what: str) -> int | float:
    """``value`` when it is a finite number of at most :data:`MAX_NUMBER_DIGITS` digits."""
    if isinstance(value, float) and not math.isfinite(value):
        raise TypeError(f"{what}: ожидалось конечное число, а не {value}")
    if not short_number(value):
        raise _too_many_digits(what)
    return value


def _too_many_digits(what: str) -> PostingError:
    return _fail("too-large", f"{what}: число длиннее {MAX_NUMBER_DIGITS} цифр")


def _amount(value: object, what: str) -> str | None:
    """A bound of a pay range: a whole non-negative number, or digits in a string; ``None`` when not given."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and (digits := "".join(value.split())).isdigit():
        if len(digits) > MAX_NUMBER_DIGITS:
            raise _too_many_digits(what)
        value = int(digits)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError(f"{what}: ожидалось неотрицательное целое число, а не {value!r}")
    return f"{_bounded(value, what):,}".replace(",", " ")


def _pay_range(record: Mapping[Any, Any], names: tuple[tuple[str, ...], ...], where: str) -> str | None:
    """A pay range as a board's page shows it («от 80 000 до 120 000 RUR на руки») from the record's fields named
    by ``names`` (lower bound, upper bound, currency, tax); ``None`` when neither bound is given; errors name the
    field ``where`` it was."""
    low, high, currency, gross = (DEFAULT_FIELDS.key(keys, record) for keys in names)
    bounds = [
        f"{word} {amount}"
        for word, key in (("от", low), ("до", high))
        if key is not None and (amount := _amount(record[key], f"{where}поле {key!r}"))
    ]
    if not bounds:
        return None
    unit = None if currency is None else _optional_text(record[currency], f"{where}поле {currency!r}")
    taxed = None if gross is None else record[gross]
    tax = "до вычета налогов" if taxed is True else "на руки" if taxed is False else None
    return " ".join([*bounds, *(part for part in (unit, tax) if part)])


def salary_of(value: object, what: str = "зарплата") -> str | None:
    """The pay as text: a string as it is, a number written out, a mapping read as a salary object (hh.ru's
    ``{"from", "to", "currency", "gross"}``)."""
    if isinstance(value, Mapping):
        fields = DEFAULT_FIELDS
        return _pay_range(value, (("from", "min"), ("to", "max"), fields.currency, fields.gross), f"{what}: ")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _amount(value, what)
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{what}: ожидалась строка, число или объект {{from, to, currency, gross}}, а не {type(value).__name__}")
    return _optional_text(value, what)


def make_posting(
    text: object, title: object = None, id: object = None, format: object = None, *, salary: object = None
) -> Posting:
    """A posting from its parts; see the module docstring for what is accepted."""
    return Posting(
        text=text_of(text),
        title=_optional_text(title, "название"),
        id=_optional_text(id, "id"),
        format=check_format(format),
        salary=salary_of(salary),
    )


def from_record(
    record: Mapping[Any, Any],
    fields: FieldMap = DEFAULT_FIELDS,
    *,
    default_id: str | None = None,
    title: str | None = None,
) -> Posting:
    """A posting from a JSON/CSV-like record; every problem is a :class:`PostingError` naming the field.

    ``title`` (given on the command line) wins over the record's own title;
    ``default_id`` is used when the record has no id.
    """
    text_key = fields.key(fields.text, record)
    if text_key is None:
        raise _fail("malformed", f"нет поля с текстом вакансии ({', '.join(fields.text)})")

    def value(names: tuple[str, ...]) -> tuple[Any, Any]:
        key = fields.key(names, record)
        return key, None if key is None else record[key]

    title_key, record_title = value(fields.title)
    id_key, identifier = value(fields.id)
    format_key, fmt = value(fields.format)
    try:
        text = text_of(record[text_key], f"поле {text_key!r}")
        salary = _record_salary(record, fields)
        record_title = _optional_text(record_title, f"поле {title_key!r}")
        identifier = _optional_text(identifier, f"поле {id_key!r}")
        if title is not None:
            title = _optional_text(title, "название")
    except TypeError as error:
        raise _fail("malformed", str(error)) from None
    return Posting(
        text=text,
        title=title if title is not None else record_title,
        id=identifier if identifier is not None else default_id,
        format=check_format(fmt),
        salary=salary,
    )


def _record_salary(record: Mapping[Any, Any], fields: FieldMap) -> str | None:
    """The pay of a record: its salary field, else its pair of bounds (``salary_from`` / ``salary_to``)."""
    key = fields.key(fields.salary, record)
    if key is not None:
        return salary_of(record[key], f"поле {key!r}")
    return _pay_range(record, (fields.salary_from, fields.salary_to, fields.currency, fields.gross), "")


def as_posting(item: object, fields: FieldMap = DEFAULT_FIELDS) -> Posting:
    """Convert anything :data:`PostingLike` to a :class:`Posting` (raises ``TypeError`` / :class:`PostingError`)."""
    if isinstance(item, Posting):
        return item
    if isinstance(item, (str, bytes, bytearray, memoryview)):
        return make_posting(item)
    if isinstance(item, tuple) and 1 <= len(item) <= 2:
        return make_posting(*item)
    if isinstance(item, Mapping):
        return from_record(item, fields)
    raise TypeError(
        f"нельзя проверить объект типа {type(item).__name__}: ожидается str, bytes, Posting, "
        "пара (текст, название) или словарь с полем text"
    )


__all__ = [
    "DEFAULT_FIELDS", "FORMATS", "MAX_NUMBER_DIGITS", "MAX_TEXT_CHARS", "MAX_TITLE_CHARS", "FieldMap", "PostingError", "PostingLike",
    "as_posting", "check_format", "from_record", "make_posting", "short_number", "text_of",
]
