"""Applying a report's fixes to the posting's text and title (pure: no linting here).

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

:func:`cmlint.fixes.fix` lints again after each pass, so a skipped fix gets
its turn in the next one.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from html import escape
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from cmlint.factories import new_list

if TYPE_CHECKING:  # annotations only: models.Report.fixed_text imports this module
    from cmlint.models import Edit, Finding, Fix, Format, Report


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
    applied: list[AppliedFix] = Field(default_factory=new_list)
    skipped: list[AppliedFix] = Field(default_factory=new_list)

    @property
    def changed(self) -> bool:
        return bool(self.applied)


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
    if source[span.start : span.end] != span.text:
        raise StaleReportError(
            f"отчёт не относится к этому тексту: в поле {span.field} на позиции {span.start} "
            f"ожидалось «{span.text}», а стоит «{source[span.start : span.end]}»"
        )


def _overlaps(a: Edit, b: Edit) -> bool:
    """Whether two edits of one field collide (two insertions at one place do too)."""
    return a.span.start == b.span.start or (a.span.start < b.span.end and b.span.start < a.span.end)


def _apply(source: str, edits: list[Edit], html: bool) -> str:
    out = source
    for edit in sorted(edits, key=lambda e: e.span.start, reverse=True):
        replacement = escape(edit.replacement, quote=False) if html else edit.replacement
        out = out[: edit.span.start] + replacement + out[edit.span.end :]
    return out
