"""Contexts in which a pattern rule's match does not count (a rule's ``ignore`` list).

- ``negation``: a negator before the match in its clause («не даём печеньки»,
  «без прописки», «а не просто печеньки»), or a waiver after it («прописка не
  важна», «значения не имеет», «наличие детей — не помеха»), also after a second
  subject joined by «и», «или» («прописка и регистрация значения не имеют») or a list of names
  («гражданство РФ, РБ, Казахстан — не важно»), past an abbreviation's dot («Гражданство рф. не важно»), or
  as the whole predicate after a dash, colon, bracket or comma («прописка МО — любая», «гражданство РФ (не
  обязательно)»), or before a list of subjects that ends with the match («Не имеет значения вероисповедание и
  национальность»); the words are in ``rules/negation.yaml``;
- ``compound``: the match starts inside a hyphenated or dotted compound
  («тест-драйв», «Яндекс.Драйв»);
- ``prefix``: the match is glued by a hyphen to the word after it — the first
  part of a compound («эйчар-процесс»);
- ``name``: a capitalised word right after another word — a brand or a name
  («пользователи Драйва», «Тил Эйчар»);
- ``quote``: the match stands alone in quotes — the word is mentioned, not used;
- ``intro``: the match is in the company's story — an item of the opening text
  or of an «о компании» section that is not a condition («ищем в нашу дружную
  команду», «мы реализуем интересные проекты в финтехе»), or an item read as the
  company's story in the closing text right after the posting's lists, when it names
  no conditions («Работа у нас — это интересные задачи»), not in what the posting offers;
- ``counterpart``: the title or the match's item names a feminine job noun of the match together with its
  masculine form («Уборщица/уборщик» as the title and «требуется уборщица» in the text; «ищем хозяйку или
  хозяина гостевого дома»): the job is offered to both sexes;
- ``embedded``: the match is part of a longer phrase rather than a description standing on its own: it
  neither starts its item or a clause of it (after a comma, a semicolon or a bracket) nor ends there, before
  a preposition or a number, or after a genitive of description («1) мужчина», «работа в офисе, девушка
  без опыта, до 40 лет», «девушка приятной внешности» stand alone; «девушка основала студию», «подопечный —
  мужчина» do not);
- ``explained``: the match is explained right after it (or after its short complement or a quality joined to
  it: «желание расти в IT — …», «коммуникабельность и эмпатия: умение …»): a dash, a colon or an opening
  bracket on its line opens at least three words with a noun or a verb («Коммуникабельность — объяснить
  разработчику, почему …», «Стрессоустойчивость (до 80 звонков в день)», «коммуникабельность — вы умеете
  говорить с гостями»), not a remark («(это очень важно!)») or the next entry of a list
  («стрессоустойчивость — пунктуальность»);
- ``elaborated``: the match's sentence goes on, in words about the match itself, to a list of at least three named
  things after a colon or a bracket, or after a preposition right after a noun match («уютный офис, где по утрам
  ждёт завтрак (сырники, овсянка, выпечка)», «задачи на стыке финансов, IT и операционного управления»).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from os.path import commonprefix

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Token

from cmlint.matching.lemma_matcher import TokenView
from cmlint.nlp.pipeline import features
from cmlint.nlp.words import Lemma
from cmlint.text.segment import LONG_PLACE_ABBREVIATIONS, Item, Structure, reads_like_requirement
from cmlint.text.token_items import item_span

NEGATION_FILE = "negation.yaml"
_JOINERS = frozenset({"-", "‑", "–", "."})
#: Abbreviated kinds of places, written with a dot before the place's name: «г. Тверь», «ст. Лесная», «м. Коммунарка».
_PLACE_KINDS = frozenset(LONG_PLACE_ABBREVIATIONS) | {
    "г", "гор", "м", "ул", "п", "рп", "д", "с", "ст", "х", "пр", "пер", "пл", "наб", "ш"
}
_HYPHENS = frozenset({"-", "‑"})
_QUOTES_OPEN = frozenset({"«", '"', "“", "„", "'"})
_QUOTES_CLOSE = frozenset({"»", '"', "”", "“", "'"})
#: Tokens that end a clause for negation (a negator does not reach past them).
_CLAUSE_ENDS = frozenset({",", ";", ".", ":", "!", "?", "(", ")", "—", "…"})
#: Conjunctions that join a second subject to the match («прописка и регистрация»).
_COORDINATORS = frozenset({"и", "или", "/"})
#: A dash, colon or bracket that joins a subject to what is said of it («прописка — не важна», «гражданство
#: РФ - не принципиально», «гражданство РФ (не обязательно)»).
_LINKS = frozenset({"—", "–", "-", ":", "("})
#: Words that a waiving predicate may have around it («значения не имеет», «не играет никакой роли»).
_WAIVER_OBJECTS = frozenset({"значение", "роль", "никакой", "особый", "условие", "требование"})
#: Parts of speech that continue a subject's phrase (names, numbers, prepositions) and do not count for the window.
_LIGHT_POS = frozenset({"PROPN", "NUM", "ADP"})
_YEARS = frozenset({"год", "лет"})
#: Parts of speech of the subjects in a list a waiver stands before («вероисповедание и национальность»).
_SUBJECT_POS = frozenset({"NOUN", "ADJ", "PROPN"})
#: How far before the match a waiver may stand with a list of subjects between them.
_LIST_REACH = 10
#: Words that open a question about the match after a waiver («Неважно, какая у вас прописка»).
_QUESTION_WORDS = frozenset({"какой", "каков", "чей", "где", "откуда", "сколько"})
#: How far before the match such a question may open («какое у вас семейное положение»).
_QUESTION_REACH = 6
#: Negators that waive with a waiver after them («не важно», «без разницы»).
_WAIVER_NEGATORS = frozenset({"не", "без"})


class NegationWords(BaseModel):
    """The words of ``rules/negation.yaml`` (lemmas)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    window: int = Field(ge=0)
    negators: frozenset[Lemma]
    keeps: frozenset[Lemma]
    #: Word forms, not lemmas: «не моложе» is a bound, «не молодой» a negation.
    bounds: frozenset[str]
    states: frozenset[Lemma]
    waivers: frozenset[Lemma]
    waived: frozenset[Lemma]
    #: Words that waive when they end the clause: «прописка — любая» (not «девушка любого возраста»).
    open: frozenset[Lemma]


