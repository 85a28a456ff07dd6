"""Reading a title: which roles and occupations it names, and what is only a qualifier.

«Старший бухгалтер / кассир (удалённо)» names two occupations in two parts;
«Старший» is seniority and «(удалённо)» a qualifier.  «Комьюнити-менеджер в
отдел продаж» names one role: what follows «в», «для», «на» or an opening
bracket is context, read only when the part names nothing before it.  A broad
name («Руководитель направления») gives way to a specific one in the same
title.  Misspelt words («Комъюнити», «Comunity») are read as the nearest
word the taxonomy knows.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from cmlint.matching.lemma_matcher import Match, TokenView
from cmlint.nlp.morphology import Morphology

#: Tokens that separate the parts of a combined title.
PART_SEPARATORS = frozenset({"/", "\\", "|", ";", ",", "или", "or", "+", "&"})
#: Tokens after which the rest of a part is context (where, for whom), not the position.
CONTEXT_OPENERS = frozenset(
    {"в", "во", "для", "на", "при", "к", "из", "in", "for", "at", "to", "(", "[", "«", '"', "—", "–"}
)
#: Words that say how senior the position is (lemmas or lower-cased forms).
SENIORITY = frozenset(
    {
        "стажер",
        "стажёр",
        "intern",
        "trainee",
        "младший",
        "junior",
        "джуниор",
        "middle",
        "мидл",
        "старший",
        "senior",
        "сеньор",
        "сениор",
        "ведущий",
        "lead",
        "лид",
        "главный",
        "chief",
        "principal",
        "head",
        "руководитель",
        "начальник",
        "заведующий",
        "помощник",
        "ассистент",
        "assistant",
        "заместитель",
    }
)
#: Generic position nouns that complete a role's name: «SMM» + «-менеджер», «Community» + «Manager».
POSITION_HEADS = frozenset(
    {
        "менеджер", "специалист", "маркетолог", "координатор", "руководитель", "директор", "ассистент", "помощник",
        "лид", "стратег", "евангелист", "manager", "lead", "specialist", "head", "director", "coordinator",
        "assistant", "officer", "executive", "editor", "writer", "designer", "creator", "builder", "strategist",
    }
)
HYPHENS = frozenset({"-", "‑", "–"})
#: Shortest word that is corrected when misspelt; longer words allow two edits, but a typo
#: changes a word's length by one letter at most («Comunity»), never two («директолог» is not «диетолог»).
MIN_FUZZY_LENGTH = 5
TWO_EDITS_LENGTH = 9


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A name of a role found in a title or in the body (token offsets)."""

    role: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TitleReading:
    """What a title names: its roles (in order), the matches that name them, its seniority words."""

    roles: tuple[str, ...]
    matches: tuple[TitleMatch, ...]
    seniority: tuple[str, ...]


def read_title(
    raw: Iterable[Match[str]], view: TokenView, start: int, end: int, generic: Collection[str]
) -> TitleReading:
    """Resolve the raw title matches in tokens ``start:end`` into a reading."""
    parts, context = _layout(view, start, end)
    raw = list(raw)
    # «Комьюнити-менеджер в отдел продаж»: a name may not run on into the context after «в».
    inside = [m for m in raw if not any(view.lower[i] in CONTEXT_OPENERS for i in range(m[1] + 1, m[2]))]
    kept: list[TitleMatch] = []
    for role, m_start, m_end in sorted(inside or raw, key=lambda m: (-(m[2] - m[1]), m[1], m[0])):
        if any(k.start < m_end and m_start < k.end for k in kept):
            continue
        kept.append(TitleMatch(role, m_start, m_end))
    by_part: dict[int, list[TitleMatch]] = {}
    for match in sorted(kept, key=lambda m: m.start):
        by_part.setdefault(parts[match.start - start], []).append(match)
    chosen: list[TitleMatch] = []
    for matches in by_part.values():
        heads = [m for m in matches if not context[m.start - start]]
        chosen.extend(heads or matches[:1])
    specific = [m for m in chosen if m.role not in generic]
    chosen = [with_position(m, view, end) for m in (specific or chosen)]
    seniority = tuple(dict.fromkeys(w for w in view.lemma[start:end] if w.lower() in SENIORITY))
    return TitleReading(tuple(dict.fromkeys(m.role for m in chosen)), tuple(chosen), seniority)


def with_position(match: TitleMatch, view: TokenView, stop: int) -> TitleMatch:
    """The match with the position noun that completes it («SMM» in «SMM-менеджер» becomes the whole word)."""
    after = match.end
    if after < stop and view.text[after] in HYPHENS:
        after += 1
    if after < stop and view.lemma[after].lower() in POSITION_HEADS:
        return TitleMatch(match.role, match.start, after + 1)
    return match


def _layout(view: TokenView, start: int, end: int) -> tuple[list[int], list[bool]]:
    """Per token of the title: the index of its part, and whether it is context."""
    parts: list[int] = []
    context: list[bool] = []
    part, depth, opened = 0, 0, False
    for index in range(start, end):
        token = view.lower[index]
        if token in ("(", "["):
            depth += 1
        elif token in (")", "]"):
            depth = max(0, depth - 1)
        elif token in PART_SEPARATORS and depth == 0:
            part, opened = part + 1, False
        if token in CONTEXT_OPENERS and index > start:
            opened = True
        parts.append(part)
        context.append(opened or depth > 0)
    return parts, context


class TitleSpeller:
    """Corrects misspelt title words to the nearest word the title patterns use.

    ``words`` are the lemmas and forms the patterns test; the domain
    lexicon's spellings («community» for «комьюнити») count as known too and
    are read as their lemma.
    """

    def __init__(self, words: Iterable[str], morphology: Morphology) -> None:
        self._morphology = morphology
        lemmas = {w: w for w in words if len(w) >= MIN_FUZZY_LENGTH and w.isalpha()}
        forms = {
            form: readings[0].lemma for form, readings in morphology.overrides.items() if readings[0].lemma in lemmas
        }
        self._lemma_of = {**forms, **lemmas}
        self._known = frozenset(self._lemma_of)
        self._by_start: dict[str, list[str]] = {}
        for word in sorted(self._known):
            self._by_start.setdefault(word[0], []).append(word)

    def correct(self, view: TokenView) -> TokenView:
        """The view with misspelt words read as their nearest known word (the same view when none is)."""
        lemma, lower = list(view.lemma), list(view.lower)
        changed = False
        for index, word in enumerate(view.lower):
            fixed = self._nearest(word, view.lemma[index])
            if fixed is not None:
                lower[index] = fixed
                lemma[index] = self._lemma_of[fixed]
                changed = True
        return replace(view, lemma=lemma, lower=lower) if changed else view

    def _nearest(self, word: str, lemma: str) -> str | None:
        if len(word) < MIN_FUZZY_LENGTH or not word.isalpha() or word in self._known or lemma in self._known:
            return None
        if not word.isascii() and self._morphology.analyzer.word_is_known(word):
            return None
        limit = 2 if len(word) >= TWO_EDITS_LENGTH else 1
        best: tuple[int, str] | None = None
        for candidate in self._by_start.get(word[0], ()):
            if abs(len(candidate) - len(word)) > 1:
                continue
            distance = edit_distance(word, candidate, limit)
            if distance <= limit and (best is None or distance < best[0]):
                best = (distance, candidate)
        return best[1] if best else None


@lru_cache(maxsize=4096)
def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance (adjacent swaps count one), or ``limit + 1`` once it exceeds ``limit``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
