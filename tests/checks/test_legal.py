"""Legal rules on drafts written the way recruiters write them."""

from __future__ import annotations

import pytest

from cmlint import Linter


def legal_codes(linter: Linter, text: str, title: str | None = None) -> list[str]:
    return sorted({f.code for f in linter.lint(text, title=title).findings if f.code.startswith("LG")})


def test_the_issue_draft_reports_sex_age_and_ethnicity_and_nothing_for_residence(linter: Linter) -> None:
    draft = "Требования:\n- девушка до 30 лет, славянской внешности, прописка не важна"
    assert legal_codes(linter, draft, "Администратор салона") == ["LG001", "LG002", "LG003"]


@pytest.mark.parametrize(
    "text",
    [
        "Требования:\n- прописка не важна",
        "Регистрация в Москве не обязательна.",
        "Рассматриваем кандидатов без прописки.",
        "Рассматриваем всех, в том числе иногородних.",
        "Место проживания значения не имеет.",
    ],
)
def test_wording_that_removes_a_restriction_is_compliant(linter: Linter, text: str) -> None:
    assert legal_codes(linter, text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Требования:\n- женщина, аккуратная", "LG001"),
        ("Требования:\n- мужчина от 25 до 40 лет", "LG001"),
        ("В офис требуется секретарь-девушка.", "LG001"),
        ("Требования:\n- возраст не более 40 лет", "LG002"),
        ("Пенсионеров просим не беспокоить.", "LG002"),
        ("Требования:\n- русская внешность", "LG003"),
        ("Требования:\n- православный", "LG007"),
        ("Требования:\nГражданство РФОпыт работы от года", "LG008"),
    ],
)
def test_recruiter_wordings_are_caught(linter: Linter, text: str, code: str) -> None:
    assert code in legal_codes(linter, text)


def test_experience_numbers_are_not_age_but_an_age_beside_them_is(linter: Linter) -> None:
    assert legal_codes(linter, "Требования:\n- опыт работы от 15 до 20 лет") == []
    assert legal_codes(linter, "Требования:\n- возраст 25-40 лет, опыт от 2 лет") == ["LG002"]


def test_an_age_attached_to_the_candidate_counts_beside_children_the_work_is_with(linter: Linter) -> None:
    """Children named after the age are the work's, the age is the candidate's; named before it, the age is theirs."""
    assert legal_codes(linter, "Требования:\n- мужчина 30-45 лет, опыт работы с подростками") == ["LG001", "LG002"]
    assert legal_codes(linter, "Требования:\n- умение ладить с подростками от 14 до 17 лет") == []
    assert legal_codes(linter, "Требования:\n- опыт работы с детьми от 3 до 7 лет") == []
