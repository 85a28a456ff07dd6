"""The score formula and the verdict."""

from __future__ import annotations

from cmlint import Linter, Verdict
from cmlint.models import Finding, Severity
from cmlint.quality import assess


def _f(code: str, severity: Severity) -> Finding:
    return Finding(code=code, name="x", severity=severity, message="m")


def test_clean_posting_scores_100() -> None:
    assert assess([]).model_dump() == {"score": 100, "verdict": Verdict.READY}


def test_legal_errors_dominate_then_role_confusion_then_style() -> None:
    legal = assess([_f("LG001", Severity.ERROR)])
    role = assess([_f("CM001", Severity.WARNING)])
    structure = assess([_f("ST002", Severity.WARNING)])
    style = assess([_f("SY001", Severity.SUGGESTION)] * 10)
    assert legal.score < role.score < structure.score
    assert (legal.score, role.score, structure.score, style.score) == (60, 75, 90, 85)
    assert legal.verdict is role.verdict is Verdict.NEEDS_FIXES
    assert structure.verdict is style.verdict is Verdict.READY


def test_score_never_below_zero() -> None:
    assert assess([_f("LG001", Severity.ERROR)] * 4 + [_f("SY001", Severity.SUGGESTION)]).score == 0


def test_a_severity_override_counts_as_that_severity() -> None:
    assert assess([_f("SY001", Severity.ERROR)]).verdict is Verdict.NEEDS_FIXES


def test_linter_puts_score_and_verdict_on_the_report(linter: Linter) -> None:
    report = linter.lint("Обязанности:\n- холодные звонки\n- выполнение плана продаж\nЗарплата от 80 000 ₽", title="Комьюнити-менеджер")
    assert report.codes() == ["CM001"]
    assert (report.score, report.verdict, report.verdict.label) == (75, Verdict.NEEDS_FIXES, "нужно исправить")
    assert report.model_dump(mode="json")["verdict"] == "needs-fixes"
    assert Verdict.READY.label == "можно публиковать"
