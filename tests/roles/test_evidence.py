import random

import pytest
from pydantic import ValidationError

from cmlint import Linter, Posting
from cmlint.resources import load_yaml
from cmlint.roles.evidence import MARKERS_FILE, Evidence, Markers, _dedupe, without_objects_of_other_work

DUTIES = "Обязанности:\n"


def profile(linter: Linter, body: str) -> dict[str, float]:
    """The phrase evidence's profile (what this module tests)."""
    return linter.engine.analyzer.analyze(Posting(text=body, title="Специалист")).roles.profile.shares()


@pytest.mark.parametrize(
    ("duty", "role"),
    [
        ("- холодные звонки по базе", "sales"),
        ("- выполнение плана продаж", "sales"),
        ("- продавать курсы в переписке", "sales"),
        ("- «Холодные» звонки", "sales"),
        ("- write two blog articles per week", "content"),
        ("- write and edit our weekly newsletter", "content"),
        ("- create case studies from customer interviews", "content"),
        ("- write patch notes and devlogs for Steam", "content"),
        ("- prepare texts and screenshots for the store page", "content"),
        ("- развитие отношений с пулом рекламодателей", "account"),  # an ad network's clients are its advertisers
        ("- сопровождение ключевых рекламодателей", "account"),
        # a portfolio of the businesses a platform serves: its accounts
        ("- вести портфель из 120 ресторанов и кафе города", "account"),
        ("- вести портфель из 40 брендов, отвечать за их оборот на площадке", "account"),
    ],
)
def test_the_duty_line_decides_the_leading_role(linter: Linter, duty: str, role: str) -> None:
    shares = profile(linter, DUTIES + duty)
    assert max(shares, key=shares.get) == role


@pytest.mark.parametrize(
    ("duty", "role", "counts"),
    [
        # A participle describing a noun is copy to write, not selling: «продающие объявления».
        ("- подготовка продающих объявлений\n- продающие посты для соцсетей", "sales", False),
        ("- продавать товары покупателям", "sales", True),
        # A plan fulfilled is a seller's only when it is a sales plan: production, works and repairs have plans too.
        ("- контролировать выполнение производственного плана", "sales", False),
        ("- контролировать выполнение плана", "sales", False),
        ("- выполнять личный план продаж", "sales", True),
        # «развивать сообщество» is community work; administering or filling a group page is SMM.
        ("- развивать сообщество владельцев собак", "smm", False),
        ("- оформлять и наполнять сообщество бренда", "smm", True),
        # An online forum is a place to answer, not an event to organise.
        ("- отвечать на форуме и следить за темами", "event", False),
        ("- организовать отраслевой форум на 500 гостей", "event", True),
        # Proposing solutions is solving problems; offering the company's products is selling.
        ("- анализировать узкие места и предлагать решения по оптимизации", "sales", False),
        ("- предлагать продукты банка действующим клиентам", "sales", True),
        # a portfolio of projects, orders or investments is no client's
        ("- управлять портфелем проектов отдела", "account", False),
        ("- вести портфель заказов производства", "account", False),
    ],
)
def test_a_look_alike_word_counts_only_in_its_own_sense(linter: Linter, duty: str, role: str, counts: bool) -> None:
    assert (role in profile(linter, DUTIES + duty)) is counts


@pytest.mark.parametrize(
    "duty",
    [
        "- не нужно продавать",
        "- без холодных звонков",
        "- никаких продаж",
        "- продавать не придётся",
        "- холодных звонков нет",
    ],
)
def test_negation_cancels_a_duty(linter: Linter, duty: str) -> None:
    assert "sales" not in profile(linter, DUTIES + duty)
    # The occupation model does not see negation: the cancelled role's occupation leaves its reading too.
    assert "sales" not in linter.lint(DUTIES + duty, title="Специалист").duty_profile


