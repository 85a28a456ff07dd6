import random
import re
from pathlib import Path

import pytest

from cmlint.kinds import SectionKind
from cmlint.resources import load_yaml
from cmlint.text.first_chars import required_words
from cmlint.text.segment import (
    _ABBREVIATION,
    _BARE_HEADING,
    _BREAK,
    _LEADING_NOISE,
    _LOWER_HEADING,
    _MAY_HAVE_BARE_HEADING,
    _OPENS_DUTIES,
    _WORD,
    _cue_words,
    _ends_with_abbreviation,
    _fold,
    _grammar,
    _has_more_words,
    _heading_kind,
    _inline_bullets,
    _inline_heading_starts,
    _opens_duty_list,
    _without_leading_noise,
    announces_position,
    classify_heading,
    describes_work,
    reads_like_action,
    segment,
)


@pytest.mark.parametrize(
    ("piece", "upto", "kind"),
    [
        ("Условия работы:", None, "conditions"),
        ("Условия работы:", "conditions", "conditions"),
        ("Условия работы:", "contacts", "conditions"),
        ("Условия работы:", "duties", None),  # the duties and requirements come first: conditions are not tried
        ("Условия работы:", "requirements", None),
        ("Ваши задачи:", "duties", "duties"),
        ("Требования к кандидату:", "duties", None),
    ],
)
def test_a_heading_kind_asked_up_to_a_kind_tries_no_later_one(
    piece: str, upto: SectionKind | None, kind: SectionKind | None
) -> None:
    assert _heading_kind(piece, upto) == kind


def items(text: str, title_from_text: bool = False) -> list[tuple[str, str, str]]:
    structure = segment(text, title_from_text)
    return [(i.section, i.kind, text[i.start:i.end]) for i in structure.items]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Обязанности:", "duties"),
        ("ЗАДАЧИ", "duties"),
        ("Чем предстоит заниматься:", "duties"),
        ("Что нужно делать", "duties"),
        ("Ты будешь:", "duties"),
        ("📌 Твои задачи:", "duties"),
        ("Требования:", "requirements"),
        ("Мы ожидаем:", "requirements"),
        ("Кого мы ищем", "requirements"),
        ("Будет плюсом:", "requirements"),
        ("Условия:", "conditions"),
        ("Мы предлагаем", "conditions"),
        ("Что мы предлагаем:", "conditions"),
        ("Что обещаем?", "conditions"),
        ("Мы тебе обещаем:", "conditions"),
        ("О компании", "about"),
        ("О нас:", "about"),
        ("Наш стек:", "other"),
        ("Твой рабочий день:", "duties"),
        ("НАШ ИДЕАЛЬНЫЙ КАНДИДАТ:", "requirements"),
        ("Нужно быть готовым:", "requirements"),
        ("Идеальный кандидат — тот, кто сам доводит дело до конца", None),  # a sentence: no colon, no heading
        ("Нужно быть готовым к переездам", None),
        ("Про деньги:", "conditions"),
        ("График:", "conditions"),
        ("Плюсы работы у нас:", "conditions"),  # what working there gives
        ("Выгода работы в нашей компании:", "conditions"),
        ("Выгоды для клиентов:", "other"),  # what the product gives its clients: no conditions
    ],
)
def test_headings(line: str, kind: str | None) -> None:
    found = classify_heading(line)
    assert (found[0] if found else None) == kind


@pytest.mark.parametrize(
    "line",
    [
        # The condition the candidate meets, right before the colon, opens the requirements.
        "Место у верстака ваше, если у вас есть:",
        "Будем рады видеть тебя у нас в мастерской, если ты:",
        "ЕСЛИ ВЫ:",
        "Возьмём в бригаду, если вы умеете:",
        # So does what matters to the company, and a heading that says the requirements are a must.
        "Для нас важны такие качества, как:",
        "Нам важны следующие навыки:",
        "Что нужно от тебя:",
        "Нам важны знания по теме:",
        "Обязательные требования",
    ],
)
def test_a_condition_the_candidate_meets_heads_the_requirements(line: str) -> None:
    found = classify_heading(line)
    assert found is not None and found[0] == "requirements"


@pytest.mark.parametrize("line", ["Мастерская для тебя, если ты ищешь:", "Если вы хотите:", "Не беда, если вы за городом:"])
def test_what_the_candidate_wants_heads_no_requirements(line: str) -> None:
    found = classify_heading(line)
    assert found is None or found[0] != "requirements"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("ОТ НАС:", "conditions"),
        ("Что с нас?", "conditions"),
        ("С нас стабильность…", "conditions"),
        ("От тебя:", "requirements"),
        ("Что от вас потребуется:", "requirements"),
        ("С тебя аккуратность…", "requirements"),
    ],
)
def test_a_pair_of_what_each_side_brings_heads_conditions_and_requirements(line: str, kind: str) -> None:
    found = classify_heading(line)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize("line", ["От вас зависит многое", "С нас спрос за сроки", "- Чай, сушки, яблоки от нас :)"])
def test_a_sentence_about_each_side_is_no_heading(line: str) -> None:
    assert classify_heading(line) is None


def test_a_sentence_is_not_a_heading() -> None:
    assert classify_heading("Мы ищем человека, который будет вести чат и проводить встречи.") is None


def test_inline_heading_keeps_its_content() -> None:
    assert items("Обязанности: вести чат; проводить митапы") == [
        ("duties", "duty", "вести чат"),
        ("duties", "duty", "проводить митапы"),
    ]


def test_sections_bullets_and_item_kinds() -> None:
    text = (
        "Комьюнити-менеджер\n"
        "Обязанности:\n- модерация чата\n• митапы\n1. онбординг новичков\n✅ амбассадоры\n"
        "Требования:\n- опыт от года\n- опыт в SMM будет плюсом\n- готовность к командировкам\n"
        "Условия:\n- ДМС\n"
    )
    structure = segment(text, title_from_text=True)
    assert structure.title is not None and text[slice(*structure.title)] == "Комьюнити-менеджер"
    assert [(i.section, i.kind) for i in structure.items] == [
        ("duties", "duty"), ("duties", "duty"), ("duties", "duty"), ("duties", "duty"),
        ("requirements", "requirement"), ("requirements", "wish"), ("requirements", "readiness"),
        ("conditions", "condition"),
    ]
    assert [text[i.start:i.end] for i in structure.items[:4]] == ["модерация чата", "митапы", "онбординг новичков", "амбассадоры"]


def test_geometric_shapes_are_bullets() -> None:
    # «▫️», «◽», «■» start list entries as «▪» does: «▫️ хорошо, если …» is an item, not the heading «хорошо, если».
    assert items("Требования:\n▫️ хорошо, если есть опыт продаж\n◽ знание кассы\n■ график 2/2") == [
        ("requirements", "requirement", "хорошо, если есть опыт продаж"),
        ("requirements", "requirement", "знание кассы"),
        ("requirements", "listed", "график 2/2"),
    ]


def test_glued_scrape_items_are_split() -> None:
    text = "Обязанности:\nПроведение расчета и анализа данныхВедение отчетности\n- работа в 1С;- поддержка пользователей"
    assert [t for _, _, t in items(text)] == [
        "Проведение расчета и анализа данных", "Ведение отчетности", "работа в 1С", "поддержка пользователей",
    ]


def test_brand_names_in_quotes_are_not_split() -> None:
    assert [t for _, _, t in items("«ДоставкаПро» — сервис доставки")] == ["«ДоставкаПро» — сервис доставки"]


