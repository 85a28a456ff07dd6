"""The CM001 decision on hand-made profiles: unsupported titles, take-overs, honest titles, other occupations."""

from __future__ import annotations

import math

import pytest
from pydantic import ValidationError

from cmlint import Linter
from cmlint.roles.decision import (
    Criteria,
    DutyReading,
    RoleDecision,
    TitleClaim,
    decide,
    fitting_occupations,
    title_support,
)
from cmlint.roles.profile import DutyProfile, OccupationScores
from cmlint.roles.taxonomy import Role, load_taxonomy
from cmlint.scoring import OccupationWeights, Scoring

TAXONOMY = load_taxonomy()
SCORING = Scoring()
#: Occupation scores of lines that say nothing about any occupation (ten lines' weight).
SILENT = OccupationScores({}, {}, 10.0, (), 0.01)


def phrases(mass: dict[str, float], witnesses: int = 2, lines: dict[str, int] | None = None) -> DutyProfile:
    """A phrase profile in which every role has ``witnesses`` phrase matches, on ``lines`` duty lines of its own
    (as many as its matches unless given)."""
    counts = {role: (lines or {}).get(role, witnesses) for role in mass}
    first = {role: 100 * n for n, role in enumerate(mass)}
    items = {role: frozenset(range(first[role], first[role] + counts[role])) for role in mass}
    return DutyProfile(mass, dict.fromkeys(mass, witnesses), items=items)


def lines(probabilities: list[dict[str, float]], weight: float = 1.0) -> OccupationScores:
    """Occupation scores of lines with these probabilities (what is not given counts as the floor)."""
    labels = sorted({label for line in probabilities for label in line} | {"community", "marketing_pr"})
    floor = SCORING.occupations.floor_probability
    log_scores = {label: sum(weight * math.log(max(line.get(label, 0.0), floor)) for line in probabilities) for label in labels}
    shares = {label: sum(line.get(label, 0.0) for line in probabilities) / len(probabilities) for label in labels}
    witnesses = tuple((weight, line) for line in probabilities)
    return OccupationScores(log_scores, shares, weight * len(probabilities), witnesses, floor)


def decided(
    title_roles: tuple[str, ...],
    profile: DutyProfile,
    scores: OccupationScores,
    scoring: Scoring = SCORING,
    *,
    whole: bool = True,
    context: tuple[str, ...] = (),
    neighbours: dict[str, frozenset[str]] | None = None,
    duties: DutyProfile | None = None,
    positions: tuple[str, ...] | None = None,
) -> RoleDecision:
    """The decision for a title reading ``title_roles`` (as positions unless ``positions`` says which) over duty
    lines read as given."""
    title = TitleClaim(title_roles, whole, context, title_roles if positions is None else positions)
    return decide(title, DutyReading(profile, scores, duties), Criteria(TAXONOMY, scoring, neighbours or {}))


def decision(title_roles: tuple[str, ...], mass: dict[str, float], scoring: Scoring = SCORING) -> bool:
    return decided(title_roles, phrases(mass), SILENT, scoring).confused


@pytest.mark.parametrize(
    ("title_roles", "mass", "confused"),
    [
        (("community",), {"sales": 5.0, "community": 0.2}, True),  # duties are sales
        (("community",), {"community": 4.0, "sales": 1.0}, False),  # mostly community
        (("community",), {"community": 1.0, "event": 3.0, "moderation": 2.0}, False),  # compatible roles support it
        (("community",), {"event": 3.0, "moderation": 2.0, "sales": 0.5}, True),  # but not without any of its own
        (("community",), {"sales": 1.5}, False),  # too little evidence to judge
        ((), {"sales": 9.0}, False),  # no title role, nothing to compare
        (("smm", "community"), {"smm": 3.0, "community": 3.0}, False),  # an honest combined title
        (("event",), {"community": 6.0}, True),  # a related role took the posting over
        (("moderation",), {"moderation": 7.0, "community": 3.0}, False),  # a moderator who mostly moderates
        (("event",), {"event": 5.0, "community": 4.0}, False),  # an event manager whose events bring people together
        (("community",), {"event": 7.0, "community": 3.0}, False),  # a part of the job is no broader job
        (("event",), {"community": 2.0, "event": 1.0}, False),  # too little community work to be the job
        (("executive",), {"sales": 9.0}, False),  # «Директор» is too broad to check
        (("developer",), {"sales": 9.0}, False),  # phrases of community-adjacent roles do not judge other occupations
    ],
)
def test_decision(title_roles: tuple[str, ...], mass: dict[str, float], confused: bool) -> None:
    assert decision(title_roles, mass) is confused


def test_another_role_that_reads_no_more_often_than_the_title_is_not_the_job() -> None:
    """An «Event-менеджер» whose four lines are a client meeting, a CRM report, an inquiry and the events: the title's
    own role holds as much as the strongest other one, so the duties are not said to be that one's."""
    tied = {"event": 1.0, "sales": 1.0, "support": 1.0, "account": 0.5}
    assert not decision(("event",), tied)
    assert decision(("event",), {**tied, "sales": 1.5})


