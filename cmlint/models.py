"""Public data models: what goes into the linter and what comes out of it.

These pydantic models are the stable contract for library users and the
JSON output of the CLI.  Field names are English; messages are Russian.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Format = Literal["plain", "markdown", "html", "telegram"]


class Severity(str, Enum):
    """How serious a finding is; ordered from the most to the least severe."""

    ERROR = "error"
    WARNING = "warning"
    SUGGESTION = "suggestion"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for suggestion."""
        return {"error": 2, "warning": 1, "suggestion": 0}[self.value]


def _tool_version() -> str:
    from cmlint import __version__

    return __version__


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_serialization_defaults_required=True)


class Posting(_Model):
    """A vacancy to lint: a title (optional) and a body in some markup format."""

    text: str
    title: str | None = None
    format: Format | None = None
    id: str | None = None


class Span(_Model):
    """A stretch of the caller's input.

    ``field`` says which string the offsets index: ``"text"`` (the body as
    given) or ``"title"`` (the title given separately).  ``start``/``end``
    are character offsets, ``line``/``column`` are 1-based.
    """

    field: Literal["text", "title"] = "text"
    start: int
    end: int
    line: int
    column: int
    text: str


class Edit(_Model):
    """Replace ``span`` with ``replacement``."""

    span: Span
    replacement: str


class Fix(_Model):
    """A suggested change, described in Russian, made of concrete edits."""

    message: str
    edits: list[Edit] = Field(default_factory=list)


class EvidenceItem(_Model):
    """A duty line that supports a finding, with the role it speaks of."""

    role: str
    span: Span
    phrase: str
    weight: float


class Finding(_Model):
    """One problem found in a posting."""

    code: str
    name: str
    severity: Severity
    message: str
    span: Span | None = None
    suggestions: list[Fix] = Field(default_factory=list)
    evidence: list[EvidenceItem] = Field(default_factory=list)


class TitleSuggestion(_Model):
    """A title that fits the duties better, with the role it names."""

    title: str
    role: str
    confidence: float


class Report(_Model):
    """Everything cmlint says about one posting."""

    id: str | None = None
    title: str | None = None
    title_roles: list[str] = Field(default_factory=list)
    duty_profile: dict[str, float] = Field(default_factory=dict)
    suggested_titles: list[TitleSuggestion] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    tool_version: str = Field(default_factory=_tool_version, description="the cmlint version that wrote the report")
    ruleset_version: str | None = Field(
        default=None,
        description="a digest of the rules, their settings and the shipped data that produced the findings; "
        "equal digests and tool versions give equal reports for equal input",
    )

    @property
    def has_findings(self) -> bool:
        return bool(self.findings)

    def codes(self) -> list[str]:
        """The codes of the findings, in report order."""
        return [f.code for f in self.findings]


class InputFailure(_Model):
    """Why an input (a file, a record) could not be linted."""

    kind: Literal["not-found", "unsupported", "too-large", "unreadable", "decode", "empty", "malformed"]
    message: str


class LintResult(_Model):
    """One line of batch output: a report, or the failure of that input.

    ``record`` is the 1-based line (JSONL, CSV) or position (JSON list) of
    the posting inside ``source``; ``None`` for single-posting files.
    """

    source: str
    record: int | None = None
    id: str | None = None
    report: Report | None = None
    error: InputFailure | None = None
