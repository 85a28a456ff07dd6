"""The public API contract: lint, Linter, Report."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest
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
    assert max(report.duty_profile, key=report.duty_profile.__getitem__) == "sales" and report.duty_profile["sales"] >= 0.7


def test_report_json_keys_are_stable(linter: Linter) -> None:
    data = linter.lint(SALES, title="Комьюнити-менеджер").model_dump(mode="json")
    assert list(data) == [
        "id", "title", "title_roles", "duty_profile", "suggested_titles", "roles", "findings", "score", "verdict",
        "tool_version", "ruleset_version",
    ]
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


def test_reports_carry_tool_and_ruleset_versions(linter: Linter) -> None:
    report = linter.lint(SALES, title="Комьюнити-менеджер")
    assert report.tool_version == cmlint.__version__
    assert report.ruleset_version == linter.ruleset_version and len(report.ruleset_version) == 12
    assert linter.lint("").ruleset_version == linter.ruleset_version
    other = Linter(cmlint.Config(ignore=["ST004"]))
    assert other.ruleset_version != linter.ruleset_version


def test_bytes_are_decoded_like_files(linter: Linter) -> None:
    text = "Комьюнити-менеджер\n" + SALES
    expected = linter.lint(text).model_dump_json()
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1251"):
        assert linter.lint(text.encode(encoding)).model_dump_json() == expected


def test_id_and_format_are_arguments(linter: Linter) -> None:
    assert linter.lint("<p>Обязанности: чат</p>", id="v-1", format="html").id == "v-1"
    with pytest.raises(ValueError, match="docx"):
        linter.lint("текст", format="docx")


@pytest.mark.parametrize("value", [None, 42, 4.2, ["текст"], object()])
def test_lint_rejects_what_is_not_text(linter: Linter, value: object) -> None:
    with pytest.raises(TypeError, match=type(value).__name__):
        linter.lint(value)  # type: ignore[arg-type]


def test_undecodable_bytes_are_a_not_linted_report(linter: Linter) -> None:
    report = linter.lint(bytes(range(256)) * 4, id="bin")
    assert report.codes() == ["CM000"] and report.id == "bin"
    assert report.findings[0].name == "not-linted" and "двоичный" in report.findings[0].message


def test_lint_many_never_stops_on_a_bad_item(linter: Linter) -> None:
    items = [None, "Обязанности: чат", 42, {"id": 9, "name": "без текста"}, b"\xff\xfe\x00", {"text": SALES, "id": 10}]
    reports = list(linter.lint_many(items))
    assert len(reports) == len(items)
    assert ["CM000" in r.codes() for r in reports] == [True, False, True, True, True, False]
    assert "NoneType" in reports[0].findings[0].message and reports[3].id == "9" and reports[5].id == "10"
    assert [r.model_dump_json() for r in linter.lint_many(items, n_process=2, chunk_size=2)] == [r.model_dump_json() for r in reports]


def test_unknown_selectors_fail_when_the_engine_is_built() -> None:
    with pytest.raises(cmlint.ConfigError, match="XX9"):
        Linter(cmlint.Config(select=["XX9"])).prepare()
    with pytest.raises(cmlint.ConfigError, match="CM0004"):
        Linter(cmlint.Config(ignore=["CM0004"], severity={"role-confusion": cmlint.Severity.ERROR})).prepare()
    Linter(cmlint.Config(select=["ALL"], ignore=["cm", "role-confusion", "CM000"], extend_select=["LG00"])).prepare()


def test_a_footnote_mark_after_a_word_is_no_number(linter: Linter) -> None:
    report = linter.lint("Требования: мужчина ¹ опыт от года.\n¹ по просьбе заказчика", title="Кладовщик")
    assert "CM000" not in report.codes() and "LG001" in report.codes()


def test_a_record_with_a_number_too_long_is_reported_and_the_stream_goes_on(linter: Linter) -> None:
    """``str()`` of a 5 000-digit int raises: the record's CM000 report had taken the stream down with it."""
    reports = list(linter.lint_many(iter([{"id": 10**5000, "text": "x"}, "Обязанности: проводить встречи"])))
    assert reports[0].id is None and "число длиннее 100 цифр" in reports[0].findings[0].message
    assert reports[1].findings is not None and "CM000" not in reports[1].codes()


def test_fix_refuses_what_is_not_a_posting_as_lint_does() -> None:
    import cmlint

    with pytest.raises(TypeError, match="ожидалась строка или bytes"):
        cmlint.fix(None)  # type: ignore[arg-type]
