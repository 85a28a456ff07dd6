"""The analysis pipeline: normalize → segment → one spaCy doc → shared matches → role evidence."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from cmlint.analysis.roles import RoleAnalysis
from cmlint.analysis.text import Field, SpanFactory, TextAnalysis
from cmlint.analysis.title import Title, animacy, title_words
from cmlint.matching.lemma_matcher import TokenView
from cmlint.matching.pattern_set import MatchIndex
from cmlint.models import Posting, Span
from cmlint.occupations.joint import JointModels
from cmlint.occupations.model import OccupationModel
from cmlint.roles import evidence as role_evidence, profile as role_profile
from cmlint.roles.decision import Criteria, DutyReading, TitleClaim, decide
from cmlint.roles.evidence import Collected, Evidence, Markers
from cmlint.roles.learned import guarded_items, learned_evidence, sure_evidence
from cmlint.roles.lines import LineContext, LineReading, read_lines
from cmlint.roles.matching import RoleMatcher, TitleMention
from cmlint.roles.objects import naming_items, title_objects
from cmlint.roles.profile import DutyProfile, OccupationScores
from cmlint.roles.subjects import TitleTokens, title_subject
from cmlint.roles.suggest import candidates, market_names, renamed_spots, suggestion, title_spots
from cmlint.roles.titles import LATIN_POSITIONS, POSITION_NOUNS, TitleMatch, ends_in_position_noun
from cmlint.scoring import Scoring
from cmlint.text.money import states_salary
from cmlint.text.normalize import normalize
from cmlint.text.scripts import unmix_scripts
from cmlint.text.segment import announces_position, segment
from cmlint.text.token_items import item_bounds, token_items

_NO_MATCHES = MatchIndex({})


@dataclass(frozen=True, slots=True)
class Matches:
    """What the engine's shared patterns found in the title's tokens and in the body's."""

    title: MatchIndex
    text: MatchIndex


@dataclass(frozen=True, slots=True)
class TitleRead:
    """What the title reader found: the title's role names, every role it reads (names and what they work on),
    whether every part of it was read, the roles named only in its context and those its wide names admit
    (nothing without a title)."""

    matches: tuple[TitleMatch, ...] = ()
    roles: tuple[str, ...] = ()
    whole: bool = True
    context: tuple[str, ...] = ()
    admitted: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleInput:
    """What role inference reads: the body, the title, the title reader's result, the shared patterns' matches in
    the body and the body's first token after a title taken from it."""

    text: TextAnalysis
    title: Title
    read: TitleRead
    in_text: MatchIndex
    body_start: int


@dataclass(frozen=True, slots=True)
class _DutyEvidence:
    """The phrase evidence of the duty lines, the model's reading of the lines and the head's evidence."""

    collected: Collected
    lines: tuple[LineReading, ...]
    learned: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class _DutyScores:
    """The duties' phrase profile, masses per line, occupation scores and everything summed."""

    profile: DutyProfile
    masses: Mapping[int, Mapping[str, float]]
    scores: OccupationScores
    duties: DutyProfile


@dataclass(frozen=True, slots=True)
class AnalyzedPosting:
    """Everything the checks need about one posting; nothing in it changes after analysis."""

    posting: Posting
    text: TextAnalysis
    title: Title
    matches: Matches
    roles: RoleAnalysis

    def field_text(self, field_name: Field, start: int, end: int) -> str:
        """Text of the normalized body or of the given title between offsets."""
        source = self.text.content if field_name == "text" else self.posting.title or ""
        return source[start:end]

    def span_of(self, field_name: Field, start: int, end: int) -> Span:
        """The public span of offsets in the normalized body or the given title."""
        return self.text.spans.of(field_name, start, end)

    @property
    def states_salary(self) -> bool:
        """Whether the title, the body or the board's own salary field states a salary figure."""
        return (
            self.text.states_salary
            or bool(self.title.text and states_salary(self.title.text))
            or any(map(str.isdigit, self.posting.salary or ""))
        )


