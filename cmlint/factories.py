"""Default factories of pydantic fields: a new empty list or dict.

pydantic reads the signature of every default factory as it builds a model.  A builtin type such as ``list`` has
no signature of its own: Python parses its text signature with the tokenizer (compiling the tokenizer's
expressions first), which made a tenth of the time cmlint's modules took to import; the signature of these
functions is read directly.
"""

from __future__ import annotations

from typing import Any


def new_list() -> list[Any]:
    """A new empty list."""
    return []


def new_dict() -> dict[Any, Any]:
    """A new empty dict."""
    return {}
