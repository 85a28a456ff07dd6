"""Loading rule packs and turning their entries into runnable rules."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Protocol
from collections.abc import Iterable, Mapping

from cmlint.analysis import AnalyzedPosting
from cmlint.engine.registry import Check, CheckContext
from cmlint.engine.specs import Pack, PackError, RuleSpec, load_pack_file, parse_pack
from cmlint.models import Finding
from cmlint.resources import data_dir, parse_yaml


class Rule(Protocol):
    """Anything that can check an analyzed posting."""

    spec: RuleSpec

    def run(self, posting: AnalyzedPosting, ctx: CheckContext) -> Iterable[Finding]: ...


@dataclass
class PythonRule:
    """A rule implemented by a declared Python check."""

    spec: RuleSpec
    check: Check

    def run(self, posting: AnalyzedPosting, ctx: CheckContext) -> Iterable[Finding]:
        return self.check(posting, ctx)


def shipped_packs() -> list[tuple[str, Pack]]:
    """The packs shipped in ``rules/packs/`` as (source name, pack)."""
    folder: Traversable = data_dir().joinpath("packs")
    packs = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            source = f"rules/packs/{entry.name}"
            packs.append((source, parse_pack(parse_yaml(entry.read_text(encoding="utf-8")), source)))
    return packs


def load_packs(extra: Iterable[str], base_dir: str | None) -> list[tuple[str, Pack]]:
    """Shipped packs followed by the user's ``extend-rules`` packs."""
    return shipped_packs() + user_packs(extra, base_dir)


def user_packs(extra: Iterable[str], base_dir: str | None) -> list[tuple[str, Pack]]:
    """The packs named in ``extend-rules`` (files or folders, relative to ``base_dir``)."""
    packs: list[tuple[str, Pack]] = []
    for entry in extra:
        path = Path(entry)
        if not path.is_absolute() and base_dir:
            path = Path(base_dir) / path
        files = sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml")) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise PackError(f"{path}: в папке нет файлов .yaml")
        for file in files:
            packs.append((str(file), load_pack_file(file)))
    return packs


def python_rule(spec: RuleSpec, source: str, checks: Mapping[str, Check]) -> PythonRule:
    """The rule of a ``kind: python`` entry, with the check its ``check:`` names."""
    assert spec.check is not None
    found = checks.get(spec.check)
    if found is None:
        raise PackError(f"{source}: правило {spec.code}: нет проверки на Python с именем {spec.check!r}")
    return PythonRule(spec, found)


def check_unique(rules: list[tuple[str, RuleSpec]]) -> None:
    """Codes and names must be unique across all packs."""
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    for source, spec in rules:
        for key, seen in ((spec.code, codes), (spec.name, names)):
            if key in seen:
                raise PackError(f"{source}: правило {spec.code}: {key!r} уже определено в {seen[key]}")
            seen[key] = source
