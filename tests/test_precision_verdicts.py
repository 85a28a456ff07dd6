"""Marked verdicts on real postings (corpora/precision): ids and verdicts only, and no false positive comes back."""

from __future__ import annotations

import csv

import pytest

from cmlint.linter import Linter
from tools.precision import ROOT, VERDICT_COLUMNS, Hit, data_dir, load_verdicts, returning

VERDICTS = sorted((ROOT / "corpora" / "precision").glob("*.tsv"))


def test_verdict_files_hold_ids_and_verdicts_only() -> None:
    assert VERDICTS, "corpora/precision/*.tsv: no marked verdicts"
    for path in VERDICTS:
        with path.open(encoding="utf-8", newline="") as source:
            assert tuple(next(csv.reader(source, delimiter="\t"))) == VERDICT_COLUMNS, path.name
    for verdict in load_verdicts(VERDICTS):
        assert verdict.verdict in ("tp", "fp"), verdict.key
        assert len(verdict.cause) <= 40 and " " not in verdict.cause, verdict.key
        Hit.parse(verdict.key)


def test_no_marked_false_positive_comes_back(linter: Linter) -> None:
    if not data_dir().is_dir():
        pytest.skip(f"{data_dir()}: the real postings are not here")
    assert returning(VERDICTS, linter) == []
