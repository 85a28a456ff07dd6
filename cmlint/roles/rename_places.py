"""Where a rename puts a new title: the places of a title's role in the title and the text.

A place is a mention of the title's role (:class:`cmlint.roles.matching.TitleMention`) widened to the whole
position it names — the person a department belongs to («Инженер ПТО»), a first name sharing its position noun
(«Комьюнити- и контент-менеджер»), the English words and rank that qualify it («Senior Trade marketing
manager») — and to the complement that only completes the old name («Администратор склада готовой продукции»,
«… по работе с партнёрами»).  Mentions that do not name the position are no places: other people hyphen-joined
to it («волонтёрами-модераторами»), English prose, hashtags.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal, Protocol

from cmlint.models import Span
from cmlint.nlp.inflect import animate
from cmlint.nlp.morphology import Morphology
from cmlint.roles.matching import TitleMention
from cmlint.roles.titles import POSITION_NOUNS, SENIORITY, TEAM_HEADS, ends_in_position_noun

Field = Literal["text", "title"]


class Placer(Protocol):
    """Text and public spans of offsets in the body (``text``) or the given title (an analyzed posting)."""

    def field_text(self, field_name: Field, start: int, end: int) -> str: ...

    def span_of(self, field_name: Field, start: int, end: int) -> Span: ...


def title_places(title: str, mentions: Sequence[TitleMention], morphology: Morphology) -> list[TitleMention]:
    """Where a rename puts a new title in ``title`` (:func:`places`; the mentions are offsets in ``title``): the
    places that lie in it, in order."""
    return sorted(
        (
            m
            for m in places(mentions, TitleText(title), morphology)
            if m.end <= len(title) and title[m.start : m.end] == m.text
        ),
        key=lambda m: m.start,
    )


#: What may stand between a sentence's start and its first word: spaces, bullets, quotes, brackets.
_LEAD_IN = " \t«\"'„“(•*·–—-"


def opens(mention: TitleMention, place: Placer) -> bool:
    """Whether ``mention`` opens its title, line or sentence (nothing but bullets and quotes before it)."""
    before = place.field_text(mention.field, max(0, mention.start - REACH), mention.start).rstrip(_LEAD_IN)
    return not before or before[-1] in ".!?\n"


#: Where a word starts (no letter before).  The expressions below that look back from a mention's start open with
#: it: a search then tries each word from its first letter only instead of from every letter of it (the leftmost
#: match starts at a word's start anyway), which keeps it linear in the text looked back on.
_WORD_START = r"(?<![^\W\d_])"
#: The word right before a mention, with the single space that parts them.
_WORD_BEFORE = re.compile(_WORD_START + r"([^\W\d_][\w-]*) $")
#: An English position with «of» right before a mention («Head of» Sales).
_HEAD_OF_BEFORE = re.compile(r"([A-Za-z]+) of $", re.IGNORECASE)
#: A first name that shares the mention's position noun, with a suspended hyphen («Комьюнити- и» контент-менеджер)
#: or without one («Community &» Content Manager, «Контент и» комьюнити менеджер).
_SUSPENDED_BEFORE = re.compile(_WORD_START + r"([^\W\d_]+)-\s+(?:и|или|и/или|/)\s+$", re.IGNORECASE)
_COORDINATED_BEFORE = re.compile(
    _WORD_START + r"([^\W\d_][\w-]*)\s*(?:&|/|\b(?:and|и|или)\b)\s*$", re.IGNORECASE
)
#: The first half of a compound right before a mention («Менеджер-» дизайнер).
_HYPHENED_BEFORE = re.compile(_WORD_START + r"([^\W\d_]+)-$")
#: English ranks and the Russian words a Russian title names them with.
ENGLISH_RANKS = {"junior": "Младший", "senior": "Старший"}
#: The word right before a mention, with the single space that parts them, Latin letters only.
_RANK_BEFORE = re.compile(r"(?<![\w-])([A-Za-z]+) $")
#: English words that make Latin text prose, not a row of names and codes.
_ENGLISH_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "to", "for", "of", "and", "we", "are", "is", "you", "our", "with", "in", "on", "as", "who"}
)
#: How many of them around a mention make it English prose.
_ENGLISH_GRAMMAR = 2
#: Latin words right before an English mention, each followed by one space («Trade » marketing manager).
_ENGLISH_BEFORE = re.compile(r"(?:(?<![\w-])[A-Za-z][A-Za-z0-9]* ){1,2}$")
#: The next lower-case Russian word after a single space (a genitive complement's word).
_NEXT_WORD = re.compile(r" ([а-яё]+(?:-[а-яё]+)*)(?![\w-])")
#: A capitalised Russian word of three letters or more after a space (a place or a company's name).
_NAME_NEXT = re.compile(r" [А-ЯЁ][а-яё]{2,}")
#: Parts of speech a genitive complement is made of.
_COMPLEMENT_PARTS = frozenset({"NOUN", "ADJF", "PRTF"})
#: What may follow a genitive complement: the end of a line, a punctuation mark, a bracket.
_COMPLEMENT_STOPS = "\n\r,.;:!?()[]/|–—-«»\"'"
#: «по» and the noun of a position's work right after a mention («по работе», «по развитию»).
_ACTIVITY = re.compile(r" по ([а-яё]+)")
#: Work a position's «по …» complement names: the position's own name goes on in it.
_ACTIVITIES = frozenset(
    {
        "работа",
        "развитие",
        "продажа",
        "связь",
        "организация",
        "привлечение",
        "сопровождение",
        "обслуживание",
        "поддержка",
        "взаимодействие",
        "закупка",
        "подбор",
        "обучение",
        "маркетинг",
        "продвижение",
        "ведение",
    }
)
#: Words that go on such a complement («по работе с клиентами», «по обучению и развитию»).
_PHRASE_LINKS = frozenset({"с", "со", "и"})
#: At most so many words follow the noun of such a complement.
_ACTIVITY_WORDS = 6
#: How far after a mention its complement is looked for.
_COMPLEMENT_REACH = 60
#: The words of a title, hyphenated ones whole («лид-менеджер» heads no team).
TITLE_WORDS = re.compile(r"[^\W\d_][\w-]*")
#: The words of a mention, hyphenated ones in parts («контент-менеджера» names a person by its last part).
_PARTS = re.compile(r"[^\W\d_]+")
#: How far back a mention's person noun is looked for.
REACH = 40


def places(mentions: Sequence[TitleMention], place: Placer, morphology: Morphology) -> list[TitleMention]:
    """Where a rename puts the new title: the mentions, those that touch merged (:func:`merge_mentions`), each widened
    to the position it names (:func:`_widened`, :func:`_with_english_modifiers`) and to the complement that goes with
    it (:func:`_complement`); a mention inside another's complement is no place of its own («Инженер-конструктор
    отдела главного конструктора»), nor is one in the text that names other people (:func:`_names_others`),
    stands in English prose (:func:`_in_english`) or is a hashtag (:func:`_tagged`)."""
    found: list[TitleMention] = []
    reach: tuple[Field, int] | None = None  # the field and end of the place before
    for mention in merge_mentions(mentions, place):
        if reach is not None and mention.field == reach[0] and mention.start < reach[1]:
            continue
        widened = _with_english_rank(_with_english_modifiers(_widened(mention, place, morphology), place), place)
        if widened.field == "text" and (
            _names_others(widened, place) or _in_english(widened, place) or _tagged(widened, place)
        ):
            continue
        end, goes = _complement(widened, place, morphology)
        if goes:
            widened = _stretched(widened, place, widened.start, end)
        reach = (widened.field, end)
        found.append(widened)
    return found


def _names_others(mention: TitleMention, place: Placer) -> bool:
    """Whether a mention in the text is one half of a compound with another word («волонтёрами-модераторами»,
    «модераторов-волонтёров»): it names other people who do part of the work, not the position."""
    before = place.field_text(mention.field, max(0, mention.start - 2), mention.start)
    after = place.field_text(mention.field, mention.end, mention.end + 2)
    return bool(re.search(r"[^\W\d_]-$", before) or re.match(r"-[^\W\d_]", after))


def _tagged(mention: TitleMention, place: Placer) -> bool:
    """Whether a mention in the text is a hashtag («#модератор»): a tag is a search key, and most new titles could
    not be one («#комьюнити-менеджер» breaks at the hyphen)."""
    return place.field_text(mention.field, max(0, mention.start - 1), mention.start) == "#"


def _in_english(mention: TitleMention, place: Placer) -> bool:
    """Whether an English mention stands in English prose («… and looking for a Community Manager to …»): a Russian
    title would not fit the sentence, so the text keeps it (the title is renamed still).  Prose, not names: most
    words around are Latin and some are English function words («**Community Lead (RU/CIS) — KoinBridge**» is a
    heading of names)."""
    if not mention.text.isascii():
        return False
    around = place.field_text(mention.field, max(0, mention.start - REACH), mention.start) + " "
    around += place.field_text(mention.field, mention.end, mention.end + REACH)
    words: list[str] = _PARTS.findall(around)
    latin = sum(word.isascii() for word in words)
    grammar = sum(word.lower() in _ENGLISH_FUNCTION_WORDS for word in words)
    return latin > len(words) - latin and grammar >= _ENGLISH_GRAMMAR


def _stretched(mention: TitleMention, place: Placer, start: int, end: int) -> TitleMention:
    """``mention`` over the text from ``start`` to ``end`` of its field."""
    return TitleMention(mention.role, mention.field, start, end, place.field_text(mention.field, start, end))


def _widened(mention: TitleMention, place: Placer, morphology: Morphology) -> TitleMention:
    """A mention that names no person (a department, «ПТО» of «Инженер ПТО», «Sales» of «Head of Sales») with the
    position right before it, so a new title replaces the position, not its department («Инженер ПТО» → «Менеджер
    по продажам», not «Инженер Менеджер по продажам»); words before that position stay («Старший»), and so does a
    rank that qualifies a position of its own («Стажер Data Engineer»).  Any mention takes in a first name that shares
    its position noun (:func:`_shared_name`) or a person noun it makes one compound with (:func:`_compound_half`)."""
    before = place.field_text(mention.field, max(0, mention.start - REACH), mention.start)
    shared = _shared_name(before, morphology)
    if shared is None:
        shared = _compound_half(before, morphology)
    if shared is not None:
        return _stretched(mention, place, mention.start - (len(before) - shared), mention.end)
    if any(_person(word, morphology) for word in _PARTS.findall(mention.text)):
        return mention
    found = _HEAD_OF_BEFORE.search(before)
    if found is None or found.group(1).lower() not in POSITION_NOUNS:
        found = _WORD_BEFORE.search(before)
        if found is None or not _person(found.group(1), morphology) or _only_rank(found.group(1), morphology):
            return mention
    return _stretched(mention, place, mention.start - (len(before) - found.start(1)), mention.end)


def _with_english_modifiers(mention: TitleMention, place: Placer) -> TitleMention:
    """An English position with the words that qualify it right before it («Trade» marketing manager, «B2B» sales
    manager): in English they stand before the noun and belong to the position, so they go with it; ranks stay
    («Senior»).  In a title only, two words at most: in the text English words before a mention are prose."""
    if mention.field != "title" or not mention.text.isascii():
        return mention
    found = _ENGLISH_BEFORE.search(place.field_text(mention.field, max(0, mention.start - REACH), mention.start))
    if found is None:
        return mention
    words = found.group(0).split()
    kept = 0
    for index, word in enumerate(words):
        if word.lower() in SENIORITY or word.lower() in TEAM_HEADS:
            kept = index + 1
    if kept == len(words):
        return mention
    start = mention.start - len(found.group(0)) + sum(len(word) + 1 for word in words[:kept])
    return _stretched(mention, place, start, mention.end)


def _with_english_rank(mention: TitleMention, place: Placer) -> TitleMention:
    """An English position with the rank right before it that has a Russian one («Senior» Community Manager): the
    rank goes with the position and comes back in Russian before the new title (:func:`_renamed`), so no English
    word is left standing before a Russian title («Senior менеджер по продажам»)."""
    if not mention.text.isascii():
        return mention
    before = place.field_text(mention.field, max(0, mention.start - REACH), mention.start)
    found = _RANK_BEFORE.search(before)
    if found is None or found.group(1).lower() not in ENGLISH_RANKS:
        return mention
    return _stretched(mention, place, mention.start - (len(before) - found.start(1)), mention.end)


def _complement(mention: TitleMention, place: Placer, morphology: Morphology) -> tuple[int, bool]:
    """Where the genitive complement right after ``mention`` ends, and whether it goes with the old position.

    It goes when it completes the old position's name («Администратор склада» + «готовой продукции», «Менеджер по
    продажам» + «строительных материалов»: after a new title they would dangle, «Финансовый аналитик готовой
    продукции») or names the people the old position works with («Менеджер комьюнити» + «курьеров»); it stays after a
    person's name when it names where or on which line the work is done («Комьюнити-менеджер автосалона», «…
    первой линии»).  Lower-case words only, ending where the line, a punctuation mark, a preposition or a name
    does; a run followed by anything else (a letter or a number that belongs to it, «категории В») is no complement
    (the end is the mention's own).  After an English position it stays («Community manager футбольного клуба»).
    A complement of the work the old position does («… по работе с партнёрами», :func:`_activity_end`) always goes:
    a new title names its own («менеджера по работе с клиентами по работе с партнёрами» doubled it)."""
    after = place.field_text(mention.field, mention.end, mention.end + _COMPLEMENT_REACH)
    activity = _activity_end(after, morphology)
    if activity:
        return mention.end + activity, True
    end = 0
    words: list[str] = []
    while (found := _NEXT_WORD.match(after, end)) is not None and _genitive(found.group(1), morphology):
        end = found.end()
        words.append(found.group(1))
    if not end or not _complement_ends(after[end:], morphology):
        return mention.end, False
    if mention.text.isascii():  # an English position: it has no case for the new title to take but the complement's
        return mention.end + end, False
    named = _PARTS.findall(mention.text)
    goes = not named or animate(named[-1], morphology) is not True or _names_people(words, morphology)
    return mention.end + end, goes


def _activity_end(after: str, morphology: Morphology) -> int:
    """Where a complement of the work a position does ends in the text ``after`` it: «по» and a noun of such work
    («по работе с ключевыми клиентами», «по развитию партнёрской сети»), then its lower-case words and
    prepositions up to the line's or the phrase's end; 0 when there is none or it runs on."""
    found = _ACTIVITY.match(after)
    if found is None or not any(parse.normal_form in _ACTIVITIES for parse in morphology.parses(found.group(1))):
        return 0
    end = found.end()
    for _ in range(_ACTIVITY_WORDS):
        following = _NEXT_WORD.match(after, end)
        word = following.group(1) if following else ""
        if following is None or (word not in _PHRASE_LINKS and _preposition(word, morphology)):
            break
        end = following.end()
    return end if _complement_ends(after[end:], morphology) else 0


def _preposition(word: str, morphology: Morphology) -> bool:
    return any(parse.tag.POS == "PREP" for parse in morphology.parses(word))


def _genitive(word: str, morphology: Morphology) -> bool:
    """Whether ``word`` is a noun or an adjective (by its likeliest reading) that can be in the genitive case."""
    parses = morphology.parses(word)
    return bool(parses) and parses[0].tag.POS in _COMPLEMENT_PARTS and any("gent" in parse.tag for parse in parses)


def _names_people(words: Sequence[str], morphology: Morphology) -> bool:
    """Whether the first noun of ``words`` names people (animate by its likeliest reading: «курьеров», «новых
    участников»; a hyphenated noun by its last part, «йога-студии»)."""
    for word in words:
        parses = morphology.parses(word.rsplit("-", 1)[-1])
        if parses and parses[0].tag.POS == "NOUN":
            return bool(parses[0].tag.animacy == "anim")
    return False


def _complement_ends(rest: str, morphology: Morphology) -> bool:
    """Whether a genitive run followed by ``rest`` ends there: at the end, a punctuation mark, a preposition or a
    name («… Москва»)."""
    bare = rest.lstrip(" ")
    if not bare or bare[0] in _COMPLEMENT_STOPS or _NAME_NEXT.match(rest):
        return True
    found = _NEXT_WORD.match(rest)
    return found is not None and _preposition(found.group(1), morphology)


def _shared_name(before: str, morphology: Morphology) -> int | None:
    """Where, in the text ``before`` a mention, a first name starts that shares the mention's position noun: the new
    title replaces both names («Комьюнити- и контент-менеджер» → «Менеджер по продажам», not «Комьюнити- и менеджер
    по продажам»).  Without a hyphen only at the start of the title or after ranks, and not when the first word is a
    position of its own or a rank («Дизайнер и контент-менеджер», «Менеджер по продажам и комьюнити-менеджер»,
    «Ведущий / Бэкенд-разработчик»)."""
    found = _SUSPENDED_BEFORE.search(before)
    if found is not None:
        return found.start(1)
    found = _COORDINATED_BEFORE.search(before)
    if found is None or any(not _only_rank(word, morphology) for word in TITLE_WORDS.findall(before[: found.start(1)])):
        return None
    first = found.group(1)
    if _person(first, morphology) or ends_in_position_noun(first):
        return None
    if not SENIORITY.isdisjoint(morphology.lemmas(first.lower())):  # «Ведущий / Бэкенд-разработчик»: a rank stays
        return None
    return found.start(1)


def _compound_half(before: str, morphology: Morphology) -> int | None:
    """Where, in the text ``before`` a mention, a person noun starts that makes one compound with it: the new title
    replaces the whole compound («Менеджер-дизайнер» → «Менеджер по продажам», not «Менеджер-менеджер по
    продажам»); a first half that names no person stays («IT-рекрутер» → «IT-менеджер по продажам»)."""
    found = _HYPHENED_BEFORE.search(before)
    if found is None or not _person(found.group(1), morphology):
        return None
    return found.start(1)


def _only_rank(word: str, morphology: Morphology) -> bool:
    """Whether ``word`` is a rank that qualifies a position (of its own: «Стажер», «Помощник»), not a team's head."""
    lemmas = morphology.lemmas(word.lower())
    return not SENIORITY.isdisjoint(lemmas) and TEAM_HEADS.isdisjoint(lemmas)


def _person(word: str, morphology: Morphology) -> bool:
    """Whether ``word`` is a noun for one person, as a position is named («инженер», «специалиста»); the people a
    position works with are many («специалист по поддержке клиентов»)."""
    analysis = morphology.analyze(word.lower())
    return analysis.pos == "NOUN" and "Animacy=Anim" in analysis.feats and "Number=Plur" not in analysis.feats


class TitleText:
    """A :class:`Placer` over a title string alone (for merging its mentions)."""

    def __init__(self, title: str) -> None:
        self._title = title

    def field_text(self, field_name: Field, start: int, end: int) -> str:
        return self._title[start:end]

    def span_of(self, field_name: Field, start: int, end: int) -> Span:
        return Span(field="title", start=start, end=end, line=1, column=start + 1, text=self._title[start:end])


def merge_mentions(mentions: Sequence[TitleMention], place: Placer) -> list[TitleMention]:
    """Join mentions that overlap or touch («SMM/комьюнити-менеджер» is one place)."""
    merged: list[TitleMention] = []
    for mention in sorted(mentions, key=lambda m: (m.field != "title", m.start, -m.end)):
        last = merged[-1] if merged else None
        if last is not None and last.field == mention.field and mention.start <= last.end + 3:
            gap = place.field_text(mention.field, last.end, mention.start) if mention.start > last.end else ""
            if not gap.strip(" /-&и+"):
                merged[-1] = _stretched(last, place, last.start, max(last.end, mention.end))
                continue
        merged.append(mention)
    return merged
