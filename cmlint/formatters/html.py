"""A self-contained HTML report: highlighted spans, suggested titles, duty shares.

All posting text is escaped; the page has no scripts and no external assets.
"""

from __future__ import annotations

from html import escape

from cmlint.formatters.base import Formatter, label
from cmlint.models import Finding, LintResult, Posting, Report
from cmlint.roles.taxonomy import role_label

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1d232a;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin:0 0 .3rem}
.posting{border:1px solid #d8dde3;border-radius:8px;padding:1rem 1.2rem;margin:1.2rem 0}
.clean{border-left:5px solid #3a9d5d}.flagged{border-left:5px solid #d98b00}.failed{border-left:5px solid #c0392b}
.meta{color:#5b6670;font-size:.9rem}.titles li{margin:.1rem 0}
.finding{margin:.6rem 0;padding:.4rem .6rem;background:#fff8e6;border-radius:6px}
.finding.error{background:#fdecea}.finding.suggestion{background:#eef6fb}
.code{font-weight:600;font-family:ui-monospace,monospace}
.bar{display:flex;align-items:center;gap:.5rem;font-size:.9rem}.bar span.fill{display:inline-block;height:.7rem;background:#6c8ebf;border-radius:3px}
pre{white-space:pre-wrap;background:#f6f8fa;padding:.8rem;border-radius:6px;font:14px/1.45 ui-monospace,monospace}
mark{background:#ffe08a;border-radius:3px;padding:0 1px}mark.evidence{background:#ffd0c2}
details summary{cursor:pointer;color:#3b5b85}
"""


class HtmlFormatter(Formatter):
    """Buffers the report body and writes one page at the end."""

    def start(self) -> None:
        self._parts: list[str] = []

    def write(self, result: LintResult, posting: Posting | None = None) -> None:
        super().write(result)
        where = escape(label(result))
        if result.error is not None:
            self._parts.append(
                f'<section class="posting failed"><h2>{where}</h2>'
                f'<p>Ошибка ввода ({escape(result.error.kind)}): {escape(result.error.message)}</p></section>'
            )
            return
        report = result.report
        assert report is not None
        status = "flagged" if report.findings else "clean"
        parts = [f'<section class="posting {status}"><h2>{escape(report.title or "(без названия)")}</h2>', f'<p class="meta">{where}</p>']
        if report.suggested_titles:
            items = "".join(
                f"<li>«{escape(s.title)}» — {escape(role_label(s.role))}, уверенность {s.confidence:.2f}</li>"
                for s in report.suggested_titles
            )
            parts.append(f'<p>Подходящие названия:</p><ul class="titles">{items}</ul>')
        parts.append(_profile(report))
        parts.extend(_finding(f) for f in report.findings)
        if posting is not None:
            parts.append(f"<details><summary>Текст вакансии</summary><pre>{_highlight(posting.text, report)}</pre></details>")
        parts.append("</section>")
        self._parts.append("".join(parts))

    def finish(self) -> None:
        stats = self.stats
        summary = (
            f"Проверено вакансий: {stats.postings}; с замечаниями: {stats.with_findings}; "
            f"замечаний: {stats.findings}; ошибок ввода: {stats.errors}"
        )
        self.stream.write(
            "<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta name=\"generator\" content=\"cmlint\">"
            f"<title>cmlint — отчёт</title><style>{_STYLE}</style></head><body>"
            f"<h1>Отчёт cmlint</h1><p class=\"meta\">{escape(summary)}</p>"
            + "".join(self._parts)
            + "</body></html>\n"
        )


def _profile(report: Report) -> str:
    if not report.duty_profile:
        return '<p class="meta">Обязанности не распознаны.</p>'
    rows = "".join(
        f'<div class="bar"><span class="fill" style="width:{round(share * 240)}px"></span>{escape(role_label(role))} {round(share * 100)} %</div>'
        for role, share in report.duty_profile.items()
    )
    return f"<p>Доли ролей в обязанностях:</p>{rows}"


def _finding(finding: Finding) -> str:
    evidence = "".join(
        f"<li>{escape(role_label(e.role))}: «{escape(e.span.text)}» <span class=\"meta\">(строка {e.span.line})</span></li>"
        for e in finding.evidence
    )
    fixes = "".join(
        f"<li>{escape(fix.message)}: " + "; ".join(f"«{escape(e.span.text)}» → «{escape(e.replacement)}»" for e in fix.edits) + "</li>"
        for fix in finding.suggestions
    )
    return (
        f'<div class="finding {escape(finding.severity.value)}"><span class="code">{escape(finding.code)}</span> '
        f"{escape(finding.name)} — {escape(finding.message)}"
        + (f"<ul>{evidence}</ul>" if evidence else "")
        + (f"<p>Исправления:</p><ul>{fixes}</ul>" if fixes else "")
        + "</div>"
    )


def _highlight(text: str, report: Report) -> str:
    """The posting text, escaped, with finding spans and evidence lines marked."""
    marks: list[tuple[int, int, str]] = []
    for finding in report.findings:
        if finding.span is not None and finding.span.field == "text":
            marks.append((finding.span.start, finding.span.end, ""))
        for item in finding.evidence:
            marks.append((item.span.start, item.span.end, "evidence"))
    marks.sort()
    out: list[str] = []
    position = 0
    for start, end, css in marks:
        if start < position or end > len(text):
            continue
        out.append(escape(text[position:start]))
        attribute = f' class="{css}"' if css else ""
        out.append(f"<mark{attribute}>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return "".join(out)
