"""What a title works on, and the duty lines that name it (``cmlint/roles/objects.py``)."""

from __future__ import annotations

import pytest

from cmlint.linter import Engine
from cmlint.matching.lemma_matcher import TokenView
from cmlint.roles.decision import Criteria, DutyReading, TitleClaim, decide
from cmlint.roles.objects import naming_items, title_objects
from cmlint.roles.profile import DutyProfile, OccupationScores
from cmlint.roles.taxonomy import load_taxonomy
from cmlint.scoring import Scoring

TAXONOMY = load_taxonomy()
SCORING = Scoring()
CRITERIA = Criteria(TAXONOMY, SCORING)
FINANCE = TitleClaim(("finance",))


def objects_of(engine: Engine, title: str) -> frozenset[str]:
    analyzer = engine.analyzer
    doc = analyzer.nlp(title)
    view = TokenView.of(doc)
    reading = analyzer.roles.read_title(doc, view, 0, len(doc))
    return title_objects(view, 0, len(doc), reading.matches)


@pytest.mark.parametrize(
    ("title", "objects"),
    [
        ("Старший преподаватель Python", {"python"}),
        ("Ведущий экономист по тарифам", {"тариф", "тарифам"}),
        ("SMM-менеджер (без продаж)", set()),
        ("Комьюнити-менеджер", set()),
    ],
)
def test_the_objects_of_a_title_are_its_words_that_name_no_role(engine: Engine, title: str, objects: set[str]) -> None:
    assert objects_of(engine, title) == objects


def test_lines_that_name_an_object_are_found_by_lemma(engine: Engine) -> None:
    doc = engine.analyzer.nlp("Пересчёт тарифов. Сверка актов.")
    view = TokenView.of(doc)
    items = tuple(0 if token.i < 3 else 1 for token in doc)
    assert naming_items(frozenset({"тариф"}), view, items) == {0}


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ("Разработка норм выработки и норм времени", True),
        ("Нормировать расход материалов", True),
        ("Нормальный график работы", False),
    ],
)
def test_a_noun_of_action_is_named_by_the_noun_and_verb_it_is_made_from(engine: Engine, line: str, named: bool) -> None:
    """«по нормированию»: a line about norms or about norming is the title's own work; «нормальный» is another word."""
    objects = objects_of(engine, "Ведущий экономист по нормированию")
    doc = engine.analyzer.nlp(line)
    assert bool(naming_items(objects, TokenView.of(doc), (0,) * len(doc))) is named


def test_a_short_stem_names_nothing(engine: Engine) -> None:
    """«копирование» shares only three letters with «копа»: too short to tell the same word."""
    doc = engine.analyzer.nlp("Копа сена")
    assert [token.lemma_ for token in doc][0] == "копа"
    assert not naming_items(frozenset({"копирование"}), TokenView.of(doc), (0,) * len(doc))


def test_a_capitalised_object_is_found_by_its_form(engine: Engine) -> None:
    """A capitalised word in brackets is read as a name with a lemma of its own («Парсинг» → «парсинга»);
    its form still finds the line."""
    objects = objects_of(engine, "Редактор каталога (Парсинг)")
    doc = engine.analyzer.nlp("Сбор цен парсингом сайтов")
    view = TokenView.of(doc)
    assert naming_items(objects, view, (0,) * len(doc)) == {0}


def witnessed(own: tuple[bool, ...]) -> OccupationScores:
    lines = [{"power_engineer": 0.8, "finance": 0.05}] * 4
    floor = SCORING.occupations.floor_probability
    shares = {"power_engineer": 0.8, "finance": 0.05}
    logs = {"power_engineer": 0.0, "finance": 0.0}
    return OccupationScores(logs, shares, 4.0, tuple((1.0, line) for line in lines), floor, own)


def test_a_line_naming_what_the_title_works_on_does_not_speak_against_it() -> None:
    """An economist of tariffs whose lines about tariff calculation the model reads as a power engineer's:
    the lines that name the tariffs are the economist's own work; the others still count."""
    assert decide(FINANCE, DutyReading(DutyProfile({}), witnessed((False,) * 4)), CRITERIA).confused
    own = witnessed((True, True, True, False))
    assert own.margin({"power_engineer"}, {"finance"}) < SCORING.occupation_min_margin
    assert not decide(FINANCE, DutyReading(DutyProfile({}), own), CRITERIA).confused
    # …and a line naming the title's object that reads as the title's occupation still speaks for it.
    assert own.margin({"finance"}, {"power_engineer"}) < 0
