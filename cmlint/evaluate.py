"""Measuring CM001 and the title suggestions on JSONL corpora.

Three protocols, chosen by what the records carry:

- **labeled** records (``confused`` present, as in ``corpora/``): precision /
  recall / F1 of CM001, top-1 / top-2 accuracy of the suggested role against
  ``actual_role``, and a table actual role × first suggested role;
- **own titles** (every unlabeled record, e.g. real postings): the share that
  gets CM001 under its own title — a false-alarm rate, since a board's
  postings are mostly titled right;
- **re-titled** (unlabeled records whose true role is known and is not
  community work): each posting re-titled «Комьюнити-менеджер» (``retitle``)
  must get CM001, and its real role or occupation should be among the top
  two suggestions.  The true role is ``actual_role`` when given; else the
  record's ``title_family`` (a third-party family, trusted only where cmlint
  reads that role in the title too: families put «Java-разработчик
  (Salesforce)» under sales); else the one role or occupation cmlint reads
  in the record's own title.  Results are split by where the truth came
  from: ``family`` (the sales / support / SMM / account / content swap) and
  ``occupation`` (every other occupation).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from cmlint.io import json_values
from cmlint.factories import new_dict, new_list
from cmlint.linter import Linter
from cmlint.models import Posting, Report
from cmlint.roles.taxonomy import Taxonomy
from cmlint.russian import count, decimal, percent_precise

CODE = "CM001"

#: Third-party title families → our role ids.
FAMILY_ROLES = {
    "sales": "sales",
    "support": "support",
    "smm": "smm",
    "client_mgr": "account",
    "account_mgr": "account",
    "content": "content",
    "marketing": "marketing",
    "event": "event",
    "moderator": "moderation",
    "community": "community",
}
#: Roles whose postings the family swap uses.
RETITLE_ROLES = ("sales", "support", "smm", "account", "content")
#: Roles that count as a right answer for a given true role.
EQUIVALENT = {"account": {"account", "sales"}, "sales": {"sales", "account"}}
FORMATS = ("plain", "markdown", "html", "telegram")


class LabeledRecord(BaseModel):
    """One corpus posting with whatever labels it has."""

    model_config = ConfigDict(extra="allow")

    id: str
    title: str
    text: str
    format: str | None = None
    title_role: str | None = None
    actual_role: str | None = None
    confused: bool | None = None
    acceptable_titles: list[str] = Field(default_factory=new_list)
    title_family: str | None = None

    def posting(self, title: str | None = None) -> Posting:
        fmt = self.format if self.format in FORMATS else None
        return Posting(text=self.text, title=self.title if title is None else title, format=fmt, id=self.id)  # type: ignore[arg-type]


class CorpusError(Exception):
    """A corpus file that cannot be read; names the file and the line."""


def read_corpus(paths: Iterable[Path]) -> list[LabeledRecord]:
    """Records from JSONL files (folders: every ``*.jsonl`` inside)."""
    records: list[LabeledRecord] = []
    for path in paths:
        files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            try:
                # JSON Lines end at "\n" only: a text may hold U+2028 and other breaks str.splitlines() splits on.
                lines = file.read_text(encoding="utf-8").split("\n")
            except (OSError, UnicodeDecodeError) as error:
                raise CorpusError(f"{file}: не удалось прочитать: {error}") from None
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    records.append(LabeledRecord.model_validate(json_values.loads(line)))
                except (json.JSONDecodeError, ValueError, RecursionError) as error:
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
    #: Labelled roles the taxonomy does not know («teaching» for «teacher»), with how many postings carry each: no
    #: suggestion can name them, so they count as wrong; the text output says so.
    unknown_roles: dict[str, int] = Field(default_factory=new_dict)


class OwnTitleResult(BaseModel):
    postings: int
    flagged: int
    flagged_share: float
    flagged_ids: list[str]


class RetitledGroup(BaseModel):
    """Re-titled postings whose truth came from one source."""

    postings: int
    by_role: dict[str, int]
    flagged_share: float
    top2_share: float
    missed_ids: list[str]
    wrong_suggestion_ids: list[str]


class RetitledResult(BaseModel):
    retitle: str
    family: RetitledGroup | None
    occupation: RetitledGroup | None
    unknown: int = Field(description="postings whose true role could not be told (no family, no role in the title)")


class Evaluation(BaseModel):
    labeled: LabeledResult | None = None
    own_titles: OwnTitleResult | None = None
    retitled: RetitledResult | None = None


def precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of the counts, unrounded (0 where a count is empty)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _scores(tp: int, fp: int, fn: int, tn: int) -> Scores:
    precision, recall, f1 = precision_recall_f1(tp, fp, fn)
    return Scores(tp=tp, fp=fp, fn=fn, tn=tn, precision=round(precision, 3), recall=round(recall, 3), f1=round(f1, 3))


def right_role(role: str | None, truth: str, taxonomy: Taxonomy) -> bool:
    """Whether a suggested role names the true one: the same role, an equivalent one, or — for an
    occupation of the model — the same occupation."""
    if role is None:
        return False
    if role in EQUIVALENT.get(truth, {truth}):
        return True
    known = role in taxonomy.roles and truth in taxonomy.roles
    return known and taxonomy.roles[truth].kind == "occupation" and taxonomy.occupation_of(role) == truth


def _roles(report: Report) -> list[str]:
    return list(dict.fromkeys(s.role for s in report.suggested_titles))


def evaluate_labeled(records: list[LabeledRecord], linter: Linter, jobs: int = 1) -> LabeledResult:
    taxonomy = linter.engine.taxonomy
    reports = list(linter.lint_many([r.posting() for r in records], n_process=jobs))
    counts: Counter[str] = Counter()
    fps, fns, wrong = [], [], []
    confusion: dict[str, Counter[str]] = {}
    top1 = top2 = with_role = 0
    unknown: Counter[str] = Counter()
    for record, report in zip(records, reports, strict=True):
        flagged = CODE in report.codes()
        key = ("t" if flagged == record.confused else "f") + ("p" if flagged else "n")
        counts[key] += 1
        if key == "fp":
            fps.append(record.id)
        elif key == "fn":
            fns.append(record.id)
        if record.actual_role:
            with_role += 1
            if record.actual_role not in taxonomy.roles:
                unknown[record.actual_role] += 1
            roles = _roles(report)
            confusion.setdefault(record.actual_role, Counter())[roles[0] if roles else "—"] += 1
            top1 += bool(roles) and right_role(roles[0], record.actual_role, taxonomy)
            if any(right_role(r, record.actual_role, taxonomy) for r in roles[:2]):
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
        unknown_roles=dict(sorted(unknown.items())),
    )


def true_role(record: LabeledRecord, title_roles: Iterable[str], taxonomy: Taxonomy) -> tuple[str, str] | None:
    """The record's true role and where it came from (``family`` or ``occupation``), if it can be told;
    ``title_roles``: the roles cmlint reads in the record's own title."""
    if record.actual_role:
        return record.actual_role, "family" if record.actual_role in RETITLE_ROLES else "occupation"
    read = list(title_roles)
    family = FAMILY_ROLES.get(record.title_family or "")
    if family is not None:
        named = any(right_role(role, family, taxonomy) for role in read)
        return (family, "family") if family in RETITLE_ROLES and named else None
    specific = [role for role in read if not taxonomy.roles[role].generic]
    return (specific[0], "occupation") if len(specific) == 1 else None


