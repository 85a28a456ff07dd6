"""Human-readable output, like ruff's: ``path:line:col: CODE message``.

Under each finding: the duty lines that prove it and the suggested fix;
after everything, a summary by rule and by suggested role.
"""

from __future__ import annotations

import click

from cmlint.formatters.base import Formatter, label
from cmlint.models import Finding, LintResult, Posting
from cmlint.roles.taxonomy import role_label

_SEVERITY_COLOR = {"error": "red", "warning": "yellow", "suggestion": "cyan"}
_MAX_QUOTE = 90


class TextFormatter(Formatter):
    def _style(self, text: str, **style: object) -> str:
        return click.style(text, **style) if self.color else text  # type: ignore[arg-type]

    _last_source: str | None = None

    def write(self, result: LintResult, posting: Posting | None = None) -> None:
        super().write(result)
        where = label(result)
        out = self.stream
        if result.error is not None or (result.report is not None and result.report.findings):
            if self._last_source is not None and self._last_source != result.source:
                out.write("\n")  # a blank line between files keeps the output grouped by file
            self._last_source = result.source
        if result.error is not None:
            out.write(f"{self._style(where, bold=True)}: {self._style('ошибка ввода', fg='red', bold=True)} [{result.error.kind}] {result.error.message}\n")
            return
        report = result.report
        assert report is not None
        for finding in report.findings:
            out.write(self._finding(where, finding) + "\n")
            for line in self._details(finding):
                out.write(f"    {line}\n")
        if any(f.code == "CM001" for f in report.findings) and report.suggested_titles:
            titles = ", ".join(f"«{s.title}» ({s.confidence:.2f})" for s in report.suggested_titles)
            out.write(f"    {self._style('предлагаемое название:', bold=True)} {titles}\n")

    def _finding(self, where: str, finding: Finding) -> str:
        span = finding.span
        if span is None:
            position = where
        elif span.field == "title":
            position = f"{where}:title:{span.column}"
        else:
            position = f"{where}:{span.line}:{span.column}"
        code = self._style(finding.code, fg=_SEVERITY_COLOR[finding.severity.value], bold=True)
        return f"{self._style(position, bold=True)}: {code} {finding.message} [{finding.name}]"

    def _details(self, finding: Finding) -> list[str]:
        lines: list[str] = []
        for item in finding.evidence:
            quote = item.span.text.replace("\n", " ")
            if len(quote) > _MAX_QUOTE:
                quote = quote[: _MAX_QUOTE - 1] + "…"
            lines.append(f"{item.span.line}:{item.span.column}  {self._style(role_label(item.role), fg='magenta')}  «{quote}»")
        for fix in finding.suggestions[:1]:
            lines.append(f"{self._style('исправление:', fg='green')} {fix.message}")
            for edit in fix.edits:
                where = "название" if edit.span.field == "title" else f"{edit.span.line}:{edit.span.column}"
                lines.append(f"  {where}: «{edit.span.text}» → «{edit.replacement}»")
        return lines

    def finish(self) -> None:
        stats = self.stats
        out = self.stream
        if stats.findings:
            out.write("\n")
        summary = (
            f"Проверено вакансий: {stats.postings}; с замечаниями: {stats.with_findings}; "
            f"замечаний: {stats.findings}"
        )
        if stats.errors:
            summary += f"; ошибок ввода: {stats.errors}"
        out.write(self._style(summary, bold=True) + "\n")
        for rule, count in stats.by_rule.most_common():
            out.write(f"  {count:>6}  {rule}\n")
        for code, by_role in sorted(stats.roles_by_rule.items()):
            roles = ", ".join(f"{role_label(role)}: {count}" for role, count in by_role.most_common())
            out.write(f"  {code} по фактической роли: {roles}\n")