def negated(view: TokenView, items: Sequence[int], start: int, end: int, words: NegationWords) -> bool:
    """A negator within the window before the match, or a waiver within the window after it (same item and clause)."""
    lemmas, texts = view.lemma, view.text
    item = items[start] if items else -1
    index = start - 1
    while index >= 0 and start - index <= words.window and _same_item(items, index, item):
        if texts[index] in _CLAUSE_ENDS or texts[index].isspace():
            break
        if lemmas[index] in words.negators and not _kept(view, index, start, words):
            return True
        index -= 1
    if _waiving_question(view, items, start, item, words) or _waived_list(view, items, start, item, words):
        return True
    # The match's last item: a segmenter may read an abbreviation's dot inside it as an end («Гражд. РФ»).
    return _waived(view, items, end, items[end - 1] if items else -1, words)


def _waived(view: TokenView, items: Sequence[int], end: int, item: int, words: NegationWords) -> bool:
    """A waiver said of the match in its item and clause: within the window after it («прописка не важна»,
    «регистрация в г. Москве не обязательна»: names, numbers, prepositions and abbreviations do not count), or
    right after a dash, colon, bracket or comma that ends the subject, as the whole predicate
    («Гражданство рф. не важно», «прописка МО — не важно», «гражданство РФ (не обязательно)», «возраст —
    любой», «гражданство РФ, не обязательно»; not «девушка, не обязательно с опытом»)."""
    lemmas, texts = view.lemma, view.text
    index = end
    if index < len(texts) and texts[index] == "." and _abbreviation_dot(view, index):
        # The segmenter may take the dot for a sentence's end and start a new item after it («Пол: муж. — …»).
        index += 1
        item = next((items[after] for after in range(index, min(index + 2, len(items))) if items[after] >= 0), item)
    index = _past_subjects(view, items, index, item)
    counted = 0
    while index < len(lemmas) and counted < words.window and _along(view, items, index, item):
        if (texts[index] in _LINKS or texts[index] == ",") and _predicate(view, items, index + 1, item, words):
            return True
        if _clause_ends(view, index):
            break
        if lemmas[index] in words.waived or _waiver(view, index, words):
            return True
        if lemmas[index] in words.open and _clause_ends(view, index + 1, items, item):
            return True
        counted += not _light(view, index)
        index += 1
    return False


