"""Raw spaCy token patterns in a pattern set: skipped on docs that lack a word they need, same matches."""

from __future__ import annotations

import re

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from cmlint.linter import Engine
from cmlint.matching import pattern_set
from cmlint.matching.lemma_matcher import TokenView
from cmlint.matching.pattern_set import PatternSet, Stretch, _Ready, _SpacyKey, _windows
from cmlint.matching.steps import Kind, Step
from cmlint.matching.token_patterns import SpacyPattern, Tagged, validate_token_pattern
from cmlint.matching.word_searches import WordSearches
from cmlint.nlp.pipeline import write_morph

YOUNG = validate_token_pattern([{"LEMMA": "молодой"}, {"POS": "ADJ", "OP": "*"}, {"LEMMA": {"IN": ["человек", "люди"]}}])
ANY_NOUN = validate_token_pattern([{"POS": "NOUN"}, {"LOWER": "для", "OP": "?"}])


def test_required_words_are_the_words_of_tokens_that_must_occur() -> None:
    assert YOUNG.required_words() == (frozenset({"молодой"}), frozenset({"человек", "люди"}))
    assert ANY_NOUN.required_words() == ()


def test_a_pattern_is_ready_when_every_word_set_it_needs_occurs_and_one_needing_none_always(engine: Engine) -> None:
    keys = {0: _SpacyKey(engine.nlp.vocab), 1: _SpacyKey(engine.nlp.vocab)}
    keys[0].add(0, [YOUNG])
    keys[1].add(1, [ANY_NOUN])
    ready = _Ready(keys, WordSearches())
    assert list(ready(_words_view(["молодой", "люди", "работа"]))) == [0, 1]
    assert list(ready(_words_view(["молодой", "работа"]))) == list(ready(_words_view(["человек"]))) == [1]


def _words_view(words: list[str]) -> TokenView:
    return TokenView(words, words, words, ["NOUN"] * len(words))


def _stretch(doc: Doc, view: TokenView, *regexes: re.Pattern[str]) -> Stretch:
    """The whole doc as a pattern set reads it, with ``regexes`` on words."""
    return Stretch(doc, view, WordSearches(regexes), 0, len(doc))


def _morphed(engine: Engine, doc: Doc) -> Doc:
    """A doc of ``doc``'s text with every token's morphology written, for a spaCy ``Matcher`` on the whole doc
    (a pattern set writes it only where its own matchers run)."""
    whole = engine.nlp(doc.text)
    write_morph(whole, 0, len(whole))
    return whole


def test_matches_equal_spacy_matcher_with_and_without_the_needed_words(engine: Engine) -> None:
    texts = [
        "Ищем молодого энергичного человека в команду.",
        "Ищем молодую команду для проекта.",  # «молодой» without «человек»: the pattern is skipped
        "Ждём людей с опытом продаж.",
        "",
    ]
    patterns: PatternSet[str] = PatternSet(engine.nlp.vocab)
    patterns.add("young", [YOUNG])
    patterns.add("noun", [ANY_NOUN])
    reference = Matcher(engine.nlp.vocab)
    reference.add("young", [list(YOUNG.tokens)], greedy="LONGEST")
    reference.add("noun", [list(ANY_NOUN.tokens)], greedy="LONGEST")
    strings = engine.nlp.vocab.strings
    found_young = False
    for text in texts:
        doc = engine.nlp(text)
        expected = sorted(((strings[key], s, e) for key, s, e in reference(_morphed(engine, doc))), key=lambda m: (m[1], m[2], m[0]))
        got = patterns(doc, TokenView.of(doc))
        assert got == expected, text
        found_young = found_young or any(key == "young" for key, _, _ in got)
    assert found_young


