"""The lemma table: written once per set of inputs, read back with the lemma check's verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmlint.linter import Engine
from cmlint.nlp import lemma_table
from cmlint.nlp.lemma_table import LemmaTable
from cmlint.nlp.words import LemmaCheck


def test_table_round_trip_and_unknown_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CMLINT_CACHE_DIR", str(tmp_path))
    table = LemmaTable({"звонков": ["звонок"]}, {"звонок", "чат"})
    key = lemma_table.fingerprint(["правила", "код"])
    lemma_table.save(key, table)
    assert lemma_table.load(key) == table
    assert lemma_table.load(lemma_table.fingerprint(["другие правила"])) is None


def test_table_without_verdicts_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CMLINT_CACHE_DIR", str(tmp_path))
    (tmp_path / "lemmas-old.json").write_text('{"lemmas": {"звонков": ["звонок"]}}', encoding="utf-8")
    assert lemma_table.load("old") is None


def test_check_records_lemmas_and_trusts_recorded_ones(engine: Engine) -> None:
    def tokenize(text: str) -> list[str]:
        return [token.text for token in engine.nlp.make_doc(text)]

    verified: set[str] = set()
    check = LemmaCheck(engine.morphology, tokenize, verified)
    assert check("звонок") is None and verified == {"звонок"}
    assert check("звонков") is not None and "звонков" not in verified
    # A recorded verdict is not asked again: what the table says holds for its inputs.
    assert LemmaCheck(engine.morphology, tokenize, {"звонков"})("звонков") is None


def test_the_key_follows_the_shipped_data_files(monkeypatch: pytest.MonkeyPatch) -> None:
    # The key hashes the data files as they are (no dump of the parsed rules: that was a fiftieth of a start).
    from cmlint.engine import build

    key = lemma_table.fingerprint(build._lemma_inputs())
    assert lemma_table.fingerprint(build._lemma_inputs()) == key
    monkeypatch.setattr(build, "data_digest", lambda: b"another rules folder")
    assert lemma_table.fingerprint(build._lemma_inputs()) != key
