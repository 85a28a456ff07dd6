"""Public data models: what goes into the linter and what comes out of it.

These pydantic models are the stable contract for library users and the
JSON output of the CLI.  Field names are English; messages are Russian.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from cmlint.factories import new_dict, new_list

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


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: Bidi marks, embeddings, overrides and isolates: invisible, they would keep a title's words from matching.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class Posting(_Model):
    """A vacancy to lint: a title (optional) and a body in some markup format.

    Lone surrogates (``"\\udfff"`` in JSON) become U+FFFD, one for one, so
    offsets stay right and every output encoder can write the text.  Bidi
    controls in the title (U+202E …) become spaces, one for one (the body's
    are dropped by normalization, with its offset map).
    """

    text: str
    title: str | None = None
    format: Format | None = None
    id: str | None = None
    #: The pay where a board keeps it apart from the text, as it shows it («от 80 000 до 120 000 ₽», «по
    #: договорённости»); a figure in it states the salary the text may leave out.
    salary: str | None = None

    @field_validator("text", "title", "id", "salary")
    @classmethod
    def _no_lone_surrogates(cls, value: str | None) -> str | None:
        if value is not None and _LONE_SURROGATE.search(value):
            return _LONE_SURROGATE.sub("\ufffd", value)
        return value

    @field_validator("title")
    @classmethod
    def _no_bidi_controls(cls, value: str | None) -> str | None:
        return _BIDI.sub(" ", value) if value is not None else None


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
    edits: list[Edit] = Field(default_factory=new_list)


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
    suggestions: list[Fix] = Field(default_factory=new_list)
    evidence: list[EvidenceItem] = Field(default_factory=new_list)


class TitleSuggestion(_Model):
    """A title that fits the duties better, with the role it names."""

    title: str
    role: str
    confidence: float


class Verdict(str, Enum):
    """Whether a posting can go out as it is (see :mod:`cmlint.quality`)."""

    READY = "ready"
    NEEDS_FIXES = "needs-fixes"

    @property
    def label(self) -> str:
        """The verdict for people: «можно публиковать» or «нужно исправить»."""
        return "можно публиковать" if self is Verdict.READY else "нужно исправить"


class RoleInfo(_Model):
    """What a role or occupation id means: its name in messages, the job boards' name, hh.ru catalogue ids."""

    label: str
    board_name: str
    hh_roles: list[int] = Field(default_factory=new_list)
    kind: Literal["role", "occupation"] = Field(
        description="role: a community-adjacent role read by phrase rules; occupation: read by the occupation model"
    )


class Report(_Model):
    """Everything cmlint says about one posting.

    ``score`` (0–100) and ``verdict`` follow the formula in :mod:`cmlint.quality`.
    A report made by the linter remembers the posting it came from (not
    serialized, not compared), so :meth:`fixed_text` needs no arguments.
    """

    id: str | None = None
    title: str | None = None
    title_roles: list[str] = Field(default_factory=new_list)
    duty_profile: dict[str, float] = Field(default_factory=new_dict)
    suggested_titles: list[TitleSuggestion] = Field(default_factory=new_list)
    roles: dict[str, RoleInfo] = Field(
        default_factory=dict,
        description="every role id the report names (title roles, duty profile, suggestions, evidence)",
    )
    findings: list[Finding] = Field(default_factory=new_list)
    score: int = Field(default=100, ge=0, le=100)
    verdict: Verdict = Verdict.READY
    tool_version: str = Field(default_factory=_tool_version, description="the cmlint version that wrote the report")
    ruleset_version: str | None = Field(
        default=None,
        description="a digest of the rules, their settings and the shipped data that produced the findings; "
        "equal digests and tool versions give equal reports for equal input",
    )

    _posting: Posting | None = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        """Reports are equal when their fields are (the remembered posting does not count)."""
        if not isinstance(other, Report):
            return NotImplemented
        return self.__dict__ == other.__dict__

    @property
    def has_findings(self) -> bool:
        return bool(self.findings)

    def codes(self) -> list[str]:
        """The codes of the findings, in report order."""
        return [f.code for f in self.findings]

    def linted_from(self, posting: Posting) -> Report:
        """Remember the posting this report describes (the linter calls this)."""
        self._posting = posting
        return self

    def fixed_text(self, text: str | None = None, title: str | None = None) -> str:
        """The posting's text with every fix of this report applied (one pass).

        ``text``/``title`` default to the posting the report was linted from;
        a report read back from JSON needs them.  Overlapping fixes are
        resolved as :mod:`cmlint.edits` documents.
        """
        from cmlint.edits import apply_fixes

        return apply_fixes(self, *self._source(text, title)).text

    def _source(self, text: str | None, title: str | None) -> tuple[str, str | None]:
        if text is not None:
            return text, title
        if self._posting is None:
            raise ValueError("отчёт не помнит текст вакансии (например, прочитан из JSON): передайте text")
        return self._posting.text, self._posting.title


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
    line: int | None = Field(default=None, description="the line of source where the record starts, when known")
