"""cmlint — a quality linter for Russian job postings.

>>> import cmlint
>>> report = cmlint.lint("Обязанности: холодные звонки, план продаж", title="Комьюнити-менеджер")
>>> "CM001" in report.codes()
True

Names are imported lazily, so ``import cmlint`` stays cheap until a linter
is needed.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Config": "cmlint.config",
    "ConfigError": "cmlint.config",
    "load_config": "cmlint.config",
    "PackError": "cmlint.engine.specs",
    "Linter": "cmlint.linter",
    "fix": "cmlint.fixes",
    "Fixed": "cmlint.fixes",
    "FixResult": "cmlint.edits",
    "lint": "cmlint.linter",
    "Edit": "cmlint.models",
    "EvidenceItem": "cmlint.models",
    "Finding": "cmlint.models",
    "Fix": "cmlint.models",
    "InputFailure": "cmlint.models",
    "LintResult": "cmlint.models",
    "Posting": "cmlint.models",
    "Report": "cmlint.models",
    "RoleInfo": "cmlint.models",
    "Severity": "cmlint.models",
    "Span": "cmlint.models",
    "TitleSuggestion": "cmlint.models",
    "Verdict": "cmlint.models",
}

__all__ = [*sorted(_EXPORTS), "__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'cmlint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
