"""Invisible bidi controls (U+202E …) cannot hide a title or a duty from the checks."""

from __future__ import annotations

from cmlint import Linter

DUTIES = "Обязанности:\n- холодные звонки\n- выполнение плана продаж"


def test_a_bidi_override_before_the_title_does_not_hide_cm001(linter: Linter) -> None:
    assert "CM001" in linter.lint(DUTIES, title="\u202eКомьюнити-менеджер").codes()
    assert "CM001" in linter.lint("\u202eКомьюнити-менеджер\n" + DUTIES).codes()
    assert "CM001" in linter.lint("Комьюнити\u2066-менеджер\n" + DUTIES.replace("звонки", "звон\u200fки")).codes()


def test_spans_still_point_into_the_callers_text(linter: Linter) -> None:
    text = "\u202eКомьюнити-менеджер\n" + DUTIES
    report = linter.lint(text)
    evidence = [item.span for finding in report.findings if finding.code == "CM001" for item in finding.evidence]
    assert evidence and all(text[span.start:span.end] == span.text for span in evidence)
