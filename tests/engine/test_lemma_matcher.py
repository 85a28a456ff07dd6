"""The fast matcher must agree with spaCy's Matcher on every DSL pattern."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.matcher import Matcher

from cmlint.engine.lemma_matcher import LemmaMatcher, TokenView, supported
from cmlint.engine.patterns import PhraseCompiler
from cmlint.linter import Engine

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "postings"


@pytest.fixture(scope="module")
def matchers(engine: Engine) -> tuple[Matcher, LemmaMatcher]:
    compiler = PhraseCompiler(engine.morphology, lambda t: [x.text for x in engine.nlp.make_doc(t)])
    slow, fast = Matcher(engine.nlp.vocab), LemmaMatcher()
    for role_id, role in engine.taxonomy.roles.items():
        for index, duty in enumerate(role.duties):
            patterns = [p for phrase in duty.phrase for p in compiler.compile(phrase, engine.taxonomy.macros)]
            slow.add(f"{role_id}:{index}", patterns, greedy="LONGEST")
            for pattern in patterns:
                assert supported(pattern)
                fast.add(f"{role_id}:{index}", pattern)
    return slow, fast


def texts() -> list[str]:
    rows = [json.loads(line) for path in sorted(CORPUS.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]
    return [row["text"] for row in rows[::4]]


def test_same_matches_as_spacy(engine: Engine, matchers: tuple[Matcher, LemmaMatcher]) -> None:
    slow, fast = matchers
    strings = engine.nlp.vocab.strings
    for text in texts():
        doc = engine.nlp(text)
        expected = sorted((strings[key], start, end) for key, start, end in slow(doc))
        assert sorted(fast(TokenView.of(doc))) == expected, text[:80]


def test_unsupported_patterns_are_reported() -> None:
    assert not supported([{"MORPH": {"IS_SUPERSET": ["Case=Gen"]}}])
    assert not supported([{"LEMMA": "a", "OP": "+"}])
    assert not supported([{"LEMMA": "a", "OP": "?"}])
    assert supported([{"LEMMA": {"IN": ["a"]}}, {"POS": {"IN": ["ADJ"]}, "OP": "?"}, {"LOWER": "b"}])
