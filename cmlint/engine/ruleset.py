"""Loading rule packs and turning their entries into runnable rules, validated against their declarations."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from cmlint.analysis import AnalyzedPosting
from cmlint.config import Config, ConfigError
from cmlint.engine import messages
from cmlint.engine.messages import FieldType
from cmlint.engine.registry import Check, CheckContext, Options
from cmlint.engine.specs import Pack, PackError, RuleSpec, load_pack_file, parse_pack
from cmlint.models import Finding
from cmlint.resources import data_dir, parse_yaml


class Rule(Protocol):
    """Anything that can check an analyzed posting: its spec, validated options and message fields."""

    @property
    def spec(self) -> RuleSpec: ...

    @property
    def options(self) -> Options: ...

    @property
    def fields(self) -> Mapping[str, FieldType]: ...

    def run(self, posting: AnalyzedPosting, ctx: CheckContext[Any]) -> Iterable[Finding]: ...


@dataclass
class PythonRule:
    """A rule implemented by a declared Python check, with its options validated."""

    spec: RuleSpec
    check: Check[Any]
    options: Options

    @property
    def fields(self) -> Mapping[str, FieldType]:
        return self.check.fields

    def run(self, posting: AnalyzedPosting, ctx: CheckContext[Any]) -> Iterable[Finding]:
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


def where(source: str, spec: RuleSpec) -> str:
    """How errors name a rule: its file, code and name."""
    return f"{source}: правило {spec.code} ({spec.name})"


def check_message(spec: RuleSpec, source: str, declared: Mapping[str, FieldType]) -> None:
    """Every placeholder of the rule's message must be a field the rule fills in, numbers with their word forms."""
    found = messages.problems(spec.message, declared)
    if found:
        raise PackError(f"{where(source, spec)}, message: " + "; ".join(found))


def python_rule(
    spec: RuleSpec, source: str, checks: Mapping[str, Check[Any]], config: Config, context: dict[str, Any]
) -> PythonRule:
    """The rule of a ``kind: python`` entry: the check its ``check:`` names, with options from the pack and the config.

    ``context`` is the pydantic validation context (the lemma check of word lists).
    """
    assert spec.check is not None
    found = checks.get(spec.check)
    if found is None:
        raise PackError(f"{source}: правило {spec.code}: нет проверки на Python с именем {spec.check!r}")
    check_message(spec, source, found.fields)
    try:
        found.options.model_validate(spec.options, context=context)
    except ValidationError as error:
        raise PackError(f"{where(source, spec)}, {problems(error, 'options')}") from None
    overrides = config_options(config, spec)
    try:
        options = found.options.model_validate({**spec.options, **overrides}, context=context)
    except ValidationError as error:
        raise ConfigError(f"{config.source or 'конфигурация'}: {problems(error, f'rules.{spec.code}')}") from None
    return PythonRule(spec, found, options)


def config_options(config: Config, spec: RuleSpec) -> dict[str, Any]:
    """The options the configuration sets for a rule (``[tool.cmlint.rules.CODE]`` or by name)."""
    return {**config.rules.get(spec.name, {}), **config.rules.get(spec.code, {})}


def check_config_rules(config: Config, specs: Iterable[RuleSpec]) -> None:
    """``[tool.cmlint.rules.X]`` must name a rule that has options."""
    with_options = {key for spec in specs if spec.kind == "python" for key in (spec.code, spec.name)}
    known = {key for spec in specs for key in (spec.code, spec.name)}
    for key in config.rules:
        if key not in known:
            raise ConfigError(f"{config.source or 'конфигурация'}: rules.{key}: нет такого правила")
        if key not in with_options and config.rules[key]:
            raise ConfigError(f"{config.source or 'конфигурация'}: rules.{key}: у этого правила нет настроек")


def location(parts: Iterable[str | int]) -> str:
    """A pydantic error location as people read it: ``options.generic_words[3]`` (1-based)."""
    text = ""
    for part in parts:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_PROBLEMS = {
    "extra_forbidden": "неизвестный ключ",
    "missing": "обязательный ключ не указан",
    "int_parsing": "ожидалось целое число",
    "int_type": "ожидалось целое число",
    "int_from_float": "ожидалось целое число",
    "float_parsing": "ожидалось число",
    "float_type": "ожидалось число",
    "bool_parsing": "ожидалось true или false",
    "bool_type": "ожидалось true или false",
    "string_type": "ожидалась строка",
    "list_type": "ожидался список",
    "dict_type": "ожидался словарь",
    "greater_than_equal": "должно быть не меньше {ge}",
    "greater_than": "должно быть больше {gt}",
    "less_than_equal": "должно быть не больше {le}",
    "less_than": "должно быть меньше {lt}",
    "literal_error": "допустимые значения: {expected}",
}


def problems(error: ValidationError, prefix: str) -> str:
    """Every problem of a validation error in Russian, each with its key under ``prefix``."""
    found = []
    for issue in error.errors():
        template = _PROBLEMS.get(issue["type"])
        if template is not None:
            message = template.format(**issue.get("ctx", {}))
        elif issue["type"] == "value_error":
            message = issue["msg"].removeprefix("Value error, ")
        else:
            message = "недопустимое значение"
        found.append(f"{location([prefix, *issue['loc']])}: {message}")
    return "; ".join(found)


def check_unique(rules: list[tuple[str, RuleSpec]]) -> None:
    """Codes and names must be unique across all packs."""
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    for source, spec in rules:
        for key, seen in ((spec.code, codes), (spec.name, names)):
            if key in seen:
                raise PackError(f"{source}: правило {spec.code}: {key!r} уже определено в {seen[key]}")
            seen[key] = source
