"""tools/decision_grid.py: decisions recorded once and made again equal the linter's, and the rule picks plateaus."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from cmlint.evaluate import CODE
from cmlint.linter import Linter
from cmlint.scoring import Scoring
from tools.decision_grid import (
    DECISION_KEYS,
    Bars,
    Result,
    Tally,
    choose,
    evaluate,
    flat_f1,
    load,
    main,
    record,
    save,
    settings,
)

#: Invented postings: a community title over sales, an honest one, and an accountant's posting (re-titled too).
LABELED = [
    {
        "id": "sold",
        "title": "Комьюнити-менеджер",
        "text": "Обязанности:\n- холодные звонки новым клиентам\n- выполнение плана продаж\n"
        "- ведение сделок в CRM до оплаты\n- проведение презентаций продукта покупателям",
        "confused": True,
        "actual_role": "sales",
    },
    {
        "id": "honest",
        "title": "Комьюнити-менеджер",
        "text": "Обязанности:\n- знакомить участников клуба друг с другом\n- проводить встречи участников сообщества\n"
        "- растить амбассадоров из активных участников\n- модерировать чат сообщества",
        "confused": False,
        "actual_role": "community",
    },
]
REAL = [
    {
        "id": "books",
        "title": "Бухгалтер",
        "text": "Обязанности:\n- ведение первичной документации\n- сверка расчётов с контрагентами\n"
        "- начисление заработной платы\n- подготовка налоговой отчётности в 1С",
    },
]


def write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("grid")
    recording = record([write(folder / "labeled.jsonl", LABELED)], [write(folder / "real.jsonl", REAL)])
    save(recording, folder / "cases.pkl")
    return folder / "cases.pkl"


def test_the_defaults_decide_as_the_linter_does(recorded: Path, linter: Linter) -> None:
    recording = load(recorded)
    assert [(c.id, c.protocol) for c in recording.cases] == [
        ("sold", "labeled"), ("honest", "labeled"), ("books", "own"), ("books", "occupation")
    ]
    result = evaluate([recording], linter.engine.taxonomy, {})
    found = result.metrics()
    reports = {
        "sold": linter.lint(LABELED[0]["text"], LABELED[0]["title"]),  # type: ignore[arg-type]
        "honest": linter.lint(LABELED[1]["text"], LABELED[1]["title"]),  # type: ignore[arg-type]
        "books": linter.lint(REAL[0]["text"], "Комьюнити-менеджер"),  # type: ignore[arg-type]
    }
    assert [CODE in reports[key].codes() for key in ("sold", "honest", "books")] == [True, False, True]
    assert (found["P"], found["R"], found["top2"]) == (1.0, 1.0, 1.0)
    assert (found["own_flagged"], found["retitled"], found["retitled_top2"]) == (0, 1.0, 1.0)


def test_a_stricter_setting_decides_again(recorded: Path, linter: Linter) -> None:
    recording = load(recorded)
    margins = {"occupation_min_margin": 1000.0, "occupation_short_margin_per_line": 1000.0}
    strict = evaluate([recording], linter.engine.taxonomy, margins).metrics()
    assert strict["retitled"] == 0.0  # the accountant's lines no longer win by enough
    assert strict["R"] == 1.0  # the community title over sales is still found by the phrases …
    silent = evaluate([recording], linter.engine.taxonomy, {**margins, "max_title_support": 0.0}).metrics()
    assert silent["R"] == 0.0  # … unless no support is low enough


def test_only_decision_thresholds_may_be_gridded(recorded: Path, linter: Linter) -> None:
    assert DECISION_KEYS <= set(Scoring.model_fields)
    with pytest.raises(SystemExit, match="negation"):
        evaluate([load(recorded)], linter.engine.taxonomy, {"negation_window": 3})


def result(setting: dict[str, float], tp: int, own_flagged: int = 0) -> Result:
    tally = Tally(tp=tp, fn=10 - tp, tn=10, top2=10, roles=10, own=1000, own_flagged=own_flagged)
    tally.family, tally.family_flagged, tally.family_top2 = 10, 10, 10
    tally.occupation, tally.occupation_flagged = 10, 10
    return Result(setting, tally, {"x/full.jsonl": tally})


def test_the_rule_prefers_a_plateau_to_a_peak() -> None:
    grid = {"min_other_share": [0.3, 0.4, 0.5, 0.6, 0.7]}
    recall = {0.3: 5, 0.4: 9, 0.5: 5, 0.6: 8, 0.7: 8}  # a peak at 0.4, a plateau at 0.6–0.7
    results = [result(s, recall[s["min_other_share"]]) for s in settings(grid)]
    assert flat_f1(results, grid)[1] == results[0].pooled.f1
    default = results[2].metrics()
    chosen = choose(results, grid, default, Bars())
    assert chosen is not None and chosen.setting == {"min_other_share": 0.7}


def test_the_rule_keeps_the_bars() -> None:
    grid = {"min_other_share": [0.4, 0.5]}
    results = [result({"min_other_share": 0.4}, 9, own_flagged=4), result({"min_other_share": 0.5}, 6)]
    chosen = choose(results, grid, results[1].metrics(), Bars())
    assert chosen is not None and chosen.setting == {"min_other_share": 0.5}  # 0.4 flags 0.4 % of own titles
    assert choose(results[:1], {"min_other_share": [0.4]}, results[1].metrics(), Bars()) is None


def test_the_command_writes_a_table(recorded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    grid = tmp_path / "grid.toml"
    grid.write_text("occupation-min-margin = [8.0, 1000.0]\n", encoding="utf-8")
    assert main(["grid", str(grid), str(recorded), "--table", str(tmp_path / "rows.tsv")]) == 0
    rows = (tmp_path / "rows.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("occupation_min_margin\tP\tR\tF1")
    assert [row.split("\t")[0] for row in rows[1:]] == ["8", "1000"]
    assert "по умолчанию" in capsys.readouterr().out


def test_a_recording_holds_only_our_classes(tmp_path: Path) -> None:
    path = tmp_path / "foreign.pkl"
    path.write_bytes(pickle.dumps(Path("x")))
    with pytest.raises(pickle.UnpicklingError, match="чужой класс"):
        load(path)
