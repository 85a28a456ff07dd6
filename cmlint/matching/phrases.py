"""The phrase DSL: natural Russian phrases compiled to matcher steps.

An author writes «холодные звонки»; every word is lemmatized with all its
possible readings, so «холодных звонков», «холодным звонкам» … match too.

Syntax of a phrase (words separated by spaces):

- ``a|b|c`` — any of the words (each lemmatized; «офлайн-встреча|митап» mixes
  compound and simple words);
- ``(a b|c d)`` — any of several multi-word phrases («(холодный звонок|обзвон базы)»);
  ``(a b|c d)?`` — the same, or nothing;
- ``word?`` — the word may be absent;
- ``...`` — up to three arbitrary words (no punctuation) in between, then perhaps a dash or a colon («иностранные
  граждане — не рассматриваются»); ``...6`` — up to six (one digit, 1–9);
- ``$NAME`` — a macro defined in the pack (a word group such as «организовывать|проводить|организация»);
- ``=word`` — match the exact word form (lower-cased), without lemmatizing;
- ``#NUM`` — any number («25», «двадцать»); ``#NUM:14-80`` — a number in digits between the bounds;
- hyphens inside words («контент-план») match with or without the hyphen.

A compiler made with ``english_forms`` also matches the English forms of an
English word («welcome member» matches «welcoming new members»; see
:mod:`cmlint.nlp.english`): pymorphy3 does not lemmatize English.

Between consecutive words a hyphen, dash, colon or quote and up to two modifiers (adjectives and
participles, adverbs, determiners, numerals, pronouns, prepositions) may
stand: «звонить клиентам» matches «звонить потенциальным клиентам»,
«отвечать сообщения» matches «отвечать на сообщения», «комьюнити менеджер»
matches «комьюнити-менеджер».

A phrase compiles straight to :class:`~cmlint.matching.steps.Step` tuples for
:class:`~cmlint.matching.lemma_matcher.LemmaMatcher`.  Full spaCy token
patterns are a separate input (:mod:`cmlint.matching.token_patterns`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping

from cmlint.matching.steps import ANY_WORD, GAP, GAP_LINK, HYPHEN, NUMBER, Kind, Step, StepPattern
from cmlint.nlp.english import inflections
from cmlint.nlp.morphology import Morphology

_WORD_SPLIT = re.compile(r"(-)")
#: Arbitrary words in between: «...» (three) or «...6».
_GAP_WORDS = re.compile(r"\.\.\.([1-9])?")
_MACRO = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_GROUP = re.compile(r"\(([^()]*)\)(\?)?")
_MAX_EXPANSION = 64
_TOO_MANY = f"слишком много вариантов (больше {_MAX_EXPANSION}); разбейте фразу на несколько"
#: A phrase as compiled: whether English forms were added, and the phrase with its macros expanded.
PhraseKey = tuple[bool, str]


class PatternError(ValueError):
    """A phrase or token pattern that cannot be compiled; the message says why."""


class PhraseCompiler:
    """Turns phrases into step patterns with one morphology and tokenizer."""

    def __init__(
        self,
        morphology: Morphology,
        tokenize: Callable[[str], list[str]],
        english_forms: bool = False,
        known: Mapping[PhraseKey, list[StepPattern]] | None = None,
    ) -> None:
        self.morphology = morphology
        self.tokenize = tokenize
        self.english_forms = english_forms
        #: Each alternative's steps, compiled once: the packs and the taxonomy repeat their words (macros
        #: above all), and lemmatizing a word with all its readings is most of compiling a phrase.
        self._alternatives: dict[str, StepPattern] = {}
        #: Phrases an earlier run compiled with the same morphology and code (:mod:`cmlint.matching.compiled`).
        self._known: Mapping[PhraseKey, list[StepPattern]] = known or {}
        #: Every phrase this compiler and its English twin compiled or found in ``known``.
        self.compiled: dict[PhraseKey, list[StepPattern]] = {}

    def with_english_forms(self) -> PhraseCompiler:
        """The same compiler that also matches the English forms of English words (sharing what is compiled)."""
        twin = PhraseCompiler(self.morphology, self.tokenize, english_forms=True, known=self._known)
        twin.compiled = self.compiled
        return twin

    def compile(self, phrase: str, macros: Mapping[str, str] | None = None) -> list[StepPattern]:
        """Compile one phrase into step patterns (several when alternatives differ in length).

        Raises :class:`PatternError` on a bad phrase.
        """
        with_macros = _expand_macros(phrase, macros or {})
        key = (self.english_forms, with_macros)
        patterns = self.compiled.get(key)
        if patterns is None:
            patterns = self._known.get(key)
        if patterns is None:
            patterns = self._compile_expanded(with_macros)
        self.compiled[key] = patterns
        return list(patterns)

    def _compile_expanded(self, with_macros: str) -> list[StepPattern]:
        # Counted before expanding: 24 «(а|б)» groups would be 16 million phrases.
        variants = math.prod(group[1].count("|") + 1 + bool(group[2]) for group in _GROUP.finditer(with_macros))
        if variants > _MAX_EXPANSION:
            raise PatternError(_TOO_MANY)
        patterns = [p for variant in _expand_groups(with_macros) for p in self._compile_simple(variant)]
        if len(patterns) > _MAX_EXPANSION:
            raise PatternError(_TOO_MANY)
        return patterns

    def _compile_simple(self, phrase: str) -> list[StepPattern]:
        words = phrase.split()
        if not words:
            raise PatternError("пустая фраза")
        patterns: list[StepPattern] = [()]
        for index, word in enumerate(words):
            gap = _GAP_WORDS.fullmatch(word)
            if gap:
                if index == 0 or index == len(words) - 1:
                    raise PatternError("«...» не может стоять в начале или в конце фразы")
                patterns = [p + (ANY_WORD,) * int(gap.group(1) or 3) + (GAP_LINK,) for p in patterns]
                continue
            joint: StepPattern = (GAP,) if index and not _GAP_WORDS.fullmatch(words[index - 1]) else ()
            patterns = [p + joint + alternative for p in patterns for alternative in self._word(word)]
            if len(patterns) > _MAX_EXPANSION:
                raise PatternError(_TOO_MANY)
        if any(all(step.optional for step in pattern) for pattern in patterns):
            raise PatternError("во фразе должно быть хотя бы одно обязательное слово")
        return patterns

    def _word(self, word: str) -> list[StepPattern]:
        """The step sequences one word of a phrase may match."""
        if word == "?":
            raise PatternError("«?» должен стоять сразу после слова или скобки")
        optional = word.endswith("?") and len(word) > 1
        if optional:
            word = word[:-1]
        alternatives = [alt for alt in word.split("|") if alt]
        if not alternatives:
            raise PatternError(f"пустое слово в «{word}»")
        sequences = [self._alternative(alt) for alt in alternatives]
        singles = [s[0] for s in sequences if len(s) == 1]
        result = [s for s in sequences if len(s) != 1]
        if singles:
            result.insert(0, (singles[0] if len(singles) == 1 else _merge_alternatives(singles),))
        if optional:
            if len(result) != 1 or len(result[0]) != 1:
                raise PatternError(f"«{word}?»: необязательным может быть только одно слово")
            (step,) = result[0]
            result = [(Step(step.kind, step.values, optional=True),)]
        return result

    def _alternative(self, alt: str) -> StepPattern:
        steps = self._alternatives.get(alt)
        if steps is None:
            steps = self._alternatives[alt] = self._compile_alternative(alt)
        return steps

    def _compile_alternative(self, alt: str) -> StepPattern:
        if alt == "#NUM":
            return (NUMBER,)
        if alt.startswith("#NUM:"):
            return (_number_range(alt),)
        exact = alt.startswith("=")
        steps: list[Step] = []
        for part in (p for p in _WORD_SPLIT.split(alt.removeprefix("=")) if p):
            if part == "-":
                steps.append(HYPHEN)
                continue
            for piece in self.tokenize(part):
                if exact:
                    steps.append(Step(Kind.LOWER, frozenset([piece.lower()])))
                else:
                    lemmas = frozenset(self.morphology.lemmas(piece))
                    english = self.english_forms and piece.isascii()
                    steps.append(Step(Kind.LEMMA, lemmas | inflections(piece) if english else lemmas))
        if not steps or all(step.optional for step in steps):
            hint = "дефис или тире между словами фразы писать не нужно — они допускаются и так"
            raise PatternError(f"«{alt}»: в слове нет букв ({hint})")
        return tuple(steps)


_RANGE = re.compile(r"#NUM:(\d{1,9})-(\d{1,9})")


def _number_range(alt: str) -> Step:
    match = _RANGE.fullmatch(alt)
    if match is None or int(match[1]) > int(match[2]):
        raise PatternError(f"«{alt}»: диапазон чисел пишется как #NUM:14-80")
    return Step(Kind.RANGE, frozenset(), bounds=(int(match[1]), int(match[2])))


def _expand_macros(phrase: str, macros: Mapping[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise PatternError(f"неизвестный макрос ${name}")
        return macros[name]

    return _MACRO.sub(replace, phrase)


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
    if match.group(2):
        alternatives.append("")
    head, tail = phrase[: match.start()], phrase[match.end():]
    return [variant for alt in alternatives for variant in _expand_groups(f"{head} {alt} {tail}")]


def _merge_alternatives(steps: list[Step]) -> Step:
    """One step for ``a|b|=c``: lemmas and exact forms together."""
    lemmas: set[str] = set()
    lowers: set[str] = set()
    for step in steps:
        if step.kind in (Kind.POS, Kind.RANGE):
            raise PatternError("#NUM нельзя объединять с другими вариантами через |")
        if step.kind is Kind.ORTH:
            raise PatternError("дефис не может быть вариантом")
        (lowers if step.kind is Kind.LOWER else lemmas).update(step.values)
    if lemmas:
        # A step tests one column: exact forms join the lemma set (an unknown word is its own lemma).
        return Step(Kind.LEMMA, frozenset(lemmas | lowers))
    return Step(Kind.LOWER, frozenset(lowers))
