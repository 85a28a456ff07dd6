"""The analyzed posting: one pass of normalize → segment → spaCy → matches → roles.

Checks read an :class:`AnalyzedPosting` (immutable); none of them parses
text again.  Reports copy what they need into plain models and never keep
the ``Doc``.
"""

from cmlint.analysis.analyzer import AnalyzedPosting, Analyzer, Matches
from cmlint.analysis.roles import RoleAnalysis
from cmlint.analysis.text import Field, SpanFactory, TextAnalysis
from cmlint.analysis.title import Title, TitleWord

__all__ = [
    "AnalyzedPosting", "Analyzer", "Field", "Matches", "RoleAnalysis",
    "SpanFactory", "TextAnalysis", "Title", "TitleWord",
]
