"""Inflecting job titles so a replacement fits the sentence it lands in.

«Ищем комьюнити-менеджера» → «Ищем менеджера по продажам»: the head noun of
the replacement takes the case and number of the head noun it replaces,
adjectives before it agree, and everything else («по продажам», «SMM-»)
keeps its form and casing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

import pymorphy3

from cmlint.nlp.morphology import Morphology

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_SPLIT = re.compile(r"([-/])")


@dataclass(frozen=True, slots=True)
class Grammar:
    """Case and number of a noun phrase, as pymorphy3 grammemes."""

    case: str
    number: str


def head_grammar(words: list[str], morphology: Morphology) -> Grammar | None:
    """Case and number of the head noun among the words of a title mention.

    The head is the first Russian noun that is not the first half of a
    hyphenated compound («комьюнити-менеджера» → «менеджера») nor a thing's
    name standing before a person's as its first half written apart («пиар
    менеджера» → «менеджера»).
    """
    for index, word in enumerate(words):
        last = _SPLIT.split(word)[-1]
        if not last or not _CYRILLIC.search(last):
            continue
        found = morphology.noun_grammars.get(last, partial(_noun_grammar, last, morphology))
        if found is not None and not (index + 1 < len(words) and _prefixes_person(last, words[index + 1], morphology)):
            return Grammar(*found)
    return None


def _prefixes_person(word: str, following: str, morphology: Morphology) -> bool:
    """Whether the noun ``word`` names a thing and ``following`` a person: «пиар менеджера», «контент менеджер»."""
    return animate(following, morphology) is True and animate(word, morphology) is False


def animate(word: str, morphology: Morphology) -> bool | None:
    """Whether a noun names a living being, in either number («модератор», «менеджеров»; None: ``word`` is no noun)."""
    analysis = morphology.analyze(word.lower())
    if analysis.pos != "NOUN":
        return None
    return "Animacy=Anim" in analysis.feats


#: Prepositions and the case they put a noun of a person in («для менеджера», «с менеджером», «о менеджере»).
_PREPOSITION_CASES = {
    **dict.fromkeys(("для", "от", "у", "без", "до", "из", "после", "среди", "вместо", "кроме"), "gent"),
    **dict.fromkeys(("к", "ко"), "datv"),
    **dict.fromkeys(("с", "со"), "ablt"),
    **dict.fromkeys(("о", "об", "обо", "при"), "loct"),
}
#: Nouns that take a position's name as it is («на позицию Community Manager»): no case passes on.
_NAMING_NOUNS = frozenset(
    {"позиция", "должность", "вакансия", "роль", "место", "ставка", "специальность", "профессия", "звание"}
)
#: The words of a text, hyphenated ones whole, Latin ones too.
_TEXT_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def governed_grammar(before: str, morphology: Morphology) -> Grammar | None:
    """The case the words ``before`` a mention put it in, for a mention that cannot show its own (an English name,
    «Community Manager», does not decline): after a transitive verb the accusative («Ищем в команду Community
    Manager» → «Ищем в команду менеджера по продажам»), after a preposition its case («для Head of Community»);
    none in a title or after a noun that names the position («на позицию Community Manager»), nor after an
    intransitive verb («Требуется Community Manager»).  Adjectives, adverbs, Latin words and a preposition's own
    noun («в команду», «в нашу команду») between them and the verb are passed over."""
    clause = re.split(r"[.!?:;\n]", before)[-1]
    words = _TEXT_WORDS.findall(clause)[-8:]
    index = len(words) - 1
    if index >= 0 and words[index].lower() in _PREPOSITION_CASES:
        return Grammar(_PREPOSITION_CASES[words[index].lower()], "sing")
    while index >= 0:
        word = words[index].lower()
        parses = morphology.parses(word) if _CYRILLIC.search(word) else []
        tag = parses[0].tag if parses else None
        if tag is None or tag.POS in ("ADJF", "PRTF", "ADVB"):
            index -= 1  # a Latin word, «опытного», «срочно»
        elif tag.POS in ("VERB", "INFN"):
            return Grammar("accs", "sing") if "tran" in tag else None
        elif tag.POS in ("NOUN", "NPRO") and parses[0].normal_form not in _NAMING_NOUNS:
            opener = _preposition_before(words, index, morphology)
            if opener is None:
                return None
            index = opener - 1
        else:
            return None
    return None


def _preposition_before(words: list[str], index: int, morphology: Morphology) -> int | None:
    """Where the preposition of the noun at ``index`` stands, up to three words before it («в команду», «в нашу
    дружную команду»); None when there is none."""
    for at in range(index - 1, max(index - 4, -1), -1):
        parses = morphology.parses(words[at].lower())
        if parses and parses[0].tag.POS == "PREP":
            return at
    return None


def _noun_grammar(word: str, morphology: Morphology) -> tuple[str, str] | None:
    """Case and number of ``word`` read as a noun; None when no reading of it is a noun with a case."""
    nouns = [p for p in morphology.parses(word) if p.tag.POS == "NOUN" and p.tag.case and "Fixd" not in p.tag]
    if not nouns:
        return None
    # A word in its own dictionary form is in the nominative, whatever else it may parse as
    # («Бариста» is also the genitive of a guessed «барист»).
    tag = next((p.tag for p in nouns if p.normal_form == word.lower() and p.tag.case == "nomn"), nouns[0].tag)
    case = {"acc2": "accs", "gen2": "gent", "loc2": "loct"}.get(tag.case, tag.case)
    return case, tag.number or "sing"


def inflect_title(title: str, grammar: Grammar, morphology: Morphology) -> str:
    """Put ``title`` (in the nominative) into ``grammar``'s case and number (memoized)."""
    key = (title, grammar.case, grammar.number)
    return morphology.inflected.get(key, partial(_inflect_title, title, grammar, morphology))


