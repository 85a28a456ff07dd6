"""Russian morphology: pymorphy3 with a domain lexicon and a bounded cache.

pymorphy3 guesses wrong on job jargon («тикет» → «тикетовый», «ивенты» →
«ивента»).  The lexicon in ``rules/lexicon.yaml`` fixes those words: an entry
either declines like a model word (``like: билет``) or does not decline at all
(``fixed: true``), and may list misspellings that mean the same word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import pymorphy3
from pydantic import BaseModel, ConfigDict, Field, model_validator

from cmlint.factories import new_list
from cmlint.memo import BoundedMemo
from cmlint.nlp.derivation import base_of
from cmlint.resources import load_yaml

# OpenCorpora part of speech → Universal Dependencies UPOS.  Full participles
# are ADJ (with VerbForm=Part): in a noun phrase they behave like adjectives.
_POS = {
    "NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB",
    "INFN": "VERB", "PRTF": "ADJ", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM",
    "ADVB": "ADV", "NPRO": "PRON", "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ",
    "PRCL": "PART", "INTJ": "INTJ",
}
# OpenCorpora grammeme → (UD feature, value).
_FEATS = {
    "nomn": ("Case", "Nom"), "gent": ("Case", "Gen"), "gen2": ("Case", "Gen"),
    "datv": ("Case", "Dat"), "accs": ("Case", "Acc"), "acc2": ("Case", "Acc"),
    "ablt": ("Case", "Ins"), "loct": ("Case", "Loc"), "loc2": ("Case", "Loc"),
    "voct": ("Case", "Voc"), "sing": ("Number", "Sing"), "plur": ("Number", "Plur"),
    "masc": ("Gender", "Masc"), "femn": ("Gender", "Fem"), "neut": ("Gender", "Neut"),
    "anim": ("Animacy", "Anim"), "inan": ("Animacy", "Inan"),
    "perf": ("Aspect", "Perf"), "impf": ("Aspect", "Imp"),
    "pres": ("Tense", "Pres"), "past": ("Tense", "Past"), "futr": ("Tense", "Fut"),
    "1per": ("Person", "1"), "2per": ("Person", "2"), "3per": ("Person", "3"),
    "indc": ("Mood", "Ind"), "impr": ("Mood", "Imp"),
    "actv": ("Voice", "Act"), "pssv": ("Voice", "Pass"),
}
_VERB_FORM = {"INFN": "Inf", "PRTF": "Part", "PRTS": "Part", "GRND": "Conv", "VERB": "Fin"}

#: Every UD feature name and value the morphology can produce (for pack validation).
UD_FEATURES: dict[str, set[str]] = {}
for _feat, _value in _FEATS.values():
    UD_FEATURES.setdefault(_feat, set()).add(_value)
UD_FEATURES["VerbForm"] = set(_VERB_FORM.values())
UD_FEATURES["Variant"] = {"Short"}
UD_POS: set[str] = set(_POS.values()) | {"PROPN", "PUNCT", "NUM", "X", "SYM", "SPACE", "SCONJ"}


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a word: lemma, UD part of speech, UD features string."""

    lemma: str
    pos: str
    feats: str


def convert_tag(tag: pymorphy3.tagset.OpencorporaTag) -> tuple[str, str]:
    """Map a pymorphy3 tag to (UPOS, UD feature string)."""
    oc_pos = tag.POS
    if oc_pos is None:
        grammemes = tag.grammemes
        if "LATN" in grammemes or "UNKN" in grammemes:
            return "X", ""
        if "NUMB" in grammemes or "ROMN" in grammemes:
            return "NUM", ""
        if "PNCT" in grammemes:
            return "PUNCT", ""
        return "X", ""
    pos = _POS.get(oc_pos, "X")
    if pos == "NOUN" and ("Name" in tag.grammemes or "Surn" in tag.grammemes or "Geox" in tag.grammemes):
        pos = "PROPN"
    feats = {_FEATS[g][0]: _FEATS[g][1] for g in tag.grammemes if g in _FEATS}
    if oc_pos in _VERB_FORM:
        feats["VerbForm"] = _VERB_FORM[oc_pos]
    if oc_pos in ("ADJS", "PRTS"):
        feats["Variant"] = "Short"
    return pos, "|".join(f"{k}={feats[k]}" for k in sorted(feats))


class LexiconEntry(BaseModel):
    """A domain word: declines like a model word, or does not decline."""

    model_config = ConfigDict(extra="forbid")

    like: str | None = None
    fixed: bool = False
    pos: str = "NOUN"
    gender: str | None = None
    variants: list[str] = Field(default_factory=new_list)

    @model_validator(mode="after")
    def _one_paradigm(self) -> LexiconEntry:
        if bool(self.like) == self.fixed:
            raise ValueError("укажите либо like: <слово-образец>, либо fixed: true")
        if self.pos not in UD_POS:
            raise ValueError(f"неизвестная часть речи {self.pos!r}")
        return self


class Lexicon(BaseModel):
    """The domain lexicon file: lemma → entry."""

    model_config = ConfigDict(extra="forbid")

    words: dict[str, LexiconEntry]


class Morphology:
    """Word analysis with lexicon overrides and a bounded cache.

    ``analyze`` returns the single best reading of a word form; ``lemmas``
    returns every lemma the form may have (used to compile patterns so that
    an author's phrase matches whatever reading the text gets).
    """

    def __init__(
        self, lexicon: Lexicon | None = None, cache_size: int = 100_000, lemma_table: dict[str, list[str]] | None = None
    ) -> None:
        self._lexicon_model = lexicon if lexicon is not None else default_lexicon()
        self._cache: dict[str, Analysis] = {}
        self._parses: dict[str, list[pymorphy3.analyzer.Parse]] = {}
        #: Titles inflected, by (title, case, number) (see :func:`cmlint.nlp.inflect.inflect_title`).
        self.inflected: BoundedMemo[tuple[str, str, str], str] = BoundedMemo(_MEMO_SIZE)
        #: Per word, the case and number of its noun reading, or None when it reads as no noun (see
        #: :func:`cmlint.nlp.inflect.head_grammar`).
        self.noun_grammars: BoundedMemo[str, tuple[str, str] | None] = BoundedMemo(_MEMO_SIZE)
        #: Per word the lemma table does not hold, its lemmas (see :meth:`lemmas`): a title's words are asked of every
        #: posting that names the title, and a word the dictionary does not know costs a search for its base.
        self._lemmas_of: BoundedMemo[str, tuple[str, ...]] = BoundedMemo(_MEMO_SIZE)
        #: When a dict, every ``lemmas`` answer is recorded in it (to build the lemma table).
        self.asked: dict[str, list[str]] | None = None
        self._cache_size = cache_size
        self._lemma_table = lemma_table or {}

    def __reduce__(self) -> tuple[type[Morphology], tuple[Lexicon, int, dict[str, list[str]]]]:
        """Pickles as its lexicon, cache size and lemma table (the caches are rebuilt)."""
        return (Morphology, (self._lexicon_model, self._cache_size, self._lemma_table))

    @cached_property
    def analyzer(self) -> pymorphy3.MorphAnalyzer:
        return _shared_analyzer()

    @cached_property
    def overrides(self) -> dict[str, list[Analysis]]:
        """Lower-cased word form → readings from the domain lexicon."""
        table: dict[str, list[Analysis]] = {}
        for lemma, entry in self._lexicon_model.words.items():
            for form, analysis in self._expand(lemma, entry):
                table.setdefault(form, [])
                if analysis not in table[form]:
                    table[form].append(analysis)
        return table

    def _expand(self, lemma: str, entry: LexiconEntry) -> Iterable[tuple[str, Analysis]]:
        spellings = [lemma, *entry.variants]
        if entry.fixed:
            feats = f"Gender={entry.gender}" if entry.gender else ""
            for spelling in spellings:
                yield spelling.lower(), Analysis(lemma, entry.pos, feats)
            return
        assert entry.like is not None
        model = next(p for p in self.analyzer.parse(entry.like) if p.normal_form == entry.like)
        for form in model.lexeme:
            pos, feats = convert_tag(form.tag)
            if pos == "PROPN":
                pos = "NOUN"
            for spelling in spellings:
                yield _transfer(entry.like, form.word, spelling.lower()), Analysis(lemma, pos, feats)

    def analyze(self, word: str) -> Analysis:
        """The best reading of ``word`` (cached)."""
        found = self._cache.get(word)
        if found is not None:
            return found
        found = self._analyze(word)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[word] = found
        return found

    def _analyze(self, word: str) -> Analysis:
        lower = word.lower().replace("ё", "е")
        override = self.overrides.get(lower)
        if override:
            return override[0]
        if not any(ch.isalpha() for ch in word):
            return Analysis(lower, "NUM" if any(ch.isdigit() for ch in word) else "PUNCT", "")
        if not _CYRILLIC.search(word):
            return Analysis(lower, "X", "")
        try:
            parses = self.analyzer.parse(_verb_ending_fixed(word, self.analyzer))
        except ValueError:  # pymorphy3 fails on characters without a Unicode name
            return Analysis(lower, "X", "")
        best = _prefer_adjective(parses)
        pos, feats = convert_tag(best.tag)
        if pos == "X":
            return Analysis(lower, "X", "")
        return Analysis(self._family_lemma(word, best, parses), pos, feats)

    def _family_lemma(self, word: str, best: pymorphy3.analyzer.Parse, parses: list[pymorphy3.analyzer.Parse]) -> str:
        """The lemma of ``best``; for a word the dictionary does not know, the word a diminutive is made from
        (:mod:`cmlint.nlp.derivation`), tried on every guessed lemma of the same part of speech («татарочку» is
        guessed as «татарочко» first)."""
        lemma = best.normal_form.replace("ё", "е")
        if self.analyzer.word_is_known(word.lower()):
            return lemma
        same = [best, *(p for p in parses if p.tag.POS == best.tag.POS and p is not best)]
        return next((base for base in map(self._diminutive_base, same) if base is not None), lemma)

    def _diminutive_base(self, parse: pymorphy3.analyzer.Parse) -> str | None:
        """The word that ``parse`` of a word the dictionary does not know is a diminutive of, or None."""
        return base_of(parse.normal_form.replace("ё", "е"), convert_tag(parse.tag)[0], self.analyzer)

    def is_word(self, word: str) -> bool:
        """Whether the lower-case form ``word`` is in the dictionary or the domain lexicon (not a guess)."""
        return word.replace("ё", "е") in self.overrides or self.analyzer.word_is_known(word)

    def lemmas(self, word: str) -> list[str]:
        """Every lemma ``word`` may have, the best first."""
        known = self._lemma_table.get(word)
        if known is not None:
            return list(known)
        result = list(self._lemmas_of.get(word, lambda: tuple(self._lemmas(word))))
        if self.asked is not None:
            self.asked[word] = result
        return result

    def _lemmas(self, word: str) -> list[str]:
        lower = word.lower().replace("ё", "е")
        override = self.overrides.get(lower)
        if override:
            return list(dict.fromkeys(a.lemma for a in override))
        if not any(ch.isalpha() for ch in word) or not _CYRILLIC.search(word):
            return [lower]
        known = self.analyzer.word_is_known(lower)
        result: list[str] = []
        for parse in self.parses(word):
            lemma = parse.normal_form.replace("ё", "е") if parse.tag.POS else lower
            if not known:
                lemma = self._diminutive_base(parse) or lemma
            if lemma not in result:
                result.append(lemma)
        return result

    def parses(self, word: str) -> list[pymorphy3.analyzer.Parse]:
        """Raw pymorphy3 parses (for inflection; cached); none for words it cannot read."""
        found = self._parses.get(word)
        if found is None:
            try:
                found = self.analyzer.parse(word)
            except ValueError:
                found = []
            if len(self._parses) >= self._cache_size:
                self._parses.clear()
            self._parses[word] = found
        return found

    def cache_info(self) -> tuple[int, int]:
        """(entries, capacity) of the analysis cache."""
        return len(self._cache), self._cache_size


