"""Python's cyclic garbage collector, paused while objects that live as long as the process are made.

Importing spaCy and building the engine make a few hundred thousand objects that are never garbage; the
collector, started by every 700 new container objects, walks the growing heap again and again meanwhile
(about a fifth of ``cmlint check one.txt``) and frees nothing.  It runs as usual after the block.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused(freeze: bool = False) -> Iterator[None]:
    """Collect no garbage inside the block (a collector someone else turned off stays off); ``freeze``: keep
    every object that exists at its end out of all later collections too (only for what lives as long as the
    process, such as imported modules: frozen garbage is never collected)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        gc.enable()
