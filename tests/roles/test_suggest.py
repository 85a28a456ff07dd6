import pytest

from cmlint import Linter
from cmlint.models import Finding, Report
from cmlint.roles.decision import RoleDecision
from cmlint.roles.profile import DutyProfile, OccupationScores
from cmlint.roles.suggest import candidates, market_names
from cmlint.scoring import Scoring

SALES = "Обязанности:\n- холодные звонки\n- выполнение плана продаж\n- ведение сделок в CRM"


def cm001(report: Report) -> Finding:
    """The one CM001 finding of ``report``."""
    (finding,) = [f for f in report.findings if f.code == "CM001"]
    return finding


def renamed(linter: Linter, title: str) -> tuple[list[str], str]:
    """The words a CM001 rename of ``title`` over sales duties edits, and the first suggested title."""
    report = linter.lint(SALES, title=title)
    return [e.span.text for e in cm001(report).suggestions[0].edits], report.suggested_titles[0].title


def test_suggestions_are_ranked_with_roles(linter: Linter) -> None:
    report = linter.lint(SALES, title="Комьюнити-менеджер")
    assert report.suggested_titles[0].title == "Менеджер по продажам"
    assert report.suggested_titles[0].role == "sales"
    assert 0 < report.suggested_titles[0].confidence <= 1


def test_fix_inflects_the_body_mention(linter: Linter) -> None:
    text = "Комьюнити-менеджер\nИщем комьюнити-менеджера в команду!\n" + SALES
    finding = cm001(linter.lint(text))
    edits = finding.suggestions[0].edits
    assert [(e.span.text, e.replacement) for e in edits] == [
        ("Комьюнити-менеджер", "Менеджер по продажам"),
        ("комьюнити-менеджера", "менеджера по продажам"),
    ]
    for edit in edits:
        assert text[edit.span.start : edit.span.end] == edit.span.text


def test_fix_keeps_acronym_casing(linter: Linter) -> None:
    text = "Станьте нашим комьюнити-менеджером!\nЗадачи:\n- ведение сообщества ВКонтакте\n- контент-план и посты\n- таргетированная реклама"
    finding = cm001(linter.lint(text, title="Комьюнити-менеджер"))
    replacements = [e.replacement for e in finding.suggestions[0].edits]
    assert replacements == ["SMM-менеджер", "SMM-менеджером"]


def test_combined_title_when_two_roles_share_the_work(linter: Linter) -> None:
    body = (
        "Обязанности:\n- вести соцсети: контент-план, посты, сторис\n- таргетированная реклама\n"
        "- организовывать встречи участников сообщества\n- знакомить участников друг с другом"
    )
    titles = [s.title for s in linter.lint(body, title="Менеджер").suggested_titles]
    assert titles[0] == "SMM/комьюнити-менеджер"


def test_suggestion_keeps_seniority_and_qualifiers(linter: Linter) -> None:
    report = linter.lint(SALES, title="Старший комьюнити-менеджер (удалённо)")
    assert report.suggested_titles[0].title == "Старший менеджер по продажам (удалённо)"


def test_rename_inflects_a_mention_in_the_genitive(linter: Linter) -> None:
    finding = cm001(linter.lint(SALES, title="Ассистент комьюнити-менеджера"))
    assert [(e.span.text, e.replacement) for e in finding.suggestions[0].edits] == [
        ("комьюнити-менеджера", "менеджера по продажам")
    ]


def test_rename_leaves_words_that_are_not_a_position_alone(linter: Linter) -> None:
    body = "Ищем SMM-менеджера.\n" + SALES + "\n- разработка SMM-стратегии для продаж"
    finding = cm001(linter.lint(body, title="SMM-менеджер"))
    replaced = [e.span.text for e in finding.suggestions[0].edits]
    assert replaced == ["SMM-менеджер", "SMM-менеджера"]  # «SMM-стратегии» names no one


