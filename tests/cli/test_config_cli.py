import json
from pathlib import Path

from typer.testing import CliRunner

from cmlint.cli.app import app

SALES = "Комьюнити-менеджер\nОбязанности:\n- холодные звонки\n- план продаж\nТребования:\n- стрессоустойчивость\n"


def test_config_file_and_cli_flags(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "cmlint.toml").write_text('ignore = ["ST004", "SY001"]\n', encoding="utf-8")
    (tmp_path / "v.txt").write_text(SALES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "v.txt", "--format", "json"])
    assert [f["code"] for f in json.loads(result.stdout)[0]["report"]["findings"]] == ["CM001"]
    flags = CliRunner().invoke(app, ["check", "v.txt", "--format", "json", "--select", "SY001"])
    assert [f["code"] for f in json.loads(flags.stdout)[0]["report"]["findings"]] == ["SY001"]


def test_bad_config_exit_2_names_the_key(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "cmlint.toml").write_text('ignore = ["ST004"]\nselct = ["CM"]\n', encoding="utf-8")
    (tmp_path / "v.txt").write_text(SALES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "v.txt"])
    assert result.exit_code == 2
    assert "selct" in result.output and "cmlint.toml" in result.output


def test_broken_pack_exit_2(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pack.yaml").write_text("rules: [{code: ACME001, name: a, severity: loud, message: m, patterns: [a]}]\n", encoding="utf-8")
    (tmp_path / "cmlint.toml").write_text('extend-rules = ["pack.yaml"]\n', encoding="utf-8")
    (tmp_path / "v.txt").write_text(SALES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "v.txt"])
    assert result.exit_code == 2
    assert "pack.yaml" in result.output and "ACME001" in result.output and "severity" in result.output


def test_min_severity(tmp_path: Path) -> None:
    (tmp_path / "v.txt").write_text(SALES, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path / "v.txt"), "--format", "json", "--min-severity", "warning"])
    codes = [f["code"] for f in json.loads(result.stdout)[0]["report"]["findings"]]
    assert "CM001" in codes and "SY001" not in codes and "ST004" not in codes


def test_every_rule_is_explained() -> None:
    rules = json.loads(CliRunner().invoke(app, ["rules", "--format", "json"]).stdout)
    assert len(rules) >= 13
    for rule in rules:
        result = CliRunner().invoke(app, ["explain", rule["code"]])
        assert result.exit_code == 0 and "Что делает" in result.stdout and "Лучше" in result.stdout


def test_unknown_selector_on_the_command_line_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "v.txt").write_text(SALES, encoding="utf-8")
    for flag, value in (("--select", "XX9"), ("--ignore", "CM0004"), ("--extend-select", "SY001,nope")):
        result = CliRunner().invoke(app, ["check", str(tmp_path / "v.txt"), flag, value])
        assert result.exit_code == 2, (flag, result.output)
        assert flag in result.output and value.split(",")[-1].upper() in result.output


def test_unknown_selector_in_the_config_file_names_the_file(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.cmlint]\nselect = ["XX9"]\n', encoding="utf-8")
    (tmp_path / "v.txt").write_text(SALES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "v.txt"])
    assert result.exit_code == 2 and "pyproject.toml: select" in result.output and "XX9" in result.output
    # an explicit --select replaces the file's selection, so the file's typo no longer matters
    assert CliRunner().invoke(app, ["check", "v.txt", "--select", "CM001"]).exit_code == 2
