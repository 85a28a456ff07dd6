"""The formatter interface and helpers shared by formats."""

from __future__ import annotations

from collections import Counter
from typing import TextIO
from collections.abc import Sequence

from cmlint.engine.specs import RuleSpec
from cmlint.models import LintResult, Posting, Severity


class Formatter:
    """Receives results one by one; writes them to ``stream``.

    ``rules`` are the specs of the enabled rules (for formats that describe
    rules); ``write`` also gets the posting, for formats that quote it.
    """

    def __init__(self, stream: TextIO, color: bool = False, rules: Sequence[RuleSpec] = ()) -> None:
        self.stream = stream
        self.color = color
        self.rules = list(rules)
        self.stats = Stats()

    def start(self) -> None:
        """Called once before the first result."""

    def write(self, result: LintResult, posting: Posting | None = None) -> None:
        self.stats.add(result)

    def finish(self) -> None:
        """Called once after the last result."""


class Stats:
    """Counts for summaries and exit codes."""

    def __init__(self) -> None:
        self.postings = 0
        self.errors = 0
        self.with_findings = 0
        self.findings = 0
        self.by_rule: Counter[str] = Counter()
        self.by_severity: Counter[Severity] = Counter()
        #: For rules that prove a finding with duty lines (evidence): the duties' role of each flagged posting, by code.
        self.roles_by_rule: dict[str, Counter[str]] = {}

    def add(self, result: LintResult) -> None:
        if result.error is not None:
            self.errors += 1
            return
        self.postings += 1
        report = result.report
        if report is None or not report.findings:
            return
        self.with_findings += 1
        self.findings += len(report.findings)
        for finding in report.findings:
            self.by_rule[f"{finding.code} {finding.name}"] += 1
            self.by_severity[finding.severity] += 1
            if finding.evidence and report.suggested_titles:
                self.roles_by_rule.setdefault(finding.code, Counter())[report.suggested_titles[0].role] += 1


def label(result: LintResult) -> str:
    """``path`` for a single posting, ``path:N`` for record N of a record file."""
    return result.source if result.record is None else f"{result.source}:{result.record}"