class Analyzer:
    """Runs the analysis pipeline with one spaCy pipeline, role matcher, occupation model and scoring."""

    def __init__(
        self,
        nlp: Language,
        roles: RoleMatcher,
        occupations: OccupationModel,
        markers: Markers,
        scoring: Scoring,
        head: OccupationModel | None = None,
    ) -> None:
        self.nlp = nlp
        self.roles = roles
        self.occupations = occupations
        #: The fine-role head (:mod:`cmlint.roles.learned`); without it only phrases speak for the fine roles.
        self.head = head
        #: Both models read the lines at once (:mod:`cmlint.occupations.joint`).
        self.line_models = JointModels(occupations, head)
        self.names = market_names(
            roles.taxonomy, occupations.card.market_titles, scoring.suggestions.min_market_uses
        )
        #: What CM001 judges by, with the occupations the model confuses on held-out real postings under their
        #: own titles (the model card).
        self.criteria = Criteria(
            roles.taxonomy,
            scoring,
            occupations.card.neighbours(scoring.neighbour_min_rate, scoring.neighbour_min_postings),
        )
        self.markers = markers
        self.scoring = scoring

    def analyze(self, posting: Posting) -> AnalyzedPosting:
        normalized = normalize(posting.text, posting.format, self.roles.morphology.is_word)
        caller_title = posting.title.strip() if posting.title and posting.title.strip() else None
        structure = segment(normalized.text, title_from_text=caller_title is None, marked=normalized.headings)
        doc = self.nlp(normalized.text)
        view = TokenView.of(doc)
        starts = doc.to_array("IDX").tolist() if len(doc) else []
        spans = SpanFactory(normalized, posting.title)
        salaried = states_salary(normalized.text)
        bounds = item_bounds(starts, structure.items)
        text = TextAnalysis(
            normalized, structure, doc, view, token_items(len(starts), bounds), bounds, starts, spans, salaried
        )
        title = self._title(posting, caller_title, text, starts)
        body_start = title.end if title.field == "text" else 0

        in_title, read = self._read_title(title)
        in_text = self.roles.shared.matches(doc, view, body_start, len(doc), title=False)
        roles = self._roles(RoleInput(text, title, read, in_text, body_start))
        return AnalyzedPosting(posting, text, title, Matches(in_title, in_text), roles)

    def _read_title(self, title: Title) -> tuple[MatchIndex, TitleRead]:
        """The shared patterns' matches in the title and what the title reader finds there (nothing without a
        title)."""
        if title.doc is None or title.view is None:
            return _NO_MATCHES, TitleRead()
        in_title = self.roles.shared.matches(title.doc, title.view, title.first, title.end)
        reading = self.roles.read_title(title.doc, title.view, title.first, title.end)
        read, context = reading.roles, reading.context
        taxonomy = self.roles.taxonomy
        # Only a title of the labour market's occupations has a subject: where a community-adjacent role
        # works («Комьюнити-менеджер языкового клуба») is no licence for its duties to be a teacher's.
        if read and all(taxonomy.roles[role].kind == "occupation" for role in read):
            words = TitleTokens(title.view, title.first, title.end, reading.matches)
            own = [taxonomy.occupation_of(r) for r in read]
            subject = title_subject(words, own, self.occupations, self.scoring)
            if subject is not None and subject not in context:
                context = (*context, subject)
        return in_title, TitleRead(reading.matches, read, not reading.unread_part, context, reading.admitted)

    def _title(self, posting: Posting, caller_title: str | None, text: TextAnalysis, starts: list[int]) -> Title:
        """Where the title is: given by the caller (its own small doc) or the first line of the body."""
        if caller_title is not None:
            assert posting.title is not None
            base = posting.title.find(caller_title)
            written = unmix_scripts(caller_title)
            doc = self.nlp(written)
            view = TokenView.of(doc)
            words = title_words(doc, view, 0, len(doc), 0)
            return Title(
                written, "title", doc, view, first=0, end=len(doc), words=words,
                offset=0, base=base, _spans=text.spans, _names=self.roles.titles,
            )
        if text.structure.title is not None:
            start, end = text.structure.title
            first, last = bisect_left(starts, start), bisect_left(starts, end)
            words = title_words(text.doc, text.view, first, last, start)
            return Title(
                text.content[start:end], "text", text.doc, text.view, first=first, end=last, words=words,
                offset=start, base=0, _spans=text.spans, _names=self.roles.titles,
            )
        return Title(None, "text", None, None, 0, 0, (), offset=0, base=0, _spans=text.spans, _names=self.roles.titles)

    def _roles(self, given: RoleInput) -> RoleAnalysis:
        """The title's roles and mentions, the duties' evidence and scores, the decision and the suggestions."""
        title_roles = self._title_roles(given)
        mentions = self._mentions(given, title_roles)
        names = _named_tokens(mentions, given.text.token_starts, given.text.view)
        duties = self._duty_evidence(given.text, given.in_text, names)
        scored = self._scored(given, duties)
        read = given.read
        claim = TitleClaim(title_roles, read.whole, read.context, _positions(read, title_roles), read.admitted)
        decision = decide(claim, DutyReading(scored.profile, scored.scores, scored.duties), self.criteria)
        taxonomy = self.roles.taxonomy
        found = tuple(
            candidates(
                decision, scored.profile, scored.scores, taxonomy, self.names, self.scoring.suggestions, title_roles
            )
        )
        title, morphology, body_first = given.title, self.roles.morphology, len(given.read.matches)
        shift = title.base if title.field == "title" else title.offset
        in_title = [
            TitleMention(m.role, m.field, m.start - shift, m.end - shift, m.text) for m in mentions[:body_first]
        ]
        spots = title_spots(found, title.text, in_title, taxonomy, morphology)
        renamed = tuple(renamed_spots(candidate, spots, morphology) for candidate in found)
        titles = tuple(suggestion(c, title.text, spots, n) for c, n in zip(found, renamed, strict=True))
        return RoleAnalysis(
            title_roles, tuple(mentions[body_first:]), duties.collected.evidence, duties.lines, scored.profile,
            scored.scores, scored.duties, scored.masses, decision, claim, found, titles, spots, renamed, duties.learned,
        )

    def _title_roles(self, given: RoleInput) -> tuple[str, ...]:
        """The roles the title reads, those of a suspended hyphen («SMM- и комьюнити-менеджер») first, those a
        compound's complement adds («Менеджер-дизайнер по работе с клиентами») last."""
        title_text = given.title.text
        if title_text is None:
            return given.read.roles
        roles = list(given.read.roles)
        shared = _expand_shared(title_text)
        if shared != title_text:
            roles[:0] = self._roles_read(shared)
        compound = _expand_compound(title_text)
        if compound != title_text:
            roles += self._roles_read(compound)
        return tuple(dict.fromkeys(roles))

    def _mentions(self, given: RoleInput, title_roles: tuple[str, ...]) -> list[TitleMention]:
        """Where the title's roles are named: its own names first, then the body's names of the position."""
        title, text, read = given.title, given.text, given.read
        mentions: list[TitleMention] = []
        if title.doc is not None and title.text is not None:
            # The title's doc reads the given title or, for a title of the text, the body.
            source = title.text if title.field == "title" else text.content
            mentions = [_mention(title.doc, source, m, title.field, title.base) for m in read.matches]
        # What the title's positions work on is not a name to look for in the body.
        named_roles = list(_positions(read, title_roles))
        if named_roles:
            for match in self.roles.mentions(given.in_text, text.view, given.body_start, named_roles):
                if _names_a_position(text.view, match):
                    mentions.append(_mention(text.doc, text.content, match, "text", 0))
        return mentions

    def _duty_evidence(self, text: TextAnalysis, in_text: MatchIndex, names: frozenset[int]) -> _DutyEvidence:
        """The phrase evidence of the duty lines (not the tokens that name the position), the occupation model's
        reading of every line and the fine-role head's evidence where no phrase speaks."""
        view, starts, weights = text.view, text.token_starts, self.scoring.evidence
        matches = [m for m in self.roles.duties(in_text) if names.isdisjoint(range(m.start, m.end))]
        disclaimed = role_evidence.disclaimed_items(
            view, text.token_items, self.markers, text.structure, starts
        ) | _announcing_items(text, names)
        bounds = text.item_bounds
        collected = role_evidence.collect(
            matches, view, text.token_items, bounds, text.structure, self.markers, weights, disclaimed
        )
        kept = role_evidence.without_objects_of_other_work(collected.evidence, self.roles.taxonomy.related)
        collected = Collected(kept, collected.cancelled)
        reading = LineContext(view, bounds, text.structure, weights, self.scoring.occupations, disclaimed, names)
        lines = read_lines(self.line_models, reading)
        learned = (
            learned_evidence(
                lines,
                collected,
                bounds,
                self.scoring.occupations,
                guarded_items(view, text.token_items, self.markers),
            )
            if self.head is not None
            else ()
        )
        return _DutyEvidence(collected, lines, learned)

    def _scored(self, given: RoleInput, found: _DutyEvidence) -> _DutyScores:
        """The duties' profile of fine roles, their masses per line, the occupations' scores and the sum."""
        taxonomy, scoring, title = self.roles.taxonomy, self.scoring, given.title
        collected, lines, learned = found.collected, found.lines, found.learned
        profile = role_profile.phrase_profile((*collected.evidence, *learned), lines, taxonomy, scoring)
        # The head's sure readings join the phrases in the lines' masses (the occupation question, CM002).
        sure = sure_evidence(learned, lines, taxonomy, scoring.occupations)
        counted = Collected((*collected.evidence, *sure), collected.cancelled) if sure else collected
        masses = role_profile.item_masses(counted, lines, taxonomy, scoring.occupations)
        objects = (
            title_objects(title.view, title.first, title.end, given.read.matches)
            if title.view is not None
            else frozenset()
        )
        naming = naming_items(objects, given.text.view, given.text.token_items)
        scores = OccupationScores.of(masses, lines, taxonomy, self.occupations.labels, scoring.occupations, naming)
        return _DutyScores(profile, masses, scores, role_profile.summed(masses.values()))

    def _roles_read(self, title: str) -> tuple[str, ...]:
        """The roles ``title`` names, read on its own (a title whose shared position noun was given to each name)."""
        doc = self.nlp(title)
        return self.roles.read_title(doc, TokenView.of(doc)).roles


