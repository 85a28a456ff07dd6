"""Rules that are data: existence and substitution patterns from a pack.

- existence: report every match of the rule's patterns (in its scope);
- substitution: also offer the rule's ``replacement``, inflected to the case
  and number of the matched phrase.

``antipatterns`` are known false positives: a match that overlaps an
antipattern match is dropped (LanguageTool's antipatterns).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from spacy.tokens import Doc

from cmlint.analysis import AnalyzedPosting
from cmlint.engine.registry import CheckContext, NoOptions
from cmlint.engine.ruleset import check_message, where
from cmlint.engine.specs import PackError, PatternSpec, RuleSpec
from cmlint.matching.lemma_matcher import Match
from cmlint.matching.pattern_set import (
    MatchIndex,
    Pattern,
    PatternGroup,
    SharedPatterns,
)
from cmlint.matching.phrases import PatternError, PhraseCompiler
from cmlint.matching.token_patterns import validate_token_pattern
from cmlint.models import Edit, Finding, Fix
from cmlint.nlp.inflect import fit_start, head_grammar, inflect_title


@dataclass(frozen=True, slots=True)
class Part:
    """Which list of a rule a pattern comes from: matches (of substitution ``index``), antipatterns, exceptions."""

    kind: Literal["match", "anti", "exception"]
    index: int = 0


_ANTI = Part("anti")
_EXCEPTION = Part("exception")


class PatternRule:
    """An existence or substitution rule; its patterns live in the shared index."""

    #: Pattern rules have no options; their messages may use ``{match}`` (and ``{replacement}``).
    options = NoOptions()

    def __init__(
        self, spec: RuleSpec, shared: SharedPatterns, compiler: PhraseCompiler, macros: Mapping[str, str], source: str
    ) -> None:
        self.spec = spec
        self.fields = frozenset({"match", "replacement"} if spec.kind == "substitution" else {"match"})
        check_message(spec, source, self.fields)
        if spec.options:
            raise PackError(f"{where(source, spec)}, options: у правил с шаблонами нет настроек")
        self._shared = shared
        self._group: PatternGroup[Part] = PatternGroup(spec.code)
        self._scope = frozenset(spec.scope)
        place = where(source, spec)
        self._replacements: dict[Part, str] = {}
        if spec.substitutions:
            for index, substitution in enumerate(spec.substitutions, start=1):
                part = Part("match", index)
                self._replacements[part] = substitution.replacement
                self._add(part, f"substitutions[{index}]", [substitution.pattern], compiler, macros, place)
        else:
            self._add(Part("match"), "patterns", spec.patterns, compiler, macros, place)
            if spec.replacement:
                self._replacements[Part("match")] = spec.replacement
        self._add(_ANTI, "antipatterns", spec.antipatterns, compiler, macros, place)
        self._add(_EXCEPTION, "item_exceptions", spec.item_exceptions, compiler, macros, place)

    def _add(
        self,
        part: Part,
        key: str,
        specs: list[PatternSpec],
        compiler: PhraseCompiler,
        macros: Mapping[str, str],
        where: str,
    ) -> None:
        if not specs:
            return
        patterns: list[Pattern] = []
        for index, pattern in enumerate(specs, start=1):
            try:
                if isinstance(pattern, str):
                    patterns.extend(compiler.compile(pattern, macros))
                else:
                    patterns.append(validate_token_pattern(pattern))
            except PatternError as error:
                raise PackError(f"{where}, {key}[{index}]: {error}") from None
        self._shared.add(self._group, part, patterns)

    def run(self, posting: AnalyzedPosting, ctx: CheckContext[Any]) -> Iterable[Finding]:
        scope = self._scope
        title = posting.title
        if "title" in scope and title.doc is not None:
            yield from self._findings(posting, ctx, title.doc, posting.matches.title, in_title=True)
        if scope - {"title"}:
            yield from self._findings(posting, ctx, posting.text.doc, posting.matches.text, in_title=False)

    def _findings(
        self, posting: AnalyzedPosting, ctx: CheckContext[Any], doc: Doc, index: MatchIndex, in_title: bool
    ) -> Iterable[Finding]:
        mine = index.get(self._group)
        matches = _longest_first([m for m in mine if m[0].kind == "match"])
        if not matches:
            return
        text = posting.text
        token_items = text.token_items
        anti = [(s, e) for key, s, e in mine if key == _ANTI]
        excepted = set() if in_title else {token_items[s] for key, s, _ in mine if key == _EXCEPTION} - {-1}
        scope = self._scope
        for key, m_start, m_end in matches:
            if any(a_start < m_end and m_start < a_end for a_start, a_end in anti):
                continue
            if not in_title:
                item = token_items[m_start]
                if item in excepted:
                    continue
                if "text" not in scope and (item < 0 or text.structure.items[item].kind not in scope):
                    continue
            matched = doc[m_start:m_end]
            place = posting.title.token_span(m_start, m_end) if in_title else text.token_span(m_start, m_end)
            replacement = self._fit(key, matched.text, ctx)
            edits = [Edit(span=place, replacement=replacement)] if replacement else []
            fixes = [Fix(message=f"Заменить на «{replacement}»", edits=edits)] if replacement else []
            values: dict[str, Any] = {"match": matched.text, "replacement": replacement or ""}
            yield ctx.finding(place, suggestions=fixes, **values)

    def _fit(self, key: Part, matched: str, ctx: CheckContext[Any]) -> str | None:
        """The replacement for a match of ``key``, inflected like the matched words."""
        replacement = self._replacements.get(key)
        if replacement is None:
            return None
        grammar = head_grammar(matched.split(), ctx.morphology)
        if grammar is not None:
            replacement = inflect_title(replacement, grammar, ctx.morphology)
        return fit_start(replacement, matched)


def _longest_first(matches: list[Match[Part]]) -> list[Match[Part]]:
    """Matches in text order, dropping those inside a longer match of the rule."""
    ordered = sorted(matches, key=lambda m: (m[1], -(m[2] - m[1])))
    kept: list[Match[Part]] = []
    for match in ordered:
        if kept and match[1] < kept[-1][2]:
            continue
        kept.append(match)
    return kept