def test_title_only_patterns_are_not_looked_for_in_a_body(engine: Engine) -> None:
    patterns: PatternSet[str] = PatternSet(engine.nlp.vocab)
    patterns.add("noun", [ANY_NOUN], title_only=True)
    patterns.add("young", [YOUNG])
    doc = engine.nlp("Ищем молодого человека")
    view = TokenView.of(doc)
    in_title = {patterns.keys[i] for i, _, _ in patterns.ids(doc, view, title=True)}
    in_body = {patterns.keys[i] for i, _, _ in patterns.ids(doc, view, title=False)}
    assert in_title == {"noun", "young"}
    assert in_body == {"young"}


def test_step_and_token_patterns_of_one_set_are_each_tried_by_their_own_words(engine: Engine) -> None:
    """One pass over a doc's words picks the patterns of both matchers (the token patterns' bits below the step
    patterns'): each is found where its own words occur, and only there."""
    patterns: PatternSet[str] = PatternSet(engine.nlp.vocab)
    patterns.add("young", [YOUNG])
    patterns.add("chats", [(Step(Kind.LEMMA, frozenset({"вести"})), Step(Kind.LEMMA, frozenset({"чат"})))])

    def keys(text: str) -> set[str]:
        doc = engine.nlp(text)
        return {key for key, _, _ in patterns(doc, TokenView.of(doc))}

    assert keys("Вести чаты и искать молодого человека") == {"young", "chats"}
    assert keys("Вести чаты") == {"chats"}
    assert keys("Ищем молодого человека") == {"young"}
    assert keys("Вести молодого") == set()


# The needed word stands in the middle, after up to two adjectives; another pattern of the same key overlaps.
WANTED = validate_token_pattern(
    [{"LOWER": "ищем"}, {"POS": "ADJ", "OP": "{0,2}"}, {"LEMMA": {"IN": ["продавщица", "кассирша"]}}]
)
SELLER = validate_token_pattern([{"POS": "ADJ", "OP": "?"}, {"LEMMA": "продавщица"}, {"LOWER": "в", "OP": "?"}])


def test_anchors_bound_a_match_around_each_needed_word() -> None:
    assert WANTED.anchors() == ((frozenset({"ищем"}), 0, 3), (frozenset({"продавщица", "кассирша"}), 3, 0))
    assert SELLER.anchors() == ((frozenset({"продавщица"}), 1, 1),)
    assert YOUNG.anchors() == ((frozenset({"молодой"}), 0, None), (frozenset({"человек", "люди"}), None, 0))


def test_windows_around_the_rarest_word_give_spacy_s_longest_matches_of_a_key(engine: Engine) -> None:
    texts = [
        "Ищем опытную вежливую продавщицу в магазин. Ищем кассиршу. Ищем, ищем, ищем.",
        "Ищем продавщицу в отдел и ещё одну продавщицу в зал; ищем молодого человека.",
        "Молодая продавщица в зал. Ищем старательную кассиршу в ночь и молодых людей.",
        "Ищем менеджера.",
    ]
    patterns: PatternSet[str] = PatternSet(engine.nlp.vocab)
    patterns.add("job", [WANTED, SELLER, YOUNG])
    reference = Matcher(engine.nlp.vocab)
    reference.add("job", [list(p.tokens) for p in (WANTED, SELLER, YOUNG)], greedy="LONGEST")
    strings = engine.nlp.vocab.strings
    seen = 0
    for text in texts:
        doc = engine.nlp(text)
        for start, end in ((0, len(doc)), (2, len(doc) - 3)):
            expected = sorted(
                ((strings[key], s, e) for key, s, e in reference(_morphed(engine, doc)[start:end])), key=lambda m: (m[1], m[2], m[0])
            )
            expected = [(key, s + start, e + start) for key, s, e in expected]
            assert patterns(doc, TokenView.of(doc), start, end) == expected, (text, start)
            seen += len(expected)
    assert seen >= 6