def test_one_phrase_of_another_role_is_not_enough() -> None:
    profile = DutyProfile({"sales": 5.0}, {"sales": 1})
    assert not decided(("community",), profile, SILENT, SCORING).confused
    assert decided(("community",), profile, SILENT, Scoring(min_foreign_evidence=1)).confused


@pytest.mark.parametrize(
    ("title_roles", "mass", "absent"),
    [
        (("community", "smm"), {"smm": 7.0}, "community"),  # a combined title whose community part has no work
        (("support", "community"), {"support": 3.0}, "community"),
        (("smm", "community"), {"community": 5.0, "moderation": 1.0}, "smm"),  # the reverse
        (("community", "content"), {"content": 4.3, "community": 0.3}, "community"),  # a hint is no work
        (("smm", "community"), {"smm": 6.0, "community": 1.0}, None),  # an honest split with a small part
        (("community", "event"), {"event": 6.0}, None),  # events fit a community manager too
        (("smm", "content"), {"content": 6.0}, None),  # and content an SMM manager
        (("account", "project"), {"content": 6.0}, None),  # an occupation beside the role may do the work
    ],
)
def test_a_part_of_a_combined_title_without_work_is_confused(
    title_roles: tuple[str, ...], mass: dict[str, float], absent: str | None
) -> None:
    """A part of a combined title whose phrases, with those of the roles fitting it, hold less than
    ``max_absent_part_share`` is a name, not a job; the finding names that part and the work done instead."""
    result = decided(title_roles, phrases(mass), SILENT, SCORING)
    assert result.confused is (absent is not None)
    if absent is not None:
        assert absent in result.fitting and result.actual not in result.fitting
        assert not decided(title_roles, phrases(mass), SILENT, Scoring(max_absent_part_share=0.0)).confused


def test_what_a_position_works_on_is_no_part_of_a_combined_title() -> None:
    """«Менеджер по продажам (системы видеоконтента)» reads content, but names one position: sales."""
    assert decided(("sales", "content"), phrases({"sales": 6.0}), SILENT, SCORING).confused
    assert not decided(("sales", "content"), phrases({"sales": 6.0}), SILENT, SCORING, positions=("sales",)).confused


def test_a_combined_title_whose_community_part_has_no_work_names_that_part(linter: Linter) -> None:
    text = (
        "Обязанности:\n- вести аккаунты кондитерской в соцсетях: три поста в неделю и ежедневные сторис\n"
        "- запускать розыгрыши для роста подписчиков\n- договариваться о рекламе с городскими блогерами\n"
        "- готовить отчёт по охватам\n"
    )
    finding = next(f for f in linter.lint(text, title="Комьюнити-менеджер / SMM").findings if f.code == "CM001")
    assert "это роль «SMM», а не «комьюнити»" in finding.message
    both = text + "- знакомить постоянных гостей друг с другом на вечерах дегустаций\n- вести чат постоянных гостей\n"
    assert "CM001" not in linter.lint(both, title="Комьюнити-менеджер / SMM").codes()


def test_a_compatible_role_that_does_the_whole_job_is_the_job() -> None:
    """Events fit a community manager alongside community work; with none of it, the job is an event manager's
    even when the events hold only half of the phrases (the rest other roles')."""
    result = decided(("community",), phrases({"event": 2.5, "support": 1.5, "account": 1.0}), SILENT, SCORING)
    assert (result.confused, result.kind, result.actual) == (True, "role", "event")
    assert "event" not in result.fitting
    kept = decided(("community",), phrases({"community": 2.0, "event": 2.5, "support": 1.5}), SILENT, SCORING)
    assert not kept.confused and "event" in kept.fitting


def test_with_none_of_the_title_role_the_leading_compatible_role_is_the_job() -> None:
    """A «Комьюнити-менеджер» of an event agency with no community work, whose events lead the phrases without
    holding half of them (the rest client service): the job is an event manager's. Read as the support that the
    rest names, the model (reading marketing) vetoed it. With a tenth of community work the events still fit."""
    mass = {"event": 2.2, "support": 1.5, "account": 1.3}
    marketing = lines([{"marketing_pr": 0.6, "support": 0.1}] * 5)
    result = decided(("community",), phrases(mass), marketing)
    assert (result.confused, result.kind, result.actual) == (True, "role", "event")
    assert not decided(("community",), phrases({"community": 0.6, **mass}), marketing).confused


@pytest.mark.parametrize(
    ("title_roles", "mass", "actual"),
    [
        (("community",), {"event": 6.0, "community": 2.4, "account": 1.5}, "event"),  # a quarter is community work
        (("moderation",), {"community": 7.0, "moderation": 1.6, "event": 1.2}, "community"),  # a sixth moderation
    ],
)
def test_a_side_share_of_the_title_role_does_not_keep_the_job(
    title_roles: tuple[str, ...], mass: dict[str, float], actual: str
) -> None:
    """A related role that holds most of the phrases takes the posting over while the title's own role holds
    less than ``max_own_share`` (0.3, from the grid of ``tools/decision_grid.py``); at 0.1 a quarter or a sixth
    of the phrases kept it."""
    result = decided(title_roles, phrases(mass), SILENT, SCORING)
    assert (result.confused, result.actual) == (True, actual)
    assert not decided(title_roles, phrases(mass), SILENT, Scoring(max_own_share=0.1)).confused


