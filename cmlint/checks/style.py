"""Style checks that are not phrase lists: SY005 shouting."""

from __future__ import annotations

import re
from typing import Iterable

from cmlint.analysis import AnalyzedPosting
from cmlint.engine.registry import CheckContext, register
from cmlint.models import Finding

_LETTERS = re.compile(r"[A-Za-zА-Яа-яЁё]")
_EXCLAMATIONS = re.compile(r"!{3,}|(?:!\s*){3,}")


def _shouted(text: str, minimum: int) -> bool:
    letters = _LETTERS.findall(text)
    if len(letters) < minimum:
        return False
    upper = sum(1 for ch in letters if ch.isupper())
    return upper / len(letters) > 0.8


@register("shouting")
def shouting(posting: AnalyzedPosting, ctx: CheckContext) -> Iterable[Finding]:
    if posting.title and _shouted(posting.title, ctx.option("min_letters", 8)):
        yield ctx.finding(posting.title_span(), what="название написано заглавными буквами")
    match = _EXCLAMATIONS.search(posting.text)
    if match:
        yield ctx.finding(posting.spans.text(match.start(), match.end()), what="несколько восклицательных знаков подряд")
