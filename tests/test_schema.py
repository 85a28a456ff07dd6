"""The committed JSON Schemas match the models, and ``cmlint schema`` prints them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cmlint import Linter
from cmlint.cli.app import app
from cmlint.schema import SCHEMAS, render

FOLDER = Path(__file__).resolve().parent.parent / "schema"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_matches_the_models(name: str) -> None:
    committed = (FOLDER / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == render(name), "run: python -m cmlint.schema"
    assert CliRunner().invoke(app, ["schema", name]).stdout == committed


def test_every_report_key_is_in_the_schema(linter: Linter) -> None:
    schema = json.loads((FOLDER / "report.schema.json").read_text(encoding="utf-8"))
    data = linter.lint("Обязанности:\n- холодные звонки\n- план продаж", title="Комьюнити-менеджер").model_dump(mode="json")
    assert set(data) == set(schema["properties"]) == set(schema["required"])
    finding = schema["$defs"]["Finding"]
    assert set(data["findings"][0]) == set(finding["properties"])


def test_unknown_schema_is_exit_2() -> None:
    result = CliRunner().invoke(app, ["schema", "nope"])
    assert result.exit_code == 2 and "nope" in result.output
