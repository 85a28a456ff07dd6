"""Access to the data shipped with cmlint (the ``rules/`` folder).

In the source tree the data lives in ``rules/``; setuptools installs it as
the package ``cmlint.packs``, so the same code works from a wheel, an
editable install and any working directory.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml


def data_dir() -> Traversable:
    """The folder with the shipped YAML files."""
    return resources.files("cmlint.packs")


#: libyaml's C loader when PyYAML has it (ten times faster at start-up).
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """Parse YAML safely (no arbitrary objects)."""
    return yaml.load(text, Loader=Loader)


@cache
def load_yaml(name: str) -> Any:
    """Parse a shipped YAML file (cached; callers must not mutate the result)."""
    return parse_yaml(data_dir().joinpath(name).read_text(encoding="utf-8"))
