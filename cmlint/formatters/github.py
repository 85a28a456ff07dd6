"""GitHub Actions workflow commands (``::warning file=…,line=…::message``)."""

from __future__ import annotations

from cmlint.formatters.base import Formatter
from cmlint.models import LintResult, Posting

_LEVEL = {"error": "error", "warning": "warning", "suggestion": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    def write(self, result: LintResult, posting: Posting | None = None) -> None:
        super().write(result)
        file = _escape_property(result.source)
        if result.error is not None:
            where = f"file={file}" + (f",line={result.record}" if result.record else "")
            self.stream.write(f"::error {where},title=cmlint::{_escape_data(result.error.message)}\n")
            return
        assert result.report is not None
        for finding in result.report.findings:
            props = [f"file={file}"]
            span = finding.span
            if result.record is not None:
                props.append(f"line={result.record}")
            elif span is not None and span.field == "text":
                props += [f"line={span.line}", f"col={span.column}"]
            props.append(f"title={_escape_property(finding.code + ' ' + finding.name)}")
            self.stream.write(f"::{_LEVEL[finding.severity.value]} {','.join(props)}::{_escape_data(finding.message)}\n")
