"""A regular expression's possible first characters, as a lookahead that lets ``search`` skip other positions.

A search for an alternation of many phrases tries every alternative at every
position of the text; a lookahead on the characters a match can start with
(``(?=[оз])`` before «обязанности|задачи») fails at most positions with one
character test.  The set is read from the expression's parse, so it is never
smaller than the truth: the matches do not change.
"""

from __future__ import annotations

import _sre
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from re import _compiler, _constants as c, _parser as parser  # type: ignore[attr-defined]
from typing import Any

#: A range of characters longer than this is not spelled out (the lookahead is left out).
_MAX_RANGE = 256

_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT)
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)

#: What the parse of a sequence says: the characters a match can start with (``None``: any), and whether the
#: sequence can match the empty string (then what follows it can start the match too).
_Firsts = tuple[frozenset[str] | None, bool]


def first_chars_lookahead(pattern: str, flags: int = 0) -> str:
    """``(?=[…])`` with every character a match of ``pattern`` can start with; empty when that set is unknown
    (a class such as ``\\w``, any character, an empty match, case folding)."""
    if flags & re.IGNORECASE:
        return ""
    parsed = parser.parse(pattern, flags)
    if parsed.state.flags & re.IGNORECASE:
        return ""
    chars, empty = _sequence(list(parsed))
    if chars is None or empty or not chars:
        return ""
    return "(?=" + _char_class(chars) + ")"


def alternatives_lookahead(alternatives: Sequence[str]) -> str:
    """A lookahead for a match at one place of ``(?:a)|(?:b)|…``: ``(?=[…])`` with the first characters of the
    alternatives where they are known, and the alternatives whose first character is open (``[^:]{0,70}?если``)
    tried whole, ``(?=[…]|(?:b))``; the same as :func:`first_chars_lookahead` when every one is known, and empty
    when none is or when one refers back to a group (inside the lookahead the groups are numbered anew).

    Only for a match tried at one place (``re.match``): a search would try the open ones at every position."""
    whole = parser.parse("|".join(f"(?:{alternative})" for alternative in alternatives))
    if whole.state.flags & re.IGNORECASE or _refers_back(list(whole)):
        return ""
    known: set[str] = set()
    for alternative in alternatives:
        if not is_open(alternative):
            known |= _firsts(alternative)
    if not known:
        return ""
    open_ones = [f"(?:{alternative})" for alternative in alternatives if is_open(alternative)]
    return "(?=" + "|".join([_char_class(known), *open_ones]) + ")"


def alternative_with_lookahead(alternative: str) -> str:
    """``alternative`` with the lookahead of its first characters in front (:func:`first_chars_lookahead`) where the
    engine meets neither a character nor a class first in it (a repeat, an alternation, an assertion): in an
    alternation the engine passes over an alternative that opens with either at once where the text has another
    character, and enters any other one, to give it up a few steps later (``(?:основн[а-яё]* )*задач`` before any
    word).  The same matches: the lookahead holds wherever the alternative matches."""
    if _opens_with_a_character(list(parser.parse(alternative))):
        return alternative
    ahead = first_chars_lookahead(alternative)
    return f"{ahead}(?:{alternative})" if ahead else alternative


def _opens_with_a_character(items: list[tuple[Any, Any]]) -> bool:
    """Whether the engine meets a character or a class first in a parsed sequence (a plain group compiles to what it
    holds)."""
    if not items:
        return False
    op, av = items[0]
    if op is c.SUBPATTERN and av[0] is None and not av[1] and not av[2]:
        return _opens_with_a_character(list(av[3]))
    return op is c.LITERAL or op is c.IN


def is_open(pattern: str) -> bool:
    """Whether a match of ``pattern`` can start with any character as far as its parse tells (``\\w+``,
    ``[^:]{0,70}?если``, an empty match)."""
    return not _firsts(pattern)


def _firsts(pattern: str) -> frozenset[str]:
    """The characters a match of ``pattern`` can start with; empty when that set is open."""
    chars, empty = _sequence(list(parser.parse(pattern)))
    return frozenset() if chars is None or empty else chars


def required_word(pattern: str) -> str | None:
    """The longest run of two or more plain characters in a row that every match of ``pattern`` holds (None when
    there is none): ``если `` of ``[^:]{0,70}?\\bесли (у тебя|…)``.  A text without it has no match."""
    parsed = parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return None
    best = run = ""
    for op, av in parsed:
        run = run + chr(av) if op is c.LITERAL else ""
        if len(run) > len(best):
            best = run
    return best if len(best) >= 2 else None


