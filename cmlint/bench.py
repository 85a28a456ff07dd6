"""``cmlint bench``: throughput, cold start and memory on a reproducible corpus.

The corpus is our own postings (``corpora/postings`` and ``corpora/heldout``,
shipped inside the package) or the JSONL files given, cycled to the requested
size.  Each measurement runs in a fresh subprocess so that peak RSS is its own:

- **baseline** — spaCy's Russian tokenizer plus a cached pymorphy3 parse of every
  token: the least any Russian linter on this stack must do;
- **cmlint** — ``Linter.lint_many`` in one process and with ``--jobs``;
- **ratio** — the baseline and cmlint in one process are measured in pairs, one right after the other, in
  ``rounds`` rounds (the order alternating); the ratio is the median of the rounds' ratios, and its range is
  shown: on a shared machine the baseline alone moves by a third within minutes, a pair measured together
  moves much less;
- **cold start** — wall time of ``cmlint check one.txt`` (median of three), once
  in this environment as it is and once with Python's bytecode cache, as an
  installed package runs: where ``PYTHONDONTWRITEBYTECODE`` is set (some
  sandboxes and containers), every run compiles cmlint's modules from source,
  and the two numbers differ by that cost.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from statistics import median

from pydantic import BaseModel

from cmlint.resources import shipped
from cmlint.russian import count as count_of, number, percent

CORPUS_DIRS = ("postings", "heldout")


class BenchResult(BaseModel):
    postings: int
    corpus_postings: int
    floor_per_second: float
    single_per_second: float
    jobs: int
    parallel_per_second: float
    ratio_to_floor: float
    #: The ratio of each round (a baseline and a one-process cmlint run one right after the other).
    round_ratios: list[float]
    cold_start_seconds: float
    cached_cold_start_seconds: float
    single_peak_rss_mb: float
    parallel_peak_rss_mb: float
    cpu_count: int


def corpus_files(paths: Sequence[str] = ()) -> list[Traversable]:
    """The JSONL files of the corpus: ``paths`` (files, or folders of ``*.jsonl``), else our shipped postings."""
    if not paths:
        root = shipped("corpora")
        entries = (e for folder in CORPUS_DIRS for e in sorted(root.joinpath(folder).iterdir(), key=lambda e: e.name))
        return [entry for entry in entries if entry.name.endswith(".jsonl")]
    files: list[Traversable] = []
    for entry in map(Path, paths):
        files.extend(sorted(entry.glob("*.jsonl")) if entry.is_dir() else [entry])
    return files


def corpus_texts(paths: Sequence[str] = ()) -> list[tuple[str, str]]:
    """(title, text) of the corpus postings, in a fixed order."""
    rows: list[tuple[str, str]] = []
    for path in corpus_files(paths):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                rows.append((record.get("title") or "", record["text"]))
    if not rows:
        raise FileNotFoundError(f"в корпусе для замера нет вакансий: {', '.join(paths) or 'corpora'}")
    return rows


def _workload(count: int, paths: Sequence[str]) -> list[tuple[str, str]]:
    """``count`` (title, text) pairs, cycling through the corpus."""
    texts = corpus_texts(paths)
    return [texts[i % len(texts)] for i in range(count)]


def _peak_rss_mb(children: bool = False) -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    return round(usage.ru_maxrss / 1024, 1)  # Linux reports KiB


def measure(kind: str, count: int, jobs: int = 1, repeats: int = 3, paths: Sequence[str] = ()) -> dict[str, float]:
    """One measurement in this process (called in a subprocess by :func:`run_bench`).

    The workload runs ``repeats`` times and the fastest pass counts, which
    keeps the noise of a shared machine out of the ratio; both sides get the
    same treatment (their caches are warm after the first pass).
    """
    work = _workload(count, paths)
    if kind == "floor":
        import functools

        import pymorphy3
        import spacy

        tokenizer = spacy.blank("ru").tokenizer
        parse = functools.lru_cache(maxsize=None)(pymorphy3.MorphAnalyzer().parse)

        def run() -> None:
            for title, text in work:
                for token in tokenizer(title + "\n" + text):
                    parse(token.text)
    else:
        from cmlint.linter import Linter
        from cmlint.models import Posting

        linter = Linter().prepare()
        linter.lint("прогрев", title="прогрев")
        postings = [Posting(text=text, title=title) for title, text in work]

        def run() -> None:
            for _ in linter.lint_many(postings, n_process=jobs):
                pass

    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return {"per_second": count / best, "rss_mb": max(_peak_rss_mb(), _peak_rss_mb(children=True))}


def _subprocess(kind: str, count: int, paths: Sequence[str], jobs: int = 1) -> dict[str, float]:
    repeats = 1 if jobs > 1 else 3  # a parallel pass includes starting the workers: once is the honest number
    args = [kind, count, jobs, repeats, [str(Path(p).resolve()) for p in paths]]
    code = f"import json, cmlint.bench as b; print(json.dumps(b.measure(*json.loads({json.dumps(args)!r}))))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=os.getcwd())
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _median_wall(command: list[str], env: dict[str, str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, env=env)
        times.append(time.perf_counter() - start)
    return round(median(times), 3)


def cold_start(paths: Sequence[str] = ()) -> tuple[float, float]:
    """Median wall times of ``cmlint check one.txt`` in a fresh process: in this environment as it is, and with
    a bytecode cache of its own (a temporary ``PYTHONPYCACHEPREFIX``, filled by one warm-up run), so nothing is
    written next to the sources."""
    title, text = corpus_texts(paths)[0]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.txt"
        path.write_text(title + "\n" + text, encoding="utf-8")
        command = [sys.executable, "-m", "cmlint", "check", str(path)]
        as_is = _median_wall(command, dict(os.environ))
        cached_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached_env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "bytecode")
        _median_wall(command, cached_env, runs=1)
        cached = _median_wall(command, cached_env)
    return as_is, cached


def _paired(postings: int, rounds: int, paths: Sequence[str]) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """The baseline and cmlint in one process, measured one right after the other ``rounds`` times; odd rounds
    start with cmlint, so a machine slowing down or speeding up does not favour one side."""
    floors: list[dict[str, float]] = []
    singles: list[dict[str, float]] = []
    for index in range(rounds):
        kinds = ("floor", "cmlint") if index % 2 == 0 else ("cmlint", "floor")
        measured = {kind: _subprocess(kind, postings, paths) for kind in kinds}
        floors.append(measured["floor"])
        singles.append(measured["cmlint"])
    return floors, singles


def run_bench(postings: int = 2000, jobs: int = 2, paths: Sequence[str] = (), rounds: int = 3) -> BenchResult:
    floors, singles = _paired(postings, rounds, paths)
    ratios = [s["per_second"] / f["per_second"] for f, s in zip(floors, singles, strict=True)]
    parallel = _subprocess("cmlint", postings, paths, jobs)
    cold, cached_cold = cold_start(paths)
    return BenchResult(
        postings=postings,
        corpus_postings=len(corpus_texts(paths)),
        floor_per_second=round(median([f["per_second"] for f in floors]), 1),
        single_per_second=round(median([s["per_second"] for s in singles]), 1),
        jobs=jobs,
        parallel_per_second=round(parallel["per_second"], 1),
        ratio_to_floor=round(median(ratios), 3),
        round_ratios=[round(ratio, 3) for ratio in ratios],
        cold_start_seconds=cold,
        cached_cold_start_seconds=cached_cold,
        single_peak_rss_mb=max(s["rss_mb"] for s in singles),
        parallel_peak_rss_mb=parallel["rss_mb"],
        cpu_count=os.cpu_count() or 1,
    )


def _rate(per_second: float) -> str:
    """«491 вакансия в секунду», «124 вакансии в секунду»: the noun agrees with the number."""
    return count_of(round(per_second), "вакансия", "вакансии", "вакансий") + " в секунду"


def _processes(n: int) -> str:
    return count_of(n, "процесс", "процесса", "процессов")


def _seconds(value: float) -> str:
    return f"{value:.2f}".replace(".", ",") + " с"


def render_text(result: BenchResult) -> str:
    """The result for people, in Russian."""
    postings = count_of(result.corpus_postings, "вакансия", "вакансии", "вакансий")
    cores = count_of(result.cpu_count, "ядро", "ядра", "ядер")
    share = percent(result.ratio_to_floor)
    spread = ""
    if len(result.round_ratios) > 1:
        rounds = count_of(len(result.round_ratios), "парному замеру", "парным замерам", "парным замерам")
        spread = f"; по {rounds} — от {percent(min(result.round_ratios))} до {percent(max(result.round_ratios))}"
    return (
        f"Корпус: {postings}, прогнано {number(result.postings)}; {cores}\n"
        f"Базовый уровень (токенизатор spaCy + кэшированный pymorphy3): {_rate(result.floor_per_second)}\n"
        f"cmlint, {_processes(1)}: {_rate(result.single_per_second)} ({share} от базового уровня{spread})\n"
        f"cmlint, {_processes(result.jobs)}: {_rate(result.parallel_per_second)}\n"
        f"Холодный старт «cmlint check one.txt»: {_seconds(result.cold_start_seconds)}; "
        f"с кэшем байт-кода Python, как у установленного пакета: {_seconds(result.cached_cold_start_seconds)}\n"
        f"Пиковая память: {_processes(1)} — {number(round(result.single_peak_rss_mb))} МБ, "
        f"{_processes(result.jobs)} — {number(round(result.parallel_peak_rss_mb))} МБ на процесс\n"
    )
