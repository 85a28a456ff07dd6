"""Regular expressions whose compiled programs are kept between runs: the tokenizer's affixes, the section grammar.

Python compiles a regular expression in Python code (``re._parser`` reads it, ``re._compiler`` turns it into
the program of codes the ``_sre`` engine runs); for the long expressions with Cyrillic character classes of the
tokenizer and of ``rules/sections.yaml`` that was a tenth of ``cmlint check one.txt``, and it gives the same
program every time for the same expression and Python.  The programs are kept as JSON (their codes packed,
:data:`_CODES`) in the cache folder (:mod:`cmlint.cache`) under a fingerprint of the expressions, the Python build
and the engine's version, and
handed back to ``_sre.compile``, which checks a program before it accepts it: a file that is missing,
unreadable, of another shape or with a program the engine rejects is ignored, the expressions are compiled
again and the file is written anew.  Where the expressions are themselves derived from other inputs (the section
grammar's from ``rules/sections.yaml`` and the code that adds their lookaheads), :func:`compile_derived` keeps the
expressions with their programs under a fingerprint of those inputs, so a run with the same inputs derives nothing.
The programs of expressions that are searched may carry the engine's skip to a character a match can start with
where the compiler cannot see it (:func:`_skipping`).  A module's own expressions, compiled where they are defined
(:class:`ModulePatterns`), are kept under a fingerprint of that module's code.
Nothing generated is kept in git.
"""

from __future__ import annotations

import _sre
import base64
import re
import sys
from array import array
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
_MODULE_PREFIX = "module-regex-"
#: Files kept in the folder (one per set of expressions in use; older ones are removed).
_KEEP = 8
#: Files of modules' own expressions kept (a few modules, each in some versions).
_MODULE_KEEP = 16

#: What ``_sre.compile`` takes besides the expression: flags, codes, number of groups, group index both ways.
Program = tuple[int, list[int], int, dict[str, int], list[str | None]]
#: How a file keeps a program's codes: the engine's 32-bit codes as bytes in this machine's order, in base64 (read
#: back in a tenth of the time JSON takes over the same numbers); part of every file's key.
_CODES = f"codes: base64 of array {array('I').itemsize} {sys.byteorder}"


def compile_all(sources: Sequence[str], skip: bool = False) -> list[re.Pattern[str]]:
    """``re.compile`` of every source (no flags), from the programs stored for the same sources when there are;
    ``skip``: with the first-character skip for a search (:func:`_skipping`)."""
    key = fingerprint([sys.version, str(_sre.MAGIC), _CODES, _skip_version(skip), *sources])
    try:
        return [_restore(source, program) for source, program in zip(sources, _stored(key, len(sources)), strict=True)]
    except (OSError, ValueError, TypeError, RuntimeError, OverflowError):
        pass
    programs = [_program(source, skip) for source in sources]
    cache.store_json(_PREFIX, key, [_packed(program) for program in programs], _KEEP)
    return [_restore(source, program) for source, program in zip(sources, programs, strict=True)]


def compile_derived(inputs: Sequence[str], derive: Callable[[], Sequence[str]]) -> list[re.Pattern[str]]:
    """``re.compile`` of every expression ``derive`` gives, where what it gives depends on ``inputs`` alone (data
    and the source of the code that derives): the expressions and their programs (with the first-character skip for
    a search, :func:`_skipping`) are stored under a fingerprint of the inputs, and ``derive`` runs only when nothing
    usable is stored for them."""
    key = fingerprint([sys.version, str(_sre.MAGIC), _CODES, _skip_version(True), *inputs])
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
    stored = {"sources": sources, "programs": [_packed(program) for program in programs]}
    cache.store_json(_DERIVED_PREFIX, key, stored, _KEEP)
    return _restored(sources, programs)


class ModulePatterns:
    """``re.compile`` for the expressions a module compiles as it is imported, from the programs kept for them.

    The programs are stored under a fingerprint of the module's code (which holds every expression and flag it
    compiles) and of Python; each is found by its expression and flags, so a program is only ever handed to
    ``_sre.compile`` for the expression it was made from.  An expression without a stored program (the first run
    after a change, a missing or broken file) is compiled as ``re.compile`` does and the file is written again.
    The key holds the code that adds the first-character skip too (:func:`_skipping`, asked for by ``skip``)."""

    def __init__(self, module_file: str) -> None:
        self._programs: dict[str, Any] = {}
        self._key: str | None = None
        try:
            code = Path(module_file).read_text(encoding="utf-8")
        except OSError:
            return  # no code to fingerprint (a module inside an archive): compiled as re.compile does, nothing kept
        self._key = fingerprint([sys.version, str(_sre.MAGIC), _CODES, _skip_version(True), code])
        try:
            stored = cache.read_json(_MODULE_PREFIX, self._key)
        except (OSError, ValueError):
            return
        if isinstance(stored, dict):
            self._programs = stored

    def compile(self, source: str, flags: int = 0, skip: bool = False) -> re.Pattern[str]:
        """``re.compile(source, flags)``; ``skip``: with the first-character skip for a search (:func:`_skipping`)."""
        flags = int(flags)
        name = f"{flags} {'skip ' if skip else ''}{source}"
        program = self._programs.get(name)
        if program is not None:
            try:
                return _restore(source, program)
            except (ValueError, TypeError, RuntimeError, OverflowError):
                pass
        fresh = _program(source, skip, flags)
        if self._key is not None:
            self._programs[name] = _packed(fresh)
            cache.store_json(_MODULE_PREFIX, self._key, self._programs, _MODULE_KEEP)
        return _restore(source, fresh)


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