def test_another_occupation_gets_its_market_title(linter: Linter) -> None:
    body = (
        "Обязанности:\n- ведение первичной бухгалтерской документации\n- расчёт заработной платы\n"
        "- сдача отчётности в ФНС и СФР\n- сверка с контрагентами\nТребования: знание 1С:Бухгалтерия"
    )
    report = linter.lint(body, title="Комьюнити-менеджер")
    assert "CM001" in report.codes()
    assert report.suggested_titles[0].role == "accountant" and report.suggested_titles[0].title == "Бухгалтер"
    assert report.roles["accountant"].board_name == "Бухгалтер" and report.roles["accountant"].kind == "occupation"


def test_no_suggestion_when_the_duties_say_nothing(linter: Linter) -> None:
    assert linter.lint("Обязанности:\n- работа в дружной команде", title="Комьюнити-менеджер").suggested_titles == []


def test_a_finding_the_phrases_made_gets_their_suggestion(linter: Linter) -> None:
    """The model reads no occupation surely enough to name one (duties in English) while the phrases
    name support: the suggestion follows the phrases instead of leaving the finding without one."""
    engine = linter.prepare().engine
    taxonomy = engine.taxonomy
    decision = RoleDecision(True, frozenset({"community"}), "occupation", "developer")
    profile = DutyProfile({"support": 5.7, "sales": 0.3})
    weak = {"developer": 0.09, "support": 0.04, "qa": 0.04}
    scores = OccupationScores({label: 0.0 for label in weak}, weak, 4.0, ((4.0, weak),), 0.01)
    found = candidates(decision, profile, scores, taxonomy, engine.analyzer.names, Scoring().suggestions)
    assert [c.role for c in found][:1] == ["support"]


def test_unsure_model_candidates_leave_the_suggestion_to_the_phrases(linter: Linter) -> None:
    """The model names occupations, but none surely enough to suggest (below ``min_confidence``): the
    phrases, which name support surely, make the suggestion instead of none at all."""
    engine = linter.prepare().engine
    decision = RoleDecision(True, frozenset({"community"}), "occupation", "developer")
    profile = DutyProfile({"support": 5.7, "sales": 0.3})
    unsure = {"developer": 0.14, "support": 0.13}
    scores = OccupationScores({label: 0.0 for label in unsure}, unsure, 4.0, ((4.0, unsure),), 0.01)
    settings = Scoring().suggestions
    assert all(share >= settings.min_share and share < settings.min_confidence for share in unsure.values())
    found = candidates(decision, profile, scores, engine.taxonomy, engine.analyzer.names, settings)
    assert [c.role for c in found][:1] == ["support"]


def test_the_phrases_fill_the_places_the_model_leaves(linter: Linter) -> None:
    """The model names one occupation surely (the lines of a support engineer read as a system
    administrator's) and the next only below ``min_confidence``: the role the phrases name surely
    comes second rather than the list stopping at one suggestion."""
    engine = linter.prepare().engine
    decision = RoleDecision(True, frozenset({"community"}), "occupation", "sysadmin")
    profile = DutyProfile({"support": 5.0, "pr": 0.5})
    shares = {"sysadmin": 0.3, "support": 0.13, "developer": 0.08}
    scores = OccupationScores({label: 0.0 for label in shares}, shares, 12.0, ((12.0, shares),), 0.01)
    found = candidates(decision, profile, scores, engine.taxonomy, engine.analyzer.names, Scoring().suggestions)
    assert [c.role for c in found][:2] == ["sysadmin", "support"]


def test_a_title_the_duties_fit_is_suggested_first(linter: Linter) -> None:
    """Not confused: the title's role leads the suggestions when the readings support it, even where the model
    reads it too little to name it by itself (a driver's short posting) or the phrases lean to a related role."""
    engine = linter.engine
    shares = {"driver": 0.11, "warehouse": 0.1, "developer": 0.03}
    scores = OccupationScores({label: 0.0 for label in shares}, shares, 5.0, ((5.0, shares),), 0.01)
    fits = RoleDecision(False, frozenset({"driver"}))
    found = candidates(
        fits, DutyProfile({}), scores, engine.taxonomy, engine.analyzer.names, Scoring().suggestions, ("driver",)
    )
    assert [c.role for c in found][:1] == ["driver"]
    assert (
        candidates(fits, DutyProfile({}), scores, engine.taxonomy, engine.analyzer.names, Scoring().suggestions) == []
    )
    body = (
        "Обязанности:\n- вести соцсети клуба: посты, сторис, рилс\n- контент-план на месяц\n"
        "- организовывать встречи участников клуба\n- знакомить новичков друг с другом"
    )
    report = linter.lint(body, title="Комьюнити-менеджер")
    assert "CM001" not in report.codes()
    assert [(s.role, s.title) for s in report.suggested_titles[:2]] == [
        ("smm", "SMM/комьюнити-менеджер"),
        ("community", "Комьюнити-менеджер"),
    ]
    body = "Обязанности:\n- вести соцсети клуба: посты и сторис\n" + "\n".join(
        f"- {duty}"
        for duty in (
            "организовывать встречи участников клуба",
            "знакомить новичков друг с другом",
            "запустить программу амбассадоров",
        )
    )
    report = linter.lint(body, title="Комьюнити-менеджер")
    assert [s.role for s in report.suggested_titles][:1] == ["community"]


def test_rename_takes_in_the_person_a_department_mention_belongs_to(linter: Linter) -> None:
    finding = cm001(linter.lint(SALES, title="Старший инженер ПТО"))
    assert [(e.span.text, e.replacement) for e in finding.suggestions[0].edits] == [
        ("инженер ПТО", "менеджер по продажам")
    ]
    assert linter.lint(SALES, title="Инженер ПТО").suggested_titles[0].title == "Менеджер по продажам"


@pytest.mark.parametrize(
    ("title", "edited", "suggested"),
    [
        ("Менеджер-дизайнер", "Менеджер-дизайнер", "Менеджер по продажам"),  # not «Менеджер-менеджер по продажам»
        ("Старший менеджер-копирайтер", "менеджер-копирайтер", "Старший менеджер по продажам"),
        ("IT-рекрутер", "рекрутер", "IT-менеджер по продажам"),  # a first half that names no person stays
    ],
)
def test_rename_takes_in_the_person_noun_a_compound_starts_with(
    linter: Linter, title: str, edited: str, suggested: str
) -> None:
    assert renamed(linter, title) == ([edited], suggested)


def test_rename_keeps_the_assistant_of_a_hyphenated_position(linter: Linter) -> None:
    report = linter.lint(SALES, title="Ассистент контент-менеджера на маркетплейсах")
    assert report.suggested_titles[0].title == "Ассистент менеджера по продажам на маркетплейсах"


def test_a_latin_mention_inside_the_title_gets_the_case_of_its_place(linter: Linter) -> None:
    report = linter.lint(SALES, title="Старший SMM-менеджер")
    finding = cm001(report)
    assert report.suggested_titles[0].title == "Старший менеджер по продажам"
    assert [(e.span.text, e.replacement) for e in finding.suggestions[0].edits] == [
        ("SMM-менеджер", "менеджер по продажам")
    ]


def test_a_latin_mention_opening_a_sentence_starts_upper_case(linter: Linter) -> None:
    text = "Ищем SMM-менеджера.\nSMM-менеджер в нашей команде делает всё.\n" + SALES
    finding = cm001(linter.lint(text, title="SMM-менеджер"))
    assert [e.replacement for e in finding.suggestions[0].edits] == [
        "Менеджер по продажам",
        "менеджера по продажам",
        "Менеджер по продажам",
    ]


def test_a_head_of_another_trade_becomes_the_head_of_a_team_of_the_duties_people(linter: Linter) -> None:
    text = "Руководитель отдела маркетинга\nИщем руководителя отдела маркетинга в команду.\n" + SALES
    finding = cm001(linter.lint(text))
    assert [(e.span.text, e.replacement) for e in finding.suggestions[0].edits] == [
        ("Руководитель отдела маркетинга", "Руководитель группы менеджеров по продажам"),
        ("руководителя отдела маркетинга", "руководителя группы менеджеров по продажам"),
    ]
    assert (
        linter.lint(SALES, title="Head of QA").suggested_titles[0].title == "Руководитель группы менеджеров по продажам"
    )


def test_a_head_whose_duties_fit_keeps_the_title(linter: Linter) -> None:
    assert (
        linter.lint(SALES, title="Руководитель отдела продаж").suggested_titles[0].title == "Руководитель отдела продаж"
    )


