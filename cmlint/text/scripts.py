"""Words typed in two alphabets: «гpaжданство» with a Latin p and a, «Exсel» with a Cyrillic с.

Inside one word (a run of letters without digits) that mixes Cyrillic and Latin letters, the letters of the
minority script are written in the majority's when every one of them has a look-alike there (on a tie, either
way that works, Cyrillic first). One character becomes one character, so offsets into the text stay valid.
Pure-script words, hyphen-joined parts («IT-специалист»), codes with digits («1C», «B2B») and glued words whose
minority part has letters without a look-alike («SMMщик», «МакроCRM») stay as written.
"""

from __future__ import annotations

import re

_LATIN = "ABCEHKMOPTXYaceopxyk"
_CYRILLIC = "АВСЕНКМОРТХУасеорхук"
_TO_CYRILLIC = str.maketrans(_LATIN, _CYRILLIC)
_TO_LATIN = str.maketrans(_CYRILLIC, _LATIN)
_LATIN_LOOKALIKES = frozenset(_LATIN)
_CYRILLIC_LOOKALIKES = frozenset(_CYRILLIC)

#: A Latin letter next to a Cyrillic one: a text without this has no mixed word.  Written to start with the Latin
#: letter, so that a search jumps from Latin letter to Latin letter (rare in Russian text) instead of trying both
#: orders at every position.
_MIXED = re.compile(r"[A-Za-z](?:(?<=[А-яЁё][A-Za-z])|(?=[А-яЁё]))")


def _is_latin(char: str) -> bool:
    return "a" <= char <= "z" or "A" <= char <= "Z"


def _is_cyrillic(char: str) -> bool:
    return "А" <= char <= "я" or char in "Ёё"


def unmixed_word(word: str) -> str:
    """``word`` written in one script when its letters of the other script all have look-alikes."""
    latin = [char for char in word if _is_latin(char)]
    cyrillic = [char for char in word if _is_cyrillic(char)]
    if not latin or not cyrillic or len(latin) + len(cyrillic) != len(word):
        return word
    if len(cyrillic) >= len(latin) and _LATIN_LOOKALIKES.issuperset(latin):
        return word.translate(_TO_CYRILLIC)
    if len(latin) >= len(cyrillic) and _CYRILLIC_LOOKALIKES.issuperset(cyrillic):
        return word.translate(_TO_LATIN)
    return word


def unmix_scripts(text: str) -> str:
    """``text`` with every mixed-script word written in one script (:func:`unmixed_word`); the same length.

    Only a word with a Latin letter next to a Cyrillic one can change (:data:`_MIXED`): the words around those
    places are rewritten, not every word of the text."""
    mixed = _MIXED.search(text)
    if mixed is None:
        return text
    parts: list[str] = []
    position = 0
    while mixed is not None:
        start, end = _word_around(text, mixed.start())
        parts += [text[position:start], unmixed_word(text[start:end])]
        position = end
        mixed = _MIXED.search(text, end)
    parts.append(text[position:])
    return "".join(parts)


def _word_around(text: str, at: int) -> tuple[int, int]:
    """The bounds of the word with its digits that holds the letter at ``at``: letters and digits between other
    characters (hyphens and underscores split)."""
    start, end = at, at + 1
    while start and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end
