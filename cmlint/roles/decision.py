"""Whether a posting's duties support the roles its title names (the decision CM001 reports).

Two questions, asked in order:

1. **Occupation.** Do the duty lines, read by the occupation model, belong to
   the title's occupation (or a related one)?  Each line is a witness; the
   evidence against the title is the margin, in log-probability, between the
   best unrelated occupation and the best fitting one.  A courier's duties
   under «Комьюнити-менеджер» fail here, as does an accountant's.
2. **Role.** When the title names community-adjacent roles, which the model
   cannot tell apart, the phrase evidence decides: a «Комьюнити-менеджер» who sells, an
   «Event-менеджер» who only builds a community.

Made once per posting by the analyzer; CM001 reports it and the checks that
need it (CM004) read it instead of deciding again.  A broad title
(«Директор», «Руководитель направления») is never checked, nor a posting
whose lines say too little (``occupation_min_weight`` of read lines for the
first question, ``min_evidence`` of phrase evidence for the second).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from cmlint.roles.profile import DutyProfile, OccupationScores
from cmlint.roles.taxonomy import Taxonomy
from cmlint.scoring import Scoring


@dataclass(frozen=True, slots=True)
class RoleDecision:
    """The decision: ``confused`` when the duties do not support the title's roles.

    ``kind`` says which question found it (``occupation`` or ``role``);
    ``actual`` is what the duties are instead; ``fitting`` are the title's
    roles and the roles compatible with them.
    """

    confused: bool
    fitting: frozenset[str]
    kind: Literal["occupation", "role"] | None = None
    actual: str | None = None


@dataclass(frozen=True, slots=True)
class TitleClaim:
    """What the title claims: the roles it reads, in order.

    ``whole``: false when a part of a combined title names a position that
    could not be read — the duties may be that part's, so nothing is decided.
    ``context``: roles the title names only as context («… на курс
    "Python-разработчик"»): their duties fit the title in the occupation question (for a title of fine roles
    only beside its own work, :func:`_placed`).
    ``positions``: the roles the title names as positions, not what they work on
    («Менеджер по продажам (системы видеоконтента)» names sales, not content).
    ``admitted``: roles whose work the title's wide names admit («Менеджер по развитию»: an analyst's); their
    duties always fit the title in the occupation question.
    """

    roles: tuple[str, ...]
    whole: bool = True
    context: tuple[str, ...] = ()
    positions: tuple[str, ...] = ()
    admitted: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DutyReading:
    """What the duty lines say: ``profile`` of the phrases, ``scores`` of the occupation model and
    ``duties``, the lines spread over roles and occupations (phrases and the model together), for the work
    the model cannot read under a title of occupations (:func:`_unseen_job`)."""

    profile: DutyProfile
    scores: OccupationScores
    duties: DutyProfile | None = None


@dataclass(frozen=True, slots=True)
class Criteria:
    """What a posting is judged by: the taxonomy, the thresholds and ``neighbours``, per occupation those the
    model confuses with it on held-out real postings under their own titles (the model card's confusion).

    Neighbours widen only what fits the title in the occupation question, and only for a title that names
    occupations of the labour market, never a community-adjacent role, where the distinctions are the mission.
    """

    taxonomy: Taxonomy
    thresholds: Scoring
    neighbours: Mapping[str, frozenset[str]] = field(default_factory=dict)


def decide(title: TitleClaim, reading: DutyReading, criteria: Criteria) -> RoleDecision:
    """Decide for one posting (see :class:`RoleDecision`)."""
    taxonomy, thresholds = criteria.taxonomy, criteria.thresholds
    profile, scores = reading.profile, reading.scores
    roles = {role for role in title.roles if not taxonomy.roles[role].generic}
    fitting = frozenset(roles.union(*(taxonomy.fitting(r) for r in roles)))
    if not roles or not title.whole:
        return RoleDecision(False, fitting)
    if scores.weight >= thresholds.occupation_min_weight and _tells_duties(reading):
        placed = _placed(title.context, roles, profile, taxonomy, thresholds)
        placed |= {taxonomy.occupation_of(role) for role in title.admitted}
        near = _near(roles, placed, criteria.neighbours, taxonomy)
        foreign = _foreign_occupation(roles, scores, criteria, near) or _occupation_taken_over(
            roles, scores, taxonomy, thresholds, near, placed
        )
        if foreign is not None:
            return RoleDecision(True, fitting, "occupation", foreign)
    if profile.total < thresholds.min_evidence:
        return RoleDecision(False, fitting)
    absent = _absent_part(title.positions, profile, taxonomy, thresholds)
    if absent is not None:
        named = frozenset({absent, *taxonomy.fitting(absent)})
        actual = next(role for role, _ in profile.ranked() if role not in named)
        return RoleDecision(True, named, "role", actual)
    if _foreign_witnesses(roles, profile) < thresholds.min_foreign_evidence:
        return RoleDecision(False, fitting)
    if any(taxonomy.roles[r].kind != "role" for r in roles):
        unseen = _unseen_job(fitting, profile, reading.duties, thresholds)
        return RoleDecision(unseen is not None, fitting, "role" if unseen else None, unseen)
    ordered = tuple(role for role in title.roles if role in roles)
    judged = _fitting_here(ordered, fitting, profile, taxonomy, thresholds)
    broader = _broader_job(ordered, profile, taxonomy, thresholds)
    if broader is not None:
        judged -= {broader}
    if broader is not None or _unsupported(roles, judged, profile, thresholds):
        actual = broader or next((role for role, _ in profile.ranked() if role not in judged), profile.ranked()[0][0])
        if _model_disagrees(roles, judged, actual, profile, scores, taxonomy, thresholds):
            return RoleDecision(False, fitting)
        if profile.share(actual) <= share_of(roles, profile):
            # The duties cannot be said to be another role's when the title's own role reads as often.
            return RoleDecision(False, fitting)
        return RoleDecision(True, judged, "role", actual)
    return RoleDecision(False, fitting)


def _absent_part(
    positions: tuple[str, ...], profile: DutyProfile, taxonomy: Taxonomy, thresholds: Scoring
) -> str | None:
    """The position a combined title of fine roles names that the duties leave out, if any.

    An honest split («SMM/комьюнити-менеджер» doing both) is no confusion, but
    a part with no work at all is a name, not a job: a «Комьюнити-менеджер /
    SMM» who only posts and grows followers, a «Community Support /
    Комьюнити-менеджер» who only closes tickets.  The part's own phrases and
    those of the roles that fit it (a community manager's events and
    moderation) must hold less than ``max_absent_part_share`` of the phrases.
    Only positions that are all fine roles: an occupation beside one
    («Аккаунт-менеджер / Project manager») may do the work the phrases do not
    read, and what a position works on («Менеджер по продажам (системы
    видеоконтента)») is no part of the job.
    """
    named = [role for role in positions if not taxonomy.roles[role].generic]
    if len(named) < 2 or any(taxonomy.roles[role].kind != "role" for role in named):
        return None
    return next((role for role in named if _absent(role, profile, taxonomy, thresholds)), None)


def _absent(role: str, profile: DutyProfile, taxonomy: Taxonomy, thresholds: Scoring) -> bool:
    """Whether a fine role does none of the work: it and the roles that fit it hold less than
    ``max_absent_part_share`` of the phrases."""
    held = profile.share(role) + share_of(taxonomy.fitting(role), profile)
    return held < thresholds.max_absent_part_share


def _placed(
    context: tuple[str, ...], roles: set[str], profile: DutyProfile, taxonomy: Taxonomy, thresholds: Scoring
) -> set[str]:
    """The occupations the title's context names («… на курс "Python-разработчик"», «(Analytics)»): their duties
    fit the title in the occupation question.  Not when the title's fine roles do none of the work (they hold less
    than ``max_absent_part_share`` of the phrases): a «Комьюнити-менеджер (курьер)» who only delivers flowers
    is a courier under a community manager's name, not a community manager for couriers."""
    fine = [role for role in roles if taxonomy.roles[role].kind == "role"]
    if fine and all(_absent(role, profile, taxonomy, thresholds) for role in fine):
        return set()
    return {taxonomy.occupation_of(role) for role in context if not taxonomy.roles[role].generic}


