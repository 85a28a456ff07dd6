"""Output formats for batch results: text, json, jsonl, sarif, github, html.

Every formatter is a class with ``start``, ``write(result)`` and ``finish``;
streaming formats write as results arrive (so an interrupted batch keeps
every finished record), whole-document formats buffer.
"""

from __future__ import annotations

from typing import TextIO
from collections.abc import Sequence

from cmlint.engine.specs import RuleSpec

from cmlint.formatters.base import Formatter
from cmlint.formatters.github import GithubFormatter
from cmlint.formatters.html import HtmlFormatter
from cmlint.formatters.json import JsonFormatter, JsonlFormatter
from cmlint.formatters.sarif import SarifFormatter
from cmlint.formatters.text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
    "jsonl": JsonlFormatter,
    "sarif": SarifFormatter,
    "github": GithubFormatter,
    "html": HtmlFormatter,
}


def make_formatter(name: str, stream: TextIO, color: bool = False, rules: Sequence[RuleSpec] = ()) -> Formatter:
    """The formatter called ``name`` writing to ``stream``."""
    return FORMATTERS[name](stream, color=color, rules=rules)


__all__ = ["FORMATTERS", "Formatter", "make_formatter"]
