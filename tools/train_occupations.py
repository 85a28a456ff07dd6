"""Train the occupation model on real postings, with the title as distant supervision.

A posting titled «Водитель-экспедитор» teaches what a driver's duty lines
look like: the title is read with the taxonomy's title patterns, and every
duty line of the posting gets the title's occupation as its label
(requirement lines count half).  Postings whose title names no occupation,
or several different ones, teach nothing.  Identical bodies count once.

    python -m tools.train_occupations --data ../shared/eval/real/large/train.jsonl

A fifth of the postings (chosen by a hash of the body, so by the data, not
by chance) is held out to report validation accuracy; the shipped model is
then trained on all of them.  Everything is seeded: the same data and code
give the same weights.  The raw postings never enter the repository; the
model card records a fingerprint of the data file and of the code.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict

import cmlint.occupations.features as features_module
import cmlint.occupations.model as model_module
from cmlint.linter import Linter
from cmlint.matching.lemma_matcher import TokenView
from cmlint.occupations.features import features, terms
from cmlint.occupations.model import ModelCard, OccupationModel, fingerprint
from cmlint.roles.lines import read_items
from cmlint.roles.taxonomy import Taxonomy
from cmlint.scoring import Scoring
from cmlint.text.normalize import normalize
from cmlint.text.segment import segment

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "real" / "large" / "train.jsonl"
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


def code_fingerprint(taxonomy: Taxonomy) -> str:
    """What the labels and features depend on: this script, the feature and model code, the title patterns."""
    labels = {
        role_id: [role.title_patterns, taxonomy.occupation_of(role_id), role.generic]
        for role_id, role in taxonomy.roles.items()
    }
    sources = [Path(module.__file__).read_text(encoding="utf-8") for module in (features_module, model_module)]
    return fingerprint(
        [*sources, Path(__file__).read_text(encoding="utf-8"), json.dumps(labels, ensure_ascii=False, sort_keys=True)]
    )


def data_fingerprint(path: Path) -> str:
    """The SHA-256 of the training file (its first 16 hex digits)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


class Extractor:
    """Turns a raw posting into labelled feature lines, the way the linter reads it."""

    def __init__(self, parameters: Parameters) -> None:
        engine = Linter().engine
        self.nlp = engine.nlp
        self.taxonomy = engine.taxonomy
        self.roles = engine.analyzer.roles
        self.parameters = parameters

    def label(self, title: str) -> str | None:
        """The one occupation a title names, or ``None``."""
        doc = self.nlp(title)
        reading = self.roles.read_title(doc, TokenView.of(doc))
        occupations = {
            self.taxonomy.occupation_of(role) for role in reading.roles if not self.taxonomy.roles[role].generic
        }
        return occupations.pop() if len(occupations) == 1 else None

    def example(self, record: dict[str, str]) -> Example | None:
        label = self.label(record.get("title") or "")
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
            step += 1
            for value, grad, (first, second) in ((w, grad_w, moments[0]), (b, gradient.sum(axis=0), moments[1])):
                first *= 0.9
                first += 0.1 * grad
                second *= 0.999
                second += 0.001 * grad * grad
                value -= (
                    parameters.learning_rate * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
                )
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
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL с полями title и text")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="папка для файлов модели")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--held-out-only", action="store_true", help="обучить только на 80 %% (для подбора порогов на отложенной части)"
    )
    args = parser.parse_args(argv)
    parameters = Parameters()
    started = time.monotonic()
    extractor = Extractor(parameters)
    examples = list(read_examples(args.data, extractor))
    per_label = Counter(example.label for example in examples)
    labels = sorted(label for label, n in per_label.items() if n >= parameters.min_postings)
    examples = [example for example in examples if example.label in labels]
    print(f"{len(examples)} вакансий, {len(labels)} профессий ({time.monotonic() - started:.0f} с)", file=sys.stderr)
    training = [e for e in examples if not held_out(e, parameters.validation_share)]
    validation = [e for e in examples if held_out(e, parameters.validation_share)]

    def card(final: list[Example], features: int, scores: dict[str, float]) -> ModelCard:
        return ModelCard(
            labels=labels,
            features=features,
            code_fingerprint=code_fingerprint(extractor.taxonomy),
            data_fingerprint=data_fingerprint(args.data),
            postings=len(final),
            lines=sum(len(example.lines) for example in final),
            seed=args.seed,
            parameters={k: float(v) for k, v in parameters.model_dump().items()},
            validation=scores,
            market_titles=market_titles(args.data, extractor.taxonomy),
        )

    vocabulary, w, b = train(training, labels, parameters, args.seed)
    scores = validate(OccupationModel(card(training, len(vocabulary), {}), vocabulary, w, b), validation)
    print(f"отложенные {len(validation)}: top-1 {scores['top1']:.3f}, top-2 {scores['top2']:.3f}", file=sys.stderr)
    final = training if args.held_out_only else examples
    if final is examples:
        vocabulary, w, b = train(examples, labels, parameters, args.seed)
    OccupationModel(card(final, len(vocabulary), scores), vocabulary, w, b).save(args.out)
    print(f"модель записана в {args.out} ({time.monotonic() - started:.0f} с)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
