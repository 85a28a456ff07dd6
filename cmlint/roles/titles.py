"""Reading a title: which roles and occupations it names, and what is only a qualifier.

«Старший бухгалтер / кассир (удалённо)» names two occupations in two parts;
«Старший» is seniority and «(удалённо)» a qualifier.  «Комьюнити-менеджер в
отдел продаж» names one role: what follows «в», «для», «на» or an opening
bracket is context, read only when the part names nothing before it, unless
the bracket combines a second position with the first («Оператор ПК (с
функциями менеджера по продажам)»).  Each half of a hyphenated compound of
two job nouns counts («Бухгалтер-аналитик», «Водитель-экспедитор»), and a
word that names two occupations names both («Упаковщик»: production or
warehouse).  What a position works on, named in its complement, adds the
occupation it belongs to («Администратор сайтов», «Аудитор торговых точек»):
see ``title_objects`` in the taxonomy.  A broad name («Руководитель
направления») gives way to a specific one in the same title.  Misspelt words
(«Комъюнити», «Comunity») are read as the nearest word the taxonomy knows, and an
English spelling of a Russian loanword as the loanword («Content Manager»).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import Literal

from cmlint.matching.lemma_matcher import Match, TokenView
from cmlint.matching.steps import HYPHENS
from cmlint.memo import BoundedMemo
from cmlint.nlp.loanwords import cyrillic, spoken
from cmlint.nlp.morphology import Morphology

#: Tokens that separate the parts of a combined title.
PART_SEPARATORS = frozenset({"/", "\\", "|", ";", ",", "или", "or", "+", "&"})
#: Tokens after which the rest of a part is context (where, for whom), not the position.
CONTEXT_OPENERS = frozenset(
    {"в", "во", "для", "на", "при", "к", "из", "in", "for", "at", "to", "(", "[", "«", '"', "—", "–"}
)
#: Words after which a bracket names a second position, not context: «(с функциями менеджера по продажам)».
COMBINERS = frozenset({"функция", "обязанность", "совмещение"})
#: Tokens after which an object is not what the position works on: where it works
#: («Комьюнити-менеджер в отдел продаж») or what it does not do («SMM-менеджер (без продаж)»).
OBJECT_BLOCKERS = frozenset(
    {"в", "во", "на", "при", "к", "из", "для", "in", "at", "to", "for", "—", "–"}
    | {"без", "не", "кроме", "no", "not", "without"}
)
#: Words that say how senior the position is (lemmas or lower-cased forms).
SENIORITY = frozenset(
    {
        "стажер",
        "стажёр",
        "intern",
        "trainee",
        "младший",
        "junior",
        "джуниор",
        "middle",
        "мидл",
        "старший",
        "senior",
        "сеньор",
        "сениор",
        "ведущий",
        "lead",
        "лид",
        "главный",
        "chief",
        "principal",
        "head",
        "руководитель",
        "начальник",
        "заведующий",
        "помощник",
        "ассистент",
        "assistant",
        "заместитель",
    }
)
#: Words of a title that name the head of a team (lemmas or lower-cased forms): hiring, onboarding and growing
#: the team's people are part of such a job.
TEAM_HEADS = frozenset(
    {
        "руководитель", "начальник", "заведующий", "директор", "управляющий", "head", "lead", "лид", "тимлид",
        "тимлидер", "teamlead", "chief",
    }
)
#: Generic position nouns that complete a role's name: «SMM» + «-менеджер», «Community» + «Manager».
POSITION_HEADS = frozenset(
    {
        "менеджер", "специалист", "маркетолог", "координатор", "руководитель", "директор", "ассистент", "помощник",
        "лид", "стратег", "евангелист", "manager", "lead", "specialist", "head", "director", "coordinator",
        "assistant", "officer", "executive", "editor", "writer", "designer", "creator", "builder", "strategist",
    }
)
#: Latin words that name a position («Community Manager», «Sales Lead»).
LATIN_POSITIONS = frozenset(
    {
        "manager", "lead", "specialist", "head", "director", "coordinator", "assistant", "officer", "executive",
        "writer", "designer", "analyst", "developer", "engineer", "editor", "creator", "builder", "moderator",
        "marketer", "recruiter",
    }
)
#: Position nouns that name no role on their own but take a complement that does («Администратор сайта»).
GENERIC_HEADS = frozenset(
    {
        "администратор", "аудитор", "ревизор", "инспектор", "оператор", "инженер", "сотрудник", "работник",
        "консультант", "эксперт", "контролер",
    }
)
#: What a Russian noun of a title names: people in an oblique plural («водителей»: whom a position serves), a
#: person in the nominative («металловед»: a position), or anything else.
NounKind = Literal["people", "person", "thing"]
#: Nouns of action a name may end on whose object, when the title names one, says what the position does.
OPEN_ACTIONS = frozenset({"развитие"})
#: Words that open the part an object complements: a position noun or a combiner («с функциями продаж»).
OBJECT_HEADS = POSITION_HEADS | GENERIC_HEADS | COMBINERS
#: Tokens that join the items of a list of objects inside a bracket.
LIST_JOINERS = frozenset({",", "и", "/", "+", "&", "and"})
#: Every noun that heads a position's name, specific or generic.
POSITION_NOUNS = POSITION_HEADS | GENERIC_HEADS
#: Position nouns that make a part of a combined title a position of its own (seniority words only qualify one).
UNREAD_POSITIONS = POSITION_NOUNS - SENIORITY
#: Seniority nouns that are a position of their own when they open a part with a complement
#: («… / Помощник по работе с маркетплейсами», «… / Ассистент департамента»); alone they qualify («… / помощник»).
ASSISTING = frozenset({"помощник", "ассистент", "assistant", "заместитель"})
#: Shortest word that is corrected when misspelt; longer words allow two edits, but a typo
#: changes a word's length by one letter at most («Comunity»), never two («директолог» is not «диетолог»),
#: and two edits that keep the length are two wrong letters: another word («директолог» is not «дефектолог»).
MIN_FUZZY_LENGTH = 5
TWO_EDITS_LENGTH = 9


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A name of a role found in a title or in the body (token offsets)."""

    role: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TitleReading:
    """What a title names: its roles (in order), the matches that name them, its seniority words.

    ``unread_part``: a part of a combined title names a position the taxonomy
    does not know («… / Банкетный менеджер»): the duties may be that part's.
    ``context``: roles named only in the context — where, for what or on what
    the position works («Код-ревьюер на курс "Python-разработчик"»,
    «Руководитель проекта (портфельный аналитик)», «Рабочий на производство»):
    not the position, but duties of that occupation fit the title.
    ``admitted``: roles whose work the title's wide names admit besides its own («Менеджер по развитию»: an
    analyst's), see :func:`admitted`.
    """

    roles: tuple[str, ...]
    matches: tuple[TitleMatch, ...]
    seniority: tuple[str, ...]
    unread_part: bool = False
    context: tuple[str, ...] = ()
    admitted: tuple[str, ...] = ()


