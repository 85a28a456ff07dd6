"""The taxonomy compiled to spaCy matchers: duty phrases and title names."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc

from cmlint.matching.lemma_matcher import Match, TokenView
from cmlint.matching.pattern_set import MatchIndex, Pattern, PatternGroup, PatternSet, SharedPatterns
from cmlint.matching.phrases import PatternError, PhraseCompiler
from cmlint.matching.steps import Kind, StepPattern
from cmlint.matching.token_patterns import SpacyPattern, validate_token_pattern
from cmlint.roles.taxonomy import Taxonomy
from cmlint.roles.titles import (
    GENERIC_HEADS,
    POSITION_HEADS,
    POSITION_NOUNS,
    SENIORITY,
    NounKind,
    TitleMatch,
    TitleReading,
    TitleSpeller,
    admitted,
    read_title,
    with_position,
)

# A title word after one of these is context, not the position
# («Комьюнити-менеджер в отдел продаж», «SMM-менеджер для сообщества»).
_TITLE_CONTEXT_WORDS = {"в", "во", "для", "на", "из", "при", "с", "со", "к", "in", "for", "at", "to"}


@dataclass(frozen=True, slots=True)
class DutyMatch:
    """A duty phrase of a role found in the doc (token offsets)."""

    role: str
    weight: float
    tags: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TitleMention:
    """A place where a role of the title is named: the title itself or the body (character offsets)."""

    role: str
    field: Literal["text", "title"]
    start: int
    end: int
    text: str


#: What a title is read for: the roles' names, what positions work on («сайт» in «Администратор сайтов»), names a
#: role shares with another one (``shared_titles``: a role named only so follows the others) and names the market
#: also uses for a wider job (keyed by their role and what they admit).
_TitleWord = Literal["name", "object", "shared", "wide"]


@dataclass(frozen=True, slots=True)
class _TitleWords:
    """What one scan of a title finds, by what it is read for (:data:`_TitleWord`), each in text order."""

    names: list[Match[str]]
    objects: list[Match[str]]
    shared: list[Match[str]]
    wide: list[Match[tuple[str, tuple[str, ...]]]]


@dataclass(frozen=True, slots=True)
class DutyKey:
    """The ``index``-th duty pattern of a role."""

    role: str
    index: int


class RoleMatcher:
    """Finds duty phrases and role names using the compiled taxonomy.

    Body patterns live in the engine's :class:`SharedPatterns`, so duties,
    title mentions and every pattern rule cost one pass over a posting;
    titles given separately use a small set of their own.
    """

    def __init__(
        self,
        nlp: Language,
        taxonomy: Taxonomy,
        compiler: PhraseCompiler,
        shared: SharedPatterns,
        check_tokens: Callable[[Any], SpacyPattern] = validate_token_pattern,
    ) -> None:
        self.taxonomy = taxonomy
        self.morphology = compiler.morphology
        self._generic = frozenset(role_id for role_id, role in taxonomy.roles.items() if role.generic)
        title_words: set[str] = set()
        self.shared = shared
        #: Duty phrases and role names (keyed by role id) in the shared set.
        self.duty_group: PatternGroup[DutyKey] = PatternGroup("roles.duties")
        self.title_group: PatternGroup[str] = PatternGroup("roles.titles")
        #: What a title is read for, in one set so that a title is scanned once (:class:`_TitleWords`).
        self._in_titles: PatternSet[tuple[_TitleWord, Hashable]] = PatternSet(nlp.vocab)
        self._duties: dict[DutyKey, tuple[float, tuple[str, ...]]] = {}
        # Duty lines are often English («welcome new members»); titles keep the patterns' own forms, since
        # they label the occupation model's training postings.
        duty_compiler = compiler.with_english_forms()
        for role_id, role in taxonomy.roles.items():
            for index, duty in enumerate(role.duties):
                where = f"роль {role_id}, обязанность {index + 1}"
                patterns: list[Pattern] = [
                    p for phrase in duty.phrase for p in _compile(duty_compiler, phrase, taxonomy.phrase_macros, where)
                ]
                if duty.tokens:
                    try:
                        patterns.append(check_tokens(duty.tokens))
                    except PatternError as error:
                        raise PatternError(f"{where}: {error}") from None
                key = DutyKey(role_id, index)
                shared.add(self.duty_group, key, patterns)
                self._duties[key] = (duty.weight, tuple(duty.tags))
            names = [
                p
                for index, phrase in enumerate([*role.title_patterns, *role.shared_titles])
                for p in _compile(compiler, phrase, taxonomy.macros, f"роль {role_id}, название {index + 1}")
            ]
            objects = [
                p
                for index, phrase in enumerate(role.title_objects)
                for p in _compile(compiler, phrase, taxonomy.macros, f"роль {role_id}, объект {index + 1}")
            ]
            if role.shared_titles:
                where = f"роль {role_id}, общее название"
                shared_names = [p for x in role.shared_titles for p in _compile(compiler, x, taxonomy.macros, where)]
                self._in_titles.add(("shared", role_id), shared_names)
            for index, wide in enumerate(role.wide_titles):
                where = f"роль {role_id}, широкое название {index + 1}"
                wide_names = [p for phrase in wide.names for p in _compile(compiler, phrase, taxonomy.macros, where)]
                self._in_titles.add(("wide", (role_id, tuple(wide.admits))), wide_names)
            self._in_titles.add(("name", role_id), names)
            if objects:
                self._in_titles.add(("object", role_id), objects)
            shared.add(self.title_group, role_id, names)
            title_words.update(
                v for steps in names for step in steps if step.kind in (Kind.LEMMA, Kind.LOWER) for v in step.values
            )
        # Position nouns and seniority words are title words too: «officer» is not a misspelt «office».
        self._speller = TitleSpeller(title_words | POSITION_HEADS | GENERIC_HEADS | SENIORITY, compiler.morphology)

    def duties(self, matches: MatchIndex) -> list[DutyMatch]:
        """Duty phrases among the shared matches of a posting, in text order."""
        duties = self._duties
        found = [DutyMatch(key.role, *duties[key], start, end) for key, start, end in matches.get(self.duty_group)]
        found.sort(key=lambda m: (m.start, m.end))
        return found

    def mentions(
        self, matches: MatchIndex, view: TokenView, start: int, roles: list[str] | None = None
    ) -> list[TitleMatch]:
        """Names of ``roles`` (default: all) among the shared matches of a range starting at ``start``."""
        raw = [m for m in matches.get(self.title_group) if roles is None or m[0] in roles]
        return self._title_matches(raw, view, start)

    def titles(self, doc: Doc, view: TokenView, start: int = 0, end: int | None = None) -> list[TitleMatch]:
        """Role names in ``doc[start:end]`` (a title), skipping mere context."""
        return self._title_matches(self._title_words(doc, view, start, end).names, view, start)

    def read_title(self, doc: Doc, view: TokenView, start: int = 0, end: int | None = None) -> TitleReading:
        """What the title in ``doc[start:end]`` names, misspelt words read as the nearest known ones; a role named
        only by a name it shares with another follows the role whose own name it is («Инженер по качеству»: an
        inspector, then a tester); what its wide names admit is kept with it."""
        stop = len(doc) if end is None else end
        corrected = self._speller.correct(view)
        words = self._title_words(doc, corrected, start, stop)
        names = self._names(doc, corrected, start, stop, words.names)
        reading = read_title(
            names,
            corrected,
            start,
            stop,
            self._generic,
            words.objects,
            self._nouns(corrected, start, stop),
            spaced={i for i in range(start + 1, stop) if doc[i - 1].whitespace_},
        )
        shared = set(words.shared)
        borrowed = {role for role in reading.roles if all(m in shared for m in names if m[0] == role)}
        roles = tuple(sorted(reading.roles, key=lambda role: role in borrowed))
        wide = admitted(reading, words.wide, corrected)
        return TitleReading(roles, reading.matches, reading.seniority, reading.unread_part, reading.context, wide)

    def _title_words(self, doc: Doc, view: TokenView, start: int, end: int | None) -> _TitleWords:
        """Everything :attr:`_in_titles` finds in ``doc[start:end]``, by what it is read for."""
        found: dict[_TitleWord, list[Match[Any]]] = {"name": [], "object": [], "shared": [], "wide": []}
        for (kind, key), m_start, m_end in self._in_titles(doc, view, start, end):
            found[kind].append((key, m_start, m_end))
        return _TitleWords(found["name"], found["object"], found["shared"], found["wide"])

    def _names(self, doc: Doc, view: TokenView, start: int, stop: int, found: list[Match[str]]) -> list[Match[str]]:
        """Role names in the title (``found``, read in ``view``), and the compounds its English words name read as
        Russian loanwords where their English reading names nothing: a loanword before an English position noun
        («Brand Manager» is a «бренд-менеджер»), never a loanword read as a position of its own («Power Engineer» is
        no «повар»)."""
        loans = self._speller.loanwords(view)
        if loans is None:
            return found
        named = {i for _, m_start, m_end in found for i in range(m_start, m_end)}
        compounds = [
            (role, m_start, m_end)
            for role, m_start, m_end in self._title_words(doc, loans, start, stop).names
            if m_end - m_start > 1 and view.lower[m_end - 1] in POSITION_NOUNS
        ]
        return found + [m for m in compounds if named.isdisjoint(range(m[1], m[2]))]

    def _nouns(self, view: TokenView, start: int, stop: int) -> dict[int, NounKind]:
        """The title's Russian nouns by token index: people in an oblique plural («водителей»), a person in the
        nominative («металловед») or a thing."""
        nouns: dict[int, NounKind] = {}
        for index in range(start, stop):
            word = view.lower[index]
            parses = self.morphology.parses(word) if word.isalpha() and not word.isascii() else []
            if parses and "NOUN" in parses[0].tag:
                tag = parses[0].tag
                people = "anim" in tag and "nomn" not in tag and "plur" in tag
                nouns[index] = "people" if people else "person" if "anim" in tag and "nomn" in tag else "thing"
        return nouns

    def _title_matches(self, raw: list[Match[str]], view: TokenView, start: int) -> list[TitleMatch]:
        found: list[TitleMatch] = []
        for role, m_start, m_end in raw:
            previous = view.lower[m_start - 1] if m_start > start else ""
            if previous in _TITLE_CONTEXT_WORDS:
                continue
            found.append(with_position(TitleMatch(role, m_start, m_end), view, len(view.lower)))
        found.sort(key=lambda m: (m.start, -m.end))
        return found


def _compile(compiler: PhraseCompiler, phrase: str, macros: dict[str, str], where: str) -> list[StepPattern]:
    try:
        return compiler.compile(phrase, macros)
    except PatternError as error:
        raise PatternError(f"{where}: «{phrase}»: {error}") from None
