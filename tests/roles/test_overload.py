"""CM002's count of unrelated jobs: many small jobs, one line each, related jobs joined, stray lines."""

from __future__ import annotations

import pytest

from cmlint import lint
from cmlint.roles.overload import jobs_of, overloaded
from cmlint.roles.taxonomy import load_taxonomy
from cmlint.scoring import Scoring

TAXONOMY = load_taxonomy()
SCORING = Scoring()
#: Every line weighs 1.
ONE: dict[int, float] = {index: 1.0 for index in range(20)}


def masses(*roles: str) -> dict[int, dict[str, float]]:
    """One sure duty line per role (90 % of it), the rest of it spread elsewhere."""
    return {index: {role: 0.9, "office": 0.1} for index, role in enumerate(roles)}


@pytest.mark.parametrize(
    ("roles", "jobs", "expected"),
    [
        # nine unrelated jobs of one line each: each is 11 %, together an orchestra
        (("sales", "accountant", "courier", "developer", "cleaner", "smm", "teacher", "lawyer", "security"), 9, True),
        # three jobs, one line each
        (("sales", "accountant", "courier"), 3, True),
        # a main job with two stray lines of other jobs
        (("accountant",) * 8 + ("courier", "sales"), 3, False),
        # related jobs are one job: a community manager who runs events and moderates
        (("community", "event", "moderation", "community"), 1, False),
        # two jobs are not an orchestra
        (("sales", "accountant", "sales", "accountant"), 2, False),
    ],
)
def test_jobs_and_overload(roles: tuple[str, ...], jobs: int, expected: bool) -> None:
    overload = jobs_of(masses(*roles), ONE, TAXONOMY, SCORING)
    assert len(overload.jobs) == jobs
    assert overloaded(overload, SCORING) is expected


def test_unsure_lines_count_for_no_job() -> None:
    unsure = {index: {role: 0.3, "office": 0.1} for index, role in enumerate(("sales", "courier", "food"))}
    assert jobs_of(unsure, ONE, TAXONOMY, SCORING).jobs == ()


def test_min_lines_drops_one_line_jobs() -> None:
    overload = jobs_of(masses("sales", "sales", "accountant", "courier"), ONE, TAXONOMY, SCORING, min_lines=2)
    assert [job.role for job in overload.jobs] == ["sales"]


def test_orchestra_under_a_broad_title_is_reported() -> None:
    text = (
        "Обязанности:\n- холодные звонки и выполнение плана продаж\n"
        "- ведение бухгалтерского учёта и сдача отчётности в налоговую\n"
        "- доставка заказов клиентам на личном автомобиле\n- разработка backend-сервисов на Python\n"
        "- приготовление блюд на кухне по технологическим картам\n- уборка офисных помещений\n"
        "- подбор персонала и проведение собеседований\n- приёмка товара на склад и инвентаризация\n"
    )
    found = [f for f in lint(text, title="Менеджер").findings if f.code == "CM002"]
    assert len(found) == 1
    assert len(found[0].evidence) >= 5
    assert "несвязанн" in found[0].message


def test_one_job_with_a_stray_line_is_not_an_orchestra() -> None:
    text = (
        "Обязанности:\n- ведение бухгалтерского и налогового учёта\n- расчёт заработной платы\n"
        "- сдача отчётности в ФНС и СФР\n- работа с первичной документацией\n- сверка с контрагентами\n"
        "- иногда отвезти документы в банк\n"
    )
    assert "CM002" not in lint(text, title="Бухгалтер").codes()