def test_no_headings_posting_gets_sentences() -> None:
    text = "Мы — онлайн-школа. Ищем человека, который будет модерировать чат. Опыт от года."
    assert items(text) == [
        ("intro", "about", "Мы — онлайн-школа"),
        ("intro", "other", "Ищем человека, который будет модерировать чат"),
        ("intro", "requirement", "Опыт от года"),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # perks a posting ran into its duties: what the candidate gets
        ("С нами ты сможешь прокачаться в кругу сильных инженеров", "condition"),
        ("Помимо интересных задач вас ждут регулярные внутренние семинары", "condition"),
        ("Кроме того, предоставляем отличный материал для научных работ", "condition"),
        ("Оплачиваем профильные курсы и конференции", "condition"),
        # the terms of the job, run into the duties
        ("Официальное трудоустройство и белая заработная плата", "condition"),
        ("Достойный уровень заработной платы", "condition"),
        ("Гибкий график: 20 или 40 часов в неделю", "condition"),
        ("Зарплата от 90 000 ₽", "condition"),
        ("250 ₽ за доставку + чаевые", "condition"),
        ("ДМС со стоматологией", "condition"),
        ("График 5/2 или 2/2, с 8 до 20", "condition"),
        ("Оплата 2 800–3 500 ₽ за смену, еженедельные выплаты", "condition"),
        ("Еженедельные выплаты, 2/2", "condition"),
        ("Служебный автобус от м. Южная", "condition"),
        ("Скидка сотрудникам 30% на всю продукцию", "condition"),
        # the company, not the work
        ("Компания занимается сопровождением клиентов и заключением сделок", "about"),
        ("Мы крупная фармацевтическая компания со своим складом", "about"),
        ("Наши клиенты — крупнейшие торговые сети", "about"),
        ("Мы предоставляем лучшие услуги электронной коммерции", "about"),
        # the work itself, in any voice
        ("Вас ждут задачи по автоматизации склада", "duty"),
        ("Вы также разрабатываете техническую реализацию проекта", "duty"),
        ("Мы занимаемся разработкой сервисов для бизнеса", "duty"),
        ("Предоставление отчётов руководителю", "duty"),
        ("Оформление документов на выплату заработной платы", "duty"),
        ("Составлять график работы тренеров", "duty"),
        ("График дежурств и отпусков отдела", "duty"),
        ("Оплата счетов поставщиков", "duty"),
        ("Развозка пациентов по медицинским учреждениям", "duty"),
        ("Скидки и акции для покупателей в кассовой программе", "duty"),
        ("Расчёт заработной платы на 80 человек", "duty"),
        ("30 000 заказов в день проходят через склад", "duty"),
    ],
)
def test_a_duty_section_holds_the_perks_and_the_company_told_in_it_apart(line: str, kind: str) -> None:
    assert items(f"Обязанности:\n- вести учёт\n- {line}")[1] == ("duties", kind, line)


def test_the_terms_after_a_duty_list_are_no_duties() -> None:
    text = "Что делать: доставлять букеты; забирать заказы; вручать букет.\n\n💸 250 ₽ за доставку\n🕐 гибкий график"
    assert [kind for _, kind, _ in items(text)] == ["duty", "duty", "duty", "condition", "condition"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Ты получишь опыт работы с большими данными", "condition"),
        ("Оказываем услуги по металлообработке", "about"),
        ("Конкурентная заработная плата", "condition"),
    ],
)
def test_a_posting_without_sections_holds_the_perks_and_the_company_apart(line: str, kind: str) -> None:
    assert items(f"{line}. Опыт от года.")[0] == ("intro", kind, line)


def test_a_sentence_opening_a_list_starts_duties() -> None:
    text = "Ищем комьюнити-менеджера, который будет:\nотвечать на вопросы\nвести чат"
    assert [s for s, _, _ in items(text)] == ["duties", "duties"]
    text = "Ищем комьюнити-менеджера, который будет\nотвечать на вопросы\nвести чат"
    assert [s for s, _, _ in items(text)] == ["intro", "duties", "duties"]


def test_caller_title_means_first_line_is_body() -> None:
    structure = segment("Ищем комьюнити-менеджера\nОбязанности:\n- чат", title_from_text=False)
    assert structure.title is None
    assert structure.items[0].section == "intro"


@pytest.mark.parametrize("bullet", ["- звонить клиентам", "- Контакт с клиентами", "- Условия акции для клиентов", "- Задачи из CRM"])
def test_a_bullet_that_starts_with_a_heading_word_is_an_item(bullet: str) -> None:
    assert classify_heading(bullet) is None
    assert items(f"Обязанности:\n{bullet}\n- вести отчёты")[0] == ("duties", "duty", bullet[2:])


def test_a_bullet_that_is_only_a_heading_is_a_heading() -> None:
    assert classify_heading("- Условия:") == ("conditions", len("- Условия:"))


@pytest.mark.parametrize(
    "bullet",
    [
        "— быть основным контактом для клиента: созвоны, переписка, встречи",
        "- работа с требованиями: сбор, структурирование, формализация",
        "- сложные задачи: долгоиграющий рефакторинг, новый сервис",
    ],
)
def test_a_bullet_whose_colon_follows_other_words_explains_itself(bullet: str) -> None:
    """Heading words inside a list entry before its colon do not make it a heading: the duties go on."""
    assert classify_heading(bullet) is None
    found = items(f"Что нужно делать:\n{bullet}\n- готовить отчёты")
    assert [(section, kind) for section, kind, _ in found] == [("duties", "duty"), ("duties", "duty")]


@pytest.mark.parametrize(
    ("bullet", "kind"),
    [("- Наши условия: оклад 60 000 ₽", "conditions"), ("— что мы от вас ждём: опыт от года", "requirements")],
)
def test_a_bullet_whose_words_only_say_whose_heading_it_is_is_a_heading(bullet: str, kind: str) -> None:
    assert classify_heading(bullet) == (kind, bullet.index(":") + 1)


def test_lines_glued_after_an_abbreviation_are_split() -> None:
    found = items("Требования:\nГражданство РФОпыт работы от года")
    assert [text for _, _, text in found] == ["Гражданство РФ", "Опыт работы от года"]


def test_headings_glued_mid_line_start_sections() -> None:
    text = "Мы растём. Задачи, которые предстоит решать: работа с обращениями. Что вы будете делать: сборки."
    assert [section for section, _, _ in items(text)][-2:] == ["duties", "duties"]


def test_a_heading_word_inside_a_compound_is_not_a_heading() -> None:
    assert classify_heading("Разрабатывать и улучшать решения контакт-центра: телефония, чат-боты") is None


def test_a_dash_glued_to_the_next_item_after_a_sentence_end_splits() -> None:
    found = items("Самостоятельный поиск клиентов. -Подбор объектов под запрос. -Показы")
    assert [kind for _, kind, _ in found] == ["other", "other", "other"]


def test_headings_without_colons_glued_after_a_sentence_end_start_sections() -> None:
    text = "О нас: мы храним документы. Задачи Сверка описей, подготовка дел. Требования Опыт в архиве от года."
    assert items(text)[-2:] == [
        ("duties", "duty", "Сверка описей, подготовка дел"),
        ("requirements", "requirement", "Опыт в архиве от года"),
    ]


def test_a_capitalised_word_after_a_polite_pronoun_is_no_heading() -> None:
    assert [section for section, _, _ in items("Мы растём. Предлагаем Вам работу у метро.")] == ["intro", "intro"]


def test_a_lower_case_duties_heading_glued_mid_line_starts_duties_only_before_an_action() -> None:
    found = items("знать: основы делопроизводства что делать: сверять описи, готовить дела")
    assert found[-1][:2] == ("duties", "duty")
    assert [section for section, _, _ in items("мы растём быстро и дружно что делать: по ситуации")] == ["intro"]
    # Other kinds of lower-case headings are not split off: «условия:» here is part of a sentence.
    assert [section for section, _, _ in items("мы растём быстро и дружно, наши условия: офис у метро")] == ["intro"]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Редактирование рукописей", True),
        ("сверять описи", True),
        ("Знание делопроизводства", False),
        ("Стремление расти", False),
        ("Оформление по ТК", False),
        ("знать основы учёта", False),
        ("Офис у метро", False),
    ],
)
def test_an_item_that_starts_with_an_action(text: str, action: bool) -> None:
    assert reads_like_action(text) is action


