"""Salary figures as recruiters write them, and look-alikes that are not pay."""

from __future__ import annotations

import pytest

from cmlint.text.money import states_salary

FIGURES = [
    "от 60.000 до 70.000 в зависимости от опыта",
    "Зар. плата от 35 т. р.",
    "Платим от 35к на старте",
    "100–150 тыс. после испытательного срока",
    "Remote, $1500 per month",
    "оклад 65000 + премии",
    "зарплата: от 50 000",
    "250 руб/час",
    "1500 за смену",
    "оплата 30000 (фикс + KPI)",
    "90 000–120 000 ₽ на руки",
    "оклад 70 тыс. + бонусы",
    "ЗП: 50-70 т.р.",
    "120000 gross",
    "45 000р",
    "з/п 40000",
    "ЗП 150 net, квартальные премии",
    "зарплата 90т на руки",
    "доход 70+ в первый месяц",
    "оклад от 40 до 60 на руки",
    "45 000 оклад + процент с продаж",
]
NOT_FIGURES = [
    "оплата по итогам собеседования",
    "Оплата обучения 100%",
    "проект на 100 тыс. пользователей",
    "5k подписчиков в канале",
    "до 2027 года",
    "Опыт от 3 лет",
    "график 5/2 с 10:00 до 19:00",
    "от 10 000 до 50 000 подписчиков",
    "рост до 9 000 к 2023 году",
    "Зарплата обсуждается",
    "оплата больничных до 100% от оклада",
    "зп индексируется на 12%",
    "оплата 28 дней отпуска",
    "в 2019 оклад пересмотрели",
    "на 0,125 ставки",
    "прокладка 100+ маршрутов",
]


@pytest.mark.parametrize("text", FIGURES)
def test_figures_are_found(text: str) -> None:
    assert states_salary(text), text


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_look_alikes_are_not_figures(text: str) -> None:
    assert not states_salary(text), text

