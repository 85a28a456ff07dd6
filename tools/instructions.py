"""Instructions per posting of cmlint and of the bench's floor, counted by valgrind (slow; not run in CI).

``cmlint bench`` measures time, which moves by a tenth or more on a shared
machine from one minute to the next: too much to see a change of 1 %.  The
number of machine instructions a pass executes barely moves (ASLR off, a
fixed hash seed: ±0.15 % here), so an A/B of two trees by it shows changes of
a few tenths of a per cent.  It is not the speed: Python code stalls on its
memory far more than the floor's tokenizer does, so a posting of cmlint costs
about 1.7 times the floor's instructions and 2.5–3.5 times its time.

Each side runs its workload (the bench's, :func:`cmlint.bench.measure`) once
and three times in two processes under ``valgrind --tool=cachegrind``; the
difference, divided by two passes, is one warm pass without the start-up.

    python -m tools.instructions               # cmlint and the floor, 340 postings (a few minutes)
    python -m tools.instructions --side cmlint # one side only

Exit code 0, or 2 when valgrind is missing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from cmlint.bench import corpus_texts

#: cachegrind's summary line of executed instructions: «==123== I   refs:      17,127,664,223».
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")
SIDES = ("cmlint", "floor")


def executed(report: str) -> int:
    """The instructions a cachegrind run executed, read from its summary on stderr."""
    found = _REFS.search(report)
    if found is None:
        raise ValueError("в выводе valgrind нет строки «I refs»")
    return int(found.group(1).replace(",", ""))


def _run(side: str, postings: int, passes: int) -> int:
    """Instructions of a process that runs ``side``'s workload ``passes`` times (ASLR off where setarch exists)."""
    code = f"import cmlint.bench as b; b.measure({side!r}, {postings}, 1, {passes})"
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, "-c", code,
    ]
    if shutil.which("setarch"):
        command = ["setarch", "-R", *command]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return executed(done.stderr)


def per_posting(side: str, postings: int) -> int:
    """Instructions of one warm pass of ``side`` over ``postings`` postings, per posting."""
    with ThreadPoolExecutor(2) as pool:
        once, thrice = pool.map(lambda passes: _run(side, postings, passes), (1, 3))
    return round((thrice - once) / (2 * postings))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", choices=SIDES, help="одна сторона (по умолчанию обе)")
    parser.add_argument("--postings", type=int, default=len(corpus_texts()), help="вакансий за проход")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("нужен valgrind (apt-get install valgrind)", file=sys.stderr)
        return 2
    counted = {side: per_posting(side, args.postings) for side in ([args.side] if args.side else SIDES)}
    for side, count in counted.items():
        print(f"{side}: {count:,} инструкций на вакансию".replace(",", " "))
    if len(counted) == 2:
        print(f"floor / cmlint: {counted['floor'] / counted['cmlint']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