# No word must occur, but a number like «25–40» must: the windows stand around the tokens the expression finds.
AGED = validate_token_pattern(
    [{"POS": "NOUN"}, {"ORTH": ",", "OP": "?"}, {"ORTH": {"REGEX": "^[0-9]+–[0-9]+$"}}, {"LOWER": "лет", "OP": "?"}]
)


def test_a_regex_on_a_word_anchors_the_windows_and_the_matches_stay_spacy_s(engine: Engine) -> None:
    assert AGED.required_words() == ()
    assert AGED.anchors() == ((re.compile("^[0-9]+–[0-9]+$"), 2, 1),)
    # A pattern with a word to look up is anchored by its words alone.
    with_word = validate_token_pattern([*AGED.tokens[:3], {"LOWER": "лет"}])
    assert with_word.anchors() == ((frozenset({"лет"}), 3, 0),)
    texts = [
        "Ищем водителя, 25–40 лет, и грузчиков 20–30. Повара 30–45 лет.",
        "Зарплата 40–60 тысяч, график 5–2.",
        "Ищем водителя с опытом.",
    ]
    assert _matches_as_spacy(engine, AGED, texts) >= 3
    ages = re.compile("^[0-9]+–[0-9]+$")
    assert TokenView.of(engine.nlp("водитель 25–40 лет")).searched(ages, WordSearches([ages])) == [1]


def test_companions_say_how_far_from_each_anchor_the_other_needed_tokens_stand() -> None:
    # «ищем» [0–2 adjectives] «продавщица|кассирша»: the second word stands 1 to 3 tokens after the first.
    assert WANTED.companions() == (
        ((frozenset({"продавщица", "кассирша"}), 1, 3),),
        ((frozenset({"ищем"}), -3, -1),),
    )
    # Any number of adjectives between: no bound on the far side.
    assert YOUNG.companions() == (((frozenset({"человек", "люди"}), 1, None),), ((frozenset({"молодой"}), None, -1),))
    # A regular expression on a word and a part of speech are companions of the word anchor too.
    with_word = validate_token_pattern([*AGED.tokens[:3], {"LOWER": "лет"}])
    assert with_word.companions() == (
        ((re.compile("^[0-9]+–[0-9]+$"), -1, -1), (Tagged(frozenset({"NOUN"})), -3, -2)),
    )


def test_an_anchor_without_its_companions_in_reach_gets_no_window(engine: Engine) -> None:
    # Five «ищем», one «продавщицу» in reach of one of them: one window, and spaCy's matches stay the same.
    text = "Ищем, ищем, ищем водителя. Ищем опытную продавщицу. Ищем."
    doc = engine.nlp(text)
    view = TokenView.of(doc)
    patterns: PatternSet[str] = PatternSet(engine.nlp.vocab)
    patterns.add("wanted", [WANTED])
    reference = Matcher(engine.nlp.vocab)
    reference.add("wanted", [list(WANTED.tokens)], greedy="LONGEST")
    expected = [(engine.nlp.vocab.strings[key], s, e) for key, s, e in reference(_morphed(engine, doc))]
    assert expected and patterns(doc, view) == expected
    windows = _windows(WANTED.anchors(), WANTED.companions(), _stretch(doc, view))
    assert len(windows) == 1


# No word and no regular expression: an adjective before a feminine noun, maybe with a comma between.
THING = validate_token_pattern(
    [{"POS": "ADJ"}, {"ORTH": ",", "OP": "?"}, {"POS": {"IN": ["NOUN", "PROPN"]}, "MORPH": {"IS_SUPERSET": ["Gender=Fem"]}}]
)


