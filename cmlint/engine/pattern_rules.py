"""Rules that are data: existence and substitution patterns from a pack.

- existence: report every match of the rule's patterns (in its scope);
- substitution: also offer the rule's ``replacement``, inflected to the case
  and number of the matched phrase.

``antipatterns`` are known false positives: a match that overlaps an
antipattern match is dropped (LanguageTool's antipatterns).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from spacy.tokens import Doc, Token

from cmlint.analysis import AnalyzedPosting, TextAnalysis
from cmlint.engine.contexts import (
    CLAUSE_BREAKS,
    NegationWords,
    before_hyphen,
    counterpart,
    elaborated,
    embedded,
    explained,
    in_compound,
    in_intro,
    is_name,
    negated,
    quoted,
)
from cmlint.engine.fragments import reads_as_listed
from cmlint.engine.messages import FieldType
from cmlint.engine.registry import CheckContext, NoOptions
from cmlint.engine.ruleset import check_message, where
from cmlint.engine.specs import ClauseException, PackError, PatternSpec, RuleSpec, ScopedPattern
from cmlint.matching.lemma_matcher import Match
from cmlint.matching.pattern_set import (
    MatchIndex,
    Pattern,
    PatternGroup,
    SharedPatterns,
)
from cmlint.matching.phrases import PatternError, PhraseCompiler
from cmlint.matching.token_patterns import SpacyPattern, validate_token_pattern
from cmlint.models import Edit, Finding, Fix
from cmlint.nlp.inflect import fit_start, head_grammar, inflect_title


@dataclass(frozen=True, slots=True)
class Part:
    """Which list of a rule a pattern comes from: matches (of substitution ``index``), antipatterns, item,
    title or text exceptions.

    ``scope`` narrows where a match counts, ``ignore`` adds contexts where it does not, and ``antipatterns``
    says whether the rule's antipatterns drop its matches (a pattern given as ``{pattern, scope, ignore,
    antipatterns}``).
    """

    kind: Literal["match", "anti", "exception", "clause_exception", "title_exception", "text_exception"]
    index: int = 0
    scope: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    antipatterns: bool = True


_ANTI = Part("anti")
_TITLE_EXCEPTION = Part("title_exception")
_TEXT_EXCEPTION = Part("text_exception")
_EXCEPTION = Part("exception")
_CLAUSE_EXCEPTION = Part("clause_exception")
#: A scope of the title alone: such patterns are not looked for in a body (text exceptions still are).
_TITLE_ONLY = frozenset({"title"})


class PatternRule:
    """An existence or substitution rule; its patterns live in the shared index."""

    #: Pattern rules have no options; their messages may use ``{match}`` (and ``{replacement}``).
    options = NoOptions()

    def __init__(
        self,
        spec: RuleSpec,
        shared: SharedPatterns,
        compiler: PhraseCompiler,
        macros: Mapping[str, str],
        source: str,
        negation: NegationWords,
        check_tokens: Callable[[Any], SpacyPattern] = validate_token_pattern,
    ) -> None:
        self.spec = spec
        self._check_tokens = check_tokens
        self._ignore = frozenset(spec.ignore)
        self._negation = negation
        replaces = spec.kind == "substitution"
        self.fields: Mapping[str, FieldType] = {"match": str, "replacement": str} if replaces else {"match": str}
        check_message(spec, source, self.fields)
        if spec.options:
            raise PackError(f"{where(source, spec)}, options: у правил с шаблонами нет настроек")
        self._shared = shared
        self._group: PatternGroup[Part] = PatternGroup(spec.code)
        self._scope = frozenset(spec.scope)
        place = where(source, spec)
        self._replacements: dict[int, str] = {}
        if spec.substitutions:
            for index, substitution in enumerate(spec.substitutions, start=1):
                self._replacements[index] = substitution.replacement
                part = Part("match", index)
                self._add(part, f"substitutions[{index}]", [substitution.pattern], compiler, macros, place)
        else:
            plain = [p for p in spec.patterns if not isinstance(p, ScopedPattern)]
            self._add(Part("match"), "patterns", plain, compiler, macros, place)
            for number, pattern in enumerate(spec.patterns, start=1):
                if isinstance(pattern, ScopedPattern):
                    scope = frozenset(pattern.scope) if pattern.scope else None
                    part = Part("match", 0, scope, frozenset(pattern.ignore), pattern.antipatterns)
                    self._add(part, f"patterns[{number}]", [pattern.pattern], compiler, macros, place)
            if spec.replacement:
                self._replacements[0] = spec.replacement
        # Antipatterns and item exceptions only ever drop a match of the rule.
        self._add(_ANTI, "antipatterns", spec.antipatterns, compiler, macros, place, dependent=True)
        whole = [p for p in spec.item_exceptions if not isinstance(p, ClauseException)]
        clauses = [p.clause for p in spec.item_exceptions if isinstance(p, ClauseException)]
        self._add(_EXCEPTION, "item_exceptions", whole, compiler, macros, place, dependent=True)
        self._add(_CLAUSE_EXCEPTION, "item_exceptions.clause", clauses, compiler, macros, place, dependent=True)
        self._add(_TITLE_EXCEPTION, "title_exceptions", spec.title_exceptions, compiler, macros, place)
        self._add(_TEXT_EXCEPTION, "text_exceptions", spec.text_exceptions, compiler, macros, place)

    def _add(
        self,
        part: Part,
        key: str,
        specs: list[PatternSpec],
        compiler: PhraseCompiler,
        macros: Mapping[str, str],
        where: str,
        dependent: bool = False,
    ) -> None:
        if not specs:
            return
        patterns: list[Pattern] = []
        for index, pattern in enumerate(specs, start=1):
            try:
                if isinstance(pattern, str):
                    patterns.extend(compiler.compile(pattern, macros))
                else:
                    patterns.append(self._check_tokens(pattern))
            except PatternError as error:
                raise PackError(f"{where}, {key}[{index}]: {error}") from None
        title_only = part != _TEXT_EXCEPTION and _TITLE_ONLY in (self._scope, part.scope)
        self._shared.add(self._group, part, patterns, dependent, title_only)

    def run(self, posting: AnalyzedPosting, ctx: CheckContext[Any]) -> Iterable[Finding]:
        """The rule's findings; nothing at once where none of its patterns matched (most rules in most postings:
        no generator is started for them)."""
        matches = posting.matches
        if not matches.title.get(self._group) and not matches.text.get(self._group):
            return ()
        return self._run(posting, ctx)

    def _run(self, posting: AnalyzedPosting, ctx: CheckContext[Any]) -> Iterator[Finding]:
        scope = self._scope
        title = posting.title
        excepted = (key == _TITLE_EXCEPTION for key, _, _ in posting.matches.title.get(self._group))
        if title.doc is not None and any(excepted):
            return
        if any(key == _TEXT_EXCEPTION for key, _, _ in posting.matches.text.get(self._group)):
            return
        if "title" in scope and title.doc is not None:
            yield from self._findings(posting, ctx, title.doc, posting.matches.title, in_title=True)
        if scope - {"title"}:
            yield from self._findings(posting, ctx, posting.text.doc, posting.matches.text, in_title=False)

    def _findings(
        self, posting: AnalyzedPosting, ctx: CheckContext[Any], doc: Doc, index: MatchIndex, in_title: bool
    ) -> Iterable[Finding]:
        mine = index.get(self._group)
        if not any(key.kind == "match" for key, _, _ in mine):
            return
        text = posting.text
        items: Sequence[int] = () if in_title else text.token_items
        # An antipattern reads one phrase: not words of two items a scrape glued together («до 45 летОпыт работы»).
        anti = [(s, e) for key, s, e in mine if key == _ANTI and not _across_items(doc, items, s, e)]
        # The title is one item: an item exception there («(ЦА — 18–25 лет)») excepts the whole title.
        title_excepted = in_title and any(key in (_EXCEPTION, _CLAUSE_EXCEPTION) for key, _, _ in mine)
        excepted = set() if in_title else {items[s] for key, s, _ in mine if key == _EXCEPTION} - {-1}
        clauses = [] if in_title else [(s, e) for key, s, e in mine if key == _CLAUSE_EXCEPTION and items[s] >= 0]
        candidates = [
            (key, start, end)
            for key, start, end in mine
            if key.kind == "match"
            and not (key.antipatterns and any(a_start < end and start < a_end for a_start, a_end in anti))
            and not title_excepted
            and (in_title or items[start] not in excepted and not _in_clause_of(doc, items, clauses, start, end))
            and self._in_scope(key, text, items, start, in_title)
            and not self._ignored(key, posting, doc, items, start, end, in_title)
        ]
        trimmed = [(key, start, _trimmed(doc, start, end)) for key, start, end in candidates]
        for key, m_start, m_end in _longest_first(trimmed):
            matched = doc[m_start:m_end]
            place = posting.title.token_span(m_start, m_end) if in_title else text.token_span(m_start, m_end)
            replacement = self._fit(key, matched.text, ctx)
            edits = [Edit(span=place, replacement=replacement)] if replacement else []
            fixes = [Fix(message=f"Заменить на «{replacement}»", edits=edits)] if replacement else []
            values: dict[str, Any] = {"match": matched.text, "replacement": replacement or ""}
            yield ctx.finding(place, suggestions=fixes, **values)

    def _in_scope(self, key: Part, text: TextAnalysis, items: Sequence[int], start: int, in_title: bool) -> bool:
        """Whether a match at ``start`` is in the rule's scope and its pattern's."""
        for scope in (self._scope, key.scope):
            if scope is None or "text" in scope and not in_title:
                continue
            if in_title:
                if "title" not in scope:
                    return False
                continue
            item = items[start]
            kind = text.structure.items[item].kind if item >= 0 else text.heading_kind(text.doc[start].idx)
            if kind not in scope and not (
                "fragment" in self._scope
                and "listed" in scope
                and reads_as_listed(text.doc, items, text.structure, start)
            ):
                return False
        return True

    def _ignored(
        self, key: Part, posting: AnalyzedPosting, doc: Doc, items: Sequence[int], start: int, end: int, in_title: bool
    ) -> bool:
        """Whether the match is in a context the rule or its pattern ignores (:mod:`cmlint.engine.contexts`)."""
        ignore = self._ignore | key.ignore
        if not ignore:
            return False
        view = posting.title.view if in_title else posting.text.view
        return (
            ("salary" in ignore and posting.states_salary)
            or ("compound" in ignore and in_compound(doc, start))
            or ("prefix" in ignore and before_hyphen(doc, end))
            or ("name" in ignore and is_name(doc, start, items))
            or ("quote" in ignore and quoted(doc, start, end))
            or ("intro" in ignore and not in_title and in_intro(posting.text.structure, items, start))
            or ("embedded" in ignore and not in_title and embedded(doc, items, start, end))
            or ("explained" in ignore and explained(doc, end))
            or ("negation" in ignore and view is not None and negated(view, items, start, end, self._negation))
            or ("counterpart" in ignore and counterpart(doc, items, start, end, _title_tokens(posting)))
            or ("elaborated" in ignore and not in_title and elaborated(doc, items, end))
        )

    def _fit(self, key: Part, matched: str, ctx: CheckContext[Any]) -> str | None:
        """The replacement for a match of ``key``, inflected like the matched words."""
        replacement = self._replacements.get(key.index)
        if replacement is None:
            return None
        grammar = head_grammar(matched.split(), ctx.morphology)
        if grammar is not None:
            replacement = inflect_title(replacement, grammar, ctx.morphology)
        return fit_start(replacement, matched)


#: Marks an antipattern reads on across: a clause or a sentence of the same line ends there.
_READ_ON = frozenset({";", "."})


def _across_items(doc: Doc, items: Sequence[int], start: int, end: int) -> bool:
    """Whether ``start:end`` runs from one list item or sentence into another other than at a semicolon or a full
    stop: a scrape glued them («до 45 летОпыт работы»); clauses of one line split at «;» read on («лекции,
    тренинги; корпоративы»), and so do sentences of one line («комфортный офис. В здании есть столовая»)."""
    if not items:
        return False
    inside = [i for i in range(start, end) if items[i] >= 0]
    return any(items[a] != items[b] and not _read_on(doc, a, b) for a, b in zip(inside, inside[1:], strict=False))


def _read_on(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens ``a`` to ``b`` of one line have a semicolon or a full stop between them."""
    between = doc[a:b + 1]
    return any(token.text in _READ_ON for token in between) and not any("\n" in token.text for token in between)


