"""Outputs are never inputs and never half-written; problems with them are exit 2 with one line."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cmlint.cli.app import app
from cmlint.io.output import OutputError, open_output

SALES = "Комьюнити-менеджер\nОбязанности:\n- холодные звонки\n- план продаж\nУсловия:\n- 90 000 ₽\n"
ONLY_SUGGESTION = "Бухгалтер\nОбязанности:\n- ведение первичной документации\n- сверка с контрагентами\n"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", *args])
    return result.exit_code, result.output


def one_line_error(output: str) -> bool:
    lines = output.strip().splitlines()
    return len(lines) == 1 and lines[0].startswith("cmlint: ") and "Traceback" not in output


def test_missing_folder_directory_and_device_are_exit_2(tmp_path: Path) -> None:
    (tmp_path / "v.txt").write_text(SALES, encoding="utf-8")
    for target in (tmp_path / "nodir" / "x.html", tmp_path, Path("/dev/null")):
        code, output = run(str(tmp_path / "v.txt"), "-f", "html", "-o", str(target))
        assert code == 2 and one_line_error(output), output


def test_output_equal_to_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    path = tmp_path / "same.jsonl"
    data = json.dumps({"id": 1, "title": "Комьюнити-менеджер", "text": SALES}, ensure_ascii=False) + "\n"
    path.write_text(data, encoding="utf-8")
    code, output = run(str(path), "-f", "jsonl", "-o", str(path))
    assert code == 2 and one_line_error(output) and path.read_text(encoding="utf-8") == data


def test_output_inside_the_scanned_folder_is_refused_unless_excluded(tmp_path: Path) -> None:
    (tmp_path / "v.txt").write_text(SALES, encoding="utf-8")
    code, output = run(str(tmp_path), "-f", "text", "-o", str(tmp_path / "out.txt"))
    assert code == 2 and one_line_error(output) and not (tmp_path / "out.txt").exists()
    assert run(str(tmp_path), "-f", "sarif", "-o", str(tmp_path / "out.sarif"))[0] == 1  # .sarif is never an input
    assert run(str(tmp_path), "-o", str(tmp_path / "out.txt"), "--extend-exclude", "out.txt")[0] == 1


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "report.jsonl"
    target.write_text("old\n", encoding="utf-8")

    with pytest.raises(OutputError, match="No space"):
        with open_output(target) as stream:
            stream.write('{"a":1}\n')
            stream._stream.write = lambda text: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device"))  # type: ignore[method-assign]
            stream.write('{"b":2}\n')
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.jsonl"]  # no temporary file left behind
    with open_output(target) as stream:
        stream.write("new\n")
    assert target.read_text(encoding="utf-8") == "new\n" and oct(target.stat().st_mode & 0o777) != "0o600"


def test_fail_on(tmp_path: Path) -> None:
    (tmp_path / "v.txt").write_text(ONLY_SUGGESTION, encoding="utf-8")
    code, output = run(str(tmp_path / "v.txt"), "-f", "json")
    assert code == 1 and {f["severity"] for f in json.loads(output)[0]["report"]["findings"]} == {"suggestion"}
    assert run(str(tmp_path / "v.txt"), "--fail-on", "warning")[0] == 0
    (tmp_path / "cmlint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    (tmp_path / "s.txt").write_text(SALES, encoding="utf-8")
    assert run(str(tmp_path / "s.txt"), "--config", str(tmp_path / "cmlint.toml"))[0] == 0
    assert run(str(tmp_path / "s.txt"), "--config", str(tmp_path / "cmlint.toml"), "--fail-on", "warning")[0] == 1


def test_check_dot_in_a_repository_lints_only_postings(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "README.md").write_text("# Проект\nЛинтер вакансий", encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "x", "version": "1.0.0"}', encoding="utf-8")
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "cm.md").write_text(SALES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("postings", "-f", "html", "-o", "report.html")[0] == 1
    code, output = run(".", "-f", "jsonl")
    assert code == 1 and [json.loads(line)["source"] for line in output.splitlines()] == ["postings/cm.md"]
