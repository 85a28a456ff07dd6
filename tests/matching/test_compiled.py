"""Compiled patterns kept between runs: read back when their inputs are the same, rebuilt when missing or broken."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cmlint.linter import Engine, Linter
from cmlint.matching import compiled
from cmlint.matching.compiled import CompiledPatterns
from cmlint.matching.phrases import PatternError, PhraseCompiler
from cmlint.matching.steps import GAP, Kind, Step
from cmlint.matching.token_patterns import TokenPatternCheck, validate_token_pattern

POSTING = "Обязанности: холодные звонки, ведение чатов, модерация сообщества. Кандидатам от 18 до 35 лет."


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CMLINT_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_patterns_round_trip_and_unknown_key(cache_folder: Path) -> None:
    ranged = Step(Kind.RANGE, frozenset(), bounds=(14, 80))
    word = Step(Kind.LEMMA, frozenset({"звонок", "звонить"}), optional=True)
    tokens: list[Any] = [{"LOWER": "чат"}, {"LEMMA": {"REGEX": "^модер"}}, {"POS": "NOUN", "OP": "?"}, {"POS": "VERB"}]
    plan = validate_token_pattern(tokens).plan()
    assert {type(anchor.test) for anchor in plan[1]} == {frozenset}
    assert {type(other.test).__name__ for group in plan[2] for other in group} == {"Pattern", "Tagged"}
    patterns = CompiledPatterns({(False, "#NUM:14-80 звонок?"): [(ranged, GAP, word)], (True, "звонок"): [(word,)]},
                                {json.dumps(tokens, ensure_ascii=False): plan})
    key = compiled.fingerprint("правила")
    compiled.save(key, patterns)
    assert compiled.load(key) == patterns
    # The token tests' regular expressions are read back from their stored programs.
    assert len(list(cache_folder.glob("regex-*.json"))) == 1
    assert compiled.load(key) == patterns
    assert compiled.load(compiled.fingerprint("другие правила")) is None


@pytest.mark.parametrize("text", [
    '{"steps": ',  # cut off
    '{"steps": [], "phrases": [], "tests": [], "token_patterns": [], "version": 2}',  # another shape
    '{"steps": [[0, ["чат"], false, null]], "phrases": [[false, "чат", [[1]]]], "tests": [], "token_patterns": []}',  # no step 1
    '{"steps": [[9, ["чат"], false, null]], "phrases": [], "tests": [], "token_patterns": []}',  # no such kind
    '{"steps": [], "phrases": [], "tests": [], "token_patterns": [["[]", [[0, 0, 0]], []]]}',  # no test 0
    '{"steps": [], "phrases": [], "tests": [["regex", ["(чат"]]], "token_patterns": []}',  # not an expression
    '{"steps": [], "phrases": [], "tests": [["regex", ["чат", "звонок"]]], "token_patterns": []}',  # two of them
    '{"steps": [], "phrases": [], "tests": [["regex", []]], "token_patterns": []}',  # none
    '{"steps": [], "phrases": [], "tests": [["lemma", ["чат"]]], "token_patterns": []}',  # no such test
])
def test_a_broken_file_is_not_used(cache_folder: Path, text: str) -> None:
    (cache_folder / "patterns-broken.json").write_text(text, encoding="utf-8")
    assert compiled.load("broken") is None


def test_a_compiler_reads_known_phrases_and_compiles_the_rest(engine: Engine) -> None:
    asked: list[str] = []

    class Counting:
        def lemmas(self, word: str) -> list[str]:
            asked.append(word)
            return engine.morphology.lemmas(word)

    known = {(False, "звонить клиентам"): [(Step(Kind.LEMMA, frozenset({"известно"})),)]}
    compiler = PhraseCompiler(Counting(), lambda text: [text], known=known)  # type: ignore[arg-type]
    assert compiler.compile("$ACT клиентам", {"ACT": "звонить"}) == known[(False, "звонить клиентам")]
    assert asked == []
    english = compiler.with_english_forms()
    english.compile("звонить клиентам")  # the English twin's phrases are keyed apart
    assert sorted(asked) == ["звонить", "клиентам"]
    assert set(compiler.compiled) == {(False, "звонить клиентам"), (True, "звонить клиентам")}
    with pytest.raises(PatternError):
        compiler.compile("(звонить|")


def test_a_token_pattern_found_valid_before_is_not_checked_again() -> None:
    broken: list[Any] = [{"LOWER": "чат", "DEP": "nsubj"}]  # DEP is not set by our pipeline
    with pytest.raises(PatternError):
        validate_token_pattern(broken)
    known_plan = validate_token_pattern([{"LOWER": "чат"}]).plan()
    trusted = TokenPatternCheck({json.dumps(broken, ensure_ascii=False): known_plan})
    assert trusted(broken).tokens == tuple(broken)  # trusted as the earlier run found it
    assert trusted(broken).plan() is known_plan  # and its plan is not worked out again
    fresh = TokenPatternCheck()
    with pytest.raises(PatternError):
        fresh(broken)
    good = [{"LOWER": "чат"}, {"LEMMA": {"REGEX": "^модер"}}]
    assert fresh(good) == validate_token_pattern(good)
    assert fresh.valid == {json.dumps(good, ensure_ascii=False): validate_token_pattern(good).plan()}
    odd = [{"LENGTH": {1: 2}}]  # a key JSON cannot keep: never stored, always checked
    with pytest.raises(PatternError):
        fresh(odd)
    assert len(fresh.valid) == 1


def test_an_engine_reads_its_patterns_back_and_rebuilds_a_broken_file(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = Linter().lint(POSTING, title="Комьюнити-менеджер").model_dump()
    assert expected["findings"]
    (stored,) = cache_folder.glob("patterns-*.json")
    key = stored.name.removeprefix("patterns-").removesuffix(".json")
    written = compiled.load(key)
    assert written is not None and len(written.phrases) > 500 and len(written.token_patterns) > 100
    stored.write_text('{"steps": [[0, ["чат"]]', encoding="utf-8")  # broken: compiled again and written anew
    assert Linter().lint(POSTING, title="Комьюнити-менеджер").model_dump() == expected
    assert compiled.load(key) == written

    def refuse(self: PhraseCompiler, phrase: str) -> None:
        raise AssertionError(f"скомпилирована заново: {phrase}")

    monkeypatch.setattr(PhraseCompiler, "_compile_expanded", refuse)
    assert Linter().lint(POSTING, title="Комьюнити-менеджер").model_dump() == expected