def test_a_pattern_of_parts_of_speech_runs_around_its_rarer_tag_with_spacy_s_matches(engine: Engine) -> None:
    feminine = Tagged(frozenset({"NOUN", "PROPN"}), frozenset({"Gender=Fem"}))
    assert THING.anchors() == ((Tagged(frozenset({"ADJ"})), 0, 2), (feminine, 2, 0))
    # A long text with few adjectives: a window around each one before a noun, not the whole text.
    text = "Мы ищем человека в отдел, график работы с утра до вечера, оплата раз в неделю, " * 3 + "Чистая, светлая витрина."
    doc = engine.nlp(text)
    view = TokenView.of(doc)
    windows = _windows(THING.anchors(), THING.companions(), _stretch(doc, view))
    assert windows and sum(e - s for s, e in windows) < len(doc) // 4
    patterns: PatternSet[str] = PatternSet(engine.nlp.vocab)
    patterns.add("thing", [THING])
    reference = Matcher(engine.nlp.vocab)
    reference.add("thing", [list(THING.tokens)], greedy="LONGEST")
    for sample in (text, "Светлая витрина", "Витрина", "Красивая, чистая, светлая витрина и новая касса."):
        doc = engine.nlp(sample)
        expected = [(engine.nlp.vocab.strings[key], s, e) for key, s, e in reference(_morphed(engine, doc))]
        expected.sort(key=lambda m: (m[1], m[2], m[0]))
        assert patterns(doc, TokenView.of(doc)) == expected, sample


def test_a_view_finds_the_tokens_of_a_word_set_and_of_a_part_of_speech_once(engine: Engine) -> None:
    doc = engine.nlp("Ищем продавщицу, кассиршу и ещё одну продавщицу")
    view = TokenView.of(doc)
    words = frozenset({"продавщица", "кассирша", "грузчик"})
    assert view.holding(words) == [1, 3, 7]
    assert view.holding(words) is view.holding(words)
    assert view.holding(frozenset({"грузчик"})) == []
    assert view.tagged(frozenset({"NOUN"})) == [1, 3, 7]
    # By features too, read as spaCy's Matcher reads a token's morphology (written where it runs).
    write_morph(doc, 0, len(doc))
    assert view.feats == [frozenset(token.morph) for token in doc]
    assert view.tagged(frozenset({"NOUN"}), frozenset({"Gender=Fem", "Case=Acc"})) == [1, 3, 7]
    assert view.tagged(frozenset({"NOUN"}), frozenset({"Gender=Masc"})) == []


def test_a_plan_is_the_needed_words_the_anchors_and_the_companions_at_once() -> None:
    aged = validate_token_pattern([{"LOWER": {"REGEX": "^[0-9]+$"}}, {"LEMMA": "год"}])
    for pattern in (YOUNG, ANY_NOUN, aged):
        assert pattern.plan() == (pattern.required_words(), pattern.anchors(), pattern.companions())


# A code in the text, and «стаж» with a number anywhere after it.
CODED = validate_token_pattern([{"LOWER": {"REGEX": "^код[0-9]+$"}}])
SENIOR = validate_token_pattern([{"LEMMA": "стаж"}, {"OP": "*"}, {"ORTH": {"REGEX": "^[0-9]+$"}}])


def test_a_pattern_is_ready_only_when_each_regular_expression_it_needs_finds_a_word(engine: Engine) -> None:
    keys = {0: _SpacyKey(engine.nlp.vocab), 1: _SpacyKey(engine.nlp.vocab)}
    keys[0].add(0, [CODED])
    keys[1].add(1, [SENIOR])
    ready = _Ready(keys, WordSearches(regex for key in keys.values() for p in key.patterns for regex in p.regexes))
    assert list(ready(_words_view(["код17", "стаж", "год"]))) == [0]
    assert list(ready(_words_view(["стаж", "3", "год"]))) == [1]
    assert list(ready(_words_view(["код", "стаж", "три"]))) == []


