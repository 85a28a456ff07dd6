"""Reading titles: misspellings, English, parts of combined titles, context, broad names, seniority."""

from __future__ import annotations

import pytest

from cmlint import Linter
from cmlint.matching.lemma_matcher import TokenView
from cmlint.models import Posting
from cmlint.nlp.loanwords import cyrillic
from cmlint.roles.titles import TitleReading, TitleSpeller, edit_distance


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
        "Руководитель направления по работе с сообществом",  # a head of a line of community work
        "Руководитель отдела сообществ",
        "Координатор волонтёров",  # members' programmes
        "Менеджер по работе с амбассадорами",
        "Ambassador Program Manager",
        "DevRel-менеджер",  # developer relations
        "Developer Advocate",  # not a developer and a lawyer («advocate»)
        "Менеджер чата",  # the life of a members' chat
        "Менеджер по работе с участниками",  # members named as members
        "Менеджер по развитию IT-сообщества",  # a community named by a word before a hyphen
        "Менеджер по развитию ИТ-сообщества",
    ],
)
def test_community_titles_however_written(linter: Linter, title: str) -> None:
    assert read(linter, title).roles == ("community",)


@pytest.mark.parametrize("title", ["Комьюнити-менджер", "Комьюнити менджер", "Community manger", "SMM-менеждер"])
def test_a_misspelt_position_noun_in_a_linted_title(linter: Linter, title: str) -> None:
    # In a whole lint the title's words were indexed before the speller ran; the corrected
    # word must be matched too («Комьюнити менеджер» needs «менеджер», not «менджер»).
    report = linter.lint_posting(Posting(title=title, text="Обязанности:\n- вести чат участников"))
    assert report.title_roles and report.title_roles[0] in ("community", "smm"), report.title_roles


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Старший бухгалтер / кассир (удалённо)", ("accountant", "retail")),  # every part counts
        ("Комьюнити-менеджер в отдел продаж", ("community",)),  # what follows «в» is context
        ("Программист 1С в бухгалтерию", ("developer",)),
        ("Руководитель отдела продаж / маркетолог", ("sales", "marketing")),
        ("Руководитель направления / аналитик", ("analyst",)),  # a broad name gives way to a specific one
        ("Руководитель направления", ("executive",)),  # … and stays when it is all there is
        ("Водитель-экспедитор", ("driver", "courier")),  # each half of a compound of two job nouns counts
        ("Инженер по автоматизации тестирования", ("qa",)),
        ("QA-инженер", ("qa",)),  # a position noun after the hyphen completes the name, as «-менеджер» does
        ("SRE-инженер (BI Visual)", ("devops",)),
        ("Аналитик в IT-компанию", ("analyst",)),  # a Latin word before another noun only modifies it
        ("Специалист по работе с участниками торгов", ("purchasing",)),  # the parties to a tender are no members
        ("Менеджер по работе с участниками закупок", ("purchasing",)),
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


def _variants(word: str) -> list[str]:
    """The word with one letter changed, dropped, doubled or swapped with the next, and two such edits."""
    one = {word[:i] + c + word[i + 1:] for i in range(1, len(word)) for c in "аоеиx"}
    one |= {word[:i] + word[i + 1:] for i in range(1, len(word))} | {word[:i] + word[i] + word[i:] for i in range(1, len(word))}
    one |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)}
    two = {v[:i] + v[i + 1:] for v in sorted(one)[:40] for i in range(2, len(v) - 2)}
    return sorted(one | two)


def test_the_speller_finds_what_counting_every_known_word_finds(linter: Linter) -> None:
    # The letter-set bound in TitleSpeller._closest only skips words that counting would find too far.
    speller = linter.engine.analyzer.roles._speller
    known = sorted(speller._known)
    for word in known[:: max(1, len(known) // 25)]:
        for typo in _variants(word):
            for one_edit in (False, True):
                long = len(typo) >= 9 and not one_edit
                best: tuple[int, str] | None = None
                for candidate in known:
                    if candidate[0] != typo[0] or abs(len(candidate) - len(typo)) > 1:
                        continue
                    inside = typo[:2] == candidate[:2] and typo[-2:] == candidate[-2:]
                    limit = 2 if long and len(candidate) != len(typo) and inside else 1
                    distance = edit_distance(typo, candidate, limit)
                    if distance <= limit and (best is None or distance < best[0]):
                        best = (distance, candidate)
                assert speller._closest(typo, one_edit) == (best[1] if best else None), typo


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        # A compound the taxonomy lists whole still names its other half («аналитик»).
        ("Ведущий бухгалтер-аналитик", ("accountant", "analyst")),
        ("Повар-кассир", ("food", "retail")),
        ("Юрист-бухгалтер", ("lawyer", "accountant")),
        # A half that names nothing on its own leaves the compound as it is.
        ("Контент-менеджер", ("content",)),
        ("Продавец-консультант", ("retail",)),
    ],
)
def test_every_half_of_a_hyphenated_compound_counts(linter: Linter, title: str, roles: tuple[str, ...]) -> None:
    assert read(linter, title).roles == roles


