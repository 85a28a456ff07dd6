"""Every rule's should-fire and must-not-fire examples, run by one parametrized test."""

from __future__ import annotations

import pytest

from cmlint import Linter
from cmlint.engine.ruleset import shipped_packs

CASES = [
    pytest.param(spec.code, example, expected, id=f"{spec.code}-{'fire' if expected else 'pass'}-{index}")
    for _, pack in shipped_packs()
    for spec in pack.rules
    for expected, examples in ((True, spec.examples.fire), (False, spec.examples.quiet))
    for index, example in enumerate(examples)
]


@pytest.mark.parametrize(("code", "example", "expected"), CASES)
def test_rule_example(linter: Linter, code: str, example, expected: bool) -> None:
    report = linter.lint(example.text, title=example.title)
    assert (code in report.codes()) is expected, report.model_dump_json(indent=1)


def test_every_rule_has_examples_both_ways() -> None:
    for _, pack in shipped_packs():
        for spec in pack.rules:
            assert spec.examples.fire, f"{spec.code}: нет примеров, где правило срабатывает"
            assert spec.examples.quiet, f"{spec.code}: нет примеров, где правило молчит"
            assert spec.explanation is not None, f"{spec.code}: нет объяснения"