def test_a_broader_job_is_named_even_where_some_of_the_title_role_is_there() -> None:
    """A moderator's work is one part of a community manager's: when community work holds most of the phrases
    on ``min_broader_ratio`` times as many lines as moderation, the posting is a community manager's, even though
    moderation holds more than ``max_own_share``; on as many lines as moderation it is not."""
    profile = phrases({"community": 6.0, "moderation": 3.5}, lines={"community": 4, "moderation": 2})
    result = decided(("moderation",), profile, SILENT, SCORING)
    assert (result.confused, result.kind, result.actual) == (True, "role", "community")
    assert "community" not in result.fitting
    assert not decided(("moderation",), profile, SILENT, Scoring(min_broader_ratio=3.0)).confused
    even = phrases({"community": 6.0, "moderation": 3.5}, lines={"community": 3, "moderation": 3})
    assert not decided(("moderation",), even, SILENT, SCORING).confused


def test_a_broader_job_must_be_alongside() -> None:
    """`part_of` narrows `alongside`: only a role that fits next to the title's own work can be its broader job."""
    fields = {"label": "x", "board_name": "X", "titles": ["X"], "duties": [{"phrase": "x"}], "compatible": ["event"]}
    assert Role.model_validate({**fields, "alongside": ["event"], "part_of": ["event"]}).part_of == ["event"]
    with pytest.raises(ValidationError, match="alongside"):
        Role.model_validate({**fields, "part_of": ["event"]})


def test_a_moderator_who_mostly_welcomes_and_connects_members_is_confused(linter: Linter) -> None:
    """Some deleting of spam does not make a posting of newcomers, meetups and ambassadors a moderator's."""

    def flagged(duties: list[str]) -> bool:
        text = "Обязанности:\n" + "".join(f"- {duty}\n" for duty in duties)
        report = linter.lint(text, title="Модератор чата выпускников")
        return "CM001" in {finding.code for finding in report.findings}

    assert flagged(
        [
            "встречать новичков в чате и знакомить их со старшими выпускниками",
            "собирать выпускников на ежемесячные встречи и летний слёт",
            "запустить программу амбассадоров в каждом городе",
            "помогать участникам находить друг друга по профессии и городу",
            "удалять спам и следить за правилами чата",
            "банить ботов и нарушителей",
        ]
    )
    assert not flagged(
        [
            "модерировать комментарии и обсуждения в чате",
            "удалять спам, рекламу и оскорбления",
            "банить ботов и нарушителей",
            "следить за соблюдением правил чата",
            "встречать новичков и закреплять для них правила",
        ]
    )


def test_an_event_manager_who_runs_a_community_in_english_is_confused(linter: Linter) -> None:
    """English duty lines in any word form: a club's volunteers, newcomers and members' nights are community work,
    and the meetups another team runs («stay with the events team») are not the job's."""
    text = (
        "What you will do:\n- welcoming newcomers to our hiking club and pairing them with experienced members\n"
        "- coaching volunteer trail leaders and thanking them every season\n"
        "- hosting members' nights where hikers share routes with each other\n"
        "- keeping the club forum friendly\n"
        "- Venue booking and catering stay with the events team\n"
    )
    assert "CM001" in linter.lint(text, title="Event Manager").codes()
    assert "CM001" not in linter.lint(text, title="Community Manager").codes()


def test_a_community_manager_who_mostly_runs_events_is_confused(linter: Linter) -> None:
    """One line of community work among an event agency's duties does not keep the title: the title's own role
    holds less than ``max_own_share`` of the phrases and events hold most of them."""
    text = (
        "Обязанности:\n- организация конференций и выставок под ключ\n"
        "- поиск площадок и подрядчиков для мероприятий\n- согласование кейтеринга и техники\n"
        "- составление сметы мероприятий\n- знакомить участников клуба друг с другом\n- ведение базы клиентов"
    )
    report = linter.lint(text, title="Комьюнити-менеджер")
    assert "CM001" in report.codes()
    assert report.suggested_titles[0].role == "event"


def test_the_technology_of_making_food_fits_a_cook(linter: Linter) -> None:
    """Recipes, technical cards and tastings read as a production technologist's lines: a confectioner's own work."""
    text = (
        "Обязанности:\n- разработка рецептур новых пирожных и тортов\n"
        "- составление технологических карт и технических условий на новые изделия\n"
        "- проведение дегустаций и отработка образцов\n- контроль соблюдения технологии в цехе\n"
        "- подготовка документации для запуска изделий в серию\n"
    )
    assert "CM001" not in linter.lint(text, title="Кондитер").codes()