def _fitting_here(
    title_roles: tuple[str, ...],
    fitting: frozenset[str],
    profile: DutyProfile,
    taxonomy: Taxonomy,
    thresholds: Scoring,
) -> frozenset[str]:
    """The roles that fit the title given what the phrases find of its own roles.

    A related role fits a title next to the title's own work, not as the
    whole job.  When the title's roles hold less than ``max_own_share`` of
    the phrases, a role that takes the posting over (:func:`_taken_over`)
    no longer fits, nor does an ``alongside`` role of the taxonomy that holds
    at least ``min_other_share``: a «Комьюнити-менеджер» who only books venues
    and caterers is an event manager, an «Event-менеджер» who only brings
    members together a community manager.  Where the title's roles do none of
    the work (less than ``max_absent_part_share``), the ``alongside`` role
    that leads the phrases is the job even short of that share: an event
    agency's «Комьюнити-менеджер» whose events share the posting with client
    service.
    """
    own = share_of(title_roles, profile)
    if own >= thresholds.max_own_share:
        return fitting
    leading = profile.ranked()[0][0] if own < thresholds.max_absent_part_share and profile.total else None
    whole = {
        other
        for role in title_roles
        for other in taxonomy.roles[role].alongside
        if profile.share(other) >= thresholds.min_other_share or other == leading
    }
    if _taken_over(title_roles, profile, taxonomy, thresholds):
        whole.add(profile.ranked()[0][0])
    return fitting - whole


