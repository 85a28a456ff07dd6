"""The command itself: --version, -h, shell completion."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cmlint
from cmlint.cli import typer_ru
from cmlint.cli.app import app


def test_version_and_short_help() -> None:
    assert CliRunner().invoke(app, ["--version"]).stdout == f"cmlint {cmlint.__version__}\n"
    for args in (["-h"], ["check", "-h"], ["rules", "-h"]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0 and result.stdout.startswith("Использование: cmlint")


def test_shell_completion_completes_commands() -> None:
    env = {**os.environ, "_CMLINT_COMPLETE": "complete_bash", "COMP_WORDS": "cmlint ch", "COMP_CWORD": "1"}
    result = subprocess.run([sys.executable, "-m", "cmlint"], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["check"]
    script = CliRunner().invoke(app, ["--show-completion", "bash"])
    assert "_cmlint_completion" in script.stdout or script.exit_code == 0


def test_install_completion_speaks_russian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(typer_ru, "_get_shell_name", lambda: "bash")
    result = CliRunner().invoke(app, ["--install-completion"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Автодополнение для bash установлено в ")
    assert (tmp_path / ".bash_completions" / "cmlint.sh").exists()
    monkeypatch.setattr(typer_ru, "_get_shell_name", lambda: "tcsh")
    unknown = CliRunner().invoke(app, ["--install-completion"])
    assert unknown.exit_code == 2
    assert unknown.stderr == "Ошибка: оболочка tcsh не поддерживается; поддерживаются: bash, zsh, fish, powershell, pwsh.\n"