def test_an_agency_account_manager_who_runs_the_clients_projects_is_not_confused(linter: Linter) -> None:
    """An account manager of a web studio sets the specialists' tasks and keeps their deadlines: the client's
    projects are the job (invented wording)."""
    text = (
        "Обязанности:\n"
        "- ставить задачи дизайнерам, программистам и контент-менеджерам по сайтам клиентов\n"
        "- контролировать сроки, качество и бюджет работ по каждому проекту\n"
        "- составлять план работ и этапы проекта, вести задачи в трекере\n"
        "- проводить созвоны с командой проекта и принимать результаты\n"
        "- согласовывать с клиентом этапы и сроки работ\n"
    )
    assert "CM001" not in linter.lint(text, title="Аккаунт-менеджер в веб-студию").codes()


def test_a_community_of_parents_under_an_smm_title_is_confused(linter: Linter) -> None:
    """The model reads a line about parents as a teacher's; the community phrases on it still count (one prose
    line of duties, as small employers write them)."""
    text = (
        "Обязанности: развивать сообщество родителей наших школ, знакомить новые семьи с родителями старших "
        "классов, собирать родительский совет и поддерживать инициативы родителей, устраивать семейные праздники "
        "и встречи родителей с педагогами.\nТребования: опыт работы с родительскими сообществами.\n"
    )
    report = linter.lint(text, title="SMM-менеджер")
    assert "CM001" in {finding.code for finding in report.findings}


def test_community_work_the_model_cannot_read_is_the_job_under_an_occupation_title() -> None:
    """Phrases judge a title of occupations only for work the model cannot read (community): when it holds most
    of the phrases and enough of the lines; a salesperson's phrases under it are still the model's to judge."""

    def judged(title: str, mass: dict[str, float], lines: dict[str, float]) -> tuple[bool, str | None]:
        result = decided((title,), phrases(mass), SILENT, SCORING, duties=DutyProfile(lines))
        return result.confused, result.actual

    assert judged("project", {"community": 5.0}, {"community": 3.0, "project": 3.0}) == (True, "community")
    assert judged("project", {"community": 5.0}, {"community": 1.0, "project": 4.0}) == (False, None)
    assert judged("project", {"community": 2.0, "event": 2.0}, {"community": 3.0}) == (False, None)
    assert judged("administrator", {"sales": 9.0}, {"sales": 5.0}) == (False, None)
    strict = Scoring(occupations=OccupationWeights(member_roles=frozenset()))
    assert not decided(
        ("project",), phrases({"community": 5.0}), SILENT, strict, duties=DutyProfile({"community": 3.0})
    ).confused


def test_a_project_manager_who_runs_a_members_club_is_confused(linter: Linter) -> None:
    community = (
        "Обязанности:\n- встречать новых резидентов клуба и знакомить их друг с другом\n"
        "- собирать резидентов на ежемесячные завтраки и тематические встречи\n"
        "- запустить совет резидентов и поддерживать их инициативы\n- вести программу амбассадоров среди выпускников\n"
        "- следить за вовлечённостью участников и возвращать тех, кто пропал\n"
    )
    front_desk = (
        "Обязанности:\n- встречать резидентов и гостей на ресепшене\n- бронировать переговорные и принимать оплату\n"
        "- следить за порядком и кофе-точкой\n- отвечать на вопросы резидентов в чате\n"
        "- помогать с организацией встреч резидентов раз в месяц\n"
    )
    assert "CM001" in linter.lint(community, title="Менеджер проектов").codes()
    assert "CM001" not in linter.lint(front_desk, title="Администратор коворкинга").codes()


def test_a_role_that_takes_the_posting_over_is_the_one_named() -> None:
    """An SMM manager's posting of nearly all copywriting is a content manager's, not the salesperson's of its
    one sales phrase."""
    result = decided(("smm",), phrases({"content": 7.0, "sales": 1.0}), SILENT, SCORING)
    assert (result.confused, result.actual) == (True, "content")


def test_a_close_role_fits_without_any_of_the_title_role() -> None:
    """A «Менеджер по продажам» whose phrases are all account work is not confused: the roles are close."""
    assert not decision(("sales",), {"account": 5.0})


def test_fitting_roles_include_the_compatible_ones() -> None:
    result = decided(("community",), phrases({"sales": 1.0}), SILENT, SCORING)
    assert {"community", "event", "moderation"} <= result.fitting


def test_compatible_roles_count_at_the_configured_factor() -> None:
    profile = DutyProfile({"community": 1.0, "event": 1.0})
    fitting = frozenset({"community", "event"})
    assert title_support({"community"}, fitting, profile, 0.6) == pytest.approx(0.8)
    assert title_support({"community"}, fitting, profile, 0.0) == pytest.approx(0.5)


def test_thresholds_come_from_the_scoring_model() -> None:
    mass = {"sales": 3.0, "community": 1.5}
    assert decision(("community",), mass) is False
    strict = Scoring(max_title_support=0.5, min_other_share=0.6)
    assert decision(("community",), mass, strict) is True


