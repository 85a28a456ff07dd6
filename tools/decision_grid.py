"""Re-decide CM001 under many thresholds from decision inputs recorded once per posting.

Linting is the slow part; the decision (:func:`cmlint.roles.decision.decide`)
and the suggestions are cheap.  ``record`` lints every posting once — labeled
ones under their title; unlabeled (real) ones under their own title and, when
their true role is known and is not community work, re-titled
«Комьюнити-менеджер», as ``cmlint evaluate`` does — and keeps what the
decision reads: the title's claim, the phrase profile, the occupation
scores and the duty lines' spread.  ``grid`` decides every recorded posting
again under each setting of a grid of :class:`cmlint.scoring.Scoring`
thresholds and writes one row per setting; ``--choose`` picks one by the
rule below, stated before any result was seen.

    python -m tools.decision_grid record OUT.pkl --labeled A.jsonl … --real B.jsonl …
    python -m tools.decision_grid grid GRID.toml OUT.pkl … [--table rows.tsv] [--choose]

``GRID.toml`` names Scoring's top-level keys (kebab-case) with the values to
try; every combination is decided.  Only thresholds of the decision itself
may be gridded (:data:`DECISION_KEYS`): the others shape the recorded
readings, which are not re-read.  A recording is a pickle of our own making:
load only files this tool wrote.

The rule (``--choose``): a setting is feasible when own-title CM001 on the
unlabeled files is at most ``--max-own`` (0.3 %), re-titled other
occupations are flagged at least 90 %, the sales/support/SMM swap at least
95 % with the right role in the top two at least 90 %, pooled labeled
precision is at least 0.97 and pooled top-2 at most 0.01 below the
defaults'.  Among feasible settings the one with the highest *flat* F1 wins
— the lowest pooled labeled F1 over the setting and its one-step neighbours
on every axis, so a plateau beats a peak; ties (within 0.002) go to fewer
own-title flags, then to fewer changes from the defaults.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import sys
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import PrivateAttr

from cmlint.evaluate import (
    LabeledRecord,
    precision_recall_f1,
    read_corpus,
    retitled_away,
    right_role,
    true_role,
)
from cmlint.linter import MAX_STRINGS, Linter
from cmlint.roles.decision import Criteria, DutyReading, TitleClaim, decide
from cmlint.roles.suggest import candidates
from cmlint.roles.taxonomy import Taxonomy
from cmlint.scoring import Scoring

RETITLE = "Комьюнити-менеджер"
FORMAT_VERSION = 1
#: The files whose sales/support/SMM swap is measured (as in the README).
SWAP_SOURCES = ("/full.jsonl",)
#: The highest own-title CM001 share a chosen setting may have.
MAX_OWN = 0.003

Protocol = Literal["labeled", "own", "family", "occupation"]

#: The thresholds read only by the decision (and the suggestions it leads), never by the readings it is made from.
DECISION_KEYS = frozenset(
    {
        "max_title_support", "min_other_share", "max_own_share", "max_absent_part_share", "min_broader_ratio",
        "min_unseen_line_share", "min_dominant_share", "compatible_factor", "min_foreign_evidence",
        "occupation_min_weight",
        "occupation_min_margin", "occupation_margin_per_line", "occupation_short_margin_per_line",
        "occupation_min_line_probability", "occupation_share_ratio", "occupation_takeover_share",
        "occupation_related_takeover_share", "occupation_takeover_ratio", "role_model_veto_ratio", "min_evidence",
    }
)


class _Remembering(Taxonomy):
    """The taxonomy with ``fitting`` and ``related`` remembered: a grid asks them millions of times."""

    _fitting: dict[str, frozenset[str]] = PrivateAttr(default_factory=dict)
    _related: dict[tuple[str, str], bool] = PrivateAttr(default_factory=dict)

    def fitting(self, role_id: str) -> frozenset[str]:
        found = self._fitting.get(role_id)
        if found is None:
            found = self._fitting[role_id] = super().fitting(role_id)
        return found

    def related(self, a: str, b: str) -> bool:
        found = self._related.get((a, b))
        if found is None:
            found = self._related[a, b] = super().related(a, b)
        return found


def remembering(taxonomy: Taxonomy) -> Taxonomy:
    """The same taxonomy, answering ``fitting`` and ``related`` from memory after the first time."""
    return _Remembering.model_construct(
        macros=taxonomy.macros, duty_macros=taxonomy.duty_macros, roles=taxonomy.roles
    )


@dataclass(frozen=True, slots=True)
class Case:
    """One decision to make again: a posting under one title, with what is known to be right.

    ``truth``: the actual role (labeled) or the true role of a re-titled posting; ``confused``: the label.
    """

    source: str
    id: str
    protocol: Protocol
    claim: TitleClaim
    reading: DutyReading
    truth: str | None = None
    confused: bool | None = None


@dataclass(frozen=True, slots=True)
class Recording:
    """Every recorded case, with what a decision needs besides them: the neighbours in the data and the
    market title of each role (both from the shipped model's card, at recording time)."""

    cases: tuple[Case, ...]
    neighbours: Mapping[str, frozenset[str]]
    names: Mapping[str, str]
    skipped: int = 0
    version: int = FORMAT_VERSION


@dataclass(frozen=True, slots=True)
class Outcome:
    flagged: bool
    roles: tuple[str, ...]


class _Reader:
    """The linter's analyzer, rebuilt when spaCy's string store outgrows its bound (as the linter does)."""

    def __init__(self) -> None:
        self.linter = Linter().prepare()

    def roles(self, record: LabeledRecord, title: str | None = None) -> tuple[TitleClaim, DutyReading] | None:
        engine = self.linter.engine
        if len(engine.nlp.vocab.strings) > MAX_STRINGS:
            self.linter = Linter().prepare()
            engine = self.linter.engine
        try:
            analysis = engine.analyzer.analyze(record.posting(title)).roles
        except Exception:  # a posting the linter cannot read is skipped and counted
            return None
        return analysis.claim, DutyReading(analysis.profile, analysis.occupations, analysis.duties)


def record(labeled: Sequence[Path], real: Sequence[Path], progress: bool = False) -> Recording:
    """Lint every posting once (see the module's docstring)."""
    reader = _Reader()
    taxonomy = reader.linter.engine.taxonomy
    cases: list[Case] = []
    skipped = 0
    for protocol_files, is_real in ((labeled, False), (real, True)):
        for path in protocol_files:
            source = f"{path.parent.name}/{path.name}"
            for number, item in enumerate(read_corpus([path]), start=1):
                if progress and number % 1000 == 0:
                    print(f"{path.name}: {number}", file=sys.stderr)
                own = reader.roles(item)
                if own is None:
                    skipped += 1
                    continue
                if not is_real:
                    if item.confused is None:
                        continue
                    cases.append(Case(source, item.id, "labeled", *own, item.actual_role, item.confused))
                    continue
                cases.append(Case(source, item.id, "own", *own))
                truth = true_role(item, own[0].roles, taxonomy)
                if truth is None or not retitled_away(truth[0], taxonomy):
                    continue
                renamed = reader.roles(item, RETITLE)
                if renamed is None:
                    skipped += 1
                    continue
                cases.append(Case(source, item.id, truth[1], *renamed, truth[0]))  # type: ignore[arg-type]
    analyzer = reader.linter.engine.analyzer
    return Recording(tuple(cases), dict(analyzer.criteria.neighbours), dict(analyzer.names), skipped)


def save(recording: Recording, path: Path) -> None:
    path.write_bytes(pickle.dumps(recording, protocol=pickle.HIGHEST_PROTOCOL))


class _Unpickler(pickle.Unpickler):
    """Reads back only this tool's and cmlint's classes (whether the recording was written by ``python -m`` or
    by an import of this module)."""

    def find_class(self, module: str, name: str) -> Any:
        if module in ("__main__", __spec__.name if __spec__ else __name__):
            return globals()[name]
        if module.startswith("cmlint.") or (module == "builtins" and name in _BUILTINS):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"чужой класс в записи: {module}.{name}")