@pytest.mark.parametrize(
    "line",
    [
        "- Продажи, продления и техподдержка — в других отделах",
        "- Касса и продажи — не ваши задачи, для этого есть администраторы",
        "- Холодные звонки не входят в ваши обязанности",
        "- Продажами занимается отдел продаж",
        "- Продажа и ответы по заказам — не в твоих задачах",
        "- Касса — не твоя забота",
    ],
)
def test_a_line_that_gives_the_work_to_someone_else_is_not_a_duty(linter: Linter, line: str) -> None:
    """Neither the phrases nor the occupation model read a line saying whose work it is instead."""
    body = DUTIES + "- вести чат клиентов\n" + line
    analyzed = linter.engine.analyzer.analyze(Posting(text=body, title="Специалист"))
    assert "sales" not in analyzed.roles.profile.shares()
    assert len(analyzed.roles.lines) == 1
    assert "sales" in profile(linter, DUTIES + "- вести чат клиентов\n- продажи и продления подписок")


def test_a_line_that_hands_over_in_passing_keeps_its_duty(linter: Linter) -> None:
    """«переводить звонки в другие отделы» is the support duty itself, not a disclaimer."""
    assert "support" in profile(linter, DUTIES + "- принимать звонки клиентов и переводить их в другие отделы")


def test_not_only_is_not_a_negation(linter: Linter) -> None:
    assert "sales" in profile(linter, DUTIES + "- не только продавать, но и консультировать")


@pytest.mark.parametrize(
    "text",
    [
        "Требования:\n- опыт продаж от года",
        "Требования:\n- опыт в SMM будет плюсом",
        "Условия:\n- процент от продаж",
        "О компании:\nМы продаём курсы программирования",
    ],
)
def test_requirements_conditions_and_company_are_not_duties(linter: Linter, text: str) -> None:
    assert profile(linter, text) == {}


@pytest.mark.parametrize(
    "duty",
    [
        "- работать вместе с отделом продаж",
        "- передавать обращения в поддержку",
        "- синхронизироваться с менеджерами по продажам",
    ],
)
def test_cooperation_is_not_a_duty_of_that_role(linter: Linter, duty: str) -> None:
    found = profile(linter, DUTIES + duty)
    assert "sales" not in found and "support" not in found


def test_readiness_counts_half(linter: Linter) -> None:
    def mass(body: str) -> float:
        return linter.engine.analyzer.analyze(Posting(text=body, title="Специалист")).roles.profile.mass["sales"]

    assert mass("Требования:\n- готовность к холодным звонкам") == mass(DUTIES + "- холодные звонки") / 2


def test_community_duties(linter: Linter) -> None:
    body = DUTIES + "- организовывать митапы участников\n- знакомить новичков друг с другом\n- развивать программу амбассадоров"
    assert profile(linter, body) == {"community": 1.0}


@pytest.mark.parametrize(
    "duty",
    [
        "- вести страницу кофейни под её цели: поиск новых покупателей",
        "- публиковать сторис в соцсетях для привлечения новых клиентов",
    ],
)
def test_the_aim_of_the_work_is_not_the_work(linter: Linter, duty: str) -> None:
    """What the work is for («цели: поиск новых покупателей», «для привлечения клиентов») counts far less than
    the work itself; the same phrase as the work counts in full."""
    aimed = profile(linter, DUTIES + duty)
    assert aimed.get("sales", 0.0) < 0.5
    assert profile(linter, DUTIES + "- поиск новых покупателей").get("sales", 0.0) == 1.0


@pytest.mark.parametrize(
    "duty",
    [
        "- run the ambassador programme for our power users",
        "- host a monthly AMA with the founders",
        "- collect feedback from members and pass it to the product team",
        "- координировать модераторов чата",
    ],
)
def test_community_duties_in_english_and_over_moderators(linter: Linter, duty: str) -> None:
    assert profile(linter, DUTIES + duty) == {"community": 1.0}


@pytest.mark.parametrize(
    "duty",
    [
        "- greeting newcomers in the club chat and pairing them with mentors",
        "- coaching the volunteer moderators of our forum",
        "- hosting monthly fan meetups in three cities",
        "- helping parents meet each other and swap clothes",
        "- tracking how many members keep returning each season",
    ],
)
def test_community_work_in_english_in_any_form(linter: Linter, duty: str) -> None:
    """English words are not lemmatized: a phrase in its base form («welcome member») matches every form."""
    assert profile(linter, DUTIES + duty) == {"community": 1.0}