ACCOUNTANT_LINES = [{"accountant": 0.8, "finance": 0.1}, {"accountant": 0.7, "office": 0.2}, {"accountant": 0.9}]


def test_another_occupation_is_found_by_the_lines() -> None:
    result = decided(("community",), DutyProfile({}), lines(ACCOUNTANT_LINES), SCORING)
    assert (result.confused, result.kind, result.actual) == (True, "occupation", "accountant")


def test_requirements_alone_tell_no_duties_to_disagree_with_the_title() -> None:
    """A snippet that lists only what it asks for: its requirement lines read as an accountant's, but no duty is
    told, so nothing disagrees with the title; one duty line read with them is enough to ask."""
    scores = lines(ACCOUNTANT_LINES)
    assert not decided(("community",), DutyProfile({}), scores, SCORING, duties=DutyProfile({})).confused
    told = DutyProfile({"accountant": 1.0})
    assert decided(("community",), DutyProfile({}), scores, SCORING, duties=told).confused


def test_the_title_occupation_is_not_confused_with_itself() -> None:
    assert not decided(("accountant",), DutyProfile({}), lines(ACCOUNTANT_LINES), SCORING).confused


def test_related_occupations_fit_the_title() -> None:
    """An economist's posting whose lines read as an accountant's is the same trade."""
    assert not decided(("finance",), DutyProfile({}), lines(ACCOUNTANT_LINES), SCORING).confused


def test_a_researcher_who_writes_code_is_not_confused() -> None:
    """An ML or quantitative researcher writes the code of the models: a developer's lines fit the title."""
    code = [{"developer": 0.8, "data": 0.1}, {"developer": 0.7, "data": 0.2}, {"developer": 0.9}]
    assert not decided(("scientist",), DutyProfile({}), lines(code), SCORING).confused
    assert decided(("lawyer",), DutyProfile({}), lines(code), SCORING).confused


def test_a_related_occupation_that_does_all_the_work_takes_the_posting_over() -> None:
    """A driver may load the van, but a driver's posting of warehouse work only is another job."""
    warehouse = [{"warehouse": 0.8, "driver": 0.05}, {"warehouse": 0.7, "courier": 0.1}, {"warehouse": 0.9}]
    result = decided(("driver",), DutyProfile({}), lines(warehouse), SCORING)
    assert (result.confused, result.kind, result.actual) == (True, "occupation", "warehouse")


def test_a_driver_who_also_loads_is_not_taken_over() -> None:
    mixed = [{"driver": 0.8}, {"warehouse": 0.8, "driver": 0.1}, {"driver": 0.7, "logistics": 0.2}]
    assert not decided(("driver",), DutyProfile({}), lines(mixed), SCORING).confused


def test_no_take_over_within_a_family_the_market_mixes() -> None:
    """Support titles over system administration are common on real boards: the same family (IT)."""
    admin = [{"sysadmin": 0.8, "support": 0.05}, {"sysadmin": 0.7, "devops": 0.1}, {"sysadmin": 0.9}]
    assert not decided(("support",), DutyProfile({}), lines(admin), SCORING).confused


def test_no_take_over_between_a_machinist_and_a_machine_operator() -> None:
    """«Токарь», «Наладчик ЧПУ» and «Оператор станков с ЧПУ» do the same work at the same machines (a family)."""
    machines = [{"production": 0.9, "trades": 0.05}, {"production": 0.8}, {"production": 0.85, "quality": 0.1}]
    assert not decided(("trades",), DutyProfile({}), lines(machines), SCORING).confused
    assert decided(("driver",), DutyProfile({}), lines(machines), SCORING).confused


def test_a_single_unsure_line_is_not_enough() -> None:
    assert not decided(("community",), DutyProfile({}), lines([{"accountant": 0.4, "marketing_pr": 0.2}]), SCORING).confused


def test_related_occupations_of_the_rival_speak_with_one_voice() -> None:
    """A courier's lines that the model splits between delivery, driving and the warehouse are one trade:
    no single one of them wins the margin, together they do."""
    split = [
        {"courier": 0.2, "driver": 0.5, "marketing_pr": 0.05},
        {"courier": 0.25, "warehouse": 0.45, "marketing_pr": 0.05},
        {"courier": 0.2, "driver": 0.4, "marketing_pr": 0.05},
        {"courier": 0.2, "logistics": 0.5, "marketing_pr": 0.05},
    ]
    assert lines(split).margin({"courier"}, {"marketing_pr"}) < SCORING.occupation_min_margin
    result = decided(("community",), DutyProfile({}), lines(split), SCORING)
    assert (result.confused, result.kind, result.actual) == (True, "occupation", "courier")