_BUILTINS = frozenset({"frozenset", "set", "dict", "tuple", "list"})


def load(path: Path) -> Recording:
    with path.open("rb") as file:
        recording = _Unpickler(file).load()
    if not isinstance(recording, Recording) or recording.version != FORMAT_VERSION:
        raise SystemExit(f"{path}: не запись этого инструмента или запись другой версии")
    return recording


def judge(case: Case, criteria: Criteria, names: Mapping[str, str]) -> Outcome:
    """The decision and the suggested roles for one case under ``criteria`` (what ``cmlint evaluate`` reads
    from the report: CM001 or not, and the roles of the suggested titles)."""
    decision = decide(case.claim, case.reading, criteria)
    flagged = decision.confused and decision.actual is not None
    if case.protocol == "own":
        return Outcome(flagged, ())  # only whether it fires counts under the posting's own title
    found = candidates(
        decision,
        case.reading.profile,
        case.reading.scores,
        criteria.taxonomy,
        names,
        criteria.thresholds.suggestions,
        case.claim.roles,
    )
    roles = tuple(dict.fromkeys(candidate.role for candidate in found))
    return Outcome(flagged, roles)


@dataclass(slots=True)
class Tally:
    """Counts of one setting over one group of cases."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    top2: int = 0
    roles: int = 0
    own: int = 0
    own_flagged: int = 0
    family: int = 0
    family_flagged: int = 0
    family_top2: int = 0
    occupation: int = 0
    occupation_flagged: int = 0
    occupation_top2: int = 0

    def add(self, case: Case, outcome: Outcome, taxonomy: Taxonomy) -> None:
        right = case.truth is not None and any(right_role(r, case.truth, taxonomy) for r in outcome.roles[:2])
        if case.protocol == "labeled":
            if outcome.flagged:
                self.tp += bool(case.confused)
                self.fp += not case.confused
            else:
                self.fn += bool(case.confused)
                self.tn += not case.confused
            if case.truth:
                self.roles += 1
                self.top2 += right
        elif case.protocol == "own":
            self.own += 1
            self.own_flagged += outcome.flagged
        elif case.protocol == "family":
            self.family += 1
            self.family_flagged += outcome.flagged
            self.family_top2 += right
        else:
            self.occupation += 1
            self.occupation_flagged += outcome.flagged
            self.occupation_top2 += right

    @property
    def precision(self) -> float:
        return precision_recall_f1(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return precision_recall_f1(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return precision_recall_f1(self.tp, self.fp, self.fn)[2]


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(slots=True)
class Result:
    """One setting's tallies: pooled and per source file."""

    setting: dict[str, float]
    pooled: Tally = field(default_factory=Tally)
    by_source: dict[str, Tally] = field(default_factory=dict)

    def metrics(self, swap_sources: Sequence[str] = SWAP_SOURCES) -> dict[str, float]:
        """The pooled measures; the swap only over the files named ``swap_sources`` (its bar is set on
        ``full.jsonl``)."""
        t = self.pooled
        swap = Tally()
        for source, tally in self.by_source.items():
            if source.endswith(tuple(swap_sources)):
                swap.family += tally.family
                swap.family_flagged += tally.family_flagged
                swap.family_top2 += tally.family_top2
        found = {
            "P": t.precision,
            "R": t.recall,
            "F1": t.f1,
            "top2": _share(t.top2, t.roles),
            "own_flagged": t.own_flagged,
            "own_share": _share(t.own_flagged, t.own),
            "retitled": _share(t.occupation_flagged, t.occupation),
            "retitled_top2": _share(t.occupation_top2, t.occupation),
            "swap": _share(swap.family_flagged, swap.family),
            "swap_top2": _share(swap.family_top2, swap.family),
        }
        for source, tally in sorted(self.by_source.items()):
            if tally.tp + tally.fp + tally.fn + tally.tn:
                found[f"F1:{source}"] = tally.f1
            if tally.own:
                found[f"own:{source}"] = tally.own_flagged
            if tally.occupation:
                found[f"retitled:{source}"] = _share(tally.occupation_flagged, tally.occupation)
        return found


