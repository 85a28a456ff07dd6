"""The first-character lookahead: a superset of where a match can start, so the matches never change."""

import random
import re
import sys
from re import _constants as c, _parser  # type: ignore[attr-defined]

import pytest

from cmlint.resources import load_yaml
from cmlint.text import segment
from cmlint.text.first_chars import (
    alternative_with_lookahead,
    alternatives_lookahead,
    first_chars_lookahead,
    first_set,
    is_open,
    required_word,
    required_words,
    without_captures,
)
from cmlint.text.segment import _fold, _grammar, _grammar_sources


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("обязанност|задач", "(?=[зо])"),
        ("(мы )?(ищем|нужен)", "(?=[имн])"),
        ("^(?!знать)[а-в]{2,}", "(?=[абв])"),
        ("(?:x)?y", "(?=[xy])"),
        ("a-|\\]", "(?=[\\]a])"),
    ],
)
def test_lookahead_names_every_first_character(pattern: str, expected: str) -> None:
    assert first_chars_lookahead(pattern) == expected


@pytest.mark.parametrize("pattern", ["\\w+", "[^:]{0,70}?если", ".", "a*", "a|b?", "(?i)a", "[\u0400-\u9fff]"])
def test_no_lookahead_when_the_first_character_is_open(pattern: str) -> None:
    assert first_chars_lookahead(pattern) == ""


def test_no_lookahead_with_case_folding() -> None:
    assert first_chars_lookahead("abc", re.IGNORECASE) == ""


LINES = [
    "обязанности: ведение чатов",
    "мы ищем тебя, если",
    "- будет плюсом знание sql",
    "что мы предлагаем",
    "контакты",
    "ты будешь вести учёт",
    "резюме присылайте на почту",
    "приветствуется опыт",
    "",
    "   ",
    "123 задачи",
]


def test_section_patterns_find_the_same_matches_with_their_lookaheads() -> None:
    data = load_yaml("sections.yaml")
    groups = [*data["headings"].values(), *data["cues"].values()]
    for patterns in groups:
        body = "|".join(f"(?:{p})" for p in patterns).replace("$MODAL", data["modal"])
        plain, ahead = re.compile(body), re.compile(first_chars_lookahead(body) + body)
        for line in LINES:
            assert [m.span() for m in ahead.finditer(line)] == [m.span() for m in plain.finditer(line)]



def test_a_cue_lookahead_gates_every_alternative() -> None:
    """A lookahead in front of bare alternatives («(?=[…])a|b») would gate the first one only: a cue's lookahead
    stands in front of one group of all its alternatives."""
    data = load_yaml("sections.yaml")
    cues = _grammar_sources(data)[1 + 4 * len(data["headings"]):]
    assert len(cues) == len(data["cues"])
    gated = [source for source in cues if source.startswith("(?=")]
    assert gated
    for source in gated:
        assert _parser.parse(source).data[0][0] is c.ASSERT, source[:60]


@pytest.mark.parametrize(
    ("alternatives", "expected"),
    [
        (["обязанност", "задач"], "(?=[зо])"),
        (["обязанност", "[^:]{0,70}?если"], "(?=[о]|(?:[^:]{0,70}?если))"),
        (["\\w+", "[^:]{0,70}?если"], ""),
        (["(а)б", "в\\1"], ""),
        (["(?P<x>а)", "б(?P=x)"], ""),
    ],
)
def test_alternatives_lookahead_tries_the_open_alternatives_whole(alternatives: list[str], expected: str) -> None:
    assert alternatives_lookahead(alternatives) == expected


def test_heading_starts_match_the_same_with_their_lookaheads() -> None:
    data = load_yaml("sections.yaml")
    for patterns in data["headings"].values():
        alternatives = [p.replace("$MODAL", data["modal"]) for p in patterns]
        body = "|".join(f"(?:{p})" for p in alternatives)
        plain, ahead = re.compile(f"^(?:{body})"), re.compile(f"^{alternatives_lookahead(alternatives)}(?:{body})")
        for line in [*LINES, "нам важно, если у тебя есть:", "идеально, если ты умеешь:"]:
            found, expected = ahead.match(line), plain.match(line)
            assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize(
    ("alternative", "expected"),
    [
        ("обязанност", "обязанност"),
        ("[вт]ы будешь", "[вт]ы будешь"),
        ("(?:что|чем) делать", "(?:что|чем) делать"),  # «ч» first: the parse moves it out of the alternation
        ("(?:мы )?ожидаем", "(?=[мо])(?:(?:мы )?ожидаем)"),
        ("(?:ты|вы) будете", "(?=[вт])(?:(?:ты|вы) будете)"),
        ("^(?:с|от) нас", "(?=[ос])(?:^(?:с|от) нас)"),
        ("[^:]{0,70}?если", "[^:]{0,70}?если"),
    ],
)
def test_an_alternative_gets_a_lookahead_where_the_engine_would_enter_it(alternative: str, expected: str) -> None:
    assert alternative_with_lookahead(alternative) == expected