# «Контент- и комьюнити-менеджер» means «контент-менеджер и комьюнити-менеджер».
#: A head shared by two compounds: «SMM- и комьюнити-менеджер», also with the first hyphen left out
#: («Комьюнити и SMM-менеджер»; a slash alone separates positions, so it needs the hyphen).
_SUSPENDED_HYPHEN = re.compile(r"(\w+)(?:-\s+(и|или|и/или|/)|\s+(и|или|и/или))\s+(\w+)-(\w+)")


#: Two names before one position noun: «Community & Content Manager», «Контент и комьюнити менеджер»,
#: «Community/Events Lead».
_SHARED_HEAD = re.compile(
    r"\b([^\W\d_][\w-]*)\s*(&|/|\b(?:and|и|или)\b)\s*([^\W\d_][\w-]*)\s+"
    r"(manager|lead|specialist|coordinator|менеджер|специалист|координатор)\b",
    re.IGNORECASE,
)


#: What joins the two names of both expressions above: a title without it has nothing to expand (one quick search
#: instead of two that try a word at every letter of it).
_JOINED = re.compile(r"[&/]|\b(?:and|и|или)\b", re.IGNORECASE)


def _announcing_items(text: TextAnalysis, names: frozenset[int]) -> frozenset[int]:
    """The sentences that only announce the position the title names («Ищем комьюнити-менеджера в отдел
    маркетинга!»): whom the company seeks is no duty, and the words around the name (the department, the team,
    the company) would read as work.  Only where the sentence names the title's position: «Требуются курьеры»
    under another title says what the job is."""
    if not names:
        return frozenset()
    items, content = text.structure.items, text.content
    named = {text.token_items[i] for i in names if 0 <= i < len(text.token_items)} - {-1}
    return frozenset(
        index
        for index in named
        if items[index].kind == "other" and announces_position(content[items[index].start : items[index].end])
    )


