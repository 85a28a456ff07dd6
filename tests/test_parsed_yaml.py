"""YAML parsed once per text: later parses of the same text are read back from the cache folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from cmlint import parsed_yaml


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CMLINT_CACHE_DIR", str(tmp_path))
    return tmp_path


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> Any:
        self.calls += 1
        return yaml.safe_load(text)


def test_a_text_parsed_before_is_read_back() -> None:
    text = "правила:\n  - код: XX001\n    вес: 0.5\n    включено: true\n    слова: [чат, встреча]\n"
    parse = Counting()
    first = parsed_yaml.parsed(text, parse)
    assert parsed_yaml.parsed(text, parse) == first == yaml.safe_load(text)
    assert parse.calls == 1
    assert parsed_yaml.parsed(text + "# другой текст\n", parse) == first and parse.calls == 2


def test_what_json_would_change_is_parsed_every_time(cache_folder: Path) -> None:
    parse = Counting()
    for text in ("1: один\n", "дата: 2026-12-03\n"):  # a number as a key, a date
        assert parsed_yaml.parsed(text, parse) == yaml.safe_load(text)
        assert parsed_yaml.parsed(text, parse) == yaml.safe_load(text)
    assert parse.calls == 4 and not list(cache_folder.iterdir())


def test_a_broken_cache_file_is_parsed_again(cache_folder: Path) -> None:
    parse = Counting()
    parsed_yaml.parsed("ключ: значение\n", parse)
    (stored,) = cache_folder.iterdir()
    stored.write_text('{"ключ": ', encoding="utf-8")
    assert parsed_yaml.parsed("ключ: значение\n", parse) == {"ключ": "значение"} and parse.calls == 2


_WARM_PROBE = """
import sys
from cmlint import Linter
Linter().prepare()
print("yaml" in sys.modules)
"""


def test_a_start_with_every_parse_cached_never_imports_pyyaml(cache_folder: Path) -> None:
    # PyYAML's import is a few hundredths of a second of `cmlint check one.txt`; a cached parse does not need it.
    env = {**os.environ, "CMLINT_CACHE_DIR": str(cache_folder)}
    runs = [
        subprocess.run([sys.executable, "-c", _WARM_PROBE], capture_output=True, text=True, env=env, timeout=300)
        for _ in range(2)
    ]
    assert [run.stdout.strip() for run in runs] == ["True", "False"], [run.stderr for run in runs]
