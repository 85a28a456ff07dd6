"""Rule precision on real postings: count findings, sample them for reading, score marked sheets.

The real postings (third-party scrapes) are read from ``$CMLINT_REAL_DATA``
(default: the nearest ``shared/eval/real`` above the repository); nothing from them is
written into the repository.  A review sheet holds texts, so it goes outside
the repository; the verdicts kept in ``corpora/precision/*.tsv`` hold ids, codes,
offsets and verdicts only (TSV, so no reader of postings takes them for postings).

    python tools/precision.py counts                        # findings per rule and data set
    python tools/precision.py sheet /tmp/sheet.tsv          # a sample to read (fixed seed)
    python tools/precision.py score corpora/precision/*.tsv      # precision per rule from verdicts
    python tools/precision.py returning corpora/precision/*.tsv  # marked false positives reported again
    python tools/precision.py lost corpora/precision/*.tsv       # marked true positives no longer reported

A marked false positive that still comes back and is not fixed yet is listed
by key in ``corpora/precision/open.txt`` (a baseline, as a linter's baseline
file): the test fails when any other marked false positive comes back, and
when a listed one no longer does (it is fixed: take it off the list).  ``corpora/precision/lost.txt`` does the
same for the marked true positives that the rules no longer report.

A sheet is TSV: ``key`` (set:id:code:field:start:end), the title, the span in
its sentence (⟦…⟧), the finding's message, and an empty ``verdict`` column to fill with ``tp`` or
``fp`` (and an optional short ``cause`` tag: contrast, negation, compound …).
``python tools/precision.py verdicts SHEET OUT.tsv`` keeps the marked rows
as ids and verdicts (``key``, ``verdict``, ``cause``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cmlint.linter import Linter
from cmlint.models import Finding, Posting

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "full": "full.jsonl",
    "snippets": "snippets.jsonl",
    "train": "large/train.jsonl",
    # Measuring only: a sample read from it is never used to tune a rule.
    "test": "large/test.jsonl",
}
#: Characters of context on each side of a span in a sheet.
CONTEXT = 110


def data_dir() -> Path:
    """``$CMLINT_REAL_DATA``, else the nearest ``shared/eval/real`` above the repository."""
    explicit = os.environ.get("CMLINT_REAL_DATA")
    if explicit:
        return Path(explicit)
    for folder in ROOT.parents:
        if (folder / "shared" / "eval" / "real").is_dir():
            return folder / "shared" / "eval" / "real"
    return ROOT.parent / "shared" / "eval" / "real"


@dataclass(frozen=True)
class Hit:
    """One finding on a real posting, placed by ids and offsets only."""

    set: str
    id: str
    code: str
    field: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return f"{self.set}:{self.id}:{self.code}:{self.field}:{self.start}:{self.end}"

    @classmethod
    def parse(cls, key: str) -> Hit:
        name, ident, code, field, start, end = key.split(":")
        return cls(name, ident, code, field, int(start), int(end))


def records(names: list[str]) -> Iterator[tuple[str, dict[str, str]]]:
    for name in names:
        with (data_dir() / SETS[name]).open(encoding="utf-8") as source:
            for line in source:
                yield name, json.loads(line)


def hits(linter: Linter, names: list[str]) -> Iterator[tuple[Hit, dict[str, str], str]]:
    """Every finding of every posting of the sets, under the posting's own title, with its message."""
    for name, record in records(names):
        report = linter.lint_posting(Posting(text=record["text"], title=record.get("title"), id=str(record["id"])))
        for finding in report.findings:
            span = finding.span
            field = span.field if span else "-"
            start, end = (span.start, span.end) if span else (-1, -1)
            yield Hit(name, str(record["id"]), finding.code, field, start, end), record, finding.message


