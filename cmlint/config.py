"""Configuration: ``[tool.cmlint]`` in pyproject.toml or ``cmlint.toml``.

Keys are kebab-case like ruff's; unknown keys and bad values are errors that
name the key.  Files are found from the working directory upward; CLI flags
override what the file says.
"""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from cmlint.factories import new_dict, new_list
from cmlint.files import FileProblem, read_small_text
from cmlint.models import Severity
from cmlint.scoring import Scoring
from cmlint.validation_ru import problem

log = logging.getLogger("cmlint")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True, frozen=True)


#: The longest time budget, in seconds (a day): the budget's alarm timer takes no more, and no posting needs it.
MAX_TIME_BUDGET = 86_400.0

#: Not postings: tool folders and a repository's own documents and manifests (gitignore-style patterns).
DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".git/", ".hg/", ".svn/", ".venv/", "venv/", ".tox/", ".nox/", "node_modules/", "__pycache__/",
    "build/", "dist/", "site-packages/", ".mypy_cache/", ".pytest_cache/", ".ruff_cache/",
    "README*", "CHANGELOG*", "CHANGES*", "CONTRIBUTING*", "LICENSE*", "LICENCE*", "CODE_OF_CONDUCT*", "SECURITY*",
    "package.json", "package-lock.json", "composer.json", "tsconfig.json", "*.schema.json",
)


class Config(_Section):
    """Everything that can be configured."""

    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=new_list)
    extend_select: list[str] = Field(default_factory=new_list)
    severity: dict[str, Severity] = Field(default_factory=new_dict)
    extend_rules: list[str] = Field(default_factory=new_list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=new_dict)
    min_severity: Severity = Severity.SUGGESTION
    fail_on: Severity = Field(default=Severity.SUGGESTION, description="exit 1 only for findings at least this severe")
    exclude: list[str] | None = Field(default=None, description="gitignore-style patterns of files never read (default: DEFAULT_EXCLUDE)")
    extend_exclude: list[str] = Field(default_factory=new_list, description="patterns excluded on top of exclude")
    respect_gitignore: bool = True
    time_budget: float | None = Field(
        default=10.0, gt=0, le=MAX_TIME_BUDGET, allow_inf_nan=False,
        description="seconds one posting may take; a slower one becomes a CM000 record (null: no limit)",
    )
    roles: Scoring = Field(default_factory=Scoring)
    #: Options of Python checks by code or name (``[tool.cmlint.rules.CM002]``), over the packs' own.
    rules: dict[str, dict[str, Any]] = Field(default_factory=new_dict)
    base_dir: str | None = Field(default=None, exclude=True)
    #: The file this configuration was read from (``None``: defaults or built in code).
    source: str | None = Field(default=None, exclude=True)
    #: Keys set on the command line (:meth:`override`), so errors can name the flag.
    overridden: frozenset[str] = Field(default=frozenset(), exclude=True)

    @field_validator("select", "ignore", "extend_select")
    @classmethod
    def _codes(cls, value: list[str] | None) -> list[str] | None:
        if value is None:
            return None
        return [code.strip().upper() for code in value if code.strip()]

    def enabled(self, code: str, name: str, path: str | None = None) -> bool:
        """Whether a rule is on, by code prefix or name (ruff semantics)."""
        def hit(selectors: list[str]) -> bool:
            return any(code.startswith(s) or s == "ALL" or s == name.upper() for s in selectors)

        selected = hit(self.select) if self.select is not None else True
        selected = selected or hit(self.extend_select)
        if hit(self.ignore):
            return False
        if path is not None:
            for pattern, codes in self.per_file_ignores.items():
                if _path_matches(path, pattern) and hit([c.upper() for c in codes]):
                    return False
        return selected

    def exclusions(self) -> tuple[str, ...]:
        """Every pattern of files never read: ``exclude`` (or the defaults) plus ``extend-exclude``."""
        return (*(DEFAULT_EXCLUDE if self.exclude is None else self.exclude), *self.extend_exclude)

    def override(self, overrides: Overrides) -> Config:
        """This configuration with command-line flags applied (ruff semantics).

        ``select`` replaces the file's selection — its ``select`` and its
        ``ignore`` give way; ``ignore``, ``extend-select`` and
        ``extend-exclude`` add to what the file says; ``exclude``,
        ``min-severity``, ``fail-on`` and ``respect-gitignore`` replace it.
        """
        updates: dict[str, Any] = {}
        if overrides.select is not None:
            updates["select"] = overrides.select
            updates["ignore"] = []
        if overrides.ignore:
            updates["ignore"] = [*updates.get("ignore", self.ignore), *overrides.ignore]
        if overrides.extend_select:
            updates["extend_select"] = [*self.extend_select, *overrides.extend_select]
        if overrides.exclude is not None:
            updates["exclude"] = overrides.exclude
        if overrides.extend_exclude:
            updates["extend_exclude"] = [*self.extend_exclude, *overrides.extend_exclude]
        for key in ("min_severity", "fail_on", "respect_gitignore", "time_budget"):
            if getattr(overrides, key) is not None:
                updates[key] = getattr(overrides, key)
        given = {key for key in overrides.model_fields_set if getattr(overrides, key) not in (None, [])}
        return self.model_copy(update={**updates, "overridden": self.overridden | given})

    def check_selectors(self, rules: Iterable[tuple[str, str]]) -> None:
        """Raise :class:`ConfigError` naming every selector that matches none of ``rules`` ((code, name) pairs).

        A selector is ``ALL``, a code, a prefix of codes (``CM``, ``LG00``) or a
        rule name; a typo must not silently select or ignore nothing.
        """
        known = [(code.upper(), name.upper()) for code, name in rules]

        def valid(selector: str) -> bool:
            selector = selector.upper()
            return selector == "ALL" or any(code.startswith(selector) or name == selector for code, name in known)

        places: list[tuple[str, list[str]]] = [
            ("select", self.select or []), ("ignore", self.ignore), ("extend_select", self.extend_select),
            ("severity", list(self.severity)),
            *((f"per_file_ignores.{pattern}", codes) for pattern, codes in self.per_file_ignores.items()),
        ]
        problems = []
        for key, selectors in places:
            bad = [value for value in selectors if not valid(value) or (key == "severity" and value.upper() == "ALL")]
            if bad:
                problems.append(f"{self.where(key)}: неизвестный код или имя правила: {', '.join(bad)}")
        if problems:
            raise ConfigError("; ".join(problems) + " (список правил: cmlint rules)")

    def where(self, key: str) -> str:
        """Where ``key`` was set, for error messages: a command-line flag or ``file: key``."""
        if key in self.overridden:
            return f"--{_kebab(key)}"
        return f"{self.source or 'настройки'}: {_kebab(key)}"

    def severity_of(self, code: str, name: str, default: Severity) -> Severity:
        for key in (code, name):
            if key in self.severity:
                return self.severity[key]
        return default


