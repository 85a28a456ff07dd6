"""Unit tests of the structure and style checks on short postings written for them."""

from __future__ import annotations

import pytest

from cmlint import Linter


def found(linter: Linter, code: str, text: str, title: str | None = None) -> list[str]:
    """The span texts of ``code``'s findings (``""`` for a finding about the whole posting)."""
    return [f.span.text if f.span else "" for f in linter.lint(text, title=title).findings if f.code == code]


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("О компании:\nМы сеть кофеен.\nУсловия:\n- оклад 50 000 ₽", True),
        ("Обязанности:\n- варить кофе\n- принимать поставки", False),
        ("Ищем бариста, который будет:\n- варить кофе\n- встречать гостей", False),
        ("Мы сеть кофеен. Работаем с 2010 года.", True),
    ],
)
def test_no_duties(linter: Linter, text: str, fires: bool) -> None:
    assert bool(found(linter, "ST001", text, title="Бариста")) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # Headings glued to bullets or dashes in a text whose line breaks were lost.
        ("Мы храним документы. Обязанности•Сверка описей•Подготовка дел Требования•Опыт от года", False),
        ("О нас: мы храним документы. Обязанности - сверка описей - подготовка дел Требования - опыт", False),
        # The work told in prose inside the company's description.
        ("О компании: мы храним документы. Вы будете сверять описи и готовить дела. Условия: оклад 50 000 ₽.", False),
        ("О компании: мы храним документы. Вы отвечаете за сверку описей. Условия: оклад 50 000 ₽.", False),
        # «Вас ждет:» with the work, and with perks only (no duties: still a finding).
        ("Мы храним документы. Вас ждет: сверка описей, подготовка дел к передаче.", False),
        ("Мы храним документы. Вас ждет: ДМС, обучение за счёт компании, парковка у офиса.", True),
        ("О компании: мы храним документы. Вы получите ДМС и станете частью команды. Условия: оклад 50 000 ₽.", True),
        ("Что мы хотим от кандидата: опыт от года. Работая у нас, вы получаете: оклад 50 000 ₽, ДМС.", True),
        # Whom they seek and for what work; what has to be done, inside a sentence.
        ("Ищем архивариуса на задачи сверки описей. Условия: оклад 50 000 ₽.", False),
        # … also said as a need, in any gender or number: the work is the purpose of the need.
        ("О нас: мы храним документы. Нам необходим опытный архивариус для сверки описей. Условия: оклад 50 000 ₽.", False),
        ("О нас: мы храним документы. Необходимы два архивариуса для подготовки дел. Условия: оклад 50 000 ₽.", False),
        ("О нас: мы храним документы. Нам необходим опытный архивариус на полный день. Условия: оклад 50 000 ₽.", True),
        ("Кто мы: архив. Кто нам нужен: опытный человек. На старте нужно сверять и подшивать дела.", False),
        ("Кто мы: архив. Кто нам нужен: опытный человек. Необходимо пройти медкомиссию и оформить пропуск.", True),
        # Headings a clean layout reads, glued into a line whose breaks were lost.
        ("О компании: архив. Что будет в ваших задачах: сверка описей, подготовка дел. Требования: опыт от года.", False),
        ("О компании: архив Должностные инструкции / обязанности: сверка описей Требования: опыт от года", False),
        ("О компании: архив Задачи, которые будут перед вами стоять Сверка описей Требования Опыт от года", False),
        ("О компании: архив.Команда:Вы будете сверять описи и готовить дела.Требования:опыт от года", False),
        # Without any duty the flattened text is still a finding.
        ("О компании: архив. Что мы предлагаем: оклад 50 000 ₽, ДМС. Требования: опыт от года.", True),
    ],
)
def test_no_duties_in_flattened_texts(linter: Linter, text: str, fires: bool) -> None:
    assert bool(found(linter, "ST001", text, title="Архивариус")) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # A snippet cut short: requirements, then one line that starts with an action and has no heading.
        ("Опыт работы в архиве от 2 лет. Высшее образование.\n\nСоставление описей и подготовка дел к передаче.", False),
        ("Опыт работы в архиве от 2 лет. Высшее образование.\n\nПарковка для сотрудников.", True),
        ("Подготовка дел к передаче в архив.\n\nОпыт работы в архиве от 2 лет.", False),
        # A board's key-skill tags are no duties.
        ("Опыт работы в архиве от 2 лет.\n\nПодготовка дел, Архивное дело, Делопроизводство", True),
        # Headings glued into one line without colons, or in lower case.
        ("О нас: мы храним документы. Задачи Сверка описей, подготовка дел. Требования Опыт от года.", False),
        ("знать: основы делопроизводства что делать: сверять описи, готовить дела к передаче", False),
    ],
)
def test_no_duties_reads_unlabelled_actions_and_glued_headings(linter: Linter, text: str, fires: bool) -> None:
    assert bool(found(linter, "ST001", text, title="Архивариус")) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # A board's fields glued under headings of its own: the work landed under «Условия».
        ("Требования:\nОпыт работы в архиве от 2 лет.\n\nУсловия:\nСверка описей фонда; Подготовка дел к передаче; "
         "Составление справок по запросам; Работа с читателями.", False),
        # Perks and conditions that start with nouns of action are still conditions.
        ("Требования:\nОпыт работы в архиве от 2 лет.\n\nУсловия:\nОбучение за счёт компании; Страхование жизни; "
         "Оформление по ТК; Парковка.", True),
        # One work item among the perks is not the duties.
        ("Требования:\nОпыт работы в архиве от 2 лет.\n\nУсловия:\nСверка описей; ДМС; Гибкий график; Парковка.", True),
    ],
)
def test_no_duties_reads_the_work_under_the_conditions_heading(linter: Linter, text: str, fires: bool) -> None:
    assert bool(found(linter, "ST001", text, title="Архивариус")) is fires