def read_title(
    raw: Iterable[Match[str]],
    view: TokenView,
    start: int,
    end: int,
    generic: Collection[str],
    objects: Iterable[Match[str]] = (),
    nouns: Mapping[int, NounKind] | None = None,
    spaced: Collection[int] = (),
) -> TitleReading:
    """Resolve the raw title matches in ``start:end`` into a reading.

    ``objects``: matches of what positions work on; ``nouns``: the title's
    Russian nouns by token index, with what they name; ``spaced``: the tokens
    a space stands before (a dash between spaces parts a title, a hyphen joins
    a compound).
    """
    parts, context = _layout(view, start, end)
    raw, objects, nouns = list(raw), list(objects), nouns or {}
    unread = _unread_part([*raw, *objects], parts, context, view, start, nouns)
    # «Комьюнити-менеджер в отдел продаж»: a name may not run on into the context after «в».
    raw = [m for m in raw if not _modifies_next_noun(m[2], view, end, spaced)]
    # «Менеджер по развитию продукта»: what follows «развитию» in its part says what the position does.
    raw = [m for m in raw if not (_object_follows(m[2], view, end) and _runs_on(m[2], parts, context, start))]
    inside = [m for m in raw if not any(view.lower[i] in CONTEXT_OPENERS for i in range(m[1] + 1, m[2]))]
    kept: list[TitleMatch] = []
    for role, m_start, m_end in sorted(inside or raw, key=lambda m: (-(m[2] - m[1]), m[1], m[0])):
        if any(_hides(k, role, m_start, m_end, view) for k in kept):
            continue
        kept.append(TitleMatch(role, m_start, m_end))
    kept = [m for m in kept if not _complement(m, kept, parts, view, start, end, nouns)]
    kept = [m for m in kept if not _placed_by(m, kept, view)]
    by_part: dict[int, list[TitleMatch]] = {}
    for match in sorted(kept, key=lambda m: m.start):
        by_part.setdefault(parts[match.start - start], []).append(match)
    chosen: list[TitleMatch] = []
    for matches in by_part.values():
        heads = [m for m in matches if not context[m.start - start]]
        chosen.extend(heads or matches[:1])
    specific = [m for m in chosen if m.role not in generic]
    chosen = [with_position(m, view, end) for m in (specific or chosen)]
    worked_on = _objects(objects, parts, view, start, chosen) if any(m.role not in generic for m in chosen) else []
    seniority = tuple(dict.fromkeys(w for w in view.lemma[start:end] if w.lower() in SENIORITY))
    roles = tuple(dict.fromkeys([*(m.role for m in chosen), *worked_on]))
    in_context = (
        role
        for role, m_start, m_end in raw
        if role not in roles and role not in generic and any(context[i - start] for i in range(m_start, m_end))
    )
    return TitleReading(roles, tuple(chosen), seniority, unread, tuple(dict.fromkeys(in_context)))