class Overrides(BaseModel):
    """What the command line can change in a configuration (see :meth:`Config.override`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=new_list)
    extend_select: list[str] = Field(default_factory=new_list)
    min_severity: Severity | None = None
    fail_on: Severity | None = None
    exclude: list[str] | None = None
    extend_exclude: list[str] = Field(default_factory=new_list)
    respect_gitignore: bool | None = None
    time_budget: float | None = Field(default=None, gt=0, le=MAX_TIME_BUDGET, allow_inf_nan=False)

    @field_validator("exclude", "extend_exclude", mode="before")
    @classmethod
    def _patterns(cls, value: list[str] | None) -> list[str] | None:
        """``--exclude a,b --exclude c`` → ``["a", "b", "c"]``."""
        if value is None:
            return None
        return [part.strip() for item in value for part in item.split(",") if part.strip()]

    @field_validator("select", "ignore", "extend_select", mode="before")
    @classmethod
    def _split(cls, value: list[str] | None) -> list[str] | None:
        """``--select CM,LG --select SY`` → ``["CM", "LG", "SY"]``, upper case."""
        if value is None:
            return None
        return [part.strip().upper() for item in value for part in item.split(",") if part.strip()]


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the key."""


def _path_matches(path: str, pattern: str) -> bool:
    from fnmatch import fnmatch

    posix = Path(path).as_posix()
    return fnmatch(posix, pattern) or fnmatch(Path(path).name, pattern) or fnmatch(posix, f"*/{pattern}")


def parse_config(data: dict[str, Any], source: str) -> Config:
    """Validate a ``[tool.cmlint]`` table; errors name the key."""
    try:
        return Config.model_validate(data)
    except ValidationError as error:
        problems = []
        for issue in error.errors():
            key = ".".join(str(part) for part in issue["loc"]) or "(корень)"
            problems.append(f"{key}: {problem(issue)}")
        raise ConfigError(f"{source}: " + "; ".join(problems)) from None


def find_config(start: Path) -> Path | None:
    """The nearest ``cmlint.toml``, or ``pyproject.toml`` with ``[tool.cmlint]`` (a broken one is an error)."""
    for folder in [start, *start.parents]:
        candidate = folder / "cmlint.toml"
        if candidate.exists():  # not only regular files: a FIFO or a folder here is an error, not silence
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.exists() and "cmlint" in _read_toml(candidate).get("tool", {}):
            return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file; every problem (unreadable, not a regular file, too big, too deep, bad TOML) is a :class:`ConfigError`."""
    try:
        return tomllib.loads(read_small_text(path))
    except FileProblem as error:
        raise ConfigError(f"{path}: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: не удалось прочитать TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: не удалось прочитать TOML: слишком глубокая вложенность") from None


def load_config(path: str | Path | None = None, start: str | Path | None = None) -> Config:
    """Load a configuration and say where it came from (``Config.source``).

    ``path``: this file (``cmlint.toml``, or ``pyproject.toml`` with a
    ``[tool.cmlint]`` table).  Otherwise the nearest such file from ``start``
    (default: the working directory) upward; none found gives the built-in
    defaults with ``source`` ``None``.
    """
    if path is None:
        path = find_config(Path(start).resolve() if start is not None else Path.cwd())
        if path is None:
            log.info("cmlint: файл конфигурации не найден (искали от %s вверх); настройки по умолчанию", start or Path.cwd())
            return Config()
    path = Path(path)
    data = _read_toml(path)
    table = data if path.name != "pyproject.toml" else data.get("tool", {}).get("cmlint", {})
    if path.name == "cmlint.toml" and "tool" in table and "cmlint" in table["tool"]:
        table = table["tool"]["cmlint"]
    config = parse_config(table, str(path))
    log.info("cmlint: настройки из %s", path)
    return config.model_copy(update={"base_dir": str(path.parent.resolve()), "source": str(path)})
