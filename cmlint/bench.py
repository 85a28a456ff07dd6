"""``cmlint bench``: throughput, cold start and memory on a reproducible corpus.

The corpus is our own postings (``corpora/``), cycled to the requested size.
Each measurement runs in a fresh subprocess so that peak RSS is its own:

- **floor** — spaCy's Russian tokenizer plus a cached pymorphy3 parse of every
  token: the least any Russian linter on this stack must do;
- **cmlint** — ``Linter.lint_many`` in one process and with ``--jobs``;
- **cold start** — wall time of ``cmlint check one.txt`` (median of three).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel

CORPUS_DIRS = ("postings", "heldout")


class BenchResult(BaseModel):
    postings: int
    corpus_postings: int
    floor_per_second: float
    single_per_second: float
    jobs: int
    parallel_per_second: float
    ratio_to_floor: float
    cold_start_seconds: float
    single_peak_rss_mb: float
    parallel_peak_rss_mb: float
    cpu_count: int


def corpus_texts() -> list[tuple[str, str]]:
    """(title, text) of our own postings, in a fixed order."""
    root = _corpora()
    rows: list[tuple[str, str]] = []
    for folder in CORPUS_DIRS:
        for path in sorted((root / folder).glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    rows.append((record["title"], record["text"]))
    if not rows:
        raise FileNotFoundError(f"нет корпуса для замера в {root}")
    return rows


def _corpora() -> Path:
    candidates = [Path.cwd() / "corpora", Path(__file__).resolve().parent.parent / "corpora"]
    for candidate in candidates:
        if (candidate / "postings").is_dir():
            return candidate
    raise FileNotFoundError("не найдена папка corpora/ (запустите из корня репозитория)")


def _workload(count: int) -> list[tuple[str, str]]:
    """``count`` (title, text) pairs, cycling through the corpus."""
    texts = corpus_texts()
    return [texts[i % len(texts)] for i in range(count)]


def _peak_rss_mb(children: bool = False) -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    return round(usage.ru_maxrss / 1024, 1)  # Linux reports KiB


def measure(kind: str, count: int, jobs: int = 1, repeats: int = 3) -> dict[str, float]:
    """One measurement in this process (called in a subprocess by :func:`run_bench`).

    The workload runs ``repeats`` times and the fastest pass counts, which
    keeps the noise of a shared machine out of the ratio; both sides get the
    same treatment (their caches are warm after the first pass).
    """
    work = _workload(count)
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


def _subprocess(kind: str, count: int, jobs: int = 1) -> dict[str, float]:
    repeats = 1 if jobs > 1 else 3  # a parallel pass includes starting the workers: once is the honest number
    code = f"import json, cmlint.bench as b; print(json.dumps(b.measure({kind!r}, {count}, {jobs}, {repeats})))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=os.getcwd())
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_start() -> float:
    """Median wall time of ``cmlint check one.txt`` in a fresh process."""
    title, text = corpus_texts()[0]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.txt"
        path.write_text(title + "\n" + text, encoding="utf-8")
        times = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "cmlint", "check", str(path)], capture_output=True, check=False)
            times.append(time.perf_counter() - start)
    return round(sorted(times)[1], 3)


def run_bench(postings: int = 2000, jobs: int = 2) -> BenchResult:
    floor = _subprocess("floor", postings)
    single = _subprocess("cmlint", postings)
    parallel = _subprocess("cmlint", postings, jobs)
    return BenchResult(
        postings=postings,
        corpus_postings=len(corpus_texts()),
        floor_per_second=round(floor["per_second"], 1),
        single_per_second=round(single["per_second"], 1),
        jobs=jobs,
        parallel_per_second=round(parallel["per_second"], 1),
        ratio_to_floor=round(single["per_second"] / floor["per_second"], 3),
        cold_start_seconds=cold_start(),
        single_peak_rss_mb=single["rss_mb"],
        parallel_peak_rss_mb=parallel["rss_mb"],
        cpu_count=os.cpu_count() or 1,
    )


def _n(value: float) -> str:
    """A number with a thin space between thousands, as Russian text wants."""
    return f"{value:,.0f}".replace(",", "\u202f")


def render_text(result: BenchResult) -> str:
    return (
        f"Корпус: {result.corpus_postings} своих вакансий, прогнано {result.postings}; ядер: {result.cpu_count}\n"
        f"Пол (токенизатор spaCy + кэшированный pymorphy3): {_n(result.floor_per_second)} вакансий/с\n"
        f"cmlint, 1 процесс: {_n(result.single_per_second)} вакансий/с ({result.ratio_to_floor:.2f} от пола)\n"
        f"cmlint, {result.jobs} процесса: {_n(result.parallel_per_second)} вакансий/с\n"
        f"Холодный старт `cmlint check one.txt`: {result.cold_start_seconds:.2f} с\n"
        f"Пиковая память: 1 процесс {result.single_peak_rss_mb:.0f} МБ, {result.jobs} процесса (на процесс) "
        f"{result.parallel_peak_rss_mb:.0f} МБ\n"
    )