@pytest.mark.parametrize(
    ("title", "fires"),
    [
        ("Срочно! Работа мечты", True),
        ("Вакансия", True),
        ("Требуется в офис", True),
        ("Бариста", False),
        ("Старший бухгалтер", False),
        ("Java developer", False),
    ],
)
def test_no_position_in_title(linter: Linter, title: str, fires: bool) -> None:
    assert bool(found(linter, "ST002", "Обязанности:\n- вести учёт", title=title)) is fires


def test_a_missing_title_is_a_finding_without_a_place(linter: Linter) -> None:
    assert found(linter, "ST002", "- вести учёт\n- сдавать отчётность") == [""]


@pytest.mark.parametrize(
    ("title", "fires"),
    [
        ("Курьер / Кладовщик", True),
        ("Кассир, уборщица", True),
        ("Бариста / бармен", False),  # different words of the same trade are not flagged here
        ("Программист / разработчик", False),  # declared synonyms
        ("Менеджер по продажам (холодные звонки / встречи)", False),  # parentheses are not positions
        ("SMM/комьюнити-менеджер", False),  # compatible roles
        ("Разработчик Java / Архитектор проектов", False),  # «архитектор» names positions in IT too: one field
        ("Приемщик-оценщик / Администратор комиссионного магазина", False),  # one front desk of one shop
        ("Архитектор зданий / Бухгалтер", True),
        ("Бухгалтер / водитель", True),
        ("Охранник / дворник", True),
        ("Инженер-конструктор / инженер-сметчик", False),  # one engineer: the person word glued before both
        ("Администратор Telegram канала / Маркетолог", False),  # a channel is media work
        ("Товаровед / кладовщик", False),  # goods in a shop and its stock: neighbours
        ("Торговый представитель / медицинский представитель", False),  # a representative sells
        ("Продавец-консультант / специалист сети магазинов", False),  # a chain of shops is no computer network
        # Neighbouring occupations of the model's card (confused on held-out postings under their own titles).
        ("Системный администратор / монтажник СКС", False),
        ("Продавец / менеджер по продажам", False),
        ("Аналитик данных / системный аналитик", False),
        # A generic head whose complement names no trade: the trade is unknown, not a second one.
        ("DevOps-инженер/Hadoop администратор", False),
        ("Категорийный менеджер / Аналитик товарной матрицы", False),
        ("Преподаватель, инженер по обучению", False),
        # What is taught is no position: «…по обучению операторов станков», «Преподаватель курса «Повар»».
        ("Преподаватель, инженер по обучению операторов станков с ЧПУ", False),
        ("Тренер по обучению кассиров / наставник", False),
        ("Преподаватель по обучению водителей / бухгалтер", True),
        # One generic head in both parts does not make them one job: their trades decide.
        ("SMM-менеджер / менеджер по продажам", True),
        ("Менеджер по продажам / менеджер по закупкам", True),
        ("Продавец-кассир, грузчик", True),
        ("Дежурный администратор / охранник", True),  # an adjective is no complement: the administrator stays
    ],
)
def test_multiple_positions_in_title(linter: Linter, title: str, fires: bool) -> None:
    assert bool(found(linter, "ST003", "Обязанности:\n- работа", title=title)) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Обязанности:\n- звонки\nЗарплата: от 60 000 ₽", False),
        ("Обязанности:\n- звонки\nОплата 250 руб/час", False),
        ("Обязанности:\n- звонки\nУсловия:\n- дружный коллектив", True),
    ],
)
def test_no_salary(linter: Linter, text: str, fires: bool) -> None:
    assert bool(found(linter, "ST004", text, title="Оператор")) is fires