@pytest.mark.parametrize("title", ["Упаковщик", "Фасовщица", "Сортировщик на склад"])
def test_a_word_that_names_two_occupations_names_both(linter: Linter, title: str) -> None:
    assert set(read(linter, title).roles) == {"production", "warehouse"}


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Специалист по качеству", {"quality", "qa"}),  # of products, of software or of a service: either job
        ("Менеджер по качеству голосового ассистента", {"quality", "qa"}),
        ("Контролёр ОТК", {"quality"}),
        ("Метролог", {"quality"}),
    ],
)
def test_a_quality_specialist_may_be_a_tester(linter: Linter, title: str, roles: set[str]) -> None:
    assert set(read(linter, title).roles) == roles


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Старший специалист по сопровождению ПО", ("support",)),
        ("Инженер сопровождения программного обеспечения", ("support",)),
        ("Инженер по сопровождению аналитических систем", ("support",)),
        ("Инженер по сопровождению", ("service_engineer",)),  # equipment, when nothing says software
        ("Инженер по сопровождению радиотехнической продукции", ("service_engineer",)),
        ("Специалист по сопровождению резидентов", ()),  # a specialist may maintain anything: no trade named
    ],
)
def test_software_maintenance_is_it_support(linter: Linter, title: str, roles: tuple[str, ...]) -> None:
    """The engineers who maintain software and information systems are its second-line support (IT), not the
    equipment service the bare name reads as; a «специалист по сопровождению» of something else names no trade."""
    assert read(linter, title).roles == roles


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Инженер-программист", ("developer", "process_engineer")),  # software or the control programs of machines
        ("Программист станков ЧПУ", ("process_engineer",)),  # a CNC programmer only
        ("Программист ЧПУ", ("process_engineer",)),
        ("Python-программист", ("developer",)),
        ("Колорист", ("beauty", "trades")),  # hair or paint
        ("Парикмахер-колорист", ("beauty", "trades")),
    ],
)
def test_machine_programmers_and_colorists_name_both_trades(linter: Linter, title: str, roles: tuple[str, ...]) -> None:
    assert read(linter, title).roles == roles


def test_machine_programs_fit_a_cnc_programmer_and_a_machinist(linter: Linter) -> None:
    """Control programs of CNC machines read as a technologist's work: a programmer of machines and a machinist
    who writes them are not confused."""
    text = (
        "Обязанности:\n- разработка управляющих программ для станков с ЧПУ\n"
        "- подбор режущего инструмента и режимов резания\n- отладка программ на станке\n"
        "- расчёт траектории инструмента в CAM-системе\n"
    )
    for title in ("Инженер-программист", "Токарь"):
        assert "CM001" not in linter.lint(text, title=title).codes(), title


def test_a_role_named_only_by_a_shared_name_comes_second(linter: Linter) -> None:
    """«Инженер по качеству» is an inspector's own name and a tester's shared one: a finding names the inspector."""
    assert read(linter, "Инженер по качеству").roles == ("quality", "qa")
    text = "Обязанности:\n- холодные звонки по базе клиентов\n- выполнение плана продаж\n- ведение сделок в CRM\n"
    finding = next(f for f in linter.lint(text, title="Инженер по качеству").findings if f.code == "CM001")
    assert "а не «контроль качества»" in finding.message