@pytest.mark.parametrize(
    "line",
    [
        "Что вам предстоит делать?",
        "Чем нужно будет заниматься:",
        "Над чем придётся работать",
        "Что входит в обязанности:",
        "В Ваши задачи будет входить:",
        "Должностные обязанности",
        "Задачи, которые нужно будет решать:",
        "Задачи, которые будут стоять перед стажёром:",
        "Твоя главная задача, с которой ты точно справишься:",
        "В этой роли вы будете",
    ],
)
def test_duties_headings_in_question_modal_and_noun_forms(line: str) -> None:
    found = classify_heading(line)
    assert found is not None and found[0] == "duties"


@pytest.mark.parametrize("line", ["Что нужно знать:", "Что вы получите:", "Готовы присоединиться к команде?"])
def test_other_questions_are_not_duties_headings(line: str) -> None:
    found = classify_heading(line)
    assert found is None or found[0] != "duties"


def test_a_question_heading_inside_a_flattened_line_is_cut_off_on_both_sides() -> None:
    text = "Мы растём Чем предстоит заниматься? Сверка описей. Готовы к переезду? Пишите."
    assert items(text)[1] == ("duties", "duty", "Сверка описей")
    structure = segment(text, title_from_text=False)
    heading = next(section.heading for section in structure.sections if section.kind == "duties")
    assert heading is not None and text[slice(*heading)] == "Чем предстоит заниматься?"


def test_a_colonless_heading_in_a_flattened_line_starts_a_section_after_any_word() -> None:
    text = "Склад у метро Функциональные обязанности Принимать товар Вести учёт Требования Опыт от года"
    assert items(text)[1:] == [
        ("duties", "duty", "Принимать товар Вести учёт"),
        ("requirements", "requirement", "Опыт от года"),
    ]


def test_a_heading_in_capitals_inside_a_flattened_line_starts_a_section() -> None:
    text = "О КЛУБЕ Мы собираем любителей шахмат по всему городу. ЧТО ДЕЛАТЬ Звонить членам клуба ТРЕБОВАНИЯ Опыт от года"
    assert items(text) == [
        ("about", "about", "Мы собираем любителей шахмат по всему городу"),
        ("duties", "duty", "Звонить членам клуба"),
        ("requirements", "requirement", "Опыт от года"),
    ]
    # Capitals that make no known heading stay in their line.
    assert len(items("Работаем в БЦ Север и в ТЦ Юг с понедельника по пятницу")) == 1


def test_a_heading_glued_to_a_latin_word_starts_a_section() -> None:
    assert items("Наш стек: PostgreSQL, GreenplumЗадачи: писать витрины")[-1] == ("duties", "duty", "писать витрины")


def test_a_heading_glued_to_an_emoji_and_a_sentence_glued_to_a_number_are_cut() -> None:
    text = "Повар на кухню🔥Требования:опыт от 2 лет.График 5/2"
    assert items(text)[-2:] == [("requirements", "requirement", "опыт от 2 лет"), ("requirements", "listed", "График 5/2")]


def test_a_dot_after_an_abbreviation_does_not_end_the_item() -> None:
    text = "Требования:\n- живёте в пос. Заречный или д. Ольховка\n- 1990 г.р. и младше. Опыт не нужен"
    assert [t for _, _, t in items(text)] == ["живёте в пос. Заречный или д. Ольховка", "1990 г.р. и младше", "Опыт не нужен"]
    # «и т.д.», «и др.» close a list and often a sentence.
    assert len(items("Требования:\n- SQL, Python и т.д. Стек: Spark\n- Excel, Word и др. Опыт от года")) == 4


def test_a_heading_noun_with_a_complement_is_a_heading_inside_a_line() -> None:
    text = "Офис у метро; Требования к кандидату: опыт от года; Обязанности кладовщика: приёмка товара"
    assert items(text)[-2:] == [("requirements", "requirement", "опыт от года"), ("duties", "duty", "приёмка товара")]


@pytest.mark.parametrize(
    ("text", "work"),
    [
        ("Специалист будет отвечать за приёмку товара", True),
        ("Сотрудник занимается оформлением заказов", True),
        ("Кладовщик ведёт учёт остатков", True),
        ("Вы будете сверять описи и готовить дела", True),
        ("Предстоит настраивать рекламные кампании", True),
        ("В задачи оператора входит приём звонков", True),
        ("Составление описей", True),
        ("Подготовка дел к передаче в архив", True),  # a noun of work in «-ка»
        ("Сверка описей, подготовка дел, приём документов", True),  # its tasks go on in lower case
        ("Подготовка дел, Архивное дело, Делопроизводство", False),  # a list of skill tags
        ("Парковка для сотрудников", False),
        ("Кандидат должен иметь опыт продаж", False),
        ("Менеджер получает бонус за каждую сделку", False),
        ("Вы будете получать зарплату два раза в месяц", False),
        ("Компания работает с 2005 года", False),
    ],
)
def test_an_item_that_tells_the_work(text: str, work: bool) -> None:
    assert describes_work(text) is work


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Что мы хотим от кандидата:", "requirements"),
        ("Что мы ожидаем от вас:", "requirements"),
        ("Работая у нас, вы получаете:", "conditions"),
        ("Что ты получишь, работая у нас:", "conditions"),
        ("Основная задача:", "duties"),
        ("Вас ждут:", "conditions"),
        # A required condition is asked of the candidate.
        ("Обязательное условие:", "requirements"),
        ("* Необходимые условия:", "requirements"),
        # English headings.
        ("Your scope:", "duties"),
        ("What you'll be doing:", "duties"),
        ("Key responsibilities:", "duties"),
        ("You are:", "requirements"),
        ("Must have:", "requirements"),
        ("What we're looking for:", "requirements"),
        ("What we offer:", "conditions"),
        ("Why join us:", "conditions"),
    ],
)
def test_more_heading_forms(line: str, kind: str) -> None:
    found = classify_heading(line)
    assert found is not None and found[0] == kind


def test_headings_glued_to_bullets_start_sections() -> None:
    text = "Склад у метро. Обязанности•Приёмка товара•Учёт остатков Требования•Опыт от года"
    assert items(text)[1:] == [
        ("duties", "duty", "Приёмка товара"),
        ("duties", "duty", "Учёт остатков"),
        ("requirements", "requirement", "Опыт от года"),
    ]


def test_a_heading_before_a_spaced_dash_starts_a_section_but_a_sentence_does_not() -> None:
    assert items("Склад у метро. Обязанности - приёмка товара Требования - опыт")[1:] == [
        ("duties", "duty", "приёмка товара"),
        ("requirements", "requirement", "опыт"),
    ]
    assert [section for section, _, _ in items("Наша команда — это склад у метро.")] == ["intro"]


def test_under_what_awaits_the_work_is_a_duty_and_a_perk_a_condition() -> None:
    assert items("Вас ждет:\n- приёмка товара\n- ДМС\n- обучение за счёт компании\n- интересные люди") == [
        ("conditions", "duty", "приёмка товара"),
        ("conditions", "condition", "ДМС"),
        ("conditions", "condition", "обучение за счёт компании"),
        ("conditions", "other", "интересные люди"),
    ]


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        # A heading that a clean layout reads on its own line is read glued inside a flattened one as well.
        ("Мы большой банк в центре. Что будет в ваших задачах: разработка сервисов. Требования: опыт.", "Что будет в ваших задачах:"),
        ("Мы большой банк Должностные инструкции / обязанности: разработка сервисов Требования: опыт", "Должностные инструкции / обязанности:"),
        ("О нас: банк. Задачи, которые будут перед вами стоять: разработка сервисов. Требования: опыт.", "Задачи, которые будут перед вами стоять:"),
        # … and without its colon.
        ("О нас банк Задачи, которые будут перед вами стоять Разработка сервисов Требования Опыт", "Задачи, которые будут перед вами стоять"),
    ],
)
def test_a_heading_read_on_its_own_line_is_read_inside_a_flattened_one(text: str, heading: str) -> None:
    structure = segment(text, title_from_text=False)
    duties = [section for section in structure.sections if section.kind == "duties"]
    assert len(duties) == 1 and duties[0].heading is not None
    assert text[slice(*duties[0].heading)] == heading
    assert [text[i.start:i.end].lower() for i in structure.items if i.section == "duties"] == ["разработка сервисов"]


