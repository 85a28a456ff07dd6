"""The quality score (0–100) and the verdict of a posting.

Every finding costs points by its group and its severity:

==========================  ======  ==============  =======
group (code prefix)         error   warning         suggestion
==========================  ======  ==============  =======
legal (``LG``)              40      15              3
role and community (``CM``) 40      25              3
anything else (``ST``,      40      10              3
``SY``, user packs)
==========================  ======  ==============  =======

``score = 100 − min(100, errors and warnings) − min(15, suggestions)``,
never below 0.  The verdict is «можно публиковать» when the score is at
least 80, otherwise «нужно исправить».  So one legal error (≤ 60) always
needs fixing, one role confusion (75) does too, style advice alone never
does (≥ 85), and structure warnings need fixing from the third one on.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from cmlint.models import Finding, Severity, Verdict


class Weights(BaseModel):
    """The points each finding costs; see the module docstring for the formula."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    error: int = 40
    legal_warning: int = 15
    role_warning: int = 25
    other_warning: int = 10
    suggestion: int = 3
    max_suggestions: int = 15
    ready_from: int = 80


WEIGHTS = Weights()


class Quality(BaseModel):
    """A posting's score and verdict."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    score: int
    verdict: Verdict


def penalty(finding: Finding, weights: Weights = WEIGHTS) -> int:
    """What one finding costs."""
    if finding.severity is Severity.ERROR:
        return weights.error
    if finding.severity is Severity.SUGGESTION:
        return weights.suggestion
    if finding.code.startswith("LG"):
        return weights.legal_warning
    if finding.code.startswith("CM"):
        return weights.role_warning
    return weights.other_warning


def assess(findings: Sequence[Finding], weights: Weights = WEIGHTS) -> Quality:
    """The score and verdict for a posting with these findings."""
    serious = sum(penalty(f, weights) for f in findings if f.severity is not Severity.SUGGESTION)
    advice = sum(penalty(f, weights) for f in findings if f.severity is Severity.SUGGESTION)
    score = max(0, 100 - min(100, serious) - min(weights.max_suggestions, advice))
    return Quality(score=score, verdict=Verdict.READY if score >= weights.ready_from else Verdict.NEEDS_FIXES)