def admitted(
    reading: TitleReading, wide: Iterable[Match[tuple[str, tuple[str, ...]]]], view: TokenView
) -> tuple[str, ...]:
    """The roles whose work the title's wide names admit besides its own (``wide_titles`` of the
    taxonomy): each match gives ``(owner role, admitted occupations)`` and counts where it is the name the
    reading chose for its owner, up to the position noun that completes it — «Менеджер по развитию» admits
    what a wide name «по развитию» does, «Менеджер по развитию продаж» (a longer name) does not."""
    found: list[str] = []
    for (owner, admits), start, end in wide:
        chosen = any(
            m.role == owner
            and m.start == start
            and end <= m.end
            and all(view.text[i] in HYPHENS or view.lemma[i].lower() in POSITION_HEADS for i in range(end, m.end))
            for m in reading.matches
        )
        if chosen:
            found.extend(role for role in admits if role not in reading.roles)
    return tuple(dict.fromkeys(found))


def _unread_part(
    found: list[Match[str]],
    parts: list[int],
    context: list[bool],
    view: TokenView,
    start: int,
    nouns: Mapping[int, NounKind],
) -> bool:
    """Whether a part of a combined title has a position noun or names a person (not context), but no name the
    taxonomy knows («… / Металловед»)."""
    if parts[-1:] in ([], [0]):
        return False
    named = {parts[m_start - start] for _, m_start, _ in found}
    return any(
        parts[i] not in named
        and not context[i]
        and (_names_a_position(i, parts, context, view, start) or _a_person(start + i, view, nouns))
        for i in range(len(parts))
    )


def _a_person(index: int, view: TokenView, nouns: Mapping[int, NounKind]) -> bool:
    """Whether a title word names a person in the nominative, more than a seniority («металловед»; not «стажёр»)."""
    return nouns.get(index) == "person" and view.lemma[index].lower() not in SENIORITY


def _names_a_position(i: int, parts: list[int], context: list[bool], view: TokenView, start: int) -> bool:
    """Whether the title's ``i``-th word is the noun of a position: a position noun, or an assisting word that
    opens its part and takes a complement there («Помощник по работе с маркетплейсами»; not where it works:
    «Ассистент в отдел развития»)."""
    lemma = view.lemma[start + i].lower()
    if lemma in UNREAD_POSITIONS:
        return True
    if lemma not in ASSISTING:
        return False
    part = parts[i]
    opens = not any(parts[j] == part and view.lower[start + j].isalpha() for j in range(i))
    return opens and any(
        parts[j] == part and not context[j] and view.lower[start + j].isalpha() for j in range(i + 1, len(parts))
    )


def _hides(kept: TitleMatch, role: str, start: int, end: int, view: TokenView) -> bool:
    """Whether a longer (or equal) match already kept hides the match ``role``, ``start:end``.

    It does when it holds the match, except a match of another role on
    exactly the same words (a word that names two occupations) or inside one
    half of a hyphenated compound («Бухгалтер-аналитик»: the analyst half
    counts too); two names that only share a word both count.
    """
    if not (kept.start < end and start < kept.end):
        return False
    if role == kept.role:
        return True
    if (kept.start, kept.end) == (start, end):
        return False
    if not (kept.start <= start and end <= kept.end):
        return False  # each reads the shared word its own way: «PR менеджер отдела маркетинга»
    hyphens = [i for i in range(kept.start + 1, kept.end - 1) if view.text[i] in HYPHENS]
    if not hyphens:
        return True
    bounds = [kept.start, *hyphens, kept.end]
    return not any(
        low + (low > kept.start) <= start and end <= high for low, high in zip(bounds, bounds[1:], strict=False)
    )


