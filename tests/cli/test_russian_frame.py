"""typer's own words (help frame, built-in options, usage errors) are Russian."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Sequence

import pytest
from typer.testing import CliRunner

from cmlint.cli.app import app
from cmlint.config import Config
from cmlint.engine.ruleset import load_packs

COMMANDS = ["check", "rules", "explain", "schema", "evaluate", "bench", "serve"]

#: Latin words allowed in Russian text: format, severity and model names, file names, acronyms.
ALLOWED = {
    "cmlint", "text", "json", "jsonl", "sarif", "github", "html", "txt", "md", "csv", "markdown", "stdin",
    "error", "warning", "suggestion", "report", "result", "title", "diff", "exclude", "true", "false",
    "JSON", "JSONL", "CSV", "Schema", "stderr", "N", "SMM", "HR", "API", "CM", "pip", "web", "pyproject.toml", "cmlint.toml", "gitignore",
}
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9_.\[\]-]*[A-Za-z0-9\]]|[A-Za-z]")
_CODE = re.compile(r"^[A-Z]{2}\d{3}$")


def english(output: str, typed: Sequence[str] = ()) -> list[str]:
    """Latin words in ``output`` that are not options, codes, rule names, allowed names or ``typed`` (echoed input)."""
    config = Config()
    names = {spec.name for _, pack in load_packs(config.extend_rules, config.base_dir) for spec in pack.rules}
    words = [word.rstrip("].").split("[")[0] for word in _LATIN.findall(_OPTION.sub(" ", output))]
    return [w for w in words if w not in ALLOWED | set(COMMANDS) | set(typed) | names and not _CODE.match(w)]


def test_english_finds_english_words() -> None:
    assert english("Usage: cmlint check --select CM001 role-confusion [default: text]") == ["Usage", "default"]


@pytest.mark.parametrize("args", [["--help"], ["-h"], *[[command, "--help"] for command in COMMANDS]])
def test_help_pages_are_russian(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Использование: cmlint" in result.output
    assert english(result.output) == [], result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "--bogus"], "нет параметра --bogus"),
        (["check", "x.txt", "--format", "xx"], "'xx' — нет такого варианта"),
        (["check", "x.txt", "--jobs", "x"], "нужно целое число"),
        (["bench", "--postings", "3"], "нужно не меньше 10"),
        (["chek"], "нет команды 'chek'; может быть, 'check'"),
        (["check", "-o"], "параметру '-o' нужно значение"),
        (["explain"], "не указан аргумент 'КОД'"),
        (["check", "--exit-zero=3"], "параметр '--exit-zero' не принимает значения"),
        (["schema", "report", "b"], "лишние аргументы: b"),
        ([], "Использование: cmlint"),
    ],
)
def test_usage_errors_are_russian(args: list[str], expected: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert expected in result.output
    assert english(result.output, args) == [], result.output


def test_usage_error_names_the_help_option() -> None:
    output = CliRunner().invoke(app, ["check", "--bogus"]).output
    assert output.splitlines()[:2] == ["Использование: cmlint check [ПАРАМЕТРЫ] [ПУТЬ...]...", "Справка: cmlint check -h"]


def test_the_installed_command_speaks_russian() -> None:
    """The console entry point (not only typer's test runner) shows the Russian frame and errors."""
    run = [sys.executable, "-c", "import sys; from cmlint.cli.process import main; sys.argv[0] = 'cmlint'; main()"]
    help_page = subprocess.run([*run, "check", "--help"], capture_output=True, text=True, timeout=120)
    error = subprocess.run([*run, "check", "--bogus"], capture_output=True, text=True, timeout=120)
    assert help_page.returncode == 0 and english(help_page.stdout) == []
    assert error.returncode == 2 and "Ошибка: нет параметра --bogus" in error.stderr and english(error.stderr) == []