def _predicate(view: TokenView, items: Sequence[int], index: int, item: int, words: NegationWords) -> bool:
    """A waiver that is the whole predicate from ``index`` to the clause's end: «не важно», «значения не имеет»,
    «не играет роли», «любой», «(не обязательно)»."""
    lemmas = view.lemma
    index += index < len(lemmas) and lemmas[index] in _WAIVER_OBJECTS
    if index >= len(lemmas):
        return False
    if lemmas[index] in words.waived or lemmas[index] in words.open:
        index += 1
    elif _waiver(view, index, words):
        index += 2
    else:
        return False
    while index < len(lemmas) and lemmas[index] in _WAIVER_OBJECTS:
        index += 1
    # «не обязательна для граждан РФ»: whom it is waived for; not «не обязательно с опытом».
    return _clause_ends(view, index, items, item) or lemmas[index] == "для"


def _waiver(view: TokenView, index: int, words: NegationWords) -> bool:
    """«не» or «без» with a waiver after it: «не важно», «не имеет», «без разницы»."""
    lemmas = view.lemma
    return lemmas[index] in _WAIVER_NEGATORS and index + 1 < len(lemmas) and lemmas[index + 1] in words.waivers


def _light(view: TokenView, index: int) -> bool:
    """A token that only continues the subject's phrase and does not count for the window: a name, a number, a
    preposition, an abbreviation and its dot, years («регистрация в г. Москве», «возраст 25-35 лет»)."""
    text = view.text[index]
    return (
        view.pos[index] in _LIGHT_POS
        or _acronym(text)
        or text.lower() in _PLACE_KINDS
        or text == "." and _abbreviation_dot(view, index)
        or view.lemma[index] in _YEARS
    )


def _past_subjects(view: TokenView, items: Sequence[int], index: int, item: int) -> int:
    """The index after more subjects joined to the match: one after «и», «или»,
    «/» («прописка и регистрация значения не имеют»), names or abbreviations after commas («РФ, РБ, Казахстан»)."""
    texts, pos = view.text, view.pos
    while index + 1 < len(texts) and _same_item(items, index + 1, item):
        joiner, subject = view.lemma[index], texts[index + 1]
        if joiner in _COORDINATORS or joiner == "," and (pos[index + 1] == "PROPN" or _acronym(subject)):
            index += 2
        else:
            break
    return index


def _clause_ends(view: TokenView, index: int, items: Sequence[int] = (), item: int = -1) -> bool:
    """Whether the clause ends at ``index``: a clause mark (not an abbreviation's dot), a line break, the item's
    or the text's end."""
    texts = view.text
    if index >= len(texts) or not _same_item(items, index, item):
        return True
    text = texts[index]
    return text.isspace() or text in _CLAUSE_ENDS and not (text == "." and _abbreviation_dot(view, index))


def _abbreviation_dot(view: TokenView, index: int) -> bool:
    """A dot that ends an abbreviation, not a sentence: after a kind of place («г. Москва»), or after a short
    word or an acronym and before a lower-case word or a link («рф. не важно», «муж. не важен», «РФ.: не
    обязательно»)."""
    texts = view.text
    if index == 0 or index + 1 >= len(texts):
        return False
    before, after = texts[index - 1], texts[index + 1]
    if before.lower() in _PLACE_KINDS:
        return True
    short = before.isalpha() and (len(before) <= 3 or _acronym(before))
    return short and (after[:1].islower() or after in _LINKS or after in {",", ")"})


def _acronym(text: str) -> bool:
    """An upper-case abbreviation: «РФ», «РБ», «МО», «СНГ»."""
    return 2 <= len(text) <= 5 and text.isalpha() and text.isupper()


def _waiving_question(view: TokenView, items: Sequence[int], start: int, item: int, words: NegationWords) -> bool:
    """The match's clause is a question that a waiver before its comma opens: «Неважно, какая у вас прописка»,
    «Не важно, какое у вас семейное положение», «Без разницы, какой у вас возраст»."""
    lemmas = view.lemma
    comma = start - 1
    while comma >= 0 and start - comma <= _QUESTION_REACH and _same_item(items, comma, item):
        if view.text[comma] in _CLAUSE_ENDS or view.text[comma].isspace():
            break
        comma -= 1
    if comma < 1 or view.text[comma] != "," or lemmas[comma + 1] not in _QUESTION_WORDS:
        return False
    return lemmas[comma - 1] in words.waived or comma >= 2 and _waiver(view, comma - 2, words)