def test_a_clause_that_ends_in_no_and_an_adverb_denies_the_work(linter: Linter) -> None:
    body = DUTIES + "- вести клуб выпускников\n- Холодных звонков и планов продаж у нас нет совсем"
    assert "sales" not in profile(linter, body)


def test_what_another_team_does_is_not_a_duty(linter: Linter) -> None:
    """The other team is the subject: «Рекламные кампании ведёт соседняя команда»."""
    body = DUTIES + "- вести клуб выпускников\n- Холодные звонки и план продаж ведёт соседний отдел"
    assert "sales" not in profile(linter, body)


def test_what_stays_with_another_team_in_english_is_not_a_duty(linter: Linter) -> None:
    body = DUTIES + "- run the alumni club\n- Cold calls and the sales plan stay with the sales team"
    assert "sales" not in profile(linter, body)


@pytest.mark.parametrize(
    "duty",
    [
        "- знакомить жильцов квартала, чтобы соседи выручали друг друга",
        "- собирать родителей школы на осенний праздник",
        "- поддерживать начинания активистов посёлка",
        "- устраивать встречи форумчан в разных городах",
        "- проводить челленджи для новичков клуба",
    ],
)
def test_community_members_are_not_only_participants(linter: Linter, duty: str) -> None:
    """Neighbours, parents, activists, forum regulars and newcomers are members too; people who help each
    other («друг другу», «друг друга») are a community, whatever preposition stands between."""
    assert max(profile(linter, DUTIES + duty).items(), key=lambda pair: pair[1])[0] == "community"


@pytest.mark.parametrize(
    "duty",
    [
        "- продавать спонсорские пакеты партнёрам выставки",
        "- искать новых рекламодателей для журнала",
        "- negotiate and get contracts signed with exhibitors",
        "- pitch sponsorship packages and hit the quarterly revenue target",
    ],
)
def test_sponsorship_and_english_sales(linter: Linter, duty: str) -> None:
    assert max(profile(linter, DUTIES + duty).items(), key=lambda pair: pair[1])[0] == "sales"


def test_what_an_agency_does_is_not_a_duty(linter: Linter) -> None:
    body = DUTIES + "- вести чат клиентов\n- Контент-план, посевы и визуал для постов: этим занимается агентство"
    assert "smm" not in profile(linter, body)


def test_what_goes_to_another_team_after_a_dash_is_not_a_duty(linter: Linter) -> None:
    """«… жалоба — передавать в поддержку» hands the complaint on; «… — согласовывать с …» keeps the work."""
    assert "support" not in profile(linter, DUTIES + "- если в чате пишут о сбое или жалобе — передавать в поддержку")
    assert "smm" in profile(linter, DUTIES + "- контент-план на месяц — согласовывать с директором")


def test_what_stays_with_another_team_is_not_a_duty(linter: Linter) -> None:
    body = DUTIES + "- вести клуб выпускников\n- Подбор и адаптация новых сотрудников остаются за отделом кадров"
    assert "hr" not in profile(linter, body)


def test_a_team_named_by_its_trade_before_a_hyphen_takes_the_work_too(linter: Linter) -> None:
    """«остаются за SMM-агентством»: the trade stands between the preposition and the team («*» in the
    disclaimer); the same work without it is a duty."""
    work = "- Рекламные кампании и ведение брендовых аккаунтов в соцсетях"
    assert "smm" in profile(linter, DUTIES + "- вести клуб выпускников\n" + work)
    assert "smm" not in profile(linter, DUTIES + "- вести клуб выпускников\n" + work + " остаются за SMM-агентством")


def test_a_disclaimer_starts_with_a_word() -> None:
    """Disclaimers are found where their first word stands, so «*» cannot lead one."""
    shipped = load_yaml(MARKERS_FILE)
    with pytest.raises(ValidationError, match="должна начинаться со слова"):
        Markers.model_validate({**shipped, "disclaimers": ["* отдел"]})


@pytest.mark.parametrize(
    "duty",
    ["- собирать идеи и пожелания игроков для геймдизайнеров", "- запустить программу наставничества среди резидентов"],
)
def test_members_voice_and_mentoring_programs_are_community_work(linter: Linter, duty: str) -> None:
    assert profile(linter, DUTIES + duty) == {"community": 1.0}


