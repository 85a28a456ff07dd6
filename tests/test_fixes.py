"""Auto-fix: one pass, the overlap rule, the fix loop, idempotence over our corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cmlint
from cmlint import Linter, Report
from cmlint.edits import StaleReportError, apply_fixes
from cmlint.fixes import fix
from cmlint.models import Edit, Finding, Fix, Severity, Span

ROOT = Path(__file__).resolve().parent.parent
SALES = "Ищем комьюнити-менеджера в команду.\nОбязанности:\n- холодные звонки\n- выполнение плана продаж\n- ведение сделок в CRM"


def _span(text: str, start: int, end: int, field: str = "text") -> Span:
    return Span(field=field, start=start, end=end, line=1, column=start + 1, text=text[start:end])  # type: ignore[arg-type]


def _finding(code: str, severity: Severity, *fixes: list[Edit]) -> Finding:
    return Finding(code=code, name="x", severity=severity, message="m", suggestions=[Fix(message=f"fix {code} {i}", edits=e) for i, e in enumerate(fixes)])


def test_report_fixed_text_renames_title_and_mentions(linter: Linter) -> None:
    report = linter.lint(SALES, title="Комьюнити-менеджер")
    assert report.codes()[0] == "CM001"
    assert report.fixed_text() == SALES.replace("комьюнити-менеджера", "менеджера по продажам")
    result = apply_fixes(report, SALES, "Комьюнити-менеджер")
    assert result.title == "Менеджер по продажам"
    assert [a.code for a in result.applied] == ["CM001"]


def test_fixed_text_of_a_report_read_back_needs_the_text(linter: Linter) -> None:
    report = Report.model_validate_json(linter.lint(SALES, title="Комьюнити-менеджер").model_dump_json())
    with pytest.raises(ValueError, match="передайте text"):
        report.fixed_text()
    assert "менеджера по продажам" in report.fixed_text(SALES, "Комьюнити-менеджер")


def test_stale_report_is_refused(linter: Linter) -> None:
    report = linter.lint(SALES, title="Комьюнити-менеджер")
    with pytest.raises(StaleReportError, match="ожидалось «комьюнити-менеджера»"):
        report.fixed_text("Совсем другой текст вакансии, длиннее прежнего на много символов", "Комьюнити-менеджер")


def test_overlapping_fixes_more_severe_first_then_position() -> None:
    text = "абвгдеёжз"
    suggestion = _finding("SY001", Severity.SUGGESTION, [Edit(span=_span(text, 0, 4), replacement="X")])
    warning = _finding("CM001", Severity.WARNING, [Edit(span=_span(text, 2, 6), replacement="Y")])
    later = _finding("SY002", Severity.SUGGESTION, [Edit(span=_span(text, 6, 8), replacement="Z")])
    report = Report(findings=[suggestion, warning, later])
    result = apply_fixes(report, text)
    assert result.text == "абYZз"  # the warning wins the overlap; a touching edit still goes in
    assert [a.code for a in result.applied] == ["CM001", "SY002"]
    assert [s.code for s in result.skipped] == ["SY001"]
    # same severity: the earlier edit wins; the result never depends on report order
    first = _finding("SY001", Severity.SUGGESTION, [Edit(span=_span(text, 0, 4), replacement="X")])
    second = _finding("SY003", Severity.SUGGESTION, [Edit(span=_span(text, 3, 5), replacement="Q")])
    assert apply_fixes(Report(findings=[second, first]), text).text == apply_fixes(Report(findings=[first, second]), text).text == "Xдеёжз"


def test_a_fix_is_all_or_nothing_and_the_same_edit_counts_once() -> None:
    text = "Комьюнити-менеджер и ещё комьюнити-менеджер"
    title_edit = Edit(span=_span(text, 0, 18), replacement="Менеджер")
    rename = _finding("CM001", Severity.WARNING, [title_edit, Edit(span=_span(text, 25, 43), replacement="менеджер")])
    spelling = _finding("SY004", Severity.SUGGESTION, [Edit(span=_span(text, 25, 34), replacement="комьюнити")])
    same = _finding("CM002", Severity.WARNING, [title_edit])
    result = apply_fixes(Report(findings=[spelling, rename, same]), text)
    assert result.text == "Менеджер и ещё менеджер"
    assert [a.code for a in result.applied] == ["CM001", "CM002"]
    assert [s.code for s in result.skipped] == ["SY004"]


def test_only_applies_the_chosen_fixes() -> None:
    text = "один два"
    finding = _finding("SY003", Severity.SUGGESTION, [Edit(span=_span(text, 0, 4), replacement="1")], [Edit(span=_span(text, 0, 4), replacement="I")])
    other = _finding("SY001", Severity.SUGGESTION, [Edit(span=_span(text, 5, 8), replacement="2")])
    report = Report(findings=[finding, other])
    assert apply_fixes(report, text, only={(0, 1)}).text == "I два"
    assert apply_fixes(report, text, only=set()).text == text
    assert apply_fixes(report, text).text == "1 2"


def test_html_replacements_are_escaped() -> None:
    text = "<p>x</p>"
    report = Report(findings=[_finding("SY003", Severity.SUGGESTION, [Edit(span=_span(text, 3, 4), replacement="a & <b>")])])
    assert apply_fixes(report, text, format="html").text == "<p>a &amp; &lt;b&gt;</p>"
    assert apply_fixes(report, text).text == "<p>a & <b></p>"


def test_fix_loops_until_clean(linter: Linter) -> None:
    fixed = cmlint.fix(SALES, "Коммьюнити-менеджер", linter=linter)
    assert fixed.converged and fixed.passes >= 1
    assert fixed.title == "Менеджер по продажам"
    assert "CM001" not in fixed.report.codes()
    assert fixed.report.score > linter.lint(SALES, title="Коммьюнити-менеджер").score
    clean = cmlint.fix("Обязанности:\n- организовывать встречи участников", "Комьюнити-менеджер", linter=linter)
    assert clean.passes == 0 and not clean.changed


def _corpus() -> list[dict]:
    records = []
    for path in sorted((ROOT / "corpora").rglob("*.jsonl")):
        records += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return records


def test_fixing_is_idempotent_over_the_corpora(linter: Linter) -> None:
    records = _corpus()
    assert len(records) >= 300
    changed = 0
    for record in records:
        once = fix(record["text"], record.get("title"), format=record.get("format"), linter=linter)
        assert once.converged, record["id"]
        twice = fix(once.text, once.title, format=record.get("format"), linter=linter)
        assert (twice.text, twice.title, twice.applied) == (once.text, once.title, []), record["id"]
        changed += once.changed
    assert changed >= 100  # the corpora hold many confused titles; most get renamed
