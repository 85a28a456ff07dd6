"""Title suggestions for the duties, and fixes that put them in place.

A suggestion names the role or occupation the duties belong to with a title
the market uses for it: of the taxonomy's candidate ``titles``, the one real
postings carry most often (the training script counts them into the model
card).  It keeps everything else of the original title: «Старший
комьюнити-менеджер (удалённо)» becomes «Старший менеджер по продажам
(удалённо)» — only the role words change, inflected to fit; words that only
complete the old position's name go with it («Администратор склада готовой
продукции» → «Менеджер по продажам», not «Менеджер по продажам готовой
продукции»).  Two related roles sharing the work get their combined title
(«SMM/комьюнити-менеджер»); unrelated ones are never joined with a slash.
Nothing is suggested when the duties say too little.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from cmlint.models import Edit, Fix, Span, TitleSuggestion
from cmlint.nlp.inflect import Grammar, fit_start, governed_grammar, head_grammar, inflect_title
from cmlint.nlp.morphology import Morphology
from cmlint.roles.decision import RoleDecision
from cmlint.roles.matching import TitleMention
from cmlint.roles.profile import DutyProfile, OccupationScores
from cmlint.roles.rename_places import ENGLISH_RANKS, REACH, TITLE_WORDS, Placer, TitleText, opens, places, title_places
from cmlint.roles.taxonomy import Taxonomy
from cmlint.roles.titles import TEAM_HEADS
from cmlint.scoring import SuggestionSettings


@dataclass(frozen=True, slots=True)
class Candidate:
    """A role the duties point to, with how sure that is."""

    role: str
    confidence: float
    title: str


@dataclass(frozen=True, slots=True)
class Spot:
    """A place a rename goes, with what fitting any candidate's title there needs (:func:`_spot`)."""

    mention: TitleMention
    #: Whether it names the head of a team where the names of its own role do not (:func:`_heads_team`).
    heads_team: bool
    #: The Russian rank of an English position's rank word («Senior» → «Старший»).
    rank: str | None
    #: The case and number a new title takes there.
    grammar: Grammar | None
    #: Whether it opens its title, line or sentence (a new title there starts upper-case).
    opens: bool


def market_names(taxonomy: Taxonomy, used: Mapping[str, Sequence[tuple[str, int]]], min_uses: int) -> dict[str, str]:
    """The title to suggest for each role: its candidate real postings use most (``used``, most used first) when at
    least ``min_uses`` carry it, else its first one (one «Интернет-маркетолог» among 12 000 postings does not make
    it the market's name for every marketer)."""
    names: dict[str, str] = {}
    for role_id, role in taxonomy.roles.items():
        counted = used.get(role_id)
        names[role_id] = counted[0][0] if counted and counted[0][1] >= min_uses else role.titles[0]
    return names


def candidates(
    decision: RoleDecision,
    profile: DutyProfile,
    scores: OccupationScores,
    taxonomy: Taxonomy,
    names: Mapping[str, str],
    settings: SuggestionSettings,
    title_roles: Sequence[str] = (),
) -> list[Candidate]:
    """Roles that describe the duties, best first: by phrase evidence within community-adjacent work
    or when the phrases made the decision, by the occupation model otherwise.

    The leading source's candidates come first and the other's fill the places
    left: when the model reads no occupation surely enough to name one (duties
    in English, a short list) the phrases name the roles instead, and when it
    names one occupation only (a support engineer's lines read as a system
    administrator's) the role the phrases name surely comes second.  When the
    duties fit the title, the title's own role comes first if the readings
    support it (:func:`_own_role`), after the combined title of an honest split that names it.
    """
    read = scores.ranked()  # one list for every source below
    phrase_led = decision.kind == "role" or (
        decision.kind != "occupation" and profile.total > 0 and _phrase_led(profile, read, taxonomy)
    )
    phrased = _confident(_by_phrases(profile, taxonomy, names, settings), settings)
    modelled = _confident(_by_occupation(profile, read, scores.weight, taxonomy, names, settings), settings)
    lead, other = (phrased, modelled) if phrase_led else (modelled, phrased)
    found = list(lead)
    for candidate in other:
        if all(c.role != candidate.role for c in found):
            found.append(candidate)
    if not decision.confused:
        own = _own_role(title_roles, profile, read, taxonomy, names)
        if own is not None:
            rest = [c for c in found if c.role != own.role]
            # An honest split of the title's role with another keeps its combined title first.
            place = 1 if rest and rest[0].title in taxonomy.roles[own.role].combined.values() else 0
            found = [*rest[:place], own, *rest[place:]]
    return found[: settings.max_suggestions]


