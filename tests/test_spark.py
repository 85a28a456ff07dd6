"""cmlint.dask.lint_records under Spark's mapPartitions, when PySpark and Java are installed (not in CI: 400 MB)."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

pyspark = pytest.importorskip("pyspark")
pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java")

from cmlint import Config  # noqa: E402
from cmlint.dask import lint_records  # noqa: E402

SALES = "Обязанности:\n- холодные звонки по базе\n- выполнение плана продаж"


def test_map_partitions_on_local_spark(monkeypatch) -> None:
    from pyspark.sql import SparkSession

    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master("local[2]").appName("cmlint-test").getOrCreate()
    try:
        rows = [{"id": f"v-{n}", "title": "Комьюнити-менеджер", "text": SALES} for n in range(12)]
        config = Config()
        reports = spark.sparkContext.parallelize(rows, 3).mapPartitions(lambda part: lint_records(list(part), config)).collect()
    finally:
        spark.stop()
    assert [r["id"] for r in reports] == [r["id"] for r in rows]
    assert all("CM001" in [f["code"] for f in r["findings"]] for r in reports)
    assert os.environ.get("PYSPARK_PYTHON") == sys.executable