def retitled_away(truth: str, taxonomy: Taxonomy) -> bool:
    """Whether a posting of this true role is work other than community work, so re-titled it must get CM001."""
    return not taxonomy.related(truth, "community") and truth not in ("community", "event", "moderation")


def _group(rows: list[tuple[LabeledRecord, str, Report]], taxonomy: Taxonomy) -> RetitledGroup | None:
    if not rows:
        return None
    missed = [record.id for record, _, report in rows if CODE not in report.codes()]
    wrong = [
        record.id
        for record, truth, report in rows
        if not any(right_role(r, truth, taxonomy) for r in _roles(report)[:2])
    ]
    return RetitledGroup(
        postings=len(rows),
        by_role=dict(sorted(Counter(truth for _, truth, _ in rows).items())),
        flagged_share=round(1 - len(missed) / len(rows), 3),
        top2_share=round(1 - len(wrong) / len(rows), 3),
        missed_ids=missed,
        wrong_suggestion_ids=wrong,
    )


def evaluate_real(
    records: list[LabeledRecord], linter: Linter, retitle: str, jobs: int = 1
) -> tuple[OwnTitleResult, RetitledResult]:
    """The own-title false-alarm rate, and the re-titled protocol (see the module's docstring)."""
    taxonomy = linter.engine.taxonomy
    own = list(linter.lint_many([r.posting() for r in records], n_process=jobs))
    flagged = [r.id for r, report in zip(records, own, strict=True) if CODE in report.codes()]
    chosen: list[tuple[LabeledRecord, str, str]] = []
    unknown = 0
    for record, report in zip(records, own, strict=True):
        truth = true_role(record, report.title_roles, taxonomy)
        if truth is None:
            unknown += 1
        elif retitled_away(truth[0], taxonomy):
            chosen.append((record, *truth))
    renamed = list(linter.lint_many([record.posting(retitle) for record, _, _ in chosen], n_process=jobs))
    groups: dict[str, list[tuple[LabeledRecord, str, Report]]] = {"family": [], "occupation": []}
    for (record, truth, source), report in zip(chosen, renamed, strict=True):
        groups[source].append((record, truth, report))
    return (
        OwnTitleResult(
            postings=len(records),
            flagged=len(flagged),
            flagged_share=round(len(flagged) / len(records), 4),
            flagged_ids=flagged,
        ),
        RetitledResult(
            retitle=retitle,
            family=_group(groups["family"], taxonomy),
            occupation=_group(groups["occupation"], taxonomy),
            unknown=unknown,
        ),
    )


