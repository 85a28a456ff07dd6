"""Whether the shipped models would be rebuilt byte-identically from today's code and data (slow; not run in CI).

The fingerprint tests read only a probe posting and the code; this check
reads the training postings the way the trainers do — every title's label,
every posting's feature lines — and compares what it finds with what each
model card recorded: the data, code, label and reading fingerprints, the
labels and how many postings and lines were learned from.  Any difference
means a retrain would not give the shipped weights: retrain (the commands
are printed) before trusting a measurement that depends on the model.

    python -m tools.check_models        # about as long as reading the data for both trainers (minutes)

Exit code 0 when both cards match, 1 when one does not, 2 when the data is missing.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import tools.train_occupations as occupations
import tools.train_roles as roles
from cmlint.engine.build import Engine
from cmlint.linter import Linter
from cmlint.occupations.model import ModelCard, shipped_model
from cmlint.roles.learned import shipped_head
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
)

#: The card fields a reading of the data and code gives again.
COMPARED = (
    "data_fingerprint", "code_fingerprint", "label_fingerprint", "reading_fingerprint", "labels", "postings", "lines"
)


@dataclass(frozen=True, slots=True)
class Difference:
    """A card field whose recorded value is not what today's reading gives."""

    field: str
    recorded: object
    found: object

    def __str__(self) -> str:
        return f"{self.field}: в карточке {self.recorded!r}, сейчас {self.found!r}"


def differences(card: ModelCard, found: Mapping[str, object]) -> list[Difference]:
    """The fields of :data:`COMPARED` in which ``found`` differs from ``card`` (a field ``found`` lacks is not
    compared)."""
    return [
        Difference(name, getattr(card, name), found[name])
        for name in COMPARED
        if name in found and getattr(card, name) != found[name]
    ]


@dataclass(frozen=True, slots=True)
class Trainer:
    """What one trainer reads: the real postings its titles label, its code fingerprint, the files its data
    fingerprint covers, and labelled texts of its own (``extra``)."""

    name: str
    command: str
    titles: TitleLabels
    files: list[Path]
    code: str
    min_postings: int
    fingerprinted: list[Path]
    extra: Iterable[tuple[str, str]] = ()


def reading(trainer: Trainer, reader: PostingReader) -> dict[str, object]:
    """The card fields a retrain by ``trainer`` would write (see :data:`COMPARED`), read from the data as it does."""
    labels = read_labels(trainer.files, trainer.titles)
    texts = itertools.chain(labelled_texts(trainer.files, labels), trainer.extra)
    examples: list[Example] = list(read_examples(texts, reader))
    kept, taught = learned(examples, trainer.min_postings)
    return {
        "data_fingerprint": data_fingerprint(trainer.fingerprinted),
        "code_fingerprint": trainer.code,
        "label_fingerprint": label_fingerprint(labels),
        "reading_fingerprint": reading_fingerprint(reader),
        "labels": kept,
        "postings": len(taught),
        "lines": sum(len(example.lines) for example in taught),
    }


def trainers(engine: Engine) -> list[tuple[Trainer, ModelCard | None]]:
    """Both trainers with the shipped card each one wrote (``None``: no fine-role head shipped)."""
    head = shipped_head()
    occupation_files = occupations.training_files(occupations.default_data())
    occupation = Trainer(
        "модель профессий",
        "python -m tools.train_occupations --seed 0",
        occupations.occupation_titles(engine),
        occupation_files,
        occupations.code_fingerprint(engine.taxonomy),
        occupations.Parameters().min_postings,
        occupation_files,
    )
    fine = Trainer(
        "модель тонких ролей",
        "python -m tools.train_roles --seed 0",
        roles.role_titles(engine),
        roles.real_files(),
        roles.code_fingerprint(engine.taxonomy),
        roles.PARAMETERS.min_postings,
        roles.real_files() + roles.own_files(),
        roles.own_texts(),
    )
    return [(occupation, shipped_model().card), (fine, head.card if head else None)]


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description="Проверить, что модели пересобираются из кода и данных побайтно.").parse_args(
        argv
    )
    engine = Linter().engine
    checked = trainers(engine)
    missing = [path for trainer, _ in checked for path in trainer.fingerprinted if not path.is_file()]
    if missing:
        print(f"check_models: нет файла с обучающими вакансиями {missing[0]}", file=sys.stderr)
        return 2
    reader = PostingReader(engine.nlp)
    failed = False
    for trainer, card in checked:
        if card is None:
            print(f"{trainer.name}: не поставляется — нечего сравнивать")
            continue
        found = reading(trainer, reader)
        wrong = differences(card, found)
        if not wrong:
            print(f"{trainer.name}: совпадает с карточкой (пересборка даст те же веса)")
            continue
        failed = True
        print(f"{trainer.name}: НЕ будет пересобрана побайтно из этого кода и данных — переобучите: {trainer.command}")
        for difference in wrong:
            print(f"    {difference}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
