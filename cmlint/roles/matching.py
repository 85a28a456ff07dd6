"""The taxonomy compiled to spaCy matchers: duty phrases and title names."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from cmlint.engine.lemma_matcher import TokenView
from cmlint.engine.pattern_set import PatternSet, SharedPatterns
from cmlint.engine.patterns import PatternError, PhraseCompiler, validate_token_pattern
from cmlint.roles.taxonomy import Taxonomy

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
class TitleMatch:
    """A name of a role found in a title or in the body (token offsets)."""

    role: str
    start: int
    end: int


class RoleMatcher:
    """Finds duty phrases and role names using the compiled taxonomy.

    Body patterns live in the engine's :class:`SharedPatterns`, so duties,
    title mentions and every pattern rule cost one pass over a posting;
    titles given separately use a small set of their own.
    """

    DUTIES = "roles.duties"
    MENTIONS = "roles.titles"

    def __init__(self, nlp: Language, taxonomy: Taxonomy, compiler: PhraseCompiler, shared: SharedPatterns) -> None:
        self.taxonomy = taxonomy
        self.shared = shared
        self._titles = PatternSet(nlp.vocab)
        self._duty_keys: dict[str, tuple[str, float, tuple[str, ...]]] = {}
        self._title_keys: dict[str, str] = {}
        for role_id, role in taxonomy.roles.items():
            for index, duty in enumerate(role.duties):
                where = f"роль {role_id}, обязанность {index + 1}"
                patterns = [p for phrase in duty.phrase for p in _compile(compiler, phrase, taxonomy.macros, where)]
                if duty.tokens:
                    try:
                        patterns.append(validate_token_pattern(duty.tokens))
                    except PatternError as error:
                        raise PatternError(f"{where}: {error}") from None
                key = f"duty:{role_id}:{index}"
                shared.add(self.DUTIES, key, patterns)
                self._duty_keys[key] = (role_id, duty.weight, tuple(duty.tags))
            key = f"title:{role_id}"
            patterns = [
                p
                for index, phrase in enumerate(role.title_patterns)
                for p in _compile(compiler, phrase, taxonomy.macros, f"роль {role_id}, название {index + 1}")
            ]
            self._titles.add(key, patterns)
            shared.add(self.MENTIONS, key, patterns)
            self._title_keys[key] = role_id

    def duties(self, matches: dict[str, list[tuple[str, int, int]]]) -> list[DutyMatch]:
        """Duty phrases among the shared matches of a posting, in text order."""
        keys = self._duty_keys
        found = [DutyMatch(*keys[key], start, end) for key, start, end in matches.get(self.DUTIES, ())]
        found.sort(key=lambda m: (m.start, m.end))
        return found

    def mentions(
        self, matches: dict[str, list[tuple[str, int, int]]], view: TokenView, start: int, roles: list[str] | None = None
    ) -> list[TitleMatch]:
        """Names of ``roles`` (default: all) among the shared matches of a range starting at ``start``."""
        raw = [m for m in matches.get(self.MENTIONS, ()) if roles is None or self._title_keys[m[0]] in roles]
        return self._title_matches(raw, view, start)

    def titles(self, doc: Doc, view: TokenView, start: int = 0, end: int | None = None) -> list[TitleMatch]:
        """Role names in ``doc[start:end]`` (a title), skipping mere context."""
        return self._title_matches(self._titles(doc, view, start, end), view, start)

    def _title_matches(self, raw: list[tuple[str, int, int]], view: TokenView, start: int) -> list[TitleMatch]:
        found: list[TitleMatch] = []
        for key, m_start, m_end in raw:
            previous = view.lower[m_start - 1] if m_start > start else ""
            if previous in _TITLE_CONTEXT_WORDS:
                continue
            found.append(TitleMatch(self._title_keys[key], m_start, m_end))
        found.sort(key=lambda m: (m.start, -m.end))
        return found


def _compile(compiler: PhraseCompiler, phrase: str, macros: dict[str, str], where: str) -> list[list[dict]]:
    try:
        return compiler.compile(phrase, macros)
    except PatternError as error:
        raise PatternError(f"{where}: «{phrase}»: {error}") from None
