"""Learned role evidence: the fine-role head reads duty lines no phrase covers, never negated or handed-off ones."""

from __future__ import annotations

from functools import cache

import pytest

from cmlint import Linter
from cmlint.config import Config
from cmlint.models import Posting
from cmlint.roles.evidence import Collected, Evidence
from cmlint.roles.learned import LEARNED, OTHER, guarded_items, learned_evidence, shipped_head, sure_evidence
from cmlint.roles.lines import LineReading
from cmlint.roles.taxonomy import load_taxonomy
from cmlint.scoring import OccupationWeights, Scoring
from tools.train_roles import code_fingerprint, own_files, real_files, role_titles
from tools.training_reader import PostingReader, data_fingerprint, label_fingerprint, read_labels, reading_fingerprint

WEIGHTS = OccupationWeights()
#: A community manager's title over short-video and social-page duties, worded so that the phrases alone
#: find too little to decide (invented wording).
VIDEO_DUTIES = (
    "Обязанности:\n"
    "- снимать и монтировать короткие ролики для ленты\n"
    "- монтировать вертикальные видео под тренды\n"
    "- следить за трендами и адаптировать их под бренд\n"
    "- вести аккаунт компании во всех соцсетях\n"
)


@cache
def reading(item: int, role: tuple[str, float] | None, duty: bool = True) -> LineReading:
    return LineReading(item, 1.0, (("marketing_pr", 0.9),), duty, role)


def test_only_lines_no_phrase_covers_become_evidence() -> None:
    phrase = Evidence("smm", 2.0, 0, 2, 0)
    collected = Collected((phrase,), frozenset({(1, "sales")}))
    lines = [
        reading(0, ("sales", 0.9)),  # a phrase already speaks for this line
        reading(1, ("sales", 0.9)),  # its phrase was negated or handed off: the head does not see that
        reading(2, ("smm", 0.8)),
        reading(3, (OTHER, 0.9)),  # another occupation's line
        reading(4, ("smm", 0.3)),  # not sure enough
        reading(5, ("smm", 0.9), duty=False),  # a requirement
    ]
    bounds = {item: (10 * item, 10 * item + 5) for item in range(6)}
    found = learned_evidence(lines, collected, bounds, WEIGHTS)
    assert found == (Evidence("smm", WEIGHTS.learned_weight * 0.8, 20, 25, 2, (LEARNED,)),)
    assert learned_evidence(lines, collected, bounds, WEIGHTS, guarded=frozenset({2})) == ()


def test_a_sure_reading_tops_up_a_phrase_that_only_hints_at_its_role() -> None:
    """A sentence whose phrases only hint at the role («участники» alone) counts as much as the head's sure
    reading of the same role; a reading of another role or a less sure one adds nothing to a phrased line."""
    hints = (Evidence("community", 0.5, 0, 2, 0), Evidence("community", 2.0, 10, 12, 1), Evidence("event", 0.5, 20, 22, 2))
    lines = [reading(0, ("community", 0.9)), reading(1, ("community", 0.9)), reading(2, ("community", 0.9))]
    lines.append(reading(3, ("community", 0.6)))
    bounds = {item: (10 * item, 10 * item + 5) for item in range(4)}
    found = learned_evidence(lines, Collected((*hints, Evidence("community", 0.5, 30, 32, 3)), frozenset()), bounds, WEIGHTS)
    assert [(ev.item, round(ev.weight, 3)) for ev in found] == [(0, round(WEIGHTS.learned_weight * 0.9 - 0.5, 3))]


def test_head_decides_where_phrases_say_too_little() -> None:
    """The phrases of these lines weigh 2.5, under a ``min_evidence`` of 3: alone they decide nothing."""
    report = Linter(Config(roles=Scoring(min_evidence=3.0))).lint(VIDEO_DUTIES, title="Комьюнити-менеджер")
    # A head that never reads a line surely enough: only the phrases speak for the fine roles.
    phrases_only = Scoring(min_evidence=3.0, occupations=OccupationWeights(learned_min_probability=1.0))
    assert "CM001" not in Linter(Config(roles=phrases_only)).lint(VIDEO_DUTIES, title="Комьюнити-менеджер").codes()
    finding = next(f for f in report.findings if f.code == "CM001")
    assert "SMM" in finding.message
    # The learned evidence points at whole lines.
    assert "монтировать вертикальные видео под тренды" in {item.phrase for item in finding.evidence}