def test_the_rival_s_trade_reads_as_often_as_the_share_ratio_asks() -> None:
    """A computer club's «Комьюнити-менеджер» who looks after the machines and the network: the model splits each
    line between system administration and support, so neither alone reads twice as often as marketing; the trade
    does, as it wins the margin."""
    split = [
        {"sysadmin": 0.48, "support": 0.3, "marketing_pr": 0.2},
        {"support": 0.48, "sysadmin": 0.3, "marketing_pr": 0.2},
    ] * 3
    scores = lines(split)
    assert max(scores.shares["sysadmin"], scores.shares["support"]) < SCORING.occupation_share_ratio * 0.2
    result = decided(("community",), DutyProfile({}), scores, SCORING)
    assert (result.confused, result.kind) == (True, "occupation")
    assert result.actual in ("sysadmin", "support")


def test_a_faint_trade_whose_leader_reads_less_than_the_title_is_no_rival() -> None:
    """A psychologists' community manager: the model reads the members' lines faintly as anything — a little
    development, office work, support, technical writing — which add up past twice marketing's share while the
    leader alone reads less often than marketing."""
    faint = [{"developer": 0.09, "qa": 0.08, "devops": 0.08, "tech_writer": 0.08, "sysadmin": 0.07, "marketing_pr": 0.1}] * 6
    scores = lines(faint)
    assert scores.shares["developer"] < scores.shares["marketing_pr"]
    assert not decided(("community",), DutyProfile({}), scores, SCORING).confused
    # The same trade led by a rival that reads more often than marketing is one.
    led = [{"developer": 0.12, "qa": 0.08, "devops": 0.08, "tech_writer": 0.06, "sysadmin": 0.06, "marketing_pr": 0.1}] * 6
    assert decided(("community",), DutyProfile({}), lines(led), SCORING).confused


def test_a_leader_read_as_one_with_its_neighbour_is_a_rival() -> None:
    """A community title over product analytics: the model splits every line between analysis and data work,
    which it confuses on real postings (neighbours), so the analyst alone reads a little less often than marketing;
    together, and clearly on some line, they are one rival."""
    split = [{"marketing_pr": 0.55, "analyst": 0.05, "data": 0.05}] * 2 + [
        {"analyst": 0.25, "data": 0.25, "developer": 0.2, "qa": 0.1, "marketing_pr": 0.02}
    ] * 4
    scores = lines(split)
    assert max(scores.shares["analyst"], scores.shares["data"]) < scores.shares["marketing_pr"]
    neighbours = {"analyst": frozenset({"data"}), "data": frozenset({"analyst"})}
    assert not decided(("community",), DutyProfile({}), scores, SCORING).confused
    result = decided(("community",), DutyProfile({}), scores, SCORING, neighbours=neighbours)
    assert (result.confused, result.kind) == (True, "occupation")
    assert result.actual in ("analyst", "data")
    # The faint reading of everything stays no rival even where two of its occupations are neighbours.
    faint = [{"developer": 0.09, "qa": 0.08, "devops": 0.08, "tech_writer": 0.08, "sysadmin": 0.07, "marketing_pr": 0.1}] * 6
    paired = {"developer": frozenset({"devops"}), "devops": frozenset({"developer"})}
    assert not decided(("community",), DutyProfile({}), lines(faint), SCORING, neighbours=paired).confused


def test_under_an_occupation_title_the_single_rival_must_read_twice_as_often() -> None:
    """The trade's share counts under a community title only: under a lawyer's title the same split, with the
    lawyer's own work read as often as marketing was, stays short of the ratio (out of fold, counting the trade
    under every title added own-title findings, most of them wrong)."""
    split = [
        {"sysadmin": 0.48, "support": 0.3, "lawyer": 0.2},
        {"support": 0.48, "sysadmin": 0.3, "lawyer": 0.2},
    ] * 3
    assert not decided(("lawyer",), DutyProfile({}), lines(split), SCORING).confused


def test_common_ground_between_the_title_and_the_rival_does_not_join_the_rival() -> None:
    """An electronics engineer's lines (circuit boards, firmware, test data) that the model splits between a
    developer's, a data analyst's and a tester's: data and testing also border on the engineering trades that
    fit the title, so only the developer's part speaks against it — not enough for a finding."""
    split = [
        {"developer": 0.3, "data": 0.3, "design_engineer": 0.05},
        {"developer": 0.3, "qa": 0.35, "design_engineer": 0.05},
        {"developer": 0.35, "analyst": 0.3, "design_engineer": 0.05},
        {"developer": 0.3, "data": 0.35, "design_engineer": 0.05},
    ]
    assert not decided(("design_engineer",), DutyProfile({}), lines(split), SCORING).confused
    # A developer's own lines still tell, under the same title:
    coding = [{"developer": 0.8, "design_engineer": 0.05}] * 4
    assert decided(("design_engineer",), DutyProfile({}), lines(coding), SCORING).confused


def test_common_ground_is_kept_for_a_community_title() -> None:
    """Under a community title, the trades next to marketing still join the rival: the distinctions are the
    point of CM001 there."""
    split = [
        {"developer": 0.3, "analyst": 0.35, "marketing_pr": 0.05},
        {"developer": 0.3, "project": 0.35, "marketing_pr": 0.05},
        {"developer": 0.35, "analyst": 0.3, "marketing_pr": 0.05},
        {"developer": 0.3, "designer": 0.35, "marketing_pr": 0.05},
    ]
    result = decided(("community",), DutyProfile({}), lines(split), SCORING)
    assert (result.confused, result.actual) == (True, "developer")


