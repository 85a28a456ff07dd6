"""Hostile rule packs fail when they load, cheaply, naming the file: alias bombs, phrase bombs, runaway regexes."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from cmlint import Config, Linter, PackError
from cmlint.files import FileProblem, parse_small_yaml
from cmlint.text.user_regex import regex_problem

RULE = "{code: ACME001, name: a, severity: warning, message: m, patterns: %s}"


def load(tmp_path: Path, text: str) -> Linter:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return Linter(Config(extend_rules=[str(path)])).prepare()


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def load_bounded(tmp_path: Path, text: str) -> str:
    """The PackError a child process (3 GB of address space, 120 s) reports for the pack: a regression cannot take the machine."""
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    code = (
        "from cmlint import Config, Linter, PackError\n"
        f"try:\n    Linter(Config(extend_rules=[{str(path)!r}])).prepare()\nexcept PackError as error:\n    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, preexec_fn=_limit_memory)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def alias_bomb(levels: int) -> str:
    """Nine copies of the level below, ``levels`` deep: 9 ** levels strings once expanded."""
    lines = ['l0: &l0 ["звонок", "звонок", "звонок", "звонок", "звонок", "звонок", "звонок", "звонок", "звонок"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels)]
    lines.append(f"rules: [{RULE % f'[[{{LEMMA: {{IN: *l{levels - 1}}}}}]]'}]")
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    message = load_bounded(tmp_path, alias_bomb(9))  # was 3.8–5.2 GB and a MemoryError
    assert message.startswith(f"{tmp_path / 'pack.yaml'}: ") and "ссылки YAML" in message


def test_a_recursive_alias_is_refused() -> None:
    with pytest.raises(FileProblem, match="внутри которого стоит"):
        parse_small_yaml("a: &a [1, *a]\n")


def test_ordinary_anchors_still_work() -> None:
    data = parse_small_yaml("base: &base [звонок, продажа]\nrules: [{IN: *base}, {IN: *base}]\n")
    assert data["rules"] == [{"IN": ["звонок", "продажа"]}, {"IN": ["звонок", "продажа"]}]


def test_a_phrase_alternation_bomb_is_a_pack_error(tmp_path: Path) -> None:
    phrase = " ".join(["(звонок|продажа)"] * 24)
    assert "слишком много вариантов" in load_bounded(tmp_path, f"rules: [{RULE % repr([phrase])}]\n")


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("^(a|aa)+$", "экспоненциально"),
        ("(a+)+", "экспоненциально"),
        (r"(\w+\s?)*", "экспоненциально"),
        ("(", "неверное регулярное выражение «(»"),
        ("(а|б)+", None),
        ("^звон(ок|ки|ков)$", None),
        ("(?>a|aa)+", None),
        ("(a++)+", None),
    ],
)
def test_user_regexes_are_checked(pattern: str, expected: str | None) -> None:
    problem = regex_problem(pattern)
    assert (problem is None) if expected is None else (problem is not None and expected in problem)


def test_a_runaway_token_regex_is_a_pack_error(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="токен 1: TEXT: регулярное выражение '\\^\\(a\\|aa\\)\\+\\$' может выполняться"):
        load(tmp_path, f"rules: [{RULE % '[[{TEXT: {REGEX: ^(a|aa)+$}}]]'}]\n")
