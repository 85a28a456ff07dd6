"""Regenerate docs/rules.md and the README's rule table from the shipped packs.

Run after changing a rule: ``python tools/update_docs.py``; ``tests/test_docs.py``
fails while either is stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from cmlint.docs import render_markdown, rule_table
from cmlint.engine.ruleset import shipped_packs
from cmlint.engine.specs import RuleSpec

ROOT = Path(__file__).resolve().parent.parent
README_TABLE = re.compile(r"(<!-- rules-table:start -->\n).*?(<!-- rules-table:end -->)", re.DOTALL)


def shipped_specs() -> list[RuleSpec]:
    return sorted((spec for _, pack in shipped_packs() for spec in pack.rules), key=lambda spec: spec.code)


def readme_with_table(readme: str) -> str:
    if not README_TABLE.search(readme):
        raise SystemExit("README.md: нет меток <!-- rules-table:start --> … <!-- rules-table:end -->")
    return README_TABLE.sub(lambda m: m.group(1) + rule_table(shipped_specs()) + m.group(2), readme)


def main() -> int:
    (ROOT / "docs" / "rules.md").write_text(render_markdown(shipped_specs()), encoding="utf-8")
    readme = ROOT / "README.md"
    readme.write_text(readme_with_table(readme.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
