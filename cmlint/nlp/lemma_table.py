"""A precomputed table of the lemmas of every word in the shipped rules.

Compiling the shipped patterns asks pymorphy3 for the readings of about two
thousand words, which took most of the start-up time.  The table
(``rules/lemma_table.json``) stores those answers, stamped with what they
depend on (the pymorphy3 dictionaries and the domain lexicon); a stale stamp
means the table is ignored.  Regenerate it with
``python -m cmlint.nlp.lemma_table`` after changing rules; a test fails
while it is out of date.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from cmlint.resources import data_dir

FILE = "lemma_table.json"


def stamp() -> str:
    """What the lemmas depend on: dictionary version and lexicon contents."""
    import pymorphy3_dicts_ru

    lexicon = data_dir().joinpath("lexicon.yaml").read_bytes()
    return f"{pymorphy3_dicts_ru.__version__}:{hashlib.sha256(lexicon).hexdigest()[:16]}"


def load() -> dict[str, list[str]]:
    """The shipped table, or an empty one when it is missing or stale."""
    try:
        data = json.loads(data_dir().joinpath(FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    if data.get("stamp") != stamp():
        return {}
    return data["lemmas"]


def build() -> dict[str, list[str]]:
    """Compile every shipped pattern with a recording morphology; return the words asked."""
    from cmlint.config import Config
    from cmlint.linter import build_engine

    asked: dict[str, list[str]] = {}
    build_engine(Config(), use_table=False, record_lemmas=asked)
    return dict(sorted(asked.items()))


def write(folder: Path) -> Path:
    path = folder / FILE
    payload = {"stamp": stamp(), "lemmas": build()}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write(Path(__file__).resolve().parents[2] / "rules"))