def _expand_shared(title: str) -> str:
    """The title with a position noun two names share given to each: «SMM- и комьюнити-менеджер» → «SMM-менеджер и
    комьюнити-менеджер», «Community & Content Manager» → «Community Manager & Content Manager»; not when the first
    name ends in a position noun of its own («SMM-менеджер / community manager»)."""
    if not _JOINED.search(title):
        return title
    title = _SUSPENDED_HYPHEN.sub(lambda m: f"{m[1]}-{m[5]} {m[2] or m[3]} {m[4]}-{m[5]}", title)
    return _SHARED_HEAD.sub(
        lambda m: m[0] if ends_in_position_noun(m[1]) else f"{m[1]} {m[4]} {m[2]} {m[3]} {m[4]}", title
    )


#: A compound of two position nouns before a complement: «Менеджер-дизайнер по работе с ключевыми клиентами»,
#: «Менеджер-консультант по продаже экипировки» (the complement runs to the next separator or bracket).
_COMPOUND_HEAD = re.compile(r"\b([^\W\d_]+)-([^\W\d_]+)(\s+(?:по|с|со)\s+[^/|;,()\[\]]+)", re.IGNORECASE)


def _expand_compound(title: str) -> str:
    """The title with the complement of a compound of two position nouns given to each half: «Менеджер-дизайнер по
    работе с клиентами» → «Менеджер по работе с клиентами / дизайнер по работе с клиентами» (the manager works
    with clients as much as the designer); only when the first half is a position noun («Менеджер», «Инженер»),
    not a name the second one completes («Аккаунт-менеджер по маркетплейсам»)."""
    if "-" not in title:
        return title
    return _COMPOUND_HEAD.sub(
        lambda m: f"{m[1]}{m[3].rstrip()} / {m[2]}{m[3]}" if m[1].lower() in POSITION_NOUNS else m[0], title
    )


