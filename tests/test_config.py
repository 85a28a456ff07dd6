"""Configuration: discovery, validation with named keys, and what each key does."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmlint import Config, ConfigError, Linter, load_config
from cmlint.models import Severity

SALES = "Обязанности:\n- холодные звонки\n- выполнение плана продаж\n- ведение сделок в CRM\nУсловия:\n- 90 000 ₽"


def test_found_upward_from_the_working_directory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.cmlint]\nignore = ["ST004"]\n', encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = load_config(start=nested)
    assert config.ignore == ["ST004"]
    assert config.base_dir == str(tmp_path.resolve())


def test_cmlint_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.cmlint]\nignore = ["ST004"]\n', encoding="utf-8")
    (tmp_path / "cmlint.toml").write_text('ignore = ["SY001"]\n', encoding="utf-8")
    assert load_config(start=tmp_path).ignore == ["SY001"]


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.black]\nline-length = 100\n', encoding="utf-8")
    assert load_config(start=tmp_path) == Config()


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('selct = ["CM"]', "selct"),
        ('min-severity = "fatal"', "min-severity"),
        ("[roles]\nmin-evidence = -1", "roles.min-evidence"),
        ("[roles]\nunknown = 1", "roles.unknown"),
        ('severity = {CM001 = "loud"}', "severity.CM001"),
    ],
)
def test_bad_keys_and_values_are_named(tmp_path: Path, toml: str, key: str) -> None:
    path = tmp_path / "cmlint.toml"
    path.write_text(toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(path) in str(error.value) and key in str(error.value)


def test_broken_toml_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "cmlint.toml"
    path.write_text("select = [", encoding="utf-8")
    with pytest.raises(ConfigError, match="TOML"):
        load_config(path)


def test_select_ignore_prefixes_and_names() -> None:
    config = Config(select=["CM", "LG001"], ignore=["CM002"], extend_select=["style"])
    assert config.enabled("CM001", "role-confusion")
    assert not config.enabled("CM002", "role-overload")
    assert config.enabled("LG001", "gender-requirement")
    assert not config.enabled("LG002", "age-requirement")
    assert Config(ignore=["ROLE-CONFUSION"]).enabled("CM001", "role-confusion") is False


def test_per_file_ignores() -> None:
    config = Config(per_file_ignores={"drafts/*.md": ["ST004"]})
    assert not config.enabled("ST004", "no-salary", "drafts/a.md")
    assert config.enabled("ST004", "no-salary", "final/a.md")


def test_severity_override_and_min_severity() -> None:
    linter = Linter(Config(severity={"CM001": Severity.ERROR}, min_severity=Severity.ERROR))
    report = linter.lint(SALES, title="Комьюнити-менеджер")
    assert report.codes() == ["CM001"]
    assert report.findings[0].severity is Severity.ERROR


def test_role_thresholds_change_the_decision() -> None:
    # Sales and community work side by side: the defaults call it a mixed job, stricter thresholds a confusion (the
    # duties are never said to be sales where community reads as often, whatever the thresholds).
    body = "Обязанности:\n- холодные звонки по базе\n- организовывать митапы участников"
    assert "CM001" not in Linter().lint(body, title="Комьюнити-менеджер").codes()
    strict = Linter(Config.model_validate({"roles": {"max-title-support": 0.95, "min-other-share": 0.2, "min-foreign-evidence": 1}}))
    assert "CM001" in strict.lint(body, title="Комьюнити-менеджер").codes()


def test_load_config_says_where_it_looked(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "cmlint.toml").write_text('ignore = ["ST004"]\n', encoding="utf-8")
    assert load_config(start=str(tmp_path)).source == str(tmp_path.resolve() / "cmlint.toml")
    assert load_config(tmp_path / "cmlint.toml").source == str(tmp_path / "cmlint.toml")
    monkeypatch.chdir(tmp_path)
    assert Linter().config == Config() and Linter().config.source is None  # Linter() never reads files
