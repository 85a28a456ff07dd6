"""The expressions that look back from a mention find what they found before they were guarded to start at words."""

import random
import re

import pytest

from cmlint.roles import rename_places

GUARDED = ["_WORD_BEFORE", "_SUSPENDED_BEFORE", "_COORDINATED_BEFORE", "_HYPHENED_BEFORE"]
#: Pieces the text before a mention is made of: words of both scripts, digits, joiners, hyphens and spaces.
PIECES = ["Комьюнити", "smm", "и", "или", "and", "ведущий", "B2B", "7", "_", "-", " ", "  ", "&", "/", "\n", "Дизайнер-"]


@pytest.mark.parametrize("name", GUARDED)
def test_the_word_start_guard_changes_no_match(name: str) -> None:
    guarded = getattr(rename_places, name)
    plain = re.compile(guarded.pattern.removeprefix(rename_places._WORD_START), guarded.flags)
    assert plain.pattern != guarded.pattern
    pick = random.Random(0)
    for _ in range(5000):
        before = "".join(pick.choice(PIECES) for _ in range(pick.randint(0, 8)))
        found, expected = guarded.search(before), plain.search(before)
        assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups())), before
