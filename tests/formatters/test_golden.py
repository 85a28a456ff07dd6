"""What people read, pinned: the text output of every rule's should-fire examples.

One golden file per rule (``tests/golden/text/CODE.txt``): the rule's
findings on its own examples, as ``cmlint check`` prints them.  After an
intended change of wording or layout, regenerate and read the diff:
``CMLINT_UPDATE_GOLDEN=1 pytest tests/formatters/test_golden.py``.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from cmlint import Linter
from cmlint.engine.ruleset import shipped_packs
from cmlint.engine.specs import RuleSpec
from cmlint.formatters import make_formatter
from cmlint.models import LintResult, Posting
from cmlint.quality import assess

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "text"
RULES = [spec for _, pack in shipped_packs() for spec in pack.rules]


def render(linter: Linter, spec: RuleSpec) -> str:
    """The text output for the rule's should-fire examples, with only this rule's findings."""
    stream = io.StringIO()
    formatter = make_formatter("text", stream, rules=RULES)
    formatter.start()
    for index, example in enumerate(spec.examples.fire, start=1):
        posting = Posting(text=example.text, title=example.title, salary=example.salary)
        report = linter.lint_posting(posting)
        own = [f for f in report.findings if f.code == spec.code]
        report = report.model_copy(update={"findings": own, **assess(own).model_dump()})
        formatter.write(LintResult(source=f"пример-{index}.txt", report=report), posting)
    formatter.finish()
    return stream.getvalue()


@pytest.mark.parametrize("spec", RULES, ids=[spec.code for spec in RULES])
def test_text_output_of_the_rule_examples(linter: Linter, spec: RuleSpec) -> None:
    path = GOLDEN / f"{spec.code}.txt"
    output = render(linter, spec)
    if os.environ.get("CMLINT_UPDATE_GOLDEN"):
        path.write_text(output, encoding="utf-8")
    assert path.is_file(), f"нет {path}: CMLINT_UPDATE_GOLDEN=1 pytest {Path(__file__).name}"
    assert output == path.read_text(encoding="utf-8")


def test_no_golden_file_without_a_rule() -> None:
    assert {path.stem for path in GOLDEN.glob("*.txt")} == {spec.code for spec in RULES}
