"""Title suggestions from the duty profile, and fixes that put them in place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from cmlint.models import Edit, Fix, Span, TitleSuggestion
from cmlint.nlp.inflect import fit_start, head_grammar, inflect_title
from cmlint.nlp.morphology import Morphology
from cmlint.roles.evidence import DutyProfile
from cmlint.roles.matching import TitleMention
from cmlint.roles.taxonomy import Taxonomy
from cmlint.scoring import SuggestionSettings

Field = Literal["text", "title"]


class Placer(Protocol):
    """Text and public spans of offsets in the body (``text``) or the given title (an analyzed posting)."""

    def field_text(self, field_name: Field, start: int, end: int) -> str: ...

    def span_of(self, field_name: Field, start: int, end: int) -> Span: ...

def suggest_titles(profile: DutyProfile, taxonomy: Taxonomy, settings: SuggestionSettings) -> list[TitleSuggestion]:
    """Ranked titles that describe the duties, best first."""
    ranked = [(role, share) for role, share in profile.ranked() if share >= settings.min_share and role in taxonomy.roles]
    if not ranked:
        return []
    certainty = min(1.0, profile.total / settings.full_confidence_mass)
    suggestions: list[TitleSuggestion] = []
    if len(ranked) >= 2:
        (first, a), (second, b) = ranked[0], ranked[1]
        if b >= settings.combined_min_share and b / a >= settings.combined_ratio:
            combined = taxonomy.roles[first].combined.get(second) or taxonomy.roles[second].combined.get(first)
            title = combined or f"{taxonomy.roles[first].titles[0]} / {_lower_first(taxonomy.roles[second].titles[0])}"
            suggestions.append(TitleSuggestion(title=title, role=first, confidence=round((a + b) * certainty, 2)))
    for role, share in ranked:
        suggestions.append(TitleSuggestion(title=taxonomy.roles[role].titles[0], role=role, confidence=round(share * certainty, 2)))
    return suggestions[:settings.max_suggestions]


def rename_fix(mentions: Sequence[TitleMention], place: Placer, suggestion: TitleSuggestion, morphology: Morphology) -> Fix:
    """Edits that put ``suggestion`` where the title's role is named (``mentions``), inflected to fit."""
    edits: list[Edit] = []
    for mention in merge_mentions(mentions, place):
        grammar = head_grammar(mention.text.split(), morphology)
        replacement = inflect_title(suggestion.title, grammar, morphology) if grammar else suggestion.title
        replacement = fit_start(replacement, mention.text)
        edits.append(Edit(span=place.span_of(mention.field, mention.start, mention.end), replacement=replacement))
    return Fix(message=f"Переименовать в «{suggestion.title}»", edits=edits)


def merge_mentions(mentions: Sequence[TitleMention], place: Placer) -> list[TitleMention]:
    """Join mentions that overlap or touch («SMM/комьюнити-менеджер» is one place)."""
    merged: list[TitleMention] = []
    for mention in sorted(mentions, key=lambda m: (m.field != "title", m.start, -m.end)):
        last = merged[-1] if merged else None
        if last is not None and last.field == mention.field and mention.start <= last.end + 3:
            gap = place.field_text(mention.field, last.end, mention.start) if mention.start > last.end else ""
            if not gap.strip(" /-&и+"):
                end = max(last.end, mention.end)
                text = place.field_text(mention.field, last.start, end)
                merged[-1] = TitleMention(last.role, last.field, last.start, end, text)
                continue
        merged.append(mention)
    return merged


def _lower_first(title: str) -> str:
    return fit_start(title, "x")
