"""The taxonomy compiled to spaCy matchers: duty phrases and title names."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from cmlint.engine.lemma_matcher import TokenView
from cmlint.engine.pattern_set import PatternSet
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
    """Finds duty phrases and role names using the compiled taxonomy."""

    def __init__(self, nlp: Language, taxonomy: Taxonomy, compiler: PhraseCompiler) -> None:
        self.taxonomy = taxonomy
        self._duties = PatternSet(nlp.vocab)
        self._titles = PatternSet(nlp.vocab)
        self._titles_of: dict[str, PatternSet] = {}
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
                self._duties.add(key, patterns)
                self._duty_keys[key] = (role_id, duty.weight, tuple(duty.tags))
            key = f"title:{role_id}"
            patterns = [
                p
                for index, phrase in enumerate(role.title_patterns)
                for p in _compile(compiler, phrase, taxonomy.macros, f"роль {role_id}, название {index + 1}")
            ]
            self._titles.add(key, patterns)
            self._titles_of[role_id] = PatternSet(nlp.vocab)
            self._titles_of[role_id].add(key, patterns)
            self._title_keys[key] = role_id

    def duties(self, doc: Doc, view: TokenView) -> list[DutyMatch]:
        """Every duty phrase in ``doc``, in text order."""
        keys = self._duty_keys
        found = [DutyMatch(*keys[key], start, end) for key, start, end in self._duties(doc, view)]
        found.sort(key=lambda m: (m.start, m.end))
        return found

    def titles(
        self, doc: Doc, view: TokenView, start: int = 0, end: int | None = None, roles: list[str] | None = None
    ) -> list[TitleMatch]:
        """Names of ``roles`` (default: all) in ``doc[start:end]``, skipping mere context."""
        if roles is None:
            raw = self._titles(doc, view, start, end)
        else:
            raw = [m for role in roles for m in self._titles_of[role](doc, view, start, end)]
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
