"""The occupation model and the fine-role head reading the same lines at once.

Both are linear models over the same features of a line.  Read one after the
other, every feature was looked up in two vocabularies and two weight tables
were gathered from; read together, one vocabulary (the union) indexes one table
with both models' weights side by side, so a line costs one lookup per feature
and one gather.  Each model's probabilities are exactly those of its own
:meth:`~cmlint.occupations.model.OccupationModel.predict`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat

import numpy as np

from cmlint.occupations.model import OccupationModel, softmax


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

    def predict(self, lines: Sequence[Sequence[str]], for_head: Sequence[bool] | None = None) -> JointReading:
        """Both models' probabilities for each line of features; the head reads only the lines ``for_head``
        marks (every line when it is None)."""
        # Every line ends in the table's last row, of zeros: a feature no model knows reads it too, and a line of
        # no features gets a sum (of zeros) of its own.
        get, nothing = self._index.get, self._nothing
        flat: list[int] = []
        starts: list[int] = []
        for line in lines:
            starts.append(len(flat))
            flat += map(get, line, repeat(nothing))
            flat.append(nothing)
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
