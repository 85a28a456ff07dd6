"""Reading titles: misspellings, English, parts of combined titles, context, broad names, seniority."""

from __future__ import annotations

import pytest

from cmlint import Linter
from cmlint.matching.lemma_matcher import TokenView
from cmlint.roles.titles import TitleReading, edit_distance


def read(linter: Linter, title: str) -> TitleReading:
    doc = linter.engine.nlp(title)
    return linter.engine.analyzer.roles.read_title(doc, TokenView.of(doc))


@pytest.mark.parametrize(
    "title",
    [
        "Комъюнити-менеджер",
        "Коммьюнити менеджер",
        "Comunity manager",
        "Community Manager",
        "Менеджер по развитию сообщества",
        "Head of Community",
        "Community Lead",
        "Менеджер комьюнити",
    ],
)
def test_community_titles_however_written(linter: Linter, title: str) -> None:
    assert read(linter, title).roles == ("community",)


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Старший бухгалтер / кассир (удалённо)", ("accountant", "retail")),  # every part counts
        ("Комьюнити-менеджер в отдел продаж", ("community",)),  # what follows «в» is context
        ("Программист 1С в бухгалтерию", ("developer",)),
        ("Руководитель отдела продаж / маркетолог", ("sales", "marketing")),
        ("Руководитель направления / аналитик", ("analyst",)),  # a broad name gives way to a specific one
        ("Руководитель направления", ("executive",)),  # … and stays when it is all there is
        ("Водитель-экспедитор", ("driver",)),
        ("Инженер по автоматизации тестирования", ("qa",)),
        ("Работа мечты!", ()),
    ],
)
def test_roles_of_a_title(linter: Linter, title: str, roles: tuple[str, ...]) -> None:
    assert read(linter, title).roles == roles


def test_seniority_is_a_qualifier_not_a_role(linter: Linter) -> None:
    reading = read(linter, "Старший комьюнити-менеджер (удалённо)")
    assert reading.roles == ("community",) and reading.seniority == ("старший",)


def test_edit_distance_counts_swaps_once_and_stops_early() -> None:
    assert edit_distance("comunity", "community", 1) == 1
    assert edit_distance("комъюнити", "комьюнити", 1) == 1
    assert edit_distance("mnaager", "manager", 1) == 1  # an adjacent swap
    assert edit_distance("бухгалтер", "водитель", 2) == 3  # beyond the limit: limit + 1