def _in_clause_of(doc: Doc, items: Sequence[int], clauses: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a clause exception stands in the item of the match ``start:end`` with no clause break between."""
    for c_start, c_end in clauses:
        if items[c_start] != items[start]:
            continue
        between = doc[min(end, c_end):max(start, c_start)]
        if not any(token.text in CLAUSE_BREAKS for token in between):
            return True
    return False


#: Tokens a pattern may need after the words it finds («Мужчина, права B», «семейный.», «Живёшь в Купчино?», a
#: line's end) that are no part of the finding.
_TRAILING = frozenset({",", ";", "(", ".", "!", "?"})


def _trimmed(doc: Doc, start: int, end: int) -> int:
    """The end of a match without the punctuation or line break it ends with (a closing bracket only when the
    match does not open it: «(девушка)» stays whole)."""
    while end - 1 > start and (
        doc[end - 1].text in _TRAILING
        and not (doc[end - 1].text == "." and _abbreviated(doc[end - 2]))
        or doc[end - 1].is_space
        or doc[end - 1].text == ")" and "(" not in doc[start:end - 1].text
    ):
        end -= 1
    return end


def _abbreviated(token: Token) -> bool:
    """Whether a dot after ``token`` ends its abbreviation («жен.», «20-35 л.»), not a sentence."""
    return len(token.text) <= 4 and not token.whitespace_


def _title_tokens(posting: AnalyzedPosting) -> list[Token]:
    """The title's tokens (none without a title)."""
    title = posting.title
    return list(title.doc[title.first:title.end]) if title.doc is not None else []


def _longest_first(matches: list[Match[Part]]) -> list[Match[Part]]:
    """Matches in text order, dropping those inside a longer match of the rule."""
    ordered = sorted(matches, key=lambda m: (m[1], -(m[2] - m[1])))
    kept: list[Match[Part]] = []
    for match in ordered:
        if kept and match[1] < kept[-1][2]:
            continue
        kept.append(match)
    return kept
