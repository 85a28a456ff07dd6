"""Which files ``cmlint check`` reads: folders, globs, exclusions, .gitignore, symlink loops, own reports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cmlint.io.discovery import Discovery, Failure


def names(found: list, root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() if isinstance(p, Path) else p.error.kind for p in found]


def write(root: Path, *paths: str, text: str = "Обязанности: чат") -> None:
    for path in paths:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


def test_folders_globs_and_missing(tmp_path: Path) -> None:
    write(tmp_path, "sub/a.txt", "b.md", "skip.bin", ".hidden/c.txt")
    found = list(Discovery(root=tmp_path).files([str(tmp_path), str(tmp_path / "*.md"), str(tmp_path / "nope.txt")]))
    assert names(found, tmp_path)[:3] == ["b.md", "sub/a.txt", "b.md"]
    assert isinstance(found[3], Failure) and found[3].error.kind == "not-found"


def test_a_repository_folder_gives_only_postings(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "CHANGELOG.md", "package.json", "node_modules/x/readme.md", "postings/a.md", "postings/b.txt", "drafts/c.md", "build/d.md")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (tmp_path / "report.html").write_text('<!doctype html><html><head><meta charset="utf-8"><meta name="generator" content="cmlint"></head>', encoding="utf-8")
    found = list(Discovery(root=tmp_path).files([str(tmp_path)]))
    assert names(found, tmp_path) == ["postings/a.md", "postings/b.txt"]
    everything = Discovery(exclude=(), respect_gitignore=False, root=tmp_path).files([str(tmp_path)])
    assert "drafts/c.md" in names(list(everything), tmp_path)


def test_exclude_patterns_and_explicit_files(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "old/b.md", "c.bak.md")
    finder = Discovery(exclude=("old/", "*.bak.md"), root=tmp_path)
    assert names(list(finder.files([str(tmp_path)])), tmp_path) == ["a.md"]
    assert names(list(finder.files([str(tmp_path / "old" / "b.md")])), tmp_path) == ["old/b.md"]  # named: read anyway


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    write(tmp_path, "a/x.md")
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    os.symlink(tmp_path, tmp_path / "a" / "up")
    found = list(Discovery(root=tmp_path).files([str(tmp_path)]))
    assert names(found, tmp_path) == ["a/x.md"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_a_symlink_loop_to_itself_is_skipped_in_a_folder_and_named_when_given(tmp_path: Path) -> None:
    """Resolving «l1 → l2 → l1» raised (RuntimeError before Python 3.13) and took the whole run with it."""
    write(tmp_path, "ok.md")
    os.symlink(tmp_path / "l2.md", tmp_path / "l1.md")
    os.symlink(tmp_path / "l1.md", tmp_path / "l2.md")
    assert names(list(Discovery(root=tmp_path).files([str(tmp_path)])), tmp_path) == ["ok.md"]
    named = list(Discovery(root=tmp_path).files([str(tmp_path / "l1.md")]))
    assert isinstance(named[0], Failure) and named[0].error.kind == "unreadable"
    assert "по кругу" in named[0].error.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_is_no_file_not_a_missing_one(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    found = list(Discovery(root=tmp_path).files([str(tmp_path / "pipe.md")]))
    assert isinstance(found[0], Failure) and found[0].error.kind == "unreadable" and "канал" in found[0].error.message


def test_would_read(tmp_path: Path) -> None:
    write(tmp_path, "in/a.md", "in.jsonl")
    finder = Discovery(root=tmp_path)
    folder, jsonl = str(tmp_path / "in"), str(tmp_path / "in.jsonl")
    assert finder.would_read(tmp_path / "in" / "report.html", [folder]) == folder
    assert finder.would_read(tmp_path / "in" / "report.sarif", [folder]) is None
    assert finder.would_read(tmp_path / "in.jsonl", [jsonl]) == jsonl
    assert finder.would_read(tmp_path / "out.jsonl", [jsonl, folder]) is None
    pattern = str(tmp_path / "in" / "*.md")
    assert finder.would_read(tmp_path / "in" / "b.md", [pattern]) == pattern  # would be read next time


_NAMED_FILE_PROBE = """
import sys
from cmlint.io.discovery import Discovery
assert [str(p) for p in Discovery().files([sys.argv[1]])] == [sys.argv[1]]
assert "pathspec" not in sys.modules
"""


def test_a_named_file_compiles_no_patterns(tmp_path: Path) -> None:
    # `cmlint check one.txt` starts faster: the exclude patterns and .gitignore files matter only to walks and globs.
    write(tmp_path, "one.txt")
    probe = subprocess.run([sys.executable, "-c", _NAMED_FILE_PROBE, str(tmp_path / "one.txt")], capture_output=True, text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr
