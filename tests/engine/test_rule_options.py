"""Options of Python checks and scoring constants come from one typed place and are overridable from configuration."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cmlint import Config, ConfigError, Linter, load_config
from cmlint.checks import shipped_checks
from cmlint.cli.app import app
from cmlint.engine.ruleset import shipped_packs

SALES_TWICE = "Обязанности:\n- холодные звонки\n- холодные звонки по базе\n- ответы на обращения клиентов в чате\n- обработка тикетов\n"


def write_config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "cmlint.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_every_shipped_python_rule_names_a_declared_check_with_typed_options() -> None:
    checks = shipped_checks()
    for _, pack in shipped_packs():
        for spec in pack.rules:
            if spec.kind == "python":
                assert spec.check in checks, spec.code
                checks[spec.check].options.model_validate(spec.options)


def test_rule_options_are_overridden_from_configuration(tmp_path: Path) -> None:
    text = "Обязанности:\n- звонки\n"
    default = Linter().lint(text, title="КУРЬЕР ПО ГОРОДУ").codes()
    assert "SY005" in default
    config = load_config(write_config(tmp_path, "[rules.SY005]\nmin-letters = 40\n"))
    assert "SY005" not in Linter(config).lint(text, title="КУРЬЕР ПО ГОРОДУ").codes()
    by_name = load_config(write_config(tmp_path, "[rules.shouting]\nmin_letters = 40\n"))
    assert "SY005" not in Linter(by_name).lint(text, title="КУРЬЕР ПО ГОРОДУ").codes()


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("[rules.SY005]\nmin-leters = 3\n", "rules.SY005.min-leters: неизвестный ключ"),
        ("[rules.SY005]\nmin-letters = 0\n", "rules.SY005.min_letters: должно быть не меньше 1"),
        ("[rules.XX001]\nmin-letters = 3\n", "rules.XX001: нет такого правила"),
        ("[rules.SY001]\nwindow = 3\n", "rules.SY001: у этого правила нет настроек"),
    ],
)
def test_bad_rule_options_in_configuration_name_the_file_and_key(tmp_path: Path, toml: str, expected: str) -> None:
    config = load_config(write_config(tmp_path, toml))
    with pytest.raises(ConfigError) as error:
        Linter(config).prepare()
    assert "cmlint.toml" in str(error.value) and expected in str(error.value), str(error.value)


def test_scoring_constants_are_configurable() -> None:
    text = "Обязанности:\n- никаких звонков и продаж, только встречи участников клуба и знакомство новичков\n"
    default = Linter().lint(text, title="Комьюнити-менеджер").duty_profile
    assert "sales" not in default
    blind = Config.model_validate({"roles": {"evidence": {"negation-window": 0}}})
    assert "sales" in Linter(blind).lint(text, title="Комьюнити-менеджер").duty_profile


def test_partial_item_weights_keep_the_other_defaults() -> None:
    weights = Config.model_validate({"roles": {"evidence": {"item-weights": {"other": 0.2}}}}).roles.evidence
    assert weights.item_weight("other") == 0.2 and weights.item_weight("duty") == 1.0
    with pytest.raises(ValueError):
        Config.model_validate({"roles": {"evidence": {"item-weights": {"dutyy": 1.0}}}})


def test_a_broken_pack_is_exit_2_naming_file_rule_and_key(tmp_path: Path) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text(
        "rules:\n  - {code: ACME001, name: no-cold-calls, severity: error, message: 'Звонки: «{matсh}»', patterns: [холодные звонки]}\n",
        encoding="utf-8",
    )
    config = write_config(tmp_path, f'extend-rules = ["{pack}"]\n')
    posting = tmp_path / "posting.txt"
    posting.write_text("Менеджер\nОбязанности:\n- холодные звонки\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(posting), "--config", str(config)])
    assert result.exit_code == 2
    assert "acme.yaml" in result.output and "ACME001" in result.output and "{matсh}" in result.output
