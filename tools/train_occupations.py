"""Train the occupation model on real postings, with the title as distant supervision.

A posting titled «Водитель-экспедитор» teaches what a driver's duty lines
look like: the title is read with the taxonomy's title patterns only
(:class:`TitleNames`), and every duty line of the posting gets the title's
occupation as its label (requirement lines count half).  Postings whose title
names no occupation, or several different ones, teach nothing.  Identical
bodies count once.

    python -m tools.train_occupations [--data …/shared/eval/real/large/train.jsonl]

A fifth of the postings (chosen by a hash of the body, so by the data, not
by chance) is held out to report validation accuracy; the shipped model is
then trained on all of them.  Everything is seeded: the same data and code
give the same weights.  The raw postings never enter the repository; the
model card records fingerprints of the data file, of the code and title
patterns the labels and features come from, and of the labels themselves.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict
from spacy.language import Language

import cmlint.occupations.features as features_module
import cmlint.occupations.model as model_module
from cmlint.engine.build import Engine
from cmlint.linter import Linter
from cmlint.matching.lemma_matcher import TokenView
from cmlint.matching.pattern_set import PatternSet
from cmlint.matching.phrases import PhraseCompiler
from cmlint.occupations.features import features, terms
from cmlint.occupations.model import ModelCard, OccupationModel, fingerprint
from cmlint.roles.lines import read_items
from cmlint.roles.taxonomy import Taxonomy
from cmlint.scoring import Scoring
from cmlint.text.normalize import normalize
from cmlint.text.segment import segment
from tools.precision import data_dir

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "cmlint" / "occupations"
#: The line weights of the default configuration: training reads lines the way the linter does.
SCORING = Scoring()


class Parameters(BaseModel):
    """Everything that shapes the trained weights."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    min_count: int = 3
    epochs: int = 5
    learning_rate: float = 0.05
    l2: float = 3e-5
    prune: float = 0.15
    balance: float = 0.7
    batch: int = 512
    validation_share: float = 0.2
    min_postings: int = 8


@dataclass(frozen=True, slots=True)
class Example:
    """The labelled lines of one posting."""

    label: str
    #: (features, weight, is a duty) of each line read.
    lines: list[tuple[list[str], float, bool]]
    body: str


def default_data() -> Path:
    """The training split of the real postings (``$CMLINT_REAL_DATA`` or the nearest ``shared/eval/real`` above)."""
    return data_dir() / "large" / "train.jsonl"


def code_fingerprint(taxonomy: Taxonomy) -> str:
    """What the labels and features depend on: this script (with :class:`TitleNames`), the feature and
    model code, the title patterns with the macros they may use, and which occupation each role belongs to."""
    labels = {
        role_id: [role.title_patterns, taxonomy.occupation_of(role_id), role.generic]
        for role_id, role in taxonomy.roles.items()
    }
    sources = [Path(module.__file__).read_text(encoding="utf-8") for module in (features_module, model_module)]
    named = json.dumps([labels, taxonomy.macros], ensure_ascii=False, sort_keys=True)
    return fingerprint([*sources, Path(__file__).read_text(encoding="utf-8"), named])


def data_fingerprint(path: Path) -> str:
    """The SHA-256 of the training file (its first 16 hex digits)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def label_fingerprint(labels: Iterable[tuple[str, str | None]]) -> str:
    """A hash of every distinct title with the occupation it labels (``None``: the title teaches nothing)."""
    return fingerprint([json.dumps(sorted(set(labels), key=str), ensure_ascii=False)])


class TitleNames:
    """The strict reading of a title that labels the training postings: the occupations its patterns name.

    Only the taxonomy's ``title_patterns`` count (a name inside a longer name
    of another occupation gives way to it); nothing else of the linter's title
    reader — hyphenated compounds, ``shared_titles``, ``title_objects``,
    context after «в», the speller — decides a label.  So the labels depend on
    what :func:`code_fingerprint` covers, and fixes of the runtime reading do
    not silently change what the shipped model was taught.
    """

    def __init__(self, taxonomy: Taxonomy, compiler: PhraseCompiler, nlp: Language) -> None:
        self.nlp = nlp
        self._names: PatternSet[str] = PatternSet(nlp.vocab)
        for role_id, role in taxonomy.roles.items():
            if not role.generic:
                patterns = [p for phrase in role.title_patterns for p in compiler.compile(phrase, taxonomy.macros)]
                self._names.add(taxonomy.occupation_of(role_id), patterns)

    def label(self, title: str) -> str | None:
        """The one occupation a title names, or ``None``."""
        doc = self.nlp(title)
        found = self._names(doc, TokenView.of(doc))
        occupations = {
            name
            for name, start, end in found
            if not any(other != name and s <= start and end <= e and e - s > end - start for other, s, e in found)
        }
        return occupations.pop() if len(occupations) == 1 else None


def title_names(engine: Engine) -> TitleNames:
    """The strict title reading with the engine's pipeline and morphology."""
    nlp = engine.nlp

    def tokenize(text: str) -> list[str]:
        return [token.text for token in nlp.make_doc(text)]

    return TitleNames(engine.taxonomy, PhraseCompiler(engine.morphology, tokenize), nlp)