def test_lines_that_only_lean_toward_an_occupation_do_not_name_it() -> None:
    """Many lines the model places nowhere (a tenth for developers on each, as with English text) add up to
    a margin, but no line says the job is a developer's."""
    leaning = [{"developer": 0.12}] * 12
    assert not decided(("office",), DutyProfile({}), lines(leaning), SCORING).confused
    one_clear = [*leaning, {"developer": 0.8}]
    assert decided(("office",), DutyProfile({}), lines(one_clear), SCORING).confused


def test_a_short_posting_of_sure_lines_is_enough() -> None:
    """Two lines read only as an accountant's cannot reach the margin of a long posting, but say the job as
    clearly; two lines that only lean that way do not."""
    sure = lines([{"accountant": 0.5}, {"accountant": 0.45}], weight=0.75)
    assert sure.margin({"accountant"}, {"marketing_pr"}) < SCORING.occupation_min_margin
    result = decided(("community",), DutyProfile({}), sure, SCORING)
    assert (result.confused, result.actual) == (True, "accountant")
    leaning = lines([{"accountant": 0.45, "marketing_pr": 0.1}, {"accountant": 0.5, "marketing_pr": 0.1}], weight=0.75)
    assert not decided(("community",), DutyProfile({}), leaning, SCORING).confused


def test_fitting_occupations_of_a_fine_role_are_its_own_not_every_marketing_job() -> None:
    assert fitting_occupations({"community"}, TAXONOMY) == {"marketing_pr"}
    assert {"developer", "devops", "qa"} <= fitting_occupations({"developer"}, TAXONOMY)


def test_nothing_is_decided_when_a_part_of_the_title_could_not_be_read() -> None:
    scores = lines(ACCOUNTANT_LINES)
    assert decided(("community",), DutyProfile({}), scores, SCORING).confused
    assert not decided(("community",), DutyProfile({}), scores, SCORING, whole=False).confused


def test_no_take_over_of_an_occupation_the_model_does_not_read() -> None:
    """A related occupation cannot take over a title whose own occupation the model has no label for."""
    selling = lines([{"sales": 0.9, "support": 0.05}] * 6)
    assert "realty" not in selling.log_scores
    assert not decided(("realty",), DutyProfile({}), selling, SCORING).confused


#: Lines of a PLC programmer's duties (controllers, commissioning): the model reads them as a power engineer's.
CONTROLLER_LINES = [{"power_engineer": 0.9, "developer": 0.05}, {"power_engineer": 0.8}, {"power_engineer": 0.85}]


def test_a_neighbour_in_the_data_does_not_take_a_posting_over() -> None:
    """Occupations the model confuses on held-out postings under their own titles share their duties."""
    taken = decided(("developer",), DutyProfile({}), lines(CONTROLLER_LINES), SCORING)
    assert (taken.confused, taken.actual) == (True, "power_engineer")
    neighbours = {"developer": frozenset({"power_engineer"}), "power_engineer": frozenset({"developer"})}
    kept = decided(("developer",), DutyProfile({}), lines(CONTROLLER_LINES), SCORING, neighbours=neighbours)
    assert not kept.confused


def test_neighbours_do_not_excuse_an_unrelated_occupation() -> None:
    neighbours = {"developer": frozenset({"power_engineer"})}
    result = decided(("developer",), DutyProfile({}), lines(ACCOUNTANT_LINES), SCORING, neighbours=neighbours)
    assert (result.confused, result.actual) == (True, "accountant")


def test_neighbours_do_not_widen_a_community_title() -> None:
    """The community-adjacent roles keep their fine distinctions: a neighbour of marketing in the data still confuses."""
    sales = [{"sales": 0.8}, {"sales": 0.7, "marketing_pr": 0.1}, {"sales": 0.9}]
    neighbours = {"marketing_pr": frozenset({"sales"}), "sales": frozenset({"marketing_pr"})}
    result = decided(("community",), DutyProfile({}), lines(sales), SCORING, neighbours=neighbours)
    assert (result.confused, result.actual) == (True, "sales")


def test_what_the_title_context_names_fits_the_title() -> None:
    """A reviewer «на курс "Java-разработчик"» reads code: the course's subject is context that fits."""
    code = [{"developer": 0.8}, {"developer": 0.7, "teacher": 0.1}, {"developer": 0.9}]
    assert decided(("teacher",), DutyProfile({}), lines(code), SCORING).confused
    assert not decided(("teacher",), DutyProfile({}), lines(code), SCORING, context=("developer",)).confused


def test_the_context_of_a_fine_role_fits_only_beside_its_own_work() -> None:
    """«Community Manager (Analytics)»: analytics beside community work is the job's context; with no community
    work at all, the title only names a community manager over an analyst's job."""
    analytics = [{"data": 0.8}, {"data": 0.7, "analyst": 0.2}, {"data": 0.9}]
    community = phrases({"community": 3.0})
    assert not decided(("community",), community, lines(analytics), SCORING, context=("data",)).confused
    result = decided(("community",), DutyProfile({}), lines(analytics), SCORING, context=("data",))
    assert (result.confused, result.actual) == (True, "data")