def _placed_by(match: TitleMatch, kept: list[TitleMatch], view: TokenView) -> bool:
    """Whether a name is only the place of a position another name already specifies.

    A position noun takes one specifier: a name before it («Комьюнити-менеджер»,
    «PR менеджер») or a complement after it («Менеджер склада», «Менеджер
    проекта»).  When a name ends on the noun, a second name opening on that noun
    with a complement says where the position works, not a second one:
    «Комьюнити-менеджер склада» is a community manager at a warehouse.  Only
    the title's own head counts, in its dictionary form: in «Заместитель
    директора по продажам» the director is a complement, named by the second name.
    """
    head = match.start
    if view.lemma[head].lower() not in POSITION_NOUNS or view.lower[head] != view.lemma[head].lower():
        return False
    return any(k.role != match.role and k.start < head and k.end == head + 1 and match.end > k.end for k in kept)


def _object_follows(match_end: int, view: TokenView, end: int) -> bool:
    """Whether a name ends on a noun of action and a word follows it, its object: the object, not the name, says
    what the position does («Менеджер по развитию» sells; «Менеджер по развитию продукта» does not)."""
    return view.lemma[match_end - 1].lower() in OPEN_ACTIONS and match_end < end and view.lower[match_end].isalpha()


def _runs_on(index: int, parts: list[int], context: list[bool], start: int) -> bool:
    """Whether the title's token ``index`` continues the part of the token before it (not context after «в»)."""
    return parts[index - start] == parts[index - start - 1] and not context[index - start]


def _modifies_next_noun(match_end: int, view: TokenView, end: int, spaced: Collection[int]) -> bool:
    """Whether a name ends on a Latin modifier of the hyphenated noun after it («IT» in «в IT-компанию»); a position
    noun after it completes the name instead («QA-инженер», «SMM-консультант»), and a dash with a space before it
    parts the title instead («Data Scientist - команда CLTV»)."""
    if match_end + 1 >= end or view.text[match_end] not in HYPHENS or not view.lower[match_end - 1].isascii():
        return False
    if match_end in spaced:
        return False
    noun = view.lemma[match_end + 1].lower()
    return not view.lower[match_end + 1].isascii() and noun not in POSITION_NOUNS


def _complement(
    match: TitleMatch,
    kept: list[TitleMatch],
    parts: list[int],
    view: TokenView,
    start: int,
    end: int,
    nouns: Mapping[int, NounKind],
) -> bool:
    """Whether a role name only says whom another position serves, not the position itself.

    In Russian the position comes first and such a name follows it as
    people in an oblique plural («Менеджер сообщества разработчиков»,
    «Рекрутер водителей»; not the field in «Руководитель проектов по защите
    информации»); in English it comes before the position («Developer
    Community Manager», «Developer Relations Manager»).
    """
    first = match.start
    part = parts[first - start]
    if not view.lower[first].isascii():
        noun = next((i for i in range(first, match.end) if i in nouns), None)
        if noun is None or nouns[noun] != "people":
            return False
        before = any(k.role != match.role and k.end <= first and parts[k.start - start] == part for k in kept)
        return before or _works_with(noun, part, parts, view, start)
    run: list[str] = []
    for index in range(match.end, end):
        if parts[index - start] != part or not view.lower[index].isascii() or not view.lower[index].isalpha():
            break
        run.append(view.lemma[index].lower())
    return bool(run) and run[0] not in POSITION_HEADS and any(w in POSITION_HEADS for w in run[1:])


def _works_with(noun: int, part: int, parts: list[int], view: TokenView, start: int) -> bool:
    """Whether people after «с» follow a position noun of their part: whom it works with
    («Менеджер по работе с дизайнерами»), not a second position."""
    if noun <= start or view.lower[noun - 1] not in ("с", "со"):
        return False
    return any(
        parts[i - start] == part and view.lemma[i].lower() in POSITION_NOUNS for i in range(start, noun)
    )


