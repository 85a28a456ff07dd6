"""The occupation of what a title teaches, analyses or consults on (``cmlint/roles/subjects.py``)."""

from __future__ import annotations

import pytest

from cmlint.linter import Engine, Linter
from cmlint.matching.lemma_matcher import TokenView
from cmlint.roles.subjects import TitleTokens, title_subject
from cmlint.scoring import Scoring

SCORING = Scoring()

TEACHER_OF_CODE = """Обязанности:
- Разрабатывать учебные проекты на Django и FastAPI
- Писать код примеров, проверять код студентов на ревью
- Готовить задачи по алгоритмам и структурам данных
- Настраивать CI для учебных репозиториев в GitLab
- Писать автотесты к домашним заданиям
- Проводить вебинары раз в неделю
Требования:
- Опыт коммерческой разработки на Python от 3 лет
- Знание Django, PostgreSQL, Docker, Git
"""


def subject_of(engine: Engine, title: str) -> str | None:
    analyzer = engine.analyzer
    doc = analyzer.nlp(title)
    view = TokenView.of(doc)
    reading = analyzer.roles.read_title(doc, view, 0, len(doc))
    own = [analyzer.roles.taxonomy.occupation_of(role) for role in reading.roles]
    return title_subject(TitleTokens(view, 0, len(doc), reading.matches), own, analyzer.occupations, SCORING)


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Преподаватель Python", "developer"),
        ("Старший преподаватель графического дизайна", "designer"),
        ("Преподаватель", None),
        ("Учитель английского языка", None),
        ("Преподаватель Python в IT-школу", "developer"),  # where the position works does not dilute its subject
        ("Хостес в ресторан", "food"),  # … and counts when the position's own words name none
    ],
)
def test_a_title_s_subject_is_the_occupation_its_other_words_read_as(
    engine: Engine, title: str, subject: str | None
) -> None:
    assert subject_of(engine, title) == subject


def test_a_teacher_of_programming_who_writes_code_is_not_confused(linter: Linter) -> None:
    report = linter.lint(TEACHER_OF_CODE, title="Преподаватель Python")
    assert "CM001" not in report.codes()


def test_without_a_subject_the_same_duties_are_a_confusion(linter: Linter) -> None:
    """The teacher's own occupation is nearly absent from these lines: only the subject makes them fit."""
    report = linter.lint(TEACHER_OF_CODE, title="Преподаватель")
    assert "CM001" in report.codes()


def test_a_community_title_has_no_subject(linter: Linter) -> None:
    """Where a community manager works is not what the duties may be instead."""
    report = linter.lint(TEACHER_OF_CODE, title="Комьюнити-менеджер школы программирования")
    assert "CM001" in report.codes()
