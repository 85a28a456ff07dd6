"""Python checks: rules that need reasoning, each declared once with everything it needs.

A check is a function ``(posting, ctx) -> Iterable[Finding]`` declared with
:func:`check` together with its typed options (a pydantic model; unknown keys
are errors, the model's defaults are the only defaults) and the message fields
it fills in.  Its pack entry (``kind: python``, ``check: <name>``) carries the
code, the message, the explanation and the examples, and is validated against
the declaration when the engine is built.  The engine does not look for
checks: whoever builds it hands the declarations in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from pydantic import ConfigDict

from cmlint.analysis import AnalyzedPosting
from cmlint.config import Config
from cmlint.engine.messages import FieldType, Template
from cmlint.engine.specs import RuleSpec
from cmlint.models import EvidenceItem, Finding, Fix, Severity, Span
from cmlint.nlp.morphology import Morphology
from cmlint.roles.taxonomy import Taxonomy
from cmlint.scoring import Section


class Options(Section):
    """Options of a check: typed, immutable; keys as in packs (``min_items``) or in TOML (``min-items``)."""

    model_config = ConfigDict(loc_by_alias=False)


class NoOptions(Options):
    """The options of a rule that has none."""


OptionsT = TypeVar("OptionsT", bound=Options)


@dataclass(frozen=True)
class CheckContext(Generic[OptionsT]):
    """What a rule may use besides the posting: its spec, options, config and shared data (read-only, one per rule)."""

    spec: RuleSpec
    severity: Severity
    config: Config
    taxonomy: Taxonomy
    morphology: Morphology
    options: OptionsT
    #: The message fields the rule fills in (checked against the message when the rule was built).
    fields: Mapping[str, FieldType]

    @cached_property
    def message(self) -> Template:
        """The rule's message template, parsed once for all its findings."""
        return Template(self.spec.message)

    def finding(
        self,
        span: Span | None,
        suggestions: Iterable[Fix] = (),
        evidence: Iterable[EvidenceItem] = (),
        **values: Any,
    ) -> Finding:
        """A finding of this rule with its message filled in (every declared field must be given)."""
        missing = set(self.fields).difference(values)
        if missing:
            raise ValueError(f"{self.spec.code}: проверка не передала поля сообщения {sorted(missing)}")
        return Finding(
            code=self.spec.code,
            name=self.spec.name,
            severity=self.severity,
            message=self.message.render(values),
            span=span,
            suggestions=list(suggestions),
            evidence=list(evidence),
        )


CheckFunction = Callable[[AnalyzedPosting, CheckContext[OptionsT]], Iterable[Finding]]


@dataclass(frozen=True)
class Check(Generic[OptionsT]):
    """A Python check: the name its pack entry refers to, its options model, its message fields, its function."""

    name: str
    options: type[OptionsT]
    fields: Mapping[str, FieldType]
    function: CheckFunction[OptionsT]

    def __call__(self, posting: AnalyzedPosting, ctx: CheckContext[OptionsT]) -> Iterable[Finding]:
        return self.function(posting, ctx)


def check(
    name: str, options: type[OptionsT], fields: Mapping[str, FieldType] | None = None
) -> Callable[[CheckFunction[OptionsT]], Check[OptionsT]]:
    """Declare a Python check: ``name`` (a pack's ``check:``), its ``options`` model and message ``fields``
    (name → ``int`` for a number, ``str`` for text)."""

    def declare(function: CheckFunction[OptionsT]) -> Check[OptionsT]:
        return Check(name, options, MappingProxyType(dict(fields or {})), function)

    return declare
