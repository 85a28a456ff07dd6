"""Compiled regular expressions kept between runs: the same as ``re.compile``, a broken file never trusted."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from re import _constants  # type: ignore[attr-defined]

import pytest
import spacy
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from cmlint.nlp import pipeline
from cmlint.text import stored_regex
from cmlint.text.stored_regex import ModulePatterns, compile_all, compile_derived

SOURCES = [
    r"(?<=[а-яё])(?=[А-ЯЁ][а-яё])",
    r"^(?P<число>\d{1,2})[.)]\s*(?P<слово>[а-яё]+)|(x)",
    r"[\U0001F300-\U0001FAFF\u2600-\u27BF]+|(?i:зарплата)",
]
TEXTS = ["расчетаВедение", "12) опыт работы", "x", "🔥Нужен ЗАРПЛАТА", ""]


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CMLINT_CACHE_DIR", str(tmp_path))
    return tmp_path


def behaviour(pattern: re.Pattern[str]) -> list[object]:
    """What a pattern is and finds in the sample texts."""
    found: list[object] = [pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex)]
    for text in TEXTS:
        found.append([(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)])
    return found


def test_compiled_and_read_back_the_same_as_re_compile(cache_folder: Path) -> None:
    fresh = compile_all(SOURCES)
    assert len(list(cache_folder.glob("regex-*.json"))) == 1
    stored = compile_all(SOURCES)
    for source, first, second in zip(SOURCES, fresh, stored, strict=True):
        assert behaviour(first) == behaviour(second) == behaviour(re.compile(source))


@pytest.mark.parametrize("text", [
    "[",  # cut off
    "{}",  # another shape
    "[]",  # fewer programs than expressions
    '[[32, [1, 2, 3], 0, {}, [null]], [32, [], 0, {}, [null]], [32, [], 0, {}, [null]]]',  # programs the engine rejects
    '[["32", [], 0, {}, [null]], [32, [], 0, {}, [null]], [32, [], 0, {}, [null]]]',  # flags of another type
])
def test_a_broken_file_is_rebuilt(cache_folder: Path, text: str) -> None:
    compile_all(SOURCES)
    (stored,) = cache_folder.glob("regex-*.json")
    stored.write_text(text, encoding="utf-8")
    for source, pattern in zip(SOURCES, compile_all(SOURCES), strict=True):
        assert behaviour(pattern) == behaviour(re.compile(source))
    assert len(json.loads(stored.read_text(encoding="utf-8"))) == len(SOURCES)


def test_other_expressions_or_python_have_their_own_file(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compile_all(SOURCES)
    compile_all(SOURCES[:1])
    monkeypatch.setattr(stored_regex.sys, "version", "другая сборка")
    compile_all(SOURCES)
    assert len(list(cache_folder.glob("regex-*.json"))) == 3


def test_tokenizer_affixes_are_joined_as_spacy_joins_them() -> None:
    defaults = spacy.blank("ru").Defaults
    prefixes, suffixes, infixes = pipeline.affix_expressions(defaults)
    assert prefixes == compile_prefix_regex(pipeline._EXTRA_PREFIXES + list(defaults.prefixes or ())).pattern
    assert suffixes == compile_suffix_regex(pipeline._EXTRA_SUFFIXES + list(defaults.suffixes or ())).pattern
    assert infixes == compile_infix_regex(list(defaults.infixes or ()) + pipeline._EXTRA_INFIXES).pattern


def test_derived_expressions_are_derived_once_per_inputs(cache_folder: Path) -> None:
    calls: list[int] = []

    def derive() -> list[str]:
        calls.append(1)
        return SOURCES

    fresh = compile_derived(["данные", "код"], derive)
    stored = compile_derived(["данные", "код"], derive)
    assert len(calls) == 1
    for source, first, second in zip(SOURCES, fresh, stored, strict=True):
        assert behaviour(first) == behaviour(second) == behaviour(re.compile(source))
    compile_derived(["другие данные", "код"], derive)
    assert len(calls) == 2
    assert len(list(cache_folder.glob("derived-regex-*.json"))) == 2


@pytest.mark.parametrize("text", [
    "[",  # cut off
    "[]",  # another shape
    '{"sources": [1, 2, 3], "programs": []}',  # not expressions
    '{"sources": ["a", "b", "c"], "programs": []}',  # fewer programs than expressions
    '{"sources": ["a", "b", "c"], "programs": [[32, [1, 2, 3], 0, {}, [null]], [32, [], 0, {}, [null]], '
    '[32, [], 0, {}, [null]]]}',  # programs the engine rejects
])
def test_a_broken_derived_file_is_derived_again(cache_folder: Path, text: str) -> None:
    compile_derived(["данные"], lambda: SOURCES)
    (stored,) = cache_folder.glob("derived-regex-*.json")
    stored.write_text(text, encoding="utf-8")
    for source, pattern in zip(SOURCES, compile_derived(["данные"], lambda: SOURCES), strict=True):
        assert behaviour(pattern) == behaviour(re.compile(source))
    assert json.loads(stored.read_text(encoding="utf-8"))["sources"] == SOURCES


def test_a_derived_expression_given_twice_is_compiled_and_stored_once(cache_folder: Path) -> None:
    sources = [SOURCES[0], SOURCES[1], SOURCES[0]]
    for compiled in (compile_derived(["данные"], lambda: sources), compile_derived(["данные"], lambda: sources)):
        assert compiled[0] is compiled[2]
        assert [behaviour(pattern) for pattern in compiled] == [behaviour(re.compile(source)) for source in sources]
    (stored,) = cache_folder.glob("derived-regex-*.json")
    assert len(json.loads(stored.read_text(encoding="utf-8"))["programs"]) == 2


FLAGGED = [(SOURCES[0], 0), (SOURCES[1], re.IGNORECASE | re.MULTILINE), (SOURCES[2], re.DOTALL), (SOURCES[1], 0)]


def test_a_module_s_expressions_are_compiled_and_read_back_as_re_compile_does(
    cache_folder: Path, tmp_path: Path
) -> None:
    module = tmp_path / "module.py"
    module.write_text("# код модуля\n", encoding="utf-8")
    for _ in range(2):
        patterns = ModulePatterns(str(module))
        for source, flags in FLAGGED:
            assert behaviour(patterns.compile(source, flags)) == behaviour(re.compile(source, flags))
    (stored,) = cache_folder.glob("module-regex-*.json")
    programs = json.loads(stored.read_text(encoding="utf-8"))
    assert len(programs) == len(FLAGGED)
    for source, flags in FLAGGED:  # the codes are kept packed and give back the program
        packed = programs[f"{int(flags)} {source}"]
        assert isinstance(packed[1], str)
        assert stored_regex._codes(packed[1]) == stored_regex._program(source, flags=int(flags))[1]
    module.write_text("# другой код модуля\n", encoding="utf-8")
    ModulePatterns(str(module)).compile(SOURCES[0])
    assert len(list(cache_folder.glob("module-regex-*.json"))) == 2


def test_a_module_whose_code_cannot_be_read_compiles_as_re_compile_does(cache_folder: Path, tmp_path: Path) -> None:
    patterns = ModulePatterns(str(tmp_path / "archive.zip" / "module.py"))
    for source, flags in FLAGGED:
        assert behaviour(patterns.compile(source, flags)) == behaviour(re.compile(source, flags))
    assert not list(cache_folder.glob("module-regex-*.json"))


@pytest.mark.parametrize("text", [
    "[",  # cut off
    "[]",  # another shape
    '{"0 x": [32, [1, 2, 3], 0, {}, [null]]}',  # a program the engine rejects
    '{"0 x": [32, [1, 2, 3]]}',  # not a program
    '{"0 x": [32, "не base64", 0, {}, [null]]}',  # codes that are not packed
    '{"0 x": [32, "AAA=", 0, {}, [null]]}',  # codes cut off
])
def test_a_broken_module_file_is_compiled_again(cache_folder: Path, tmp_path: Path, text: str) -> None:
    module = tmp_path / "module.py"
    module.write_text("# код модуля\n", encoding="utf-8")
    ModulePatterns(str(module)).compile("x")
    (stored,) = cache_folder.glob("module-regex-*.json")
    stored.write_text(text, encoding="utf-8")
    patterns = ModulePatterns(str(module))
    for source, flags in [("x", 0), *FLAGGED]:
        assert behaviour(patterns.compile(source, flags)) == behaviour(re.compile(source, flags))
    assert len(json.loads(stored.read_text(encoding="utf-8"))) == 1 + len(FLAGGED)


SEARCHED = [
    r"(?=[оз])(?:обязанност|задач)",
    r"(?:^|\s)(?=[оз])(?:обязанност|задач)\w*",
    r"(?=[\s;.])(?:\s*;\s*|[.]\s+(?=[А-Я]))",
    r"(?:(?<=\S)\s+|(?<=[a-z]))([А-ЯЁ][а-яё]+)(?= [А-Я])",
    r"(?=\d)\d+\s?руб",
    r"(?i)(?=[оз])(?:обязанност|задач)",
]
SEARCHED_TEXTS = [
    "обязанности: задачи", " задачи ;  и. Далее", "текст Задачи Далее", "xЗадачи Далее", "", "  ;",
    "от 5 руб, ٣ руб, 𝟙\u2003руб", "\u3000задачи\u2003обязанности",
    "ОБЯЗАННОСТИ, ᲂбязанности",
]


@pytest.mark.parametrize("source", SEARCHED)
def test_a_searched_expression_gets_the_engine_s_first_character_skip_and_finds_the_same(source: str) -> None:
    _, plain, *_ = stored_regex._program(source)
    flags, skipping, groups, index, names = stored_regex._program(source, skip=True)
    assert not plain[2] & _constants.SRE_INFO_CHARSET
    assert skipping[2] & _constants.SRE_INFO_CHARSET
    pattern = stored_regex._restore(source, (flags, skipping, groups, index, names))
    reference = re.compile(source)
    for text in SEARCHED_TEXTS:
        assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == [
            (m.span(), m.groups()) for m in reference.finditer(text)
        ]


@pytest.mark.parametrize(("category", "source"), [(_constants.CATEGORY_DIGIT, r"\d"), (_constants.CATEGORY_SPACE, r"\s")])
def test_a_skipped_category_is_spelled_out_with_every_character_it_holds(category: object, source: str) -> None:
    """A skip's digits and spaces are the characters they are (all of them below U+10000, every character above
    where the category has some there): nothing the category holds is skipped."""
    members = stored_regex._members(category)
    codes = {av for op, av in members if op is _constants.LITERAL}
    astral = [av for op, av in members if op is _constants.RANGE]
    held = [code for code in range(sys.maxunicode + 1) if re.match(source, chr(code))]
    assert codes == {code for code in held if code < 0x10000}
    assert astral == ([(0x10000, sys.maxunicode)] if held[-1] >= 0x10000 else [])


@pytest.mark.parametrize("source", ["(?=[ab])a*", "^(?=[ab])(?:a|b)", "(?i)(?=[а-я])(?:a|b)", "(?:.|b)x", "[ab]c"])
def test_no_skip_where_it_could_change_a_match_or_cost_more(source: str) -> None:
    """Left as compiled: an expression that may match empty, one anchored at the start, one that opens with a range
    of letters under case folding, one whose first character is open, and one whose skip the compiler gives
    itself."""
    assert stored_regex._program(source, skip=True)[1] == stored_regex._program(source)[1]


def test_stored_programs_with_and_without_the_skip_have_files_of_their_own(cache_folder: Path) -> None:
    compile_all(SEARCHED)
    compile_all(SEARCHED, skip=True)
    assert len(list(cache_folder.glob("regex-*.json"))) == 2