def _own_role(
    title_roles: Sequence[str],
    profile: DutyProfile,
    read: Sequence[tuple[str, float]],
    taxonomy: Taxonomy,
    names: Mapping[str, str],
) -> Candidate | None:
    """The title's role when the duties fit the title and the readings support it: one of the two roles the
    phrases find most, or its occupation one of the two the model reads most (a community manager whose
    phrases lean to SMM, a driver's posting read mostly as a driver's).  Its confidence is that support (``read``:
    the occupations by the model, :meth:`OccupationScores.ranked`)."""
    phrased = dict(profile.ranked()[:2])
    modelled = dict(read[:2])
    for role in title_roles:
        if taxonomy.roles[role].generic:
            continue
        support = max(phrased.get(role, 0.0), modelled.get(taxonomy.occupation_of(role), 0.0))
        if support > 0:
            return Candidate(role, round(support, 2), names[role])
    return None


def _confident(found: list[Candidate], settings: SuggestionSettings) -> list[Candidate]:
    """The candidates sure enough to suggest: one source with none of them leaves the word to the other."""
    return [c for c in found if c.confidence >= settings.min_confidence]


def _phrase_led(profile: DutyProfile, read: Sequence[tuple[str, float]], taxonomy: Taxonomy) -> bool:
    """Whether the phrases speak for the posting: the occupation the model reads most (``read``) is one of their
    roles'."""
    if not read:
        return True
    top = read[0][0]
    return any(taxonomy.related(taxonomy.occupation_of(role), top) for role, _ in profile.ranked()[:2])


def _by_phrases(
    profile: DutyProfile, taxonomy: Taxonomy, names: Mapping[str, str], settings: SuggestionSettings
) -> list[Candidate]:
    ranked = [(role, share) for role, share in profile.ranked() if share >= settings.min_share]
    certainty = min(1.0, profile.total / settings.full_confidence_mass)
    found: list[Candidate] = []
    if len(ranked) >= 2:
        (first, a), (second, b) = ranked[0], ranked[1]
        combined = taxonomy.roles[first].combined.get(second) or taxonomy.roles[second].combined.get(first)
        if combined and b >= settings.combined_min_share and b / a >= settings.combined_ratio:
            found.append(Candidate(first, round((a + b) * certainty, 2), combined))
    found += [Candidate(role, round(share * certainty, 2), names[role]) for role, share in ranked]
    return found


def _by_occupation(
    profile: DutyProfile,
    read: Sequence[tuple[str, float]],
    weight: float,
    taxonomy: Taxonomy,
    names: Mapping[str, str],
    settings: SuggestionSettings,
) -> list[Candidate]:
    """Occupations by the model (``read``, from lines of total ``weight``); an occupation the phrases name a finer
    role of becomes that role."""
    certainty = min(1.0, weight / settings.full_confidence_lines)
    finest: dict[str, str] = {}
    for role, _ in profile.ranked():
        finest.setdefault(taxonomy.occupation_of(role), role)
    found: list[Candidate] = []
    for occupation, share in read:
        if share < settings.min_share:
            break
        role = finest.get(occupation, occupation)
        if all(c.role != role for c in found):
            found.append(Candidate(role, round(share * certainty, 2), names[role]))
    return found


def title_spots(
    found: Sequence[Candidate],
    title: str | None,
    mentions: Sequence[TitleMention],
    taxonomy: Taxonomy,
    morphology: Morphology,
) -> tuple[Spot, ...]:
    """Where the candidates' titles go in ``title`` (:func:`title_places`; ``mentions``: the title's own, offsets
    in it) and how a new title fits there: the same for every candidate, worked out once for the suggested titles
    and CM001's fixes alike (nothing without a title or a candidate)."""
    if not title or not found:
        return ()
    text = TitleText(title)
    return tuple(_spot(m, text, taxonomy, morphology) for m in title_places(title, mentions, morphology))


def renamed_spots(candidate: Candidate, spots: Sequence[Spot], morphology: Morphology) -> tuple[str, ...]:
    """What takes each of the ``spots`` for ``candidate`` (:func:`_renamed`)."""
    return tuple(_renamed(candidate, spot, morphology) for spot in spots)


def suggestion(
    candidate: Candidate, title: str | None, spots: Sequence[Spot], names: Sequence[str]
) -> TitleSuggestion:
    """``candidate`` as a title: ``title`` with the ``names`` in its ``spots`` (:func:`title_spots`,
    :func:`renamed_spots`), the candidate's title alone where the title names no role."""
    renamed = retitled(title, spots, names) if title and spots else candidate.title
    return TitleSuggestion(title=renamed, role=candidate.role, confidence=candidate.confidence)


