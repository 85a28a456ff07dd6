"""Structure checks: ST001 no-duties, ST002 no-position-in-title,
ST003 multiple-positions-in-title, ST004 no-salary."""

from __future__ import annotations

import re
from typing import Iterable

from cmlint.analysis import AnalyzedPosting
from cmlint.engine.registry import CheckContext, register
from cmlint.models import Finding

_SEPARATORS = re.compile(r"\s*(?:/|\\|\||;|,|\s+или\s+|\s+or\s+)\s*", re.IGNORECASE)


@register("no-duties")
def no_duties(posting: AnalyzedPosting, ctx: CheckContext) -> Iterable[Finding]:
    items = posting.structure.items
    if not items or any(item.kind == "duty" for item in items) or posting.profile.total > 0:
        return
    yield ctx.finding(posting.title_span())


def _position_words(posting: AnalyzedPosting, text: str, ctx: CheckContext) -> list[str]:
    """Lemmas of the words in ``text`` that name a position (a person doing a job)."""
    latin = set(ctx.option("latin_positions", []))
    suffixes = tuple(ctx.option("position_suffixes", []))
    found: list[str] = []
    for word in re.findall(r"[\w\u0400-\u04ff]+", text):
        lower = word.lower()
        if lower in latin:
            found.append(lower)
            continue
        analysis = ctx.morphology.analyze(word)
        if analysis.pos == "NOUN" and ("Animacy=Anim" in analysis.feats or analysis.lemma.endswith(suffixes)):
            found.append(analysis.lemma)
    return found


@register("no-position-in-title")
def no_position_in_title(posting: AnalyzedPosting, ctx: CheckContext) -> Iterable[Finding]:
    if not posting.title:
        if posting.structure.items:
            yield ctx.finding(None, problem="у вакансии нет названия")
        return
    if posting.title_roles or _position_words(posting, posting.title, ctx):
        return
    yield ctx.finding(posting.title_span(), problem=f"в названии «{posting.title}» не названа должность")


@register("multiple-positions-in-title")
def multiple_positions_in_title(posting: AnalyzedPosting, ctx: CheckContext) -> Iterable[Finding]:
    if not posting.title:
        return
    positions: list[tuple[str, set[str], str]] = []
    for part in _SEPARATORS.split(posting.title):
        words = _position_words(posting, part, ctx)
        if words:
            positions.append((part.strip(), _roles_of(part, ctx), words[-1]))
    for index, (_, roles_a, head_a) in enumerate(positions):
        for _, roles_b, head_b in positions[index + 1:]:
            known = bool(roles_a and roles_b)
            if (known and _unrelated(roles_a, roles_b, ctx)) or (not known and head_a != head_b):
                names = " / ".join(f"«{part}»" for part, _, _ in positions)
                yield ctx.finding(posting.title_span(), positions=names, count=len(positions))
                return


def _roles_of(text: str, ctx: CheckContext) -> set[str]:
    from cmlint.engine.lemma_matcher import TokenView

    analyzer = ctx.analyzer
    doc = analyzer.nlp(text)
    return {m.role for m in analyzer.roles.titles(doc, TokenView.of(doc))}


def _unrelated(a: set[str], b: set[str], ctx: CheckContext) -> bool:
    if a & b:
        return False
    roles = ctx.taxonomy.roles
    return not any(y in roles[x].compatible or x in roles[y].compatible for x in a for y in b)


@register("no-salary")
def no_salary(posting: AnalyzedPosting, ctx: CheckContext) -> Iterable[Finding]:
    text = f"{posting.title or ''}\n{posting.text}".lower()
    for pattern in ctx.option("salary_patterns", []):
        if re.search(pattern, text):
            return
    yield ctx.finding(None)
