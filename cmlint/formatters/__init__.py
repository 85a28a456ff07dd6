"""Output formats for batch results: text, json, jsonl, sarif, github, html.

Every formatter is a class with ``start``, ``write(result)`` and ``finish``;
streaming formats write as results arrive (so an interrupted batch keeps
every finished record), whole-document formats buffer.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import TextIO

from cmlint.engine.specs import RuleSpec
from cmlint.formatters.base import Formatter

#: Format name → (module, class); a formatter's module is imported only when it is asked for.
FORMATTERS: dict[str, tuple[str, str]] = {
    "text": ("cmlint.formatters.text", "TextFormatter"),
    "json": ("cmlint.formatters.json", "JsonFormatter"),
    "jsonl": ("cmlint.formatters.json", "JsonlFormatter"),
    "sarif": ("cmlint.formatters.sarif", "SarifFormatter"),
    "github": ("cmlint.formatters.github", "GithubFormatter"),
    "html": ("cmlint.formatters.html", "HtmlFormatter"),
}


def make_formatter(name: str, stream: TextIO, color: bool = False, rules: Sequence[RuleSpec] = ()) -> Formatter:
    """The formatter called ``name`` writing to ``stream``."""
    module, cls = FORMATTERS[name]
    formatter: type[Formatter] = getattr(import_module(module), cls)
    return formatter(stream, color=color, rules=rules)


__all__ = ["FORMATTERS", "Formatter", "make_formatter"]
