"""Train the fine-role head: which community-adjacent role a duty line reads as, learned from real postings.

The occupation model (``tools/train_occupations.py``) tells a salesperson's
lines from a developer's, but not an SMM manager's from a PR manager's: all
of them are «Маркетинг, реклама, PR».  This head is the same linear model on
the same line features, with the fine roles (``kind: role`` in the taxonomy)
as labels, plus ``other`` for postings of any other occupation.  A posting's
label comes from its title, read with the fine roles' title patterns only (a
posting titled «SMM-менеджер» teaches what SMM lines look like); in our own
labelled corpus (``corpora/postings``, the only postings about community
work) from its ``actual_role``.  Identical bodies count once.

    python -m tools.train_roles [--held-out-only --out DIR]

The real postings are ``large/train.jsonl``, ``full.jsonl`` and
``snippets.jsonl`` (``$CMLINT_REAL_DATA``); a fifth of the postings (a hash
of the body, the same rule as the occupation model's) is held out to report
validation accuracy, and the shipped head is trained on all of them.
Everything is seeded; the card records fingerprints of the data, the code,
the labels and the reading of the probe postings, and a test fails when they
disagree with the shipped head.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

import cmlint.occupations.features as features_module
import cmlint.occupations.model as model_module
import tools.train_occupations as occupations_trainer
import tools.training_reader as reader_module
from cmlint.engine.build import Engine
from cmlint.linter import Linter
from cmlint.occupations.model import ModelCard, OccupationModel, fingerprint
from cmlint.roles.learned import HEAD_FOLDER, OTHER
from cmlint.roles.taxonomy import Taxonomy
from cmlint.russian import count as count_of
from tools.precision import data_dir
from tools.train_occupations import Parameters, held_out, posting_scores, train
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
DEFAULT_OUT = ROOT / "cmlint" / "occupations" / HEAD_FOLDER
#: Our own labelled postings (``actual_role`` from the duties); the held-out folder stays out.
OWN_CORPUS = ROOT / "corpora" / "postings"
REAL_FILES = ("large/train.jsonl", "full.jsonl", "snippets.jsonl")
#: The head's parameters: those of the occupation model, with fewer examples needed per label.
PARAMETERS = Parameters(min_postings=5)


def real_files() -> list[Path]:
    return [data_dir() / name for name in REAL_FILES]


def own_files() -> list[Path]:
    return sorted(OWN_CORPUS.glob("*.jsonl"))


def role_titles(engine: Engine) -> TitleLabels:
    """The strict title reading that labels the head's postings: a fine role's names teach that role, the names
    of any occupation of the labour market teach ``other``."""
    return strict_titles(engine, lambda role_id, role: role_id if role.kind == "role" else OTHER)


def own_texts() -> Iterator[tuple[str, str]]:
    """(label, text) of our own labelled postings: the label is their ``actual_role``."""
    for path in own_files():
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("actual_role") is not None:
                    yield record["actual_role"], record.get("text") or ""


def code_fingerprint(taxonomy: Taxonomy) -> str:
    """What the head's labels and features depend on: this script, the occupation trainer it reuses and the
    trainers' reader, the feature and model code, and the title patterns with their macros and kinds."""
    labels = {role_id: [role.title_patterns, role.kind, role.generic] for role_id, role in taxonomy.roles.items()}
    modules = (features_module, model_module, occupations_trainer, reader_module)
    sources = [Path(str(module.__file__)).read_text(encoding="utf-8") for module in modules]
    named = json.dumps([labels, taxonomy.macros], ensure_ascii=False, sort_keys=True)
    return fingerprint([*sources, Path(__file__).read_text(encoding="utf-8"), named])


def validate(model: OccupationModel, examples: list[Example]) -> dict[str, float]:
    """Top-1 accuracy of the posting's role on held-out examples of the fine roles, and of their lines
    read at least ``0.5`` sure (the share of such lines and how often they are right)."""
    top1 = sure = sure_right = lines = 0
    fine = [example for example in examples if example.label != OTHER]
    for example in fine:
        top1 += model.labels[int(np.argmax(posting_scores(model, example)))] == example.label
        duties = [features for features, _, duty in example.lines if duty]
        for row in model.predict(duties):
            lines += 1
            if row.max() >= 0.5:
                sure += 1
                sure_right += model.labels[int(row.argmax())] == example.label
    return {
        "postings": float(len(fine)),
        "top1": round(top1 / max(1, len(fine)), 3),
        "sure_lines": round(sure / max(1, lines), 3),
        "sure_right": round(sure_right / max(1, sure), 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Обучить модель тонких ролей на реальных вакансиях.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="папка для файлов модели")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--held-out-only", action="store_true", help="обучить только на 80 %% (чтобы мерить на отложенной части)"
    )
    parser.add_argument("--fold", type=int, default=0, help="какую из пяти частей (0–4) отложить для проверки")
    args = parser.parse_args(argv)
    missing = [path for path in real_files() + own_files() if not path.is_file()]
    if missing:
        print(f"train_roles: нет файла с обучающими вакансиями {missing[0]}", file=sys.stderr)
        return 2
    parameters = PARAMETERS
    started = time.monotonic()
    engine = Linter().engine
    read = read_labels(real_files(), role_titles(engine))
    texts = itertools.chain(labelled_texts(real_files(), read), own_texts())
    reader = PostingReader(engine.nlp)
    examples = list(read_examples(texts, reader))
    per_label = Counter(example.label for example in examples)
    labels, examples = learned(examples, parameters.min_postings)
    took = time.monotonic() - started
    counted = count_of(len(examples), *occupations_trainer.POSTINGS)
    print(f"{counted}: {dict(sorted(per_label.items()))} ({took:.0f} с)", file=sys.stderr)
    training = [e for e in examples if not held_out(e, parameters.validation_share, args.fold)]
    validation = [e for e in examples if held_out(e, parameters.validation_share, args.fold)]

    def card(final: list[Example], features: int, scores: dict[str, float]) -> ModelCard:
        return ModelCard(
            labels=labels,
            features=features,
            code_fingerprint=code_fingerprint(engine.taxonomy),
            data_fingerprint=data_fingerprint(real_files() + own_files()),
            label_fingerprint=label_fingerprint(read),
            reading_fingerprint=reading_fingerprint(reader),
            postings=len(final),
            lines=sum(len(example.lines) for example in final),
            seed=args.seed,
            parameters={k: float(v) for k, v in parameters.model_dump().items()},
            validation=scores,
            market_titles={},
        )

    vocabulary, w, b = train(training, labels, parameters, args.seed)
    scores = validate(OccupationModel(card(training, len(vocabulary), {}), vocabulary, w, b), validation)
    print(f"отложенные: {scores}", file=sys.stderr)
    final = training if args.held_out_only else examples
    if final is examples:
        vocabulary, w, b = train(examples, labels, parameters, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    OccupationModel(card(final, len(vocabulary), scores), vocabulary, w, b).save(args.out)
    print(f"модель записана в {args.out} ({time.monotonic() - started:.0f} с)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
