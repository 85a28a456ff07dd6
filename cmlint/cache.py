"""The cache folder: files derived from inputs they are named after, rebuilt when missing, never kept in git.

The folder is ``$CMLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/cmlint``, else ``~/.cache/cmlint``; when it
cannot be written nothing is stored and the work is simply done again.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """Where the cached files live."""
    explicit = os.environ.get("CMLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cmlint"


def read_json(prefix: str, key: str) -> Any:
    """The data stored under ``prefix`` and ``key``; raises ``OSError`` or ``ValueError`` when there is none."""
    return json.loads((cache_dir() / f"{prefix}{key}.json").read_text(encoding="utf-8"))


def store_json(prefix: str, key: str, data: Any, keep: int) -> None:
    """Store ``data`` under ``prefix`` and ``key`` atomically, keeping the newest ``keep`` files of the prefix;
    skipped when the folder is not writable."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False)
        os.replace(temporary, folder / f"{prefix}{key}.json")
        stored = sorted(folder.glob(f"{prefix}*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in stored[keep:]:
            stale.unlink(missing_ok=True)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