def test_the_model_can_overrule_phrases_of_another_occupation() -> None:
    """A recruiter's posting that talks about selling vacancies: phrases say sales, every line reads as HR."""
    profile = phrases({"sales": 5.0, "hr": 0.5})
    recruiting = [{"hr": 0.8, "sales": 0.1}, {"hr": 0.7, "sales": 0.1}, {"hr": 0.9}]
    assert decided(("hr",), profile, SILENT, SCORING).confused
    assert not decided(("hr",), profile, lines(recruiting), SCORING).confused


def test_the_model_does_not_overrule_phrases_within_one_occupation() -> None:
    """Community and SMM are one occupation to the model: the phrases alone tell them apart."""
    profile = phrases({"smm": 5.0, "community": 0.2})
    marketing = [{"marketing_pr": 0.9}, {"marketing_pr": 0.8}, {"marketing_pr": 0.9}]
    assert decided(("community",), profile, lines(marketing), SCORING).confused


def test_phrases_on_the_same_words_are_one_witness() -> None:
    """«Встречи с потенциальными клиентами» names sales and account work, but it is one phrase of the duties."""
    mass = {"sales": 2.0, "account": 2.0}
    same = DutyProfile(mass, {"sales": 1, "account": 1}, {"sales": ((10, 14),), "account": ((11, 14),)})
    apart = DutyProfile(mass, {"sales": 1, "account": 1}, {"sales": ((10, 14),), "account": ((20, 23),)})
    assert not decided(("smm",), same, SILENT, SCORING).confused
    assert decided(("smm",), apart, SILENT, SCORING).confused


def test_an_smm_manager_who_runs_a_channel_is_not_confused(linter: Linter) -> None:
    text = (
        "Обязанности:\n- Создание и ведение Telegram канала бренда\n- Помощь в организации мероприятий\n"
        "- Обработка входящих запросов от партнёров\n"
    )
    report = linter.lint(text, title="SMM-специалист")
    assert "CM001" not in {finding.code for finding in report.findings}


def test_a_course_reviewer_who_reads_code_is_not_confused(linter: Linter) -> None:
    """The subject of a course named in the title's context fits its duties; without it, they are a developer's."""
    text = (
        "Обязанности:\n- Проводить код-ревью на Python и Django\n- Проверять архитектуру, тесты и стиль кода\n"
        "- Разбирать ошибки в SQL-запросах и API\n- Писать примеры кода на FastAPI\n"
        "Требования:\n- Опыт backend-разработки на Python от трёх лет\n- Знание Django, FastAPI, PostgreSQL, Docker\n"
    )

    def flagged(title: str) -> bool:
        return "CM001" in {finding.code for finding in linter.lint(text, title=title).findings}

    assert flagged("Ревьюер на курс")
    assert not flagged("Ревьюер на курс «Python-разработчик»")
    assert not flagged("Наставник курса для разработчиков")


def test_business_development_admits_market_analysis_and_nothing_else(linter: Linter) -> None:
    """A business development title is wider than selling: market and strategic analysis fit it (not a sales
    title's), while a community job under it is still a confusion."""
    analysis = (
        "Обязанности:\n- исследовать рынки и оценивать их объём\n- анализировать конкурентов и их ценовые модели\n"
        "- строить финансовые модели новых направлений\n- готовить аналитические записки для совета директоров\n"
        "- считать юнит-экономику и окупаемость проектов\n"
        "- собирать данные отраслевых отчётов и сводить их в дашборды\n"
    )
    community = (
        "Обязанности:\n- организовывать встречи и митапы участников клуба\n"
        "- знакомить новичков с другими участниками и помогать им освоиться\n"
        "- модерировать общий чат участников и следить за правилами сообщества\n"
        "- запускать программу амбассадоров среди активных участников\n"
    )

    def flagged(text: str, title: str) -> bool:
        return "CM001" in {finding.code for finding in linter.lint(text, title=title).findings}

    assert flagged(analysis, "Менеджер по продажам")
    assert flagged(analysis, "Менеджер по развитию продаж")
    assert not flagged(analysis, "Менеджер по развитию бизнеса")
    assert not flagged(analysis, "Business Development Manager")
    assert flagged(community, "Менеджер по развитию")


def test_an_alongside_role_must_be_compatible() -> None:
    """`alongside` narrows `compatible`: a role that never fitted cannot stop fitting."""
    fields = {"label": "x", "board_name": "X", "titles": ["X"], "duties": [{"phrase": "x"}]}
    assert Role.model_validate({**fields, "compatible": ["event"], "alongside": ["event"]}).alongside == ["event"]
    with pytest.raises(ValidationError, match="compatible"):
        Role.model_validate({**fields, "compatible": ["event"], "alongside": ["sales"]})
