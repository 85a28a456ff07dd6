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
The programs of expressions that are searched may carry the engine's skip to a character a match can start with
where the compiler cannot see it (:func:`_skipping`).
Nothing generated is kept in git.
"""

from __future__ import annotations

import _sre
import re
import sys
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from re import _compiler, _constants, _parser  # type: ignore[attr-defined]
from typing import Any

from cmlint import cache
from cmlint.nlp.lemma_table import fingerprint
from cmlint.text import first_chars

_PREFIX = "regex-"
_DERIVED_PREFIX = "derived-regex-"
#: Files kept in the folder (one per set of expressions in use; older ones are removed).
_KEEP = 8

#: What ``_sre.compile`` takes besides the expression: flags, codes, number of groups, group index both ways.
Program = tuple[int, list[int], int, dict[str, int], list[str | None]]


def compile_all(sources: Sequence[str], skip: bool = False) -> list[re.Pattern[str]]:
    """``re.compile`` of every source (no flags), from the programs stored for the same sources when there are;
    ``skip``: with the first-character skip for a search (:func:`_skipping`)."""
    key = fingerprint([sys.version, str(_sre.MAGIC), _skip_version(skip), *sources])
    try:
        return [_restore(source, program) for source, program in zip(sources, _stored(key, len(sources)), strict=True)]
    except (OSError, ValueError, TypeError, RuntimeError, OverflowError):
        pass
    programs = [_program(source, skip) for source in sources]
    cache.store_json(_PREFIX, key, programs, _KEEP)
    return [_restore(source, program) for source, program in zip(sources, programs, strict=True)]


def compile_derived(inputs: Sequence[str], derive: Callable[[], Sequence[str]]) -> list[re.Pattern[str]]:
    """``re.compile`` of every expression ``derive`` gives, where what it gives depends on ``inputs`` alone (data
    and the source of the code that derives): the expressions and their programs (with the first-character skip for
    a search, :func:`_skipping`) are stored under a fingerprint of the inputs, and ``derive`` runs only when nothing
    usable is stored for them."""
    key = fingerprint([sys.version, str(_sre.MAGIC), _skip_version(True), *inputs])
    try:
        stored = cache.read_json(_DERIVED_PREFIX, key)
        sources, programs = stored["sources"], stored["programs"]
        if not isinstance(sources, list) or not all(isinstance(source, str) for source in sources):
            raise TypeError("не выражения")
        return _restored(sources, programs)
    except (OSError, ValueError, TypeError, KeyError, RuntimeError, OverflowError):
        pass
    sources = list(derive())
    programs = [_program(source, skip=True) for source in dict.fromkeys(sources)]
    cache.store_json(_DERIVED_PREFIX, key, {"sources": sources, "programs": programs}, _KEEP)
    return _restored(sources, programs)


def _restored(sources: list[str], programs: Any) -> list[re.Pattern[str]]:
    """The compiled ``sources`` from the programs of the distinct ones (in order): the same expression given twice
    is compiled and kept once."""
    distinct = list(dict.fromkeys(sources))
    compiled = {source: _restore(source, program) for source, program in zip(distinct, programs, strict=True)}
    return [compiled[source] for source in sources]


@lru_cache(maxsize=2)
def _skip_version(skip: bool) -> str:
    """What the stored programs depend on besides the expressions: the code that adds the first-character skip."""
    if not skip:
        return "no skip"
    modules = (sys.modules[__name__], first_chars)
    return fingerprint(Path(str(module.__file__)).read_text(encoding="utf-8") for module in modules)


def _stored(key: str, count: int) -> list[Any]:
    """The ``count`` programs stored under ``key``; raises ``OSError`` or ``ValueError`` when there are none."""
    programs = cache.read_json(_PREFIX, key)
    if not isinstance(programs, list) or len(programs) != count:
        raise ValueError("другой состав выражений")
    return programs


def _program(source: str, skip: bool = False) -> Program:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``source`` (no flags); ``skip``: with the
    engine's first-character skip where the compiler gives none (:func:`_skipping`)."""
    parsed = _parser.parse(source, 0)
    state = parsed.state
    names: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        names[index] = name
    code = _compiler._code(parsed, 0)
    return state.flags, _skipping(code, parsed) if skip else code, state.groups - 1, dict(state.groupdict), names


def _skipping(code: list[int], parsed: Any) -> list[int]:
    """``code`` with the set of characters a match can start with in its info block, where the compiler put none.

    A search tries the program at every position of the text; with that set in the info block the engine moves
    past every character outside it in one tight loop and tries the program only at the others (what it does
    itself for an expression that opens with a character class).  The compiler cannot see the set behind a
    lookahead (``(?=[…])``, :mod:`cmlint.text.first_chars`) or an alternation of classes (``(?:^|\\s)``); it is
    read from the parse (:func:`~cmlint.text.first_chars.first_set`), never smaller than the truth, so the matches
    do not change.  Left as it is: an expression that may match empty (the engine assumes a match of one
    character or more there), one anchored at the start (a search gives up after the first position), or one
    whose first characters are not known."""
    info = code[: code[1] + 1]
    if info[0] != _constants.INFO or info[2] or info[3] < 1 or _anchored(parsed):
        return code
    items = first_chars.first_set(parsed)
    if items is None:
        return code
    charset, _ = _compiler._optimize_charset(items)
    block = [_constants.INFO, 0, _constants.SRE_INFO_CHARSET, info[3], info[4]]
    _compiler._compile_charset(charset, parsed.state.flags, block)
    block[1] = len(block) - 1
    return block + code[len(info):]


def _anchored(parsed: Any) -> bool:
    """Whether a parsed expression opens with ``^`` or ``\\A``."""
    data = list(parsed)
    return bool(data) and data[0][0] is _constants.AT and data[0][1] in (
        _constants.AT_BEGINNING,
        _constants.AT_BEGINNING_STRING,
    )


def _restore(source: str, program: Any) -> re.Pattern[str]:
    """The compiled expression from its program; ``_sre.compile`` raises on a program it does not accept."""
    flags, code, groups, index, names = program
    if not isinstance(index, dict) or not isinstance(names, list):
        raise TypeError("не программа выражения")
    pattern: re.Pattern[str] = _sre.compile(source, flags, code, groups, index, tuple(names))
    return pattern