@pytest.mark.parametrize(
    ("title", "suggested"),
    [
        ("Ассистент руководителя", "Менеджер по продажам"),  # an assistant of a head heads nothing
        ("Руководитель проектов", "Менеджер по продажам"),  # the trade's own name opens with «Руководитель»
        ("Стажер Data Engineer", "Стажер менеджер по продажам"),  # a rank before an English position stays
    ],
)
def test_no_rank_is_made_up_and_none_is_lost(linter: Linter, title: str, suggested: str) -> None:
    assert linter.lint(SALES, title=title).suggested_titles[0].title == suggested


@pytest.mark.parametrize(
    ("title", "suggested"),
    [
        ("Комьюнити- и контент-менеджер", "Менеджер по продажам"),
        ("Community & Content Manager", "Менеджер по продажам"),
        ("Контент и комьюнити менеджер", "Менеджер по продажам"),
        ("Старший контент- и комьюнити-менеджер", "Старший менеджер по продажам"),
    ],
)
def test_two_names_of_one_position_noun_are_renamed_together(linter: Linter, title: str, suggested: str) -> None:
    """No first name is left hanging («Комьюнити- и менеджер по продажам»), in the title or in the body."""
    text = "Ищем контент- и комьюнити-менеджера в команду.\n" + SALES
    report = linter.lint(text, title=title)
    finding = cm001(report)
    assert report.suggested_titles[0].title == suggested
    assert finding.suggestions[0].edits[-1].span.text == "контент- и комьюнити-менеджера"
    assert finding.suggestions[0].edits[-1].replacement == "менеджера по продажам"


def test_a_title_few_real_postings_carry_does_not_replace_the_taxonomy_s_first(linter: Linter) -> None:
    """One «Интернет-маркетолог» among the training postings is no market's choice; 31 «Менеджер по продажам» are."""
    taxonomy = linter.engine.taxonomy
    used = {"marketing": [("Интернет-маркетолог", 1)], "sales": [("Специалист по продажам", 31)]}
    names = market_names(taxonomy, used, min_uses=3)
    assert names["marketing"] == taxonomy.roles["marketing"].titles[0] == "Маркетолог"
    assert names["sales"] == "Специалист по продажам"
    assert market_names(taxonomy, used, min_uses=1)["marketing"] == "Интернет-маркетолог"


@pytest.mark.parametrize(
    ("title", "suggested"),
    [
        # the complement completes the old position's name or names its people: it goes with it
        ("Администратор склада готовой продукции", "Менеджер по продажам"),
        ("Менеджер по закупкам строительных материалов", "Менеджер по продажам"),
        ("Менеджер комьюнити курьеров", "Менеджер по продажам"),
        ("Модератор сообщества продавцов, Казань", "Менеджер по продажам сообщества продавцов, Казань"),
        # after a person's name it says where or on which line the work is done: it stays
        ("Комьюнити-менеджер первой линии", "Менеджер по продажам первой линии"),
        ("Комьюнити-менеджер онлайн-школы (удалённо)", "Менеджер по продажам онлайн-школы (удалённо)"),
        ("Community manager футбольного клуба", "Менеджер по продажам футбольного клуба"),
        # a letter that belongs to the run makes it no complement: nothing is cut in half
        ("Водитель категории В", "Менеджер по продажам категории В"),
    ],
)
def test_a_genitive_complement_goes_with_the_position_it_completes(linter: Linter, title: str, suggested: str) -> None:
    """«Финансовый аналитик готовой продукции» (from «Администратор склада готовой продукции») dangles; a workplace
    after a person's name fits the new one."""
    assert linter.lint(SALES, title=title).suggested_titles[0].title == suggested