def test_heading_expressions_match_as_their_alternatives_without_lookaheads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The grammar's heading expressions (a lookahead in front of many an alternative) match where and as far as
    the same expressions built with the alternatives as they are, at a line's start and anywhere in it."""
    headings = _grammar().headings  # built first: the grammar is cached, and stored under its inputs
    monkeypatch.setattr(segment, "alternative_with_lookahead", lambda alternative: alternative)
    plain = [re.compile(source) for source in _grammar_sources(load_yaml("sections.yaml"))]
    rnd = random.Random(2)
    words = ["что ", "мы ", "ты ", "вы ", "наши ", "основные ", "задачи", "требования", "ожидаем", "если ", ": ", "?"]
    lines = [*LINES, "нам важно, если у тебя есть:", "Ваши задачи:", "мы ожидаем от тебя:", "с нас:", "о компании"]
    lines += ["".join(rnd.choice(words) for _ in range(rnd.randint(0, 6))) for _ in range(2000)]
    for index, (kind, at_start, anywhere) in enumerate(headings):
        plain_start, plain_anywhere = plain[2 * index], plain[2 * index + 1]
        for line in map(_fold, lines):
            found, expected = at_start.match(line), plain_start.match(line)
            assert (found and found.span()) == (expected and expected.span()), (kind, line)
            assert [m.span() for m in anywhere.finditer(line)] == [m.span() for m in plain_anywhere.finditer(line)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("[^:]{0,70}?\\bесли (у (тебя|вас)|(ты|вы))(?= ?:)", "если "),
        ("(мы )?ожидаем", "ожидаем"),
        ("обязанност", "обязанност"),
        ("\\w+", None),
        ("а|бв", None),
        ("а?бв", "бв"),
        ("(?i)если", None),
    ],
)
def test_required_word_is_a_run_every_match_holds(pattern: str, expected: str | None) -> None:
    assert required_word(pattern) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(мы )?(ищем|ищу|нужен)", {"ищем", "ищу", "нужен"}),
        # The fewer words, the fewer tests on a text without a match: the nouns, not the three longer verbs.
        ("(?:пройти|заполнить|выполнить) (?:интервью|анкет)", {"интервью", "анкет"}),
        ("(будет|станет|является) ?(большим )?(плюсом|преимуществом)", {"люсом", "реимуществом"}),
        ("\\b(?:зарплат|оклад|зп\\b)", {"зарплат", "оклад", "зп"}),
        ("будет|будет здорово|как плюс", {"будет", "как плюс"}),
        ("x+(абв)+", {"абв"}),
        ("(абв)*", None),
        ("а|бв", None),
        ("\\w+", None),
        ("(?i)если", None),
        ("аб(?i:вг)", {"аб"}),
        ("(?>абв|где)", {"абв", "где"}),
    ],
)
def test_required_words_one_of_which_every_match_holds(pattern: str, expected: set[str] | None) -> None:
    assert required_words(pattern) == (None if expected is None else frozenset(expected))


def test_a_text_without_the_required_words_has_no_match() -> None:
    """Every cue of the grammar, on random texts of its own words and letters: a text that holds none of the
    words has no match."""
    data = load_yaml("sections.yaml")
    rnd = random.Random(2)
    for patterns in data["cues"].values():
        body = "|".join(f"(?:{p})" for p in patterns)
        words = required_words(body)
        if words is None:
            continue
        regex = re.compile(body)
        pieces = [*words, *"абвгдеиклмнопрстуыя ,.", "ищем", " если", "будет"]
        for _ in range(300):
            text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
            if regex.search(text):
                assert any(word in text for word in words), text


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(а|б)", "(?:а|б)"),
        ("\\(x\\)", "\\(x\\)"),
        ("[(]a(b)", "[(]a(?:b)"),
        ("[^]()]+(c)", "[^]()]+(?:c)"),
        ("[]()](d)", "[]()](?:d)"),
        ("(?:e)(?P<n>f)(?=(g))", "(?:e)(?P<n>f)(?=(?:g))"),
        ("[\\]()](h)", "[\\]()](?:h)"),
    ],
)
def test_without_captures_makes_every_capturing_group_plain(pattern: str, expected: str) -> None:
    assert without_captures(pattern) == expected