def test_a_question_that_names_the_duties_is_a_heading() -> None:
    text = "Кто мы?\nМы делаем банки.\nКакие обязанности ждут кандидата?\n• разработка функционала\nХочешь к нам?"
    assert items(text)[1] == ("duties", "duty", "разработка функционала")
    assert classify_heading("Какие обязанности ждут кандидата?") == ("duties", 33)
    assert classify_heading("Хочешь решать интересные задачи?") is None


def test_a_colon_glued_to_a_capitalised_word_ends_an_item() -> None:
    text = "Стек:SQL, DockerКоманда:Вы будете работать в команде разработки."
    assert [piece for _, _, piece in items(text)][-1] == "Вы будете работать в команде разработки"


@pytest.mark.parametrize(
    "text",
    [
        "Сеть магазинов приглашает на работу:Обязанности:- сверка описей- подготовка дел",
        "Аналитический склад ума,Обязанности:- сверка описей- подготовка дел",
        "Работаем с командой DataCore.Обязанности- сверка описей;- подготовка дел",
    ],
)
def test_a_heading_glued_after_a_punctuation_mark_starts_a_section(text: str) -> None:
    structure = segment(text, title_from_text=False)
    duties = [text[i.start:i.end] for i in structure.items if i.section == "duties"]
    assert duties and duties[0].startswith("сверка описей") and duties[-1].endswith("подготовка дел")
    assert [text[slice(*s.heading)] for s in structure.sections if s.kind == "duties" and s.heading] in (
        ["Обязанности:"],
        ["Обязанности"],
    )


def test_duty_lines_ending_in_colons_with_nothing_under_them_are_duties() -> None:
    text = "Обязанности:\nСверка остатков:\nПриёмка поставок:\nТребования:\nопыт работы\nНаш стек:\nУсловия:\nДМС"
    assert items(text) == [
        ("duties", "duty", "Сверка остатков"),
        ("duties", "duty", "Приёмка поставок"),
        ("requirements", "requirement", "опыт работы"),
        ("requirements", "listed", "Наш стек"),
        ("conditions", "condition", "ДМС"),
    ]
    assert [s.kind for s in segment(text, title_from_text=False).sections] == ["duties", "requirements", "conditions"]
    # An unnamed heading that has lines under it stays a heading of its own.
    assert items("Обязанности:\n- сверка остатков\nНаш стек:\n- Python")[-1] == ("other", "other", "Python")


def test_english_requirements_are_requirements() -> None:
    text = "Requirements:\n- fluent spoken English\n- 3+ years of moderating forums\n"
    assert [kind for _, kind, _ in items(text)] == ["requirement", "requirement"]


@pytest.mark.parametrize(
    ("text", "duties"),
    [
        ("Смена 2/2 по 12 часов, задачи: выдача посылок, сверка накладных.", "выдача посылок, сверка накладных"),
        ("Оформление по ТК; в обязанности входит: учёт инвентаря, заказ расходников.", "учёт инвентаря, заказ расходников"),
        ("Оклад 70 000, задачи: развитие клуба, встречи участников.", "развитие клуба, встречи участников"),
    ],
)
def test_a_lower_case_duties_noun_after_a_comma_starts_duties_before_any_work(text: str, duties: str) -> None:
    assert ("duties", "duty", duties) in items(text)



def _marked(text: str) -> frozenset[int]:
    """Where the lines that start with «# » start (the markup's headings, the markers left in for the test)."""
    starts, position = set(), 0
    for line in text.split("\n"):
        if line.startswith("# "):
            starts.add(position)
        position += len(line) + 1
    return frozenset(starts)


def test_a_markup_heading_is_a_heading_without_a_colon() -> None:
    text = "# Our goal\n- water the plants\n# Your mission\n- plan the rota\n# Чем живёт отдел\n- опыт от года\n"
    structure = segment(text, title_from_text=False, marked=_marked(text))
    # «Your mission» names the duties once a colon is added; the company's own heading words name nothing,
    # so its item no longer runs on as a duty (it reads as what it says: a requirement).
    assert [(text[i.start:i.end], i.section, i.kind) for i in structure.items] == [
        ("water the plants", "intro", "other"),
        ("plan the rota", "duties", "duty"),
        ("опыт от года", "other", "requirement"),
    ]
    assert segment(text, title_from_text=False).items[2].section == "intro"



@pytest.mark.parametrize(
    "line",
    [
        "Обязанности Принимать товар",
        "Склад у метро Функциональные обязанности Принимать товар",
        "данных.Обязанности - приёмка товара",
        "GreenplumЗадачи, которые будут стоять • Сверка описей",
        "Наша команда — это склад у метро.",
        "Требования «Опыт от года»",
        "Условия Вы получите ДМС",
    ],
)
def test_the_cheap_scan_finds_words_wherever_a_bare_heading_can_stand(line: str) -> None:
    """The capital-led scan that gates the bare-heading search finds something in every line the search would
    match in, whichever of the three openings (line start, spaces, glued after punctuation or Latin) it has."""
    found = [m.span(1) for m in _BARE_HEADING.finditer(line)]
    assert not found or _MAY_HAVE_BARE_HEADING.search(line)
    assert all(_MAY_HAVE_BARE_HEADING.match(line, start) for start, _ in found)


@pytest.mark.parametrize(
    "line", ["Звонить поставщикам по графику", "Контакт с дилерами по почте"]
)
def test_a_line_of_work_that_starts_with_a_heading_or_contact_word_is_no_heading_or_contact(line: str) -> None:
    found = items(f"Ищем курьера.\n{line}\nРазвозить заказы")
    assert [(section, kind) for section, kind, _ in found[1:]] == [("intro", "other"), ("intro", "other")]


@pytest.mark.parametrize("line", ["Звоните нам по будням", "Звони в любое время", "Контакты: 8 900 000 00 00"])
def test_a_contact_still_reads_as_one(line: str) -> None:
    structure = segment(f"Ищем курьера.\n{line}", title_from_text=False)
    assert structure.sections[-1].kind == "contacts" or structure.items[-1].kind == "contact"


@pytest.mark.parametrize(
    "item", ["обязателен опыт вождения от года", "Обязательно знание кассы", "Необходимо наличие прав", "Обязательно: права B"]
)
def test_a_demand_said_first_is_a_requirement_even_among_duties(item: str) -> None:
    assert items(f"Обязанности:\n- развозить заказы\n- {item}")[1] == ("duties", "requirement", item)


@pytest.mark.parametrize("item", ["Основы продаж и дистрибуции, структура ритейла", "основы трудового законодательства"])
def test_the_basics_the_candidate_knows_are_a_requirement_even_among_duties(item: str) -> None:
    assert items(f"Обязанности:\n- развозить заказы\n- {item}")[1] == ("duties", "requirement", item)


def test_a_requirements_heading_before_a_dash_starts_the_requirements() -> None:
    found = items("Обязанности:\n- развозить заказы\n\nЧто нужно от вас — права категории B, знание города.")
    assert [section for section, _, _ in found[1:]] == ["requirements"]


def test_a_short_question_that_starts_with_a_heading_is_one_whatever_frames_it() -> None:
    text = "Кто мы:\nМы пекарня.\nЧто надо делать, чтобы стать частью нашей команды?\n- Печь хлеб\n- Открывать точки"
    assert items(text)[-2:] == [("duties", "duty", "Печь хлеб"), ("duties", "duty", "Открывать точки")]
    inline = "Мы пекарня. Что надо делать, чтобы стать частью нашей команды? Печь хлеб."
    assert items(inline)[-1] == ("duties", "duty", "Печь хлеб")


# The hiring process is how the candidate gets the job, not the job's duties (issue 7).


