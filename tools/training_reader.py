"""How the trainers read real postings: the title that labels a posting, and the posting's feature lines.

Both shipped models (``tools/train_occupations.py``, ``tools/train_roles.py``)
learn with the title as distant supervision and read a posting's lines the
way the linter does; this module is that reading, once.  A title is read
strictly (:class:`TitleLabels`): only the taxonomy's ``title_patterns`` count,
nothing else of the linter's title reader — hyphenated compounds,
``shared_titles``, ``title_objects``, context after «в», the speller — decides
a label, so fixes of the runtime reading do not silently change what a
shipped model was taught.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from cmlint.engine.build import Engine
from cmlint.matching.lemma_matcher import TokenView
from cmlint.matching.pattern_set import PatternSet
from cmlint.matching.phrases import PhraseCompiler
from cmlint.occupations.features import features, terms
from cmlint.occupations.model import fingerprint
from cmlint.roles.lines import read_items
from cmlint.roles.taxonomy import Role, Taxonomy
from cmlint.scoring import Scoring
from cmlint.text.normalize import normalize
from cmlint.text.segment import segment

#: The line weights of the default configuration: training reads lines the way the linter does.
SCORING = Scoring()
#: Postings of our own wording with every kind of text the trainers read — headings, bullets, numbered and
#: emoji items, prose, Latin words, requirements, conditions, a skills list, a scraped posting run into one
#: line with glued words, HTML: how they read fingerprints the text reading a model was trained on
#: (:func:`reading_fingerprint`).
PROBE = Path(__file__).with_name("reading_probe.txt")
#: The label a role's title names teach (``(role id, role) → label``).
Naming = Callable[[str, Role], str]


@dataclass(frozen=True, slots=True)
class Example:
    """The labelled lines of one posting."""

    label: str
    #: (features, weight, is a duty) of each line read.
    lines: list[tuple[list[str], float, bool]]
    body: str


class TitleLabels:
    """The strict reading of a title that labels training postings: the one label its names give.

    Every non-generic role's ``title_patterns`` give the label ``naming`` says;
    a name inside a longer name with another label gives way to it
    («Инженер-программист» is a developer, not an engineer).  A title with no
    label, or with several different ones, teaches nothing.
    """

    def __init__(self, taxonomy: Taxonomy, compiler: PhraseCompiler, nlp: Language, naming: Naming) -> None:
        self.nlp = nlp
        self._names: PatternSet[str] = PatternSet(nlp.vocab)
        for role_id, role in taxonomy.roles.items():
            if not role.generic:
                patterns = [p for phrase in role.title_patterns for p in compiler.compile(phrase, taxonomy.macros)]
                self._names.add(naming(role_id, role), patterns)

    def label(self, title: str) -> str | None:
        """The one label a title gives, or ``None``."""
        doc = self.nlp(title)
        found = self._names(doc, TokenView.of(doc))
        labels = {
            name
            for name, start, end in found
            if not any(other != name and s <= start and end <= e and e - s > end - start for other, s, e in found)
        }
        return labels.pop() if len(labels) == 1 else None


def strict_titles(engine: Engine, naming: Naming) -> TitleLabels:
    """The strict title reading with the engine's pipeline and morphology."""
    nlp = engine.nlp

    def tokenize(text: str) -> list[str]:
        return [token.text for token in nlp.make_doc(text)]

    return TitleLabels(engine.taxonomy, PhraseCompiler(engine.morphology, tokenize), nlp, naming)


class PostingReader:
    """Turns a posting's text into feature lines, the way the linter reads it."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def example(self, label: str, text: str) -> Example | None:
        """The posting's duty and requirement lines with their features under ``label`` (None: no line read)."""
        normalized = normalize(text)
        structure = segment(normalized.text, title_from_text=False)
        doc = self.nlp(normalized.text)
        view = TokenView.of(doc)
        starts = [token.idx for token in doc]
        lines: list[tuple[list[str], float, bool]] = []
        for index, weight, duty in read_items(structure, SCORING.evidence, SCORING.occupations):
            item = structure.items[index]
            first, last = bisect_left(starts, item.start), bisect_left(starts, item.end)
            found = features(terms(view.lemma, view.pos, first, last))
            if found:
                lines.append((found, weight, duty))
        return Example(label, lines, normalized.text) if lines else None


def read_labels(paths: Iterable[Path], titles: TitleLabels) -> dict[str, str | None]:
    """Every distinct title of JSONL files with the label it gives (``None``: the title teaches nothing)."""
    labels: dict[str, str | None] = {}
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                title = json.loads(line).get("title") or ""
                if title not in labels:
                    labels[title] = titles.label(title)
    return labels


def labelled_texts(paths: Iterable[Path], labels: Mapping[str, str | None]) -> Iterator[tuple[str, str]]:
    """(label, text) of every posting of JSONL files whose title gives a label."""
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                label = labels[record.get("title") or ""]
                if label is not None:
                    yield label, record.get("text") or ""


def read_examples(texts: Iterable[tuple[str, str]], reader: PostingReader) -> Iterator[Example]:
    """The examples of labelled texts; identical bodies count once (the first one's label)."""
    seen: set[str] = set()
    for label, text in texts:
        example = reader.example(label, text)
        if example is None:
            continue
        key = hashlib.sha256(example.body.encode("utf-8")).hexdigest()
        if key not in seen:
            seen.add(key)
            yield example


def learned(examples: list[Example], min_postings: int) -> tuple[list[str], list[Example]]:
    """What a model learns from: the labels with at least ``min_postings`` postings (sorted) and their examples."""
    per_label = Counter(example.label for example in examples)
    labels = sorted(label for label, n in per_label.items() if n >= min_postings)
    return labels, [example for example in examples if example.label in labels]


def label_fingerprint(labels: Mapping[str, str | None]) -> str:
    """A hash of every distinct title with the label it gives."""
    return fingerprint([json.dumps(sorted(labels.items(), key=str), ensure_ascii=False)])


def data_fingerprint(paths: Iterable[Path]) -> str:
    """The SHA-256 of the training files one after another (its first 16 hex digits)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def probe_postings() -> list[str]:
    """The postings of :data:`PROBE` (separated by lines ``===``)."""
    return PROBE.read_text(encoding="utf-8").split("\n===\n")


def reading_fingerprint(reader: PostingReader) -> str:
    """A hash of the feature lines, with their weights and kinds, that ``reader`` finds in the probe postings.

    The features depend on more code than the feature module: normalisation,
    segmentation into lines, the tokenizer, the lemmas and the line weights.
    Hashing those modules' sources would make every unrelated edit of them
    force a retrain; hashing what they make of a fixed text changes only
    when what the model sees changes."""
    examples = [reader.example("probe", text) for text in probe_postings()]
    return fingerprint([json.dumps(example.lines if example else None, ensure_ascii=False) for example in examples])
