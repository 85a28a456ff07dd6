"""Train the occupation model on real postings, with the title as distant supervision.

A posting titled «Водитель-экспедитор» teaches what a driver's duty lines
look like: the title is read with the taxonomy's title patterns only
(:class:`tools.training_reader.TitleLabels`), and every duty line of the posting gets the title's
occupation as its label (requirement lines count half).  Postings whose title
names no occupation, or several different ones, teach nothing.  Identical
bodies count once.  Our own postings in ``corpora/training/`` (occupations the real split holds few of:
couriers, storekeepers, cooks, nurses, guards …) are read the same way, by their titles.

    python -m tools.train_occupations [--data …/shared/eval/real/large/train.jsonl]

A fifth of the postings (chosen by a hash of the body, so by the data, not
by chance) is held out to report validation accuracy; the shipped model is
then trained on all of them.  ``--fold k --held-out-only --out DIR`` holds
out the k-th fifth instead and keeps the model trained on the other four
(for the out-of-fold measure, ``tools/out_of_fold.py``).  Everything is seeded: the same data and code
give the same weights.  The raw postings never enter the repository; the
model card records fingerprints of the data file, of the code and title
patterns the labels and features come from, of the labels themselves, and
of how the probe postings (``tools/reading_probe.txt``) read — so a change
of tokens, lemmas or line splitting that changes what the model sees makes
a test fail until the model is retrained.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict

import cmlint.occupations.features as features_module
import cmlint.occupations.model as model_module
import tools.training_reader as reader_module
from cmlint.engine.build import Engine
from cmlint.linter import Linter
from cmlint.occupations.model import ModelCard, OccupationModel, fingerprint
from cmlint.roles.taxonomy import Taxonomy
from cmlint.russian import count as count_of
from tools.precision import data_dir
from tools.training_reader import (
    Example,
    PostingReader,
    TitleLabels,
    data_fingerprint,
    label_fingerprint,
    labelled_texts,
    learned,
    read_examples,
    read_labels,
    reading_fingerprint,
    strict_titles,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "cmlint" / "occupations"
#: Postings we write of occupations the real training split holds few of (couriers, cooks, nurses …).
OWN_CORPUS = ROOT / "corpora" / "training"

#: The nouns the trainers count in, for «9 939 вакансий, 42 профессии».
POSTINGS = ("вакансия", "вакансии", "вакансий")
OCCUPATIONS = ("профессия", "профессии", "профессий")


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
    #: Runs averaged into one model, each with its own batch order (:func:`train`).
    seeds: int = 8


def default_data() -> Path:
    """The training split of the real postings (``$CMLINT_REAL_DATA`` or the nearest ``shared/eval/real`` above)."""
    return data_dir() / "large" / "train.jsonl"


def training_files(data: Path) -> list[Path]:
    """The real postings and our own (:data:`OWN_CORPUS`), both labelled by their titles."""
    return [data, *sorted(OWN_CORPUS.glob("*.jsonl"))]


def code_fingerprint(taxonomy: Taxonomy) -> str:
    """What the labels and features depend on: this script and the trainers' reader, the feature and model
    code, the title patterns with the macros they may use, and which occupation each role belongs to."""
    labels = {
        role_id: [role.title_patterns, taxonomy.occupation_of(role_id), role.generic]
        for role_id, role in taxonomy.roles.items()
    }
    modules = (features_module, model_module, reader_module)
    sources = [Path(str(module.__file__)).read_text(encoding="utf-8") for module in modules]
    named = json.dumps([labels, taxonomy.macros], ensure_ascii=False, sort_keys=True)
    return fingerprint([*sources, Path(__file__).read_text(encoding="utf-8"), named])


def occupation_titles(engine: Engine) -> TitleLabels:
    """The strict title reading that labels the training postings: a role's names teach its occupation."""
    taxonomy = engine.taxonomy
    return strict_titles(engine, lambda role_id, _: taxonomy.occupation_of(role_id))


def fold_of(body: str, folds: int) -> int:
    """Which of ``folds`` equal parts of the postings a (normalised) body belongs to, by a hash of it."""
    return int(hashlib.sha256(body.encode("utf-8")).hexdigest()[:8], 16) * folds >> 32


def held_out(example: Example, share: float, fold: int = 0) -> bool:
    """Whether an example belongs to the validation part: fold ``fold`` of ``1 / share`` folds (the default,
    fold 0, is the first ``share`` of the hash range)."""
    return fold_of(example.body, round(1 / share)) == fold


@dataclass(frozen=True, slots=True)
class Design:
    """The training lines as rows of feature indices, with each line's label index and sample weight."""

    vocabulary: list[str]
    rows: list[np.ndarray]
    target: np.ndarray
    weight: np.ndarray
    labels: int


def design(examples: list[Example], labels: list[str], parameters: Parameters) -> Design:
    """The features seen at least ``min_count`` times, and every line that has one of them."""
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
    return Design(vocabulary, rows, np.array(targets), sample_weight.astype(np.float32), len(labels))


