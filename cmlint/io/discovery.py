"""Which files a ``cmlint check PATH…`` reads: folders walked, globs expanded, exclusions applied.

Like ruff: ``exclude`` (defaults below) and ``extend-exclude`` are
gitignore-style patterns; ``.gitignore`` files (and ``.git/info/exclude``)
are respected unless ``respect_gitignore`` is off; hidden files and folders
are skipped when walking.  A file named explicitly is always read.  Walking
never follows a symlink into a folder it has already seen (no loops), and
files cmlint itself wrote (an HTML or JSON report) are never inputs.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from cmlint.config import DEFAULT_EXCLUDE
from cmlint.io.formats import SUFFIXES, by_suffix
from cmlint.models import InputFailure

if TYPE_CHECKING:  # imported when patterns are first matched: a file named on the command line needs none
    from pathspec import GitIgnoreSpec

#: The first bytes of files cmlint writes (HTML report, json/jsonl results).
_OWN_OUTPUT_MARKERS = (b'<meta name="generator" content="cmlint', b'{"source":', b'[\n  {"source":')


@dataclass(frozen=True)
class Failure:
    """An argument that names nothing readable."""

    argument: str
    error: InputFailure


@dataclass
class Discovery:
    """The rules for turning arguments into files; ``root`` anchors the exclude patterns."""

    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    respect_gitignore: bool = True
    root: Path = field(default_factory=Path.cwd)

    def __post_init__(self) -> None:
        self._ignore_files: dict[Path, GitIgnoreSpec | None] = {}

    @cached_property
    def _exclude(self) -> GitIgnoreSpec:
        return _spec(self.exclude)

    def files(self, arguments: Iterable[str]) -> Iterator[Path | str | Failure]:
        """``"-"`` for stdin, a :class:`Path` per file to read, a :class:`Failure` per bad argument."""
        for argument in arguments:
            if argument == "-":
                yield "-"
                continue
            path = Path(argument)
            if path.is_dir():
                found = sorted(self._walk(path))
                if not found:
                    yield Failure(argument, InputFailure(kind="not-found", message=f"в папке нет файлов {', '.join(SUFFIXES)} (или все исключены)"))
                yield from found
            elif path.is_file():
                yield path
            elif glob.has_magic(argument):
                matches = sorted({Path(p) for p in glob.iglob(argument, recursive=True) if self._wanted(Path(p))})
                if not matches:
                    yield Failure(argument, InputFailure(kind="not-found", message="шаблон не нашёл ни одного поддерживаемого файла"))
                yield from matches
            elif os.path.lexists(argument):
                yield Failure(argument, InputFailure(kind="unreadable", message=_odd_entry(path)))
            else:
                yield Failure(argument, InputFailure(kind="not-found", message="файл или папка не существует"))

    def would_read(self, path: Path, arguments: Iterable[str]) -> str | None:
        """The argument through which ``path`` would be read as an input, if any (for ``-o`` checks)."""
        target = path.resolve()
        for argument in arguments:
            if argument == "-":
                continue
            given = Path(argument)
            if given.is_dir():
                folder = given.resolve()
                if target.is_relative_to(folder) and by_suffix(target.suffix) and not self._hidden(target, folder) and not self.excluded(target):
                    return argument
            elif given.exists():
                if target.exists() and os.path.samefile(given, target):
                    return argument
            elif glob.has_magic(argument) and fnmatch.fnmatch(target.as_posix(), Path(os.path.abspath(argument)).as_posix()):
                return argument  # fnmatch's * also crosses folders: this refuses more than the glob reads, never less
        return None

    def excluded(self, path: Path) -> bool:
        """Whether ``path`` is excluded by the patterns or (when respected) by a ``.gitignore``.

        Patterns are matched against the path relative to ``root`` (outside
        it: the whole path), so ``drafts/`` or ``*.bak`` work at any depth.
        """
        try:
            absolute = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13): matched as it is written
            absolute = path.absolute()
        relative = _relative(absolute, self.root.resolve()) or absolute.as_posix().lstrip("/")
        if self._match(self._exclude, relative, path.is_dir()):
            return True
        return self.respect_gitignore and self._gitignored(absolute)

    def _walk(self, folder: Path) -> Iterator[Path]:
        seen: set[tuple[int, int]] = set()
        pending = [folder]
        while pending:
            current = pending.pop()
            try:
                info = current.stat()
            except OSError:
                continue
            if (info.st_dev, info.st_ino) in seen:
                continue  # a symlink back into a folder already walked
            seen.add((info.st_dev, info.st_ino))
            try:
                entries = list(os.scandir(current))
            except OSError:
                continue
            for entry in entries:
                path = Path(entry.path)
                if entry.name.startswith(".") or self.excluded(path):
                    continue
                try:
                    if entry.is_dir():
                        pending.append(path)
                    elif entry.is_file() and self._wanted(path):
                        yield path
                except OSError:
                    continue

    def _wanted(self, path: Path) -> bool:
        return path.is_file() and by_suffix(path.suffix) is not None and not self.excluded(path) and not own_output(path)

    @staticmethod
    def _hidden(path: Path, root: Path) -> bool:
        return any(part.startswith(".") for part in path.relative_to(root).parts)

    @staticmethod
    def _match(spec: GitIgnoreSpec, relative: str, is_dir: bool) -> bool:
        return spec.match_file(relative + "/" if is_dir else relative)

    def _gitignored(self, path: Path) -> bool:
        """Whether a ``.gitignore`` between the repository root (or the path's folder) and ``path`` ignores it."""
        is_dir = path.is_dir()
        for folder in _folders_up_to_repository(path.parent):
            spec = self._ignore_spec(folder)
            if spec is not None:
                relative = _relative(path, folder)
                if relative is not None and self._match(spec, relative, is_dir):
                    return True
        return False

    def _ignore_spec(self, folder: Path) -> GitIgnoreSpec | None:
        if folder not in self._ignore_files:
            lines: list[str] = []
            for name in (".gitignore", ".git/info/exclude"):
                try:
                    lines += (folder / name).read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError:
                    continue
            self._ignore_files[folder] = _spec(lines) if lines else None
        return self._ignore_files[folder]


def _spec(lines: Iterable[str]) -> GitIgnoreSpec:
    """Gitignore-style patterns, compiled."""
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)


def _odd_entry(path: Path) -> str:
    """What an entry that exists but is neither a file nor a folder is, in words."""
    if path.is_symlink():
        return "символическая ссылка никуда не ведёт или ведёт по кругу"
    return "не файл и не папка (канал, сокет или устройство)"


def own_output(path: Path) -> bool:
    """Whether ``path`` is a report cmlint wrote (never linted when found by a folder walk or glob)."""
    if path.suffix.lower() not in (".html", ".htm", ".json", ".jsonl", ".ndjson"):
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return False
    return any(marker in head for marker in _OWN_OUTPUT_MARKERS)


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


def _folders_up_to_repository(folder: Path) -> list[Path]:
    """``folder`` and its parents up to the repository root (the folder with ``.git``), outermost first."""
    chain = [folder]
    while not (chain[-1] / ".git").exists() and chain[-1].parent != chain[-1]:
        chain.append(chain[-1].parent)
    return list(reversed(chain))
