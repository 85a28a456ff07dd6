"""cmlint.dask on a real local cluster: two worker processes, one engine build each, ids and Cyrillic kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402

from cmlint import dask as cmlint_dask  # noqa: E402

SALES = "Обязанности:\n- холодные звонки по базе\n- выполнение плана продаж\n- ведение сделок в CRM"
COMMUNITY = "Обязанности:\n- организовывать встречи участников\n- модерировать чат сообщества\n- знакомить новичков друг с другом"


def records() -> list[dict]:
    rows = []
    for number in range(40):
        sales = number % 2 == 0
        rows.append({"id": f"v-{number}", "title": "Комьюнити-менеджер", "text": SALES if sales else COMMUNITY})
    rows.insert(7, {"id": "broken", "name": "без текста"})
    return rows


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40)
    with distributed.Client(cluster) as connection:
        yield connection
    cluster.close()


def test_lint_bag_on_two_worker_processes(client, tmp_path: Path) -> None:
    rows = records()
    bag = db.from_sequence(rows, npartitions=8)
    cmlint_dask.to_jsonl(cmlint_dask.lint_bag(bag), str(tmp_path / "out-*.jsonl"))
    lines = [line for path in sorted(tmp_path.glob("out-*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]
    reports = [json.loads(line) for line in lines]
    assert [r["id"] for r in reports] == [r.get("id") for r in rows]
    assert "Комьюнити-менеджер" in lines[0] and "\\u04" not in "".join(lines)
    by_id = {r["id"]: r for r in reports}
    assert "CM001" in [f["code"] for f in by_id["v-0"]["findings"]]
    assert "CM001" not in [f["code"] for f in by_id["v-1"]["findings"]]
    assert [f["code"] for f in by_id["broken"]["findings"]] == ["CM000"]
    builds = client.run(cmlint_dask.builds)
    per_worker = [count for counts in builds.values() for count in counts.values()]
    assert len(builds) == 2 and all(count == 1 for count in per_worker) and len(per_worker) >= 1, builds
