"""Where the data shipped with cmlint is, and reading it.

The repository keeps the rule packs and linguistic data in ``rules/`` and our
own postings in ``corpora/`` (the product's layout); the wheel carries them
inside the package as ``cmlint/rules`` and ``cmlint/corpora`` (hatchling's
``force-include``).  :func:`shipped` is the one resolver: it looks inside the
package first and beside it (a checkout or an editable install) second, so
the data always comes from the same tree as the code that reads it.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal

from cmlint import parsed_yaml


def shipped(name: Literal["rules", "corpora"]) -> Traversable:
    """The shipped folder ``name``: ``cmlint/<name>`` in a wheel, ``<checkout>/<name>`` in a source tree."""
    package = resources.files("cmlint")
    inside = package.joinpath(name)
    if inside.is_dir():
        return inside
    root = Path(str(package)).parent
    beside = root / name
    if (root / "pyproject.toml").is_file() and beside.is_dir():
        return beside
    raise FileNotFoundError(f"данные cmlint не найдены: нет ни {inside}, ни {beside}")


def data_dir() -> Traversable:
    """The folder with the shipped rule packs and linguistic data (``rules/``)."""
    return shipped("rules")


@cache
def data_digest() -> bytes:
    """SHA-256 of every shipped data file (taxonomy, lexicon, packs …), by name and content."""
    digest = hashlib.sha256()
    pending = [data_dir()]
    files = []
    while pending:
        for entry in pending.pop().iterdir():
            if entry.is_dir():
                pending.append(entry)
            elif entry.name.endswith((".yaml", ".yml", ".json")):
                files.append(entry)
    for entry in sorted(files, key=lambda e: str(e)):
        digest.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    return digest.digest()


def yaml_loader() -> Any:
    """libyaml's C loader when PyYAML has it (ten times faster at start-up); PyYAML is imported here, at the
    first parse that is not in the cache, so a run that finds every parse there never imports it."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """Parse YAML safely (no arbitrary objects); a text parsed before comes from :mod:`cmlint.parsed_yaml`."""
    return parsed_yaml.parsed(text, _parse)


def _parse(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=yaml_loader())


@cache
def load_yaml(name: str) -> Any:
    """Parse a shipped YAML file (cached; callers must not mutate the result)."""
    return parse_yaml(data_dir().joinpath(name).read_text(encoding="utf-8"))
