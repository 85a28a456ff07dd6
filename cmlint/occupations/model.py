"""The occupation model: a linear classifier of lines, learned from real postings.

Every line becomes a probability for each occupation: ``softmax(W·x + b)``,
where ``x`` are the line's features (:mod:`cmlint.occupations.features`).
Multinomial logistic regression is small (a few megabytes), fast (a posting
costs a few hundred row additions), deterministic and explainable: the
weights of a line's features say why it reads as an accountant's duty.
``tools/train_occupations.py`` trains it; the weights and a card with the
training data's and code's fingerprints ship inside the package.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict

#: Where the shipped model lives inside the package: a card, the feature list, the weights.
DATA = "cmlint.occupations"
CARD_FILE = "model.json"
VOCABULARY_FILE = "model.vocab"
WEIGHTS_FILE = "model.npy"
#: The environment variable naming a folder of models to use instead of the shipped ones (laid out like
#: ``cmlint/occupations``: the occupation model, and the fine-role head in its subfolder) — for measuring
#: models trained without the postings being linted (``tools/out_of_fold.py``).
MODELS_ENV = "CMLINT_MODELS_DIR"


class ModelCard(BaseModel):
    """What a trained model is: its labels and how it was made (fingerprints, parameters, metrics)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    labels: list[str]
    features: int
    code_fingerprint: str
    data_fingerprint: str
    #: A hash of every training title with the occupation it labelled (see ``tools/train_occupations.py``).
    label_fingerprint: str
    #: A hash of the feature lines the trainer read in a probe posting of our own (``tools/reading_probe.txt``):
    #: it changes when normalisation, line splitting, tokens, lemmas or line weights change what the model sees
    #: (empty in a card written before it was recorded).
    reading_fingerprint: str = ""
    postings: int
    lines: int
    seed: int
    parameters: dict[str, float]
    validation: dict[str, float]
    #: Per role, its candidate titles (the taxonomy's ``titles``) that real postings use, most used first,
    #: with how many training postings carry exactly that title.
    market_titles: dict[str, list[tuple[str, int]]]
    #: How often held-out postings of one occupation (by their title) read as another: per title occupation,
    #: ``{"postings": n, <other occupation>: how many of the n the model's top occupation was}``
    #: (only the others met at least once).  Occupations that the model confuses on real postings under
    #: their own titles are neighbours (:meth:`neighbours`).
    confusion: dict[str, dict[str, int]] = {}

    def neighbours(self, min_rate: float, min_count: int) -> dict[str, frozenset[str]]:
        """Per occupation, the occupations it is confused with on held-out postings, either way round:
        at least ``min_count`` postings and a share ``min_rate`` of the title occupation's held-out postings."""
        found: dict[str, set[str]] = {}
        for label, row in self.confusion.items():
            postings = row.get("postings", 0)
            for other, count in row.items():
                if other != "postings" and count >= min_count and count >= min_rate * postings:
                    found.setdefault(label, set()).add(other)
                    found.setdefault(other, set()).add(label)
        return {label: frozenset(others) for label, others in found.items()}


class OccupationModel:
    """Probabilities of occupations for lines of a posting."""

    def __init__(self, card: ModelCard, vocabulary: Sequence[str], weights: np.ndarray, bias: np.ndarray) -> None:
        if weights.shape != (len(vocabulary), len(card.labels)) or bias.shape != (len(card.labels),):
            raise ValueError("веса модели не соответствуют её словарю и меткам")
        self.card = card
        self.labels: tuple[str, ...] = tuple(card.labels)
        self._index = {feature: row for row, feature in enumerate(vocabulary)}
        self._weights = weights.astype(np.float32)
        self._bias = bias.astype(np.float32)

    @property
    def vocabulary(self) -> tuple[str, ...]:
        """The features the model knows, in the order of its weight rows."""
        return tuple(self._index)

    @property
    def bias(self) -> np.ndarray:
        return self._bias

    def aligned(self, vocabulary: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Its weight rows for the features of ``vocabulary`` (zeros for one it does not know) and which of them it
        knows."""
        rows_of = self._index.get
        own = np.fromiter((rows_of(feature, -1) for feature in vocabulary), dtype=np.int64, count=len(vocabulary))
        known = own >= 0
        rows = np.zeros((len(vocabulary), len(self.labels)), dtype=np.float32)
        rows[known] = self._weights[own[known]]
        return rows, known

    def predict(self, lines: Sequence[Sequence[str]]) -> np.ndarray:
        """One row of label probabilities per line (a line with no known feature gets a row of zeros)."""
        get = self._index.get
        rows = [[row for row in map(get, line) if row is not None] for line in lines]
        result = np.zeros((len(rows), len(self.labels)), dtype=np.float32)
        known = [i for i, row in enumerate(rows) if row]
        if not known:
            return result
        flat = np.fromiter((f for i in known for f in rows[i]), dtype=np.int64)
        starts = np.cumsum([0] + [len(rows[i]) for i in known[:-1]])
        result[known] = softmax(np.add.reduceat(self._weights[flat], starts, axis=0) + self._bias)
        return result

    def save(self, folder: Path) -> None:
        """Write the card, the features (one a line) and the weights (half precision, bias last) into ``folder``
        (made if missing)."""
        folder.mkdir(parents=True, exist_ok=True)
        vocabulary = sorted(self._index, key=self._index.__getitem__)
        (folder / CARD_FILE).write_text(self.card.model_dump_json(indent=2) + "\n", encoding="utf-8")
        (folder / VOCABULARY_FILE).write_text("\n".join(vocabulary) + "\n", encoding="utf-8")
        with (folder / WEIGHTS_FILE).open("wb") as handle:
            np.save(handle, np.vstack([self._weights, self._bias]).astype(np.float16), allow_pickle=False)

    @classmethod
    def read(cls, folder: Traversable | Path) -> OccupationModel:
        """Read a model written by :meth:`save`."""
        card = ModelCard.model_validate_json(folder.joinpath(CARD_FILE).read_text(encoding="utf-8"))
        vocabulary = folder.joinpath(VOCABULARY_FILE).read_text(encoding="utf-8").splitlines()
        with folder.joinpath(WEIGHTS_FILE).open("rb") as handle:
            table = np.load(handle, allow_pickle=False)
        return cls(card, vocabulary, table[:-1], table[-1])


def softmax(scores: np.ndarray) -> np.ndarray:
    """Each row of ``scores`` (a line's weights summed with the bias) as probabilities, in place."""
    scores -= scores.max(axis=1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=1, keepdims=True)
    return scores


def models_folder() -> Traversable | Path:
    """Where the models are read from: ``$CMLINT_MODELS_DIR`` when set, else the package's own folder."""
    chosen = os.environ.get(MODELS_ENV)
    return Path(chosen) if chosen else resources.files(DATA)


@cache
def shipped_model() -> OccupationModel:
    """The model shipped with cmlint, or the one in ``$CMLINT_MODELS_DIR`` (read once per process)."""
    return OccupationModel.read(models_folder())


def fingerprint(parts: Sequence[str]) -> str:
    """A short stable hash of the texts (code, label definitions) a trained model depends on."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]
