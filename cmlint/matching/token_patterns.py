"""Full spaCy token patterns in packs: validated when a pack loads, run on spaCy's ``Matcher``.

A pattern is checked in two passes.  Ours names what our pipeline can match
on (attributes it sets, UD parts of speech and features the morphology
produces, regular expressions that compile); spaCy's own schema
(:class:`spacy.schemas.TokenPatternSchema`) then checks the structure —
operators, value types, quantifiers — exactly as its ``Matcher`` will.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pydantic import ValidationError
from spacy.schemas import TokenPatternSchema

from cmlint.matching.phrases import PatternError
from cmlint.nlp.morphology import UD_FEATURES, UD_POS
from cmlint.text.user_regex import regex_problem

#: Token attributes our pipeline sets (spaCy knows more, e.g. DEP or ENT_TYPE, which stay empty here); ``SPACY``
#: is whether a space follows the token (a spaced hyphen is a dash, «бизнес-центр» is one word).
ATTRIBUTES = frozenset({
    "ORTH", "TEXT", "LOWER", "LEMMA", "POS", "MORPH", "OP", "IS_PUNCT", "IS_DIGIT",
    "IS_ALPHA", "IS_UPPER", "IS_TITLE", "IS_SPACE", "LIKE_NUM", "LENGTH", "NORM", "SPACY",
})
#: The widest bounded repetition a pattern token may have («{0,14}»).  spaCy's Matcher unrolls «{m,n}» into n
#: optional tokens, and its states grow exponentially with n on a text of repeated anchors: a «{0,n}» run of any
#: token on 2 400 such tokens took 0.33 s at n = 12, 0.7 s at 14, 3.6 s at 16, 12.5 s at 18 and over a minute at
#: 25 (one pack pattern at 45 took 18 GB); «*» is one looping state and stays linear.
MAX_REPEAT = 14
_OPERATORS = frozenset(
    {"IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS", "==", ">=", "<=", ">", "<", "!=", "REGEX"}
)
_SCHEMA_PROBLEMS = {
    "extra_forbidden": "неизвестный ключ",
    "string_type": "ожидалась строка",
    "bool_type": "ожидалось true или false",
    "int_type": "ожидалось целое число",
    "list_type": "ожидался список",
    "dict_type": "ожидался словарь",
    "enum": "недопустимое значение",
    "string_pattern_mismatch": "недопустимое значение",
}


#: Attributes whose values are a token's words (what :attr:`TokenView.words` holds).
_WORD_ATTRIBUTES = ("LEMMA", "LOWER", "ORTH", "TEXT")


@dataclass(frozen=True, slots=True)
class Tagged:
    """A token test by part of speech: the UD tags one of which the token has, and the morphological features
    (``Field=Value``) it has each of (its ``MORPH: {IS_SUPERSET: [...]}``): a noun in the feminine nominative
    singular is far rarer than a noun."""

    tags: frozenset[str]
    feats: frozenset[str] = frozenset()


#: What an anchor or a companion tests: a token's words (a word set or a regular expression on them) or its tag.
TokenTest = frozenset[str] | re.Pattern[str] | Tagged


class Anchor(NamedTuple):
    """A token that every match holds: the words one of which it is, a regular expression that finds
    something in one of its words, or the parts of speech one of which it has; at most how many tokens of a
    match stand before and after it (``None``: no bound, a quantifier without a maximum)."""

    test: TokenTest
    before: int | None
    after: int | None


@dataclass(frozen=True, slots=True)
class SpacyPattern:
    """A validated spaCy token pattern (run by spaCy's ``Matcher``); ``known_plan`` is its :meth:`plan` when an
    earlier run worked it out (:class:`TokenPatternCheck`)."""

    tokens: tuple[dict[str, Any], ...]
    known_plan: Plan | None = field(default=None, compare=False, repr=False)

    def required_words(self) -> tuple[frozenset[str], ...]:
        """Per token that must occur once or more: the words (lemma or form) one of which it must be.

        A doc without a word of some set cannot match, so the matcher need not run.
        """
        return _word_sets(self.anchors())

    def companions(self) -> tuple[tuple[Companion, ...], ...]:
        """Per anchor of :meth:`anchors`, every other token a match must hold (by a word set or a ``REGEX`` on
        a word) and how far from the anchor's token it stands: an occurrence of the anchor that has no such
        token in reach is in no match."""
        return self._companions(self._tests())

    def plan(self) -> Plan:
        """:meth:`required_words`, :meth:`anchors` and :meth:`companions` at once (the tokens read once)."""
        if self.known_plan is not None:
            return self.known_plan
        tests = self._tests()
        anchors = self._anchors(tests)
        return _word_sets(anchors), anchors, self._companions(tests)

    def _companions(self, tests: list[tuple[int, Anchor]]) -> tuple[tuple[Companion, ...], ...]:
        longest = [_longest(token.get("OP")) for token in self.tokens]
        shortest = [_shortest(token.get("OP")) for token in self.tokens]
        return tuple(
            tuple(
                Companion(other.test, *_reach(tests[chosen][0], at, shortest, longest))
                for index, (at, other) in enumerate(tests)
                if index != chosen
            )
            for chosen in self._anchoring(tests)
        )

    def anchors(self) -> tuple[Anchor, ...]:
        """The tokens that must occur once or more, by a word set of :meth:`required_words`, each with how far
        a match reaches around it; a pattern that needs no word is anchored by its ``REGEX`` on a word attribute
        (finding those tokens reads every word of a doc, looking up a word set does not), one with neither by
        its parts of speech.

        A match lies within that many tokens around an occurrence of the word.
        """
        return self._anchors(self._tests())

    def _anchors(self, tests: list[tuple[int, Anchor]]) -> tuple[Anchor, ...]:
        return tuple(tests[index][1] for index in self._anchoring(tests))

    @staticmethod
    def _anchoring(tests: list[tuple[int, Anchor]]) -> list[int]:
        """Which of ``tests`` anchor: the word sets, else the regular expressions, else the parts of speech."""
        for kind in (frozenset, re.Pattern, Tagged):
            found = [index for index, (_, anchor) in enumerate(tests) if isinstance(anchor.test, kind)]
            if found:
                return found
        return []

    def _tests(self) -> list[tuple[int, Anchor]]:
        """(token position, anchor) of every word set, every ``REGEX`` on a word that narrows down where a match
        stands (:func:`_narrows`) and every part of speech of the tokens that must occur."""
        longest = [_longest(token.get("OP")) for token in self.tokens]
        found: list[tuple[int, Anchor]] = []
        searched: list[tuple[int, Anchor]] = []
        tagged: list[tuple[int, Anchor]] = []
        for position, token in enumerate(self.tokens):
            if token.get("OP", "+") != "+":
                continue
            own = longest[position]
            before = _total(longest[:position], own)
            after = _total(longest[position + 1:], own)
            for attr in _WORD_ATTRIBUTES:
                value = token.get(attr)
                values = value.get("IN") if isinstance(value, dict) else [value] if isinstance(value, str) else None
                if isinstance(values, list) and all(isinstance(v, str) for v in values):
                    found.append((position, Anchor(frozenset(values), before, after)))
                regex = value.get("REGEX") if isinstance(value, dict) else None
                if isinstance(regex, str) and _narrows(compiled := re.compile(regex)):
                    searched.append((position, Anchor(compiled, before, after)))
            tag = token.get("POS")
            tags = tag.get("IN") if isinstance(tag, dict) else [tag] if isinstance(tag, str) else None
            if isinstance(tags, list) and all(isinstance(t, str) for t in tags):
                tagged.append((position, Anchor(Tagged(frozenset(tags), _required_features(token)), before, after)))
        return found + searched + tagged


#: One morphological feature with one value, as spaCy's Matcher compares a ``MORPH`` ``IS_SUPERSET`` value with a
#: token's features.
_FEATURE = re.compile(r"[A-Za-z]+=[A-Za-z0-9]+")


def _required_features(token: dict[str, Any]) -> frozenset[str]:
    """The features a token's morphology must have each of by its ``MORPH: {IS_SUPERSET: [...]}``: the values that
    name one feature with one value (any other is left to the Matcher: leaving a feature out only widens a test)."""
    morph = token.get("MORPH")
    values = morph.get("IS_SUPERSET") if isinstance(morph, dict) else None
    if not isinstance(values, list):
        return frozenset()
    return frozenset(value for value in values if isinstance(value, str) and _FEATURE.fullmatch(value))


#: Ordinary words of a posting: a regular expression that finds something in each of them («^[^0-9]»,
#: «^(?!.*ость$)») finds something in nearly every word of a doc.
_ORDINARY_WORDS = ("работа", "клиент", "опыт", "продажи", "график")


def _narrows(regex: re.Pattern[str]) -> bool:
    """Whether a ``REGEX`` on a word says where a match may stand: one that finds something in every ordinary word
    is no anchor or companion (reading every word of a doc for it would find them all; the Matcher tests it)."""
    return not all(regex.search(word) for word in _ORDINARY_WORDS)


def _word_sets(anchors: tuple[Anchor, ...]) -> tuple[frozenset[str], ...]:
    return tuple(anchor.test for anchor in anchors if isinstance(anchor.test, frozenset))


def plan_of(anchors: tuple[Anchor, ...], companions: tuple[tuple[Companion, ...], ...]) -> Plan:
    """The plan of a pattern with these anchors and companions (its word sets are the anchors')."""
    return _word_sets(anchors), anchors, companions


class Companion(NamedTuple):
    """A token a match holds besides an anchor's: the words one of which it is, or a regular expression that
    finds something in one of its words; it stands from ``low`` to ``high`` tokens after the anchor's token
    (negative: before it; ``None``: no bound on that side)."""

    test: TokenTest
    low: int | None
    high: int | None


#: A pattern's word sets, anchors and companions (see :meth:`SpacyPattern.plan`).
Plan = tuple[tuple[frozenset[str], ...], tuple[Anchor, ...], tuple[tuple[Companion, ...], ...]]


def _reach(anchor: int, other: int, shortest: list[int], longest: list[int | None]) -> tuple[int | None, int | None]:
    """How many tokens after a token of pattern token ``anchor`` a token of pattern token ``other`` stands, at
    least and at most (negative: before; ``None``: no bound)."""
    if other == anchor:
        return 0, 0  # the same pattern token: every token it takes passes both tests
    first, last = sorted((anchor, other))
    between = range(first + 1, last)
    near = 1 + sum(shortest[k] for k in between)
    lengths = [longest[first], *(longest[k] for k in between), longest[last]]
    far = None if any(n is None for n in lengths) else sum(n for n in lengths if n is not None) - 1
    if other > anchor:
        return near, far
    return (None if far is None else -far), -near


def _longest(op: Any) -> int | None:
    """The most tokens one pattern token with operator ``op`` takes (``None``: no maximum)."""
    if op is None or op in ("!", "?", "1"):
        return 1
    if op in ("+", "*"):
        return None
    match = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", str(op))
    if match is None:
        return None
    low, comma, high = match.groups()
    if not comma:
        return int(low)
    return int(high) if high else None


def _shortest(op: Any) -> int:
    """The fewest tokens one pattern token with operator ``op`` takes."""
    if op in ("?", "*"):
        return 0
    match = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", str(op)) if op is not None else None
    return int(match.group(1) or 0) if match is not None else 1


def _total(lengths: list[int | None], own: int | None) -> int | None:
    """The most tokens ``lengths`` take together, plus the anchor's own extra ones (``None``: no bound)."""
    if own is None or any(length is None for length in lengths):
        return None
    return sum(length for length in lengths if length is not None) + own - 1


def validate_token_pattern(pattern: Any) -> SpacyPattern:
    """Check a raw spaCy token pattern; raise :class:`PatternError` naming the token and the problem."""
    if not isinstance(pattern, list) or not pattern:
        raise PatternError("шаблон токенов должен быть непустым списком словарей")
    for position, token in enumerate(pattern, start=1):
        if not isinstance(token, dict):
            raise PatternError(f"токен {position}: ожидался словарь, получено {type(token).__name__}")
        for attr, value in token.items():
            _check_attribute(position, attr, value)
    problem = _schema_problem(pattern)
    if problem:
        raise PatternError(problem)
    return SpacyPattern(tuple(dict(token) for token in pattern))


class TokenPatternCheck:
    """:func:`validate_token_pattern` that trusts the patterns an earlier run found valid.

    ``known`` are the JSON texts of patterns found valid with the same code and spaCy, each with its plan
    (:mod:`cmlint.matching.compiled`); a pattern among them is not checked again and its plan is not worked out
    again.  :attr:`valid` collects the JSON of every pattern this check passed or trusted, with its plan.
    """

    def __init__(self, known: Mapping[str, Plan] | None = None) -> None:
        self._known = dict(known or {})
        self.valid: dict[str, Plan] = {}

    def __call__(self, pattern: Any) -> SpacyPattern:
        """The pattern, validated unless known (raises :class:`PatternError` as :func:`validate_token_pattern` does),
        with its :meth:`~SpacyPattern.plan` (as an earlier run worked it out when known)."""
        key = _json_of(pattern)
        plan = None if key is None else self._known.get(key)
        if plan is not None:
            found = SpacyPattern(tuple(dict(token) for token in pattern), plan)
        else:
            checked = validate_token_pattern(pattern)
            found = SpacyPattern(checked.tokens, checked.plan())
        if key is not None:
            self.valid[key] = found.plan()
        return found


def _json_of(pattern: Any) -> str | None:
    """The pattern as JSON (None when JSON cannot hold it exactly: a non-string key, a date)."""
    try:
        text = json.dumps(pattern, ensure_ascii=False)
        return text if json.loads(text) == pattern else None
    except (TypeError, ValueError):
        return None


def _check_attribute(position: int, attr: Any, value: Any) -> None:
    if attr not in ATTRIBUTES:
        raise PatternError(f"токен {position}: неизвестный атрибут {attr!r}")
    if attr == "OP":
        widest = _longest(value)
        if widest is not None and widest > MAX_REPEAT:
            raise PatternError(
                f"токен {position}: повтор {value} длиннее {MAX_REPEAT}: такой шаблон spaCy проверяет"
                " экспоненциально долго; используйте «*» или сузьте повтор"
            )
        return
    values = _values(value, position, attr)
    if attr == "POS":
        for tag in values:
            if tag not in UD_POS:
                raise PatternError(f"токен {position}: неизвестная часть речи {tag!r}")
    elif attr == "MORPH":
        for feats in values:
            _check_feats(feats, position)
    if isinstance(value, dict) and "REGEX" in value:
        problem = regex_problem(str(value["REGEX"]))
        if problem:
            raise PatternError(f"токен {position}: {attr}: {problem}")


def _values(value: Any, position: int, attr: str) -> list[str]:
    if isinstance(value, (str, bool, int)):
        return [str(value)]
    if isinstance(value, dict):
        values: list[str] = []
        for key, inner in value.items():
            if key not in _OPERATORS:
                raise PatternError(f"токен {position}: {attr}: неизвестный оператор {key!r}")
            values.extend(inner if isinstance(inner, list) else [inner])
        return [str(v) for v in values]
    raise PatternError(f"токен {position}: {attr}: ожидалась строка или словарь")


def _check_feats(feats: str, position: int) -> None:
    for pair in filter(None, feats.split("|")):
        name, _, value = pair.partition("=")
        if name not in UD_FEATURES:
            raise PatternError(f"токен {position}: неизвестная граммема {name!r}")
        if value not in UD_FEATURES[name]:
            known = ", ".join(sorted(UD_FEATURES[name]))
            raise PatternError(f"токен {position}: {name}={value!r} не бывает (возможно: {known})")


def _schema_problem(pattern: list[Any]) -> str | None:
    """The first problem spaCy's own pattern schema finds, in Russian; None when it accepts the pattern."""
    try:
        TokenPatternSchema(pattern=pattern)
    except ValidationError as error:
        issue = error.errors()[0]
        location = [part for part in issue["loc"][1:] if isinstance(part, int) or str(part).isupper() or part == "OP"]
        token = f"токен {location[0] + 1}" if location and isinstance(location[0], int) else "шаблон"
        where = ": ".join([token, *(str(part) for part in location[1:])])
        return f"{where}: {_SCHEMA_PROBLEMS.get(issue['type'], 'не подходит по схеме шаблонов spaCy')}"
    return None
