"""Compiled patterns kept between runs: the rules' phrases as steps, and the spaCy token patterns found valid
with their plans (:meth:`~cmlint.matching.token_patterns.SpacyPattern.plan`).

Compiling the thousand phrases of the taxonomy and the packs and validating their spaCy token patterns (spaCy's
schema, every regular expression parsed twice) was a tenth of ``cmlint check one.txt``, and gives the same
answer every time for the same inputs.  The answers are kept as JSON in the cache folder
(:mod:`cmlint.cache`) under a fingerprint of everything they depend on (:func:`fingerprint`) and read back by
later runs; a file that is missing, unreadable or of another shape is ignored, the patterns are compiled again
and the file is written anew.  Nothing generated is kept in git.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pydantic
from pydantic import BaseModel, ConfigDict

from cmlint import cache
from cmlint.matching import phrases, steps, token_patterns
from cmlint.matching.phrases import PhraseKey
from cmlint.matching.steps import Kind, Step, StepPattern
from cmlint.matching.token_patterns import Anchor, Companion, Plan, Tagged, TokenTest, plan_of
from cmlint.nlp import english, lemma_table
from cmlint.text import user_regex
from cmlint.text.stored_regex import compile_all

_PREFIX = "patterns-"
#: Files kept in the folder (one per set of rules in use; older ones are removed).
_KEEP = 8


@dataclass
class CompiledPatterns:
    """What an engine build compiled: phrases by :data:`PhraseKey`, and the JSON of the token patterns found valid
    with their plans."""

    phrases: dict[PhraseKey, list[StepPattern]] = field(default_factory=dict)
    token_patterns: dict[str, Plan] = field(default_factory=dict)


#: A token test in the file: a word set, a regular expression (its text alone) or parts of speech, with the features
#: a tagged token has each of (empty for the others).
_Test = tuple[Literal["words", "regex", "tags"], list[str], list[str]]
#: An anchor or a companion in the file: the number of its test and how far it reaches either way.
_Reach = tuple[int, int | None, int | None]


class _Stored(BaseModel):
    """The file: every distinct step once, the phrases' patterns as lists of step numbers; every distinct token
    test once, the token patterns' JSON with their anchors and companions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    steps: list[tuple[Kind, list[str], bool, tuple[int, int] | None]]
    phrases: list[tuple[bool, str, list[list[int]]]]
    tests: list[_Test]
    token_patterns: list[tuple[str, list[_Reach], list[list[_Reach]]]]


def fingerprint(lemma_key: str) -> str:
    """The key of the patterns compiled with the morphology of the lemma table ``lemma_key`` (which covers the
    rules, the lexicon, pymorphy3, spaCy and the code that lemmatizes and tokenizes) by today's compiling and
    validating code, Python (its ``re`` parses the patterns' regular expressions) and pydantic."""
    modules = (phrases, steps, token_patterns, english, user_regex, sys.modules[__name__])
    sources = (Path(str(module.__file__)).read_text(encoding="utf-8") for module in modules)
    return lemma_table.fingerprint([lemma_key, sys.version, pydantic.VERSION, *sources])


def load(key: str) -> CompiledPatterns | None:
    """The patterns stored under ``key``, or None when there are none (or the file is unreadable)."""
    try:
        stored = _Stored.model_validate(cache.read_json(_PREFIX, key))
        table = [Step(kind, frozenset(values), optional, bounds) for kind, values, optional, bounds in stored.steps]
        compiled = {
            (english_forms, phrase): [tuple(table[i] for i in pattern) for pattern in patterns]
            for english_forms, phrase, patterns in stored.phrases
        }
        regexes = _regexes(stored.tests)
        tests = [_test(kind, values, feats, regexes) for kind, values, feats in stored.tests]
        plans = {
            text: plan_of(
                tuple(Anchor(tests[test], before, after) for test, before, after in anchors),
                tuple(tuple(Companion(tests[test], low, high) for test, low, high in group) for group in companions),
            )
            for text, anchors, companions in stored.token_patterns
        }
    except (OSError, ValueError, IndexError, re.error):
        return None
    return CompiledPatterns(compiled, plans)


def save(key: str, patterns: CompiledPatterns) -> None:
    """Store the patterns under ``key``, keeping the newest few; skipped when the folder is not writable."""
    numbers: dict[Step, int] = {}
    stored = [
        [english_forms, phrase, [[numbers.setdefault(step, len(numbers)) for step in pattern] for pattern in found]]
        for (english_forms, phrase), found in sorted(patterns.phrases.items())
    ]
    table = [[step.kind.value, sorted(step.values), step.optional, step.bounds] for step in numbers]
    tests: dict[TokenTest, int] = {}

    def reach(test: TokenTest, low: int | None, high: int | None) -> list[int | None]:
        return [tests.setdefault(test, len(tests)), low, high]

    plans = [
        [text, [reach(*anchor) for anchor in anchors], [[reach(*other) for other in group] for group in companions]]
        for text, (_, anchors, companions) in sorted(patterns.token_patterns.items())
    ]
    data = {"steps": table, "phrases": stored, "tests": [_stored_test(test) for test in tests], "token_patterns": plans}
    cache.store_json(_PREFIX, key, data, _KEEP)


def _regexes(tests: list[_Test]) -> dict[str, re.Pattern[str]]:
    """The regular expressions of the file's token tests, compiled from the programs kept for them
    (:func:`~cmlint.text.stored_regex.compile_all`: a hundred small expressions parsed on every start otherwise)."""
    sources = list(dict.fromkeys(values[0] for kind, values, _ in tests if kind == "regex"))
    return dict(zip(sources, compile_all(sources), strict=True))


def _test(kind: str, values: list[str], feats: list[str], regexes: dict[str, re.Pattern[str]]) -> TokenTest:
    """A token test read from the file (``regexes``: its regular expression compiled, by text)."""
    if kind == "words":
        return frozenset(values)
    if kind == "tags":
        return Tagged(frozenset(values), frozenset(feats))
    (source,) = values
    return regexes[source]


def _stored_test(test: TokenTest) -> list[object]:
    """A token test as the file keeps it."""
    if isinstance(test, frozenset):
        return ["words", sorted(test), []]
    if isinstance(test, Tagged):
        return ["tags", sorted(test.tags), sorted(test.feats)]
    return ["regex", [test.pattern], []]
