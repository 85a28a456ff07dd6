"""The public API contract: lint, Linter, Report."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor

from hypothesis import HealthCheck, given, settings, strategies as st

import cmlint
from cmlint import Linter, Posting, Report

SALES = "Обязанности:\n- холодные звонки\n- выполнение плана продаж"


def test_lint_returns_a_report() -> None:
    report = cmlint.lint(SALES, title="Комьюнити-менеджер")
    assert isinstance(report, Report)
    finding = report.findings[0]
    assert (finding.code, finding.name, finding.severity.value) == ("CM001", "role-confusion", "warning")
    assert finding.span is not None and finding.span.field == "title" and finding.span.text == "Комьюнити-менеджер"
    assert finding.evidence and all(e.role == "sales" for e in finding.evidence)
    assert report.title_roles == ["community"]
    assert report.duty_profile == {"sales": 1.0}


def test_report_json_keys_are_stable(linter: Linter) -> None:
    data = linter.lint(SALES, title="Комьюнити-менеджер").model_dump(mode="json")
    assert list(data) == ["id", "title", "title_roles", "duty_profile", "suggested_titles", "findings", "score", "verdict"]
    assert list(data["findings"][0]) == ["code", "name", "severity", "message", "span", "suggestions", "evidence"]
    assert list(data["findings"][0]["span"]) == ["field", "start", "end", "line", "column", "text"]
    assert list(data["suggested_titles"][0]) == ["title", "role", "confidence"]


def test_same_input_same_bytes(linter: Linter) -> None:
    first = linter.lint(SALES, title="Комьюнити-менеджер").model_dump_json()
    assert all(linter.lint(SALES, title="Комьюнити-менеджер").model_dump_json() == first for _ in range(3))
    assert Linter().lint(SALES, title="Комьюнити-менеджер").model_dump_json() == first


def test_linter_pickles_and_works_after(linter: Linter) -> None:
    clone = pickle.loads(pickle.dumps(linter))
    assert clone.lint(SALES, title="Комьюнити-менеджер").codes() == linter.lint(SALES, title="Комьюнити-менеджер").codes()
    assert clone.config == linter.config


def test_thread_safe(linter: Linter) -> None:
    texts = [(SALES, "Комьюнити-менеджер"), ("Обязанности:\n- организовывать митапы участников", "Комьюнити-менеджер")] * 20
    expected = [linter.lint(t, title=ti).model_dump_json() for t, ti in texts]
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda pair: linter.lint(pair[0], title=pair[1]).model_dump_json(), texts))
    assert got == expected


def test_lint_many_keeps_order_and_accepts_many_shapes(linter: Linter) -> None:
    items = [
        Posting(text=SALES, title="Комьюнити-менеджер", id="a"),
        "Комьюнити-менеджер\n" + SALES,
        (SALES, "Менеджер по продажам"),
        {"id": 7, "title": "Комьюнити-менеджер", "description": SALES},
    ]
    reports = list(linter.lint_many(items))
    assert ["CM001" in r.codes() for r in reports] == [True, True, False, True]
    assert reports[0].id == "a" and reports[3].id == "7"


def test_lint_many_in_processes_matches_one_process(linter: Linter) -> None:
    items = [(SALES, "Комьюнити-менеджер"), (SALES, "Менеджер по продажам")] * 5
    single = [r.model_dump_json() for r in linter.lint_many(items)]
    multi = [r.model_dump_json() for r in linter.lint_many(items, n_process=2, chunk_size=3)]
    assert multi == single


def test_empty_and_huge_text(linter: Linter) -> None:
    assert linter.lint("").findings == []
    assert linter.lint("   \n\n ", title="").findings == []
    huge = ("- холодные звонки по базе клиентов\n" * 4000)
    assert "CM001" in linter.lint(huge, title="Комьюнити-менеджер").codes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400), title=st.one_of(st.none(), st.text(max_size=40)))
def test_lint_never_raises(linter: Linter, text: str, title: str | None) -> None:
    report = linter.lint(text, title=title)
    assert "CM000" not in report.codes()
    for finding in report.findings:
        if finding.span is not None and finding.span.field == "text":
            assert text[finding.span.start:finding.span.end] == finding.span.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pieces=st.lists(
        st.sampled_from(["Обязанности:", "- ", "<p>", "</li>", "<ul><li>", "## ", "**", "холодные звонки", "митапы",
                         "Комьюнити-менеджер", "не", ";", "\n", "🔥", "#вакансия", "&amp;", "<!-- cmlint: disable -->"]),
        max_size=40,
    )
)
def test_lint_never_raises_on_markup_soup(linter: Linter, pieces: list[str]) -> None:
    assert "CM000" not in linter.lint("".join(pieces)).codes()
