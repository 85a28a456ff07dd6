"""``cmlint`` imports spaCy without spaCy's own commands (cmlint.cli.lean_spacy)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_PROBE = """
import sys
from cmlint.cli.lean_spacy import skip_spacy_cli
skip_spacy_cli()
from cmlint.nlp.pipeline import build_nlp
assert [t.text for t in build_nlp()("Ищем курьера, з/п от 50 000 руб.")][:3] == ["Ищем", "курьера", ","]
assert "weasel" not in sys.modules and "spacy.cli._util" not in sys.modules, "spaCy's commands were loaded"
import spacy
assert "spacy_version" in spacy.info(silent=True)  # the real ``spacy.info``, loaded on its first call
assert "spacy.cli._util" in sys.modules
"""


def test_spacy_without_its_commands_still_works() -> None:
    result = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_check_does_not_load_spacy_commands(tmp_path: Path) -> None:
    posting = tmp_path / "one.txt"
    posting.write_text("Курьер\nДоставка заказов по городу.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cmlint", "check", str(posting)],
        capture_output=True, text=True, timeout=120,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "spacy.language" in imported
    assert "weasel" not in imported and "spacy.cli._util" not in imported
