"""Legal rules on hand-labeled recruiter wordings: precision and recall per code and overall.

The items are written by people who have not seen the rules (violations and compliant
look-alikes) and are kept outside the repository, so that a number on them says how the
legal pack does on wordings it was not tuned on.  One JSON object per line::

    {"id": "t-001", "text": "Требования: девушка до 30 лет", "expected": ["LG001", "LG002"], "kind": "violation"}

A pair (item, code) is a true positive when the code is expected and reported, a false
positive when reported and not expected, a miss when expected and not reported; only LG codes
count.  ``-v`` prints the misses and false alarms with the item's opening.

    python tools/legal_eval.py ITEMS.jsonl [-v]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

from cmlint.linter import Linter
from cmlint.models import Posting

PREFIX = "LG"


class Item(BaseModel):
    """One labeled wording."""

    id: str
    text: str
    expected: list[str]
    kind: Literal["violation", "compliant"] | None = None


class Outcome(BaseModel):
    """What the linter reported on one item, against what was expected."""

    item: Item
    reported: list[str]

    @property
    def false_alarms(self) -> set[str]:
        return set(self.reported) - set(self.item.expected)

    @property
    def misses(self) -> set[str]:
        return set(self.item.expected) - set(self.reported)


def read_items(path: Path) -> list[Item]:
    """The items of a JSONL file; a bad line is an error naming the file and the line."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(Item.model_validate_json(line))
        except ValidationError as error:
            raise SystemExit(f"{path}:{number}: не элемент разметки: {error.errors()[0]['msg']}") from None
    return items


def outcomes(items: list[Item], linter: Linter) -> list[Outcome]:
    postings = [Posting(text=item.text, id=item.id) for item in items]
    reports = linter.lint_many(postings)
    return [
        Outcome(item=item, reported=sorted({f.code for f in report.findings if f.code.startswith(PREFIX)}))
        for item, report in zip(items, reports, strict=True)
    ]


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "—"


def render(found: Iterable[Outcome], verbose: bool) -> str:
    found = list(found)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for outcome in found:
        tp.update(set(outcome.reported) & set(outcome.item.expected))
        fp.update(outcome.false_alarms)
        fn.update(outcome.misses)
    lines = [f"{'код':<7}{'верно':>6}{'ложно':>6}{'пропуск':>8}{'P':>7}{'R':>7}"]
    for code in sorted(tp.keys() | fp.keys() | fn.keys()):
        t, f, n = tp[code], fp[code], fn[code]
        lines.append(f"{code:<7}{t:>6}{f:>6}{n:>8}{_ratio(t, t + f):>7}{_ratio(t, t + n):>7}")
    t, f, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    lines.append(f"{'всего':<7}{t:>6}{f:>6}{n:>8}{_ratio(t, t + f):>7}{_ratio(t, t + n):>7}")
    if verbose:
        for outcome in found:
            opening = " ".join(outcome.item.text.split())[:160]
            lines += [f"ложно {outcome.item.id} {code}: {opening}" for code in sorted(outcome.false_alarms)]
            lines += [f"пропуск {outcome.item.id} {code}: {opening}" for code in sorted(outcome.misses)]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("items", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)
    print(render(outcomes(read_items(args.items), Linter()), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
