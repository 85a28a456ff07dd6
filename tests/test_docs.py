"""The README's rule table and docs/rules.md are generated from the packs and must be fresh."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_docs", ROOT / "tools" / "update_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["update_docs"] = module
    spec.loader.exec_module(module)
    return module


def test_docs_rules_md_is_fresh() -> None:
    from cmlint.docs import render_markdown

    expected = render_markdown(tool().shipped_specs())
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == expected, "run: python tools/update_docs.py"


def test_readme_rule_table_is_fresh() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert tool().readme_with_table(readme) == readme, "run: python tools/update_docs.py"


def test_every_rule_is_in_the_table_with_its_options() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for spec in tool().shipped_specs():
        assert f"## {spec.code} `{spec.name}`" in text
    assert "Настройки ([tool.cmlint.rules.CM002])" in text and "min-items" in text
