"""Style checks that are not phrase lists: SY005 shouting."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from cmlint.analysis import AnalyzedPosting
from cmlint.engine.registry import CheckContext, Options, check
from cmlint.models import Finding

_EXCLAMATIONS = re.compile(r"!(?:\s?!){2,}")


def _shouted(text: str, minimum: int) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < minimum:
        return False
    return sum(map(str.isupper, letters)) / len(letters) > 0.8


class ShoutingOptions(Options):
    min_letters: int = Field(default=8, ge=1, description="со скольких букв название заглавными считается криком")


@check("shouting", ShoutingOptions, fields={"what": str})
def shouting(posting: AnalyzedPosting, ctx: CheckContext[ShoutingOptions]) -> Iterable[Finding]:
    title = posting.title
    if title.text and _shouted(title.text, ctx.options.min_letters):
        yield ctx.finding(title.span(), what="название написано заглавными буквами")
    match = _EXCLAMATIONS.search(posting.text.content)
    if match:
        yield ctx.finding(posting.text.span(match.start(), match.end()), what="несколько восклицательных знаков подряд")