def _objects(
    objects: Iterable[Match[str]], parts: list[int], view: TokenView, start: int, names: Sequence[TitleMatch] = ()
) -> list[str]:
    """Roles of what a generic position works on: an object after a position noun of its part.

    Only a position noun that opens its name takes such a complement
    («Администратор сайтов», «Специалист по обслуживанию клиентов»); a name
    that says its field itself, by a hyphen or by a word before the noun in
    one of the title's ``names`` («Комьюнити-менеджер медицинского портала»,
    «Комьюнити менеджер (интернет-магазин)»), is placed, not changed, by one, but a bracket after it lists
    what it does («Бренд-менеджер (маркетинг и продажи)»), and a combiner opens a
    part whose object is a second duty («… (с функциями продаж)»).  An object after «в», «на»
    … is where («в IT-компанию») or for what («для ритейла») the position
    works, not what it works on.  Objects only add to a title that names a
    specific role: they never make a title checkable on their own.
    """
    found: list[str] = []
    objects = sorted(objects, key=lambda m: m[1])
    listed = {i for _, o_start, o_end in objects for i in range(o_start, o_end)}
    for role, o_start, _ in objects:
        part = parts[o_start - start]
        before = [i for i in range(start, o_start) if parts[i - start] == part]
        heads = [
            i
            for i in before
            if view.lemma[i].lower() in OBJECT_HEADS
            and not (_completes_a_name(i, start, view, names) and not _in_list(o_start, before, listed, view))
        ]
        if heads and not any(view.lower[i] in OBJECT_BLOCKERS for i in range(min(heads) + 1, o_start)):
            found.append(role)
    return found


def _completes_a_name(index: int, start: int, view: TokenView, names: Sequence[TitleMatch]) -> bool:
    """Whether the position noun at ``index`` completes a name that says its field: after a hyphen
    («Комьюнити-менеджер») or after the first word of one of ``names`` («Комьюнити менеджер»)."""
    hyphenated = index > start and view.text[index - 1] in HYPHENS
    return hyphenated or any(name.start < index < name.end for name in names)


def _in_list(o_start: int, before: list[int], listed: set[int], view: TokenView) -> bool:
    """Whether an object stands in a bracket that only lists objects («(маркетинг и продажи)»),
    not in one that names a place by its own noun («(отдел продаж)»)."""
    opened = [i for i in before if view.lower[i] in ("(", "[")]
    if not opened:
        return False
    return all(i in listed or view.lower[i] in LIST_JOINERS for i in range(opened[-1] + 1, o_start))


def with_position(match: TitleMatch, view: TokenView, stop: int) -> TitleMatch:
    """The match with the position noun that completes it («SMM» in «SMM-менеджер» becomes the whole word)."""
    after = match.end
    if after < stop and view.text[after] in HYPHENS:
        after += 1
    if after < stop and view.lemma[after].lower() in POSITION_HEADS:
        return TitleMatch(match.role, match.start, after + 1)
    return match


def _layout(view: TokenView, start: int, end: int) -> tuple[list[int], list[bool]]:
    """Per token of the title: the index of its part, and whether it is context."""
    parts: list[int] = []
    context: list[bool] = []
    part, depth, opened = 0, 0, False
    combined: int | None = None  # the bracket depth at which «с функциями …» opened a part of its own
    for index in range(start, end):
        token = view.lower[index]
        if token in ("(", "["):
            depth += 1
        elif token in (")", "]"):
            depth = max(0, depth - 1)
            if combined is not None and depth < combined:
                part, opened, combined = part + 1, True, None
        elif token in PART_SEPARATORS and depth == 0:
            part, opened, combined = part + 1, False, None
        elif view.lemma[index].lower() in COMBINERS and combined is None:
            part, opened, combined = part + 1, False, depth
        if token in CONTEXT_OPENERS and index > start:
            opened = True
        parts.append(part)
        context.append(opened or (depth > 0 and combined is None))
    return parts, context


#: Words whose corrections a speller keeps (then it starts again).
_KEPT_ANSWERS = 100_000