def required_words(pattern: str) -> frozenset[str] | None:
    """Runs of two or more plain characters in a row one of which every match of ``pattern`` holds (None when the
    parse tells none): ``{"ищ", "нуж"}`` of ``(мы )?(ищем|ищу|нужен)`` (the parse moves a common start out of the
    alternatives).  A text that holds none of them has no match."""
    parsed = parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return None
    words = _required(list(parsed))
    # A word that holds another one tells nothing more.
    return None if words is None else frozenset(w for w in words if not any(o != w and o in w for o in words))


def _required(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The words one of which a match of a sequence holds: the most telling of its items' (a run of literals is one
    item)."""
    best: frozenset[str] | None = None
    run = ""
    for op, av in items:
        if op is c.LITERAL:
            run += chr(av)
            continue
        best = _more_telling(_more_telling(best, _run(run)), _required_item(op, av))
        run = ""
    return _more_telling(best, _run(run))


def _run(run: str) -> frozenset[str] | None:
    return frozenset({run}) if len(run) >= 2 else None


def _required_item(op: Any, av: Any) -> frozenset[str] | None:
    if op is c.SUBPATTERN:
        _, added, _, sub = av
        return None if added & re.IGNORECASE else _required(list(sub))
    if op is c.ATOMIC_GROUP:
        return _required(list(av))
    if op in _REPEATS:
        low, _, sub = av
        return _required(list(sub)) if low >= 1 else None
    if op is c.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            words = _required(list(branch))
            if words is None:
                return None
            found |= words
        return frozenset(found)
    return None


def _more_telling(one: frozenset[str] | None, other: frozenset[str] | None) -> frozenset[str] | None:
    """Of two sets of words, the smaller one (a gate tests each word of a text without a match), then the one whose
    shortest word is longer."""
    if one is None or other is None:
        return one if other is None else other
    return min(one, other, key=lambda words: (len(words), -min(map(len, words)), sorted(words)))


def without_captures(pattern: str) -> str:
    """``pattern`` with every capturing group made a plain one (``(а|б)`` → ``(?:а|б)``): the same matches for an
    expression that refers back to no group and whose groups nobody reads, and the engine tries an alternative
    that starts with a plain character only where that character stands (a group's mark in front hides it)."""
    out: list[str] = []
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            # A «]» first in a class (after a «^») is a member of it, not its end.
            end = index + 1 + (pattern.startswith("^", index + 1))
            end += pattern.startswith("]", end)
            out.append(pattern[index:end])
            index, in_class = end, True
            continue
        elif char == "(" and not pattern.startswith("(?", index):
            char = "(?:"
        out.append(char)
        index += 1
    return "".join(out)


def _char_class(chars: Iterable[str]) -> str:
    """``[…]`` of ``chars``, escaped and sorted (a derived expression reads the same on every run)."""
    return "[" + "".join(re.escape(char) for char in sorted(chars)) + "]"


def _refers_back(items: list[tuple[Any, Any]]) -> bool:
    """Whether the parse holds a reference to a group (``\\1``, ``(?P=name)``, ``(?(1)…)``)."""
    for op, av in items:
        if op in (c.GROUPREF, c.GROUPREF_EXISTS) or any(_refers_back(list(sub)) for sub in _subpatterns(av)):
            return True
    return False


def _subpatterns(value: Any) -> Iterator[Any]:
    """The parsed sub-expressions inside an operand of the parse."""
    if isinstance(value, parser.SubPattern):
        yield value
    elif isinstance(value, (tuple, list)):
        for inner in value:
            yield from _subpatterns(inner)


def _sequence(items: list[tuple[Any, Any]]) -> _Firsts:
    """The first characters of a sequence, spelled out: the engine's set items of :func:`_walk` (a lookahead taken
    as zero-width) when they are plain characters and narrow ranges only."""
    members, empty = _walk(items, lookahead=False)
    chars = None if members is None else _charset(members)
    return (None, True) if chars is None else (chars, empty)


def _charset(members: list[tuple[Any, Any]]) -> frozenset[str] | None:
    found: set[str] = set()
    for op, av in members:
        if op is c.LITERAL:
            found.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] <= _MAX_RANGE:
            found.update(map(chr, range(av[0], av[1] + 1)))
        else:  # a negation, a category (\w, \s, \d) or a wide range
            return None
    return frozenset(found)


