"""Structure checks: ST001 no-duties, ST002 no-position-in-title,
ST003 multiple-positions-in-title, ST004 no-salary."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import Field

from cmlint.analysis import AnalyzedPosting, Title
from cmlint.engine.registry import CheckContext, NoOptions, Options, check
from cmlint.models import Finding
from cmlint.nlp.words import Lemma

_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_AFTER_DASH = re.compile(r"\s[—–]\s.*")
_PART = re.compile(r"(?:(?!\s+(?:или|or)\s+)[^/\\|;,])+", re.IGNORECASE)


class NoDutiesOptions(Options):
    min_unlabelled: int = Field(default=2, ge=0, description="сколько строк без раздела уже могут быть обязанностями")


@check("no-duties", NoDutiesOptions)
def no_duties(posting: AnalyzedPosting, ctx: CheckContext[NoDutiesOptions]) -> Iterable[Finding]:
    """Only company text, requirements and conditions: no duty item, no unlabelled lines that could be duties."""
    items = posting.text.structure.items
    if not items or posting.roles.profile.total > 0 or any(item.kind == "duty" for item in items):
        return
    possible = sum(1 for item in items if item.kind in ("other", "readiness", "listed"))
    if possible < ctx.options.min_unlabelled:
        yield ctx.finding(posting.title.span())


class TitleWordsOptions(Options):
    generic_words: list[Lemma] = Field(description="леммы, которые не называют должность («вакансия», «срочно»)")


class PositionsOptions(Options):
    generic_heads: list[Lemma] = Field(description="слова, которые сами не называют профессию («менеджер»)")
    families: dict[str, list[Lemma]] = Field(description="профессии и слова, которые их называют")
    role_families: dict[str, list[str]] = Field(description="профессии каждой роли из таксономии")
    position_suffixes: list[str] = Field(description="окончания лемм, по которым слово — должность")


@check("no-position-in-title", TitleWordsOptions, fields={"problem": str})
def no_position_in_title(posting: AnalyzedPosting, ctx: CheckContext[TitleWordsOptions]) -> Iterable[Finding]:
    """The title is missing or made only of generic words («Вакансия», «Работа мечты!», «Срочно!»)."""
    title = posting.title
    if not title.text:
        if posting.text.structure.items:
            yield ctx.finding(None, problem="У вакансии нет названия")
        return
    if posting.roles.title_roles:
        return
    generic = set(ctx.options.generic_words)
    if all(word.lemma in generic or word.lemma.isdigit() for word in title.words):
        yield ctx.finding(title.span(), problem=f"В названии «{title.text}» не названа должность")


@dataclass(frozen=True)
class _Position:
    """A part of a title that names a position: its text, head lemma, trades and other content words."""

    text: str
    head: str
    families: frozenset[str]
    words: frozenset[str]


@check("multiple-positions-in-title", PositionsOptions, fields={"positions": str, "count": int})
def multiple_positions_in_title(posting: AnalyzedPosting, ctx: CheckContext[PositionsOptions]) -> Iterable[Finding]:
    """Positions of different trades in one title; synonyms, related trades, teams, places and qualifiers are fine."""
    title = posting.title
    if not title.text:
        return
    # What follows a spaced dash names a team, a product or a place: «Разработчик — HRTech / AI-рекрутер».
    cleaned = _AFTER_DASH.sub(_blank, _PARENTHESES.sub(_blank, title.text))
    parts = [(m.start(), m.end()) for m in _PART.finditer(cleaned) if m.group(0).strip()]
    if len(parts) < 2:
        return
    found = (_position(title, cleaned, start, end, ctx.options) for start, end in parts)
    positions = [position for position in found if position is not None]
    for index, first in enumerate(positions):
        for second in positions[index + 1:]:
            if _different_trades(first, second):
                names = " / ".join(f"«{position.text}»" for position in positions)
                yield ctx.finding(title.span(), positions=names, count=len(positions))
                return


def _position(title: Title, cleaned: str, start: int, end: int, options: PositionsOptions) -> _Position | None:
    """The position a part of the title names (a Cyrillic part with a word for a person at work), if any."""
    part = cleaned[start:end]
    if not _CYRILLIC.search(part):
        return None
    words = [w for w in title.words if start <= w.start < end and cleaned[w.start:w.end].strip()]
    lemmas = [w.lemma for w in words]
    known = {lemma for members in options.families.values() for lemma in members}
    suffixes = tuple(options.position_suffixes)
    head = next(
        (w.lemma for w in words if w.lemma in known or (w.pos == "NOUN" and (w.animate or w.lemma.endswith(suffixes)))),
        None,
    )
    if head is None:
        return None
    # A part's trades: its head's, its other words' («водитель погрузчика» is warehouse work too),
    # and for a generic head («SMM-менеджер») the trades of the roles it names.
    families = {name for name, members in options.families.items() if set(lemmas) & set(members)}
    if head in options.generic_heads:
        roles = title.roles_in(start, end)
        families |= {name for role in roles for name in options.role_families.get(role, ())}
    generic = set(options.generic_heads)
    content = frozenset(lemma for lemma in lemmas if len(lemma) > 2 and lemma not in generic and lemma != head)
    return _Position(part.strip(), head, frozenset(families), content)


def _different_trades(a: _Position, b: _Position) -> bool:
    """Both trades are known and share nothing, and the two parts share no word or stem."""
    if not a.families or not b.families or a.families & b.families:
        return False
    if a.head == b.head or _common_prefix(a.head, b.head) >= 5:
        return False
    return not (a.words & b.words or {a.head, b.head} & (a.words | b.words))


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _common_prefix(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


@check("no-salary", NoOptions)
def no_salary(posting: AnalyzedPosting, ctx: CheckContext[NoOptions]) -> Iterable[Finding]:
    """No salary figure anywhere (:mod:`cmlint.text.money` knows how people write them)."""
    if not posting.states_salary:
        yield ctx.finding(None)
