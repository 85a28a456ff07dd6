"""A self-contained HTML report for people, streamed to its output.

Each posting is written as soon as it is linted, so memory stays flat on any
batch.  The summary (verdicts, findings by rule, a contents list) is written
at the end and shown on top by CSS.  A legend explains the colours.  Every
posting with findings shows its whole text with the findings marked; a clean
posting says «замечаний нет».  A small inline script (no external assets)
adds a filter by rule and shows 50 postings a page; without the script
everything is simply visible.  All posting text is escaped.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from cmlint.engine.specs import RuleSpec
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
    severity_word,
)
from cmlint.models import Finding, LintResult, Posting, Report, Severity, Verdict
from cmlint.russian import percent

#: Postings shown on one page of the report (the script pages through the rest).
PAGE_SIZE = 50

_STYLE = """
:root{--error:#b3261e;--error-bg:#fdecea;--warning:#8a5a00;--warning-bg:#fff4d6;--suggestion:#1f5f8b;--suggestion-bg:#e8f2fa;--ok:#2e7d4f}
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d232a;background:#fafbfc}
main{display:flex;flex-direction:column;max-width:62rem;margin:0 auto;padding:1rem 1.2rem 3rem}
.top{order:-4}.summary{order:-3}.pager{order:-2}.contents{order:-1}.rules{order:2}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin:0 0 .2rem}h3{font-size:1rem;margin:1rem 0 .3rem}
section,nav{background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:1rem 1.2rem;margin:.8rem 0}
.posting.ready{border-left:6px solid var(--ok)}.posting.needs-fixes{border-left:6px solid var(--warning)}.posting.failed{border-left:6px solid var(--error)}
.meta{color:#5b6670;font-size:.9rem}.clean{color:var(--ok);font-weight:600}
.score{font-weight:600}.score.ready{color:var(--ok)}.score.needs-fixes{color:var(--error)}
.finding{margin:.5rem 0;padding:.5rem .7rem;border-radius:6px;border-left:4px solid}
.finding.error{background:var(--error-bg);border-color:var(--error)}
.finding.warning{background:var(--warning-bg);border-color:var(--warning)}
.finding.suggestion{background:var(--suggestion-bg);border-color:var(--suggestion)}
.sev{font-weight:700}.error .sev,.sev.error{color:var(--error)}.warning .sev,.sev.warning{color:var(--warning)}.suggestion .sev,.sev.suggestion{color:var(--suggestion)}
.code{font:12px ui-monospace,monospace;color:#5b6670}
.bar{display:grid;grid-template-columns:10rem 1fr 3.5rem;align-items:center;gap:.5rem;font-size:.9rem;max-width:34rem}
.bar .track{background:#eef1f4;border-radius:3px;height:.7rem}.bar .fill{display:block;height:.7rem;background:#6c8ebf;border-radius:3px}
.text{white-space:pre-wrap;background:#f6f8fa;padding:.8rem;border-radius:6px;font:14px/1.5 ui-monospace,monospace;margin:.6rem 0 0}
mark{border-radius:3px;padding:0 1px}mark.error{background:#f7c6c1}mark.warning{background:#ffe08a}mark.suggestion{background:#cfe4f5}mark.evidence{background:#ffd9cc}
table{border-collapse:collapse;width:100%;font-size:.92rem}td.verdict{white-space:nowrap}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e6e9ed;vertical-align:top}
.legend span{margin-right:1rem;white-space:nowrap}
.pager button,.filter select{font:inherit;padding:.2rem .6rem}
.hidden{display:none}
"""

_SCRIPT = """
(function(){
var size=%d,page=0,rule='';
var sections=[].slice.call(document.querySelectorAll('section.posting'));
var rows=[].slice.call(document.querySelectorAll('tr.entry'));
var pager=document.querySelector('.pager'),select=document.getElementById('rule-filter');
function match(el){return !rule||(' '+el.getAttribute('data-rules')+' ').indexOf(' '+rule+' ')>=0;}
function show(){
  var shown=sections.filter(match),pages=Math.max(1,Math.ceil(shown.length/size));
  if(page>=pages)page=pages-1;
  [sections,rows].forEach(function(all){
    var visible=all.filter(match).slice(page*size,(page+1)*size);
    all.forEach(function(el){el.classList.toggle('hidden',visible.indexOf(el)<0);});
  });
  pager.classList.toggle('hidden',pages<=1);
  pager.querySelector('.where').textContent='Страница '+(page+1)+' из '+pages+' ('+shown.length+')';
  pager.querySelector('.prev').disabled=page===0;pager.querySelector('.next').disabled=page>=pages-1;
}
pager.querySelector('.prev').onclick=function(){page--;show();};
pager.querySelector('.next').onclick=function(){page++;show();};
select.onchange=function(){rule=select.value;page=0;show();};
show();
})();
"""


class HtmlFormatter(Formatter):
    """Writes the page as results arrive; the summary follows the postings."""

    def start(self) -> None:
        self._rows: list[str] = []
        self._verdicts: Counter[Verdict] = Counter()
        self._rule_counts: Counter[str] = Counter()
        self._severity_of: dict[str, Severity] = {}
        self._specs = {spec.code: spec for spec in self.rules}
        legend = "".join(
            f'<span><mark class="{s.value}">{severity_word(s).capitalize()}</mark></span>' for s in SEVERITIES
        )
        self.stream.write(
            '<!doctype html><html lang="ru"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="generator" content="cmlint">'
            f"<title>cmlint — отчёт</title><style>{_STYLE}</style></head><body><main>"
            '<header class="top"><h1>Отчёт cmlint</h1>'
            f'<p class="legend">Обозначения: {legend}'
            '<span><mark class="evidence">строка обязанностей, на которой основан вывод</mark></span></p></header>'
        )

    def write(self, result: LintResult, posting: Posting | None = None) -> None:
        super().write(result)
        number = len(self._rows) + 1
        where = escape(where_label(result))
        if result.error is not None:
            self.stream.write(
                f'<section class="posting failed" id="p{number}" data-rules=""><h2>{where}</h2>'
                f'<p>Не удалось прочитать ({escape(result.error.kind)}): {escape(result.error.message)}</p></section>'
            )
            self._rows.append(f'<tr class="entry" data-rules=""><td><a href="#p{number}">{where}</a></td><td colspan="3">не прочитано</td></tr>')
            return
        report = result.report
        assert report is not None
        codes = " ".join(sorted({f.code for f in report.findings}))
        self._count(report)
        self.stream.write(
            f'<section class="posting {report.verdict.value}" id="p{number}" data-rules="{escape(codes)}">'
            + _posting(report, where, posting)
            + "</section>"
        )
        self.stream.flush()
        title = escape(report.title or "(без названия)")
        self._rows.append(
            f'<tr class="entry" data-rules="{escape(codes)}"><td><a href="#p{number}">{title}</a><br><span class="meta">{where}</span></td>'
            f'<td class="score {report.verdict.value}">{report.score}</td><td class="verdict">{escape(report.verdict.label)}</td>'
            f"<td>{escape(breakdown(report.findings))}</td></tr>"
        )

    def _count(self, report: Report) -> None:
        self._verdicts[report.verdict] += 1
        for finding in report.findings:
            self._rule_counts[finding.code] += 1
            self._severity_of[finding.code] = finding.severity

    def finish(self) -> None:
        out = self.stream
        stats = self.stats
        verdicts = "; ".join(f"{v.label} — {self._verdicts[v]}" for v in Verdict if self._verdicts[v])
        summary = [f"Проверено: {postings_count(stats.postings)}" + (f" ({verdicts})" if verdicts else "")]
        total = sum(self._rule_counts.values())
        summary.append(findings_count(total) if total else "замечаний нет")
        if stats.errors:
            summary.append(f"не удалось прочитать: {stats.errors}")
        order = sorted(self._rule_counts, key=lambda code: (-self._severity_of[code].rank, -self._rule_counts[code], code))
        rule_rows = "".join(self._rule_row(code) for code in order)
        options = "".join(f'<option value="{escape(code)}">{escape(code)} — {escape(self._summary_of(code))}</option>' for code in order)
        out.write(
            f'<section class="summary"><h2>Итог</h2><p>{escape("; ".join(summary))}.</p>'
            + (
                f"<table><thead><tr><th>Правило</th><th>Важность</th><th>Сколько</th></tr></thead><tbody>{rule_rows}</tbody></table>"
                '<p class="filter"><label for="rule-filter">Показать только вакансии с правилом: </label>'
                f'<select id="rule-filter"><option value="">все правила</option>{options}</select></p>'
                if order
                else '<p class="filter hidden"><select id="rule-filter"><option value=""></option></select></p>'
            )
            + "</section>"
            '<nav class="contents" aria-label="Содержание"><h2>Содержание</h2><table><thead><tr><th>Вакансия</th><th>Оценка</th>'
            f'<th>Вердикт</th><th>Замечания</th></tr></thead><tbody>{"".join(self._rows)}</tbody></table></nav>'
            '<nav class="pager hidden" aria-label="Страницы"><button type="button" class="prev">← Назад</button> '
            '<span class="where"></span> <button type="button" class="next">Дальше →</button></nav>'
            + self._reference(order)
            + f"<script>{_SCRIPT % PAGE_SIZE}</script></main></body></html>\n"
        )

    def _summary_of(self, code: str) -> str:
        spec = self._specs.get(code)
        return spec.title if spec is not None else code

    def _rule_row(self, code: str) -> str:
        severity = self._severity_of[code]
        return (
            f'<tr><td><a href="#rule-{escape(code)}">{escape(self._summary_of(code))}</a> <span class="code">{escape(code)}</span></td>'
            f'<td class="sev {severity.value}">{severity_word(severity)}</td><td>{self._rule_counts[code]}</td></tr>'
        )

    def _reference(self, codes: list[str]) -> str:
        """What each rule that fired checks and why it matters."""
        entries = []
        for code in codes:
            spec: RuleSpec | None = self._specs.get(code)
            if spec is None:
                continue
            body = f"<p>{escape(spec.explanation.what)}</p><p>{escape(spec.explanation.why)}</p>" if spec.explanation else ""
            entries.append(f'<div id="rule-{escape(code)}"><h3>{escape(spec.title)} <span class="code">{escape(code)} {escape(spec.name)}</span></h3>{body}</div>')
        return f'<section class="rules"><h2>О правилах</h2>{"".join(entries)}</section>' if entries else ""


def _posting(report: Report, where: str, posting: Posting | None) -> str:
    title = _highlight_title(report)
    parts = [
        (
            f'<h2>{title}</h2><p class="meta">{where} · <span class="score {report.verdict.value}">'
            f"{report.score} из 100 — {escape(report.verdict.label)}</span></p>"
        )
    ]
    if not report.findings:
        parts.append('<p class="clean">Замечаний нет.</p>')
        return "".join(parts)
    parts.append(f'<p class="meta">{escape(breakdown(report.findings))}</p>')
    for finding in most_serious_first(report.findings):
        parts.append(_finding(finding))
        if offers_titles(finding):
            parts.append(_profile(report))
    if posting is not None:
        parts.append(f'<div class="text">{_highlight(posting.text, report)}</div>')
    return "".join(parts)


def _finding(finding: Finding) -> str:
    evidence = "".join(
        f"<li>{escape(label(e.role))}: «{escape(e.span.text)}» <span class=\"meta\">(строка {e.span.line})</span></li>"
        for e in finding.evidence
    )
    fixes = "".join(
        f"<li>{escape(fix.message)}: " + "; ".join(f"«{escape(e.span.text)}» → «{escape(e.replacement)}»" for e in fix.edits) + "</li>"
        for fix in finding.suggestions
    )
    severity = finding.severity
    return (
        f'<div class="finding {severity.value}"><span class="sev">{severity_word(severity).capitalize()}</span> '
        f'{escape(finding.message)} <a class="code" href="#rule-{escape(finding.code)}">{escape(finding.code)} {escape(finding.name)}</a>'
        + (f"<p>Строки, на которых основан вывод:</p><ul>{evidence}</ul>" if evidence else "")
        + (f"<p>Как исправить:</p><ul>{fixes}</ul>" if fixes else "")
        + "</div>"
    )


def _profile(report: Report) -> str:
    rows = "".join(
        f'<div class="bar"><span>{escape(label(key))}</span><span class="track"><span class="fill" style="width:{round(share * 100)}%"></span></span>'
        f"<span>{percent(share)}</span></div>"
        for key, share in report.duty_profile.items()
    )
    titles = "".join(f"<li>«{escape(s.title)}» — уверенность {percent(s.confidence)}</li>" for s in report.suggested_titles)
    return (f"<p>Доли ролей в обязанностях:</p>{rows}" if rows else "") + (f"<p>Подходящие названия:</p><ul>{titles}</ul>" if titles else "")


def _highlight_title(report: Report) -> str:
    title = report.title or "(без названия)"
    spans = [f for f in report.findings if f.span is not None and f.span.field == "title"]
    if not spans or report.title is None:
        return escape(title)
    return _marked(title, [(f.span.start, f.span.end, f.severity.value, f.message) for f in spans if f.span is not None])


def _highlight(text: str, report: Report) -> str:
    """The posting text, escaped, with finding spans and evidence lines marked."""
    marks: list[tuple[int, int, str, str]] = []
    for finding in report.findings:
        if finding.span is not None and finding.span.field == "text":
            marks.append((finding.span.start, finding.span.end, finding.severity.value, finding.message))
        for item in finding.evidence:
            marks.append((item.span.start, item.span.end, "evidence", f"{finding.code}: {label(item.role)}"))
    return _marked(text, marks)


def _marked(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    """Escape ``text`` and wrap each non-overlapping mark (earliest first) in ``<mark>``."""
    out: list[str] = []
    position = 0
    for start, end, css, hint in sorted(marks):
        if start < position or end > len(text):
            continue
        out.append(escape(text[position:start]))
        out.append(f'<mark class="{css}" title="{escape(hint)}">{escape(text[start:end])}</mark>')
        position = end
    out.append(escape(text[position:]))
    return "".join(out)
