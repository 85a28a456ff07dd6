"""The spaCy pipeline: ``spacy.blank("ru")`` plus our pymorphy3 component.

spaCy's trained Russian pipelines are not on PyPI, and the blank pipeline's
lemmatizer cannot resolve ambiguous forms without POS tags, so lemma, POS and
morphology come from :class:`~cmlint.nlp.morphology.Morphology`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

import numpy
from spacy.attrs import LEMMA, ORTH, POS
from spacy.lang.ru import Russian
from spacy.language import BaseDefaults, Language
from spacy.symbols import IDS
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, MorphAnalysis, Token
from spacy.util import registry

from cmlint.nlp.morphology import Morphology
from cmlint.text.stored_regex import compile_all

if TYPE_CHECKING:
    from thinc.types import Ints2d

MORPH_COMPONENT = "cmlint_morphology"
#: The registered name of our tokenizer (:func:`_make_tokenizer`), as the pipeline's config names it.
TOKENIZER = "cmlint.russian_tokenizer.v1"

# Split what job-board scrapes glue together: «чатов;-модерация»,
# «•Ведение», «расчетаВедение» (a lower-case letter directly followed by an
# upper-case word starts a new list item); a comma or a colon between a number
# and a word, written without a space («возраст:18-25,опыт», «мужчина,30»,
# «жен.,до 35»), and a word glued to a number («35лет», «170см»; one letter
# stays: «1с», «100к»). A decimal comma and a time («1,5», «10:00») stay whole.
# A list number glued to its item («Требования:1)опыт», «2)знание») is split off too, and so is a bracket
# that opens a name right after a word («местные(Ступино)»; a lower-case ending stays: «Упаковщик(ца)»), emoji
# glued to words («‼️Требуется», «ресторан‼️Требования») and a sentence end glued to a number and a capitalised
# word («рост от 165.График»). An upper-case run glued to a capitalised word splits («РФОпыт»), an abbreviation
# with its case ending does not («за МКАДом», «ВУЗов»).
#: A case ending an abbreviation takes without a hyphen («МКАДом», «ВУЗов», «ГОСТами»): no capitalised word.
_CASE_ENDING = r"(?:ом|ем|ой|ей|ою|ам|ям|ах|ях|ов|ев|ами|ями)"
_EMOJI = r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55\u203C\u2049\uFE0F\u200D]+"
_EXTRA_INFIXES = [
    r"[;•·▪►✓✔|]",
    _EMOJI,
    r"(?<=[а-яё])(?=[А-ЯЁ][а-яё])",
    r"(?<=[А-ЯЁ]{2})(?=[А-ЯЁ](?!" + _CASE_ENDING + r"(?![а-яё]))[а-яё]{2})",
    r"(?<=[\w)])(?=[-–—][А-ЯЁа-яё])",
    r"(?<=\d),(?=[^\W\d_])",
    r"(?<=[^\W\d_.]),(?=\d)",
    r"(?<=[.)]),(?=\w)",
    r"(?:(?<=\d)(?<![\w.,/]\d)(?<!\d:\d)|(?<=\d\d)(?<![\w.,/]\d\d)(?<!\d:\d\d))\)(?=[^\W\d_])",
    r"(?<=[^\W\d_]):(?=\d)",
    r"(?<=\d)(?=[а-яё]{2})",
    r"(?<=[а-яё]{2})\((?=[А-ЯЁ][а-яё])",
    r"(?<=\d)[.!?](?=[А-ЯЁ][а-яё]{2})",
]
_EXTRA_PREFIXES = [r"[•·▪►✓✔–—]", _EMOJI]
_EXTRA_SUFFIXES = [r"(?<=[\w).;!?])[-–—]+", r"(?<=\w)/+", _EMOJI]


#: Where the component keeps, per token, its strings and features (:class:`~cmlint.matching.lemma_matcher.TokenView`)
#: and its morphology to write (:func:`write_morph`).
TOKENS = "cmlint.tokens"
MORPHS = "cmlint.morphs"

#: What :class:`MorphologyComponent` keeps per word form.
_Row = tuple[bytes, str, str, str, str, frozenset[str], MorphAnalysis]


class MorphologyComponent:
    """Sets ``lemma`` and ``pos`` of every token from pymorphy3; its morphology is kept, not written.

    Per word form (orth hash) it caches the hashes to write (packed as two
    native ``uint64``, so a doc's table is one join of bytes) and what
    :class:`~cmlint.matching.lemma_matcher.TokenView` keeps (text, lower-cased
    text, lemma, POS, morphological features), with the form's morphology;
    the cache belongs to this pipeline's vocabulary and is bounded like the
    morphology cache.

    ``token.morph`` stays unset: ``Doc.from_array`` turns every token's
    features back into a string and parses it to write it (about 2 000
    instructions a token, 3 % of linting a posting), and only a spaCy
    ``Matcher`` with a ``MORPH`` test reads it, on a few tokens
    (:func:`write_morph`); the rest of cmlint reads the features
    (:func:`features`).
    """

    def __init__(self, nlp: Language, morphology: Morphology, cache_size: int = 100_000) -> None:
        self.vocab = nlp.vocab
        self.morphology = morphology
        #: UD features → their morphology and features (:meth:`_morph`).
        self._morphs: dict[str, tuple[MorphAnalysis, frozenset[str]]] = {}
        #: Orth hash → ((lemma, POS) hashes to write as packed bytes, text, lower-cased text, lemma, POS, features,
        #: morphology).
        self._rows: dict[int, _Row] = {}
        self._cache_size = cache_size

    def __call__(self, doc: Doc) -> Doc:
        """Set lemma and POS; keep the token strings and features in ``doc.user_data[TOKENS]`` and the morphology
        in ``doc.user_data[MORPHS]``."""
        rows = self._rows
        found = [rows.get(orth) or self._row(orth) for orth in doc.to_array(ORTH).tolist()]
        if not found:
            doc.user_data[TOKENS] = ([], [], [], [], [])
            doc.user_data[MORPHS] = ()
            return doc
        keys, text, lower, lemma, pos, feats, morphs = zip(*found, strict=True)
        table = numpy.frombuffer(bytearray(b"".join(keys)), dtype=numpy.uint64).reshape(len(found), 2)
        doc.from_array([LEMMA, POS], cast("Ints2d", table))
        doc.user_data[TOKENS] = (list(text), list(lower), list(lemma), list(pos), list(feats))
        doc.user_data[MORPHS] = morphs
        return doc

    def _row(self, orth: int) -> _Row:
        strings = self.vocab.strings
        text = strings[orth]
        analysis = self.morphology.analyze(text)
        morph, feats = self._morph(analysis.feats)
        keys = numpy.array((strings.add(analysis.lemma), IDS[analysis.pos]), dtype=numpy.uint64).tobytes()
        row = (keys, text, text.lower(), analysis.lemma, analysis.pos, feats, morph)
        if len(self._rows) >= self._cache_size:
            self._rows.clear()
        self._rows[orth] = row
        return row

    def _morph(self, feats: str) -> tuple[MorphAnalysis, frozenset[str]]:
        """The morphology of UD features and the features as spaCy's Matcher reads a token's (one ``Field=Value``
        per value), one pair per analysis."""
        found = self._morphs.get(feats)
        if found is None:
            morph = MorphAnalysis.from_id(self.vocab, self.vocab.morphology.add(feats))
            found = self._morphs[feats] = (morph, frozenset(morph))
        return found


def write_morph(doc: Doc, start: int, end: int) -> None:
    """Write the morphology the component kept into ``doc[start:end]``'s tokens, for a spaCy ``Matcher`` that
    tests it there (a doc made by another pipeline keeps its own)."""
    morphs = doc.user_data.get(MORPHS)
    if morphs is not None:
        for token, morph in zip(doc[start:end], morphs[start:end], strict=True):
            token.morph = morph


def features(token: Token) -> frozenset[str]:
    """A token's morphological features (``Field=Value``, one per value) as the component read them, or as a doc
    made by another pipeline has them on its tokens."""
    data = token.doc.user_data.get(TOKENS)
    return frozenset(token.morph) if data is None else data[4][token.i]


@Language.factory(MORPH_COMPONENT, default_config={})
def _make_morphology_component(nlp: Language, name: str) -> MorphologyComponent:
    return MorphologyComponent(nlp, Morphology())


def cacheable_exceptions(exceptions: dict[str, list[dict[int, str]]]) -> dict[str, list[dict[int, str]]]:
    """spaCy's special cases without those that only say one character is itself («\\n», «—», « »).

    One character is one token with or without such a case, so the tokens do not change; but every hit of
    a special case stops spaCy's tokenizer from caching the rest of the doc (it caches no word after one),
    and «\\n» hits at the first line break of every posting: without these cases the cache works and
    tokenizing takes a tenth of the time.  A case that sets more than the text («\\xa0» has a norm) stays.
    """
    return {orth: case for orth, case in exceptions.items() if not (len(orth) == 1 and case == [{ORTH: orth}])}


@registry.tokenizers(TOKENIZER)
def _make_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's Russian tokenizer with our extra affix rules, built in one go."""

    def create(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        prefixes, suffixes, infixes = compile_all(affix_expressions(defaults))
        return Tokenizer(
            nlp.vocab,
            rules=cacheable_exceptions(defaults.tokenizer_exceptions),
            prefix_search=prefixes.search,
            suffix_search=suffixes.search,
            infix_finditer=infixes.finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return create


def affix_expressions(defaults: type[BaseDefaults]) -> list[str]:
    """The prefix, suffix and infix expressions of the language's rules and ours, joined as spaCy's
    ``compile_prefix_regex``, ``compile_suffix_regex`` and ``compile_infix_regex`` join them (compiled by
    :func:`~cmlint.text.stored_regex.compile_all` instead, which keeps their programs between runs)."""
    prefixes = [*_EXTRA_PREFIXES, *_texts(defaults.prefixes)]
    suffixes = [*_EXTRA_SUFFIXES, *_texts(defaults.suffixes)]
    infixes = [*_texts(defaults.infixes), *_EXTRA_INFIXES]
    return [
        "|".join("^" + piece for piece in prefixes if piece.strip()),
        "|".join(piece + "$" for piece in suffixes if piece.strip()),
        "|".join(piece for piece in infixes if piece.strip()),
    ]


def _texts(pieces: Sequence[str | re.Pattern[str]] | None) -> list[str]:
    """The language's affix rules as expression texts (a rule may be given compiled)."""
    return [piece if isinstance(piece, str) else piece.pattern for piece in pieces or ()]


def build_nlp(morphology: Morphology | None = None) -> Language:
    """A blank Russian pipeline with our tokenizer rules and morphology.

    The pipeline is ``spacy.blank("ru")`` with our tokenizer, made by the language class itself with the tokenizer
    handed over (``create_tokenizer``): ``spacy.blank`` with a config naming the tokenizer builds the same pipeline
    but first fills and validates a whole training config, a tenth of a second of ``cmlint check one.txt``.  The
    config still names our tokenizer.
    """
    nlp = Russian(create_tokenizer=_make_tokenizer())
    nlp.config["nlp"]["tokenizer"] = {"@tokenizers": TOKENIZER}
    component = nlp.add_pipe(MORPH_COMPONENT)
    if morphology is not None:
        component.morphology = morphology
    return nlp
