"""Message templates of rules: ``{name}`` fields and numbers that agree with their nouns.

A field is written ``{name}``; a number is written with the three forms of
the words that follow it — for 1 (and 21), for 2–4, for 5–20 (and 0):
``{count:несвязанную роль|несвязанные роли|несвязанных ролей}`` renders as
«1 несвязанную роль», «3 несвязанные роли», «5 несвязанных ролей».  A rule
declares which of its fields are numbers; a number written without its
forms is an error when the pack loads, so every message agrees.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

from cmlint.russian import count

#: What a field holds: a number (written with its forms) or text.
FieldType = type[int] | type[str]


#: The three forms of the words after a number field: for 1, for 2–4, for 5.
Forms = tuple[str, str, str]


def parse(template: str) -> dict[str, Forms | None]:
    """The fields of ``template``: name → the three forms of a number field, or None; ValueError when malformed."""
    return {name: forms for _, name, forms in _pieces(template) if name is not None}


def _pieces(template: str) -> list[tuple[str, str | None, Forms | None]]:
    """``template`` in order: each piece's literal text, then its field's name (None after the last literal) with
    the forms of a number field; ValueError when malformed."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:
        braces = "фигурная скобка пишется как {{ или }}"
        raise ValueError(f"шаблон сообщения не разбирается ({error}); {braces}") from None
    pieces: list[tuple[str, str | None, Forms | None]] = []
    for literal, name, spec, conversion in parsed:
        if name is None:
            pieces.append((literal, None, None))
            continue
        if not name.isidentifier():
            raise ValueError(f"поле {{{name}}} в сообщении должно быть именем, например {{match}}")
        if conversion:
            raise ValueError(f"в поле {{{name}}} нельзя указывать преобразование")
        forms = tuple(part.strip() for part in spec.split("|")) if spec else ()
        if spec and (len(forms) != 3 or not all(forms) or "{" in spec):
            raise ValueError(f"в поле {{{name}}} после двоеточия нужны три формы слова: {{{name}:роль|роли|ролей}}")
        pieces.append((literal, name, (forms[0], forms[1], forms[2]) if forms else None))
    return pieces


def problems(template: str, declared: Mapping[str, FieldType]) -> list[str]:
    """What is wrong with ``template`` for a rule with the ``declared`` fields (empty when nothing)."""
    found = []
    for name, forms in parse(template).items():
        kind = declared.get(name)
        if kind is None:
            hint = " (в имени есть нелатинские буквы)" if not name.isascii() else ""
            known = ", ".join(f"{{{field}}}" for field in sorted(declared)) or "никаких"
            found.append(f"неизвестное поле {{{name}}}{hint}; доступны: {known}")
        elif kind is int and forms is None:
            spelled = f"{{{name}:форма для 1|для 2|для 5}}"
            found.append(f"поле {{{name}}} — число: напишите {spelled}, чтобы слово согласовалось с числом")
        elif kind is not int and forms is not None:
            found.append(f"поле {{{name}}} — не число, формы слова ему не нужны")
    return found


class Template:
    """A message template parsed once, so that filling it in for a finding is a join, not a parse."""

    __slots__ = ("_pieces",)

    def __init__(self, template: str) -> None:
        self._pieces = _pieces(template)

    def render(self, values: Mapping[str, Any]) -> str:
        """The message with its fields filled in."""
        return "".join(
            literal if name is None else literal + _written(values[name], forms)
            for literal, name, forms in self._pieces
        )


def _written(value: Any, forms: Forms | None) -> str:
    """A field's value as a message writes it: a number with its agreeing words."""
    return str(value) if forms is None else count(int(value), *forms)