def test_a_companion_without_a_bound_must_still_stand_in_the_stretch(engine: Engine) -> None:
    # The number stands before «стаж»: no match can hold both, so no window (the matches stay spaCy's).
    patterns: PatternSet[str] = PatternSet(engine.nlp.vocab)
    patterns.add("senior", [SENIOR])
    reference = Matcher(engine.nlp.vocab)
    reference.add("senior", [list(SENIOR.tokens)], greedy="LONGEST")
    for text, found in (("Зарплата 90 тысяч, стаж не важен.", False), ("Нужен стаж работы от 3 лет.", True)):
        doc = engine.nlp(text)
        view = TokenView.of(doc)
        windows = _windows(SENIOR.anchors(), SENIOR.companions(), _stretch(doc, view, re.compile("^[0-9]+$")))
        assert bool(windows) is found, text
        expected = [(engine.nlp.vocab.strings[key], s, e) for key, s, e in reference(_morphed(engine, doc))]
        assert patterns(doc, view) == expected and bool(expected) is found, text


def test_a_token_pattern_builds_its_matcher_only_when_its_words_occur(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Matcher] = []

    def counted(vocab: Vocab) -> Matcher:
        built.append(Matcher(vocab))
        return built[-1]

    monkeypatch.setattr(pattern_set, "Matcher", counted)
    patterns: PatternSet[str] = PatternSet(engine.nlp.vocab)
    patterns.add("young", [YOUNG])
    doc = engine.nlp("Ждём людей с опытом продаж.")
    assert patterns(doc, TokenView.of(doc)) == [] and built == []  # engines start faster: most never run
    doc = engine.nlp("Ищем молодого энергичного человека.")
    assert patterns(doc, TokenView.of(doc)) == [("young", 1, 4)] and len(built) == 1


# An adjective that does not end in «-ость» after «не для»: the expression finds something in almost every word.
NOT_FOR = validate_token_pattern(
    [{"LOWER": "не"}, {"LOWER": "для"}, {"LOWER": {"REGEX": "^(?!.*ость$)"}, "POS": "ADJ", "OP": "?"}, {"POS": "NOUN"}]
)
# Only such expressions and a part of speech.
LOWER_NOUN = validate_token_pattern([{"LOWER": {"REGEX": "^[а-яё]"}, "POS": "NOUN"}, {"ORTH": {"REGEX": "^[^0-9]"}}])


def test_an_expression_that_finds_something_in_every_ordinary_word_neither_anchors_nor_accompanies(
    engine: Engine,
) -> None:
    """«^[^0-9]» or «^(?!.*ость$)» would have every word of a doc read for it and narrow nothing down: the Matcher
    tests it; the windows stand around the other tokens, and the matches stay spaCy's."""
    assert NOT_FOR.anchors() == ((frozenset({"не"}), 0, 3), (frozenset({"для"}), 1, 2))
    assert all(not isinstance(c.test, re.Pattern) for group in NOT_FOR.companions() for c in group)
    assert LOWER_NOUN.anchors() == ((Tagged(frozenset({"NOUN"})), 0, 1),)
    texts = ["Работа не для слабых духом: склад, ночные смены.", "Не для студентов. Вакансия 2024 года, офис 5 этаж."]
    assert _matches_as_spacy(engine, NOT_FOR, texts) >= 2
    assert _matches_as_spacy(engine, LOWER_NOUN, texts) >= 2


def _matches_as_spacy(engine: Engine, pattern: SpacyPattern, texts: list[str]) -> int:
    """Assert that a pattern set with ``pattern`` finds in each of ``texts`` what spaCy's own ``Matcher`` (greedy
    LONGEST) does; how many matches there were."""
    patterns: PatternSet[str] = PatternSet(engine.nlp.vocab)
    patterns.add("p", [pattern])
    reference = Matcher(engine.nlp.vocab)
    reference.add("p", [list(pattern.tokens)], greedy="LONGEST")
    strings = engine.nlp.vocab.strings
    found = 0
    for text in texts:
        doc = engine.nlp(text)
        expected = sorted(((strings[k], s, e) for k, s, e in reference(_morphed(engine, doc))), key=lambda m: (m[1], m[2], m[0]))
        assert patterns(doc, TokenView.of(doc)) == expected, text
        found += len(expected)
    return found
