"""Python checks: rules that need reasoning.

The linter hands :func:`shipped_checks` to the engine; the engine never
imports this package.
"""

from typing import Any

from cmlint.checks import (
    community_work,
    role_confusion,
    role_overload,
    structure,
    style,
)
from cmlint.engine.registry import Check

_MODULES = (community_work, role_confusion, role_overload, structure, style)


def shipped_checks() -> dict[str, Check[Any]]:
    """Every check declared in this package, by name."""
    return {value.name: value for module in _MODULES for value in vars(module).values() if isinstance(value, Check)}