def _waived_list(view: TokenView, items: Sequence[int], start: int, item: int, words: NegationWords) -> bool:
    """The match ends a list of subjects that a waiver stands before: «Не имеет значения вероисповедание и
    национальность», «Неважны пол, возраст и семейное положение». Commas count as joins only once «и», «или» or
    «/» has joined the match, so a new clause is not taken for the list («Неважно образование, девушка до 30»)."""
    index, joined = start - 1, False
    while index >= 0 and start - index <= _LIST_REACH and _same_item(items, index, item):
        if _waiver_ends(view, index, words):
            return True
        text, pos = view.text[index], view.pos[index]
        if view.lemma[index] in _COORDINATORS:
            joined = True
        elif not (text == "," and joined or pos in _SUBJECT_POS or _light(view, index)):
            return False
        index -= 1
    return False


def _waiver_ends(view: TokenView, index: int, words: NegationWords) -> bool:
    """A waiving predicate ends at ``index``, before what it waives: «неважно», «не важны», «без разницы», «не
    имеет значения», «не играет никакой роли»."""
    lemmas = view.lemma
    while index > 0 and lemmas[index] in _WAIVER_OBJECTS:
        index -= 1
    return lemmas[index] in words.waived or index > 0 and _waiver(view, index - 1, words)


def _kept(view: TokenView, index: int, start: int, words: NegationWords) -> bool:
    """The negator at ``index`` negates nothing: a keep word follows it before the match («не только»), a
    comparative makes it part of a bound, inside the match or before it («не старше 35», «не более 45 лет»), or a
    verb of having or being makes it ask for an absence («не иметь детей», «не должно быть детей»)."""
    after = index + 1
    if after >= len(view.lemma):
        return False
    lemma = view.lemma[after]
    # A full participle («не имеющих») describes whom a posting takes in; «должен» is a short adjective.
    # (Not «не имеет значения»: that waives.)
    waives = after + 1 < len(view.lemma) and view.lemma[after + 1] in _WAIVER_OBJECTS
    state = lemma in words.states and (view.pos[after] != "ADJ" or lemma == "должный") and not waives
    return (after < start and lemma in words.keeps) or view.lower[after] in words.bounds or state


def in_compound(doc: Doc, start: int) -> bool:
    """The match starts right after a hyphen glued to the word before it («тест-драйв», «тест- драйвы») or a dot
    glued on both sides to a lower-case word («shop.драйв»); a dot before a space or a capital ends a sentence
    («у метро. Требуется», «у метро.Требуется»)."""
    if start < 2:
        return False
    joiner, before = doc[start - 1], doc[start - 2]
    if joiner.text == "." and (joiner.whitespace_ or not doc[start].text[:1].islower()):
        return False
    return joiner.text in _JOINERS and not before.whitespace_ and any(ch.isalpha() for ch in before.text)


def is_name(doc: Doc, start: int, items: Sequence[int]) -> bool:
    """A capitalised word inside its item, not at a sentence start: right after a word that is not all
    capitals (a brand: «пользователи Драйва»), after an abbreviated kind of place with its dot
    («ст. Славянка», «ул. Мира»), or glued by a hyphen to a capitalised word (a place: «Петро-Славянка»)."""
    if start < 1 or (items and items[start - 1] != items[start]):
        return False
    word = doc[start].text
    if not (word[:1].isupper() and word[1:2].islower()):
        return False
    before = doc[start - 1]
    if before.text.isalpha():
        return not before.text.isupper()
    if before.text.endswith(".") and before.text[:-1] in _PLACE_KINDS:
        return True
    if start < 2 or (items and items[start - 2] != items[start]):
        return False
    first = doc[start - 2]
    if before.text == "." and not first.whitespace_:
        return first.text in _PLACE_KINDS
    glued = not first.whitespace_ and not before.whitespace_
    return before.text in _HYPHENS and glued and first.text[:1].isupper() and first.text.isalpha()