@pytest.mark.parametrize(
    ("line", "guarded"),
    [
        ("- абонементы клиентам вы не оформляете", True),
        ("- жалобы на оплату передавать в поддержку", True),
        ("- вместе с коллегами готовить коммерческие предложения", True),
        ("- публиковать не реже трёх роликов в неделю", False),  # «не реже» denies nothing
        ("- монтировать вертикальные видео под тренды", False),
    ],
)
def test_lines_that_deny_or_hand_over_work_are_left_to_the_phrases(line: str, guarded: bool) -> None:
    analyzer = Linter().engine.analyzer
    analysis = analyzer.analyze(Posting(text="Обязанности:\n" + line + "\n", title="Комьюнити-менеджер"))
    text = analysis.text
    items = guarded_items(text.view, text.token_items, analyzer.markers)
    assert bool(items) is guarded


def test_shipped_head_knows_the_fine_roles() -> None:
    head = shipped_head()
    assert head is not None
    taxonomy = load_taxonomy()
    fine = {role for role, spec in taxonomy.roles.items() if spec.kind == "role"}
    assert OTHER in head.labels and set(head.labels) - {OTHER} <= fine
    assert {"community", "smm", "sales", "support", "account", "content"} <= set(head.labels)


def test_shipped_head_was_trained_by_the_current_code() -> None:
    """Retrain after changing the features, the model code, either trainer or title patterns:
    python -m tools.train_roles"""
    head = shipped_head()
    assert head is not None and head.card.code_fingerprint == code_fingerprint(load_taxonomy())


def test_shipped_head_reads_text_as_it_was_trained() -> None:
    """Retrain when what the probe posting reads as changes (tokens, lemmas, lines): python -m tools.train_roles"""
    head = shipped_head()
    assert head is not None and head.card.reading_fingerprint == reading_fingerprint(PostingReader(Linter().engine.nlp))


@pytest.mark.skipif(
    not all(path.exists() for path in real_files()), reason="the training data is not on this machine"
)
def test_shipped_head_was_trained_on_the_current_data_and_labels() -> None:
    head = shipped_head()
    assert head is not None
    assert head.card.data_fingerprint == data_fingerprint(real_files() + own_files())
    assert head.card.label_fingerprint == label_fingerprint(read_labels(real_files(), role_titles(Linter().engine)))


def test_sure_readings_also_count_in_the_lines_masses(linter: Linter) -> None:
    """A line the head reads surely (0.7 and more) is the fine role's in the occupation question too: the
    occupation model reads the editing of short videos as a designer's; a less sure reading stays out."""
    text = VIDEO_DUTIES + "- монтировать вертикальные ролики\n"  # a reading between 0.5 and 0.7
    analyzed = linter.engine.analyzer.analyze(Posting(text=text, title="Комьюнити-менеджер"))
    readings = {line.item: line.role for line in analyzed.roles.lines}
    sure = [item for item, role in readings.items() if role and role[0] != OTHER and role[1] >= 0.7]
    unsure = [item for item, role in readings.items() if role and role[0] != OTHER and role[1] < 0.7]
    learned = {ev.item for ev in analyzed.roles.learned}
    assert any(item in learned for item in sure) and any(item in learned for item in unsure)
    for item in sure:
        if item in learned:
            assert readings[item][0] in analyzed.roles.line_masses[item]
    for item in unsure:
        if item in learned:
            assert readings[item][0] not in analyzed.roles.line_masses[item]


def test_only_sure_learned_evidence_is_kept_for_the_masses() -> None:
    lines = [reading(0, ("smm", 0.9)), reading(1, ("smm", 0.6))]
    learned = (Evidence("smm", 0.9, 0, 2, 0, (LEARNED,)), Evidence("smm", 0.6, 3, 5, 1, (LEARNED,)))
    assert sure_evidence(learned, lines, load_taxonomy(), WEIGHTS) == learned[:1]


def test_a_scarce_role_the_occupation_model_refutes_is_no_sure_evidence() -> None:
    """The head knows community work from few postings: where the occupation model reads the line surely as a
    teacher's, its community reading stays with the fine roles; where the model cannot place the line, it
    speaks in the occupation question too."""
    taught = LineReading(0, 1.0, (("teacher", 0.9),), True, ("community", 0.75))
    unplaced = LineReading(1, 1.0, (("teacher", 0.3), ("marketing_pr", 0.2)), True, ("community", 0.75))
    learned = (Evidence("community", 0.75, 0, 2, 0, (LEARNED,)), Evidence("community", 0.75, 3, 5, 1, (LEARNED,)))
    assert sure_evidence(learned, [taught, unplaced], load_taxonomy(), WEIGHTS) == learned[1:]


def test_a_well_known_role_keeps_its_sure_reading_against_the_model() -> None:
    """The head knows sales from many postings: a line on the equipment sold that the model reads as a
    process engineer's stays sales work in the occupation question."""
    equipment = LineReading(0, 1.0, (("process_engineer", 0.8),), True, ("sales", 0.8))
    learned = (Evidence("sales", 0.8, 0, 2, 0, (LEARNED,)),)
    assert sure_evidence(learned, [equipment], load_taxonomy(), WEIGHTS) == learned