def _tells_duties(reading: DutyReading) -> bool:
    """Whether the posting tells any duty: the requirement lines only second what the duty lines read as, so a
    posting that lists nothing but what it asks for (a snippet of requirements) has no duties to disagree with its
    title.  Without the lines spread over roles (a reading built by hand) every witness counts as told."""
    return reading.duties is None or reading.duties.total > 0


def _unseen_job(
    fitting: frozenset[str], profile: DutyProfile, duties: DutyProfile | None, thresholds: Scoring
) -> str | None:
    """The work the occupation model cannot read that does the job under a title of labour-market occupations.

    Phrases of the fine roles do not judge such a title: the model knows
    sales, support or HR and reads the lines itself.  Community work it
    cannot read (``member_roles``: hardly any real posting has it, and a
    line about members reads as their trade), so a «Менеджер проектов» or an
    «Администратор коворкинга» who only welcomes residents, connects them and
    runs their council passes the occupation question.  Such work is the
    job when it does not fit the title, its phrases weigh ``min_evidence``
    and hold ``min_other_share`` of the phrases, and it holds
    ``min_unseen_line_share`` of the duty lines, phrases and model together.
    """
    for role in sorted(thresholds.occupations.member_roles - fitting):
        if (
            profile.mass.get(role, 0.0) >= thresholds.min_evidence
            and profile.share(role) >= thresholds.min_other_share
            and duties is not None
            and duties.share(role) >= thresholds.min_unseen_line_share
        ):
            return role
    return None


def _broader_job(
    title_roles: tuple[str, ...], profile: DutyProfile, taxonomy: Taxonomy, thresholds: Scoring
) -> str | None:
    """The broader job (``part_of`` in the taxonomy) the posting really is, if any.

    A moderator's or an event manager's own work is one part of a community
    manager's: community work next to it still fits the title, but when it
    holds at least ``min_other_share`` of the phrases, on ``min_broader_ratio``
    times as many duty lines as the title's own work, the title names only the
    side part of the job (a «Модератор» who mostly welcomes newcomers, runs
    members' meetups and grows ambassadors, and now and then deletes spam).
    Lines, not phrase weights: a defining community phrase outweighs a
    venue's or a speaker's, so an event manager whose conference has a
    networking zone would read as community by weight.  The broader job's
    phrases alone must weigh ``min_evidence``: a tournament and its
    participants in an event manager's short posting do not make a community.
    """
    own = set().union(*(profile.items.get(role, frozenset()) for role in title_roles))
    for role in title_roles:
        for broader in taxonomy.roles[role].part_of:
            share = profile.share(broader)
            if (
                share >= thresholds.min_other_share
                and len(profile.items.get(broader, ())) >= thresholds.min_broader_ratio * len(own)
                and profile.mass.get(broader, 0.0) >= thresholds.min_evidence
            ):
                return broader
    return None


