"""Structure checks: ST001 no-duties, ST002 no-position-in-title,
ST003 multiple-positions-in-title, ST004 no-salary."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from cmlint.analysis import AnalyzedPosting, TitleWord
from cmlint.engine.registry import CheckContext, Options, check
from cmlint.models import Finding
from cmlint.nlp.words import Lemma, Regex
from cmlint.roles.taxonomy import Taxonomy

_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
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
    generic_heads: list[Lemma] = Field(description="слова, которые уточняют соседнюю должность, а не добавляют новую")
    same_position: list[list[Lemma]] = Field(description="группы слов, которые называют одну должность")
    latin_positions: list[str] = Field(description="латинские слова-должности (в нижнем регистре)")
    position_suffixes: list[str] = Field(description="окончания лемм, по которым слово — должность")


def _position_words(words: Iterable[TitleWord], options: PositionsOptions) -> list[str]:
    """Lemmas of the words that name a position (a person doing a job)."""
    latin = set(options.latin_positions)
    suffixes = tuple(options.position_suffixes)
    found: list[str] = []
    for word in words:
        lower = word.text.lower()
        if lower in latin:
            found.append(lower)
        elif word.pos == "NOUN" and (word.animate or word.lemma.endswith(suffixes)):
            found.append(word.lemma)
    return found


@check("no-position-in-title", TitleWordsOptions, fields=["problem"])
def no_position_in_title(posting: AnalyzedPosting, ctx: CheckContext[TitleWordsOptions]) -> Iterable[Finding]:
    """The title is missing or made only of generic words («Вакансия», «Работа мечты!», «Срочно!»)."""
    title = posting.title
    if not title.text:
        if posting.text.structure.items:
            yield ctx.finding(None, problem="у вакансии нет названия")
        return
    if posting.roles.title_roles:
        return
    generic = set(ctx.options.generic_words)
    if all(word.lemma in generic or word.lemma.isdigit() for word in title.words):
        yield ctx.finding(title.span(), problem=f"в названии «{title.text}» не названа должность")


@check("multiple-positions-in-title", PositionsOptions, fields=["positions", "count"])
def multiple_positions_in_title(posting: AnalyzedPosting, ctx: CheckContext[PositionsOptions]) -> Iterable[Finding]:
    """Two or more positions from unrelated roles (a Latin alias of a Russian title is not another position)."""
    title = posting.title
    if not title.text:
        return
    cleaned = _PARENTHESES.sub(lambda m: " " * len(m.group(0)), title.text)
    parts = [(m.start(), m.end()) for m in _PART.finditer(cleaned) if m.group(0).strip()]
    if len(parts) < 2:
        return
    generic = set(ctx.options.generic_heads)
    same: dict[str, set[int]] = {}
    for index, group in enumerate(ctx.options.same_position):
        for word in group:
            same.setdefault(word, set()).add(index)
    positions: list[tuple[str, set[str], str]] = []
    for start, end in parts:
        part = cleaned[start:end]
        inside = (w for w in title.words if start <= w.start < end and cleaned[w.start:w.end].strip())
        words = _position_words(inside, ctx.options)
        if words and _CYRILLIC.search(part):
            positions.append((part.strip(), title.roles_in(start, end), words[0]))
    for index, (_, roles_a, head_a) in enumerate(positions):
        for _, roles_b, head_b in positions[index + 1:]:
            if roles_a and roles_b:
                clash = _unrelated(roles_a, roles_b, ctx)
            else:
                unknown_heads = {head for head, roles in ((head_a, roles_a), (head_b, roles_b)) if not roles}
                synonyms = bool(same.get(head_a, set()) & same.get(head_b, set()))
                clash = head_a != head_b and not synonyms and not unknown_heads & generic
            if clash:
                names = " / ".join(f"«{part}»" for part, _, _ in positions)
                yield ctx.finding(title.span(), positions=names, count=len(positions))
                return


def _unrelated(a: set[str], b: set[str], ctx: CheckContext[PositionsOptions]) -> bool:
    if a & b:
        return False
    taxonomy = ctx.taxonomy
    return not any(_one_position(x, y, taxonomy) for x in a for y in b)


def _one_position(x: str, y: str, taxonomy: Taxonomy) -> bool:
    """Whether two roles of a title can name one position: compatible fine roles, close roles, one occupation.

    Related occupations are still different positions («Курьер / Кладовщик»).
    """
    roles = taxonomy.roles
    if x in roles[y].close or y in roles[x].close or taxonomy.occupation_of(x) == taxonomy.occupation_of(y):
        return True
    fine = roles[x].kind == "role" and roles[y].kind == "role"
    return fine and (y in roles[x].compatible or x in roles[y].compatible)


class SalaryOptions(Options):
    salary_patterns: list[Regex] = Field(description="регулярные выражения, по которым в тексте есть зарплата")


@check("no-salary", SalaryOptions)
def no_salary(posting: AnalyzedPosting, ctx: CheckContext[SalaryOptions]) -> Iterable[Finding]:
    text = f"{posting.title.text or ''}\n{posting.text.content}".lower()
    for pattern in ctx.options.salary_patterns:
        if re.search(pattern, text):
            return
    yield ctx.finding(None)