class TitleSpeller:
    """Corrects misspelt title words to the nearest word the title patterns use.

    ``words`` are the lemmas and forms the patterns test; the domain
    lexicon's spellings («community» for «комьюнити») count as known too and
    are read as their lemma.
    """

    def __init__(self, words: Iterable[str], morphology: Morphology) -> None:
        self._morphology = morphology
        lemmas = {w: w for w in words if len(w) >= MIN_FUZZY_LENGTH and w.isalpha()}
        forms = {
            form: readings[0].lemma for form, readings in morphology.overrides.items() if readings[0].lemma in lemmas
        }
        self._lemma_of = {**forms, **lemmas}
        self._known = frozenset(self._lemma_of)
        #: Known words by their first letter, in order, each with the set of its letters (see :meth:`_closest`).
        self._by_start: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for word in sorted(self._known):
            self._by_start.setdefault(word[0], []).append((word, frozenset(word)))
        #: Answers of :meth:`_nearest` and :meth:`_loanword` by their arguments: titles repeat their words.
        self._nearest_of: BoundedMemo[tuple[str, str], str | None] = BoundedMemo(_KEPT_ANSWERS)
        self._loanword_of: BoundedMemo[str, str | None] = BoundedMemo(_KEPT_ANSWERS)

    def correct(self, view: TokenView) -> TokenView:
        """The view with misspelt words read as their nearest known word (the same view when none is)."""
        lemma, lower = list(view.lemma), list(view.lower)
        changed = False
        for index, word in enumerate(view.lower):
            fixed = self._nearest_of.get((word, view.lemma[index]), partial(self._nearest, word, view.lemma[index]))
            if fixed is not None:
                lower[index] = fixed
                lemma[index] = self._lemma_of[fixed]
                changed = True
        return replace(view, lemma=lemma, lower=lower) if changed else view

    def loanwords(self, view: TokenView) -> TokenView | None:
        """The view with every English word read as the Russian loanword it spells («Brand Manager» as «бренд
        менеджер»), even a word the patterns know in English («brand» of «employer brand»); None when no word is."""
        lemma, lower = list(view.lemma), list(view.lower)
        for index, word in enumerate(view.lower):
            if not (word.isascii() and word.isalpha()):
                continue
            loan = self._loanword_of.get(word, partial(self._loanword, word))
            if loan is not None:
                lower[index], lemma[index] = loan, self._lemma_of.get(loan, loan)
        return replace(view, lemma=lemma, lower=lower) if lower != view.lower else None

    def _loanword(self, word: str) -> str | None:
        sound = spoken(word)
        if sound is not None:
            return sound
        spelt = cyrillic(word)
        return spelt if spelt in self._known else self._closest(spelt, one_edit=True)

    def _nearest(self, word: str, lemma: str) -> str | None:
        if len(word) < MIN_FUZZY_LENGTH or not word.isalpha() or word in self._known or lemma in self._known:
            return None
        if not word.isascii() and self._morphology.analyzer.word_is_known(word):
            return None
        found = self._closest(word)
        if found is None and word.isascii():
            # An English spelling of a Russian loanword: «Content Manager» is a «контент-менеджер».
            # One edit at most: the vowels a loanword takes from the pronunciation («brand» → «бранд» ≈ «бренд»).
            found = self._loanword(word)
        return found

    def _closest(self, word: str, one_edit: bool = False) -> str | None:
        """The known word at most one edit away (two for a long word that lost or gained a letter)."""
        long = len(word) >= TWO_EDITS_LENGTH and not one_edit
        best: tuple[int, str] | None = None
        letters = frozenset(word)
        for candidate, its_letters in self._by_start.get(word[0], ()):
            if abs(len(candidate) - len(word)) > 1:
                continue
            # Two edits only inside the word: a typo keeps both ends («Коммъюнити»), another word changes one
            # («видеомонтажа» is the work, not «видеомонтажер»; «коливинга» is no «клининга»).
            inside = word[:2] == candidate[:2] and word[-2:] == candidate[-2:]
            limit = 2 if long and len(candidate) != len(word) and inside else 1
            # An edit adds at most one letter to the word's set of letters and takes at most one away (a swap
            # neither): words whose sets differ by more are farther than ``limit``, with no need to count.
            if len(letters ^ its_letters) > 2 * limit:
                continue
            distance = edit_distance(word, candidate, limit)
            if distance <= limit and (best is None or distance < best[0]):
                best = (distance, candidate)
        return best[1] if best else None


@lru_cache(maxsize=4096)
def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance (adjacent swaps count one), or ``limit + 1`` once it exceeds ``limit``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def ends_in_position_noun(word: str) -> bool:
    """Whether a word, or the last part of a hyphenated one, is a position noun («SMM-менеджер», «Developer»): a name
    of its own, which shares no position noun with the name after it («SMM-менеджер / community manager»)."""
    last = word.lower().rsplit("-", 1)[-1]
    return last in LATIN_POSITIONS or last in POSITION_NOUNS
