"""Pydantic's problems in Russian for configuration files and rule packs (``cmlint/validation_ru.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmlint import ConfigError, load_config
from cmlint.validation_ru import problem


@pytest.mark.parametrize(
    ("issue", "said"),
    [
        ({"type": "list_type", "msg": "Input should be a valid list"}, "ожидался список"),
        ({"type": "greater_than", "msg": "…", "ctx": {"gt": 0}}, "нужно число больше 0"),
        ({"type": "less_than_equal", "msg": "…", "ctx": {"le": 0.5}}, "нужно число не больше 0,5"),
        ({"type": "finite_number", "msg": "…"}, "ожидалось конечное число"),
        ({"type": "string_too_short", "msg": "…", "ctx": {"min_length": 1}}, "нужна строка не короче 1 символа"),
        ({"type": "too_long", "msg": "…", "ctx": {"max_length": 5}}, "нужно не больше 5 элементов"),
        ({"type": "literal_error", "msg": "…", "ctx": {"expected": "'a' or 'b'"}}, "допустимые значения: a, b"),
        ({"type": "value_error", "msg": "Value error, код правила: две буквы и три цифры"}, "код правила: две буквы и три цифры"),
        ({"type": "something_new", "msg": "Input is odd"}, "недопустимое значение"),
    ],
)
def test_problems_are_said_in_russian(issue: dict, said: str) -> None:
    assert problem(issue) == said


def test_a_configuration_s_wrong_values_are_said_in_russian(tmp_path: Path) -> None:
    path = tmp_path / "cmlint.toml"
    path.write_text('select = "CM"\ntime-budget = inf\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value) == f"{path}: select: ожидался список; time-budget: ожидалось конечное число"