def _foreign_witnesses(roles: set[str], profile: DutyProfile) -> int:
    """How many phrases speak for roles the title does not name; phrases on the same words count once
    («встреч с потенциальными клиентами» names sales and account work: one witness)."""
    if not profile.spans:
        return sum(n for role, n in profile.witnesses.items() if role not in roles)
    spans = sorted(span for role, found in profile.spans.items() if role not in roles for span in found)
    count, reach = 0, -1
    for start, end in spans:
        if start >= reach:
            count += 1
        reach = max(reach, end)
    return count


def _model_disagrees(
    roles: set[str],
    fitting: frozenset[str],
    actual: str,
    profile: DutyProfile,
    scores: OccupationScores,
    taxonomy: Taxonomy,
    thresholds: Scoring,
) -> bool:
    """Whether the occupation model, reading the same lines, clearly sides with the title against the phrases.

    Phrases name the fine roles precisely but also fire on talk about the
    work («если вы боитесь продаж», «все продают» in a recruiter's posting):
    when the other role belongs to another occupation of the model (sales,
    support, HR) and the lines read as the title's occupation several times
    as often as that one, the phrases alone do not make a confusion.  Between
    roles of one occupation (community and SMM) the model cannot tell, so
    the phrases decide, also when such a role holds a good part of the
    phrases besides the other occupation's.
    """
    own = {taxonomy.occupation_of(role) for role in roles}
    rival = taxonomy.occupation_of(actual)
    if rival in own or scores.weight < thresholds.occupation_min_weight:
        return False
    # Other roles of the title's own occupation (SMM under a community title) are the phrases' to judge.
    unseen = sum(
        share for role, share in profile.ranked() if role not in fitting and taxonomy.occupation_of(role) in own
    )
    if unseen >= thresholds.max_title_support:
        return False
    own_share = scores.share_of(own)
    return own_share > 0 and own_share >= thresholds.role_model_veto_ratio * scores.shares.get(rival, 0.0)


def fitting_occupations(roles: set[str], taxonomy: Taxonomy) -> set[str]:
    """The occupations whose duties fit a title naming ``roles``.

    A fine role fits its own occupation and those of its compatible roles
    (a community manager: «Маркетинг, реклама, PR»; not everything a marketer
    may do).  An occupation fits itself and every occupation related to it,
    either way round.
    """
    found: set[str] = set()
    for role in roles:
        if taxonomy.roles[role].kind == "role":
            found |= {taxonomy.occupation_of(r) for r in {role, *taxonomy.fitting(role)}}
        else:
            found |= taxonomy.relatives[role]
    return found


def _near(
    roles: set[str], placed: set[str], neighbours: Mapping[str, frozenset[str]], taxonomy: Taxonomy
) -> frozenset[str]:
    """Occupations that fit a title besides its own and the related ones: those its context names
    (``placed``) and, for a title that names only occupations (no community-adjacent role), the neighbours
    in the data of both.  Only the occupation question reads them: the role question still tells a
    community manager «в отдел продаж» who only sells."""
    named = set(placed)
    if any(taxonomy.roles[role].kind == "role" for role in roles):
        return frozenset(named)
    named |= {taxonomy.occupation_of(role) for role in roles}
    return frozenset(named.union(*(neighbours.get(occupation, frozenset()) for occupation in named)))


