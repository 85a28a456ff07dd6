"""`cmlint bench` measures the baseline and cmlint in pairs and reports the median of the pairs' ratios."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import cmlint.bench as bench


def test_pairs_alternate_and_the_ratio_is_their_median(monkeypatch: pytest.MonkeyPatch) -> None:
    # A machine that slows down run by run: each measurement is slower than the one before.
    calls: list[str] = []

    def measured(kind: str, count: int, paths: Sequence[str], jobs: int = 1) -> dict[str, float]:
        calls.append(kind if jobs == 1 else f"{kind}×{jobs}")
        slowdown = 1 + 0.1 * len(calls)
        base = 900.0 if kind == "floor" else 300.0
        return {"per_second": base / slowdown, "rss_mb": 100.0 + len(calls)}

    monkeypatch.setattr(bench, "_subprocess", measured)
    monkeypatch.setattr(bench, "cold_start", lambda paths=(): (1.0, 0.9))
    result = bench.run_bench(postings=10, jobs=2, rounds=3)
    assert calls[:6] == ["floor", "cmlint", "cmlint", "floor", "floor", "cmlint"]
    assert calls[6] == "cmlint×2"
    assert len(result.round_ratios) == 3
    # Round 1 favours the baseline (cmlint ran later, slower), round 2 favours cmlint: the median sits between.
    assert result.round_ratios[0] < 1 / 3 < result.round_ratios[1]
    assert result.ratio_to_floor == sorted(result.round_ratios)[1]
    assert result.single_peak_rss_mb == 106.0  # the largest of the one-process runs (calls 2, 3 and 6)


def test_the_share_of_an_even_count_of_pairs_is_the_mean_of_the_middle_two(monkeypatch: pytest.MonkeyPatch) -> None:
    shares = iter([0.40, 0.10, 0.30, 0.20])
    floor = {"per_second": 1000.0, "rss_mb": 100.0}

    def measured(kind: str, count: int, paths: Sequence[str], jobs: int = 1) -> dict[str, float]:
        return floor if kind == "floor" or jobs > 1 else {"per_second": 1000.0 * next(shares), "rss_mb": 100.0}

    monkeypatch.setattr(bench, "_subprocess", measured)
    monkeypatch.setattr(bench, "cold_start", lambda paths=(): (1.0, 0.9))
    result = bench.run_bench(postings=10, jobs=2, rounds=4)
    assert result.ratio_to_floor == 0.25
