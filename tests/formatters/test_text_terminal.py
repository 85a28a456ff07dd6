"""The text output never sends a posting's or a path's control characters to the terminal raw."""

from __future__ import annotations

import io

from cmlint import Linter
from cmlint.engine.ruleset import shipped_packs
from cmlint.formatters import make_formatter
from cmlint.models import LintResult, Posting

RULES = [spec for _, pack in shipped_packs() for spec in pack.rules]
RAW = ("\x1b", "\x9b", "\x07", "\r", "\u202e", "\u2066")


def test_controls_and_bidi_overrides_are_shown_escaped(linter: Linter) -> None:
    posting = Posting(
        title="Комьюнити-менеджер\x1b[2J\u202e",
        text="Обязанности:\n- холодные звонки\x9b31m по базе клиентов\r\n- выполнение плана продаж\u2066\x07\n",
    )
    report = linter.lint_posting(posting)
    assert report.findings
    stream = io.StringIO()
    formatter = make_formatter("text", stream, rules=RULES)
    formatter.start()
    formatter.write(LintResult(source="папка/\x1b]0;чужой заголовок\x07cm.txt", report=report), posting)
    formatter.finish()
    output = stream.getvalue()
    assert not [char for char in RAW if char in output], output
    assert "папка/\\x1b]0;чужой заголовок\\x07cm.txt" in output
