"""The pre-commit hook and the GitHub Action name entry points that exist and flags cmlint accepts."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml
from typer.testing import CliRunner

from cmlint.cli.app import app
from cmlint.io.formats import SUFFIXES

ROOT = Path(__file__).resolve().parent.parent
SALES = "Комьюнити-менеджер\nОбязанности:\n- холодные звонки\n- план продаж\n"


def test_pre_commit_hook_runs_cmlint_check_on_every_input_format(tmp_path: Path) -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "cmlint" and hook["language"] == "python"
    entry = shlex.split(hook["entry"])
    assert entry[:2] == ["cmlint", "check"]
    files = re.compile(hook["files"])
    assert all(files.search(f"a{suffix}") for suffix in SUFFIXES) and not files.search("a.py")
    (tmp_path / "v.md").write_text(SALES, encoding="utf-8")  # pre-commit appends the staged file names
    assert CliRunner().invoke(app, [*entry[1:], str(tmp_path / "v.md")]).exit_code == 1


def test_action_is_composite_and_its_command_is_valid(tmp_path: Path, monkeypatch) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    command = action["runs"]["steps"][-1]["run"]
    defaults = {"CMLINT_PATHS": str(tmp_path), "CMLINT_FAIL_ON": action["inputs"]["fail-on"]["default"], "CMLINT_ARGS": ""}
    argv = shlex.split(re.sub(r'"?\$(\w+)"?', lambda m: defaults[m.group(1)], command))
    assert argv[:2] == ["cmlint", "check"] and "--format" in argv and "github" in argv
    (tmp_path / "v.md").write_text(SALES, encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    result = CliRunner().invoke(app, argv[1:])
    assert result.exit_code == 1 and result.stdout.startswith("::warning") and (tmp_path / "summary.md").exists()