def before_hyphen(doc: Doc, end: int) -> bool:
    """The match is glued by a hyphen to a word after it («эйчар-процесс»)."""
    if end + 1 >= len(doc):
        return False
    joiner, after = doc[end], doc[end + 1]
    glued = not doc[end - 1].whitespace_ and not joiner.whitespace_
    return joiner.text in _HYPHENS and glued and any(ch.isalpha() for ch in after.text)


def quoted(doc: Doc, start: int, end: int) -> bool:
    """The match is all there is between a pair of quotes."""
    return start >= 1 and end < len(doc) and doc[start - 1].text in _QUOTES_OPEN and doc[end].text in _QUOTES_CLOSE


def in_intro(structure: Structure, items: Sequence[int], start: int) -> bool:
    """The match is in an item of the opening text or of an «о компании» section that is not a condition, or in the
    company's story told in the closing text (:func:`_closing_story`)."""
    item = items[start] if items else -1
    if item < 0:
        return False
    found = structure.items[item]
    return (found.section in ("intro", "about") and found.kind != "condition") or _closing_story(structure, found)


#: Sections that hold the posting's lists; an unnamed section after them is its closing text.
_LIST_SECTIONS = frozenset({"duties", "requirements", "conditions"})


def _closing_story(structure: Structure, found: Item) -> bool:
    """An item read as the company's story in the last section, an unnamed one right after the posting's lists that
    offers nothing («Карьера у нас — это интересные задачи» after the requirements); an unnamed section that
    names conditions, or one of several unnamed sections in a row, is a list of perks whose heading was not read
    («Корпоративные мероприятия. Мы проводим корпоративы …»)."""
    if found.kind != "about" or found.section != "other" or len(structure.sections) < 2:
        return False
    before, last = structure.sections[-2:]
    inside = [other for other in structure.items if last.start <= other.start < last.end]
    return (
        last.kind == "other"
        and last.start <= found.start < last.end
        and before.kind in _LIST_SECTIONS
        and all(other.kind != "condition" for other in inside)
    )


def counterpart(doc: Doc, items: Sequence[int], start: int, end: int, title: Iterable[Token]) -> bool:
    """A feminine job noun in ``doc[start:end]`` named together with its masculine form, by the title
    («Уборщица/уборщик», «Продавщица, продавец») or by the match's own item («нужна хозяйка офиса (хозяин)»):
    «уборщица» — «уборщик», «продавщица» — «продавец», «хозяйка» — «хозяин».  A title with the masculine form
    alone is the job's usual name, not an offer to both sexes («Помощник руководителя» over «ищу помощницу»)."""
    feminine = {t.lemma_ for t in doc[start:end] if t.pos_ == "NOUN" and _person(t, "Fem")}
    named = [t for t in title if t.pos_ == "NOUN"]
    both = feminine & {t.lemma_ for t in named if _person(t, "Fem")}
    if any(_same_stem(f, t.lemma_) for f in both for t in named if _person(t, "Masc")):
        return True
    if not items or items[start] < 0:
        return False
    first, last = item_span(items, start)
    around = (t for t in doc[first:last] if not start <= t.i < end and t.pos_ == "NOUN" and _person(t, "Masc"))
    return any(_same_stem(f, t.lemma_) for t in around for f in feminine)


def _person(token: Token, gender: str) -> bool:
    """An animate noun of ``gender`` (``Fem``, ``Masc``)."""
    feats = features(token)
    return "Animacy=Anim" in feats and f"Gender={gender}" in feats


def _same_stem(feminine: str, masculine: str) -> bool:
    """The two forms share all of the feminine one but its suffix (up to five letters: «гувернантка» —
    «гувернер»; at least four shared)."""
    shared = len(commonprefix([feminine, masculine]))
    return shared >= max(4, len(feminine) - 5)


#: Tokens after which a clause of a list item starts («пенсионер, мужчина»).
_CLAUSE_OPENERS = frozenset({",", ";", "("})
#: Tokens that break a list item's clause: a description ends before them («мужчина, права B», «девушка (можно
#: студентка)», «девушка — отвечать на звонки»), and a clause exception does not reach across them.
CLAUSE_BREAKS = frozenset({",", ";", "(", ")", ".", "!", "?", "—", "–"})


