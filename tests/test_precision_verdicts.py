"""Marked verdicts on real postings (corpora/precision): ids and verdicts only, no false positive comes back and no
true positive is lost."""

from __future__ import annotations

import csv

import pytest

from cmlint.linter import Linter
from tools.precision import LOST, OPEN, ROOT, VERDICT_COLUMNS, Hit, data_dir, load_verdicts, lost, open_keys, reported

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


def test_open_false_positives_are_marked_false_positives() -> None:
    marked = {verdict.key for verdict in load_verdicts(VERDICTS) if verdict.verdict == "fp"}
    assert open_keys() <= marked, f"{OPEN.name}: keys that no verdict file marks fp"


def test_lost_true_positives_are_marked_true_positives() -> None:
    marked = {verdict.key for verdict in load_verdicts(VERDICTS) if verdict.verdict == "tp"}
    assert open_keys(LOST) <= marked, f"{LOST.name}: keys that no verdict file marks tp"


def test_only_the_open_false_positives_come_back(linter: Linter) -> None:
    """A fixed false positive never returns; a listed one that no longer returns leaves the list."""
    if not data_dir().is_dir():
        pytest.skip(f"{data_dir()}: the real postings are not here")
    back = {hit.key for hit in reported(VERDICTS, linter, "fp")}
    assert sorted(back - open_keys()) == [], "marked false positives back: fix them (or list them in open.txt)"
    assert sorted(open_keys() - back) == [], f"fixed: take them off {OPEN.name}"


def test_only_the_known_true_positives_are_lost(linter: Linter) -> None:
    """A marked true positive stays reported; a listed lost one that is reported again leaves the list."""
    if not data_dir().is_dir():
        pytest.skip(f"{data_dir()}: the real postings are not here")
    gone = lost(VERDICTS, linter)
    assert sorted(gone - open_keys(LOST)) == [], "marked true positives no longer reported: find out why (or list them in lost.txt)"
    assert sorted(open_keys(LOST) - gone) == [], f"reported again: take them off {LOST.name}"
