"""The README's CONTRIBUTING examples work as written: a pattern rule and a Python rule."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import yaml

from cmlint import Config
from cmlint.checks import shipped_checks
from cmlint.engine.build import build_engine
from cmlint.engine.registry import Check, CheckContext
from cmlint.linter import Linter
from cmlint.models import Posting

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## Contributing"):README.index("## How it is built")]


def block(language: str, index: int = 0) -> str:
    return re.findall(rf"```{language}\n(.*?)\n```", SECTION, re.DOTALL)[index]


def test_the_pattern_rule_example_loads_and_finds_what_it_says(tmp_path: Path) -> None:
    pack = tmp_path / "unpaid.yaml"
    pack.write_text("rules:\n" + block("yaml"), encoding="utf-8")
    linter = Linter(Config(extend_rules=[str(pack)]))
    entry = yaml.safe_load(block("yaml"))[0]
    example = entry["examples"]["fire"][0]
    found = [f.span.text for f in linter.lint(example["text"]).findings if f.code == "SY006"]
    assert found == [example["match"]]
    assert "SY006" not in linter.lint(entry["examples"]["pass"][0]["text"]).codes()


def test_the_python_rule_example_is_a_working_check(tmp_path: Path) -> None:
    namespace: dict[str, Any] = {}
    exec(textwrap.dedent(block("python")), namespace)  # the README's module, as written
    declared = namespace["long_title"]
    assert isinstance(declared, Check) and declared.name == "long-title"
    pack = tmp_path / "titles.yaml"
    pack.write_text(
        "rules:\n  - {code: ACME010, name: long-title, severity: suggestion, kind: python, check: long-title,"
        " message: 'В названии {words:слово|слова|слов}'}\n",
        encoding="utf-8",
    )
    engine = build_engine(Config(extend_rules=[str(pack)]), {**shipped_checks(), "long-title": declared})
    rule = next(rule for rule in engine.rules if rule.spec.code == "ACME010")
    assert rule.options.model_dump() == {"max_words": 8}
    title = "Старший менеджер по продажам в отдел оптовых продаж строительных материалов"
    posting = engine.analyzer.analyze(Posting(text="Обязанности:\n- звонки", title=title))
    ctx = CheckContext(rule.spec, rule.spec.severity, Config(), engine.taxonomy, engine.morphology, rule.options, rule.fields)
    assert [f.message for f in rule.run(posting, ctx)] == ["В названии 10 слов"]
