import json

from typer.testing import CliRunner

from cmlint.cli.app import app


def test_rules_json_lists_every_rule() -> None:
    result = CliRunner().invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0
    rules = json.loads(result.stdout)
    assert {"code", "name", "severity", "summary"} <= set(rules[0])
    assert "CM001" in {r["code"] for r in rules}


def test_rules_text() -> None:
    result = CliRunner().invoke(app, ["rules"])
    assert result.exit_code == 0 and "role-confusion" in result.stdout


def test_explain_by_code_and_name() -> None:
    by_code = CliRunner().invoke(app, ["explain", "CM001"])
    by_name = CliRunner().invoke(app, ["explain", "role-confusion"])
    assert by_code.exit_code == 0 and by_code.stdout == by_name.stdout
    for part in ("Что делает", "Почему это важно", "Плохо", "Лучше", "Срабатывает на", "Не срабатывает на"):
        assert part in by_code.stdout


def test_explain_unknown_code() -> None:
    result = CliRunner().invoke(app, ["explain", "XX999"])
    assert result.exit_code == 2
