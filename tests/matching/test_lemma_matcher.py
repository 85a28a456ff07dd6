"""The fast matcher must agree with spaCy's Matcher on every compiled phrase of the taxonomy."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from spacy.matcher import Matcher

from cmlint.linter import Engine
from cmlint.matching.lemma_matcher import LemmaMatcher, TokenView
from cmlint.matching.phrases import PhraseCompiler
from cmlint.matching.steps import GAP, JOINT_VALUES, MODIFIER_POS, Kind, Step, StepPattern
from cmlint.matching.word_searches import WordSearches

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "postings"


def to_spacy(steps: StepPattern) -> list[dict[str, Any]]:
    """The spaCy token pattern with the meaning the fast matcher gives ``steps``."""
    tokens: list[dict[str, Any]] = []
    for step in steps:
        if step.kind is Kind.GAP:
            tokens += [
                {"ORTH": {"IN": sorted(JOINT_VALUES)}, "OP": "?"},
                {"POS": {"IN": sorted(MODIFIER_POS)}, "OP": "?"},
                {"POS": {"IN": sorted(MODIFIER_POS)}, "OP": "?"},
            ]
            continue
        token: dict[str, Any]
        if step.kind is Kind.WORD:
            token = {"IS_PUNCT": False, "IS_SPACE": False}
        else:
            token = {step.kind.name: {"IN": sorted(step.values)}}
        if step.optional:
            token["OP"] = "?"
        tokens.append(token)
    return tokens


@pytest.fixture(scope="module")
def matchers(engine: Engine) -> tuple[Matcher, LemmaMatcher[str]]:
    compiler = PhraseCompiler(engine.morphology, lambda t: [x.text for x in engine.nlp.make_doc(t)])
    slow, fast = Matcher(engine.nlp.vocab), LemmaMatcher[str]()
    for role_id, role in engine.taxonomy.roles.items():
        for index, duty in enumerate(role.duties):
            patterns = [p for phrase in duty.phrase for p in compiler.compile(phrase, engine.taxonomy.phrase_macros)]
            slow.add(f"{role_id}:{index}", [to_spacy(p) for p in patterns], greedy="LONGEST")
            for pattern in patterns:
                fast.add(f"{role_id}:{index}", pattern)
    return slow, fast


def texts() -> list[str]:
    rows = [json.loads(line) for path in sorted(CORPUS.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]
    return [row["text"] for row in rows[::4]]


def test_same_matches_as_spacy(engine: Engine, matchers: tuple[Matcher, LemmaMatcher[str]]) -> None:
    slow, fast = matchers
    strings = engine.nlp.vocab.strings
    for text in texts():
        doc = engine.nlp(text)
        expected = sorted((strings[key], start, end) for key, start, end in slow(doc))
        assert sorted(fast(TokenView.of(doc))) == expected, text[:80]


def test_a_pattern_needs_a_required_step() -> None:
    matcher = LemmaMatcher[str]()
    with pytest.raises(ValueError):
        matcher.add("a", (Step(Kind.LEMMA, frozenset({"a"}), optional=True),))
    with pytest.raises(ValueError):
        matcher.add("a", ())


def test_leading_optional_step_matches_with_and_without_it() -> None:
    matcher = LemmaMatcher[str]()
    matcher.add("k", (Step(Kind.LEMMA, frozenset({"холодный"}), optional=True), Step(Kind.LEMMA, frozenset({"звонок"}))))
    view = TokenView(["холодные", "звонки", "и", "звонки"], ["холодные", "звонки", "и", "звонки"],
                     ["холодный", "звонок", "и", "звонок"], ["ADJ", "NOUN", "CCONJ", "NOUN"])
    assert matcher(view) == [("k", 0, 2), ("k", 3, 4)]


@pytest.mark.parametrize(
    ("between", "found"),
    [([], True), ([("-", "PUNCT")], True), ([("-", "PUNCT"), ("очень", "ADV"), ("новые", "ADJ")], True),
     ([("очень", "ADV"), ("новые", "ADJ"), ("свои", "DET")], False), ([("и", "CCONJ")], False)],
)
def test_a_gap_reaches_a_joint_and_two_modifiers_and_no_further(between: list[tuple[str, str]], found: bool) -> None:
    """A start whose next word stands beyond the gap's reach is not tried (:func:`_in_reach`): the same matches."""
    matcher = LemmaMatcher[str]()
    matcher.add("k", (Step(Kind.LEMMA, frozenset({"вести"})), GAP, Step(Kind.LEMMA, frozenset({"чат"}))))
    words = ["вести", *(word for word, _ in between), "чат"]
    tags = ["VERB", *(tag for _, tag in between), "NOUN"]
    view = TokenView(words, words, words, tags)
    assert matcher(view) == ([("k", 0, len(words))] if found else [])


@pytest.mark.parametrize("text", ["25", "٢٥", "¹", "²⁵", "1²", "①"])
def test_a_range_step_reads_only_decimal_digits(text: str) -> None:
    """Superscript digits and circled numbers are digits to ``str.isdigit`` but no number to ``int``:
    a footnote mark after a word («мужчина¹») crashed the whole posting."""
    step = Step(Kind.RANGE, frozenset(), bounds=(14, 80))
    assert step.in_range(text) is (text in ("25", "٢٥"))


