"""Structure checks: ST001 no-duties, ST002 no-position-in-title,
ST003 multiple-positions-in-title, ST004 no-salary."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from os.path import commonprefix

from pydantic import Field

from cmlint.analysis import AnalyzedPosting, Title, TitleWord
from cmlint.analysis.text import TextAnalysis
from cmlint.engine.registry import CheckContext, NoOptions, Options, check
from cmlint.models import Finding
from cmlint.nlp.words import Lemma
from cmlint.occupations.model import shipped_model
from cmlint.roles.taxonomy import Taxonomy
from cmlint.text.segment import describes_work, names_work, tells_work

_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_AFTER_DASH = re.compile(r"\s[—–]\s.*")
_PART = re.compile(r"(?:(?!\s+(?:или|or)\s+)[^/\\|;,])+", re.IGNORECASE)


class NoDutiesOptions(Options):
    min_unlabelled: int = Field(default=2, ge=0, description="сколько строк без раздела уже могут быть обязанностями")


@check("no-duties", NoDutiesOptions)
def no_duties(posting: AnalyzedPosting, ctx: CheckContext[NoDutiesOptions]) -> Iterable[Finding]:
    """Only company text, requirements and conditions: no duty item, no item under a duties heading
    (even one that reads like a requirement), no unlabelled lines that could be duties, no unlabelled
    line that starts with an action («Редактирование рукописей» after the requirements of a cut snippet)
    or tells the work in prose («Специалист будет отвечать за приёмку товара»)."""
    text = posting.text
    items = text.structure.items
    listed = any(item.kind == "duty" or item.section == "duties" for item in items)
    if not items or posting.roles.evidence or listed or _duties_under_conditions(text):
        return
    possible = [index for index, item in enumerate(items) if item.kind in ("other", "readiness", "listed")]
    if len(possible) >= ctx.options.min_unlabelled:
        return
    if any(describes_work(text.item_text(index)) for index in possible):
        return
    # A text whose line breaks were lost often tells the work in prose inside the company's description
    # («О нас: … Вы будете принимать товар …»): a sentence that tells the work is a duty there too.
    told = (index for index, item in enumerate(items) if item.section in _PROSE_SECTIONS and item.kind != "duty")
    if not any(tells_work(text.item_text(index)) for index in told):
        yield ctx.finding(posting.title.span())


#: Sections where the work may be told in prose when the reader found no duties heading.
_PROSE_SECTIONS = frozenset({"intro", "about", "other"})
#: Work items under the conditions heading that make it the duties' (when they are at least half of its items).
_MIN_WORK_CONDITIONS = 2


def _duties_under_conditions(text: TextAnalysis) -> bool:
    """The conditions heading holds the work: most of its items start with an action or a noun of action that no
    perk or condition starts with («Условия: Подготовка обзоров; Проверка гипотез; Написание статей» in a
    posting glued from a board's fields)."""
    items = text.structure.items
    conditions = [text.item_text(index) for index, item in enumerate(items) if item.section == "conditions"]
    work = [item for item in conditions if names_work(item)]
    return len(work) >= _MIN_WORK_CONDITIONS and 2 * len(work) >= len(conditions)


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
    """A part of a title that names a position: its text, head lemma, trades, other content words and roles."""

    text: str
    head: str
    lead: str | None
    families: frozenset[str]
    words: frozenset[str]
    roles: frozenset[str]


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
    scoring = ctx.config.roles
    neighbours = _neighbours(scoring.neighbour_min_rate, scoring.neighbour_min_postings)
    generic = frozenset(ctx.options.generic_heads)
    for index, first in enumerate(positions):
        for second in positions[index + 1:]:
            if _different_positions(first, second, ctx.taxonomy, neighbours, generic):
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
    generic = set(options.generic_heads)
    # The part's first noun says what it is: a person at work («Администратор сайта»), or a team,
    # a product or a place («Личный кабинет продавца», «Контент и товары», «офис компании»).
    # (the first part of a hyphenated word qualifies the second: «Контент-менеджер»)
    nouns = (w for w in words if (w.pos == "NOUN" or w.lemma in known) and cleaned[w.end:w.end + 1] != "-")
    first = next(nouns, None)
    if first is None or not _names_a_person(first, known | generic, tuple(options.position_suffixes)):
        return None
    head = first.lemma
    # A person word glued before the head names the trade too: «Инженер-программист», «Администратор-кассир».
    lead = next((w.lemma for w in words if w.end < first.start and cleaned[w.end:first.start] == "-"), None)
    # A part's trades: its words' («водитель погрузчика» is warehouse work too) and its roles'
    # («SMM-менеджер»); a generic head alone («/ разработчик») takes no trade of its own.
    content = frozenset(lemma for lemma in lemmas if len(lemma) > 2 and lemma not in generic and lemma != head)
    names = title.names_in(start, end)
    families: set[str] = set()
    # Words after «в», «для» … say where the position works, not its trade («Ассистент в магазин игр»);
    # words after «обучению», «курса» … say what is taught («Инженер по обучению операторов станков»).
    cut = next(
        (
            i + (w.lemma in _SUBJECT_OPENERS)
            for i, w in enumerate(words)
            if w.start > first.start and (w.lemma in _PLACE_OPENERS or w.lemma in _SUBJECT_OPENERS)
        ),
        None,
    )
    # A role named only after the cut is where or what, not the position («…по обучению операторов станков»).
    limit = words[cut].start if cut is not None and cut < len(words) else end
    roles = {role for role, name_start, _ in names if name_start < limit}
    # A generic head named as a role by itself, with a complement that neither a trade nor a name of a role
    # knows, works on something the trades do not know («Hadoop администратор», «Аналитик товарной матрицы»):
    # its trade is unknown, not the one its head alone would give («Менеджер по продажам автозапчастей» is sales).
    by_head = all(first.start <= name_start and name_end <= first.end for _, name_start, name_end in names)
    unexplained = head in generic and by_head and any(
        _names_an_object(w)
        and not any(w.lemma in members for members in options.families.values())
        and not any(name_start <= w.start and w.end <= name_end for _, name_start, name_end in names)
        for w in words[:cut] if w is not first
    )
    if (content or head not in generic) and not unexplained:
        named = set(lemmas[:cut])
        families = {name for name, members in options.families.items() if named & set(members)}
        families |= {name for role in roles for name in options.role_families.get(role, ())}
    return _Position(part.strip(), head, lead, frozenset(families), content, frozenset(roles))


#: Prepositions after which a title part names a place, an employer or a purpose.
_PLACE_OPENERS = frozenset({"в", "во", "для", "на", "при"})
#: Words after which a title part names what is taught, not a trade.
_SUBJECT_OPENERS = frozenset({"обучение", "преподавание", "курс"})


def _names_a_person(word: TitleWord, known: set[str], suffixes: tuple[str, ...]) -> bool:
    """A word for a person at work: animate, a known position word, or a position ending on a word the
    dictionary does not call inanimate."""
    return word.animate or word.lemma in known or (word.lemma.endswith(suffixes) and not word.inanimate)


def _names_an_object(word: TitleWord) -> bool:
    """A noun or a Latin word of a title part's complement: what the position works on («матрицы», «Hadoop»)."""
    return word.pos in ("NOUN", "PROPN", "X") or (word.text.isascii() and word.text.isalpha())


@lru_cache(maxsize=4)
def _neighbours(min_rate: float, min_count: int) -> Mapping[str, frozenset[str]]:
    """Occupations the shipped model confuses on held-out postings under their own titles (its card)."""
    return shipped_model().card.neighbours(min_rate, min_count)


def _different_positions(
    a: _Position, b: _Position, taxonomy: Taxonomy, neighbours: Mapping[str, frozenset[str]], generic: frozenset[str]
) -> bool:
    """Both trades are known and share nothing, the parts share no word or stem, and the taxonomy
    does not make their roles one position.  A generic head shared by both («SMM-менеджер / менеджер
    по продажам») makes them one position only through their trades."""
    if not a.families or not b.families or a.families & b.families:
        return False
    same_head = a.head == b.head or len(commonprefix([a.head, b.head])) >= 5
    if same_head and not (a.head in generic and b.head in generic):
        return False
    # «Инженер-программист / инженер-технолог»: one engineer; «Инженер-механик, администратор» are two people.
    if {a.head, a.lead} & {b.head, b.lead} - {None} - ({a.head} & {b.head} & generic):
        return False
    if a.words & b.words or {a.head, b.head} & (a.words | b.words):
        return False
    return not any(_one_position(x, y, taxonomy, neighbours) for x in a.roles for y in b.roles)


def _one_position(x: str, y: str, taxonomy: Taxonomy, neighbours: Mapping[str, frozenset[str]]) -> bool:
    """Whether two roles of a title can name one position: compatible fine roles, close roles, one occupation,
    or neighbouring occupations that the occupation model confuses on real postings («DevOps-инженер /
    разработчик», «Продавец / менеджер по продажам»).

    Related occupations are still different positions («Курьер / Кладовщик»).
    """
    roles = taxonomy.roles
    if x in roles[y].close or y in roles[x].close:
        return True
    occupation = taxonomy.occupation_of(x)
    if occupation == taxonomy.occupation_of(y) or taxonomy.occupation_of(y) in neighbours.get(occupation, ()):
        return True
    fine = roles[x].kind == "role" and roles[y].kind == "role"
    return fine and (y in roles[x].compatible or x in roles[y].compatible)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


@check("no-salary", NoOptions)
def no_salary(posting: AnalyzedPosting, ctx: CheckContext[NoOptions]) -> Iterable[Finding]:
    """No salary figure anywhere (:mod:`cmlint.text.money` knows how people write them)."""
    if not posting.states_salary:
        yield ctx.finding(None)