def evaluate(recordings: Sequence[Recording], taxonomy: Taxonomy, setting: Mapping[str, float]) -> Result:
    """Decide every recorded case under the defaults changed by ``setting`` (snake_case keys)."""
    unknown = set(setting) - DECISION_KEYS
    if unknown:
        raise SystemExit(f"не порог решения: {', '.join(sorted(unknown))}")
    thresholds = Scoring.model_validate(dict(setting))
    if not isinstance(taxonomy, _Remembering):
        taxonomy = remembering(taxonomy)
    result = Result(dict(setting))
    for recording in recordings:
        _decide_all(recording, Criteria(taxonomy, thresholds, recording.neighbours), result)
    return result


def _decide_all(recording: Recording, criteria: Criteria, result: Result) -> None:
    taxonomy = criteria.taxonomy
    for case in recording.cases:
        outcome = judge(case, criteria, recording.names)
        result.pooled.add(case, outcome, taxonomy)
        result.by_source.setdefault(case.source, Tally()).add(case, outcome, taxonomy)


def settings(grid: Mapping[str, Sequence[float]]) -> Iterator[dict[str, float]]:
    """Every combination of the grid's values."""
    keys = sorted(grid)
    for values in itertools.product(*(grid[key] for key in keys)):
        yield dict(zip(keys, values, strict=True))