def test_a_doc_is_read_by_its_words_so_only_patterns_whose_words_all_occur_are_tried() -> None:
    """A pattern is tried only where its first word stands, and only when its later words occur in the doc."""
    matcher = LemmaMatcher[str]()
    matcher.add("чаты", (Step(Kind.LEMMA, frozenset({"вести"})), Step(Kind.LEMMA, frozenset({"чат"}))))
    matcher.add("план", (Step(Kind.LEMMA, frozenset({"вести"})), Step(Kind.LEMMA, frozenset({"план"}))))
    matcher.add("звонки", (Step(Kind.LEMMA, frozenset({"звонок"})),))
    matcher.add("число", (Step(Kind.POS, frozenset({"NUM"})), Step(Kind.LEMMA, frozenset({"чат"}))))
    view = TokenView(["Вести", "два", "чата", "и", "вести", "блог"], ["вести", "два", "чата", "и", "вести", "блог"],
                     ["вести", "два", "чат", "и", "вести", "блог"], ["VERB", "NUM", "NOUN", "CCONJ", "VERB", "NOUN"])
    tried = sorted((matcher._patterns[index][0], list(at)) for index, at in matcher._starts(view, matcher._needs_bits().passing(view.words)))
    assert tried == [("чаты", [0, 4]), ("число", [1])]
    assert matcher(view) == [("число", 1, 3)]



def test_a_pattern_added_after_a_doc_was_read_is_tried_in_the_next() -> None:
    """The first words are read from the live index: nothing kept from before an ``add`` hides a new pattern."""
    matcher = LemmaMatcher[str]()
    matcher.add("чаты", (Step(Kind.LEMMA, frozenset({"вести"})), Step(Kind.LEMMA, frozenset({"чат"}))))
    words = ["модерировать", "чат"]
    assert matcher(TokenView(words, words, words, ["VERB", "NOUN"])) == []
    matcher.add("модерация", (Step(Kind.LEMMA, frozenset({"модерировать"})), Step(Kind.LEMMA, frozenset({"чат"}))))
    assert matcher(TokenView(words, words, words, ["VERB", "NOUN"])) == [("модерация", 0, 2)]


def test_a_views_words_stand_where_each_token_has_them_once_and_in_order() -> None:
    """A word is the lemma of one token and the lower-cased or exact form of another: its tokens in order, each
    once, however many of a token's three strings it is."""
    view = TokenView(["Чаты", "чат", "ЧАТ", "вести"], ["чаты", "чат", "чат", "вести"],
                     ["чат", "чат", "чат", "вести"], ["NOUN", "NOUN", "NOUN", "VERB"])
    assert view.positions == {"чат": [0, 1, 2], "чаты": [0], "Чаты": [0], "ЧАТ": [2], "вести": [3]}
    assert view.words == {"чат", "чаты", "Чаты", "ЧАТ", "вести"}

def _view(words: list[str]) -> TokenView:
    return TokenView(words, [w.lower() for w in words], [w.lower() for w in words], ["NOUN"] * len(words))


def test_each_set_of_searches_keeps_its_own_answers_and_a_view_reads_against_the_one_asked() -> None:
    """Two pattern sets own two sets of expressions: a word answered for one is answered again for the other,
    and a view read against one set and then the other gives each set's tokens."""
    vowel_end = re.compile(r"[аоуэыяёюеи]$")
    double = re.compile(r"(\w)\1")
    first, second = WordSearches([vowel_end]), WordSearches([double, vowel_end])
    assert first.masks(["кассы", "чек"]) == [1, 0]
    assert second.masks(["кассы", "чек"]) == [3, 0]
    view = _view(["чек", "кассы", "кофейня"])
    assert view.searched(vowel_end, first) == [1, 2]
    assert view.searched(double, second) == [1]
    assert view.searched(vowel_end, second) == [1, 2]
    assert view.found(first) == 1 and view.found(second) == 3
    assert second.mask_of([vowel_end]) == 2


def test_a_phrase_compiler_reads_each_word_once(engine: Engine) -> None:
    """Packs repeat their words (macros above all): a word is lemmatized once per compiler."""
    asked: list[str] = []

    class Counting:
        def lemmas(self, word: str) -> list[str]:
            asked.append(word)
            return engine.morphology.lemmas(word)

    compiler = PhraseCompiler(Counting(), lambda text: [text])  # type: ignore[arg-type]
    first = compiler.compile("варить кофе|чай")
    again = compiler.compile("кофе|чай варить")
    assert sorted(asked) == ["варить", "кофе", "чай"]
    assert first[0][0] == again[0][2] and first[0][2] == again[0][0]


def test_a_gap_of_words_may_end_at_a_dash_or_a_colon(engine: Engine) -> None:
    """«иностранец ... не брать» reaches «Иностранцы без опыта — не берём»: a dash or a colon after the words
    of a gap links the next word; other punctuation still stops it."""
    compiler = PhraseCompiler(engine.morphology, lambda t: [x.text for x in engine.nlp.make_doc(t)])
    matcher = LemmaMatcher[str]()
    for pattern in compiler.compile("иностранец ... не брать"):
        matcher.add("refusal", pattern)
    for text, found in [("Иностранцы без опыта — не берём", True), ("Иностранцы без опыта: не берём", True),
                        ("Иностранцы без опыта. Не берём", False)]:
        assert bool(matcher(TokenView.of(engine.nlp(text)))) is found, text