@pytest.mark.parametrize(
    ("title", "admitted"),
    [
        ("Менеджер по развитию", ("analyst",)),
        ("Специалист по развитию бизнеса", ("analyst",)),
        ("Руководитель по развитию рынка (Казахстан)", ("analyst",)),
        ("Business Development Manager (SaaS)", ("analyst",)),
        ("BDM", ("analyst",)),
        # A longer name says what grows: sales, dealers, a partner network — selling, not the wider job.
        ("Менеджер по развитию продаж", ()),
        ("Менеджер по развитию дилерской сети", ()),
        ("Менеджер по продажам", ()),
    ],
)
def test_a_wide_name_admits_the_wider_jobs_duties(linter: Linter, title: str, admitted: tuple[str, ...]) -> None:
    reading = read(linter, title)
    assert reading.roles == ("sales",)
    assert reading.admitted == admitted


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Администратор сайтов", ("administrator", "content")),  # a website's administrator works on content
        ("Ревизор торговых точек", ()),  # objects never make a title checkable alone
        ("Аудитор магазинов", ("accountant", "retail")),
        ("Специалист по обслуживанию клиентов", ("service_engineer", "support")),
        ("Ассистент отдела продаж", ()),  # an assistant of a department is no secretary: unknown, unchecked
        # Where a position works, or what it does not do, is not what it works on.
        ("Комьюнити-менеджер в отдел продаж", ("community",)),
        ("Маркетолог (без продаж)", ("marketing",)),
        ("Комьюнити-менеджер городского портала", ("community",)),  # a name with its field is only placed
        ("Комьюнити менеджер (интернет-магазин)", ("community",)),  # … written with a space as with a hyphen
        ("Системный администратор (интернет-магазин)", ("sysadmin",)),
        ("Менеджер по приложениям (развитие складских систем)", ()),  # a system's kind is no object
        ("Инженер по обслуживанию оборудования", ("service_engineer",)),
    ],
)
def test_what_a_position_works_on_adds_its_occupation(linter: Linter, title: str, roles: tuple[str, ...]) -> None:
    assert read(linter, title).roles == roles


def test_object_roles_are_read_but_not_named(linter: Linter) -> None:
    reading = read(linter, "Администратор сайтов")
    assert [m.role for m in reading.matches] == ["administrator"]  # a rename replaces «Администратор» only


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Секретарь (с функциями кадровика)", ("office", "hr")),
        ("Оператор ПК (с обязанностями менеджера по продажам)", ("office", "sales")),
        ("Секретарь (в кадровое агентство)", ("office",)),  # a bracket that does not combine stays context
        ("Бренд-менеджер (с функциями продаж)", ("marketing", "sales")),  # a combiner's object is a second duty
    ],
)
def test_a_bracket_with_functions_names_a_second_position(
    linter: Linter, title: str, roles: tuple[str, ...]
) -> None:
    assert read(linter, title).roles == roles


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Директолог", ()),  # not a misspelt «дефектолог» (a medical title)
        ("Compliance Officer", ("lawyer",)),  # not a misspelt «office»
        ("Разработчтик", ("developer",)),  # a typo is still read
    ],
)
def test_a_real_word_is_not_read_as_a_misspelt_other_one(linter: Linter, title: str, roles: tuple[str, ...]) -> None:
    assert read(linter, title).roles == roles


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        # Whom a position serves is not a second position: inflected after it in Russian …
        ("Менеджер сообщества разработчиков", ("community",)),
        ("Рекрутер водителей", ("hr",)),
        ("Руководитель проектов по защите информации", ("project", "infosec")),  # a field, not people served
        ("Руководитель группы разработчиков", ("developer",)),  # … unless nothing before it names a position
        # … or named after «с» as the people a position works with.
        ("Менеджер по работе с дизайнерами", ()),
        ("Специалист по взаимодействию с блогерами", ()),
        ("Менеджер по работе с клиентами", ("account",)),
        # … and before it in English.
        ("Developer Community Manager", ("community",)),
        ("Developer Relations Manager", ("community",)),  # developer relations names the community role (DevRel)
        ("Python Developer Lead", ("developer",)),
    ],
)
def test_a_role_name_that_only_says_whom_a_position_serves(
    linter: Linter, title: str, roles: tuple[str, ...]
) -> None:
    assert read(linter, title).roles == roles


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("PR-менеджер отдела маркетинга", ("pr",)),  # a complement after a specified position is its place
        ("Комьюнити-менеджер склада", ("community",)),
        ("Комьюнити менеджер игрового проекта", ("community",)),
        ("Менеджер склада", ("warehouse",)),  # … but it specifies a bare position noun
        ("Менеджер проекта", ("project",)),
        ("Заместитель директора по продажам", ("sales",)),  # a deputy is no specifier of the director
        ("Стажёр в IT-компанию", ()),  # «IT» here only says what kind of company
        ("IT-рекрутер", ("hr",)),
        ("Менеджер по подбору квартир", ()),  # picking flats is not recruiting
        ("Консультант 1С по зарплатному учёту", ("developer", "accountant")),
        ("Инженер-программист (контроллеры станков)", ("developer", "process_engineer", "power_engineer", "production")),
        ("Менеджер по продвижению продуктов", ("smm", "sales")),
        ("SMM-менеджер клуба", ("smm",)),  # a compound's noun starts no other name: no club manager here
        ("SMM-специалист сети студий йоги", ("smm",)),
        ("SMM-менеджер сообщества ВКонтакте", ("smm",)),
        ("Диспетчер технической поддержки", ("support",)),  # a support line's dispatcher, not a logistician
        ("Диспетчер поддержки (звонки, чаты)", ("support",)),
        ("Диспетчер", ("logistics",)),
    ],
)
def test_more_title_readings(linter: Linter, title: str, roles: tuple[str, ...]) -> None:
    assert read(linter, title).roles == roles