def test_the_grammar_without_captures_matches_the_same() -> None:
    """Every heading and cue expression finds the same spans with its groups plain, on the sample lines and on
    random texts of its own words."""
    data = load_yaml("sections.yaml")
    rnd = random.Random(5)
    for patterns in [*data["headings"].values(), *data["cues"].values()]:
        for pattern in (p.replace("$MODAL", data["modal"]) for p in patterns):
            plain, captured = re.compile(without_captures(pattern)), re.compile(pattern)
            assert plain.groups == 0
            pieces = [*(required_words(pattern) or ()), *"абвгдеиклмнопрстуыя ,.:?-", "если ", "ты ", "вы "]
            texts = [*LINES, *("".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10))) for _ in range(100))]
            for text in texts:
                assert [m.span() for m in plain.finditer(text)] == [m.span() for m in captured.finditer(text)]


@pytest.mark.parametrize(("pattern", "expected"), [("[^:]{0,70}?если", True), ("\\w+", True), ("а*", True), ("аб", False)])
def test_open_alternatives(pattern: str, expected: bool) -> None:
    assert is_open(pattern) is expected


def test_headings_without_the_open_alternatives_match_the_same_where_their_word_is_missing() -> None:
    """The heading expressions without the alternatives of an open first character are tried on a text without the
    words those need (``если``), and give the same matches there; a text with the word gets the whole expressions."""
    grammar = _grammar()
    assert grammar.headings_for("вы нам подходите, если у вас есть:") is grammar.headings
    assert grammar.headings_for("обязанности:") is grammar.closed
    assert grammar.closed != grammar.headings
    lines = [_fold(line) for line in LINES + ["Вы нам подходите:", "Требования к кандидату", "Кого мы ищем?"]]
    for (kind, at_start, anywhere), (closed_kind, closed_start, closed_anywhere) in zip(
        grammar.headings, grammar.closed, strict=True
    ):
        assert kind == closed_kind
        for line in lines:
            found, expected = closed_start.match(line), at_start.match(line)
            assert (found and found.span()) == (expected and expected.span())
            assert [m.span() for m in closed_anywhere.finditer(line)] == [m.span() for m in anywhere.finditer(line)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(?=[оз])(?:обязанност|задач)", [(c.LITERAL, ord("з")), (c.LITERAL, ord("о"))]),
        ("(?:^|\\s)(?=[о])о", [(c.CATEGORY, c.CATEGORY_SPACE), (c.LITERAL, ord("о"))]),
        ("(?<=\\S)\\s+x", [(c.CATEGORY, c.CATEGORY_SPACE)]),
        ("[^a]b", None),
        ("a*", None),
        ("(?i)a", [(c.LITERAL, ord("a")), (c.LITERAL, ord("A"))]),
        ("(?i)(?=\\d)\\d+ руб", [(c.CATEGORY, c.CATEGORY_DIGIT)]),
        ("(?i)[1-9]0", [(c.RANGE, (ord("1"), ord("9")))]),
        ("(?i)[0-9a]", [(c.RANGE, (ord("0"), ord("9"))), (c.LITERAL, ord("a")), (c.LITERAL, ord("A"))]),
        ("(?i)(?=о)от", [(c.LITERAL, ord("о")), (c.LITERAL, ord("О")), (c.LITERAL, 0x1C82)]),
        ("(?i)[а-я]", None),
        ("(?ia)a", None),
        (".x", None),
    ],
)
def test_first_set_names_what_a_match_starts_with(pattern: str, expected: list[object] | None) -> None:
    found = first_set(_parser.parse(pattern))
    assert (found and sorted(found, key=repr)) == (expected and sorted(expected, key=repr))


def test_a_folded_letter_brings_every_character_that_matches_it() -> None:
    """Under case folding the first set holds exactly the characters the expression's first letter matches, of all
    of Unicode (the Kelvin sign for «k», the long s for «s», the old-style «ᲂ» for «о»)."""
    pattern = "(?i)[kоsз]"
    found = {av for _, av in first_set(_parser.parse(pattern)) or ()}
    compiled = re.compile(pattern)
    assert found == {code for code in range(sys.maxunicode + 1) if compiled.match(chr(code))}
