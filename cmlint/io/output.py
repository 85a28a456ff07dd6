"""Where results go: stdout, or a file written atomically.

A file output is written to a temporary file beside the target and renamed
over it at the end, so the target is always either what it was or a
complete document: a failed write (missing folder, read-only, disk full)
leaves it untouched and never a partial line.  Every write problem is an
:class:`OutputError` with a one-line message.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


class OutputError(Exception):
    """The output cannot be written; the message names the target and the reason."""


class PipeClosed(OutputError):
    """The reader of the output pipe has gone (``cmlint check … | head -1``): not an error, the end of the run."""


class OutputStream:
    """A text stream whose write failures become :class:`OutputError` (what formatters write to)."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self.name = name

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise PipeClosed(self.name) from None
        except (OSError, ValueError) as error:  # ValueError: the stream was closed under us
            raise _failure(self.name, error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise PipeClosed(self.name) from None
        except (OSError, ValueError) as error:
            raise _failure(self.name, error) from None

    def isatty(self) -> bool:
        try:
            return self._stream.isatty()
        except (OSError, ValueError):
            return False


def _failure(name: str, error: Exception) -> OutputError:
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return OutputError(f"не удалось записать {name}: {reason}")


def check_target(path: Path) -> None:
    """Fail early (before any input is read) when ``path`` cannot be an output file."""
    if path.is_dir():
        raise OutputError(f"{path}: это папка, а нужен файл для вывода")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{path}: папки {parent} не существует")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: нет прав на запись в папку {parent}")
    if path.exists() and not path.is_file():
        raise OutputError(f"{path}: это не обычный файл")


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[OutputStream]:
    """A stream for the results: stdout, or ``path`` replaced atomically when the block ends.

    The rename happens when the block ends normally or by
    ``KeyboardInterrupt``/``SystemExit`` (the formatter has closed its
    document, so the file holds every finished record); on any other error
    the temporary file is removed and the target is left as it was.
    """
    if path is None:
        stream = OutputStream(sys.stdout, "stdout")
        try:
            yield stream
        finally:
            with contextlib.suppress(OutputError):
                stream.flush()
        return
    check_target(path)
    try:
        handle = tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.", suffix=".tmp", delete=False,
        )
    except OSError as error:
        raise _failure(str(path), error) from None
    temporary = Path(handle.name)
    committed = False
    try:
        yield OutputStream(handle, str(path))
        committed = True
    except (KeyboardInterrupt, SystemExit):
        committed = True
        raise
    finally:
        _close(handle, temporary, path, committed)


def _close(handle: TextIO, temporary: Path, path: Path, commit: bool) -> None:
    try:
        handle.close()
        if commit:
            _copy_mode(path, temporary)
            os.replace(temporary, path)
    except OSError as error:
        commit = False
        raise _failure(str(path), error) from None
    finally:
        if not commit:
            with contextlib.suppress(OSError):
                temporary.unlink()


def _copy_mode(target: Path, temporary: Path) -> None:
    """Give the new file the old file's permissions, or the usual ones for a new file (not 0600)."""
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)