@pytest.mark.parametrize(
    "heading",
    [
        "Этапы отбора:",
        "Будет всего 3 этапа собеседования:",
        "Как проходит отбор:",
        "Как мы проводим собеседования",
        "Особенности отбора:",
        "Что вас ждёт в процессе отбора:",
        "Что нужно прислать:",
    ],
)
def test_a_heading_of_the_selection_opens_no_duties(heading: str) -> None:
    found = items(f"Кладовщик\nОбязанности:\nПриёмка товара\n{heading}\nТестовое задание\nВстреча в офисе")
    assert [(section, kind) for section, kind, _ in found[2:]] == [("contacts", "contact")] * 2


@pytest.mark.parametrize(
    "item",
    [
        "Пройти собеседование с директором склада",
        "Заполни анкету на сайте",
        "Выполнение тестового задания",
        "Готовность выполнить тестовое задание",
        "2. Тестовое задание",
        "Этап 3: собеседование",
        "30 минут — интервью с руководителем отдела",
        "Собеседование проводится по телефону",
        "Небольшое тестовое задание (таблица остатков)",
        "Анкета, которую мы пришлём после отклика",
        "Оффер и дата выхода",
        "Как проходит отбор 20 минут — звонок",
        "Итоговая сумма обсуждается по итогам собеседования",
        "Если ты выполнишь тестовое задание, позовём в офис",
        "Мы пригласим вас на собеседование в течение недели",
    ],
)
def test_a_step_of_the_candidate_s_selection_is_no_duty_even_among_duties(item: str) -> None:
    found = items(f"Обязанности:\nПриёмка товара\n{item}")
    assert [kind for _, kind, _ in found] == ["duty", "contact"]


@pytest.mark.parametrize(
    "item",
    [
        "Проведение собеседований",
        "Проводить собеседования с кандидатами",
        "Собеседования с кандидатами на склад",
        "Собеседование кандидатов в офисе",
        "Собеседования, оформление, адаптация",
        "Организация собеседований с руководителями",
        "Обзвон соискателей и приглашение на собеседование",
        "Оценка кандидатов на собеседовании",
        "Составление тестовых заданий для кандидатов",
        "Заполнение анкет клиентов",
        "Разработка стратегий участия в конкурентном отборе мощности по итогам отбора",
    ],
)
def test_the_hirer_s_work_of_selecting_stays_a_duty(item: str) -> None:
    found = items(f"Обязанности:\nПриёмка товара\n{item}")
    assert [kind for _, kind, _ in found] == ["duty", "duty"]


def test_a_list_run_together_by_a_scrape_is_not_lost_for_a_mention_of_the_interview() -> None:
    run_on = (
        "Знание складского учёта опыт работы с терминалами сбора данных умение работать в WMS внимательность "
        "аккуратность ответственность готовность к сменному графику навыки работы с погрузчиком и стеллажами "
        "всё остальное обсудим на собеседовании"
    )
    found = items(f"Требования:\n{run_on}")
    assert [kind for _, kind, _ in found] == ["requirement"]


@pytest.mark.parametrize(
    "item", ["Зарплата обсуждается по итогам собеседования", "Оклад по результатам интервью"]
)
def test_pay_settled_at_the_interview_is_still_a_condition(item: str) -> None:
    found = items(f"Ищем кладовщика на склад.\n{item}")
    assert [kind for _, kind, _ in found] == ["other", "condition"]


def test_a_perk_that_names_pay_settled_at_the_interview_is_no_step_of_the_selection() -> None:
    found = items("Приятное:\nчестная премия, размер обсудим на собеседовании")
    assert [kind for _, kind, _ in found] == ["other"]


#: The scans of a line for glued headings and bullets as they were written first: a search that tries every position.
_EVERY_PLACE_HEADING = re.compile(
    r"(?<=[^\s])(?:\s+|(?<=[а-яёa-z.,:;!?)»\U0001F300-\U0001FAFF\u2600-\u27BF\u203C\u2049\uFE0F]))"
    r"(?=[А-ЯЁA-Z][\w\-, /]{2,50}(?:\s*\([^()]{1,80}\))?:)"
)
_EVERY_PLACE_BULLET = re.compile(r"(?<=\S)\s*(?=[•▪►●◦]\s*\w)|(?<=\S)\s+(?=·\s*\w)")
_EVERY_PLACE_LOWER_HEADING = re.compile(r"(?<=[^\s])\s+(?=[а-яё][\w\-, ]{2,50}:)")


def _sample_lines() -> list[str]:
    """Lines of glued headings, bullets and spaces, and random strings of their characters."""
    lines = [
        "Обязанности: вести учёт. Требования: опыт от года Условия: ДМС",
        "  Задачи: приёмка товара",
        "…GreenplumЗадачи: анализ",
        "на работу:Обязанности:- звонить",
        "в ресторан‼️Требования: опыт",
        "•Приёмка товара•Учёт остатков",
        "Москва · Сити · Парк",
        "Москва·Сити ·склад",
        "bootstrap что делать: верстать",
        " \u00a0 что делать: верстать",
    ]
    rnd = random.Random(0)
    alphabet = [*" \t\u00a0ТтЗзaA.:;,-·•▪)»‼🔥Оо/1", "Задачи: ", "требования:", " · ", "• "]
    lines += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 25))) for _ in range(3000)]
    return lines


def test_glued_headings_and_bullets_are_found_where_a_search_of_every_place_finds_them() -> None:
    """The scans that jump from capital to capital, bullet to bullet and space to space find what a search that
    tries every position of the line finds; the headings' scans find it up to the line's last colon alone."""
    for line in _sample_lines():
        end = line.rfind(":") + 1
        assert _inline_heading_starts(line, end) == [m.end() for m in _EVERY_PLACE_HEADING.finditer(line)], line
        assert _inline_bullets(line) == [m.end() for m in _EVERY_PLACE_BULLET.finditer(line)], line
        assert [m.span() for m in _LOWER_HEADING.finditer(line, 0, end)] == [
            m.span() for m in _EVERY_PLACE_LOWER_HEADING.finditer(line)
        ], line


#: The line breaks and bare headings as written first: runs of spaces and letters given back one by one, what
#: stands before a mark read before the mark.
_BACKTRACKING_BREAK = re.compile(
    r"(?=[\s;.!?…\-–—:])(?:\s*;\s*|\s+[•·▪►]\s*|[.;!?]\s*[-–—]\s*(?=[А-ЯЁA-Zа-яё])|\s[-–—]\s(?=[А-ЯЁ][а-яё])"
    r"|[-–—](?<=[)\w][-–—])\s(?=[А-ЯЁ][а-яё])|[.!?…]\s+(?=[«\"(]?[А-ЯЁA-Z0-9])|(?<=[а-яё)»]{2})[.!?:](?=[А-ЯЁ][а-яё])"
    r"|(?<=\d)[.!?](?=[А-ЯЁ][а-яё]{2}))"
)
_BACKTRACKING_WORDS = (
    r"([А-ЯЁ](?:[а-яё]+(?:,? [а-яё]+){0,5}|[А-ЯЁ]*(?:,? [А-ЯЁ]+){0,5}))"
    r"(?= (?!(?:Вы|Вас|Вам|Вами|Ваш\w*)\b)[«\"]?[А-ЯЁ][а-яё]| \d+ ?% [^.:!?]{1,60}:|\s*[•▪►●◦·]\s*\w| ?[-–—] \w)"
)