def _program(source: str, skip: bool = False, flags: int = 0) -> Program:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``source`` and ``flags``; ``skip``: with the
    engine's first-character skip where the compiler gives none (:func:`_skipping`)."""
    parsed = _parser.parse(source, flags)
    state = parsed.state
    names: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        names[index] = name
    code = _compiler._code(parsed, flags)
    program = _skipping(code, parsed) if skip else code
    return flags | state.flags, program, state.groups - 1, dict(state.groupdict), names


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
    charset, _ = _compiler._optimize_charset(_spelled_out(items, parsed.state.flags))
    block = [_constants.INFO, 0, _constants.SRE_INFO_CHARSET, info[3], info[4]]
    _compiler._compile_charset(charset, parsed.state.flags, block)
    block[1] = len(block) - 1
    return block + code[len(info):]


#: The categories a skip's set spells out as the characters they hold (:func:`_spelled_out`).
_SPELLED = {_constants.CATEGORY_DIGIT: r"\d", _constants.CATEGORY_SPACE: r"\s"}


def _spelled_out(items: list[first_chars.SetItem], flags: int) -> list[first_chars.SetItem]:
    """``items`` with a category of :data:`_SPELLED` (under Unicode matching) replaced by its characters: the engine
    tests a category by a call into Unicode's tables for every character it skips, a set of characters by a look-up
    in one bitmap."""
    if not flags & re.UNICODE:
        return items
    spelled: list[first_chars.SetItem] = []
    for op, av in items:
        spelled += _members(av) if op is _constants.CATEGORY and av in _SPELLED else [(op, av)]
    return spelled


#: Code points read at a time by :func:`_members` (all of Unicode at once made a million strings: 60 MB more at peak).
_CHUNK = 1 << 16


@lru_cache(maxsize=len(_SPELLED))
def _members(category: Any) -> tuple[first_chars.SetItem, ...]:
    """The characters of ``category`` below U+10000, and all characters above where it has some there (more than
    it holds, so a match is never skipped: the expression is tried there)."""
    pattern = re.compile(_SPELLED[category])
    codes = [
        start + match.start()
        for start in range(0, sys.maxunicode + 1, _CHUNK)
        for match in pattern.finditer("".join(map(chr, range(start, min(start + _CHUNK, sys.maxunicode + 1)))))
    ]
    below = tuple((_constants.LITERAL, code) for code in codes if code < 0x10000)
    return (*below, (_constants.RANGE, (0x10000, sys.maxunicode))) if codes[-1] >= 0x10000 else below


def _anchored(parsed: Any) -> bool:
    """Whether a parsed expression opens with ``^`` or ``\\A``."""
    data = list(parsed)
    return bool(data) and data[0][0] is _constants.AT and data[0][1] in (
        _constants.AT_BEGINNING,
        _constants.AT_BEGINNING_STRING,
    )


def _packed(program: Program) -> list[Any]:
    """A program as a file keeps it: the codes packed (:data:`_CODES`)."""
    flags, code, groups, index, names = program
    return [flags, base64.b64encode(array("I", code).tobytes()).decode("ascii"), groups, index, names]


def _codes(packed: Any) -> list[int]:
    """The codes of a program as a file keeps them (a list as a fresh program has them is taken as it is); raises
    ``ValueError`` or ``TypeError`` on anything else."""
    if isinstance(packed, list):
        return packed
    if not isinstance(packed, str):
        raise TypeError("не коды программы")
    codes = array("I")
    codes.frombytes(base64.b64decode(packed, validate=True))
    return codes.tolist()


def _restore(source: str, program: Any) -> re.Pattern[str]:
    """The compiled expression from its program (fresh or as a file keeps it); ``_sre.compile`` raises on a program
    it does not accept."""
    flags, code, groups, index, names = program
    if not isinstance(index, dict) or not isinstance(names, list):
        raise TypeError("не программа выражения")
    code = _codes(code)
    pattern: re.Pattern[str] = _sre.compile(source, flags, code, groups, index, tuple(names))
    return pattern
