"""The phrase DSL: natural Russian phrases compiled to spaCy ``Matcher`` patterns.

An author writes «холодные звонки»; every word is lemmatized with all its
possible readings, so «холодных звонков», «холодным звонкам» … match too.

Syntax of a phrase (words separated by spaces):

- ``a|b|c`` — any of the words (each lemmatized; «офлайн-встреча|митап» mixes
  compound and simple words);
- ``(a b|c d)`` — any of several multi-word phrases («(холодный звонок|обзвон базы)»);
- ``word?`` — the word may be absent;
- ``...`` — up to three arbitrary words (no punctuation) in between;
- ``$NAME`` — a macro defined in the pack (a word group such as «организовывать|проводить|организация»);
- ``=word`` — match the exact word form (lower-cased), without lemmatizing;
- ``#NUM`` — any number («25», «двадцать»);
- hyphens inside words («контент-план») match with or without the hyphen.

Between consecutive words a hyphen, dash, colon or quote and up to two modifiers (adjectives and
participles, adverbs, determiners, numerals, pronouns, prepositions) may
stand: «звонить клиентам» matches «звонить потенциальным клиентам»,
«отвечать сообщения» matches «отвечать на сообщения», «комьюнити менеджер»
matches «комьюнити-менеджер».

Full spaCy token patterns (a list of dicts with LEMMA, LOWER, POS, MORPH,
OP …) are accepted as well; :func:`validate_token_pattern` checks attribute
names, POS tags and grammemes when a pack loads.
"""

from __future__ import annotations

import re
from typing import Any
from collections.abc import Callable, Mapping

from cmlint.nlp.morphology import UD_FEATURES, UD_POS, Morphology

TokenPattern = list[dict[str, Any]]

MODIFIER_POS = frozenset({"ADJ", "ADV", "DET", "NUM", "PRON", "ADP"})
_MODIFIER = {"POS": {"IN": sorted(MODIFIER_POS)}, "OP": "?"}
_WILDCARD = {"IS_PUNCT": False, "IS_SPACE": False, "OP": "?"}
_HYPHEN = {"ORTH": {"IN": ["-", "‑", "–"]}, "OP": "?"}
# Between words: a hyphen, a dash, a colon or a quote («"Холодные" звонки»,
# «пол: мужской», «русский язык — родной»).
JOINT_VALUES = frozenset({"-", "‑", "–", "—", ":", '"', "«", "»", "“", "”", "'"})
_JOINT = {"ORTH": {"IN": sorted(JOINT_VALUES)}, "OP": "?"}
_WORD_SPLIT = re.compile(r"(-)")
_MAX_EXPANSION = 64

_ALLOWED_ATTRS = {
    "ORTH", "TEXT", "LOWER", "LEMMA", "POS", "MORPH", "OP", "IS_PUNCT", "IS_DIGIT",
    "IS_ALPHA", "IS_UPPER", "IS_TITLE", "IS_SPACE", "LIKE_NUM", "LENGTH", "NORM",
}
_ALLOWED_OPS = {"?", "*", "+", "!", "{1,3}"}
_SET_KEYS = {"IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS", "==", ">=", "<=", ">", "<", "!=", "REGEX"}


class PatternError(ValueError):
    """A phrase or token pattern that cannot be compiled; the message says why."""