@pytest.mark.parametrize(
    ("salary", "fires"),
    [("от 60 000 ₽", False), ({"from": 60000, "currency": "RUR"}, False), (45000, False), ("по договорённости", True), (None, True)],
)
def test_no_salary_reads_the_salary_a_board_keeps_apart(linter: Linter, salary: object, fires: bool) -> None:
    report = linter.lint("Обязанности:\n- звонки\nУсловия:\n- дружный коллектив", title="Оператор", salary=salary)
    assert ("ST004" in report.codes()) is fires


def test_shouting_in_the_title_and_the_text(linter: Linter) -> None:
    assert found(linter, "SY005", "Обязанности:\n- звонки", title="ОПЕРАТОР КОЛЛ-ЦЕНТРА") == ["ОПЕРАТОР КОЛЛ-ЦЕНТРА"]
    assert found(linter, "SY005", "Обязанности:\n- звонки", title="ГРУЗЧИК") == []  # a short word is not shouting
    assert found(linter, "SY005", "Ждём вас!!! Звоните!", title="Оператор") == ["!!!"]


def test_lone_firefighter_needs_a_share_of_negativity_and_no_strategy(linter: Linter) -> None:
    fire = "Обязанности:\n- гасить конфликты в чате\n- отрабатывать негатив в комментариях\n- модерировать обсуждения"
    assert found(linter, "CM006", fire, title="Комьюнити-менеджер") == ["Комьюнити-менеджер"]
    with_strategy = fire + "\n- участвовать в разработке стратегии сообщества"
    assert found(linter, "CM006", with_strategy, title="Комьюнити-менеджер") == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # An aim at results among the conditions is the company's way of work.
        ("Обязанности:\n- сверка описей\nУсловия:\n- гибкий график, ориентированность на результат, а не на часы", []),
        ("Обязанности:\n- сверка описей\nМы предлагаем:\n- ДМС\n- минимум бюрократии и нацеленность на результат", []),
        # Asked of the candidate, it is still the cliché.
        ("Обязанности:\n- сверка описей\nТребования:\n- ориентированность на результат", ["ориентированность на результат"]),
        ("Ищем архивариуса. Нацеленность на результат, аккуратность.", ["Нацеленность на результат"]),
        ("О компании:\nМы ценим в людях нацеленность на результат.\nОбязанности:\n- сверка описей", ["нацеленность на результат"]),
    ],
)
def test_aim_at_results_is_a_cliche_only_when_asked_of_the_candidate(linter: Linter, text: str, spans: list[str]) -> None:
    assert found(linter, "SY001", text, title="Архивариус") == spans
