"""User regular expressions checked when a pack loads: they compile and cannot backtrack without end.

A variable repeat or an alternation inside an unbounded repeat (``(a+)+``,
``(\\w+\\s?)*``, ``(a|aa)+$``) can take exponential time on one short token,
so a ``REGEX`` with one is refused, naming the construct; possessive repeats
(``a++``) and atomic groups (``(?>…)``) are the safe ways to write them.
One-character alternatives (``(а|б)+``) are a character class to ``re`` and
pass.  The check reads the tree ``re`` itself parses (``re._parser``).
"""

from __future__ import annotations

import re
from re import _constants as sre, _parser  # type: ignore[attr-defined]
from typing import Any

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)


def regex_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be a user's regular expression (in Russian), or None when it can."""
    try:
        re.compile(pattern)
    except re.error as error:
        return f"неверное регулярное выражение «{pattern}»: {error}"
    if _nested(_parser.parse(pattern), inside=False):
        return (
            f"регулярное выражение {pattern!r} может выполняться экспоненциально долго: повтор или «|» внутри "
            "неограниченного повтора; используйте класс символов, притяжательный повтор (a++) или (?>…)"
        )
    return None


def _nested(items: Any, inside: bool) -> bool:
    """Whether a variable repeat or a branch stands inside an unbounded repeat (``inside``: we are in one)."""
    for op, value in items:
        if op in _REPEATS:
            low, high, body = value
            if inside and high != low:
                return True
            if _nested(body, inside or high == sre.MAXREPEAT):
                return True
        elif op is sre.BRANCH:
            if inside or any(_nested(branch, inside) for branch in value[1]):
                return True
        elif op is sre.SUBPATTERN:
            if _nested(value[-1], inside):
                return True
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if _nested(value[1], inside):
                return True
        elif op is sre.POSSESSIVE_REPEAT:
            if _nested(value[2], False):
                return True
        elif op is sre.ATOMIC_GROUP:
            if _nested(value, False):
                return True
        elif op is sre.GROUPREF_EXISTS:
            if any(branch is not None and _nested(branch, inside) for branch in value[1:]):
                return True
    return False
