"""GitHub Actions: workflow-command annotations plus a Markdown job summary.

GitHub shows only about ten annotations of each level per step, so at most
:data:`MAX_ANNOTATIONS` are printed per level (the first in input order);
the rest are counted in one closing notice.  When ``$GITHUB_STEP_SUMMARY`` names
a file, a summary is appended to it: totals, findings by rule and a table of
the findings (the first :data:`MAX_SUMMARY_ROWS`).
"""

from __future__ import annotations

import os
from collections import Counter

from cmlint.formatters.base import Formatter, label
from cmlint.io.output import OutputError
from cmlint.models import Finding, LintResult, Posting
from cmlint.russian import count

_LEVEL = {"error": "error", "warning": "warning", "suggestion": "notice"}
_SEVERITY_WORD = {"error": "ошибка", "warning": "предупреждение", "suggestion": "совет"}
MAX_ANNOTATIONS = 10
MAX_SUMMARY_ROWS = 200


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


class GithubFormatter(Formatter):
    def start(self) -> None:
        self._shown: Counter[str] = Counter()
        self._hidden = 0
        self._rows: list[str] = []

    def write(self, result: LintResult, posting: Posting | None = None) -> None:
        super().write(result)
        file = _escape_property(result.source)
        if result.error is not None:
            where = f"file={file}" + (f",line={result.line}" if result.line else "")
            self._annotate("error", f"{where},title=cmlint", result.error.message)
            self._row(label(result), result.line, "—", "ошибка ввода", result.error.message)
            return
        assert result.report is not None
        for finding in result.report.findings:
            line, column = self._place(result, finding)
            props = [f"file={file}"]
            if line is not None:
                props.append(f"line={line}")
            if column is not None:
                props.append(f"col={column}")
            props.append(f"title={_escape_property(finding.code + ' ' + finding.name)}")
            self._annotate(_LEVEL[finding.severity.value], ",".join(props), finding.message)
            self._row(label(result), line, finding.code, _SEVERITY_WORD[finding.severity.value], finding.message)

    @staticmethod
    def _place(result: LintResult, finding: Finding) -> tuple[int | None, int | None]:
        if result.record is not None:
            return result.line, None
        span = finding.span
        if span is not None and span.field == "text":
            return span.line, span.column
        return None, None

    def _annotate(self, level: str, properties: str, message: str) -> None:
        if self._shown[level] >= MAX_ANNOTATIONS:
            self._hidden += 1
            return
        self._shown[level] += 1
        self.stream.write(f"::{level} {properties}::{_escape_data(message)}\n")

    def _row(self, where: str, line: int | None, code: str, severity: str, message: str) -> None:
        if len(self._rows) < MAX_SUMMARY_ROWS:
            place = f"{where}:{line}" if line is not None and not where.endswith(f":{line}") else where
            self._rows.append(f"| {_cell(place)} | {code} | {severity} | {_cell(message)} |")

    def finish(self) -> None:
        if self._hidden:
            more = count(self._hidden, "замечание", "замечания", "замечаний")
            self.stream.write(f"::notice title=cmlint::Ещё {more} без аннотаций (GitHub показывает около десяти на уровень); все — в сводке задания и в выводе --format text\n")
        path = os.environ.get("GITHUB_STEP_SUMMARY")
        if path:
            try:
                with open(path, "a", encoding="utf-8") as summary:
                    summary.write(self.summary())
            except OSError as error:
                raise OutputError(f"не удалось записать сводку в $GITHUB_STEP_SUMMARY ({path}): {error.strerror or error}") from None

    def summary(self) -> str:
        """The Markdown job summary."""
        stats = self.stats
        lines = [
            "## cmlint",
            "",
            f"Проверено: {count(stats.postings, 'вакансия', 'вакансии', 'вакансий')}; "
            f"с замечаниями: {stats.with_findings}; замечаний: {stats.findings}; ошибок ввода: {stats.errors}.",
            "",
        ]
        if stats.by_rule:
            lines += ["| правило | замечаний |", "|---|---:|"]
            lines += [f"| {_cell(rule)} | {n} |" for rule, n in stats.by_rule.most_common()]
            lines.append("")
        if self._rows:
            lines += ["| где | код | важность | сообщение |", "|---|---|---|---|", *self._rows]
            shown = len(self._rows)
            total = stats.findings + stats.errors
            if total > shown:
                lines.append(f"\nПоказаны первые {shown} из {total}.")
            lines.append("")
        return "\n".join(lines) + "\n"
