"""Applying fixes: a report's edits put into the posting's text and title.

Which fixes are applied, when they collide (the rule is deterministic):

1. Each finding offers its fixes best first; by default its first fix is
   taken.  A fix is all of its edits or nothing.
2. Fixes are considered in this order: the more severe finding first, then
   the finding whose first edit comes earlier (the title before the text),
   then by rule code.
3. A fix is skipped when one of its edits overlaps an edit already taken in
   the same field (the title or the text).  Edits that only touch are fine;
   the very same edit offered twice counts once.
4. The taken edits are applied from the end backwards, so offsets stay valid.

:func:`fix` lints again after each pass, so a fix skipped in one pass gets
its chance in the next, until nothing is left to fix: ``fix(fix(x))``
changes nothing more.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from html import escape
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from cmlint.models import Edit, Finding, Fix, Format, Posting, Report

if TYPE_CHECKING:
    from cmlint.linter import Linter

#: :func:`fix` stops after this many lint-and-fix passes even if fixes remain.
MAX_PASSES = 5


class AppliedFix(BaseModel):
    """A fix that was (or could not be) applied: the rule and what the fix does."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    message: str


class FixResult(BaseModel):
    """The text and title after fixing, and which fixes went in."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    title: str | None = None
    applied: list[AppliedFix] = Field(default_factory=list)
    skipped: list[AppliedFix] = Field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.applied)


class Fixed(FixResult):
    """The outcome of :func:`fix`: the fixed posting, its fresh report, the passes it took."""

    report: Report
    passes: int
    converged: bool


class StaleReportError(ValueError):
    """The report's spans do not match the text the fixes should go into."""


Choice = tuple[int, int]
"""(index of the finding in the report, index of the fix in its suggestions)."""


def apply_fixes(
    report: Report,
    text: str,
    title: str | None = None,
    *,
    only: Collection[Choice] | None = None,
    format: Format | None = None,
) -> FixResult:
    """Apply the report's fixes to ``text`` and ``title`` in one pass.

    ``only`` picks particular fixes (by :data:`Choice`); by default every
    finding's first fix.  In ``html`` postings replacements are escaped.
    Raises :class:`StaleReportError` when an edit's span does not hold the
    text the report saw.
    """
    candidates = _candidates(report.findings, only)
    fields = {"text": text, "title": title or ""}
    taken: dict[str, list[Edit]] = {"text": [], "title": []}
    applied: list[AppliedFix] = []
    skipped: list[AppliedFix] = []
    for finding, fix in candidates:
        entry = AppliedFix(code=finding.code, message=fix.message)
        for edit in fix.edits:
            _check_span(edit, fields[edit.span.field])
        new = [e for e in fix.edits if e not in taken[e.span.field]]
        if any(_overlaps(e, other) for e in new for other in taken[e.span.field]):
            skipped.append(entry)
            continue
        for edit in new:
            taken[edit.span.field].append(edit)
        applied.append(entry)
    html = format == "html"
    return FixResult(
        text=_apply(text, taken["text"], html),
        title=_apply(title, taken["title"], False) if title is not None else None,
        applied=applied,
        skipped=skipped,
    )


def fix(
    text: str,
    title: str | None = None,
    *,
    format: Format | None = None,
    id: str | None = None,
    linter: Linter | None = None,
    path: str | None = None,
    max_passes: int = MAX_PASSES,
) -> Fixed:
    """Lint, apply every fix, lint again … until nothing is left to fix.

    Returns the fixed text and title with the report of the fixed posting.
    ``converged`` is false only when fixes were still left after ``max_passes``
    (they are listed in ``skipped``).  ``path`` lets ``per-file-ignores`` apply.
    """
    if linter is None:
        from cmlint.linter import default_linter

        linter = default_linter()
    posting = Posting(text=text, title=title, format=format, id=id)
    report = linter.lint_posting(posting, path=path)
    applied: list[AppliedFix] = []
    for passes in range(max_passes + 1):
        result = apply_fixes(report, posting.text, posting.title, format=format)
        if not result.changed or passes == max_passes:
            return Fixed(
                text=posting.text,
                title=posting.title,
                applied=applied,
                skipped=result.applied + result.skipped,
                report=report,
                passes=passes,
                converged=not result.changed,
            )
        applied += result.applied
        posting = posting.model_copy(update={"text": result.text, "title": result.title})
        report = linter.lint_posting(posting, path=path)
    raise AssertionError("unreachable: the loop returns on its last pass")


def _candidates(findings: Sequence[Finding], only: Collection[Choice] | None) -> list[tuple[Finding, Fix]]:
    """The fixes to try, in the documented order."""
    chosen: list[tuple[Finding, Fix]] = []
    for index, finding in enumerate(findings):
        for number, suggestion in enumerate(finding.suggestions):
            wanted = number == 0 if only is None else (index, number) in only
            if wanted and suggestion.edits:
                chosen.append((finding, suggestion))
    return sorted(chosen, key=_order)


def _order(pair: tuple[Finding, Fix]) -> tuple[int, int, int, str]:
    finding, suggestion = pair
    first = min(suggestion.edits, key=lambda e: (e.span.field != "title", e.span.start))
    return (-finding.severity.rank, first.span.field != "title", first.span.start, finding.code)


def _check_span(edit: Edit, source: str) -> None:
    span = edit.span
    if source[span.start:span.end] != span.text:
        raise StaleReportError(
            f"отчёт не относится к этому тексту: в поле {span.field} на позиции {span.start} "
            f"ожидалось «{span.text}», а стоит «{source[span.start:span.end]}»"
        )


def _overlaps(a: Edit, b: Edit) -> bool:
    """Whether two edits of one field collide (two insertions at one place do too)."""
    return a.span.start == b.span.start or (a.span.start < b.span.end and b.span.start < a.span.end)


def _apply(source: str, edits: list[Edit], html: bool) -> str:
    out = source
    for edit in sorted(edits, key=lambda e: e.span.start, reverse=True):
        replacement = escape(edit.replacement, quote=False) if html else edit.replacement
        out = out[: edit.span.start] + replacement + out[edit.span.end:]
    return out
