"""Words broken by a hyphen at a line end: «жен-⏎щина», «обя- зательна» (a wrap that a scrape may flatten to a space).

A hyphen glued to letters, then a line break or spaces, then a lower-case word is a wrap when the joined word is
in the dictionary and the hyphenated one is not, and one of the halves is no word by itself: «носи-⏎тель» joins,
«бизнес-⏎процесс», «северо-⏎западный», «пол-⏎дня», «двух- и трёхкомнатные» stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: A hyphen glued to a letter, whitespace (a line break or spaces), a lower-case continuation.  The hyphen comes
#: first and the letter before it is looked back at from there, so that a search jumps from hyphen to hyphen.
_WRAP = re.compile(r"([-‑](?<=[А-Яа-яЁё][-‑])[ \t]*\n?[ \t]*)(?<=\s)([а-яё]+)")
#: The longest first half of a broken word looked at.
_LONGEST_HEAD = 40
#: The letters of a word that end right before a hyphen.
_HEAD = re.compile(r"[А-Яа-яЁё]+$")


def wrap_cuts(text: str, known: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The spans of ``text`` (hyphen and whitespace) to drop to rejoin the words broken at a line end.

    ``known`` says whether a lower-case word form is in the dictionary.
    """
    cuts: list[tuple[int, int]] = []
    for match in _WRAP.finditer(text):
        found = _HEAD.search(text, max(match.start() - _LONGEST_HEAD, 0), match.start())
        head, tail = (found.group().lower() if found else ""), match.group(2)
        if _joins(head, tail, known):
            cuts.append(match.span(1))
    return cuts


def _joins(head: str, tail: str, known: Callable[[str], bool]) -> bool:
    """Whether ``head`` and ``tail`` are the halves of one word rather than of a hyphenated compound."""
    if not known(head + tail) or known(f"{head}-{tail}"):
        return False
    return not (known(head) and known(tail))