@pytest.mark.parametrize(
    "duty",
    [
        "- помогать жительницам двора договариваться о субботниках",
        "- поддерживать взаимовыручку в клубе выпускниц",
        "- подбирать наставников для новичков секции",
        "- проводить для выпускниц ежемесячные встречи",
        "- считать, сколько студенток остаются в клубе после первого месяца",
        "- познакомить соседок по общежитию",
    ],
)
def test_more_ways_to_say_members_meet_and_stay(linter: Linter, duty: str) -> None:
    """Members in the feminine, verbs in both aspects, helping members deal with each other, mentors
    for newcomers, meetings named after the members, how many members stay."""
    assert profile(linter, DUTIES + duty) == {"community": 1.0}


def test_a_bare_group_is_not_a_social_network_page(linter: Linter) -> None:
    assert "smm" not in profile(linter, DUTIES + "- развивать тематические группы инженеров")
    assert "smm" in profile(linter, DUTIES + "- оформлять группу и вести её в соцсетях")


def test_answers_to_citizens_are_support(linter: Linter) -> None:
    assert profile(linter, DUTIES + "- давать ответы заявителям по срокам рассмотрения") == {"support": 1.0}


def test_a_heading_that_disclaims_the_work_disclaims_its_items(linter: Linter) -> None:
    body = DUTIES + "- вести клуб выпускников\n\nНе ваша задача:\n- продажи и холодные звонки\n"
    assert "sales" not in profile(linter, body)
    assert "sales" not in profile(linter, DUTIES + "- вести клуб выпускников\nНе ваша задача: продажа абонементов")


def test_a_clause_that_ends_in_no_denies_the_work(linter: Linter) -> None:
    assert "pr" not in profile(linter, DUTIES + "- вести клуб выпускников\n- Работы с журналистами и редакциями в этой должности почти нет")
    assert "support" in profile(linter, DUTIES + "- отвечать на вопросы клиентов, если ответа в базе нет")


@pytest.mark.parametrize(
    "duty",
    ["- помогать новичкам секции с первым снаряжением", "- проводить мастер-классы и воркшопы для выпускников школы"],
)
def test_helping_newcomers_and_workshops_for_members(linter: Linter, duty: str) -> None:
    assert profile(linter, DUTIES + duty) == {"community": 1.0}


@pytest.mark.parametrize(
    ("title", "body", "name"),
    [
        ("SMM-менеджер", "Мы ищем SMM-менеджера, который будет работать с нашей кофейней.\nЖдём отклика", "SMM"),
        ("Комьюнити-менеджер", "Ищем комьюнити-менеджера, который будет вести уроки в группах", "комьюнити"),
    ],
)
def test_the_positions_own_name_in_the_body_is_not_its_work(linter: Linter, title: str, body: str, name: str) -> None:
    """«Ищем SMM-менеджера, который …»: the name is whom the posting seeks; only the rest of the line says
    what the work is, to the phrases and to the models alike (invented wording)."""
    analysis = linter.engine.analyzer.analyze(Posting(text=body, title=title)).roles
    assert analysis.mentions[-1].field == "text" and name in analysis.mentions[-1].text
    assert not analysis.evidence


@pytest.mark.parametrize(
    ("duty", "role"),
    [
        # People led to a purchase are sold to, whatever the people are called.
        ("- вовлекать участников марафона в покупку годового абонемента", "sales"),
        ("- подводить выпускников интенсива к оплате программы", "sales"),
        # English duties of a salesperson, a recruiter and a social media manager.
        ("- book intro meetings with studio owners and run product demos", "sales"),
        ("- move deals through the pipeline and hit your monthly quota", "sales"),
        ("- turn trial sign-ups into paying customers", "sales"),
        ("- source candidates for partner startups and run screening calls", "hr"),
        ("- send shortlists to hiring managers every Friday", "hr"),
        ("- run giveaways to grow followers on our Telegram channel", "smm"),
        ("- coordinate influencer campaigns with food bloggers", "smm"),
        ("- write threads and announcements for every release", "smm"),
    ],
)
def test_the_work_is_the_action_whatever_the_people_are_called(linter: Linter, duty: str, role: str) -> None:
    """The line's action decides its role: members led to a purchase, candidates sourced and followers grown are
    sales, recruiting and SMM work."""
    shares = profile(linter, DUTIES + duty)
    assert max(shares, key=shares.get) == role