def test_a_body_mention_takes_its_complement_and_a_mention_inside_one_is_no_place(linter: Linter) -> None:
    text = "Ищем менеджера комьюнити курьеров в команду.\n" + SALES
    finding = cm001(linter.lint(text, title="Менеджер комьюнити курьеров"))
    assert [(e.span.text, e.replacement) for e in finding.suggestions[0].edits] == [
        ("Менеджер комьюнити курьеров", "Менеджер по продажам"),
        ("менеджера комьюнити курьеров", "менеджера по продажам"),
    ]
    report = linter.lint(SALES, title="Инженер-конструктор отдела главного конструктора")
    finding = cm001(report)
    assert [e.span.text for e in finding.suggestions[0].edits] == ["Инженер-конструктор отдела главного конструктора"]


@pytest.mark.parametrize(
    ("title", "edited", "suggested"),
    [
        ("Trade marketing manager", "Trade marketing manager", "Менеджер по продажам"),  # not «Trade менеджер …»
        # an English rank comes back in Russian, not left before a Russian title («Senior менеджер по продажам»)
        ("Senior Trade marketing manager", "Senior Trade marketing manager", "Старший менеджер по продажам"),
        ("Junior Community Manager", "Junior Community Manager", "Младший менеджер по продажам"),
    ],
)
def test_an_english_position_takes_the_words_that_qualify_it(
    linter: Linter, title: str, edited: str, suggested: str
) -> None:
    assert renamed(linter, title) == ([edited], suggested)


@pytest.mark.parametrize(
    ("sentence", "edited", "replacement"),
    [
        # an English name shows no case: the words before it tell the one the new title takes
        ("Мы ищем **Community Manager** в команду.", "Community Manager", "менеджера по продажам"),
        ("Ищем в нашу команду Head of Community.", "Head of Community", "руководителя группы менеджеров по продажам"),
        ("Требуется Community Manager.", "Community Manager", "менеджер по продажам"),
        ("Ищем Senior Community Manager в команду.", "Senior Community Manager", "старшего менеджера по продажам"),
        ("Открыта вакансия на позицию Community Manager.", "Community Manager", "менеджер по продажам"),
        # a thing's name written apart before the person's is no head: «пиар менеджера» is a genitive
        ("Ищем пиар менеджера в команду.", "пиар менеджера", "менеджера по продажам"),
        # a «по …» complement of the old work goes with it: the new title names its own
        ("Ищем PR-менеджера по работе с партнёрами.", "PR-менеджера по работе с партнёрами", "менеджера по продажам"),
    ],
)
def test_a_body_mention_is_renamed_in_the_case_its_place_needs(
    linter: Linter, sentence: str, edited: str, replacement: str
) -> None:
    title = edited if edited.isascii() else "PR-менеджер"
    report = linter.lint(sentence + "\n" + SALES, title=title)
    finding = cm001(report)
    assert (edited, replacement) in [(e.span.text, e.replacement) for e in finding.suggestions[0].edits]


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("Модератор", "Вы будете следить за чатами вместе с волонтёрами-модераторами."),  # others doing part of it
        ("Модератор", "Команда проекта: 30 модераторов-волонтёров."),
        ("Community Manager", "We are looking for a Community Manager to join our team."),  # English prose stays
        ("Модератор", "#вакансия #модератор #удалёнка"),  # a hashtag is a search key
    ],
)
def test_a_body_mention_that_is_not_the_position_is_left(linter: Linter, title: str, sentence: str) -> None:
    report = linter.lint(sentence + "\n" + SALES, title=title)
    finding = cm001(report)
    assert [e.span.field for e in finding.suggestions[0].edits] == ["title"]


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("  Старший комьюнити-менеджер (удалённо) ", "Ищем комьюнити-менеджера в команду!\n" + SALES),
        (None, "Старший комьюнити-менеджер\nИщем комьюнити-менеджера в команду!\n" + SALES),
    ],
)
def test_each_rename_fix_makes_the_title_it_names(linter: Linter, title: str | None, text: str) -> None:
    """A fix's edits in the title are the suggested title's own (its places and names worked out once, on the
    title alone): the title they make is the one the fix's message names, for a given title and one of the text."""
    for fix in cm001(linter.lint(text, title=title)).suggestions:
        (edit, *_) = fix.edits
        source = title if title is not None else text
        made = source[: edit.span.start] + edit.replacement + source[edit.span.end :]
        new_title = made.strip().split("\n", 1)[0]
        assert fix.message == f"Переименовать в «{new_title}»"
