"""The review of suppression directives, like ruff's ``RUF100``.

RL001 invalid-suppression — a directive that does not work: an unknown
command (``disable-line``), a code no rule has (``SY0001``), no colon, not
closed.  RL002 unused-suppression — a directive, or a code in it, that
switched nothing off.  Both read the review that suppression leaves on the
posting (:func:`cmlint.engine.suppression.review_of`), so the linter runs
them after every other rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from cmlint.analysis import AnalyzedPosting
from cmlint.engine.registry import CheckContext, NoOptions, Options, check
from cmlint.engine.suppression import review_of
from cmlint.models import Finding


@check("invalid-suppression", NoOptions, fields={"problem": str})
def invalid_suppression(posting: AnalyzedPosting, ctx: CheckContext[NoOptions]) -> Iterable[Finding]:
    review = review_of(posting)
    for problem in review.problems:
        yield ctx.finding(review.span(problem.start, problem.end), problem=problem.message)


class UnusedOptions(Options):
    configured_off: bool = Field(
        default=False,
        description=(
            "сообщать и о кодах правил, которые настройки здесь не запускают "
            "(выключать нечего, но с другими настройками директива может работать)"
        ),
    )


@check("unused-suppression", UnusedOptions, fields={"reason": str})
def unused_suppression(posting: AnalyzedPosting, ctx: CheckContext[UnusedOptions]) -> Iterable[Finding]:
    review = review_of(posting)
    for unused in review.unused:
        if unused.configured_off and not ctx.options.configured_off:
            continue
        places = [(word.start, word.end) for word in unused.codes] or [(unused.directive.start, unused.directive.end)]
        fix = review.removal(unused)
        for start, end in places:
            yield ctx.finding(review.span(start, end), suggestions=[fix], reason=unused.reason)


#: The checks that read the review: the linter runs them after suppression.
REVIEW_CHECKS = frozenset({"invalid-suppression", "unused-suppression"})