def _foreign_occupation(
    roles: set[str], scores: OccupationScores, criteria: Criteria, near: frozenset[str]
) -> str | None:
    """The unrelated occupation the duty lines clearly belong to, if any.

    The rival is the unrelated occupation with the best log-score.  It must
    read, on average, ``occupation_share_ratio`` times as often as the fitting
    occupations together, and win against them by a margin in
    log-probability, in all and per unit of line weight.  The margin is that
    of the rival's trade: the rival with the occupations related to it that
    do not fit the title — a courier's lines reading partly as a driver's and
    a warehouse worker's speak with one voice (:func:`_trade`).  Under the
    title of a role whose work the model cannot read (``member_roles``:
    community) the share is the trade's too: a computer club's «Комьюнити-
    менеджер» whose lines split between system administration and support
    has one rival, not two halves (under every title, this added four
    own-title findings out of fold, three of them wrong; under community
    titles none).  The rival itself must still read at least as often as the
    fitting occupations (or with the occupations the model confuses it with,
    see :func:`_read_as_one`): a psychologists' community manager's lines, which
    the model reads faintly as anything, add up to a "trade" of a little
    development, office work and support.  At least one line must read clearly as that trade
    (``occupation_min_line_probability``): lines the model only leans on a
    little (English text, which it knows mostly from IT postings) add up to
    a margin without saying what the job is.
    """
    taxonomy, thresholds = criteria.taxonomy, criteria.thresholds
    fitting = fitting_occupations(roles, taxonomy) | near
    foreign, _ = scores.best_outside(fitting)
    if foreign is None:
        return None
    own_share = scores.share_of(fitting)
    trade = {foreign} | _trade(foreign, roles, fitting, scores, taxonomy)
    if roles & thresholds.occupations.member_roles:
        if scores.shares[foreign] < own_share and not _read_as_one(foreign, trade, own_share, scores, criteria):
            return None
        rival = trade
    else:
        rival = {foreign}
    if scores.share_of(rival) < thresholds.occupation_share_ratio * own_share:
        return None
    if scores.clearest(trade) < thresholds.occupation_min_line_probability:
        return None
    return foreign if _clear_margin(scores.margin(trade, fitting), scores, thresholds, few_lines=True) else None


def _read_as_one(
    foreign: str, trade: set[str], own_share: float, scores: OccupationScores, criteria: Criteria
) -> bool:
    """Whether the rival and the occupations of its trade the model confuses it with (its ``neighbours``) read
    as often as the fitting occupations, and some line clearly as them: a community title over product
    analytics, whose every line the model splits between analysis and data work, has one rival, not two that
    each read a little less often than marketing.  A faint reading of everything stays no rival: its lines
    read as no pair of neighbours clearly (``occupation_min_line_probability``)."""
    together = {foreign} | (trade & criteria.neighbours.get(foreign, frozenset()))
    if len(together) == 1 or scores.share_of(together) < own_share:
        return False
    return scores.clearest(together) >= criteria.thresholds.occupation_min_line_probability


def _trade(
    foreign: str, roles: set[str], fitting: set[str], scores: OccupationScores, taxonomy: Taxonomy
) -> frozenset[str]:
    """The occupations that speak with the rival: related to it and not fitting the title.

    For a title that names occupations of the labour market, an occupation
    related both to the rival and to one that fits the title is common ground
    (the data work between an electronics engineer and a developer, the
    warehouse between a buyer and a courier): lines reading as it may be the
    title's own job seen from the next trade, so they do not join the rival.
    Not for a community-adjacent role: there sales, support and HR next to
    marketing are the distinctions CM001 is for.
    """
    related = taxonomy.relatives[foreign].intersection(scores.log_scores).difference(fitting)
    if any(taxonomy.roles[role].kind == "role" for role in roles):
        return related
    return frozenset(other for other in related if taxonomy.relatives[other].isdisjoint(fitting))


