"""Reading small configuration files (config, rule packs) without trusting them.

A FIFO, a device (``/dev/zero``) or a huge file must fail at once with the
file's name, not hang or exhaust memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: Configuration and rule packs are small; anything bigger is not one.
MAX_CONFIG_BYTES = 4 * 1024 * 1024


class FileProblem(Exception):
    """The file cannot be read as a configuration file; the message says why (without the path)."""


def read_small_text(path: Path, limit: int = MAX_CONFIG_BYTES) -> str:
    """The UTF-8 text of a regular file of at most ``limit`` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise FileProblem("файл не найден") from None
    except OSError as error:
        raise FileProblem(f"не удалось открыть: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem("это не обычный файл (канал, устройство или папка)")
        if info.st_size > limit:
            raise FileProblem(f"файл больше {limit} байт")
        data = os.read(fd, limit + 1)
    except OSError as error:
        raise FileProblem(f"не удалось прочитать: {error.strerror or error}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileProblem(f"файл больше {limit} байт")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(f"не UTF-8: {error.reason} на байте {error.start}") from None
