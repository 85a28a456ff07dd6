"""Every rule's should-fire and must-not-fire examples, run by one parametrized test.

A should-fire example pins what the rule finds (``match``: the text of each
finding, ``""`` for a finding about the whole posting) and, for substitutions,
what it offers instead (``replacement``).
"""

from __future__ import annotations

import pytest

from cmlint import Linter
from cmlint.engine.ruleset import shipped_packs
from cmlint.engine.specs import Example

RULES = [spec for _, pack in shipped_packs() for spec in pack.rules]
CASES = [
    pytest.param(spec.code, example, expected, id=f"{spec.code}-{'fire' if expected else 'pass'}-{index}")
    for spec in RULES
    for expected, examples in ((True, spec.examples.fire), (False, spec.examples.quiet))
    for index, example in enumerate(examples)
]


@pytest.mark.parametrize(("code", "example", "expected"), CASES)
def test_rule_example(linter: Linter, code: str, example: Example, expected: bool) -> None:
    report = linter.lint(example.text, title=example.title, salary=example.salary)
    found = [f for f in report.findings if f.code == code]
    if not expected:
        assert not found, report.model_dump_json(indent=1)
        return
    assert [f.span.text if f.span else "" for f in found] == example.match, report.model_dump_json(indent=1)
    if example.replacement is not None:
        assert [f.suggestions[0].edits[0].replacement for f in found] == example.replacement


def test_every_rule_has_examples_both_ways_that_say_what_they_find() -> None:
    for spec in RULES:
        assert spec.examples.fire, f"{spec.code}: нет примеров, где правило срабатывает"
        assert spec.examples.quiet, f"{spec.code}: нет примеров, где правило молчит"
        assert spec.explanation is not None, f"{spec.code}: нет объяснения"
        for example in spec.examples.fire:
            assert example.match, f"{spec.code}: пример без match — что именно находит правило?"
            if spec.kind == "substitution":
                assert example.replacement, f"{spec.code}: пример замены без replacement"