def test_an_object_may_belong_to_two_occupations(linter: Linter) -> None:
    assert set(read(linter, "Администратор ломбарда").roles) == {"administrator", "retail", "finance"}


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Водитель погрузчика", ("warehouse",)),  # a loader's driver works in the warehouse
        ("Водитель электропогрузчика на склад", ("warehouse",)),
        ("Специалист по подбору запчастей", ()),  # picking parts is not recruiting
        ("Менеджер по подбору персонала", ("hr",)),
        ("Менеджер по массовому подбору", ("hr",)),
        ("Инженер отдела информационной безопасности", ("infosec",)),  # not a guard
        ("Сотрудник службы безопасности", ("security",)),
        ("Менеджер по работе с юридическими лицами", ()),  # clients, not lawyers
        ("Руководитель юридического отдела", ("lawyer",)),
        ("Оператор колл-центра", ("support", "sales")),  # a call centre answers (its own name) and sells (shared)
        ("Диспетчер колл-центра", ("logistics", "support")),  # a contact centre's dispatcher routes requests
        ("Диспетчер центра контактов", ("support",)),
        ("Диспетчер такси", ("logistics",)),
        ("Грузчик", ("trades", "warehouse")),  # boards file loaders with the workers and the warehouse alike
        ("Кредитный специалист", ("sales",)),  # sells loans
        ("Менеджер по кредитованию малого бизнеса", ("sales",)),
        ("Аналитик кредитных рисков", ("finance",)),
        ("Оператор линии розлива", ("production",)),  # a production line, not a support line
        ("Оператор первой линии поддержки", ("support",)),
        ("Помощник в отдел кадров", ()),  # an assistant of a department is not a secretary
    ],
)
def test_names_that_look_like_another_occupation(linter: Linter, title: str, roles: tuple[str, ...]) -> None:
    assert read(linter, title).roles == roles


@pytest.mark.parametrize(
    ("title", "unread"),
    [
        ("Менеджер мероприятий / Банкетный менеджер", True),  # the second position is not one we know
        ("Event-менеджер / координатор", True),
        ("Бухгалтер / кассир", False),
        ("Старший / ведущий бухгалтер", False),  # seniority only qualifies
        ("Комьюнити-менеджер (менеджер проектов)", False),  # a bracket is context
        ("Водитель, Москва", False),
        # An assistant with a complement is a position of its own; alone, or of a read position, it qualifies.
        ("SMM-менеджер / Помощник по работе с отзывами", True),
        ("Копирайтер / Ассистент отдела", True),
        ("SMM-менеджер / помощник", False),
        ("Бухгалтер / помощник бухгалтера", False),
        ("Копирайтер / ассистент в редакцию", False),
    ],
)
def test_a_part_naming_an_unknown_position_is_noticed(linter: Linter, title: str, unread: bool) -> None:
    assert read(linter, title).unread_part is unread


