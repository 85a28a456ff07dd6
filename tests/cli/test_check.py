"""``cmlint check``: inputs, formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cmlint.cli.app import app

SAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "samples"
SALES = "Комьюнити-менеджер\nИщем комьюнити-менеджера!\nОбязанности:\n- холодные звонки\n- план продаж\nУсловия:\n- 90 000 ₽\n"
GOOD = "Комьюнити-менеджер\nОбязанности:\n- организовывать митапы участников\n- знакомить новичков друг с другом\nУсловия:\n- 90 000 ₽\n"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_text_output_and_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "v.txt"
    path.write_text(SALES, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    header, first = result.stdout.splitlines()[:2]
    assert header.startswith(f"{path}: оценка ")
    assert first.startswith(f"{path}:1:1: предупреждение CM001 ")
    assert "«комьюнити-менеджера» → «менеджера по продажам»" in result.stdout
    assert "Менеджер по продажам" in result.stdout


def test_clean_posting_exit_0(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "v.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.stdout


def test_samples_folder(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", str(SAMPLES), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    flagged = {Path(r["source"]).name for r in data if r["report"]["findings"]}
    assert {"cm-sales.md", "cm-support.html"} <= flagged
    assert "cm-genuine.txt" not in {Path(r["source"]).name for r in data if any(f["code"] == "CM001" for f in r["report"]["findings"])}


def test_stdin_with_title(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "-", "--title", "Комьюнити-менеджер", "--format", "json"], input="Обязанности:\n- холодные звонки\n- план продаж")
    assert result.exit_code == 1
    (record,) = json.loads(result.stdout)
    assert record["source"] == "-" and record["report"]["findings"][0]["span"]["field"] == "title"


def test_bad_file_among_good_ones(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SALES, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "c.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["source"]).name for r in lines] == ["a.txt", "b.txt", "c.txt"]
    assert lines[1]["error"]["kind"] == "decode" and lines[0]["report"] and lines[2]["report"]


def test_missing_path_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt" in result.stdout


@pytest.mark.parametrize("seconds", ["0", "-1", "nan", "inf", "1e400", "100000"])
def test_a_time_budget_that_is_no_number_of_seconds_is_a_usage_error(runner: CliRunner, seconds: str) -> None:
    """0 and NaN were a pydantic traceback, infinity a CM000 «timestamp out of range» for every posting."""
    result = runner.invoke(app, ["check", "x.txt", f"--time-budget={seconds}"])
    assert result.exit_code == 2 and "--time-budget: нужно число секунд больше 0 и не больше 86400" in result.output


def test_usage_error_is_exit_2(runner: CliRunner) -> None:
    assert runner.invoke(app, ["check", "--format", "yaml", "x.txt"]).exit_code == 2
    assert runner.invoke(app, ["check"]).exit_code == 2


def test_select_ignore_and_exit_zero(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "v.txt"
    path.write_text(SALES, encoding="utf-8")
    assert runner.invoke(app, ["check", str(path), "--ignore", "CM001"]).exit_code in (0, 1)
    ignored = runner.invoke(app, ["check", str(path), "--ignore", "CM001", "--format", "json"])
    assert all(f["code"] != "CM001" for r in json.loads(ignored.stdout) for f in r["report"]["findings"])
    assert runner.invoke(app, ["check", str(path), "--exit-zero"]).exit_code == 0


def test_output_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "v.txt"
    path.write_text(SALES, encoding="utf-8")
    out = tmp_path / "out.sarif"
    result = runner.invoke(app, ["check", str(path), "--format", "sarif", "--output", str(out)])
    assert result.exit_code == 1
    log = json.loads(out.read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    assert log["runs"][0]["results"][0]["ruleId"] == "CM001"


def test_jsonl_records_keep_input_order_in_parallel(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    rows = []
    for index in range(30):
        rows.append(json.dumps({"id": index, "title": "Комьюнити-менеджер", "text": SALES if index % 2 else GOOD}, ensure_ascii=False))
        if index == 10:
            rows.append("{broken")
    path.write_text("\n".join(rows), encoding="utf-8")
    single = runner.invoke(app, ["check", str(path), "--format", "jsonl"])
    double = runner.invoke(app, ["check", str(path), "--format", "jsonl", "--jobs", "2"])
    assert single.exit_code == double.exit_code == 2
    assert single.stdout == double.stdout
    assert len(single.stdout.splitlines()) == 31


def test_same_input_gives_byte_identical_json(runner: CliRunner) -> None:
    first = runner.invoke(app, ["check", str(SAMPLES), "--format", "json"])
    second = runner.invoke(app, ["check", str(SAMPLES), "--format", "json", "--jobs", "2"])
    assert first.stdout.encode() == second.stdout.encode()


def test_html_report_escapes_and_highlights(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "v.html"
    path.write_text("<h1>Комьюнити-менеджер</h1><p>Обязанности:</p><ul><li>холодные звонки</li><li>план продаж</li></ul><script>x()</script>", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "html"])
    assert "<script>x()" not in result.stdout and "&lt;script&gt;" in result.stdout
