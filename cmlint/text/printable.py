"""Text safe to print on a terminal: control and bidi characters shown as escapes.

A posting's title, a file name or an option typed by someone else may carry
ANSI escape sequences (``ESC[2J`` clears the screen), C0/C1 controls (a CR
overwrites the line) or bidi overrides (U+202E reverses what follows).  Printed
raw they act on the terminal instead of being seen; :func:`printable` shows
them as ``\\x1b``, ``\\r``, ``\\u202e``.  Line breaks and tabs stay unless
``lines=False``.

>>> printable("\\x1b[2Jзаголовок\\u202e")
'\\\\x1b[2Jзаголовок\\\\u202e'
"""

from __future__ import annotations

#: Bidi embeddings, overrides, isolates and marks, and the line/paragraph separators.
_FORMAT = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029)
_CONTROLS = (*range(0x00, 0x20), *range(0x7F, 0xA0))
_NAMED = {ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r"}


def _escape(code: int) -> str:
    if code in _NAMED:
        return _NAMED[code]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_TABLE = {code: _escape(code) for code in (*_CONTROLS, *_FORMAT)}
_LINES = {**_TABLE, ord("\n"): "\n", ord("\t"): "\t"}


def printable(text: str, lines: bool = True) -> str:
    """``text`` with every terminal control character escaped (``lines``: keep ``\\n`` and ``\\t``)."""
    return text.translate(_LINES if lines else _TABLE)