@pytest.mark.parametrize(
    ("title", "roles", "context"),
    [
        ("Наставник на курс «Java-разработчик»", ("teacher",), ("developer",)),  # the course's subject
        ("Преподаватель курса для тестировщиков", ("teacher",), ("qa",)),
        ("Рабочий на производство", ("trades",), ("production",)),  # where the worker works
        ("Руководитель проекта (бизнес-аналитик)", ("project",), ("analyst",)),  # a bracket is context
        ("Комьюнити-менеджер в отдел продаж", ("community",), ("sales",)),
        ("Бухгалтер", ("accountant",), ()),
    ],
)
def test_what_the_context_names_is_kept_apart(
    linter: Linter, title: str, roles: tuple[str, ...], context: tuple[str, ...]
) -> None:
    reading = read(linter, title)
    assert (reading.roles, reading.context) == (roles, context)


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Менеджер клиентского сервиса", ("support",)),  # customer service is support
        ("Специалист клиентского сервиса", ("service_engineer", "support")),  # and a service specialist may be either
        ("Специалист по сопровождению договоров", ("office",)),  # papers, not equipment
        ("Руководитель отдела автоматизации тестирования", ("qa",)),
        ("Консультант SAP", ("developer",)),  # ERP consulting is IT
        ("Ведущий консультант ERP", ("developer",)),
    ],
)
def test_titles_read_by_their_whole_name(linter: Linter, title: str, roles: tuple[str, ...]) -> None:
    assert read(linter, title).roles == roles


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Бренд-менеджер (продажи)", ("marketing", "sales")),
        ("Бренд-менеджер (маркетинг и продажи)", ("marketing", "sales")),
        ("Бренд-менеджер (маркетинг, продажи)", ("marketing", "sales")),
        # A bracket that names a place by its own noun, or what the position does not do, lists no duty.
        ("Комьюнити-менеджер (отдел продаж)", ("community",)),
        ("SMM-менеджер (без продаж)", ("smm",)),
    ],
)
def test_a_bracket_that_lists_objects_after_a_compound_name_lists_its_duties(
    linter: Linter, title: str, roles: tuple[str, ...]
) -> None:
    """A compound name («Бренд-менеджер») takes no complement, but a bracket after it lists what it does:
    the title is mixed, and duties of both kinds are not a confusion."""
    assert read(linter, title).roles == roles


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Content Manager", ("content",)),
        ("Senior Moderator (Discord)", ("moderation",)),
        ("Concept Artist", ("designer",)),
        ("Data Analytic", ("data",)),
        ("Sourcer", ("hr",)),
    ],
)
def test_an_english_spelling_of_a_loanword_reads_as_the_loanword(
    linter: Linter, title: str, roles: tuple[str, ...]
) -> None:
    """«Content» is the English spelling of «контент», «Sourcer» of «сорсер»: a title word the patterns know only in
    Cyrillic is read through its Cyrillic spelling (one edit at most: «brand» would be «бренд» by its vowel)."""
    assert read(linter, title).roles == roles


def test_a_loanword_spelling_is_not_stretched_to_a_longer_word(linter: Linter) -> None:
    """«Technology» spelt «течнологи» is two edits from «технолог»: a loanword spelling gets one edit, not two."""
    assert "process_engineer" not in read(linter, "Supply Chain Technology Consultant").roles


def test_loanwords_are_spelt_in_cyrillic() -> None:
    assert [cyrillic(word) for word in ("content", "moderator", "sheriff", "Brand", "контент")] == [
        "контент", "модератор", "шерифф", "бранд", "контент",
    ]


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Коммъюнити менеджер", ("community",)),  # two edits inside the word: a typo
        ("Комьюнити-менеджер ковининга", ("community",)),  # two edits at its start: another word, not «клининга»
    ],
)
def test_two_edits_correct_a_word_only_inside_it(linter: Linter, title: str, roles: tuple[str, ...]) -> None:
    assert read(linter, title).roles == roles


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Brand Manager", ("marketing",)),  # «brand» is known in English only in «employer brand»
        ("Senior Brand Manager", ("marketing",)),
        ("Power Engineer", ()),  # «power» spelt «повер» is one vowel from «повар», yet no position of its own
    ],
)
def test_english_words_read_as_loanwords_where_their_english_names_nothing(
    linter: Linter, title: str, roles: tuple[str, ...]
) -> None:
    assert read(linter, title).roles == roles