def _inflect_title(title: str, grammar: Grammar, morphology: Morphology) -> str:
    if " / " in title:
        return " / ".join(_inflect_title(part, grammar, morphology) for part in title.split(" / "))
    words = title.split(" ")
    head_index, head_parse = _find_head(words, morphology)
    if head_parse is None:
        return title
    target = {grammar.case, grammar.number}
    inflected = head_parse.inflect(target) or head_parse.inflect({grammar.case})
    if inflected is None:
        return title
    compound = _compound_of_persons(words[head_index], target, morphology)
    words[head_index] = compound or _replace_last_part(words[head_index], inflected.word)
    gender = head_parse.tag.gender
    animacy = "anim" if compound else head_parse.tag.animacy
    for index in range(head_index):
        words[index] = _agree(words[index], grammar, gender, animacy, morphology)
    return " ".join(words)


def _find_head(words: list[str], morphology: Morphology) -> tuple[int, object | None]:
    """The head noun of a title in the nominative: the first noun, but not an adjective that reads as a noun too
    before a noun of its own («Старший менеджер», not «Старший» the senior)."""
    for index, word in enumerate(words):
        parse = _nominative_noun(word, morphology)
        if parse is None:
            continue
        following = words[index + 1] if index + 1 < len(words) else ""
        if _adjective(word, morphology) and _nominative_noun(following, morphology) is not None:
            continue
        return index, parse
    return -1, None


def _nominative_noun(word: str, morphology: Morphology) -> pymorphy3.analyzer.Parse | None:
    """A reading of ``word`` (its last hyphened part) as a noun in the nominative, if it has one."""
    last = _SPLIT.split(word)[-1]
    if not last or not _CYRILLIC.search(last):
        return None
    for parse in morphology.parses(last):
        if parse.tag.POS == "NOUN" and parse.tag.case == "nomn" and "Fixd" not in parse.tag:
            return parse
    return None


def _adjective(word: str, morphology: Morphology) -> bool:
    return any(parse.tag.POS == "ADJF" for parse in morphology.parses(word.lower()))