#: An item of the engine's character sets: (LITERAL, code), (RANGE, (low, high)) or (CATEGORY, category).
SetItem = tuple[Any, Any]


def first_set(parsed: Any) -> list[SetItem] | None:
    """The engine's character-set items one of which the first character of every match of a parsed expression is
    (categories such as ``\\s`` kept); None when that is not known (any character, a negated set, an empty match,
    a range of letters under case folding).  A lookahead on one character (``(?=[…])``) tells the first character
    too; under case folding a letter brings the characters that fold to it (:func:`_with_folded`)."""
    items, empty = _walk(list(parsed), lookahead=True)
    if items is None or empty or not items:
        return None
    return _with_folded(items, parsed.state.flags)


def _with_folded(items: list[SetItem], flags: int) -> list[SetItem] | None:
    """``items`` with every character that case folding (``flags``) lets match one of their letters, since the
    engine tests a set on the character as it is (a category such as ``\\d`` and an uncased character need none);
    None for a range with a cased letter or for ASCII-only folding."""
    iscased = _compiler._get_iscased(flags)
    if iscased is None:
        return items
    widened = list(items)
    for op, av in items:
        if op is c.LITERAL and iscased(av):
            if not flags & re.UNICODE:
                return None
            widened += [(c.LITERAL, other) for other in _folded_to(av) if other != av]
        elif op is c.RANGE and (av[1] - av[0] > _MAX_RANGE or any(map(iscased, range(av[0], av[1] + 1)))):
            return None
    return widened


def _folded_to(code: int) -> list[int]:
    """The characters that match the letter ``code`` under Unicode case folding: the engine compares a character's
    lower case with the letter's and with the few other letters that fold alike («ᲂ» for «о», «ſ» for «s»), so
    every character whose lower case is one of those («О», the Kelvin sign for «k»)."""
    lower = _sre.unicode_tolower(code)
    alike = (lower, *_compiler._EXTRA_CASES.get(lower, ()))
    upper = _upper_cases()
    return sorted({*alike, *(other for letter in alike for other in upper.get(letter, ()))})


@lru_cache(maxsize=1)
def _upper_cases() -> dict[int, tuple[int, ...]]:
    """Per lower-case letter the other characters whose lower case it is, as the engine folds them (every character
    read once, a tenth of a second: only when an expression is compiled anew, :mod:`cmlint.text.stored_regex`)."""
    found: dict[int, list[int]] = {}
    for code in range(sys.maxunicode + 1):
        lower = _sre.unicode_tolower(code)
        if lower != code:
            found.setdefault(lower, []).append(code)
    return {lower: tuple(codes) for lower, codes in found.items()}


def _walk(items: list[tuple[Any, Any]], lookahead: bool) -> tuple[list[SetItem] | None, bool]:
    """The engine's set items one of which the first character of a match of a sequence is (None: any, or a negated
    set), and whether the sequence can match the empty string (then what follows it can start the match too).
    With ``lookahead`` a lookahead that needs a character tells the first character; without, it is zero-width."""
    found: list[SetItem] = []
    for op, av in items:
        members, empty = _walk_item(op, av, lookahead)
        if members is None:
            return None, True
        found += members
        if not empty:
            return found, False
    return found, True


def _walk_item(op: Any, av: Any, lookahead: bool) -> tuple[list[SetItem] | None, bool]:
    if op is c.LITERAL:
        return [(op, av)], False
    if op is c.IN:
        return (None, True) if any(member is c.NEGATE for member, _ in av) else (list(av), False)
    if lookahead and op is c.ASSERT and av[0] == 1:  # its first character is the match's, when it needs one
        members, empty = _walk(list(av[1]), lookahead)
        return (members, False) if members and not empty else ([], True)
    if op in _ZERO_WIDTH:
        return [], True
    if op is c.SUBPATTERN:
        _, added, _, sub = av
        return (None, True) if added & re.IGNORECASE else _walk(list(sub), lookahead)
    if op is c.ATOMIC_GROUP:
        return _walk(list(av), lookahead)
    if op in _REPEATS:
        low, _, sub = av
        members, empty = _walk(list(sub), lookahead)
        return members, empty or low == 0
    if op is c.BRANCH:
        found: list[SetItem] = []
        any_empty = False
        for branch in av[1]:
            members, empty = _walk(list(branch), lookahead)
            if members is None:
                return None, True
            found += members
            any_empty = any_empty or empty
        return found, any_empty
    return None, True