def test_breaks_and_bare_headings_match_as_with_backtracking() -> None:
    """Runs of spaces and letters kept whole and marks read first give the same matches."""
    lines = [
        *_sample_lines(),
        "Ведение учёта; сверка. - Работа в CRM почта)- Контроль",
        "команда:Вы будете работать. Рост от 165.График 2/2",
        "…сервиса. Задачи Разработка клиента",
        "в центре Функциональные обязанности Обеспечивать учёт",
        "по всей России. ЧТО ДЕЛАТЬ Продавать",
        "Обязанности - приёмка товара, Требования•Опыт",
        "Чем предстоит заниматься 80% технических задач: анализ",
    ]
    rnd = random.Random(1)
    alphabet = [*" \u00a0аеЗзТДЕЛА.:;!?…-–—•▪«(1a,%", "Вы ", "Задачи ", "ЧТО ", " - ", ", ", "12.", " 80% задач:"]
    lines += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(3000)]
    pairs = [
        (_BREAK, _BACKTRACKING_BREAK),
        (_MAY_HAVE_BARE_HEADING, re.compile(_BACKTRACKING_WORDS)),
        (_BARE_HEADING, re.compile(r"(?:^|(?<=\S)\s+|(?<=[a-z)».,:;]))" + _BACKTRACKING_WORDS)),
    ]
    for line in lines:
        for pattern, reference in pairs:
            found = [(m.span(), m.groups()) for m in pattern.finditer(line)]
            assert found == [(m.span(), m.groups()) for m in reference.finditer(line)], line


def test_more_words_are_told_as_counting_every_word_tells() -> None:
    """The match of the first words answers as the count of all of them: a run of letters, digits or Cyrillic marks
    is one word however it is cut («а1_б», «д\u0483»), marks alone are none."""
    rnd = random.Random(7)
    alphabet = [*"аб1_ z-,.:\u0483\u0488\u00a0Ё\t", "слово ", "— "]
    texts = ["", " ", "Обязанности:", "что вы обладаете опытом", "а1_б д\u0483 -- ,"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(3000)]
    for text in texts:
        count = len(_WORD.findall(text))
        assert [_has_more_words(text, most) for most in range(12)] == [count > most for most in range(12)], text


def test_an_abbreviation_is_found_at_the_end_as_a_search_of_the_whole_line_finds_it() -> None:
    """The search from the run of letters, dots and spaces that ends the text answers as one from its start."""
    lines = ["в п. Луговой", "1985 г.р. и старше", "ул. Садовая", "пгт. Заречный", "и т. д. и т.п", "(мкр", "и др"]
    rnd = random.Random(6)
    alphabet = [*" \t\u00a0абгдпрстёяZ1.,;(", "т. ", "др", "пгт", "просп", " и "]
    lines += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 20))) for _ in range(3000)]
    for line in lines:
        for end in range(len(line) + 1):
            assert _ends_with_abbreviation(line, end) is bool(_ABBREVIATION.search(line, 0, end)), (line, end)


def test_a_duty_list_is_opened_as_the_whole_expression_says() -> None:
    """The look at a line's end before the search finds the same lines as the search alone."""
    lines = [
        "Ищем комьюнити-менеджера, который будет:",
        "Тебе предстоит:",
        "Кто будет заниматься —  ",
        "КОТОРЫЙ БУДЕТ ОТВЕЧАТЬ ЗА:\n",
        "вам нужно будет -",
        "который возьмет на себя :",
        "который будет делать",
        "кто будет --",
        "который будет: и ещё",
    ]
    rnd = random.Random(3)
    alphabet = [
        "который ", "кто ", "Кто ", "тебе ", "ВАМ ", "будет", "будут", "станет", "возьмет на себя", " заниматься",
        " отвечать за", " делать", "предстоит", "нужно будет", " ", "  ", "\n", ":", "-", "—", "а", "ᲀ", "буᲁет",
    ]
    lines += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8))) for _ in range(5000)]
    for line in lines:
        assert _opens_duty_list(line) is bool(_OPENS_DUTIES.search(line)), line


def test_a_gated_cue_finds_what_its_search_finds() -> None:
    """A cue runs only on a text that holds one of its words (an anchored one when they are few): on the sample lines
    and on random texts of its words it answers as its search (an anchored one as its match)."""
    grammar = _grammar()
    rnd = random.Random(4)
    data = load_yaml("sections.yaml")
    for name, patterns in data["cues"].items():
        cue = grammar.cues[name]
        source = "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"
        compiled = re.compile(source)
        search = compiled.match if all(p.startswith("^") for p in patterns) else compiled.search
        words = sorted(required_words(source) or ())
        pieces = [*words, *"абвгдеиклмнопрстуыя ,.", "ищем", " если", "будет", "ты будешь вести"]
        texts = [_fold(line) for line in _sample_lines()]
        texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10))) for _ in range(500)]
        for text in texts:
            found, expected = cue(text), search(text)
            assert (found and found.span()) == (expected and expected.span()), (name, text)


@pytest.mark.parametrize("stored", [None, "[", "[]", '{"awaits": [1]}', '{"другой": null}'])
def test_cue_words_are_read_back_as_found_and_a_broken_file_is_found_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stored: str | None
) -> None:
    """The words of the searched cues come from the cache folder when stored for the same inputs; a missing, cut
    off or foreign file is ignored and written anew."""
    monkeypatch.setenv("CMLINT_CACHE_DIR", str(tmp_path))
    sources = {"один": "(?:(?:мы )?(?:ищем|ищу|нужен))", "два": "(?:\\w+)"}
    expected = {name: required_words(source) for name, source in sources.items()}
    if stored is not None:
        _cue_words(["данные"], sources)
        (file,) = tmp_path.glob("cue-words-*.json")
        file.write_text(stored, encoding="utf-8")
    assert _cue_words(["данные"], sources) == expected
    assert _cue_words(["данные"], sources) == expected == {"один": frozenset({"ищем", "ищу", "нужен"}), "два": None}
    assert len(list(tmp_path.glob("cue-words-*.json"))) == 1


# A perk that praises the tasks is no duties heading among the conditions; a heading that asks what the tasks are is.


@pytest.mark.parametrize("heading", ["Интересные задачи:", "Сложные и амбициозные задачи, крупные проекты:"])
def test_tasks_praised_among_the_perks_stay_perks(heading: str) -> None:
    found = items(f"Обязанности:\nПриёмка товара\nУсловия:\nДМС\n{heading} Широкий пул технологий\nДружная команда")
    assert [(section, kind) for section, kind, _ in found[1:]] == [("conditions", "condition")] * 3


@pytest.mark.parametrize(
    "heading", ["Какие будут задачи:", "Ваши непосредственные задачи на данной позиции:", "Задачи:"]
)
def test_a_duties_heading_after_the_perks_still_opens_the_duties(heading: str) -> None:
    found = items(f"Условия:\nДМС\n{heading}\nПриёмка товара")
    assert found[-1] == ("duties", "duty", "Приёмка товара")


def test_tasks_praised_outside_the_perks_still_head_the_duties() -> None:
    assert items("Интересные задачи:\nПриёмка товара")[-1] == ("duties", "duty", "Приёмка товара")


# A remark in brackets before a heading's colon belongs to the heading.


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Чем предстоит заниматься (навыки проверим на собеседовании):", "duties"),
        ("Чем предстоит заниматься(навыки проверяются на собеседовании): Учёт", "duties"),
        ("Требования (обязательные):", "requirements"),
    ],
)
def test_a_remark_in_brackets_before_the_colon_is_part_of_the_heading(line: str, kind: str) -> None:
    assert classify_heading(line) == (kind, line.index(":") + 1)


def test_a_heading_with_a_remark_is_cut_out_of_a_flattened_posting() -> None:
    text = (
        "Опыт работы с 1С от года. Чем предстоит заниматься (навыки проверим на техническом собеседовании): "
        "Консультирование пользователей. Регистрация обращений."
    )
    assert items(text)[1:] == [
        ("duties", "duty", "Консультирование пользователей"),
        ("duties", "duty", "Регистрация обращений"),
    ]


def test_brackets_before_a_colon_make_no_heading_of_an_item() -> None:
    assert classify_heading("Опыт работы (от трёх лет): складской учёт") is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Какой опыт нам важен:", "requirements"),
        ("Какие навыки нам нужны?", "requirements"),
        ("Каким мы видим кандидата:", "requirements"),
        ("Какие задачи мы решаем:", "duties"),
        ("Верхнеуровневое описание задач:", "duties"),
        ("Перечень обязанностей:", "duties"),
        ("Круг задач:", "duties"),
        ("Описание компании:", "other"),
    ],
)
def test_headings_that_ask_what_is_needed_or_list_the_tasks(line: str, kind: str) -> None:
    found = classify_heading(line)
    assert found is not None and found[0] == kind