def test_a_telegram_channel_is_no_community_space(linter: Linter) -> None:
    """A channel broadcasts to subscribers; the chat or group next to it is where members talk."""
    assert "community" not in profile(linter, DUTIES + "- post daily to our Telegram channel")
    assert "community" in profile(linter, DUTIES + "- keep our Telegram group friendly and welcoming")


def test_members_whom_account_work_is_for_are_no_community_work(linter: Linter) -> None:
    """«продлевать членство участников»: the members are whom the renewal is for; a bare mention of them on a
    line an unrelated role's phrase names is not community work (a club's renewals under a community title)."""
    body = (
        DUTIES
        + "- удерживать участников клуба и продлевать их членство\n"
        + "- звонить участникам, у которых заканчивается абонемент\n"
        + "- предлагать участникам продление и апгрейд тарифа\n"
        + "- вести базу участников в CRM\n"
    )
    report = linter.lint(body, title="Комьюнити-менеджер")
    assert "CM001" in report.codes()
    assert report.suggested_titles[0].role == "account"


def test_a_bare_mention_stays_next_to_related_work() -> None:
    """Members at an event are the community's: an event phrase does not take the mention away."""
    mention = Evidence("community", 0.5, 3, 4, 0, ("mention",))
    event = Evidence("event", 2.0, 0, 2, 0)
    account = Evidence("account", 2.0, 0, 2, 1)
    other_line = Evidence("community", 0.5, 5, 6, 1, ("mention",))
    related = {("community", "event"), ("event", "community")}
    shared = Evidence("community", 0.5, 8, 9, 2, ("mention",))
    support = Evidence("support", 1.5, 7, 8, 2)
    community = Evidence("community", 1.0, 9, 10, 2)
    found = [mention, event, account, other_line, shared, support, community]
    kept = without_objects_of_other_work(found, lambda a, b: a == b or (a, b) in related)
    assert kept == (mention, event, account, shared, support, community)  # a line of community work keeps it


@pytest.mark.parametrize(
    "duty",
    [
        "- первичные интервью по видеосвязи",
        "- поиск репетиторов по химии и биологии: hh, рекомендации, профильные вузы",  # a job board named
    ],
)
def test_recruiting_phrases(linter: Linter, duty: str) -> None:
    evidence = linter.engine.analyzer.analyze(Posting(text=DUTIES + duty, title="Специалист")).roles.evidence
    assert {ev.role for ev in evidence} == {"hr"}


def role_mass(linter: Linter, line: str, role: str) -> float:
    """The phrase mass ``role`` gets from ``line``, the one duty of a posting."""
    analyzed = linter.engine.analyzer.analyze(Posting(text=DUTIES + line + "\n", title="Специалист"))
    return analyzed.roles.profile.mass.get(role, 0.0)


def counted_half(linter: Linter, plain: str, marked: str, role: str) -> float:
    """Assert that ``marked`` (the ``plain`` line with a marker) gives ``role`` half the phrase mass ``plain`` gives
    it, and that this is some; the plain mass."""
    whole = role_mass(linter, plain, role)
    assert whole > 0
    assert role_mass(linter, marked, role) == pytest.approx(whole * 0.5)
    return whole


@pytest.mark.parametrize(
    ("plain", "now_and_then", "role"),
    [
        ("- готовить пресс-релизы для СМИ", "- иногда готовить пресс-релизы для СМИ", "pr"),
        ("- готовить пресс-релизы для СМИ", "- изредка готовить пресс-релизы для СМИ", "pr"),
        ("- write two blog articles per week", "- occasionally write two blog articles per week", "content"),
    ],
)
def test_work_done_now_and_then_counts_at_the_occasional_factor(
    linter: Linter, plain: str, now_and_then: str, role: str
) -> None:
    """«Иногда готовить пресс-релизы» is a side duty: its phrases count at ``occasional-factor`` (0.5); the same
    work said plainly counts whole, and the marker reaches no further than its clause."""
    whole = counted_half(linter, plain, now_and_then, role)
    assert role_mass(linter, "- иногда бывают командировки; " + plain[2:], role) == pytest.approx(whole)


