"""Text and HTML output for people: severity words, order, summaries, the HTML report's parts."""

from __future__ import annotations

import io
import re

import pytest

from cmlint import Linter
from cmlint.formatters import make_formatter
from cmlint.formatters.html import PAGE_SIZE
from cmlint.models import InputFailure, LintResult, Posting

# A legal error, a role confusion (warning) and a cliché (suggestion) in one posting, in text order
# suggestion → warning → error, so the output must reorder them.
MIXED = Posting(
    id="mixed",
    title="Комьюнити-менеджер",
    text="Требования:\n- стрессоустойчивость\nОбязанности:\n- холодные звонки\n- выполнение плана продаж\n- ведение сделок в CRM\nТребуется девушка.\nЗарплата 70 000 ₽",
)
CLEAN = Posting(id="clean", title="Комьюнити-менеджер", text="Обязанности:\n- организовывать встречи участников\n- знакомить новичков друг с другом\nЗарплата 90 000 ₽")


def render(name: str, linter: Linter, postings: list[Posting], failures: int = 0) -> str:
    stream = io.StringIO()
    formatter = make_formatter(name, stream, rules=[r.spec for r in linter.rules])
    formatter.start()
    for posting in postings:
        formatter.write(LintResult(source=f"{posting.id}.txt", id=posting.id, report=linter.lint_posting(posting)), posting)
    for number in range(failures):
        formatter.write(LintResult(source="broken.jsonl", record=number + 1, error=InputFailure(kind="malformed", message="не JSON")))
    formatter.finish()
    return stream.getvalue()


def test_text_spells_severity_most_serious_first(linter: Linter) -> None:
    lines = render("text", linter, [MIXED]).splitlines()
    assert lines[0].startswith("mixed.txt: оценка ") and "нужно исправить" in lines[0]
    words = [m.group(1) for line in lines if (m := re.match(r"mixed\.txt:[^ ]+: (ошибка|предупреждение|совет) ", line))]
    assert words[0] == "ошибка" and words.index("предупреждение") < words.index("совет")
    assert "\x1b[" not in "\n".join(lines)  # no colour unless asked


def test_text_summary_agrees_in_number(linter: Linter) -> None:
    out = render("text", linter, [MIXED, CLEAN], failures=2)
    assert "Проверено: 2 вакансии (можно публиковать — 1; нужно исправить — 1)" in out
    assert re.search(r"\d+ замечани[ея]й?: 1 ошибка, 1 предупреждение, 1 совет", out)
    assert "Не удалось прочитать: 2 файла или записи" in out
    assert re.search(r"^\s+1\s+ошибка\s+LG001 ", out, re.MULTILINE)
    assert "CM001 по ролям в обязанностях: продажи — 1" in out
    assert re.search(r"\(уверенность \d+\u00a0%\)", out)


def test_text_clean_run(linter: Linter) -> None:
    assert render("text", linter, [CLEAN]) == "Проверено: 1 вакансия (можно публиковать — 1), средняя оценка 100 из 100\nЗамечаний нет\n"


@pytest.fixture(scope="module")
def page(linter: Linter) -> str:
    return render("html", linter, [MIXED, CLEAN], failures=1)


def test_html_has_summary_contents_legend_and_filter(page: str) -> None:
    assert 'class="summary"' in page and 'class="contents"' in page and 'class="legend"' in page
    assert re.search(r'<select id="rule-filter">.*<option value="LG001">', page)
    assert page.index('value="LG001"') < page.index('value="CM001"') < page.index('value="SY001"')  # most serious first
    assert page.count('<tr class="entry"') == 3  # a contents row per input, failures included
    assert 'href="#p1"' in page and 'id="p1"' in page
    assert '<div id="rule-CM001">' in page  # what each rule that fired means


def test_html_shows_text_uncollapsed_and_marks_findings(page: str) -> None:
    assert "<details" not in page
    assert '<div class="text">' in page
    assert re.search(r'<mark class="error" title="[^"]+">Требуется девушка</mark>', page)
    assert '<mark class="evidence"' in page
    assert "Замечаний нет." in page  # the clean posting says so plainly
    assert "Не удалось прочитать (malformed)" in page


def test_html_clean_posting_section(page: str) -> None:
    clean = page[page.index('id="p2"'):]
    clean = clean[: clean.index("</section>")]
    assert "100 из 100 — можно публиковать" in clean and "Замечаний нет." in clean and '<div class="text">' not in clean


def test_html_is_streamed_and_paged(linter: Linter) -> None:
    stream = io.StringIO()
    formatter = make_formatter("html", stream, rules=[r.spec for r in linter.rules])
    formatter.start()
    report = linter.lint_posting(CLEAN)
    for number in range(PAGE_SIZE + 5):
        formatter.write(LintResult(source=f"{number}.txt", report=report), CLEAN)
        assert stream.getvalue().count('<section class="posting') == number + 1  # written at once, not held back
    formatter.finish()
    assert f"var size={PAGE_SIZE}" in stream.getvalue()
