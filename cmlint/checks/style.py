"""Style checks that are not phrase lists: SY005 shouting."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from cmlint.analysis import AnalyzedPosting
from cmlint.engine.registry import CheckContext, Options, check
from cmlint.models import Finding

_EXCLAMATIONS = re.compile(r"!(?:\s?!){2,}")
#: A run of exclamation marks alone in brackets is a remark on the words before it («на jQuery (!!!)»,
#: «от 3 (!!!) лет»), the way «(!)» is, not a raised voice.
_ASIDE = re.compile(r"[(\[]\s?!(?:\s?!)*\s?[)\]]")


def _shouted(text: str, minimum: int) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < minimum:
        return False
    return sum(map(str.isupper, letters)) / len(letters) > 0.8


def _exclamations(text: str) -> re.Match[str] | None:
    """The first run of exclamation marks that is not an aside in brackets."""
    asides = [aside.span() for aside in _ASIDE.finditer(text)]
    runs = (m for m in _EXCLAMATIONS.finditer(text) if not any(a <= m.start() and m.end() <= b for a, b in asides))
    return next(runs, None)


class ShoutingOptions(Options):
    min_letters: int = Field(default=8, ge=1, description="со скольких букв название заглавными считается криком")


@check("shouting", ShoutingOptions, fields={"what": str})
def shouting(posting: AnalyzedPosting, ctx: CheckContext[ShoutingOptions]) -> Iterable[Finding]:
    title = posting.title
    if title.text and _shouted(title.text, ctx.options.min_letters):
        yield ctx.finding(title.span(), what="название написано заглавными буквами")
    match = _exclamations(posting.text.content)
    if match:
        yield ctx.finding(posting.text.span(match.start(), match.end()), what="несколько восклицательных знаков подряд")