def evaluate(
    records: list[LabeledRecord], linter: Linter, retitle: str = "Комьюнити-менеджер", jobs: int = 1
) -> Evaluation:
    """Run whichever protocols the records support."""
    labeled = [r for r in records if r.confused is not None]
    unlabeled = [r for r in records if r.confused is None]
    own, retitled = evaluate_real(unlabeled, linter, retitle, jobs) if unlabeled else (None, None)
    return Evaluation(
        labeled=evaluate_labeled(labeled, linter, jobs) if labeled else None, own_titles=own, retitled=retitled
    )


def render_text(result: Evaluation) -> str:
    """A human-readable summary."""
    lines: list[str] = []
    if result.labeled:
        lines += _render_labeled(result.labeled)
    if result.own_titles:
        own = result.own_titles
        lines += [
            "",
            f"Под своими названиями: {count(own.postings, 'вакансия', 'вакансии', 'вакансий')}, "
            f"CM001 у {own.flagged} ({percent_precise(own.flagged_share)})",
        ]
    if result.retitled:
        ret = result.retitled
        lines.append(f"С названием «{ret.retitle}» (истинная роль не определилась у {ret.unknown}):")
        for name, group in (
            ("семейства продаж, поддержки, SMM, клиентов, контента", ret.family),
            ("другие профессии", ret.occupation),
        ):
            if group is not None:
                postings = count(group.postings, "вакансия", "вакансии", "вакансий")
                lines.append(
                    f"  {name}: {postings}, CM001 {percent_precise(group.flagged_share)}, "
                    f"верная роль в первых двух подсказках {percent_precise(group.top2_share)}"
                )
    return "\n".join(lines).strip() + "\n"


def _render_labeled(lab: LabeledResult) -> list[str]:
    s = lab.cm001
    lines = [
        f"Размеченных вакансий: {lab.postings}",
        f"CM001: точность {decimal(s.precision, 3)}, полнота {decimal(s.recall, 3)}, F1 {decimal(s.f1, 3)} "
        f"(верных срабатываний {s.tp}, ложных {s.fp}, пропусков {s.fn}, верных молчаний {s.tn})",
        f"Роль в подсказках: первая верна {decimal(lab.top1_accuracy, 3)}, в первых двух {decimal(lab.top2_accuracy, 3)} "
        f"(из {lab.role_postings})",
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
        lines.append(f"Роль не в первых двух подсказках: {', '.join(lab.wrong_role)}")
    if lab.unknown_roles:
        named = ", ".join(
            f"«{role}» — {count(n, 'вакансия', 'вакансии', 'вакансий')}" for role, n in lab.unknown_roles.items()
        )
        lines.append(f"Роли из разметки, которых нет в таксономии (засчитаны как неверные): {named}")
    return lines
