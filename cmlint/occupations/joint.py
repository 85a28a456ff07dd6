"""The occupation model and the fine-role head reading the same lines at once.

Both are linear models over the same features of a line.  Read one after the
other, every feature was looked up in two vocabularies and two weight tables
were gathered from; read together, one vocabulary (the union) indexes one table
with both models' weights side by side, so a line costs one lookup per feature
and one gather.  Each model's probabilities are exactly those of its own
:meth:`~cmlint.occupations.model.OccupationModel.predict`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from cmlint.occupations.features import features
from cmlint.occupations.model import OccupationModel, softmax

_Key = TypeVar("_Key", str, tuple[str, str])

#: Words and pairs of words the caches of :class:`JointModels` keep before they start afresh.
CACHE_SIZE = 200_000


@dataclass(frozen=True, slots=True)
class JointReading:
    """Per line, the occupation model's label probabilities and the head's (rows of zeros for a line the model
    knows no feature of, and for the head, a line it is not asked to read)."""

    occupations: np.ndarray
    head: np.ndarray | None


class JointModels:
    """The occupation model and, when there is one, the fine-role head, read from one table.

    A row of the table holds a feature's weights in both models (zeros where a model does not know it) and, in
    its last columns, one per model, whether the model knows it: summed over a line's features, those columns
    count the features each model knows.  A feature one model does not know adds exact zeros to that model's
    sums, which run in the line's order as before, so the probabilities are the same to the last bit.
    """

    def __init__(self, model: OccupationModel, head: OccupationModel | None = None) -> None:
        self.model, self.head = model, head
        models = [model] if head is None else [model, head]
        vocabulary = list(dict.fromkeys(f for m in models for f in m.vocabulary))
        self._index = {feature: row for row, feature in enumerate(vocabulary)}
        aligned = [m.aligned(vocabulary) for m in models]
        #: Both models' biases side by side, as their columns are.
        self._bias = np.concatenate([m.bias for m in models])
        ends = np.cumsum([len(m.labels) for m in models]).tolist()
        self._columns = [slice(end - len(m.labels), end) for m, end in zip(models, ends, strict=True)]
        self._counts = slice(ends[-1], ends[-1] + len(models))
        known = [mask.astype(np.float32)[:, None] for _, mask in aligned]
        table = np.hstack([*(weights for weights, _ in aligned), *known])
        #: The row a feature no model knows reads: zeros (see :meth:`predict`).
        self._nothing = len(table)
        self._table = np.vstack([table, np.zeros((1, table.shape[1]), dtype=np.float32)])
        #: A content word → the row of its feature; a pair of neighbouring words → the row of theirs.
        self._words: dict[str, int] = {}
        self._pairs: dict[tuple[str, str], int] = {}

    def predict(self, lines: Sequence[Sequence[str]], for_head: Sequence[bool] | None = None) -> JointReading:
        """Both models' probabilities for each line, given as its content words
        (:func:`~cmlint.occupations.features.terms`); the head reads only the lines ``for_head`` marks (every line
        when it is None)."""
        # Every line ends in the table's last row, of zeros: a feature no model knows reads it too, and a line of
        # no features gets a sum (of zeros) of its own.
        flat: list[int] = []
        starts: list[int] = []
        for words in lines:
            starts.append(len(flat))
            flat += self._rows(words)
            flat.append(self._nothing)
        sums = np.add.reduceat(self._table[flat], starts, axis=0) if lines else self._table[:0]
        # Both models' scores in one array (each row softmaxed per model in place); a model's rows of no known
        # feature are zeroed after, a softmax being row by row.
        scores = sums[:, : self._counts.start] + self._bias
        unread = sums[:, self._counts] == 0
        if for_head is not None and self.head is not None:
            unread[:, 1] |= ~np.asarray(for_head, dtype=bool)
        results = [softmax(scores[:, columns]) for columns in self._columns]
        for place, result in enumerate(results):
            rows = unread[:, place]
            if rows.any():
                result[rows] = 0.0
        return JointReading(results[0], results[1] if self.head is not None else None)

    def _rows(self, words: Sequence[str]) -> Iterable[int]:
        """The table rows of the features of a line's content words (:func:`~cmlint.occupations.features.features`:
        each word, each pair of different neighbours), in their order, each row once.

        Found per word and per pair in caches keyed by the words themselves, which are the same string objects
        posting after posting, instead of a feature string made, hashed and looked up among all features per
        line.  A row met twice is either one feature (the features are kept once) or two that no model knows,
        whose zeros add nothing."""
        cached_words, cached_pairs = self._words, self._pairs
        rows: list[int] = []
        for word in words:
            row = cached_words.get(word)
            rows.append(self._remember(cached_words, word, features([word])[0]) if row is None else row)
        for pair in zip(words, words[1:], strict=False):
            if pair[0] != pair[1]:
                row = cached_pairs.get(pair)
                rows.append(self._remember(cached_pairs, pair, features(pair)[-1]) if row is None else row)
        return dict.fromkeys(rows)

    def _remember(self, cache: dict[_Key, int], key: _Key, feature: str) -> int:
        """The row of ``feature`` (the last, of zeros, for one no model knows), kept in ``cache`` under ``key``."""
        if len(cache) >= CACHE_SIZE:
            cache.clear()
        row = cache[key] = self._index.get(feature, self._nothing)
        return row