def read_grid(path: Path) -> dict[str, list[float]]:
    """A grid file: kebab-case Scoring keys with lists of values."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    grid = {key.replace("-", "_"): value if isinstance(value, list) else [value] for key, value in raw.items()}
    return grid


@dataclass(frozen=True, slots=True)
class Bars:
    """What a setting must keep to be chosen (see the module's docstring)."""

    max_own: float = MAX_OWN
    min_retitled: float = 0.9
    min_swap: float = 0.95
    min_swap_top2: float = 0.9
    min_precision: float = 0.97
    top2_slack: float = 0.01

    def feasible(self, found: Mapping[str, float], default: Mapping[str, float]) -> bool:
        return (
            found["own_share"] <= self.max_own
            and found["retitled"] >= self.min_retitled
            and found["swap"] >= self.min_swap
            and found["swap_top2"] >= self.min_swap_top2
            and found["P"] >= self.min_precision
            and found["top2"] >= default["top2"] - self.top2_slack
        )


def flat_f1(results: Sequence[Result], grid: Mapping[str, Sequence[float]]) -> list[float]:
    """Per setting, the lowest pooled F1 over it and its one-step neighbours on every axis."""
    index = {tuple(sorted(r.setting.items())): r.pooled.f1 for r in results}
    flat: list[float] = []
    for result in results:
        lowest = result.pooled.f1
        for key, values in grid.items():
            position = list(values).index(result.setting[key])
            for step in (-1, 1):
                if 0 <= position + step < len(values):
                    near = dict(result.setting, **{key: values[position + step]})
                    lowest = min(lowest, index.get(tuple(sorted(near.items())), lowest))
        flat.append(lowest)
    return flat


def choose(
    results: Sequence[Result], grid: Mapping[str, Sequence[float]], default: Mapping[str, float], bars: Bars
) -> Result | None:
    """The setting the rule picks (see the module's docstring), or none when no setting is feasible."""
    base = Scoring()
    flats = flat_f1(results, grid)
    feasible = [(flat, r) for flat, r in zip(flats, results, strict=True) if bars.feasible(r.metrics(), default)]
    if not feasible:
        return None
    best = max(flat for flat, _ in feasible)

    def changes(result: Result) -> int:
        return sum(getattr(base, key) != value for key, value in result.setting.items())

    near_best = [r for flat, r in feasible if flat >= best - 0.002]
    return min(near_best, key=lambda r: (r.pooled.own_flagged, changes(r)))


def _cell(measure: str, value: float) -> str:
    """Counts as integers, shares and scores with four digits."""
    return str(int(value)) if measure.startswith("own") and measure != "own_share" else f"{value:.4f}"


def render(results: Iterable[Result], flats: Sequence[float]) -> str:
    """One tab-separated row per setting: its values, then the measures."""
    rows = list(results)
    if not rows:
        return ""
    keys = sorted(rows[0].setting)
    measures = list(rows[0].metrics())
    lines = ["\t".join([*keys, *measures, "flat_F1"])]
    for result, flat in zip(rows, flats, strict=True):
        found = result.metrics()
        values = [f"{result.setting[k]:g}" for k in keys]
        values += [_cell(m, found[m]) for m in measures]
        lines.append("\t".join([*values, f"{flat:.4f}"]))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Записать входы решения CM001 один раз и перебрать пороги.")
    commands = parser.add_subparsers(dest="command", required=True)
    rec = commands.add_parser("record", help="проверить каждую вакансию один раз и записать входы решения")
    rec.add_argument("out", type=Path)
    rec.add_argument("--labeled", type=Path, nargs="*", default=[], help="размеченные JSONL (confused)")
    rec.add_argument("--real", type=Path, nargs="*", default=[], help="реальные вакансии (свои и чужие названия)")
    run = commands.add_parser("grid", help="решить заново при каждом наборе порогов")
    run.add_argument("grid", type=Path, help="TOML: ключ Scoring → список значений")
    run.add_argument("recordings", type=Path, nargs="+", help="записи (record)")
    run.add_argument("--table", type=Path, help="куда записать таблицу (TSV)")
    run.add_argument("--choose", action="store_true", help="выбрать набор по правилу")
    run.add_argument("--max-own", type=float, default=MAX_OWN)
    args = parser.parse_args(argv)
    if args.command == "record":
        recording = record(args.labeled, args.real, progress=True)
        save(recording, args.out)
        print(f"записано случаев: {len(recording.cases)}, пропущено: {recording.skipped}")
        return 0
    recordings = [load(path) for path in args.recordings]
    taxonomy = remembering(Linter().engine.taxonomy)
    grid = read_grid(args.grid)
    default = evaluate(recordings, taxonomy, {}).metrics()
    results = [evaluate(recordings, taxonomy, setting) for setting in settings(grid)]
    flats = flat_f1(results, grid)
    table = render(results, flats)
    if args.table:
        args.table.write_text(table, encoding="utf-8")
    else:
        print(table, end="")
    print("по умолчанию: " + ", ".join(f"{k} {v:.4f}" for k, v in default.items()))
    if args.choose:
        chosen = choose(results, grid, default, Bars(max_own=args.max_own))
        if chosen is None:
            print("ни один набор не проходит условия")
            return 1
        found = chosen.metrics()
        print("выбран: " + ", ".join(f"{k} = {v:g}" for k, v in chosen.setting.items()))
        print("        " + ", ".join(f"{k} {v:.4f}" for k, v in found.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
