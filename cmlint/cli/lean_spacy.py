"""Import spaCy without its own command line.

``import spacy`` runs ``from .cli.info import info``, which loads every
``spacy …`` command (typer apps, weasel, requests, httpx): about a fifth of
a second of ``cmlint check one.txt``, for code cmlint never calls.  The
``cmlint`` command puts two stand-ins in ``sys.modules`` before anything
imports spaCy: a ``spacy.cli`` package that finds its real submodules but
runs no ``__init__``, and a ``spacy.cli.info`` whose ``info`` loads the real
one on its first call.  The library (``import cmlint``) never does this.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

_STUBS = ("spacy.cli", "spacy.cli.info")


def skip_spacy_cli() -> None:
    """Let the next ``import spacy`` skip ``spacy.cli`` (nothing happens once spaCy is imported)."""
    if "spacy" in sys.modules or any(name in sys.modules for name in _STUBS):
        return
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return
    package = types.ModuleType("spacy.cli", "spaCy's commands, not loaded (see cmlint.cli.lean_spacy)")
    package.__path__ = [str(Path(location) / "cli") for location in spec.submodule_search_locations]
    info = types.ModuleType("spacy.cli.info", "A stand-in: loads spaCy's commands on the first call")
    info.info = _real_info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": package, "spacy.cli.info": info})


def _real_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: drop the stand-ins, load spaCy's real commands and call theirs."""
    for name in _STUBS:
        sys.modules.pop(name, None)
    real = importlib.import_module("spacy.cli.info").info
    spacy = sys.modules["spacy"]
    spacy.info = real  # type: ignore[attr-defined]
    return real(*args, **kwargs)