def test_a_crm_alone_is_a_hint_of_selling(linter: Linter) -> None:
    """«CRM» stands in developers', analysts' and support specialists' lines as much as in salespeople's: alone it is a
    hint (0.5), and the deal it tracks is what sells."""
    assert role_mass(linter, "- настраивать интеграции бота с CRM", "sales") == pytest.approx(0.5)
    assert role_mass(linter, "- вести сделки в CRM", "sales") > 1.0


@pytest.mark.parametrize(
    ("plain", "taking_part", "role"),
    [
        ("- подбор персонала", "- участие в подборе персонала", "hr"),
        ("- переговоры с ключевыми партнерами", "- участие в переговорах с ключевыми партнерами", "sales"),
        ("- подбор персонала", "- участвовать в подборе персонала", "hr"),
    ],
)
def test_taking_part_in_another_s_work_counts_as_joint_work(
    linter: Linter, plain: str, taking_part: str, role: str
) -> None:
    """«Участие в подборе персонала» is a line manager's part in HR's work, «участие в переговорах» an engineer's or a
    marketer's in sales': joint work, at ``joint-factor`` (0.5)."""
    counted_half(linter, plain, taking_part, role)


@pytest.mark.parametrize(
    "duty", ["- помогать новым контрибьюторам сделать первый вклад", "- помогать новым участникам клуба освоиться"]
)
def test_helping_new_members_in_is_onboarding(linter: Linter, duty: str) -> None:
    """Onboarding by its phrases, not only by the head's reading: open-source contributors are members too
    (as «contributor» is in English lines)."""
    analyzed = linter.engine.analyzer.analyze(Posting(text=DUTIES + duty, title="Специалист"))
    assert any(ev.role == "community" and "connection" in ev.tags for ev in analyzed.roles.evidence)


def test_a_sentence_that_only_announces_the_titles_position_is_not_read(linter: Linter) -> None:
    """«Ищем комьюнити-менеджера в отдел маркетинга!» says whom the company seeks: the department and the team
    around the name are no work.  A sentence that names another position («Требуются курьеры») still tells the job."""
    analyzer = linter.engine.analyzer
    body = "Ищем комьюнити-менеджера в отдел маркетинга!\nВести чат клуба.\nПроводить встречи участников."
    analyzed = analyzer.analyze(Posting(text=body, title="Комьюнити-менеджер"))
    read = {analyzed.text.content[analyzed.text.structure.items[line.item].start :].split("\n")[0] for line in analyzed.roles.lines}
    assert read == {"Вести чат клуба.", "Проводить встречи участников."}
    other = analyzer.analyze(Posting(text="Требуются курьеры в отдел доставки!\nВести чат клуба.", title="Комьюнити-менеджер"))
    assert len(other.roles.lines) == 2


def test_a_match_inside_a_longer_one_of_its_role_is_dropped_the_heavier_of_equal_ones_stays() -> None:
    """:func:`_dedupe` against its definition on random evidence, in and out of text order: longest first (the
    heavier of equal length, then the earlier), a match inside a kept one of its role is dropped; the rest in text
    order."""

    def defined(evidence: list[Evidence]) -> list[Evidence]:
        kept: list[Evidence] = []
        for ev in sorted(evidence, key=lambda e: (-(e.end - e.start), -e.weight, e.start)):
            if not any(k.role == ev.role and k.start <= ev.start and ev.end <= k.end for k in kept):
                kept.append(ev)
        return sorted(kept, key=lambda e: (e.start, e.end, e.role))

    rng = random.Random(0)
    for _ in range(3_000):
        evidence = []
        for index in range(rng.randrange(12)):
            start = rng.randrange(20)
            end = start + rng.randrange(1, 5)
            evidence.append(Evidence(rng.choice("ab"), rng.choice((0.5, 1.0)), start, end, 0, (str(index),)))
        for given in (evidence, sorted(evidence, key=lambda e: (e.start, e.end))):
            found = _dedupe(given)
            assert [id(ev) for ev in found] == [id(ev) for ev in defined(given)]
