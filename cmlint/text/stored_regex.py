"""Regular expressions whose compiled programs are kept between runs: the tokenizer's affixes, the section grammar.

Python compiles a regular expression in Python code (``re._parser`` reads it, ``re._compiler`` turns it into
the program of codes the ``_sre`` engine runs); for the long expressions with Cyrillic character classes of the
tokenizer and of ``rules/sections.yaml`` that was a tenth of ``cmlint check one.txt``, and it gives the same
program every time for the same expression and Python.  The programs are kept as JSON in the cache folder
(:mod:`cmlint.cache`) under a fingerprint of the expressions, the Python build and the engine's version, and
handed back to ``_sre.compile``, which checks a program before it accepts it: a file that is missing,
unreadable, of another shape or with a program the engine rejects is ignored, the expressions are compiled
again and the file is written anew.  Where the expressions are themselves derived from other inputs (the section
grammar's from ``rules/sections.yaml`` and the code that adds their lookaheads), :func:`compile_derived` keeps the
expressions with their programs under a fingerprint of those inputs, so a run with the same inputs derives nothing.
Nothing generated is kept in git.
"""

from __future__ import annotations

import _sre
import re
import sys
from collections.abc import Callable, Sequence
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from cmlint import cache
from cmlint.nlp.lemma_table import fingerprint

_PREFIX = "regex-"
_DERIVED_PREFIX = "derived-regex-"
#: Files kept in the folder (one per set of expressions in use; older ones are removed).
_KEEP = 8

#: What ``_sre.compile`` takes besides the expression: flags, codes, number of groups, group index both ways.
Program = tuple[int, list[int], int, dict[str, int], list[str | None]]


def compile_all(sources: Sequence[str]) -> list[re.Pattern[str]]:
    """``re.compile`` of every source (no flags), from the programs stored for the same sources when there are."""
    key = fingerprint([sys.version, str(_sre.MAGIC), *sources])
    try:
        return [_restore(source, program) for source, program in zip(sources, _stored(key, len(sources)), strict=True)]
    except (OSError, ValueError, TypeError, RuntimeError, OverflowError):
        pass
    programs = [_program(source) for source in sources]
    cache.store_json(_PREFIX, key, programs, _KEEP)
    return [_restore(source, program) for source, program in zip(sources, programs, strict=True)]


def compile_derived(inputs: Sequence[str], derive: Callable[[], Sequence[str]]) -> list[re.Pattern[str]]:
    """``re.compile`` of every expression ``derive`` gives, where what it gives depends on ``inputs`` alone (data
    and the source of the code that derives): the expressions and their programs are stored under a fingerprint of
    the inputs, and ``derive`` runs only when nothing usable is stored for them."""
    key = fingerprint([sys.version, str(_sre.MAGIC), *inputs])
    try:
        stored = cache.read_json(_DERIVED_PREFIX, key)
        sources, programs = stored["sources"], stored["programs"]
        if not isinstance(sources, list) or not all(isinstance(source, str) for source in sources):
            raise TypeError("не выражения")
        return _restored(sources, programs)
    except (OSError, ValueError, TypeError, KeyError, RuntimeError, OverflowError):
        pass
    sources = list(derive())
    programs = [_program(source) for source in dict.fromkeys(sources)]
    cache.store_json(_DERIVED_PREFIX, key, {"sources": sources, "programs": programs}, _KEEP)
    return _restored(sources, programs)


def _restored(sources: list[str], programs: Any) -> list[re.Pattern[str]]:
    """The compiled ``sources`` from the programs of the distinct ones (in order): the same expression given twice
    is compiled and kept once."""
    distinct = list(dict.fromkeys(sources))
    compiled = {source: _restore(source, program) for source, program in zip(distinct, programs, strict=True)}
    return [compiled[source] for source in sources]


def _stored(key: str, count: int) -> list[Any]:
    """The ``count`` programs stored under ``key``; raises ``OSError`` or ``ValueError`` when there are none."""
    programs = cache.read_json(_PREFIX, key)
    if not isinstance(programs, list) or len(programs) != count:
        raise ValueError("другой состав выражений")
    return programs


def _program(source: str) -> Program:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``source`` (no flags)."""
    parsed = _parser.parse(source, 0)
    state = parsed.state
    names: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        names[index] = name
    return state.flags, _compiler._code(parsed, 0), state.groups - 1, dict(state.groupdict), names


def _restore(source: str, program: Any) -> re.Pattern[str]:
    """The compiled expression from its program; ``_sre.compile`` raises on a program it does not accept."""
    flags, code, groups, index, names = program
    if not isinstance(index, dict) or not isinstance(names, list):
        raise TypeError("не программа выражения")
    pattern: re.Pattern[str] = _sre.compile(source, flags, code, groups, index, tuple(names))
    return pattern