#: Entries of the derived memos (inflected titles, noun grammar) kept before they start again.
_MEMO_SIZE = 10_000
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_ADJ_ENDINGS = ("ое", "ая", "ый", "ий", "ой", "ее")


def _verb_ending_fixed(word: str, analyzer: pymorphy3.MorphAnalyzer) -> str:
    """``word`` with «-тся» and «-ться» swapped when only the swapped form is a known word: the commonest
    misspelling of Russian verbs («требуеться» is «требуется», «рассматриваються» is «рассматриваются»)."""
    lower = word.lower()
    if lower.endswith("ться"):
        swapped = word[:-4] + word[-4] + word[-2:]
    elif lower.endswith("тся"):
        swapped = word[:-3] + word[-3] + "ь" + word[-2:]
    else:
        return word
    if analyzer.word_is_known(lower) or not analyzer.word_is_known(swapped.lower()):
        return word
    return swapped


def _prefer_adjective(parses: list[pymorphy3.analyzer.Parse]) -> pymorphy3.analyzer.Parse:
    """Prefer an adjective over a substantivized one («холодные» → холодный, not «холодное»)."""
    best = parses[0]
    if best.tag.POS == "NOUN" and best.normal_form.endswith(_ADJ_ENDINGS):
        for parse in parses[1:]:
            if parse.tag.POS == "ADJF":
                return parse
    return best


def _transfer(model_lemma: str, model_form: str, lemma: str) -> str:
    """Apply the ending change model_lemma→model_form to ``lemma``."""
    common = 0
    for a, b in zip(model_lemma, model_form, strict=False):
        if a != b:
            break
        common += 1
    cut = len(model_lemma) - common
    stem = lemma[: len(lemma) - cut] if cut else lemma
    return stem + model_form[common:]


_ANALYZER: pymorphy3.MorphAnalyzer | None = None


def _shared_analyzer() -> pymorphy3.MorphAnalyzer:
    """One pymorphy3 analyzer per process (its dictionaries are read-only)."""
    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = pymorphy3.MorphAnalyzer()
    return _ANALYZER


def default_lexicon() -> Lexicon:
    """The lexicon shipped in ``rules/lexicon.yaml``."""
    return Lexicon.model_validate(load_yaml("lexicon.yaml"))
