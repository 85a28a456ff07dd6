"""tools/legal_eval.py counts (item, code) pairs against the labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cmlint.linter import Linter
from tools.legal_eval import main, outcomes, read_items, render

ITEMS = [
    {"id": "v1", "text": "Требования: девушка до 30 лет, опыт продаж от года.", "expected": ["LG001", "LG002"]},
    {"id": "v2", "text": "Требования: опыт работы с кассой.", "expected": ["LG008"], "kind": "violation"},
    {"id": "c1", "text": "Ведём занятия для детей от 5 до 12 лет. Опыт работы с детьми.", "expected": []},
]


def write(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8")
    return path


def test_pairs_are_counted_per_code(tmp_path: Path, linter: Linter) -> None:
    found = {o.item.id: o for o in outcomes(read_items(write(tmp_path, ITEMS)), linter)}
    assert found["v1"].reported == ["LG001", "LG002"]
    assert found["v2"].misses == {"LG008"}
    assert found["c1"].false_alarms == set()
    table = render(found.values(), verbose=True)
    assert "всего       2     0       1  1.000  0.667" in table
    assert "пропуск v2 LG008: Требования: опыт работы с кассой." in table


def test_a_bad_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, [ITEMS[0], {"id": "x", "text": "без разметки"}])
    with pytest.raises(SystemExit, match=r"items\.jsonl:2: "):
        main([str(path)])
