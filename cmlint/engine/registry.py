"""Python checks: rules that need reasoning, declared by name.

A check is a function ``(posting, ctx) -> Iterable[Finding]`` declared with
:func:`check`; its metadata (code, message, explanation, examples) lives in a
YAML pack entry with ``kind: python`` and ``check: <name>``.  The engine does
not look for checks: whoever builds it hands the declarations in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from collections.abc import Callable, Iterable

from cmlint.analysis import AnalyzedPosting
from cmlint.config import Config
from cmlint.engine.specs import RuleSpec
from cmlint.models import EvidenceItem, Finding, Fix, Severity, Span
from cmlint.nlp.morphology import Morphology
from cmlint.roles.taxonomy import Taxonomy


@dataclass(frozen=True)
class CheckContext:
    """What a check may use besides the posting: its rule, config, shared data (read-only, one per rule)."""

    spec: RuleSpec
    severity: Severity
    config: Config
    taxonomy: Taxonomy
    morphology: Morphology

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


@dataclass(frozen=True)
class Check:
    """A Python check: the name a pack's ``check:`` refers to, and its function."""

    name: str
    function: CheckFunction

    def __call__(self, posting: AnalyzedPosting, ctx: CheckContext) -> Iterable[Finding]:
        return self.function(posting, ctx)


def check(name: str) -> Callable[[CheckFunction], Check]:
    """Declare a Python check under ``name`` (what a pack's ``check:`` refers to)."""

    def declare(function: CheckFunction) -> Check:
        return Check(name, function)

    return declare


class _KeepMissing(dict[str, Any]):
    """Placeholders a check did not provide stay in the message as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, values: dict[str, Any]) -> str:
    return template.format_map(_KeepMissing(values))
