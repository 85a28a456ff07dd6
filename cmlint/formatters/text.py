"""Human-readable output, like ruff's, with the severity spelled out.

For every posting with findings: a line with its score and verdict, then
``path:line:col: предупреждение CODE message [name]`` — the most serious
first — each with the duty lines that prove it and the suggested fix.  After
everything, a summary: verdicts, findings by severity and by rule, and the
roles the role findings point at.  Colour is optional; the words carry the
meaning without it.
"""

from __future__ import annotations

from collections import Counter

import click

from cmlint.formatters.base import Formatter
from cmlint.formatters.base import label as where_label
from cmlint.formatters.wording import (
    SEVERITIES,
    breakdown,
    findings_count,
    label,
    most_serious_first,
    offers_titles,
    postings_count,
    score_line,
    severity_breakdown,
    severity_word,
)
from cmlint.models import Finding, LintResult, Posting, Report, Severity, Verdict
from cmlint.russian import count, percent
from cmlint.text.printable import printable

_SEVERITY_COLOR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}
_MAX_QUOTE = 90


def _plain(text: str) -> str:
    """Text from a posting or a path, safe for the terminal: controls and bidi overrides escaped, one line."""
    return printable(text, lines=False)


class TextFormatter(Formatter):
    _last_source: str | None = None

    def start(self) -> None:
        self._verdicts: Counter[Verdict] = Counter()
        self._scores: list[int] = []
        self._rules: Counter[tuple[Severity, str, str]] = Counter()

    def _style(self, text: str, **style: object) -> str:
        return click.style(text, **style) if self.color else text  # type: ignore[arg-type]

    def write(self, result: LintResult, posting: Posting | None = None) -> None:
        super().write(result)
        where = _plain(where_label(result))
        out = self.stream
        if result.error is not None or (result.report is not None and result.report.findings):
            if self._last_source is not None:
                out.write("\n")  # a blank line between postings keeps the output grouped
            self._last_source = result.source
        if result.error is not None:
            error = self._style("ошибка ввода", fg="red", bold=True)
            out.write(f"{self._style(where, bold=True)}: {error} [{result.error.kind}] {_plain(result.error.message)}\n")
            return
        report = result.report
        assert report is not None
        self._count(report)
        if not report.findings:
            return
        out.write(f"{self._style(where, bold=True)}: {score_line(report)} ({breakdown(report.findings)})\n")
        titles_shown = False
        for finding in most_serious_first(report.findings):
            out.write(self._finding(where, finding) + "\n")
            for line in self._details(finding):
                out.write(f"    {line}\n")
            if report.suggested_titles and not titles_shown and offers_titles(finding):
                best, *others = report.suggested_titles
                titles = f"«{_plain(best.title)}» (уверенность {percent(best.confidence)})"
                if others:
                    titles += "; другие: " + ", ".join(f"«{_plain(s.title)}» ({percent(s.confidence)})" for s in others)
                out.write(f"    {self._style('предлагаемое название:', bold=True)} {titles}\n")
                titles_shown = True

    def _count(self, report: Report) -> None:
        self._verdicts[report.verdict] += 1
        self._scores.append(report.score)
        for finding in report.findings:
            self._rules[(finding.severity, finding.code, finding.name)] += 1

    def _finding(self, where: str, finding: Finding) -> str:
        span = finding.span
        if span is None:
            position = where
        elif span.field == "title":
            position = f"{where}:название:{span.column}"
        else:
            position = f"{where}:{span.line}:{span.column}"
        color = _SEVERITY_COLOR[finding.severity]
        severity = self._style(severity_word(finding.severity), fg=color, bold=True)
        return f"{self._style(position, bold=True)}: {severity} {self._style(finding.code, fg=color)} {_plain(finding.message)} [{finding.name}]"

    def _details(self, finding: Finding) -> list[str]:
        lines: list[str] = []
        for item in finding.evidence:
            quote = item.span.text.replace("\n", " ")
            if len(quote) > _MAX_QUOTE:
                quote = quote[: _MAX_QUOTE - 1] + "…"
            lines.append(f"{item.span.line}:{item.span.column}  {self._style(label(item.role), fg='magenta')}  «{_plain(quote)}»")
        for fix in finding.suggestions[:1]:
            lines.append(f"{self._style('исправление:', fg='green')} {_plain(fix.message)}")
            for edit in fix.edits:
                where = "название" if edit.span.field == "title" else f"{edit.span.line}:{edit.span.column}"
                lines.append(f"  {where}: «{_plain(edit.span.text)}» → «{_plain(edit.replacement)}»")
        return lines

    def finish(self) -> None:
        out = self.stream
        if self._last_source is not None:
            out.write("\n")
        checked = f"Проверено: {postings_count(self.stats.postings)}"
        if self._scores:
            verdicts = "; ".join(f"{v.label} — {self._verdicts[v]}" for v in Verdict if self._verdicts[v])
            checked += f" ({verdicts}), средняя оценка {round(sum(self._scores) / len(self._scores))} из 100"
        out.write(self._style(checked, bold=True) + "\n")
        by_severity: Counter[Severity] = Counter()
        for (severity, _, _), n in self._rules.items():
            by_severity[severity] += n
        total = sum(by_severity.values())
        out.write(f"{findings_count(total).capitalize()}: {severity_breakdown(by_severity)}\n" if total else "Замечаний нет\n")
        if self.stats.errors:
            out.write(f"Не удалось прочитать: {count(self.stats.errors, 'файл или запись', 'файла или записи', 'файлов или записей')}\n")
        width = max(len(severity_word(s)) for s in SEVERITIES)
        for (severity, code, name), n in sorted(self._rules.items(), key=lambda item: (-item[0][0].rank, -item[1], item[0][1])):
            out.write(f"  {n:>6}  {severity_word(severity).ljust(width)}  {code} {name}\n")
        for code, roles in sorted(self.stats.roles_by_rule.items()):
            shares = ", ".join(f"{label(role)} — {n}" for role, n in roles.most_common())
            out.write(f"  {code} по ролям в обязанностях: {shares}\n")