def _occupation_taken_over(
    roles: set[str],
    scores: OccupationScores,
    taxonomy: Taxonomy,
    thresholds: Scoring,
    near: frozenset[str],
    placed: set[str],
) -> str | None:
    """The other occupation that does nearly all the work while the title's own is nearly absent.

    Related occupations fit a title (a driver may load the van), but not when
    one of them is the whole job: an accountant's posting of secretarial
    duties, a support specialist's of server administration.  The rival must
    hold a large mean share, several times the title's own occupations', and
    win against them by the same log-probability margin as an unrelated one.
    Within a family whose titles the market uses interchangeably (IT,
    engineering) a take-over is not a confusion, nor where the model has no
    label for the title's occupation (too few training postings named it),
    nor by what the title's context names or a neighbour in the data
    (``near``: a data analyst's posting reads like a developer's).  An
    occupation compatible with the title's (``compatible`` in the taxonomy)
    must hold most of the lines, not a third: on real postings under their
    own titles such take-overs were nearly all one job read through the
    trade next to it (a PLC programmer's lines as a power engineer's, a
    credit-system analyst's as a financier's, a prompt engineer's of
    pictures as a designer's).
    """
    own = {taxonomy.occupation_of(role) for role in roles}
    if not own & scores.log_scores.keys():
        return None  # the model does not read the title's occupation, so it cannot find it absent
    families = {taxonomy.roles[occupation].family for occupation in own} - {None}
    rival, share = next(((label, s) for label, s in scores.ranked() if label not in own), (None, 0.0))
    if rival is None or rival in near or taxonomy.roles[rival].family in families:
        return None
    related = any(taxonomy.related(rival, occupation) for occupation in own | placed)
    needed = thresholds.occupation_related_takeover_share if related else thresholds.occupation_takeover_share
    if share < needed:
        return None
    if thresholds.occupation_takeover_ratio * scores.share_of(own) > share:
        return None
    return rival if _clear_margin(scores.margin({rival}, own), scores, thresholds) else None


def _clear_margin(margin: float, scores: OccupationScores, thresholds: Scoring, few_lines: bool = False) -> bool:
    """Whether a rival's log-probability margin is large enough, in all and per unit of line weight.

    ``few_lines``: a posting of one or two lines cannot reach the margin in all; instead its lines must be
    sure ones (``occupation_short_margin_per_line`` per unit of weight: a line read almost only as the
    rival gives about 4.6)."""
    weight = scores.weight
    needed = thresholds.occupation_min_margin
    if few_lines:
        needed = min(needed, thresholds.occupation_short_margin_per_line * weight)
    return margin >= needed and margin >= thresholds.occupation_margin_per_line * weight


def share_of(roles: Iterable[str], profile: DutyProfile) -> float:
    """The share of the duty profile that ``roles`` hold together."""
    return sum(profile.share(role) for role in roles)


def title_support(roles: set[str], fitting: frozenset[str], profile: DutyProfile, compatible_factor: float) -> float:
    """The share of the duty profile that fits the title's roles (compatible roles count at ``compatible_factor``)."""
    compatible = fitting - roles
    return share_of(roles, profile) + compatible_factor * share_of(compatible, profile)


def _unsupported(roles: set[str], fitting: frozenset[str], profile: DutyProfile, thresholds: Scoring) -> bool:
    """Most duties belong to roles unrelated to the title, and the title's own share is small."""
    foreign = sum(share for role, share in profile.ranked() if role not in fitting)
    support = title_support(roles, fitting, profile, thresholds.compatible_factor)
    return foreign >= thresholds.min_other_share and support < thresholds.max_title_support


def _taken_over(title_roles: tuple[str, ...], profile: DutyProfile, taxonomy: Taxonomy, thresholds: Scoring) -> bool:
    """A related fine role does nearly all the work and the title's own role is absent
    (an «Event-менеджер» who only builds a community, a «Маркетолог» who only posts).

    Only between fine roles: a programmer's posting that reads like a DevOps
    engineer's is the same trade, not a different job."""
    if profile.total < 2 * thresholds.min_evidence:
        return False
    top, share = profile.ranked()[0]
    if taxonomy.roles[top].kind != "role" or any(taxonomy.roles[r].kind != "role" for r in title_roles):
        return False
    own = share_of(title_roles, profile)
    close = {c for r in title_roles for c in taxonomy.roles[r].close}
    return (
        own < thresholds.max_own_share
        and top not in title_roles
        and top not in close
        and share >= thresholds.min_dominant_share
    )