def context(hit: Hit, record: dict[str, str]) -> str:
    """The span in its sentence, marked ⟦…⟧ (the title for title findings, the start for whole-posting ones)."""
    if hit.field == "title":
        title = record.get("title") or ""
        return f"[название] {title[:hit.start]}⟦{title[hit.start:hit.end]}⟧{title[hit.end:]}"
    text = record["text"]
    if hit.start < 0:
        return "[вакансия целиком] " + " ".join(text[: 2 * CONTEXT].split())
    left = max(text.rfind("\n", 0, hit.start) + 1, hit.start - CONTEXT)
    right = text.find("\n", hit.end)
    right = min(right if right != -1 else len(text), hit.end + CONTEXT)
    return " ".join(f"{text[left:hit.start]}⟦{text[hit.start:hit.end]}⟧{text[hit.end:right]}".split())


def reported(paths: list[Path], linter: Linter, verdict: str) -> list[Hit]:
    """The findings marked ``verdict`` (``tp`` or ``fp``) that the rules report (same code, overlapping span)."""
    wanted: dict[tuple[str, str], list[Hit]] = defaultdict(list)
    for marked in load_verdicts(paths):
        if marked.verdict == verdict:
            hit = Hit.parse(marked.key)
            wanted[(hit.set, hit.id)].append(hit)
    back: list[Hit] = []
    for name, record in records(sorted({name for name, _ in wanted})):
        hits = wanted.get((name, str(record["id"])), [])
        if not hits:
            continue
        report = linter.lint_posting(Posting(text=record["text"], title=record.get("title"), id=str(record["id"])))
        back.extend(hit for hit in hits if any(_same_place(hit, finding) for finding in report.findings))
    return back


def lost(paths: list[Path], linter: Linter) -> set[str]:
    """The keys of the marked true positives that the rules no longer report."""
    right = {verdict.key for verdict in load_verdicts(paths) if verdict.verdict == "tp"}
    return right - {hit.key for hit in reported(paths, linter, "tp")}


def _same_place(hit: Hit, finding: Finding) -> bool:
    if finding.code != hit.code:
        return False
    if finding.span is None or hit.start < 0:
        return finding.span is None and hit.start < 0
    return finding.span.field == hit.field and finding.span.start < hit.end and hit.start < finding.span.end


def counts(names: list[str]) -> None:
    linter = Linter().prepare()
    table: dict[str, Counter[str]] = defaultdict(Counter)
    postings: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for hit, _, _ in hits(linter, names):
        table[hit.code][hit.set] += 1
        seen.add((hit.set, hit.id))
    for name, _ in records(names):
        postings[name] += 1
    print("code   " + "  ".join(f"{n:>9}" for n in names) + "      all")
    for code in sorted(table):
        row = table[code]
        print(f"{code:6} " + "  ".join(f"{row[n]:>9}" for n in names) + f"  {sum(row.values()):>7}")
    print("posts  " + "  ".join(f"{postings[n]:>9}" for n in names))


def sheet(out: Path, names: list[str], per_rule: int, seed: int, codes: set[str] | None, exclude: list[Path]) -> None:
    linter = Linter().prepare()
    known = {verdict.key for verdict in load_verdicts(exclude)}
    by_code: dict[str, list[tuple[Hit, dict[str, str], str]]] = defaultdict(list)
    for hit, record, message in hits(linter, names):
        if (codes is None or hit.code in codes) and hit.key not in known:
            by_code[hit.code].append((hit, record, message))
    rng = random.Random(seed)
    with out.open("w", encoding="utf-8", newline="") as sink:
        writer = csv.writer(sink, delimiter="\t")
        writer.writerow(["key", "title", "context", "message", "verdict", "cause"])
        for code in sorted(by_code):
            found = by_code[code]
            chosen = rng.sample(found, min(per_rule, len(found)))
            for hit, record, message in sorted(chosen, key=lambda row: row[0].key):
                writer.writerow([hit.key, record.get("title") or "", context(hit, record), message, "", ""])
    print(f"{out}: {sum(min(per_rule, len(v)) for v in by_code.values())} rows for {len(by_code)} rules")
    print("  ".join(f"{code} {len(found)}" for code, found in sorted(by_code.items())))