def embedded(doc: Doc, items: Sequence[int], start: int, end: int) -> bool:
    """The match does not stand on its own: it neither starts its item or a clause nor ends there or before a
    preposition, a number or a genitive adjective (what describes it further: «девушка без опыта», «мужчина 30–45»,
    «девушки модельной внешности»)."""
    item = items[start] if items else -1
    if item < 0:
        return True
    starts = start == 0 or items[start - 1] != item or doc[start - 1].text in _CLAUSE_OPENERS
    if not starts:
        return True
    return not (_description_ends(doc, items, item, end) or _genitive_of_description(doc, items, item, end))


#: Marks after which the words explain the match.
_EXPLAINERS = frozenset({"—", "–", "-", "‑", ":", "("})
_DASHES = frozenset({"—", "–", "-", "‑"})
#: Tokens that end an explanation.
_EXPLANATION_ENDS = frozenset({";", ".", "!", "?", ")", "•", "·"}) | _DASHES
#: Words an explanation needs, at least, with a noun or a verb among them.
_EXPLANATION_WORDS = 3
#: Possessives of the parties («ваших сильных сторон», «наши требования»).
_POSSESSIVES = frozenset({"твой", "ваш", "наш", "свой"})


def explained(doc: Doc, end: int) -> bool:
    """A dash, a colon or an opening bracket right after the match (or after its short prepositional complement)
    opens, on the same line, a clause of at least three words with a noun or a verb among them: the match is
    explained in place.  A dash glued to the match, a capital after a dash, words after a dash that read as a
    requirement or that end at the next dash start the next entry of a flattened list instead («Обучаемость-
    знание 1С», «стрессоустойчивость - Готовность к командировкам», «многозадачность - грамотная речь -
    пунктуальность»); words with a possessive and no verb rate the quality («стрессоустойчивость — одна из ваших
    сильных сторон»); a clause addressed to the candidate is a sentence, not an entry («коммуникабельность — вы
    умеете говорить с гостями»)."""
    start = _next_on_line(doc, end)
    index = _after_complement(doc, start)
    if index >= len(doc) or doc[index].text not in _EXPLAINERS:
        return False
    dash = doc[index].text in _DASHES
    if dash and index == end and not doc[end - 1].whitespace_:
        return False
    words: list[Token] = []
    closing = None
    for token in doc[index + 1:]:
        if token.text in _EXPLANATION_ENDS and (token.text not in _DASHES or doc[token.i - 1].whitespace_):
            closing = token.text
            break
        if "\n" in token.text:
            break
        if token.is_alpha:
            words.append(token)
    if len(words) < _EXPLANATION_WORDS or not any(word.pos_ in ("NOUN", "VERB") for word in words):
        return False
    # After a complement only a clause with a verb tells the work («желание расти в IT — у нас есть примеры …»),
    # not a remark («для них — не пустой звук»).
    if index != start and not any(word.pos_ == "VERB" for word in words):
        return False
    # Words with no verb and a possessive rate the quality, not tell the work («— одна из ваших сильных сторон»).
    if not any(word.pos_ == "VERB" for word in words) and any(word.lemma_ in _POSSESSIVES for word in words):
        return False
    # Words that open with a copula name more qualities, not the work («: быть открытым, вежливым с коллегами»).
    if words[0].lemma_ in _COPULAS:
        return False
    # After a dash the words may be the next entry of a flattened list; after a colon or a bracket they explain.
    # A clause addressed to the candidate is a sentence, not an entry («— вы умеете спокойно говорить с гостями»).
    entry = doc[words[0].i:words[-1].i + 1].text
    listed = reads_like_requirement(entry) and words[0].lemma_ not in _ADDRESSED
    return not dash or not (words[0].text[:1].isupper() or closing in _DASHES or listed)


#: Pronouns that address the candidate.
_ADDRESSED = frozenset({"вы", "ты"})
#: Verbs that link a quality to its bearer («быть вежливым», «оставаться спокойным»), not name work.
_COPULAS = frozenset({"быть", "являться", "оставаться", "остаться", "становиться", "стать"})
#: Words a complement of the match may have after its preposition («желание расти в IT — …»).
_COMPLEMENT_WORDS = 2


