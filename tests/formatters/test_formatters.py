"""Output formats: escaping, structure, one line per input."""

from __future__ import annotations

import io
import json

import pytest

from cmlint import Linter
from cmlint.formatters import FORMATTERS, make_formatter
from cmlint.models import InputFailure, LintResult, Posting

HOSTILE = "Комьюнити-менеджер\n<script>alert('x')</script>\nОбязанности:\n- холодные звонки & «план продаж»\n- выполнение плана продаж"


@pytest.fixture(scope="module")
def results(linter: Linter) -> list[tuple[LintResult, Posting | None]]:
    posting = Posting(text=HOSTILE, id="v1")
    report = linter.lint_posting(posting)
    return [
        (LintResult(source="a,b:c.txt", id="v1", report=report), posting),
        (LintResult(source="bad.txt", error=InputFailure(kind="decode", message="двоичный файл\nстрока 2")), None),
    ]


def render(name: str, results, linter: Linter) -> str:
    stream = io.StringIO()
    formatter = make_formatter(name, stream, rules=[r.spec for r in linter.rules])
    formatter.start()
    for result, posting in results:
        formatter.write(result, posting)
    formatter.finish()
    return stream.getvalue()


def test_every_format_renders(results, linter: Linter) -> None:
    for name in FORMATTERS:
        assert render(name, results, linter)


def test_jsonl_one_line_per_input(results, linter: Linter) -> None:
    lines = render("jsonl", results, linter).splitlines()
    assert len(lines) == 2
    assert json.loads(lines[1])["error"]["kind"] == "decode"


def test_json_is_a_list(results, linter: Linter) -> None:
    data = json.loads(render("json", results, linter))
    assert [d["source"] for d in data] == ["a,b:c.txt", "bad.txt"]


def test_html_escapes_posting_text(results, linter: Linter) -> None:
    page = render("html", results, linter)
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert "<mark" in page
    assert "Менеджер по продажам" in page


def test_github_annotations_escape_properties(results, linter: Linter) -> None:
    lines = render("github", results, linter).splitlines()
    assert lines[0].startswith("::warning file=a%2Cb%3Ac.txt,line=1,col=1,title=CM001 role-confusion::")
    assert lines[-1] == "::error file=bad.txt,title=cmlint::двоичный файл%0Aстрока 2"


def test_sarif_structure(results, linter: Linter) -> None:
    log = json.loads(render("sarif", results, linter))
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["tool"]["driver"]["rules"][0]["id"] == "CM001"
    result = run["results"][0]
    assert result["level"] == "warning"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 1 and region["startColumn"] == 1
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "Менеджер по продажам"
    assert run["invocations"][0]["toolExecutionNotifications"][0]["level"] == "error"


def test_text_summary_counts(results, linter: Linter) -> None:
    text = render("text", results, linter)
    assert "a,b:c.txt:1:1: предупреждение CM001" in text
    assert "bad.txt: ошибка ввода [decode]" in text
    assert "Не удалось прочитать: 1 файл или запись" in text