def test_a_requirements_question_ends_the_selection_of_a_flattened_posting() -> None:
    text = (
        "Описание задач: Разрабатывать сервисы на Go. Этапы интервью: HR-интервью; Техническое интервью. "
        "Какой опыт нам важен: Golang. От 4-х лет."
    )
    assert [(section, kind) for section, kind, _ in items(text)] == [
        ("duties", "duty"),
        ("contacts", "contact"),
        ("contacts", "contact"),
        ("requirements", "listed"),
        ("requirements", "listed"),
    ]


def test_a_heading_that_a_dash_defines_is_a_sentence() -> None:
    text = "Мы делаем платформу найма. Главная задача проекта - это сократить найм на неделю. Процессы: Scrum"
    assert [section for section, _, _ in items(text)] == ["intro"] * 3


@pytest.mark.parametrize("line", ["Что готовы предложить", "Что мы готовы предложить:", "Мы готовы предложить вам:"])
def test_what_the_company_is_ready_to_offer_heads_the_conditions(line: str) -> None:
    found = classify_heading(line)
    assert found is not None and found[0] == "conditions"


def test_a_bare_heading_before_a_share_of_the_work_is_cut_out() -> None:
    text = "Команда из трёх человек Чем предстоит заниматься 80% технических задач: Администрировать сервисы."
    assert items(text)[-1][:2] == ("duties", "duty")


def test_a_number_with_a_percent_after_heading_words_inside_a_sentence_cuts_nothing() -> None:
    text = "Мы растём. Задачи выросли на 30 % за год"
    assert [section for section, _, _ in items(text)] == ["intro", "intro"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Личные качества:", "requirements"),
        ("Личностные и профессиональные качества", "requirements"),
        ("Приветствуется:", "requirements"),
        ("Желательно:", "requirements"),
        ("Какие навыки и знания потребуются", "requirements"),
        ("Компания предлагает:", "conditions"),
        ("Что мы можем предложить:", "conditions"),
        ("Основной функционал:", "duties"),
        ("Функциональное тестирование:", "other"),
    ],
)
def test_headings_of_qualities_wishes_and_offers(line: str, kind: str) -> None:
    found = classify_heading(line)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize("item", ["Приветствуется опыт работы с 1С", "Желательно знание SQL"])
def test_a_wish_said_in_a_sentence_is_no_heading(item: str) -> None:
    assert classify_heading(item) is None


def test_functional_testing_under_the_duties_stays_a_duty() -> None:
    found = items("Обязанности:\nРегрессионное тестирование\nФункциональное тестирование: проверка форм")
    assert [(section, kind) for section, kind, _ in found] == [("duties", "duty")] * 2


@pytest.mark.parametrize(
    "item",
    ["Практический опыт работы с СКЗИ", "Базовые знания Linux", "Продвинутый пользователь Excel", "Профильное образование"],
)
def test_a_skill_with_what_it_is_like_said_first_is_a_requirement_even_among_duties(item: str) -> None:
    assert items(f"Обязанности:\nНастройка серверов\n{item}")[1] == ("duties", "requirement", item)


@pytest.mark.parametrize(
    "item", ["Консультирование пользователей", "Консультационное сопровождение пользователей", "Обучение пользователей"]
)
def test_a_noun_of_work_before_whom_it_serves_stays_a_duty(item: str) -> None:
    assert items(f"Обязанности:\nНастройка серверов\n{item}")[1] == ("duties", "duty", item)


@pytest.mark.parametrize("heading", ["Чему ты научишься:", "Вы узнаете:", "Научим:", "Что ты освоишь на стажировке:"])
def test_what_the_candidate_will_learn_is_an_offer_not_the_duties(heading: str) -> None:
    found = items(f"Ищем стажёра-аналитика.\n{heading}\nСтроить отчёты в SQL\nРаботать с дашбордами")
    assert [(section, kind) for section, kind, _ in found[1:]] == [("conditions", "condition")] * 2


@pytest.mark.parametrize("line", ["Вы научитесь работать с CRM", "Научим продавать"])
def test_a_sentence_of_what_one_learns_is_no_heading(line: str) -> None:
    assert classify_heading(line) is None


@pytest.mark.parametrize("heading", ["Работа у нас — это:", "Что у нас есть:", "Для вас:"])
def test_what_the_place_gives_heads_the_conditions(heading: str) -> None:
    found = items(f"Обязанности:\nНастройка серверов\n{heading}\nМощное железо\nДружная команда")
    assert [(section, kind) for section, kind, _ in found[1:]] == [("conditions", "condition")] * 2


@pytest.mark.parametrize("line", ["Для вас мы подготовили подарки", "У нас есть всё для работы"])
def test_a_sentence_of_what_the_place_has_is_no_heading(line: str) -> None:
    assert classify_heading(line) is None


@pytest.mark.parametrize(
    "item",
    [
        "Желателен опыт работы с 1С",
        "У тебя есть опыт работы с Docker",
        "Имеет опыт с Airflow",
        "Мы ожидаем, что вы обладаете опытом внедрения ERP",
        "Мы будем рады рассмотреть вашу кандидатуру, если у вас есть: Образование не ниже среднего",
    ],
)
def test_the_candidate_described_or_a_requirements_heading_run_into_an_item_is_a_requirement(item: str) -> None:
    assert items(f"Обязанности:\nМонтаж кабеля\n{item}")[1] == ("duties", "requirement", item)


@pytest.mark.parametrize(
    "item", ["Важно отслеживать неликвид на складе", "Нам нужен человек, который возьмёт на себя учёт"]
)
def test_a_sentence_that_starts_with_words_of_a_requirements_heading_is_no_requirement(item: str) -> None:
    assert items(f"Обязанности:\nМонтаж кабеля\n{item}")[1][1] != "requirement"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Что нужно знать и уметь:", "requirements"),
        ("Что для этого нужно?", "requirements"),
        ("Наш успешный кандидат:", "requirements"),
        ("У нашего кандидата есть:", "requirements"),
        ("Необходимо:", "requirements"),
        ("Плюсами будут:", "requirements"),
        ("Мы рады предложить:", "conditions"),
        ("Обучение и развитие:", "conditions"),
    ],
)
def test_more_headings_of_what_is_needed_and_offered(line: str, kind: str) -> None:
    found = classify_heading(line)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize("line", ["Необходимо: знание SQL", "Что требуется сделать", "Будет полезно знать SQL"])
def test_needs_said_in_a_sentence_are_no_heading(line: str) -> None:
    assert classify_heading(line) is None


def test_a_sentence_of_prose_that_lists_actions_is_a_lead_and_its_duties() -> None:
    text = (
        "Салон ищет комьюнити-менеджера, нам нужен человек, который будет увеличивать продажи салона: звонить "
        "клиентам, которые давно не приходили, продавать абонементы на массаж, предлагать косметику после процедур, "
        "отчитываться директору по выручке. Оплата по договорённости."
    )
    found = [piece for _, _, piece in items(text)]
    assert found[:5] == [
        "Салон ищет комьюнити-менеджера, нам нужен человек, который будет увеличивать продажи салона",
        "звонить клиентам, которые давно не приходили",
        "продавать абонементы на массаж",
        "предлагать косметику после процедур",
        "отчитываться директору по выручке",
    ]
    dashed = "Нужен человек, который будет вести наш клуб — знакомить новичков, отвечать на вопросы, собирать людей на старты"
    assert [piece for _, _, piece in items(dashed)][1:] == ["знакомить новичков", "отвечать на вопросы", "собирать людей на старты"]