#: Marks that end the clause an elaboration is looked for in (a sentence, an entry of a flattened list).
_ELABORATION_ENDS = frozenset({";", ".", "!", "?", "•", "·", "*"})
#: Marks that open a list after the match's own words («офис, в котором …: (завтраки, кофе, …)»).
_LIST_OPENERS = frozenset({":", "("})
#: Tokens that separate the entries of a list.
_ENTRY_JOINERS = frozenset({",", "и", "или"})
#: Named things a list needs to make the match concrete, and words an entry may have at most.
_LIST_ENTRIES = 3
_ENTRY_WORDS = 4
#: Words of an entry that only waves at more («и многое другое», «всё остальное», «т. д.»).
_FILLER = frozenset({"многое", "другой", "прочий", "весь", "остальной", "т", "др", "пр"})
#: Stock perks: words before the list that name one describe another perk, and a list after a preposition that
#: names them is more perks, not what the match is about.
_STOCK_PERKS = frozenset({
    "коллектив", "команда", "офис", "задача", "проект", "корпоратив", "плюшка", "печенька", "вкусняшка", "печенье",
    "рост", "развитие", "зарплата", "плата", "оклад", "доход", "заработок", "возможность", "условие", "атмосфера",
    "коллега", "руководство", "график", "премия", "бонус", "дмс", "обучение", "соцпакет", "мероприятие", "праздник",
})


def elaborated(doc: Doc, items: Sequence[int], end: int) -> bool:
    """The match's clause goes on, in words about the match itself, to a list of at least three named things:
    after a colon or a bracket past the match's own words («офис, в котором царят забота и комфорт (завтраки,
    чай/кофе, печеньки)», «рост со специализацией по направлениям: администрирование, измерительные комплексы,
    слаботочные системы», «коммуникабельность, готовность находить общий язык с разными ролями (БА, ПМ,
    руководитель)») or after a preposition right after a noun match («задачи на стыке финансов, IT и операционного
    управления»).  A colon or a bracket right after the match is the pack's to judge (its antipatterns).  Words
    before the list that start a new entry (a capital, a dash, a second comma) or name another stock perk
    («корпоративы и неформальные активности: …») describe something else; a list of stock perks after a preposition
    («возможность роста в компании, команде и профессии»), of long entries, of clauses with a verb («(мы ценим
    уважение, поддержку)»), or one that waves at more («и многое другое») names nothing."""
    clause = _clause_after(doc, items, end)
    # A preposition tells where a noun's thing is («задачи на стыке …»), a verb's only a direction («желание
    # развиваться в рекламе, маркетинге и PR»).
    noun = doc[end - 1].pos_ in ("NOUN", "PROPN")
    if noun and clause and clause[0].pos_ == "ADP" and _named_entries(clause[1:], opened=False) >= _LIST_ENTRIES:
        return True
    for index, token in enumerate(clause):
        if token.text in _LIST_OPENERS:
            lead = clause[:index]
            return index > 0 and _own_words(lead) and _named_entries(clause[index + 1:], opened=True) >= _LIST_ENTRIES
    return False


def _clause_after(doc: Doc, items: Sequence[int], end: int) -> list[Token]:
    """The tokens after the match in its item up to the end of its sentence or entry: a line break, «;», «.», or a
    capitalised word glued to a lower-case one, the start of the next item of a flattened list («по итогам интервью
    График работы 5/2»)."""
    item = items[end - 1] if items else -1
    clause: list[Token] = []
    for token in doc[end:]:
        if item >= 0 and items[token.i] != item or token.text in _ELABORATION_ENDS or "\n" in token.text:
            break
        if clause and _glued_start(clause[-1], token):
            break
        clause.append(token)
    return clause


def _glued_start(before: Token, token: Token) -> bool:
    """A capitalised common word right after a lower-case word: a new sentence whose mark a scrape lost."""
    return token.is_title and token.pos_ != "PROPN" and before.is_alpha and before.is_lower


def _own_words(lead: Sequence[Token]) -> bool:
    """Words between the match and a list that still describe the match: not a second thing joined to it by «и»,
    «а также» («комфортный офис и насыщенная корпоративная жизнь: …»), no capital (a new entry glued on), no dash,
    at most one comma (the next entries of a list of qualities), no other stock perk."""
    if lead[0].lower_ in _COORDINATORS or lead[0].lower_ == "а":
        return False
    return sum(word.text == "," for word in lead) <= 1 and not any(
        word.text[:1].isupper() or word.text in ("—", "–") or word.lemma_.lower() in _STOCK_PERKS for word in lead
    )


