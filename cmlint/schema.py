"""JSON Schemas of cmlint's output, generated from the pydantic models.

``schema/report.schema.json`` (one :class:`~cmlint.models.Report`, what the
library, ``--format json`` records and the HTTP API return) and
``schema/result.schema.json`` (one line of ``--format jsonl``) are committed
copies; a test fails when they drift from the models.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from cmlint.models import LintResult, Report

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS: dict[str, type[BaseModel]] = {"report": Report, "result": LintResult}


def schema(name: str) -> dict[str, object]:
    """The JSON Schema of the output model called ``name`` (``report`` or ``result``)."""
    return {"$schema": DIALECT, **SCHEMAS[name].model_json_schema(mode="serialization")}


def render(name: str) -> str:
    """The schema as the committed file holds it: indented, Cyrillic kept, a final newline."""
    return json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # python -m cmlint.schema: rewrite the committed files
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "schema"
    folder.mkdir(exist_ok=True)
    for schema_name in SCHEMAS:
        (folder / f"{schema_name}.schema.json").write_text(render(schema_name), encoding="utf-8")
