"""A formatter's module is imported only when its format is asked for (a faster ``cmlint check``)."""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import io, sys
from cmlint.formatters import FORMATTERS, make_formatter
assert type(make_formatter("text", io.StringIO())).__name__ == "TextFormatter"
assert "cmlint.formatters.html" not in sys.modules and "cmlint.formatters.sarif" not in sys.modules
for name in FORMATTERS:
    make_formatter(name, io.StringIO())
assert "cmlint.formatters.html" in sys.modules
"""


def test_only_the_asked_formatter_is_imported() -> None:
    result = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