@pytest.mark.parametrize(
    "sentence",
    [
        # what the company's product lets its clients do, not the duties
        "Наши сервисы помогают компаниям работать проще: вести бухгалтерию, сдавать отчётность, обмениваться документами",
        # single words: what a company helps with
        "Мы помогаем решать вопросы с недвижимостью: найти, оценить, купить, продать",
        # skills said as actions
        "Обладать аналитическим мышлением, уметь анализировать информацию, выдвигать и проверять гипотезы",
        # two actions are no list
        "Вести чат сообщества, проводить встречи участников",
        # an aside in brackets
        "Влиять на продукт (выявлять проблемы, находить решения, получать фидбек)",
    ],
)
def test_a_sentence_that_is_no_list_of_duties_stays_whole(sentence: str) -> None:
    assert [piece for _, _, piece in items(sentence)] == [sentence]


def test_a_list_of_actions_under_a_heading_stays_one_item() -> None:
    """Only prose without headings is split: a bullet under «Обязанности» is one line of the list already."""
    text = "Обязанности:\n- Вести чат, отвечать на вопросы участников, проводить встречи клуба"
    assert items(text) == [("duties", "duty", "Вести чат, отвечать на вопросы участников, проводить встречи клуба")]


@pytest.mark.parametrize(
    ("lead", "first"),
    [
        ("Задачи: п", "перегонять"),  # after an inline heading
        ("Обязанности:\nП", "Перегонять"),  # a line of prose under the heading
    ],
)
def test_a_list_of_actions_written_out_on_one_line_of_a_duty_section_is_split(lead: str, first: str) -> None:
    """A scrape or a writer that put the duty list on one line: each action is a duty, as each bullet would be."""
    text = lead + "ерегонять автомобили в популярные зоны, отвозить машины на мойку, заправлять автомобили по заданиям"
    assert items(text) == [
        ("duties", "duty", first + " автомобили в популярные зоны"),
        ("duties", "duty", "отвозить машины на мойку"),
        ("duties", "duty", "заправлять автомобили по заданиям"),
    ]


def test_a_duty_list_of_nouns_right_after_its_heading_is_split() -> None:
    text = (
        "Обязанности: управление автобусом (Mercedes) на выездных матчах, перевозка команды по России, ежедневный "
        "осмотр автобуса, ведение путевых листов"
    )
    assert [piece for _, _, piece in items(text)] == [
        "управление автобусом (Mercedes) на выездных матчах",
        "перевозка команды по России",
        "ежедневный осмотр автобуса",
        "ведение путевых листов",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Обязанности: работа с клиентами, которые пишут в чат, звонят и приходят в офис",  # a clause
        "Обязанности: ведение учёта товаров, материалов, денежных средств",  # objects of one action
        "Обязанности: участие в проектах: сбор требований, описание процессов, подготовка документации",  # steps
        "Обязанности:\nпоиск клиентов, ведение переговоров, заключение договоров",  # a line of its own
    ],
)
def test_a_duty_with_its_objects_or_steps_stays_one_item(text: str) -> None:
    assert len(items(text)) == 1


@pytest.mark.parametrize(
    "line", ["Работа по вторникам, четвергам и субботам", "Смены в выходные дни", "Подходит студентам и пенсионерам"]
)
def test_when_and_for_whom_the_job_is_are_conditions(line: str) -> None:
    assert items("Вести чат клуба\n" + line)[1][1] == "condition"


@pytest.mark.parametrize(
    ("sentence", "announces"),
    [
        ("Ищем комьюнити-менеджера в отдел маркетинга!", True),
        ("Интернет-магазин «Сластёна» ищет коммьюнити менеджера в нашу дружную команду!", True),
        ("Мы в поиске SMM-менеджера", True),
        # the work told in the same sentence: a clause, a purpose, an action, a colon's list
        ("Ищем ребят, которые будут доставлять корзины подписчикам", False),
        ("Ищем менеджера для работы с клиентами", False),
        ("Нужен человек вести чаты клуба", False),
        ("Ищем комьюнити-менеджера: модерация форума, встречи участников", False),
        # «комьюнити» ends like an infinitive in -ти and is none
        ("Ищем комьюнити-менеджера", True),
        # no one sought
        ("Наши покупатели — большое сообщество сладкоежек", False),
    ],
)
def test_a_sentence_that_only_says_whom_the_company_seeks(sentence: str, announces: bool) -> None:
    assert announces_position(sentence) is announces


def test_pay_as_a_range_is_a_condition() -> None:
    assert items("Вести чат клуба\n75 000–90 000 ₽, удалённо")[1][1] == "condition"


def test_under_what_is_needed_an_action_is_a_duty_and_the_rest_is_asked() -> None:
    assert items("Что нужно:\n- вести чат сообщества\n- опыт модерации от года\n- знание английского будет плюсом") == [
        ("requirements", "duty", "вести чат сообщества"),
        ("requirements", "requirement", "опыт модерации от года"),
        ("requirements", "wish", "знание английского будет плюсом"),
    ]
    # under «Требования» an action is still only listed there
    assert items("Требования:\n- вести переговоры")[0][1] == "listed"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Интернет-магазин пряжи «Клубок» продаёт по всей России через свой сайт", "about"),
        ('ООО "Ромашка" производит упаковку для кондитерских фабрик', "about"),
        ("Салон красоты «Лаванда» ищет администратора", "other"),
        ("Кадровое агентство «Страж» предлагает постоянную работу охранникам", "other"),
    ],
)
def test_a_company_named_in_quotes_and_what_it_does_is_about_the_company(sentence: str, kind: str) -> None:
    assert items(sentence)[0][1] == kind


def test_leading_noise_is_dropped_as_its_expression_drops_it() -> None:
    """A text that starts with a letter or a digit keeps its start without a substitution; every other one loses what
    the expression matches (bullets, quotes, emoji, an underscore)."""
    texts = ["", "Обязанности:", "1) опыт", "— ведение", "_тег", "«Задачи»", "✅ Условия", "  • пункт", "ǅ", "²", "٣"]
    rnd = random.Random(5)
    texts += ["".join(rnd.choice("аZ1_ -•«✅\u00a0²") for _ in range(rnd.randint(0, 5))) for _ in range(2000)]
    for text in texts:
        assert _without_leading_noise(text) == _LEADING_NOISE.sub("", text), text


def test_prose_that_tells_the_candidate_what_they_will_do_is_split() -> None:
    text = "Вы будете вести занятия по робототехнике, проверять домашние задания, готовить учеников к олимпиадам"
    assert [piece for _, _, piece in items(text)] == [
        "Вы будете",
        "вести занятия по робототехнике",
        "проверять домашние задания",
        "готовить учеников к олимпиадам",
    ]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "Доставка заказов по городу (пешком), выдача посылок покупателям, приём возвратов на складе",
            ["Доставка заказов по городу (пешком)", "выдача посылок покупателям", "приём возвратов на складе"],
        ),
        # a short lead and its colon: a heading the grammar does not know (here misspelt)
        (
            "Обязаности: доставка бригад на объекты, погрузка оборудования, ведение путевых листов",
            ["Обязаности:", "доставка бригад на объекты", "погрузка оборудования", "ведение путевых листов"],
        ),
    ],
)
def test_a_duty_list_of_nouns_in_prose_is_split(text: str, pieces: list[str]) -> None:
    assert [piece for _, _, piece in items(text)] == pieces


@pytest.mark.parametrize(
    "text",
    [
        "Разработка мебели, материалов для отделки и фурнитуры для шкафов",  # objects of one action
        "Доставка заказов по городу, выдача посылок покупателям",  # two parts are no list
        # a sentence before the colon, not a lead
        "Наш офис рядом с метро: парковка для сотрудников, кухня с кофемашиной, зона отдыха с диванами",
        "Доставка заказов по городу, выдача посылок покупателям, забор товара со склада",  # «забор» reads as a thing
    ],
)
def test_prose_that_is_no_list_of_duties_named_by_nouns_stays_whole(text: str) -> None:
    assert [piece for _, _, piece in items(text)] == [text]