def test_a_part_that_names_a_person_the_taxonomy_does_not_know_is_unread(linter: Linter) -> None:
    """«… / почвовед» names a position of its own that no pattern knows: the duties may be that part's."""
    assert read(linter, "Менеджер по продажам / почвовед").unread_part is True
    assert read(linter, "Комьюнити-менеджер / стажёр").unread_part is False  # a seniority qualifies the position


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Менеджер по развитию", ("sales",)),  # business development is selling
        ("Специалист по развитию дилерской сети", ("sales",)),
        ("Куратор по развитию корпоративных клиентов", ("sales",)),
        ("Менеджер по развитию (удалённо)", ("sales",)),
        ("Business Development Manager", ("sales",)),
        ("Менеджер по развитию мобильного приложения", ()),  # «по развитию X» reads X: not selling
        ("Менеджер по развитию волонтёрского сообщества", ("community",)),
    ],
)
def test_development_reads_what_is_developed(linter: Linter, title: str, roles: tuple[str, ...]) -> None:
    assert read(linter, title).roles == roles


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Куратор книжного клуба", ("community",)),
        ("Community Manager / менеджер клуба", ("community",)),  # one position in two words: the title is read whole
        ("Менеджер фитнес-клуба", ()),  # a club that sells memberships is not the complement of the position
        ("Менеджер в ночной клуб", ()),  # where the position works, not what it manages
    ],
)
def test_a_club_is_a_community(linter: Linter, title: str, roles: tuple[str, ...]) -> None:
    assert read(linter, title).roles == roles
    assert read(linter, title).unread_part is False


def test_a_medical_representative_sells(linter: Linter) -> None:
    """hh.ru lists medical representatives among sales: they sell medicines and devices to doctors and pharmacies."""
    assert read(linter, "Медицинский представитель").roles == ("sales",)


def test_an_english_employer_brand_title_is_hr(linter: Linter) -> None:
    assert read(linter, "Employer Brand Manager").roles == ("hr",)


def test_the_speller_keeps_its_answers_per_word(linter: Linter) -> None:
    """Titles repeat their words: a word's correction and loanword are worked out once and read back after."""
    speller = TitleSpeller({"комьюнити", "менеджер", "контент"}, linter.engine.morphology)
    view = TokenView(["Коммъюнити", "Content"], ["коммъюнити", "content"], ["коммъюнити", "content"], ["NOUN", "X"])
    assert speller.correct(view).lemma == ["комьюнити", "контент"]
    assert speller.loanwords(view) is not None
    assert speller._nearest_of.kept()[("коммъюнити", "коммъюнити")] is not None
    assert speller._loanword_of.kept()["content"] == "контент"
    kept = len(speller._nearest_of), len(speller._loanword_of)
    assert speller.correct(view).lemma == ["комьюнити", "контент"]
    assert (len(speller._nearest_of), len(speller._loanword_of)) == kept  # read back, not worked out again


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Специалист службы заботы онлайн-сервиса", ("support",)),  # customer care named as care
        ("Менеджер отдела заботы", ("support",)),
        ("Разработчик бэкенда в Заботу", ("developer",)),  # a team called «Забота» is context
        ("Сммщик", ("smm",)),  # the trade's slang
        ("Менеджер чат-поддержки", ("support",)),  # not a members' chat
        # a dash between spaces parts the title; an English name before it is no modifier of what follows
        ("Data Scientist - команда CLTV", ("data",)),
        ("Инженер DevOps - сетевое оборудование и ОС", ("devops",)),
        ("Комьюнити-менеджер в IT-компанию", ("community",)),  # a hyphen joins: «IT» modifies «компанию»
        ("Специалист техподдержки", ("support",)),
        ("Оператор 1С", ("office",)),
        ("Linux-инженер", ("sysadmin",)),  # the system before the position
        ("Руководитель отдела системного администрирования", ("sysadmin",)),
        ("Специалист по рекламе", ("marketing",)),  # both such real titles are marketing by the board's role
        ("Специалист по рекламе и маркетингу", ("marketing",)),
        ("Менеджер по рекламе", ()),  # often sells advertising: no guess
    ],
)
def test_titles_the_market_writes_its_own_way(linter: Linter, title: str, roles: tuple[str, ...]) -> None:
    assert read(linter, title).roles == roles