def fit(lines: Design, parameters: Parameters, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """One run of multinomial logistic regression by mini-batch Adam, the batches in the order ``seed`` draws.

    The learning rate falls linearly to zero over the run, so the weights settle
    near the optimum instead of ending wherever the last batches left them: at
    a constant rate two seeds differed by 1.2 points of validation top-1 (0.791
    and 0.779), with the decay by 0.4 (0.816 and 0.820).
    """
    w = np.zeros((len(lines.vocabulary), lines.labels), np.float32)
    b = np.zeros(lines.labels, np.float32)
    w_adam, b_adam = Adam(w), Adam(b)
    grad_w = np.empty_like(w)
    lengths = np.array([len(row) for row in lines.rows])
    rng = np.random.default_rng(seed)
    steps = parameters.epochs * -(-len(lines.rows) // parameters.batch)
    step = 0
    for _ in range(parameters.epochs):
        order = rng.permutation(len(lines.rows))
        for begin in range(0, len(lines.rows), parameters.batch):
            batch = order[begin : begin + parameters.batch]
            flat = np.concatenate([lines.rows[i] for i in batch])
            owner = np.repeat(np.arange(len(batch)), lengths[batch])
            scores = np.add.reduceat(w[flat], np.r_[0, np.cumsum(lengths[batch])[:-1]], axis=0) + b
            scores -= scores.max(axis=1, keepdims=True)
            gradient = np.exp(scores)
            gradient /= gradient.sum(axis=1, keepdims=True)
            gradient[np.arange(len(batch)), lines.target[batch]] -= 1
            gradient *= lines.weight[batch, None] / len(batch)
            np.multiply(w, np.float32(parameters.l2), out=grad_w)
            _add_rows(grad_w, flat, gradient[owner])
            rate = parameters.learning_rate * (1 - step / steps)
            step += 1
            b_adam.update(gradient.sum(axis=0), rate, step)
            w_adam.update(grad_w, rate, step)
    return w, b


def _add_rows(table: np.ndarray, indices: np.ndarray, values: np.ndarray) -> None:
    """``table[indices] += values`` with repeated indices summed (segment sums: far faster than ``np.add.at``)."""
    order = np.argsort(indices, kind="stable")
    ordered = indices[order]
    first = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    table[ordered[first]] += np.add.reduceat(values[order], first, axis=0)


class Adam:
    """Adam's update (β 0.9 and 0.999) of one array in place, with its moments and a scratch array of its size."""

    def __init__(self, value: np.ndarray) -> None:
        self.value = value
        self.first, self.second, self.scratch = np.zeros_like(value), np.zeros_like(value), np.empty_like(value)

    def update(self, grad: np.ndarray, rate: float, step: int) -> None:
        """Take update number ``step`` (from 1) at ``rate``; ``grad`` is overwritten."""
        first, second, scratch = self.first, self.second, self.scratch
        first *= np.float32(0.9)
        np.multiply(grad, np.float32(0.1), out=scratch)
        first += scratch
        second *= np.float32(0.999)
        np.multiply(grad, grad, out=grad)
        grad *= np.float32(0.001)
        second += grad
        np.sqrt(second, out=scratch)
        scratch *= np.float32(1 / np.sqrt(1 - 0.999**step))
        scratch += np.float32(1e-8)
        np.divide(first, scratch, out=scratch)
        scratch *= np.float32(rate / (1 - 0.9**step))
        self.value -= scratch


def train(
    examples: list[Example], labels: list[str], parameters: Parameters, seed: int
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The mean of ``parameters.seeds`` runs of :func:`fit` (seeds ``seed``, ``seed + 1``, …) on the lines read
    once; returns vocabulary, weights and bias.

    One run ends wherever its batch order left the rarely seen features (their
    weights move only when they come up, by the learning rate of that moment),
    so any retrain flipped the verdicts of marginal postings; the mean of
    eight runs is a lower-variance estimate of the same model.

    Features whose weights all stay below ``prune`` in size are dropped: they barely move a
    prediction and would only make the shipped model larger.
    """
    lines = design(examples, labels, parameters)
    runs = parameters.seeds
    w = np.zeros((len(lines.vocabulary), len(labels)), np.float32)
    b = np.zeros(len(labels), np.float32)
    for run in range(runs):
        run_w, run_b = fit(lines, parameters, seed + run)
        w += run_w / runs
        b += run_b / runs
    keep = np.abs(w).max(axis=1) >= parameters.prune
    return [f for f, kept in zip(lines.vocabulary, keep, strict=True) if kept], w[keep], b


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
    parser.add_argument("--fold", type=int, default=0, help="какую из пяти частей (0–4) отложить для проверки")
    args = parser.parse_args(argv)
    data: Path = args.data or default_data()
    if not data.is_file():
        print(f"train_occupations: нет файла с обучающими вакансиями {data}; укажите его в --data", file=sys.stderr)
        return 2
    parameters = Parameters()
    started = time.monotonic()
    engine = Linter().engine
    taxonomy = engine.taxonomy
    files = training_files(data)
    read = read_labels(files, occupation_titles(engine))
    reader = PostingReader(engine.nlp)
    examples = list(read_examples(labelled_texts(files, read), reader))
    labels, examples = learned(examples, parameters.min_postings)
    took = time.monotonic() - started
    counted = f"{count_of(len(examples), *POSTINGS)}, {count_of(len(labels), *OCCUPATIONS)}"
    print(f"{counted} ({took:.0f} с)", file=sys.stderr)
    training = [e for e in examples if not held_out(e, parameters.validation_share, args.fold)]
    validation = [e for e in examples if held_out(e, parameters.validation_share, args.fold)]

    def card(
        final: list[Example], features: int, scores: dict[str, float], confused: dict[str, dict[str, int]]
    ) -> ModelCard:
        return ModelCard(
            labels=labels,
            features=features,
            code_fingerprint=code_fingerprint(taxonomy),
            data_fingerprint=data_fingerprint(files),
            label_fingerprint=label_fingerprint(read),
            reading_fingerprint=reading_fingerprint(reader),
            postings=len(final),
            lines=sum(len(example.lines) for example in final),
            seed=args.seed,
            parameters={k: float(v) for k, v in parameters.model_dump().items()},
            validation=scores,
            market_titles=market_titles(data, taxonomy),
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
