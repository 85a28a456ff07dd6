"""SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from cmlint.formatters.base import Formatter
from cmlint.models import Finding, LintResult, Posting, Span

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}


def _uri(source: str) -> str:
    """A valid URI reference: relative paths percent-encoded, absolute ones as ``file://`` URIs."""
    if source == "-":
        return source
    path = Path(source)
    return path.as_uri() if path.is_absolute() else quote(path.as_posix(), safe="/")


def _region(span: Span | None, record: int | None, line: int | None) -> dict[str, int] | None:
    if record is not None:
        return {"startLine": line} if line is not None else None
    if span is None or span.field != "text":
        return None
    lines = span.text.split("\n")
    end_line = span.line + len(lines) - 1
    end_column = (span.column + len(lines[0])) if len(lines) == 1 else len(lines[-1]) + 1
    return {
        "startLine": span.line, "startColumn": span.column, "endLine": end_line, "endColumn": end_column,
        "charOffset": span.start, "charLength": span.end - span.start,
    }


class SarifFormatter(Formatter):
    """Buffers results and writes one SARIF log at the end."""

    def start(self) -> None:
        self._results: list[dict] = []
        self._notifications: list[dict] = []
        self._rule_ids: dict[str, int] = {}

    def write(self, result: LintResult, posting: Posting | None = None) -> None:
        super().write(result)
        uri = _uri(result.source)
        if result.error is not None:
            self._notifications.append({
                "level": "error",
                "message": {"text": f"{result.error.kind}: {result.error.message}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, **({"region": {"startLine": result.line}} if result.line else {})}}],
            })
            return
        assert result.report is not None
        for finding in result.report.findings:
            self._results.append(self._result(finding, uri, result.record, result.line))

    def _result(self, finding: Finding, uri: str, record: int | None, line: int | None) -> dict:
        if finding.code not in self._rule_ids:
            self._rule_ids[finding.code] = len(self._rule_ids)
        location: dict = {"artifactLocation": {"uri": uri}}
        region = _region(finding.span, record, line)
        if region:
            location["region"] = region
        entry: dict = {
            "ruleId": finding.code,
            "ruleIndex": self._rule_ids[finding.code],
            "level": _LEVEL[finding.severity.value],
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": location}],
        }
        fixes = []
        for fix in finding.suggestions:
            replacements = [
                {"deletedRegion": {"charOffset": e.span.start, "charLength": e.span.end - e.span.start}, "insertedContent": {"text": e.replacement}}
                for e in fix.edits if e.span.field == "text" and record is None
            ]
            if replacements:
                fixes.append({"description": {"text": fix.message}, "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}]})
        if fixes:
            entry["fixes"] = fixes
        return entry

    def finish(self) -> None:
        from cmlint import __version__

        specs = {spec.code: spec for spec in self.rules}
        rules = []
        for code in self._rule_ids:
            spec = specs.get(code)
            rule: dict = {"id": code}
            if spec is not None:
                rule.update({
                    "name": spec.name,
                    "shortDescription": {"text": spec.title},
                    "defaultConfiguration": {"level": _LEVEL[spec.severity.value]},
                })
                if spec.explanation:
                    rule["fullDescription"] = {"text": spec.explanation.what}
                    rule["help"] = {"text": f"{spec.explanation.why}\n\nПлохо:\n{spec.explanation.bad}\n\nЛучше:\n{spec.explanation.good}"}
            rules.append(rule)
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "cmlint", "version": __version__, "informationUri": "https://pypi.org/project/cmlint/", "rules": rules}},
                "invocations": [{"executionSuccessful": not self._notifications, "toolExecutionNotifications": self._notifications}],
                "results": self._results,
            }],
        }
        json.dump(log, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