def _positions(read: TitleRead, title_roles: tuple[str, ...]) -> tuple[str, ...]:
    """The title's roles that name its positions, not what they work on («Менеджер по продажам (системы
    видеоконтента)» names sales; content is what the manager sells)."""
    worked_on = set(read.roles) - {m.role for m in read.matches}
    return tuple(role for role in title_roles if role not in worked_on)


def _names_a_position(view: TokenView, match: TitleMatch) -> bool:
    """Whether a role's name in the body names a position («комьюнити-менеджера»), not a thing («SMM-стратегии»):
    read off the view's features and forms, with no spaCy span made."""
    feats, lower = view.feats, view.lower
    assert feats is not None  # the morphology component gives every token its features
    return any(animacy(feats[i])[0] or lower[i] in LATIN_POSITIONS for i in range(match.start, match.end))


def _named_tokens(mentions: list[TitleMention], starts: list[int], view: TokenView) -> frozenset[int]:
    """The body's tokens that name the title's position with its position noun («ищем комьюнити-менеджера»,
    «a Community Manager»): a name, not the work.  A bare noun of people («авторов», «модераторов») may be
    whom the work is with."""
    found: set[int] = set()
    for mention in mentions:
        if mention.field != "text":
            continue
        tokens = range(bisect_left(starts, mention.start), bisect_left(starts, mention.end))
        if any(view.lemma[i].lower() in POSITION_NOUNS or view.lower[i] in LATIN_POSITIONS for i in tokens):
            found.update(tokens)
    return frozenset(found)


def _mention(doc: Doc, source: str, match: TitleMatch, field_name: Field, base: int) -> TitleMention:
    """``match`` as a mention: its text in ``source`` (``doc``'s text) between its first and last token's offsets,
    with no spaCy span made (a span's text joins its tokens)."""
    last = doc[match.end - 1]
    start, end = doc[match.start].idx, last.idx + len(last)
    return TitleMention(match.role, field_name, base + start, base + end, source[start:end])
