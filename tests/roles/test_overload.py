"""CM002's count of unrelated jobs: many small jobs, one line each, related jobs joined, stray lines."""

from __future__ import annotations

import pytest

from cmlint import lint
from cmlint.roles.overload import jobs_of, overloaded
from cmlint.roles.taxonomy import load_taxonomy
from cmlint.scoring import Scoring

TAXONOMY = load_taxonomy()
SCORING = Scoring()
def ones(lines: int) -> dict[int, float]:
    """Every duty line weighs 1."""
    return dict.fromkeys(range(lines), 1.0)


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
    overload = jobs_of(masses(*roles), ones(len(roles)), TAXONOMY, SCORING)
    assert len(overload.jobs) == jobs
    assert overloaded(overload, SCORING) is expected


def test_unsure_lines_count_for_no_job() -> None:
    unsure = {index: {role: 0.3, "office": 0.1} for index, role in enumerate(("sales", "courier", "food"))}
    assert jobs_of(unsure, ones(3), TAXONOMY, SCORING).jobs == ()


def test_a_few_sure_lines_among_many_unsure_ones_are_no_orchestra() -> None:
    """Three sure lines of three jobs in a list of eight: the model splitting one unusual job, not an orchestra."""
    sure = masses("sales", "accountant", "courier")
    unsure = {index: {"office": 0.3, "retail": 0.2} for index in range(3, 8)}
    overload = jobs_of(sure | unsure, ones(8), TAXONOMY, SCORING)
    assert len(overload.jobs) == 3 and overload.coverage == 3 / 8
    assert not overloaded(overload, SCORING)


def test_what_the_title_names_is_one_job() -> None:
    """Support and sales under a title naming both are the title's one job; a third stray line makes two."""
    lines = masses("support", "sales", "support", "lawyer")
    title_job = frozenset({"support", "sales"})
    assert len(jobs_of(lines, ones(4), TAXONOMY, SCORING).jobs) == 3
    assert [job.role for job in jobs_of(lines, ones(4), TAXONOMY, SCORING, title_job=title_job).jobs] == [
        "support",
        "lawyer",
    ]


def test_min_lines_drops_one_line_jobs() -> None:
    overload = jobs_of(masses("sales", "sales", "accountant", "courier"), ones(4), TAXONOMY, SCORING, min_lines=2)
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
    # Eight trades, of which related ones join (a cook and a cleaner …) and unsure lines count nowhere.
    assert len(found[0].evidence) >= 4
    assert "несвязанн" in found[0].message


def test_one_job_with_a_stray_line_is_not_an_orchestra() -> None:
    text = (
        "Обязанности:\n- ведение бухгалтерского и налогового учёта\n- расчёт заработной платы\n"
        "- сдача отчётности в ФНС и СФР\n- работа с первичной документацией\n- сверка с контрагентами\n"
        "- иногда отвезти документы в банк\n"
    )
    assert "CM002" not in lint(text, title="Бухгалтер").codes()


def test_lines_without_a_duties_heading_are_not_split_into_jobs() -> None:
    """A company description and benefits with no duties heading: no job count at all."""
    text = (
        "Мы — сеть кофеен и пекарен, у нас свой отдел продаж, бухгалтерия и служба доставки.\n"
        "Наши курьеры доставляют заказы клиентам на автомобилях компании.\n"
        "Бухгалтерия ведёт учёт и сдаёт отчётность в налоговую.\n"
        "Повара готовят блюда на кухне по технологическим картам.\n"
        "Отдел продаж делает холодные звонки и выполняет план продаж.\n"
    )
    assert "CM002" not in lint(text, title="Менеджер").codes()


@pytest.mark.parametrize(("title", "fires"), [("Руководитель группы прогнозирования", False), ("Специалист группы прогнозирования", True)])
def test_a_head_hiring_the_own_team_is_not_a_recruiter(title: str, fires: bool) -> None:
    """Hiring and onboarding the team's people are a head's own job; a specialist who also hires has a third job."""
    text = (
        "Обязанности:\n- Управлять проектами группы: планировать этапы, бюджет и сроки, вести дорожную карту\n"
        "- Управлять проектами внедрения: согласовывать план проекта с заказчиком и контролировать сроки\n"
        "- Строить ML-модели на больших данных: подготовка датасетов, обучение и валидация моделей\n"
        "- Участвовать в найме и онбординге новых сотрудников\n"
    )
    assert ("CM002" in lint(text, title=title).codes()) is fires
