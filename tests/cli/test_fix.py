"""``cmlint check --fix`` / ``--diff``: diffs, in-place fixes, encodings, records left alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cmlint.cli.app import app

SAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "samples"
SALES = "Комьюнити-менеджер\nИщем комьюнити-менеджера!\nОбязанности:\n- холодные звонки\n- план продаж\n- ведение сделок в CRM\nУсловия:\n- 90 000 ₽\n"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def samples(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SAMPLES, tmp_path / "samples"))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_diff_then_fix_then_nothing_left(runner: CliRunner, samples: Path) -> None:
    before = _snapshot(samples)
    diff = runner.invoke(app, ["check", "--diff", str(samples)])
    assert diff.exit_code == 1, diff.stderr
    assert f"--- {samples / 'cm-sales.md'}" in diff.stdout
    assert "-# Комьюнити-менеджер\n+# Менеджер по продажам\n" in diff.stdout
    assert "Можно исправить: 2 файла, 2 исправления" in diff.stderr
    assert _snapshot(samples) == before  # --diff never writes

    fixed = runner.invoke(app, ["check", "--fix", str(samples)])
    assert "Исправлено: 2 файла, 2 исправления" in fixed.stderr
    assert "CM001" not in fixed.stdout  # the report that follows is about the fixed files
    after = _snapshot(samples)
    assert after["cm-sales.md"].decode().startswith("# Менеджер по продажам\n")
    assert after["cm-genuine.txt"] == before["cm-genuine.txt"]
    assert not [p for p in samples.iterdir() if p.name.endswith(".cmlint-tmp")]

    again = runner.invoke(app, ["check", "--diff", str(samples)])
    assert again.exit_code == 0 and again.stdout == "" and "Исправлять нечего" in again.stderr
    runner.invoke(app, ["check", "--fix", str(samples)])
    assert _snapshot(samples) == after  # idempotent


def test_fix_keeps_encoding_line_endings_and_mode(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "v.txt"
    path.write_bytes(SALES.replace("\n", "\r\n").replace("₽", "руб.").encode("cp1251"))
    path.chmod(0o640)
    result = runner.invoke(app, ["check", "--fix", str(path)])
    assert result.exit_code == 0, result.stdout + result.stderr
    data = path.read_bytes()
    assert data.decode("cp1251").startswith("Менеджер по продажам\r\nИщем менеджера по продажам!\r\n")
    assert (path.stat().st_mode & 0o777) == 0o640


def test_records_are_left_alone(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "v.jsonl"
    path.write_text('{"title": "Комьюнити-менеджер", "text": "Обязанности: холодные звонки, план продаж"}\n', encoding="utf-8")
    before = path.read_bytes()
    result = runner.invoke(app, ["check", "--fix", str(path)])
    assert path.read_bytes() == before
    assert "файл с записями не исправляется" in result.stderr
    assert "CM001" in result.stdout  # still checked and reported
    assert runner.invoke(app, ["check", "--diff", str(path)]).exit_code == 0


def test_stdin_diff_and_title_option(runner: CliRunner, tmp_path: Path) -> None:
    body = SALES.split("\n", 1)[1]
    result = runner.invoke(app, ["check", "--diff", "-", "--title", "Комьюнити-менеджер"], input=body)
    assert result.exit_code == 1
    assert "+Ищем менеджера по продажам!" in result.stdout
    assert "название задано в --title, замените его сами: «Комьюнити-менеджер» → «Менеджер по продажам»" in result.stderr
    refused = runner.invoke(app, ["check", "--fix", "-"], input=SALES)
    assert "стандартный ввод не исправляется на месте" in refused.stderr


def test_unreadable_input_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 8)
    result = runner.invoke(app, ["check", "--diff", str(tmp_path / "bad.txt"), str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "bad.txt: двоичный файл" in result.stderr