def _named_entries(tokens: Sequence[Token], opened: bool) -> int:
    """How many entries in a row, separated by commas, «и», «или», from the start of ``tokens`` to a closing
    bracket, name a thing (see :func:`_named_entry`).  After a preposition the list is one phrase: a colon, or a
    comma after «и», «или» has joined its last entry, ends it («в сфере производства и торговли, индивидуальный
    план» names two fields and another perk)."""
    entries: list[list[Token]] = [[]]
    joined = False
    for token in tokens:
        if token.text == ")" or not opened and (token.text == ":" or token.text == "," and joined):
            break
        joined = joined or token.lower_ in ("и", "или")
        # Adjectives joined by «и», «или» share their noun («системное или сетевое администрирование»).
        if token.lower_ in _ENTRY_JOINERS and not (token.text != "," and entries[-1] and entries[-1][-1].pos_ == "ADJ"):
            entries.append([])
        else:
            entries[-1].append(token)
    count = 0
    for entry in entries:
        if not _named_entry(entry, opened):
            break
        count += 1
    return count


def _named_entry(entry: Sequence[Token], opened: bool) -> bool:
    """A short entry (up to four words, no verb) that names a thing — a noun, a name or an acronym — and does not
    wave at more; after a preposition (not ``opened`` by a colon or a bracket) it names no stock perk."""
    words = [token for token in entry if token.is_alpha]
    if not words or len(words) > _ENTRY_WORDS or any(token.lemma_.lower() in _FILLER for token in entry):
        return False
    if any(token.pos_ == "VERB" for token in entry):
        return False
    return any(
        (token.pos_ in ("NOUN", "PROPN", "X") or _acronym(token.text))
        and (opened or token.lemma_.lower() not in _STOCK_PERKS)
        for token in entry
    )


def _next_on_line(doc: Doc, index: int) -> int:
    """The first token from ``index`` that is not a space within the line."""
    while index < len(doc) and doc[index].is_space and "\n" not in doc[index].text:
        index += 1
    return index


def _after_complement(doc: Doc, index: int) -> int:
    """Past a short prepositional complement of the match («в IT», «на первом месте») or a quality joined to it
    («и эмпатия») to a spaced dash or a colon right after it; else ``index`` unchanged (a bracket after a
    complement is a remark: «(даже без опыта)»)."""
    if index >= len(doc) or not (doc[index].pos_ == "ADP" or doc[index].lower_ == "и"):
        return index
    for token in doc[index + 1:index + 2 + _COMPLEMENT_WORDS]:
        if token.text == ":" or (token.text in _DASHES and doc[token.i - 1].whitespace_):
            return token.i
        if token.is_punct or token.is_title or "\n" in token.text:
            break
    return index


def _description_ends(doc: Doc, items: Sequence[int], item: int, index: int) -> bool:
    """The item or a clause ends at ``index``, or a preposition or a number starts what describes the words before."""
    if index >= len(doc) or items[index] != item:
        return True
    token = doc[index]
    return token.text in CLAUSE_BREAKS or token.pos_ in ("ADP", "NUM") or token.like_num


def _genitive_of_description(doc: Doc, items: Sequence[int], item: int, index: int) -> bool:
    """An adjective and a noun in an oblique case (the genitive of description) that end the description:
    «девушка приятной внешности,», «мужчина средних лет» (not «женщины нашей команды ведут блог»)."""
    if index + 1 >= len(doc) or items[index + 1] != item:
        return False
    adjective, noun = doc[index], doc[index + 1]
    # The first reading of a form is often another oblique case («приятной»: instrumental); what counts is that
    # the pair is not the subject of a new clause.
    oblique = not {"Case=Nom", "Case=Acc"} & (features(adjective) | features(noun))
    return (
        oblique
        and adjective.pos_ == "ADJ"
        and noun.pos_ == "NOUN"
        and _description_ends(doc, items, item, index + 2)
    )


def _along(view: TokenView, items: Sequence[int], index: int, item: int) -> bool:
    """The token is in the item, or is a link between the item's pieces that the segmenter left outside it."""
    return _same_item(items, index, item) or items[index] == -1 and view.text[index] in _LINKS


def _same_item(items: Sequence[int], index: int, item: int) -> bool:
    return not items or items[index] == item
