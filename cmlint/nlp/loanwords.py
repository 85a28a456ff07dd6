"""How Russian spells an English loanword: «content» is «контент», «brand» «бренд».

Job titles mix English spellings into Russian ones («Content Manager» next to
«Контент-менеджер»).  :func:`cyrillic` writes an English word letter by
letter the way such loanwords are usually spelt; a reader compares the result
with the words it knows, allowing for the vowels that loanwords keep from the
pronunciation rather than the spelling («brand» → «бранд» ≈ «бренд»).
A few position nouns came into Russian by their sound, which the letters do
not give: :func:`spoken` spells them («manager» is «менеджер»).
"""

from __future__ import annotations

import re

#: Letter groups first (longest first), then single letters; «c» is «с» before e, i, y.
_GROUPS = {
    "sch": "ш", "sh": "ш", "ch": "ч", "zh": "ж", "th": "т", "ph": "ф", "kh": "х", "ts": "ц", "ck": "к",
    "qu": "кв", "ee": "и", "oo": "у", "ea": "и", "ce": "се", "ci": "си", "cy": "си",
}
_LETTERS = {
    "a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "дж",
    "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р", "s": "с", "t": "т",
    "u": "у", "v": "в", "w": "в", "x": "кс", "y": "и", "z": "з",
}
#: Position nouns Russian borrowed by their sound («manager» is «менеджер», not «манагер»).
_SPOKEN = {"manager": "менеджер"}
_PIECES = re.compile("|".join(sorted(_GROUPS, key=len, reverse=True)) + "|[a-z]")


def cyrillic(word: str) -> str:
    """``word`` (English letters) spelt in Cyrillic as a loanword; other words as they are (lower-cased)."""
    lower = word.lower()
    if not (lower.isascii() and lower.isalpha()):
        return lower
    return "".join(_GROUPS.get(piece) or _LETTERS[piece] for piece in _PIECES.findall(lower))


def spoken(word: str) -> str | None:
    """The Russian loanword borrowed by the sound of ``word`` (a position noun), if there is one."""
    return _SPOKEN.get(word.lower())