def title_labels(path: Path, names: TitleNames) -> Iterator[tuple[str, str | None]]:
    """Every title of a JSONL file with the occupation it labels."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            title = json.loads(line).get("title") or ""
            yield title, names.label(title)


class Extractor:
    """Turns a raw posting into labelled feature lines, the way the linter reads it."""

    def __init__(self, parameters: Parameters) -> None:
        engine = Linter().engine
        self.nlp = engine.nlp
        self.taxonomy = engine.taxonomy
        self.titles = title_names(engine)
        self.parameters = parameters
        #: Every title read so far with its label (for the card's label fingerprint).
        self.labels: dict[str, str | None] = {}

    def example(self, record: dict[str, str]) -> Example | None:
        title = record.get("title") or ""
        label = self.labels[title] = self.titles.label(title)
        if label is None:
            return None
        normalized = normalize(record.get("text") or "")
        structure = segment(normalized.text, title_from_text=False)
        doc = self.nlp(normalized.text)
        view = TokenView.of(doc)
        starts = [token.idx for token in doc]
        lines: list[tuple[list[str], float, bool]] = []
        for index, weight, duty in read_items(structure, SCORING.evidence, SCORING.occupations):
            item = structure.items[index]
            found = features(
                terms(view.lemma, view.pos, bisect_left(starts, item.start), bisect_left(starts, item.end))
            )
            if found:
                lines.append((found, weight, duty))
        return Example(label, lines, normalized.text) if lines else None


def read_examples(path: Path, extractor: Extractor) -> Iterator[Example]:
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            example = extractor.example(json.loads(line))
            if example is None:
                continue
            key = hashlib.sha256(example.body.encode("utf-8")).hexdigest()
            if key not in seen:
                seen.add(key)
                yield example


def held_out(example: Example, share: float) -> bool:
    """Whether an example belongs to the validation part (decided by a hash of its body)."""
    return int(hashlib.sha256(example.body.encode("utf-8")).hexdigest()[:8], 16) < share * 0x1_0000_0000


def train(
    examples: list[Example], labels: list[str], parameters: Parameters, seed: int
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Multinomial logistic regression by mini-batch Adam; returns vocabulary, weights and bias.

    The learning rate falls linearly to zero over the run, so the weights settle
    near the optimum instead of ending wherever the last batches left them: at
    a constant rate two seeds differed by 1.2 points of validation top-1 (0.791
    and 0.779), with the decay by 0.4 (0.816 and 0.820).

    Features whose weights all stay below ``prune`` in size are dropped: they barely move a
    prediction and would only make the shipped model larger.
    """
    counts = Counter(f for example in examples for line, _, _ in example.lines for f in line)
    vocabulary = sorted(f for f, n in counts.items() if n >= parameters.min_count)
    index = {f: i for i, f in enumerate(vocabulary)}
    label_index = {label: i for i, label in enumerate(labels)}
    rows: list[np.ndarray] = []
    targets: list[int] = []
    weights: list[float] = []
    per_label = Counter(example.label for example in examples for _ in example.lines)
    for example in examples:
        for line, weight, _ in example.lines:
            known = np.array([index[f] for f in line if f in index], dtype=np.int64)
            if len(known):
                rows.append(known)
                targets.append(label_index[example.label])
                weights.append(weight * per_label[example.label] ** -parameters.balance)
    sample_weight = np.array(weights) / np.mean(weights)
    target = np.array(targets)
    w = np.zeros((len(vocabulary), len(labels)), np.float32)
    b = np.zeros(len(labels), np.float32)
    moments = [[np.zeros_like(w), np.zeros_like(w)], [np.zeros_like(b), np.zeros_like(b)]]
    rng = np.random.default_rng(seed)
    step = 0
    steps = parameters.epochs * -(-len(rows) // parameters.batch)
    for _ in range(parameters.epochs):
        order = rng.permutation(len(rows))
        for begin in range(0, len(rows), parameters.batch):
            batch = order[begin : begin + parameters.batch]
            lengths = np.array([len(rows[i]) for i in batch])
            flat = np.concatenate([rows[i] for i in batch])
            owner = np.repeat(np.arange(len(batch)), lengths)
            scores = np.zeros((len(batch), len(labels)), np.float32)
            np.add.at(scores, owner, w[flat])
            scores += b
            scores -= scores.max(axis=1, keepdims=True)
            probabilities = np.exp(scores)
            probabilities /= probabilities.sum(axis=1, keepdims=True)
            gradient = probabilities
            gradient[np.arange(len(batch)), target[batch]] -= 1
            gradient *= sample_weight[batch, None] / len(batch)
            grad_w = parameters.l2 * w
            np.add.at(grad_w, flat, gradient[owner])
            rate = parameters.learning_rate * (1 - step / steps)
            step += 1
            for value, grad, (first, second) in ((w, grad_w, moments[0]), (b, gradient.sum(axis=0), moments[1])):
                first *= 0.9
                first += 0.1 * grad
                second *= 0.999
                second += 0.001 * grad * grad
                value -= rate * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    keep = np.abs(w).max(axis=1) >= parameters.prune
    return [f for f, kept in zip(vocabulary, keep, strict=True) if kept], w[keep], b


def posting_scores(model: OccupationModel, example: Example) -> np.ndarray:
    """A posting's occupation scores: the weighted sum of its duty lines' probabilities."""
    chosen = [(line, weight) for line, weight, duty in example.lines if duty] or [
        (line, w) for line, w, _ in example.lines
    ]
    probabilities = model.predict([line for line, _ in chosen])
    return (probabilities * np.array([weight for _, weight in chosen])[:, None]).sum(axis=0)


def validate(model: OccupationModel, examples: list[Example]) -> dict[str, float]:
    """Top-1 and top-2 accuracy of the posting's occupation on held-out examples."""
    top1 = top2 = 0
    for example in examples:
        order = np.argsort(-posting_scores(model, example))
        best = [model.labels[i] for i in order[:2]]
        top1 += best[0] == example.label
        top2 += example.label in best
    return {
        "postings": float(len(examples)),
        "top1": round(top1 / len(examples), 3),
        "top2": round(top2 / len(examples), 3),
    }


def confusion(model: OccupationModel, examples: list[Example]) -> dict[str, dict[str, int]]:
    """Per title occupation, how many held-out postings there are and how many read as each other occupation
    (the model's top occupation of the posting), for the neighbours of :class:`ModelCard`."""
    found: dict[str, Counter[str]] = {}
    for example in examples:
        row = found.setdefault(example.label, Counter())
        row["postings"] += 1
        top = model.labels[int(np.argmax(posting_scores(model, example)))]
        if top != example.label:
            row[top] += 1
    return {label: dict(sorted(row.items())) for label, row in sorted(found.items())}


def market_titles(path: Path, taxonomy: Taxonomy) -> dict[str, list[tuple[str, int]]]:
    """Per role, the taxonomy's candidate titles that real postings carry, most used first (with counts)."""
    used = Counter(_plain(json.loads(line).get("title") or "") for line in path.open(encoding="utf-8"))
    found: dict[str, list[tuple[str, int]]] = {}
    for role_id, role in taxonomy.roles.items():
        counted = [(title, used[_plain(title)]) for title in role.titles if used[_plain(title)]]
        if counted:
            found[role_id] = sorted(counted, key=lambda pair: -pair[1])
    return found


def _plain(title: str) -> str:
    return " ".join(title.casefold().replace("ё", "е").split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Обучить модель профессий на реальных вакансиях.")
    parser.add_argument(
        "--data", type=Path, help="JSONL с полями title и text (по умолчанию shared/eval/real/large/train.jsonl)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="папка для файлов модели")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--held-out-only", action="store_true", help="обучить только на 80 %% (для подбора порогов на отложенной части)"
    )
    args = parser.parse_args(argv)
    data: Path = args.data or default_data()
    if not data.is_file():
        print(f"train_occupations: нет файла с обучающими вакансиями {data}; укажите его в --data", file=sys.stderr)
        return 2
    parameters = Parameters()
    started = time.monotonic()
    extractor = Extractor(parameters)
    examples = list(read_examples(data, extractor))
    labels_read = label_fingerprint(extractor.labels.items())
    per_label = Counter(example.label for example in examples)
    labels = sorted(label for label, n in per_label.items() if n >= parameters.min_postings)
    examples = [example for example in examples if example.label in labels]
    print(f"{len(examples)} вакансий, {len(labels)} профессий ({time.monotonic() - started:.0f} с)", file=sys.stderr)
    training = [e for e in examples if not held_out(e, parameters.validation_share)]
    validation = [e for e in examples if held_out(e, parameters.validation_share)]

    def card(
        final: list[Example], features: int, scores: dict[str, float], confused: dict[str, dict[str, int]]
    ) -> ModelCard:
        return ModelCard(
            labels=labels,
            features=features,
            code_fingerprint=code_fingerprint(extractor.taxonomy),
            data_fingerprint=data_fingerprint(data),
            label_fingerprint=labels_read,
            postings=len(final),
            lines=sum(len(example.lines) for example in final),
            seed=args.seed,
            parameters={k: float(v) for k, v in parameters.model_dump().items()},
            validation=scores,
            market_titles=market_titles(data, extractor.taxonomy),
            confusion=confused,
        )

    vocabulary, w, b = train(training, labels, parameters, args.seed)
    held_model = OccupationModel(card(training, len(vocabulary), {}, {}), vocabulary, w, b)
    scores = validate(held_model, validation)
    confused = confusion(held_model, validation)
    print(f"отложенные {len(validation)}: top-1 {scores['top1']:.3f}, top-2 {scores['top2']:.3f}", file=sys.stderr)
    final = training if args.held_out_only else examples
    if final is examples:
        vocabulary, w, b = train(examples, labels, parameters, args.seed)
    OccupationModel(card(final, len(vocabulary), scores, confused), vocabulary, w, b).save(args.out)
    print(f"модель записана в {args.out} ({time.monotonic() - started:.0f} с)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