class PhraseCompiler:
    """Turns phrases into Matcher patterns with one morphology and tokenizer."""

    def __init__(self, morphology: Morphology, tokenize: Callable[[str], list[str]]) -> None:
        self.morphology = morphology
        self.tokenize = tokenize

    def compile(self, phrase: str, macros: Mapping[str, str] | None = None) -> list[TokenPattern]:
        """Compile one phrase into Matcher patterns (several when alternatives differ in length).

        Raises :class:`PatternError` on a bad phrase.
        """
        expanded = _expand_groups(self._expand_macros(phrase, macros or {}))
        patterns = [p for variant in expanded for p in self._compile_simple(variant)]
        if len(patterns) > _MAX_EXPANSION:
            raise PatternError(f"слишком много вариантов (больше {_MAX_EXPANSION}); разбейте фразу на несколько")
        return patterns

    def _compile_simple(self, phrase: str) -> list[TokenPattern]:
        words = phrase.split()
        if not words:
            raise PatternError("пустая фраза")
        patterns: list[TokenPattern] = [[]]
        for index, word in enumerate(words):
            if word == "...":
                if index == 0 or index == len(words) - 1:
                    raise PatternError("«...» не может стоять в начале или в конце фразы")
                patterns = [p + [dict(_WILDCARD), dict(_WILDCARD), dict(_WILDCARD)] for p in patterns]
                continue
            joint = [dict(_JOINT), dict(_MODIFIER), dict(_MODIFIER)] if index and words[index - 1] != "..." else []
            patterns = [p + joint + alternative for p in patterns for alternative in self._word(word)]
            if len(patterns) > _MAX_EXPANSION:
                raise PatternError(f"слишком много вариантов (больше {_MAX_EXPANSION}); разбейте фразу на несколько")
        return patterns

    def _expand_macros(self, phrase: str, macros: Mapping[str, str]) -> str:
        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in macros:
                raise PatternError(f"неизвестный макрос ${name}")
            return macros[name]

        return re.sub(r"\$([A-Za-z_][A-Za-z0-9_]*)", replace, phrase)

    def _word(self, word: str) -> list[TokenPattern]:
        """The token sequences one word of a phrase may match."""
        optional = word.endswith("?") and len(word) > 1
        if optional:
            word = word[:-1]
        alternatives = [alt for alt in word.split("|") if alt]
        if not alternatives:
            raise PatternError(f"пустое слово в «{word}»")
        sequences = [self._alternative(alt) for alt in alternatives]
        singles = [s for s in sequences if len(s) == 1]
        result = [s for s in sequences if len(s) != 1]
        if singles:
            result.insert(0, singles[0] if len(singles) == 1 else [_merge_alternatives(singles)])
        if optional:
            if result != [result[0]] or len(result[0]) != 1:
                raise PatternError(f"«{word}?»: необязательным может быть только одно слово")
            result = [[{**result[0][0], "OP": "?"}]]
        return result

    def _alternative(self, alt: str) -> TokenPattern:
        if alt == "#NUM":
            return [{"POS": "NUM"}]
        if alt.startswith("="):
            return [{"LOWER": alt[1:].lower()}]
        parts = [p for p in _WORD_SPLIT.split(alt) if p]
        tokens: TokenPattern = []
        for part in parts:
            if part == "-":
                tokens.append(dict(_HYPHEN))
                continue
            for piece in self.tokenize(part):
                tokens.append({"LEMMA": {"IN": self.morphology.lemmas(piece)}})
        return tokens


_GROUP = re.compile(r"\(([^()]*)\)")


def _expand_groups(phrase: str) -> list[str]:
    """Expand ``(a b|c)`` groups into one phrase per alternative."""
    match = _GROUP.search(phrase)
    if match is None:
        if "(" in phrase or ")" in phrase:
            raise PatternError("непарная скобка")
        return [phrase]
    alternatives = [alt.strip() for alt in match.group(1).split("|")]
    if not all(alternatives):
        raise PatternError("пустой вариант в скобках")
    head, tail = phrase[: match.start()], phrase[match.end():]
    return [variant for alt in alternatives for variant in _expand_groups(f"{head} {alt} {tail}")]


def _merge_alternatives(sequences: list[TokenPattern]) -> dict[str, Any]:
    lemmas: list[str] = []
    lowers: list[str] = []
    for (token,) in sequences:
        if "POS" in token:
            raise PatternError("#NUM нельзя объединять с другими вариантами через |")
        if "LOWER" in token:
            lowers.append(token["LOWER"])
        elif "LEMMA" in token:
            lemmas.extend(x for x in token["LEMMA"]["IN"] if x not in lemmas)
        else:
            raise PatternError("дефис не может быть вариантом")
    if lowers and lemmas:
        # The Matcher has no OR across attributes: exact forms join the lemma set.
        lemmas.extend(lowers)
    return {"LEMMA": {"IN": lemmas}} if lemmas else {"LOWER": {"IN": lowers}}


def validate_token_pattern(pattern: Any) -> TokenPattern:
    """Check a raw spaCy token pattern; raise :class:`PatternError` naming the problem."""
    if not isinstance(pattern, list) or not pattern:
        raise PatternError("шаблон токенов должен быть непустым списком словарей")
    for position, token in enumerate(pattern, start=1):
        if not isinstance(token, dict):
            raise PatternError(f"токен {position}: ожидался словарь, получено {type(token).__name__}")
        for attr, value in token.items():
            if attr not in _ALLOWED_ATTRS:
                raise PatternError(f"токен {position}: неизвестный атрибут {attr!r}")
            if attr == "OP":
                if value not in _ALLOWED_OPS:
                    raise PatternError(f"токен {position}: недопустимый OP {value!r}")
            elif attr == "POS":
                for tag in _values(value, position, attr):
                    if tag not in UD_POS:
                        raise PatternError(f"токен {position}: неизвестная часть речи {tag!r}")
            elif attr == "MORPH":
                for feats in _values(value, position, attr):
                    _check_feats(feats, position)
            elif isinstance(value, dict):
                _values(value, position, attr)
    return pattern


def _values(value: Any, position: int, attr: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        values: list[str] = []
        for key, inner in value.items():
            if key not in _SET_KEYS:
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
