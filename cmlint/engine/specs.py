"""Rule specifications: the schema of a rule pack, validated by pydantic.

A pack is a YAML file ``rules: [...]``.  The minimal rule is
``{code, name, severity, message, patterns: [phrases]}``; shipped rules also
carry a summary, an explanation and should-fire / must-not-fire examples.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from cmlint.engine import messages
from cmlint.factories import new_dict, new_list
from cmlint.files import FileProblem, parse_small_yaml, read_small_text
from cmlint.kinds import ItemKind
from cmlint.models import Severity
from cmlint.validation_ru import problem

CODE = re.compile(r"^[A-Z]{1,6}[0-9]{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

#: Where a rule's patterns match: the title, the whole body (``text``) or items of a kind; ``fragment`` in a
#: rule's scope reads a short verbless line of the opening text as ``listed`` (:mod:`cmlint.engine.fragments`).
Scope = ItemKind | Literal["title", "text", "fragment"]


class Example(BaseModel):
    """A posting (or a fragment) a rule must fire on or must stay quiet on.

    A should-fire example says what the rule finds: ``match`` is the text of
    each finding of the rule, in order (``""`` for a finding about the whole
    posting), and ``replacement`` the replacement each finding offers.
    """

    model_config = ConfigDict(extra="forbid")

    text: str
    title: str | None = None
    #: The salary a board keeps apart from the text (:attr:`cmlint.models.Posting.salary`).
    salary: str | None = None
    match: list[str] | None = None
    replacement: list[str] | None = None

    @field_validator("match", "replacement", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class Explanation(BaseModel):
    """What the rule does, why it matters, a bad and a better example."""

    model_config = ConfigDict(extra="forbid")

    what: str
    why: str
    bad: str
    good: str
    references: list[str] = Field(default_factory=new_list)


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    fire: list[Example] = Field(default_factory=new_list)
    quiet: list[Example] = Field(default_factory=new_list, alias="pass")

    @field_validator("fire", "quiet", mode="before")
    @classmethod
    def _strings_are_examples(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"text": v} if isinstance(v, str) else v for v in value]
        return value


PatternSpec = str | list[dict[str, Any]]


#: Contexts in which a match of a pattern rule does not count:
#: ``negation`` — negated, contrasted or waived («не даём печеньки», «а не просто печеньки»,
#: «без прописки», «прописка не важна»); ``compound`` — the match starts inside a hyphenated
#: or dotted compound («тест-драйв», «Яндекс.Драйв»); ``prefix`` — the match is the first part of
#: a hyphenated compound («эйчар-процесс»); ``name`` — a capitalised word after another word that is
#: not all capitals (a brand: «пользователи Драйва», «Тил Эйчар»); ``quote`` — the match alone in quotes
#: (the word is mentioned, not used: «„продажник“ звучит гордо»); ``salary`` — the posting
#: states a salary figure somewhere («высокая зарплата» after «от 45 000 до 200 000 ₽»); ``intro`` — the match
#: is in the company's story, not in what it offers: a sentence of the opening text or of an «о компании»
#: section that is not a condition («ищем в нашу дружную команду», «мы делаем интересные проекты в финтехе»);
#: ``embedded`` — the match is part of a longer phrase, not a description standing on its own in a list item
#: («девушка основала студию», not «1) мужчина», «…, девушка без опыта, …»); ``counterpart`` — the title names a
#: feminine job noun of the match together with its masculine form (the title «Уборщица/уборщик»); ``explained`` — a
#: dash, a colon or a bracket right after the match opens words that explain it («Коммуникабельность — объяснить
#: разработчику, почему …»); ``elaborated`` — the match's sentence goes on, in its own words, to a list of
#: at least three named things («офис, где ждёт завтрак (сырники, овсянка, выпечка)», «задачи на стыке финансов, IT и
#: управления»).
Ignorable = Literal[
    "negation", "compound", "prefix", "name", "quote", "salary", "intro", "embedded", "counterpart", "explained",
    "elaborated",
]


class ScopedPattern(BaseModel):
    """A pattern with its own narrower ``scope`` or extra contexts to ``ignore`` (beyond its rule's).

    ``antipatterns: false`` keeps its matches even where an antipattern of the rule overlaps them: a group
    turned away («граждане РФ, СНГ не предлагать») is a restriction though an antipattern reads «РФ, СНГ» as a
    list of the citizenships taken.
    """

    model_config = ConfigDict(extra="forbid")

    pattern: PatternSpec
    scope: list[Scope] | None = Field(default=None, min_length=1)
    ignore: list[Ignorable] = Field(default_factory=new_list)
    antipatterns: bool = True


class ClauseException(BaseModel):
    """An item exception that excepts only the matches of its own clause: none of ``,``, ``;``, a bracket or a
    sentence end stands between the two («ориентация на клиента, девушка» is a requirement beside a skill)."""

    model_config = ConfigDict(extra="forbid")

    clause: PatternSpec


class Substitution(BaseModel):
    """A pattern and the wording to use instead (inflected to fit the match)."""

    model_config = ConfigDict(extra="forbid")

    pattern: PatternSpec
    replacement: str


class RuleSpec(BaseModel):
    """One rule of a pack.

    ``antipatterns`` drop a match they overlap; ``item_exceptions`` drop a
    match when they occur anywhere in the same item (sentence or list entry), or, written as
    ``{clause: pattern}``, in the same clause of it.
    ``title_exceptions`` switch the rule off when the title matches one of them (a job for which a
    federal law or the work itself sets the requirement: police age limits, a fit model's height);
    ``text_exceptions`` do the same when the posting's text matches (the employer names itself as such
    a body, or the posting lifts the restriction elsewhere: «приглашаем на службу в полицию»).
    ``scope`` limits where patterns match: ``title``, ``text`` (everywhere
    else) or item kinds (``duty``, ``requirement``, ``wish``, ``condition`` …).
    A pattern may be ``{pattern: ..., scope: [...]}`` to count only in some of
    those places.  ``ignore`` names contexts where matches do not count
    (:data:`Ignorable`).  ``title_roles`` runs the rule only when the title
    names one of these roles.  ``options`` are parameters of a Python check.
    """

    model_config = ConfigDict(extra="forbid")

    code: str
    name: str
    severity: Severity
    message: str
    kind: Literal["existence", "substitution", "python"] = "existence"
    summary: str | None = None
    explanation: Explanation | None = None
    examples: Examples = Field(default_factory=Examples)
    patterns: list[PatternSpec | ScopedPattern] = Field(default_factory=new_list)
    antipatterns: list[PatternSpec] = Field(default_factory=new_list)
    item_exceptions: list[PatternSpec | ClauseException] = Field(default_factory=new_list)
    title_exceptions: list[PatternSpec] = Field(default_factory=new_list)
    text_exceptions: list[PatternSpec] = Field(default_factory=new_list)
    replacement: str | None = None
    substitutions: list[Substitution] = Field(default_factory=new_list)
    scope: list[Scope] = Field(default_factory=lambda: list[Scope](["text"]))
    ignore: list[Ignorable] = Field(default_factory=new_list)
    title_roles: list[str] = Field(default_factory=new_list)
    check: str | None = None
    options: dict[str, Any] = Field(default_factory=new_dict)
    macros: dict[str, str] = Field(default_factory=new_dict)

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not CODE.match(value):
            raise ValueError(f"код {value!r} должен выглядеть как CM001: заглавные латинские буквы и три цифры")
        return value

    @field_validator("message")
    @classmethod
    def _message(cls, value: str) -> str:
        messages.parse(value)
        return value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not NAME.match(value):
            raise ValueError(f"имя {value!r} должно быть в kebab-case: строчные латинские буквы, цифры и дефисы")
        return value

    @model_validator(mode="after")
    def _kind_fields(self) -> RuleSpec:
        if self.kind == "python":
            if not self.check:
                raise ValueError("для kind: python нужно указать check — имя проверки на Python")
        elif self.kind == "substitution":
            if self.substitutions and (self.patterns or self.replacement):
                raise ValueError("укажите либо substitutions, либо patterns с replacement")
            if not self.substitutions and not (self.patterns and self.replacement):
                raise ValueError("для kind: substitution нужны patterns и replacement (или список substitutions)")
        elif not self.patterns:
            raise ValueError(f"для kind: {self.kind} нужен непустой список patterns")
        return self

    @property
    def title(self) -> str:
        """A one-line description for listings."""
        return self.summary or self.message


class Pack(BaseModel):
    """A rule pack file."""

    model_config = ConfigDict(extra="forbid")

    macros: dict[str, str] = Field(default_factory=new_dict)
    rules: list[RuleSpec]


class PackError(Exception):
    """A rule pack that cannot be used; the message names the file, the entry and the problem."""


def parse_pack(data: Any, source: str) -> Pack:
    """Validate pack data read from ``source``; raise :class:`PackError` naming the entry."""
    if not isinstance(data, dict):
        raise PackError(f"{source}: ожидался словарь с ключом rules, получено {type(data).__name__}")
    try:
        return Pack.model_validate(data)
    except ValidationError as error:
        raise PackError(f"{source}: {_describe(error, data)}") from None


def load_pack_file(path: Path) -> Pack:
    """Read and validate a user's pack file."""
    import yaml

    try:
        text = read_small_text(path)
    except FileProblem as error:
        raise PackError(f"{path}: не удалось прочитать файл пакета правил: {error}") from None
    try:
        data = parse_small_yaml(text)
    except FileProblem as error:
        raise PackError(f"{path}: {error}") from None
    except yaml.YAMLError as error:
        raise PackError(f"{path}: не YAML: {error}") from None
    except RecursionError:
        raise PackError(f"{path}: не YAML: слишком глубокая вложенность") from None
    return parse_pack(data, str(path))


def _describe(error: ValidationError, data: dict[str, Any]) -> str:
    problems = []
    for issue in error.errors():
        location = list(issue["loc"])
        where = ".".join(str(part) for part in location)
        if len(location) >= 2 and location[0] == "rules" and isinstance(location[1], int):
            rules = data.get("rules") or []
            entry = rules[location[1]] if location[1] < len(rules) else {}
            label = entry.get("code") or entry.get("name") if isinstance(entry, dict) else None
            field_path = ".".join(str(part) for part in location[2:]) or "(правило)"
            where = f"правило {location[1] + 1}" + (f" ({label})" if label else "") + f", поле {field_path}"
        problems.append(f"{where}: {problem(issue)}")
    return "; ".join(problems)
