"""Python checks: rules that need reasoning, one module per concern.

The linter hands :func:`shipped_checks` to the engine; the engine never
imports this package.  A new module here is found by itself: every
:class:`~cmlint.engine.registry.Check` it declares is shipped.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from cmlint.engine.registry import Check


@cache
def shipped_checks() -> Mapping[str, Check[Any]]:
    """Every check declared in the modules of this package, by name."""
    found: dict[str, Check[Any]] = {}
    for module in pkgutil.iter_modules(__path__, f"{__name__}."):
        for value in vars(importlib.import_module(module.name)).values():
            if isinstance(value, Check):
                if found.get(value.name, value) is not value:
                    raise ValueError(f"проверка {value.name!r} объявлена дважды")
                found[value.name] = value
    return MappingProxyType(found)
