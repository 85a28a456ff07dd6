"""What a posting says about roles: the title's roles and mentions, duty evidence, profile, decision, suggestions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cmlint.models import TitleSuggestion
from cmlint.roles.decision import RoleDecision, TitleClaim
from cmlint.roles.evidence import Evidence
from cmlint.roles.lines import LineReading
from cmlint.roles.matching import TitleMention
from cmlint.roles.profile import DutyProfile, OccupationScores
from cmlint.roles.suggest import Candidate, Spot


@dataclass(frozen=True, slots=True)
class RoleAnalysis:
    """The role evidence of one posting.

    - ``title_roles``: roles the title names, in title order;
    - ``mentions``: where the body names those roles, for renames;
    - ``evidence``: counted duty matches (role, weight, tokens, item);
    - ``lines``: the occupation model's reading of every duty line;
    - ``profile``: the phrase evidence's duty profile (fine roles, mass and shares);
    - ``occupations``: what the lines say about the posting's occupation (the model);
    - ``duties``: every duty line spread over roles and occupations (phrases and model together);
    - ``line_masses``: the same per duty line (item → role → mass), for counting jobs;
    - ``decision``: whether the duties support the title (CM001), made once;
    - ``claim``: what the title claims, as the decision read it (``tools/decision_grid.py`` decides again from
      it, ``profile``, ``occupations`` and ``duties`` under other thresholds);
    - ``candidates``: roles that fit the duties, best first, with their market titles;
    - ``suggestions``: the same as titles (the original title with its role words replaced);
    - ``title_spots``: where the title names its roles, the places a new title goes (offsets in the title);
    - ``title_names``: for each candidate, what takes each of those places (CM001's fixes put them there);
    - ``learned``: the fine-role head's evidence for duty lines no phrase covers (:mod:`cmlint.roles.learned`):
      in ``profile`` and the decision, not in ``evidence``, which holds the phrases only.
    """

    title_roles: tuple[str, ...]
    mentions: tuple[TitleMention, ...]
    evidence: tuple[Evidence, ...]
    lines: tuple[LineReading, ...]
    profile: DutyProfile
    occupations: OccupationScores
    duties: DutyProfile
    line_masses: Mapping[int, Mapping[str, float]]
    decision: RoleDecision
    claim: TitleClaim
    candidates: tuple[Candidate, ...]
    suggestions: tuple[TitleSuggestion, ...]
    title_spots: tuple[Spot, ...]
    title_names: tuple[tuple[str, ...], ...]
    learned: tuple[Evidence, ...] = ()
