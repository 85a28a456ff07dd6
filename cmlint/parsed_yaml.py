"""YAML parsed once per text: the parse is kept as JSON in the cache folder under the text's SHA-256.

libyaml scans fast, but PyYAML still builds every node in Python: parsing the shipped rules and data
(half a megabyte) was a tenth of every start, and reading the same parse back as JSON takes a few
milliseconds.  A parse is stored only when JSON gives back exactly what YAML gave (no dates, sets or
keys that are not strings); see :mod:`cmlint.cache` for the folder.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from cmlint import cache

_PREFIX = "yaml-"
#: Parses kept: the shipped files and some versions of users' packs (older ones are removed).
_KEEP = 64


def parsed(text: str, parse: Callable[[str], Any]) -> Any:
    """``parse(text)``, read from the cache when this text was parsed before."""
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    try:
        return cache.read_json(_PREFIX, key)
    except (OSError, ValueError):
        pass
    data = parse(text)
    if _same_in_json(data):
        cache.store_json(_PREFIX, key, data, _KEEP)
    return data


def _same_in_json(data: Any) -> bool:
    """Whether JSON gives back exactly ``data`` (JSON keeps the difference between true and 1)."""
    try:
        return bool(json.loads(json.dumps(data, ensure_ascii=False)) == data)
    except (TypeError, ValueError):
        return False
