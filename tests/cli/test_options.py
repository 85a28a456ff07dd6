"""The options of ``cmlint check`` are declared once and agree with the rest of cmlint."""

from __future__ import annotations

from typing import get_args

from cmlint.cli.options import CheckOptions, OutputFormat, StdinFormat
from cmlint.config import Config
from cmlint.formatters import FORMATTERS
from cmlint.io.formats import NAMES
from cmlint.models import Severity
from cmlint.posting import FieldMap


def test_choices_agree_with_their_sources() -> None:
    assert set(get_args(StdinFormat)) == set(NAMES)
    assert set(get_args(OutputFormat)) == set(FORMATTERS)


def test_flags_merge_into_the_config_once() -> None:
    file_config = Config(select=["CM"], ignore=["CM002"], extend_select=["SY001"], source="cmlint.toml")
    options = CheckOptions(paths=["x"], ignore=["st004,SY005"], extend_select=["LG"], min_severity="warning")
    merged = file_config.override(options.overrides())
    assert merged.select == ["CM"] and merged.ignore == ["CM002", "ST004", "SY005"]
    assert merged.extend_select == ["SY001", "LG"] and merged.min_severity is Severity.WARNING
    assert merged.where("ignore") == "--ignore" and merged.where("select") == "cmlint.toml: select"
    replaced = file_config.override(CheckOptions(select=["LG001"]).overrides())
    assert replaced.select == ["LG001"] and replaced.ignore == []


def test_field_flags_replace_the_defaults() -> None:
    fields = CheckOptions(title_field=["vacancy_name, name"]).fields()
    assert fields.title == ("vacancy_name", "name") and "description" in fields.text
    assert CheckOptions(salary_field=["pay"]).fields().salary == ("pay",) and fields.salary == FieldMap().salary
