"""Compiled patterns kept between runs: the rules' phrases as steps, and the spaCy token patterns found valid.

Compiling the thousand phrases of the taxonomy and the packs and validating their spaCy token patterns (spaCy's
schema, every regular expression parsed twice) was a tenth of ``cmlint check one.txt``, and gives the same
answer every time for the same inputs.  The answers are kept as JSON in the cache folder
(:mod:`cmlint.cache`) under a fingerprint of everything they depend on (:func:`fingerprint`) and read back by
later runs; a file that is missing, unreadable or of another shape is ignored, the patterns are compiled again
and the file is written anew.  Nothing generated is kept in git.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pydantic
from pydantic import BaseModel, ConfigDict

from cmlint import cache
from cmlint.matching import phrases, steps, token_patterns
from cmlint.matching.phrases import PhraseKey
from cmlint.matching.steps import Kind, Step, StepPattern
from cmlint.nlp import english, lemma_table
from cmlint.text import user_regex

_PREFIX = "patterns-"
#: Files kept in the folder (one per set of rules in use; older ones are removed).
_KEEP = 8


@dataclass
class CompiledPatterns:
    """What an engine build compiled: phrases by :data:`PhraseKey`, and the JSON of the token patterns found valid."""

    phrases: dict[PhraseKey, list[StepPattern]] = field(default_factory=dict)
    token_patterns: set[str] = field(default_factory=set)


class _Stored(BaseModel):
    """The file: every distinct step once, the phrases' patterns as lists of step numbers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    steps: list[tuple[Kind, list[str], bool, tuple[int, int] | None]]
    phrases: list[tuple[bool, str, list[list[int]]]]
    token_patterns: list[str]


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
    except (OSError, ValueError, IndexError):
        return None
    return CompiledPatterns(compiled, set(stored.token_patterns))


def save(key: str, patterns: CompiledPatterns) -> None:
    """Store the patterns under ``key``, keeping the newest few; skipped when the folder is not writable."""
    numbers: dict[Step, int] = {}
    stored = [
        [english_forms, phrase, [[numbers.setdefault(step, len(numbers)) for step in pattern] for pattern in found]]
        for (english_forms, phrase), found in sorted(patterns.phrases.items())
    ]
    table = [[step.kind.value, sorted(step.values), step.optional, step.bounds] for step in numbers]
    data = {"steps": table, "phrases": stored, "token_patterns": sorted(patterns.token_patterns)}
    cache.store_json(_PREFIX, key, data, _KEEP)
