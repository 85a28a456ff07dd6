"""Russian wording shared by the outputs people read: severities, scores, shares."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from cmlint.models import Finding, Report, Severity
from cmlint.roles.taxonomy import ROLE_IDS, role_label
from cmlint.russian import count, percent

#: Severities from the most to the least serious.
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)

_FORMS = {
    Severity.ERROR: ("ошибка", "ошибки", "ошибок"),
    Severity.WARNING: ("предупреждение", "предупреждения", "предупреждений"),
    Severity.SUGGESTION: ("совет", "совета", "советов"),
}


def severity_word(severity: Severity) -> str:
    """«ошибка», «предупреждение», «совет»."""
    return _FORMS[severity][0]


def severity_count(severity: Severity, n: int) -> str:
    """«1 ошибка», «2 предупреждения», «5 советов»."""
    return count(n, *_FORMS[severity])


def findings_count(n: int) -> str:
    return count(n, "замечание", "замечания", "замечаний")


def postings_count(n: int) -> str:
    return count(n, "вакансия", "вакансии", "вакансий")


def most_serious_first(findings: Iterable[Finding]) -> list[Finding]:
    """Errors, then warnings, then suggestions; report order within each."""
    return sorted(findings, key=lambda f: -f.severity.rank)


def breakdown(findings: Iterable[Finding]) -> str:
    """«1 ошибка, 2 предупреждения» — only the severities that occur; «замечаний нет» for none."""
    return severity_breakdown(Counter(f.severity for f in findings))


def severity_breakdown(counts: Mapping[Severity, int]) -> str:
    """The same from counts by severity."""
    parts = [severity_count(s, counts[s]) for s in SEVERITIES if counts.get(s)]
    return ", ".join(parts) if parts else "замечаний нет"


def score_line(report: Report) -> str:
    """«оценка 75 из 100 — нужно исправить»."""
    return f"оценка {report.score} из 100 — {report.verdict.label}"


def label(key: str) -> str:
    """The Russian name of a role or occupation key (the key itself when unknown)."""
    return role_label(key)


def share(key: str, value: float) -> str:
    """«продажи — 97 %»."""
    return f"{label(key)} — {percent(value)}"


def offers_titles(finding: Finding) -> bool:
    """A finding about the duties' roles that offers fixes: the report's suggested titles belong under it."""
    return bool(finding.evidence and finding.suggestions)


def labels() -> dict[str, str]:
    """The Russian name of every role key reports can carry (for surfaces that render keys themselves)."""
    return {key: label(key) for key in ROLE_IDS}