def _agree(word: str, grammar: Grammar, gender: str | None, animacy: str | None, morphology: Morphology) -> str:
    """Inflect an adjective before the head noun to agree with it."""
    last = _SPLIT.split(word)[-1]
    for parse in morphology.parses(last):
        if parse.tag.POS == "ADJF" and parse.tag.case == "nomn":
            target = {grammar.case, grammar.number}
            if grammar.number == "sing" and gender:
                target.add(gender)
            if grammar.case == "accs" and animacy and (grammar.number == "plur" or gender == "masc"):
                target.add(animacy)
            inflected = parse.inflect(target) or parse.inflect({grammar.case, grammar.number})
            if inflected is not None:
                return _replace_last_part(word, inflected.word)
    return word


#: First parts of a hyphenated title that never decline, though they read as nouns of a person («шеф-повара»).
_FIXED_FIRST_PARTS = frozenset({"шеф", "вице", "экс", "обер", "унтер", "лейб", "штаб", "генерал"})
#: Grammemes of names: «Арт» of «Арт-директор» is no person of the compound.
_PROPER = frozenset({"Name", "Surn", "Patr"})


def _compound_of_persons(word: str, target: set[str], morphology: Morphology) -> str | None:
    """A compound of two nouns of a person, declined in both parts («водителя-экспедитора», «инженеров-
    конструкторов»); None for any other word («офис-менеджер», «SMM-менеджер»: only the last part declines)."""
    parts = _SPLIT.split(word)
    if len(parts) != 3 or parts[1] != "-" or parts[0].lower() in _FIXED_FIRST_PARTS:
        return None
    first, last = _person_form(parts[0], target, morphology), _person_form(parts[2], target, morphology)
    return None if first is None or last is None else f"{first}-{last}"


def _person_form(word: str, target: set[str], morphology: Morphology) -> str | None:
    """``word``, a noun of one person in the nominative, in ``target``'s case and number (None when it is not one)."""
    for parse in morphology.parses(word.lower()):
        tag = parse.tag
        if tag.POS == "NOUN" and tag.case == "nomn" and tag.number == "sing" and tag.animacy == "anim":
            if not _PROPER & tag.grammemes:
                inflected = parse.inflect(target)
                return None if inflected is None else match_case(word, inflected.word)
    return None


def _replace_last_part(word: str, form: str) -> str:
    parts = _SPLIT.split(word)
    parts[-1] = match_case(parts[-1], form)
    return "".join(parts)


def match_case(model: str, word: str) -> str:
    """Give ``word`` the capitalization of ``model`` (Title, UPPER or lower)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def fit_start(replacement: str, original: str, opens: bool | None = None) -> str:
    """Capitalize or lower the first letter of ``replacement`` like ``original``.

    Acronyms and Latin words keep their casing («SMM-менеджер» stays as is), but a
    Latin word written with a capital only as a title's first word starts lower-case
    inside one («Ведущий event-менеджер», «ищет event-менеджера»).
    ``opens``, where known, says whether the replaced words open a title or a
    sentence: there the replacement starts upper-case, and it decides alone
    when ``original`` starts with a Latin word or an acronym, whose casing
    says nothing («Старший SMM-менеджер» → «Старший менеджер по продажам»).
    """
    if not (_cased(replacement) or _capitalised_latin(replacement)):
        return replacement
    upper = opens if opens or (opens is not None and not _cased(original)) else original[:1].isupper()
    return replacement[:1].upper() + replacement[1:] if upper else replacement[:1].lower() + replacement[1:]


def _capitalised_latin(word: str) -> bool:
    """Whether ``word`` opens with a Latin word capitalised like a title's first word («Event-менеджер»)."""
    head = _SPLIT.split(word.split(" ", 1)[0])[0]
    return len(head) > 1 and head.isascii() and head.isalpha() and head[0].isupper() and head[1:].islower()


def _cased(word: str) -> bool:
    """Whether ``word``'s first letter tells its case: a Cyrillic word that is no acronym."""
    head = _SPLIT.split(word.split(" ", 1)[0])[0]
    return bool(head) and bool(_CYRILLIC.match(head[0])) and not (head.isupper() and len(head) > 1)
