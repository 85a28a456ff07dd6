"""Measuring CM001 and the title suggestions on a labeled JSONL corpus.

Two protocols:

- **labeled** records (``confused`` and ``actual_role`` present, as in
  ``corpora/``): precision / recall / F1 of CM001, top-1 / top-2 accuracy of
  the suggested role, and a confusion table (actual role × suggested role);
- **retitled** records (a role but no ``confused`` label, e.g. scraped
  postings with ``title_family``): the share flagged under their own title,
  and — re-titled as a community manager — the share flagged and the share
  whose role is among the top two suggestions.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from cmlint.linter import Linter
from cmlint.models import Posting, Report

CODE = "CM001"

#: Third-party title families → our role ids.
FAMILY_ROLES = {
    "sales": "sales", "support": "support", "smm": "smm", "client_mgr": "account",
    "account_mgr": "account", "content": "content", "marketing": "marketing", "event": "event",
    "moderator": "moderation", "community": "community",
}
#: Roles whose postings the retitled protocol uses.
RETITLE_ROLES = ("sales", "support", "smm", "account", "content")
#: Roles that count as a right answer for a given true role.
EQUIVALENT = {"account": {"account", "sales"}, "sales": {"sales", "account"}}


class LabeledRecord(BaseModel):
    """One corpus posting with its labels."""

    model_config = ConfigDict(extra="allow")

    id: str
    title: str
    text: str
    format: str | None = None
    title_role: str | None = None
    actual_role: str | None = None
    actual_roles: list[str] = Field(default_factory=list)
    confused: bool | None = None
    acceptable_titles: list[str] = Field(default_factory=list)
    title_family: str | None = None


class CorpusError(Exception):
    """A corpus file that cannot be read; names the file and the line."""


def read_corpus(paths: Iterable[Path]) -> list[LabeledRecord]:
    """Records from JSONL files (folders: every ``*.jsonl`` inside)."""
    records: list[LabeledRecord] = []
    for path in paths:
        files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            try:
                lines = file.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as error:
                raise CorpusError(f"{file}: не удалось прочитать: {error}") from None
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    records.append(LabeledRecord.model_validate(json.loads(line)))
                except (json.JSONDecodeError, ValueError) as error:
                    raise CorpusError(f"{file}:{number}: неверная запись: {error}") from None
    return records


class Scores(BaseModel):
    """Precision / recall / F1 with the counts behind them."""

    tp: int
    fp: int
    fn: int
    tn: int
    precision: float
    recall: float
    f1: float


class LabeledResult(BaseModel):
    postings: int
    cm001: Scores
    top1_accuracy: float
    top2_accuracy: float
    role_postings: int
    confusion: dict[str, dict[str, int]]
    false_positives: list[str]
    false_negatives: list[str]
    wrong_role: list[str]


class RetitledResult(BaseModel):
    candidates: int
    postings: int
    by_role: dict[str, int]
    own_title_flagged: float
    retitled_flagged: float
    retitled_top2: float
    retitle: str
    own_flagged_ids: list[str]
    retitled_missed_ids: list[str]


class Evaluation(BaseModel):
    labeled: LabeledResult | None = None
    retitled: RetitledResult | None = None


def _scores(tp: int, fp: int, fn: int, tn: int) -> Scores:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(tp=tp, fp=fp, fn=fn, tn=tn, precision=round(precision, 3), recall=round(recall, 3), f1=round(f1, 3))


def _right(role: str | None, truth: str) -> bool:
    return role is not None and role in EQUIVALENT.get(truth, {truth})


def _roles(report: Report) -> list[str]:
    return list(dict.fromkeys(s.role for s in report.suggested_titles))


def evaluate_labeled(records: list[LabeledRecord], linter: Linter, jobs: int = 1) -> LabeledResult:
    postings = [Posting(text=r.text, title=r.title, format=r.format if r.format in ("plain", "markdown", "html", "telegram") else None, id=r.id) for r in records]
    reports = list(linter.lint_many(postings, n_process=jobs))
    counts = Counter()
    fps, fns, wrong = [], [], []
    confusion: dict[str, Counter[str]] = {}
    top1 = top2 = with_role = 0
    for record, report in zip(records, reports):
        flagged = CODE in report.codes()
        assert record.confused is not None
        key = ("t" if flagged == record.confused else "f") + ("p" if flagged else "n")
        counts[key] += 1
        if key == "fp":
            fps.append(record.id)
        elif key == "fn":
            fns.append(record.id)
        if record.actual_role:
            with_role += 1
            roles = _roles(report)
            predicted = roles[0] if roles else "—"
            confusion.setdefault(record.actual_role, Counter())[predicted] += 1
            if roles and _right(roles[0], record.actual_role):
                top1 += 1
            if any(_right(r, record.actual_role) for r in roles[:2]):
                top2 += 1
            else:
                wrong.append(record.id)
    return LabeledResult(
        postings=len(records),
        cm001=_scores(counts["tp"], counts["fp"], counts["fn"], counts["tn"]),
        top1_accuracy=round(top1 / with_role, 3) if with_role else 0.0,
        top2_accuracy=round(top2 / with_role, 3) if with_role else 0.0,
        role_postings=with_role,
        confusion={role: dict(sorted(row.items())) for role, row in sorted(confusion.items())},
        false_positives=fps,
        false_negatives=fns,
        wrong_role=wrong,
    )


def evaluate_retitled(records: list[LabeledRecord], linter: Linter, retitle: str, jobs: int = 1) -> RetitledResult:
    """The real-postings protocol: own titles vs re-titled as a community manager.

    Only postings whose own title clearly names the role count: the record's
    role (``actual_role`` or the mapped ``title_family``) must be one of
    :data:`RETITLE_ROLES` and must be among the roles cmlint reads from the
    title (third-party families put «Java-разработчик (Salesforce)» under
    sales).
    """
    candidates: list[tuple[LabeledRecord, str]] = []
    for record in records:
        role = record.actual_role or FAMILY_ROLES.get(record.title_family or "")
        if role in RETITLE_ROLES:
            candidates.append((record, role))
    own_all = list(linter.lint_many([Posting(text=r.text, title=r.title, id=r.id) for r, _ in candidates], n_process=jobs))
    chosen: list[tuple[LabeledRecord, str]] = []
    own_reports: list[Report] = []
    for (record, role), report in zip(candidates, own_all):
        if any(_right(r, role) for r in report.title_roles):
            chosen.append((record, role))
            own_reports.append(report)
    renamed = [Posting(text=r.text, title=retitle, id=r.id) for r, _ in chosen]
    renamed_reports = list(linter.lint_many(renamed, n_process=jobs))
    own_flagged = [r.id for (r, _), rep in zip(chosen, own_reports) if CODE in rep.codes()]
    missed = []
    flagged = top2 = 0
    for (record, role), report in zip(chosen, renamed_reports):
        if CODE in report.codes():
            flagged += 1
        else:
            missed.append(record.id)
        if any(_right(r, role) for r in _roles(report)[:2]):
            top2 += 1
    total = len(chosen) or 1
    return RetitledResult(
        candidates=len(candidates),
        postings=len(chosen),
        by_role=dict(sorted(Counter(role for _, role in chosen).items())),
        own_title_flagged=round(len(own_flagged) / total, 3),
        retitled_flagged=round(flagged / total, 3),
        retitled_top2=round(top2 / total, 3),
        retitle=retitle,
        own_flagged_ids=own_flagged,
        retitled_missed_ids=missed,
    )


def evaluate(records: list[LabeledRecord], linter: Linter, retitle: str = "Комьюнити-менеджер", jobs: int = 1) -> Evaluation:
    """Run whichever protocols the records support."""
    labeled = [r for r in records if r.confused is not None]
    unlabeled = [r for r in records if r.confused is None]
    return Evaluation(
        labeled=evaluate_labeled(labeled, linter, jobs) if labeled else None,
        retitled=evaluate_retitled(unlabeled, linter, retitle, jobs) if unlabeled else None,
    )


def render_text(result: Evaluation) -> str:
    """A human-readable summary."""
    lines: list[str] = []
    if result.labeled:
        lab = result.labeled
        s = lab.cm001
        lines += [
            f"Размеченных вакансий: {lab.postings}",
            f"CM001: precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}  (TP {s.tp}, FP {s.fp}, FN {s.fn}, TN {s.tn})",
            f"Роль в подсказках: top-1 {lab.top1_accuracy:.3f}  top-2 {lab.top2_accuracy:.3f}  (из {lab.role_postings})",
            "",
            "Матрица: фактическая роль → первая подсказанная роль",
        ]
        columns = sorted({c for row in lab.confusion.values() for c in row})
        width = max([len(c) for c in columns] + [10])
        lines.append(" " * 12 + "".join(c.rjust(width + 1) for c in columns))
        for role, row in lab.confusion.items():
            lines.append(role.ljust(12) + "".join(str(row.get(c, 0)).rjust(width + 1) for c in columns))
        if lab.false_positives:
            lines.append(f"\nЛожные срабатывания: {', '.join(lab.false_positives)}")
        if lab.false_negatives:
            lines.append(f"Пропуски: {', '.join(lab.false_negatives)}")
        if lab.wrong_role:
            lines.append(f"Роль не в топ-2: {', '.join(lab.wrong_role)}")
    if result.retitled:
        ret = result.retitled
        if lines:
            lines.append("")
        lines += [
            f"Вакансии с ролью из {', '.join(RETITLE_ROLES)}: {ret.candidates}, из них с явным названием роли: {ret.postings} {ret.by_role}",
            f"Под своими названиями CM001: {ret.own_title_flagged:.1%}",
            f"С названием «{ret.retitle}»: CM001 {ret.retitled_flagged:.1%}, верная роль в топ-2 {ret.retitled_top2:.1%}",
        ]
    return "\n".join(lines).strip() + "\n"
