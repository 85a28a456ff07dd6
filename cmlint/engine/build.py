"""Building the engine: the spaCy pipeline, the taxonomy and every rule, compiled once per process."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pymorphy3
import pymorphy3_dicts_ru
from pydantic import BaseModel, ValidationError
from spacy import about as spacy_about
from spacy.language import Language

import cmlint
from cmlint.analysis import Analyzer
from cmlint.config import Config, ConfigError
from cmlint.engine import specs
from cmlint.engine.contexts import NEGATION_FILE, NegationWords
from cmlint.engine.pattern_rules import PatternRule
from cmlint.engine.registry import Check
from cmlint.engine.ruleset import (
    Rule,
    check_config_rules,
    check_unique,
    problems,
    python_rule,
    shipped_packs,
    user_packs,
)
from cmlint.engine.specs import PackError
from cmlint.matching import compiled as compiled_patterns, phrases
from cmlint.matching.compiled import CompiledPatterns
from cmlint.matching.pattern_set import SharedPatterns
from cmlint.matching.phrases import PhraseCompiler
from cmlint.matching.token_patterns import TokenPatternCheck
from cmlint.nlp import derivation, lemma_table, morphology as morphology_module, pipeline as pipeline_module, words
from cmlint.nlp.lemma_table import LemmaTable
from cmlint.nlp.morphology import Morphology
from cmlint.nlp.pipeline import build_nlp
from cmlint.nlp.words import LemmaCheck
from cmlint.occupations.model import OccupationModel, models_folder, shipped_model
from cmlint.resources import data_digest, load_yaml
from cmlint.roles import taxonomy as taxonomy_module
from cmlint.roles.evidence import MARKERS_FILE, Markers
from cmlint.roles.learned import shipped_head
from cmlint.roles.matching import RoleMatcher
from cmlint.roles.taxonomy import Taxonomy, load_taxonomy


@dataclass
class Engine:
    """Everything compiled once per process: pipeline, taxonomy, rules."""

    nlp: Language
    morphology: Morphology
    taxonomy: Taxonomy
    analyzer: Analyzer
    rules: list[Rule]


def build_engine(config: Config, checks: Mapping[str, Check[Any]]) -> Engine:
    """Compile the pipeline, the taxonomy and every pack; ``checks`` are the Python checks packs may name.

    The lemmas of the shipped rules' words, and which word list entries are
    lemmas, come from the cached table of :mod:`cmlint.nlp.lemma_table`
    when it matches the inputs, else from the tokenizer and pymorphy3 (and
    the table is written for the next time); words of a user's packs are
    asked when they are not in the table.  Phrases and token patterns an
    earlier build compiled and validated with the same inputs are read from
    :mod:`cmlint.matching.compiled` (which is rewritten when this build's differ).
    """
    taxonomy = load_taxonomy()
    packs = shipped_packs() + user_packs(config.extend_rules, config.base_dir)
    key = lemma_table.fingerprint(_lemma_inputs())
    table = lemma_table.load(key)
    morphology = Morphology(lemma_table=table.lemmas if table else None)
    if table is None:
        morphology.asked = {}
    nlp = build_nlp(morphology)
    def tokenize(text: str) -> list[str]:
        return [token.text for token in nlp.make_doc(text)]

    def phrase_words(text: str) -> list[str]:
        return [text] if text.isalpha() else tokenize(text)

    patterns_key = compiled_patterns.fingerprint(key)
    known = compiled_patterns.load(patterns_key) or CompiledPatterns()
    compiler = PhraseCompiler(morphology, phrase_words, known=known.phrases)
    check_tokens = TokenPatternCheck(known.token_patterns)
    verified = table.verified if table else set()
    context = LemmaCheck(morphology, tokenize, verified).context()
    shared = SharedPatterns(nlp.vocab)
    roles = RoleMatcher(nlp, taxonomy, compiler, shared, check_tokens)
    markers = _validated(Markers, MARKERS_FILE, context)
    model, head = _models()
    analyzer = Analyzer(nlp, roles, model, markers, config.roles, head)
    negation = _validated(NegationWords, NEGATION_FILE, context)
    specs = [(source, spec, pack.macros) for source, pack in packs for spec in pack.rules]
    check_unique([(source, spec) for source, spec, _ in specs])
    check_config_rules(config, [spec for _, spec, _ in specs])
    rules: list[Rule] = []
    for source, spec, macros in specs:
        unknown = [role for role in spec.title_roles if role not in taxonomy.roles]
        if unknown:
            raise PackError(f"{source}: правило {spec.code}: title_roles: неизвестные роли {', '.join(unknown)}")
        if spec.kind == "python":
            rules.append(python_rule(spec, source, checks, config, context))
        else:
            rules.append(PatternRule(spec, shared, compiler, {**macros, **spec.macros}, source, negation, check_tokens))
    if morphology.asked is not None:
        lemma_table.save(key, LemmaTable(morphology.asked, verified))
        morphology.asked = None
    if compiler.compiled.keys() != known.phrases.keys() or check_tokens.valid != known.token_patterns:
        compiled_patterns.save(patterns_key, CompiledPatterns(compiler.compiled, check_tokens.valid))
    return Engine(nlp, morphology, taxonomy, analyzer, rules)


Data = TypeVar("Data", bound=BaseModel)


def _validated(model: type[Data], name: str, context: dict[str, Any]) -> Data:
    """A shipped data file as ``model``, every word list checked to be lemmas."""
    try:
        return model.model_validate(load_yaml(name), context=context)
    except ValidationError as error:
        raise PackError(f"rules/{name}: {problems(error, '')}") from None


def _lemma_inputs() -> Iterator[str]:
    """Everything the lemmas of the shipped rules' words and the lemma check's verdicts depend on: the shipped
    data files as they are (rules, taxonomy, lexicon), the code that reads them and asks, and what it asks."""
    yield cmlint.__version__
    yield f"pymorphy3 {pymorphy3.__version__}, dictionaries {pymorphy3_dicts_ru.__version__}"
    yield f"spaCy {spacy_about.__version__}"
    for module in (derivation, morphology_module, phrases, pipeline_module, words, specs, taxonomy_module):
        yield Path(str(module.__file__)).read_text(encoding="utf-8")
    yield data_digest().hex()


def _models() -> tuple[OccupationModel, OccupationModel | None]:
    """The occupation model and the fine-role head; missing or unreadable files (in a folder ``$CMLINT_MODELS_DIR``
    names, say) are a :class:`ConfigError` that names the folder and the file."""
    try:
        return shipped_model(), shipped_head()
    except FileNotFoundError as error:
        raise ConfigError(f"модели не прочитаны из {models_folder()}: нет файла {error.filename}") from None
    except (OSError, ValueError) as error:
        raise ConfigError(f"модели не прочитаны из {models_folder()}: {error}") from None