@dataclass(frozen=True)
class Verdict:
    """A reader's verdict on one finding: ``tp`` or ``fp`` and a short cause tag."""

    key: str
    verdict: str
    cause: str


VERDICT_COLUMNS = ("key", "verdict", "cause")
#: Keys of marked false positives that still come back, one per line (``#`` starts a comment).
OPEN = ROOT / "corpora" / "precision" / "open.txt"
#: Keys of marked true positives that the rules no longer report, in the same form.
LOST = ROOT / "corpora" / "precision" / "lost.txt"


def open_keys(path: Path = OPEN) -> set[str]:
    """The keys listed in a baseline file: marked false positives known to come back (``OPEN``, not fixed yet),
    or marked true positives known to be lost (``LOST``)."""
    if not path.exists():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


def load_verdicts(paths: list[Path]) -> list[Verdict]:
    """The verdicts of TSV files with the columns key, verdict, cause."""
    found: list[Verdict] = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as source:
            for row in csv.DictReader(source, delimiter="\t"):
                found.append(Verdict(row["key"], row["verdict"], row.get("cause") or ""))
    return found


def verdicts(marked: Path, out: Path) -> None:
    """Keep the marked rows of a sheet as ids and verdicts (no text)."""
    with marked.open(encoding="utf-8", newline="") as source:
        rows = [row for row in csv.DictReader(source, delimiter="\t") if (row["verdict"] or "").strip() in ("tp", "fp")]
    new = not out.exists()
    with out.open("a", encoding="utf-8", newline="") as sink:
        writer = csv.writer(sink, delimiter="\t", lineterminator="\n")
        if new:
            writer.writerow(VERDICT_COLUMNS)
        for row in rows:
            writer.writerow([row["key"], row["verdict"].strip(), (row.get("cause") or "").strip()])
    print(f"{out}: +{len(rows)} verdicts")


def score(paths: list[Path]) -> None:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for verdict in load_verdicts(paths):
        code = Hit.parse(verdict.key).code
        total[code] += 1
        right[code] += verdict.verdict == "tp"
    for code in sorted(total):
        print(f"{code}  {right[code]:>3} of {total[code]:>3} right  ({right[code] / total[code]:.0%})")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="full,snippets,train", help="comma-separated: " + ", ".join(SETS))
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("counts")
    make = commands.add_parser("sheet")
    make.add_argument("out", type=Path)
    make.add_argument("--per-rule", type=int, default=15)
    make.add_argument("--seed", type=int, default=9)
    make.add_argument("--codes", default="", help="only these codes (comma-separated)")
    make.add_argument("--exclude", type=Path, action="append", default=[], help="verdicts not to sample again")
    keep = commands.add_parser("verdicts")
    keep.add_argument("sheet", type=Path)
    keep.add_argument("out", type=Path)
    rate = commands.add_parser("score")
    rate.add_argument("paths", type=Path, nargs="+")
    back = commands.add_parser("returning")
    back.add_argument("paths", type=Path, nargs="+")
    gone = commands.add_parser("lost")
    gone.add_argument("paths", type=Path, nargs="+")
    args = parser.parse_args(argv)
    names = [n for n in args.sets.split(",") if n]
    if args.command == "counts":
        counts(names)
    elif args.command == "sheet":
        codes = {c.strip().upper() for c in args.codes.split(",") if c.strip()} or None
        sheet(args.out, names, args.per_rule, args.seed, codes, args.exclude)
    elif args.command == "verdicts":
        verdicts(args.sheet, args.out)
    elif args.command in ("returning", "lost"):
        if args.command == "returning":
            found, known = {hit.key for hit in reported(args.paths, Linter().prepare(), "fp")}, open_keys()
        else:
            found, known = lost(args.paths, Linter().prepare()), open_keys(LOST)
        for key in sorted(found - known):
            print(f"new  {key}")
        for key in sorted(known - found):
            print(f"gone  {key}")
        return 1 if found != known else 0
    else:
        score(args.paths)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
