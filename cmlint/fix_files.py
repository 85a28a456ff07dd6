"""``cmlint check --fix`` and ``--diff``: fixes written into files, or shown as a unified diff.

Only single-posting files (``.txt``, ``.md``, ``.html`` and stdin for
``--diff``) are fixed.  Record files (``.jsonl``, ``.json``, ``.csv``) are
left alone and said so: rewriting them would change their quoting,
formatting and key order, which the team that owns them would not expect.
A fixed file keeps its encoding and line endings and is written atomically
(a temporary file beside it, then a rename), so an interrupted run never
leaves half a file.
"""

from __future__ import annotations

import difflib
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from cmlint.edits import AppliedFix
from cmlint.fixes import fix
from cmlint.io.formats import InputFormat, by_name, by_suffix
from cmlint.io.discovery import Failure
from cmlint.io.readers import MAX_POSTING_BYTES
from cmlint.linter import Linter
from cmlint.models import Format
from cmlint.russian import count, number
from cmlint.text.decode import DecodeError, decode


@dataclass(frozen=True)
class FileFix:
    """One file's original and fixed text."""

    source: str
    original: str
    fixed: str
    encoding: str
    applied: list[AppliedFix]
    #: (old, new) when the title came from ``--title`` and cannot be written into the file.
    title_change: tuple[str, str] | None = None

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        """A unified diff from the original to the fixed text."""
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True), self.fixed.splitlines(keepends=True), self.source, self.source
        )
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


@dataclass(frozen=True)
class Notice:
    """A file that was not fixed, and why (``error`` makes the run exit 2)."""

    source: str
    message: str
    error: bool = False


@dataclass
class Outcome:
    """What a ``--fix`` or ``--diff`` run found; ``exit_code`` follows the CLI's rules."""

    files: list[FileFix] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def exit_code(self, diff: bool) -> int:
        if any(n.error for n in self.notices):
            return 2
        return 1 if diff and any(f.changed for f in self.files) else 0


_RECORDS_LEFT_ALONE = "файл с записями не исправляется: исправления вносятся только в файлы с одной вакансией (.txt, .md, .html)"


def plan(targets: Iterable[Path | str | Failure], linter: Linter, title: str | None, stdin_format: str, read_stdin: bool) -> Iterator[FileFix | Notice]:
    """The fix of every single-posting file among ``targets`` (found by :mod:`cmlint.io.discovery`), or a notice why not.

    ``stdin_format`` is the format name of ``-`` (``txt``, ``md`` …); stdin is
    read only when ``read_stdin`` (``--diff``), since it cannot be fixed in place.
    """
    for target in targets:
        if isinstance(target, Failure):
            yield Notice(target.argument, target.error.message, error=True)
        elif target == "-":
            kind = by_name(stdin_format)
            if kind.markup is None:
                yield Notice("-", _RECORDS_LEFT_ALONE)
            elif read_stdin:
                yield _fix_bytes("-", sys.stdin.buffer.read(MAX_POSTING_BYTES + 1), kind.markup, linter, title)
            else:
                yield Notice("-", "стандартный ввод не исправляется на месте; посмотрите исправления через --diff")
        else:
            assert isinstance(target, Path)
            found: InputFormat | None = by_suffix(target.suffix)
            if found is None or found.markup is None:
                yield Notice(str(target), _RECORDS_LEFT_ALONE)
                continue
            try:
                data = target.read_bytes() if target.stat().st_size <= MAX_POSTING_BYTES else None
            except OSError as error:
                yield Notice(str(target), f"не удалось прочитать: {error.strerror or error}", error=True)
                continue
            yield _fix_bytes(str(target), data, found.markup, linter, title)


def _fix_bytes(source: str, data: bytes | None, fmt: Format, linter: Linter, title: str | None) -> FileFix | Notice:
    if data is None or len(data) > MAX_POSTING_BYTES:
        return Notice(source, f"вакансия длиннее {number(MAX_POSTING_BYTES)} байт", error=True)
    try:
        text, encoding = decode(data)
    except DecodeError as error:
        return Notice(source, str(error), error=True)
    if not text.strip():
        return Notice(source, "пустой файл: нет текста вакансии", error=True)
    result = fix(text, title, format=fmt, id=source, linter=linter, path=source)
    change = (title, result.title) if title is not None and result.title != title and result.title is not None else None
    return FileFix(source, text, result.text, encoding, result.applied, change)


def write_atomically(path: Path, text: str, encoding: str) -> None:
    """Replace ``path`` with ``text`` in ``encoding``: write a temporary file beside it, then rename."""
    data = text.encode(encoding)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".cmlint-tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run(targets: Iterable[Path | str | Failure], linter: Linter, title: str | None, stdin_format: str, *, write: bool) -> Outcome:
    """Fix (``write``) or only compute the fixes of every file; errors become notices."""
    outcome = Outcome()
    for item in plan(targets, linter, title, stdin_format, read_stdin=not write):
        if isinstance(item, Notice):
            outcome.notices.append(item)
            continue
        if write and item.changed:
            try:
                write_atomically(Path(item.source), item.fixed, item.encoding)
            except (OSError, UnicodeEncodeError) as error:
                outcome.notices.append(Notice(item.source, f"не удалось записать исправления: {error}", error=True))
                continue
        outcome.files.append(item)
    return outcome


def render(outcome: Outcome, diff: bool, out: TextIO, err: TextIO) -> None:
    """Diffs (for ``--diff``) on ``out``; notices and a one-line summary on ``err``."""
    err.writelines(f"{notice.source}: {notice.message}\n" for notice in outcome.notices)
    changed = [f for f in outcome.files if f.changed]
    for item in changed:
        if diff:
            out.write(item.diff())
        if item.title_change is not None:
            old, new = item.title_change
            err.write(f"{item.source}: название задано в --title, замените его сами: «{old}» → «{new}»\n")
    fixes = sum(len(f.applied) for f in changed)
    files = count(len(changed), "файл", "файла", "файлов")
    if diff:
        err.write(f"Можно исправить: {files}, {count(fixes, 'исправление', 'исправления', 'исправлений')}\n" if changed else "Исправлять нечего\n")
    else:
        err.write(f"Исправлено: {files}, {count(fixes, 'исправление', 'исправления', 'исправлений')}\n" if changed else "Исправлять нечего\n")
