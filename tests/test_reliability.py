"""Hostile input and faults, replayed at small sizes (issue 11): no traceback, no hang, no record lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cmlint.cli.app import app
from cmlint.io import readers
from cmlint.io.readers import read
from cmlint.posting import FieldMap

SALES = "Обязанности:\n- холодные звонки по базе\n- выполнение плана продаж"


def check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", *args])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout


def record(**fields: object) -> str:
    return json.dumps({"title": "Комьюнити-менеджер", "text": SALES, **fields}, ensure_ascii=False)


def test_deep_json_is_that_record_s_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    deep = '{"text": ' + "[" * 5000 + "]" * 5000 + "}"
    (tmp_path / "a.jsonl").write_text("\n".join([record(id=1), deep, record(id=3)]), encoding="utf-8")
    (tmp_path / "b.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    (tmp_path / "c.txt").write_text("Комьюнити-менеджер\n" + SALES, encoding="utf-8")
    code, out = check(str(tmp_path), "-f", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and len(lines) == 5
    assert [(Path(r["source"]).name, r["error"]["kind"] if r["error"] else None) for r in lines] == [
        ("a.jsonl", None), ("a.jsonl", "malformed"), ("a.jsonl", None), ("b.json", "malformed"), ("c.txt", None),
    ]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "html", "sarif", "github", "text"])
def test_lone_surrogates_never_break_an_encoder(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "s.jsonl").write_text(record(title="Комьюнити\\udfff-менеджер", id="\\ud800") + "\n", encoding="utf-8")
    output = tmp_path / f"out.{fmt}"
    code, _ = check(str(tmp_path / "s.jsonl"), "-f", fmt, "-o", str(output))
    assert code in (0, 1) and output.stat().st_size > 0
    output.read_text(encoding="utf-8")  # valid UTF-8


def test_csv_from_excel_and_huge_fields(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    rows = ["id;title;description", '1;Комьюнити-менеджер;"Обязанности:\r\n- холодные звонки\r\n- план продаж"', "2;SMM;" + "пост " * 30000, "3;Бухгалтер;первичка"]
    path.write_bytes("\r\n".join(rows).encode("cp1251") + b"\r\n")
    jobs = list(read(path, FieldMap()))
    assert [(j.record, j.posting is not None) for j in jobs] == [(2, True), (5, True), (6, True)]
    assert jobs[0].posting.text.startswith("Обязанности:") and jobs[0].posting.id == "1"


def test_empty_record_files_are_errors(tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "h.csv").write_text("id,title,text\n", encoding="utf-8")
    for name in ("e.jsonl", "h.csv"):
        (job,) = read(tmp_path / name, FieldMap())
        assert job.error is not None and job.error.kind == "empty"


def test_a_line_over_the_cap_is_skipped_unread(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "long.jsonl"
    path.write_text("\n".join([record(id=1), record(id=2, text="а" * 5000), record(id=3)]), encoding="utf-8")
    jobs = list(read(path, FieldMap()))
    assert [(j.record, j.error.kind if j.error else j.posting.id) for j in jobs] == [(1, "1"), (2, "too-large"), (3, "3")]


def test_utf16_jsonl_keeps_line_separators_inside_strings(tmp_path: Path) -> None:
    path = tmp_path / "u16.jsonl"
    lines = [record(id=1, text=SALES + "\u2028ещё\u0085строка"), record(id=2)]
    path.write_bytes("\n".join(lines).encode("utf-16"))
    jobs = list(read(path, FieldMap()))
    assert [j.posting.id for j in jobs] == ["1", "2"] and "\u2028" in jobs[0].posting.text


def test_koi8_r(tmp_path: Path) -> None:
    path = tmp_path / "k.txt"
    path.write_bytes(("Комьюнити-менеджер\n" + SALES).encode("koi8-r"))
    (job,) = read(path, FieldMap())
    assert job.posting.text.startswith("Комьюнити-менеджер")


def test_json_list_records_carry_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"text": "раз"}, {"text": "два", "title": "x"}], ensure_ascii=False, indent=2), encoding="utf-8")
    assert [j.line for j in read(path, FieldMap())] == [2, 5]


def test_sarif_uri_is_percent_encoded(tmp_path: Path) -> None:
    path = tmp_path / "вакансия 1.txt"
    path.write_text("Комьюнити-менеджер\n" + SALES, encoding="utf-8")
    _, out = check(str(path), "-f", "sarif")
    uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and "%D0%B2" in uri and " " not in uri


def test_github_annotations_are_capped_and_the_summary_has_everything(tmp_path: Path, monkeypatch) -> None:
    rows = [record(id=n) for n in range(30)]
    (tmp_path / "many.jsonl").write_text("\n".join(rows), encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out = check(str(tmp_path / "many.jsonl"), "-f", "github")
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    levels = [line.split(" ", 1)[0] for line in annotations[:-1]]
    assert code == 1 and all(levels.count(level) <= 10 for level in set(levels))
    assert annotations[-1].startswith("::notice title=cmlint::Ещё ")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## cmlint") and "Проверено: 30 вакансий" in text and text.count("| CM001 |") == 30


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("pyproject.toml", '[tool.cmlint\nselect = ["CM"]\n'),  # broken pyproject: an error, not silence
        ("cmlint.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n"),
        ("cmlint.toml", None),  # a FIFO
    ],
)
def test_hostile_config_files_fail_fast_naming_the_file(tmp_path: Path, monkeypatch, name: str, content: str | None) -> None:
    import os

    path = tmp_path / name
    if content is None:
        os.mkfifo(path)
    else:
        path.write_text(content, encoding="utf-8")
    (tmp_path / "v.txt").write_text("Комьюнити-менеджер\n" + SALES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "v.txt"])
    assert result.exit_code == 2 and name in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(app, ["check", "v.txt", "--config", "/dev/zero"])
    assert result.exit_code == 2 and "/dev/zero" in result.output


def test_time_budget_turns_a_runaway_posting_into_cm000_and_goes_on(tmp_path: Path) -> None:
    from cmlint import Config, Linter

    linter = Linter(Config(time_budget=0.001))
    reports = list(linter.lint_many(["Обязанности:\n" + "- холодные звонки по базе\n" * 2000, "Обязанности: чат"]))
    assert reports[0].codes() == ["CM000"] and "time-budget" in reports[0].findings[0].message
    assert len(reports) == 2
    relaxed = Linter(Config(time_budget=30))
    assert "CM000" not in relaxed.lint("Обязанности: чат").codes()


def test_title_length_is_capped() -> None:
    from cmlint import lint

    report = lint("Обязанности: чат", title="Контент- и " * 10_000)
    assert report.codes() == ["CM000"] and "название" in report.findings[0].message


def test_cr_only_line_endings_keep_the_structure() -> None:
    from cmlint import lint

    lf = "Комьюнити-менеджер\nОбязанности:\n- холодные звонки по базе\n- выполнение плана продаж\n- ведение сделок в CRM"
    assert lint(lf.replace("\n", "\r")).codes() == lint(lf).codes() == lint(lf.replace("\n", "\r\n")).codes()
    assert "CM001" in lint(lf.replace("\n", "\r")).codes()