def retitled(title: str, inside: Sequence[Spot], names: Sequence[str]) -> str:
    """``title`` with the places ``inside`` it (:func:`title_spots`) replaced by ``names``."""
    parts: list[str] = []
    position = 0
    for spot, name in zip(inside, names, strict=True):
        mention = spot.mention
        parts += [title[position : mention.start], name]
        position = mention.end
    return "".join([*parts, title[position:]])


def rename_fixes(
    renames: Sequence[tuple[TitleSuggestion, Candidate, Sequence[str]]],
    in_title: Sequence[Spot],
    title_span: Callable[[int, int], Span],
    mentions: Sequence[TitleMention],
    place: Placer,
    taxonomy: Taxonomy,
    morphology: Morphology,
) -> list[Fix]:
    """For each suggestion, its candidate and the names it puts in the title's places (``in_title``, whose public
    spans ``title_span`` gives: :func:`title_spots`), the edits that put those names there and the candidate's title
    where the body names the title's role (``mentions``), inflected to fit: the title's edits make the suggested
    title.  The places and their spans are worked out once for all of them."""
    if not renames:
        return []
    spans = [title_span(spot.mention.start, spot.mention.end) for spot in in_title]
    spots = [
        (_spot(m, place, taxonomy, morphology), place.span_of(m.field, m.start, m.end))
        for m in places(mentions, place, morphology)
    ]
    return [
        Fix(
            message=f"Переименовать в «{suggestion.title}»",
            edits=[
                *(Edit(span=span, replacement=name) for span, name in zip(spans, names, strict=True)),
                *(Edit(span=span, replacement=_renamed(candidate, spot, morphology)) for spot, span in spots),
            ],
        )
        for suggestion, candidate, names in renames
    ]


def _spot(mention: TitleMention, place: Placer, taxonomy: Taxonomy, morphology: Morphology) -> Spot:
    """What :func:`_renamed` needs to know of ``mention``: the case and number of the mention it replaces (of the
    words before it where the mention shows none, an English name: :func:`governed_grammar`), its rank and whether
    it heads a team."""
    heads_team = _heads_team(mention.text, morphology) and not any(
        _heads_team(name, morphology) for name in taxonomy.roles[mention.role].titles
    )
    rank = ENGLISH_RANKS.get(mention.text.split(" ", 1)[0].lower()) if mention.text.isascii() else None
    grammar = head_grammar(mention.text.split(), morphology)
    if grammar is None and mention.field == "text":
        before = place.field_text(mention.field, max(0, mention.start - REACH * 2), mention.start)
        grammar = governed_grammar(before, morphology)
    return Spot(mention, heads_team, rank, grammar, opens(mention, place))


def _renamed(candidate: Candidate, spot: Spot, morphology: Morphology) -> str:
    """What takes ``spot``'s place: ``candidate``'s title, inflected to fit, upper-case where it opens a title or a
    sentence.  A mention that names the head of a team keeps the rank: under its own role it stays as it is
    («Руководитель отдела продаж»), under another the new title names the head of a team of its people
    («Руководитель группы менеджеров по продажам»).  A role whose own name opens with a head («Руководитель
    проектов») names no rank."""
    new = candidate.title
    mention = spot.mention
    if spot.heads_team and not _heads_team(new, morphology):
        if mention.role == candidate.role:
            return mention.text
        members = inflect_title(new, Grammar("gent", "plur"), morphology)
        new = f"Руководитель группы {fit_start(members, 'группы')}"
    if spot.rank is not None:
        new = f"{spot.rank} {fit_start(new, 'менеджер', opens=False)}"
    text = inflect_title(new, spot.grammar, morphology) if spot.grammar else new
    return fit_start(text, mention.text, spot.opens)


def _heads_team(title: str, morphology: Morphology) -> bool:
    """Whether the position ``title`` names is the head of a team: its first word (a Russian name opens with its
    position, «Руководитель отдела», not «Ассистент руководителя») or an English name's last («Team Lead»), by lemma,
    a hyphenated word whole («лид-менеджер» heads no team)."""
    words = TITLE_WORDS.findall(title.lower())
    heads = words[:1] + [word for word in words[-1:] if word.isascii()]
    return any(not TEAM_HEADS.isdisjoint(morphology.lemmas(word)) for word in heads)
