"""`cmlint bench` prints its rates in Russian with the noun agreeing with the number."""

from __future__ import annotations

from cmlint.bench import BenchResult, render_text

#: A result of three pairs measured on two cores.
RESULT = BenchResult(
    postings=3000,
    corpus_postings=340,
    floor_per_second=491.2,
    single_per_second=124.0,
    jobs=2,
    parallel_per_second=167.0,
    cold_start_seconds=1.22,
    cached_cold_start_seconds=0.85,
    single_peak_rss_mb=156.0,
    parallel_peak_rss_mb=148.0,
    cpu_count=2,
    ratio_to_floor=124.0 / 491.2,
    round_ratios=[0.252, 0.241, 0.263],
)


def test_rates_agree_with_their_numbers() -> None:
    text = render_text(RESULT)
    assert "491 вакансия в секунду" in text
    assert "124 вакансии в секунду" in text
    assert "167 вакансий в секунду" in text
    assert "/с" not in text
    assert "1,22 с; с кэшем байт-кода Python, как у установленного пакета: 0,85 с" in text
    assert "(25\u00a0% от базового уровня; по 3 парным замерам — от 24\u00a0% до 26\u00a0%)" in text


def test_one_round_shows_no_range() -> None:
    result = RESULT.model_copy(update={"ratio_to_floor": 0.375, "round_ratios": [0.375]})
    assert "(38\u00a0% от базового уровня)\n" in render_text(result)
