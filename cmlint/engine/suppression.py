"""Inline suppression inside a posting, in HTML comments:

- ``<!-- cmlint: disable CM001, CM105 -->`` … ``<!-- cmlint: enable CM001 -->``
  (without codes: every rule);
- ``<!-- cmlint: disable-next-line CM105 -->`` — only the next line.

A ``disable`` before any content also covers the title and findings without
a place in the text.  ``enable`` without codes ends every region; with codes
it ends only those rules (a bare ``disable`` needs a bare ``enable``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cmlint.models import Finding

_DIRECTIVE = re.compile(
    r"<!--\s*cmlint:\s*(?P<verb>disable-next-line|disable|enable)\b(?P<codes>[^>]*?)\s*-->",
    re.IGNORECASE,
)
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9-]*")


@dataclass(frozen=True, slots=True)
class Region:
    """Rules ``codes`` (empty = all) are off from ``start`` to ``end`` (source offsets)."""

    start: int
    end: int
    codes: frozenset[str]

    def covers(self, finding: Finding, position: int) -> bool:
        if self.codes and finding.code not in self.codes and finding.name.upper() not in self.codes:
            return False
        return self.start <= position < self.end


@lru_cache(maxsize=256)
def regions(text: str) -> tuple[Region, ...]:
    """Parse the directives of a posting into suppressed regions."""
    if "cmlint" not in text:
        return ()
    result: list[Region] = []
    open_regions: dict[frozenset[str], int] = {}
    content_before = False  # any text other than directives so far (one pass: linear in the text)
    previous_end = 0
    for match in _DIRECTIVE.finditer(text):
        content_before = content_before or bool(text[previous_end:match.start()].strip())
        previous_end = match.end()
        codes = frozenset(code.upper() for code in _CODE.findall(match.group("codes")))
        verb = match.group("verb").lower()
        if verb == "disable-next-line":
            line_end = text.find("\n", match.end())
            if line_end == -1:
                continue
            next_end = text.find("\n", line_end + 1)
            result.append(Region(line_end + 1, len(text) if next_end == -1 else next_end, codes))
        elif verb == "disable":
            start = match.start() if content_before else 0
            open_regions.setdefault(codes, start)
        else:
            for key in [k for k in open_regions if not codes or (k and k & codes)]:
                result.append(Region(open_regions.pop(key), match.start(), key))
                if codes and key - codes:
                    open_regions.setdefault(key - codes, match.end())
    result.extend(Region(start, len(text) + 1, codes) for codes, start in open_regions.items())
    return tuple(result)


def suppressed(text: str, finding: Finding) -> bool:
    """Whether a directive in ``text`` switches ``finding`` off."""
    found = regions(text)
    if not found:
        return False
    position = finding.span.start if finding.span is not None and finding.span.field == "text" else 0
    return any(region.covers(finding, position) for region in found)
