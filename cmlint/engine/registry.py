"""Python checks: rules that need reasoning, registered by name.

A check is a function ``(posting, ctx) -> Iterable[Finding]``; its metadata
(code, message, explanation, examples) lives in a YAML pack entry with
``kind: python`` and ``check: <name>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from collections.abc import Callable, Iterable

from cmlint.analysis import AnalyzedPosting, Analyzer
from cmlint.config import Config
from cmlint.engine.specs import RuleSpec
from cmlint.models import EvidenceItem, Finding, Fix, Severity, Span, TitleSuggestion
from cmlint.nlp.morphology import Morphology
from cmlint.roles.taxonomy import Taxonomy


@dataclass
class CheckContext:
    """What a check may use besides the posting: its rule, config, shared data."""

    spec: RuleSpec
    severity: Severity
    config: Config
    taxonomy: Taxonomy
    morphology: Morphology
    analyzer: Analyzer
    suggestions: list[TitleSuggestion] = field(default_factory=list)

    def option(self, name: str, default: Any) -> Any:
        return self.spec.options.get(name, default)

    def finding(
        self,
        span: Span | None,
        suggestions: Iterable[Fix] = (),
        evidence: Iterable[EvidenceItem] = (),
        **values: Any,
    ) -> Finding:
        """A finding of this rule with its message template filled in."""
        return Finding(
            code=self.spec.code,
            name=self.spec.name,
            severity=self.severity,
            message=_fill(self.spec.message, values),
            span=span,
            suggestions=list(suggestions),
            evidence=list(evidence),
        )


CheckFunction = Callable[[AnalyzedPosting, CheckContext], Iterable[Finding]]

_CHECKS: dict[str, CheckFunction] = {}


def register(name: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register a Python check under ``name`` (what a pack's ``check:`` refers to)."""

    def decorate(function: CheckFunction) -> CheckFunction:
        if name in _CHECKS:
            raise ValueError(f"проверка {name!r} уже зарегистрирована")
        _CHECKS[name] = function
        return function

    return decorate


def python_check(name: str) -> CheckFunction | None:
    import cmlint.checks  # noqa: F401  (registers the shipped checks)

    return _CHECKS.get(name)


class _KeepMissing(dict[str, Any]):
    """Placeholders a check did not provide stay in the message as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, values: dict[str, Any]) -> str:
    return template.format_map(_KeepMissing(values))
