"""English word forms for phrases: postings mix English duties into Russian ones.

pymorphy3 reads Russian only, so an English token keeps its own lower-cased
form as its lemma («members», «welcoming»).  A phrase author writes the base
form («welcome member»); :func:`inflections` gives the forms the same word
takes in text — plural and third person (-s, -es, -ies), past (-ed, the
common irregular verbs) and gerund (-ing), with a final «e» dropped and a
final consonant doubled where English spelling does it.  A form that English
never uses («runned») costs nothing: it never occurs in a text.
"""

from __future__ import annotations

from functools import lru_cache

_VOWELS = frozenset("aeiou")
#: Irregular past forms of verbs duty lines use.
_IRREGULAR = {
    "bring": ("brought",),
    "build": ("built",),
    "buy": ("bought",),
    "choose": ("chose", "chosen"),
    "do": ("does", "did", "done"),
    "find": ("found",),
    "get": ("got", "gotten"),
    "give": ("gave", "given"),
    "go": ("goes", "went", "gone"),
    "grow": ("grew", "grown"),
    "hold": ("held",),
    "keep": ("kept",),
    "lead": ("led",),
    "make": ("made",),
    "meet": ("met",),
    "run": ("ran",),
    "sell": ("sold",),
    "send": ("sent",),
    "speak": ("spoke", "spoken"),
    "teach": ("taught",),
    "tell": ("told",),
    "think": ("thought",),
    "write": ("wrote", "written"),
}


@lru_cache(maxsize=8192)
def inflections(word: str) -> frozenset[str]:
    """``word`` (lower-cased) with its regular English forms; only the word itself unless it is English letters."""
    base = word.lower()
    if not (base.isascii() and base.isalpha() and len(base) >= 2):
        return frozenset({base})
    forms = {base, *_IRREGULAR.get(base, ())}
    consonant_y = base.endswith("y") and base[-2] not in _VOWELS
    if consonant_y:
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {base + "es", base + "ed", base + "ing"}
    elif base.endswith("e"):
        forms |= {base + "s", base + "d", (base if base.endswith("ee") else base[:-1]) + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
        if _doubles(base):
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return frozenset(forms)


def _doubles(word: str) -> bool:
    """Whether the last consonant doubles before -ed/-ing (a consonant, one vowel, a consonant: «plan», «chat»)."""
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS | {"w", "x", "y"}
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )
