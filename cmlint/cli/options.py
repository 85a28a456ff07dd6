"""The options of ``cmlint check``: one declaration per flag (name, type, default, help).

:class:`CheckOptions` is both what the command line parses into and what
the check runs on; :func:`command` turns such a dataclass into a typer
command, so adding a flag is adding one field here.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from cmlint.config import Overrides
from cmlint.models import Severity
from cmlint.posting import FieldMap

OutputFormat = Literal["text", "json", "jsonl", "sarif", "github", "html"]
#: Kept in step with :data:`cmlint.io.formats.NAMES` (a test checks it; typer needs the literal).
StdinFormat = Literal["txt", "md", "html", "jsonl", "json", "csv"]
SeverityName = Literal["error", "warning", "suggestion"]

_CODES = "КОДЫ"


@dataclass(frozen=True)
class CheckOptions:
    """Everything ``cmlint check`` can be told."""

    paths: Annotated[list[str] | None, typer.Argument(metavar="ПУТЬ...", help="Файлы, папки, шаблоны (*.md) или - для stdin.", show_default=False)] = None
    title: Annotated[str | None, typer.Option("--title", "-t", metavar="НАЗВАНИЕ", help="Название вакансии (иначе — первая строка или поле title).")] = None
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", metavar="ФОРМАТ", help="Формат вывода: text, json, jsonl, sarif, github, html (по умолчанию text).", show_default=False)] = "text"
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="ФАЙЛ", help="Записать вывод в файл.")] = None
    select: Annotated[list[str] | None, typer.Option("--select", metavar=_CODES, help="Включить только эти коды, префиксы или имена правил (через запятую).")] = None
    ignore: Annotated[list[str] | None, typer.Option("--ignore", metavar=_CODES, help="Отключить коды, префиксы или имена правил.")] = None
    extend_select: Annotated[list[str] | None, typer.Option("--extend-select", metavar=_CODES, help="Добавить коды к выбранным.")] = None
    min_severity: Annotated[SeverityName | None, typer.Option("--min-severity", metavar="ВАЖНОСТЬ", help="Не показывать замечания ниже этой важности: error, warning, suggestion.")] = None
    fail_on: Annotated[SeverityName | None, typer.Option("--fail-on", metavar="ВАЖНОСТЬ", help="Код 1 только при замечаниях не ниже этой важности: error, warning, suggestion (по умолчанию suggestion — при любых).")] = None
    exclude: Annotated[list[str] | None, typer.Option("--exclude", metavar="ШАБЛОНЫ", help="Не читать эти файлы и папки (шаблоны как в .gitignore; заменяют exclude из настроек).")] = None
    extend_exclude: Annotated[list[str] | None, typer.Option("--extend-exclude", metavar="ШАБЛОНЫ", help="Не читать ещё и эти файлы и папки.")] = None
    respect_gitignore: Annotated[bool | None, typer.Option("--respect-gitignore/--no-respect-gitignore", help="Пропускать файлы из .gitignore (по умолчанию да).", show_default=False)] = None
    time_budget: Annotated[float | None, typer.Option("--time-budget", metavar="СЕКУНДЫ", help="Сколько секунд может проверяться одна вакансия; дольше — запись CM000, проверка идёт дальше (по умолчанию 10).", show_default=False)] = None
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Код 0 даже при замечаниях (ошибки ввода — всё равно 2).")] = False
    config: Annotated[Path | None, typer.Option("--config", metavar="ФАЙЛ", help="Файл конфигурации (cmlint.toml или pyproject.toml).")] = None
    jobs: Annotated[int, typer.Option("--jobs", "-j", metavar="N", help="Число процессов (по умолчанию 1).", show_default=False)] = 1
    title_field: Annotated[list[str] | None, typer.Option("--title-field", metavar="ПОЛЕ", help="Поле записи с названием (JSON/JSONL/CSV).")] = None
    text_field: Annotated[list[str] | None, typer.Option("--text-field", metavar="ПОЛЕ", help="Поле записи с текстом.")] = None
    id_field: Annotated[list[str] | None, typer.Option("--id-field", metavar="ПОЛЕ", help="Поле записи с идентификатором.")] = None
    salary_field: Annotated[list[str] | None, typer.Option("--salary-field", metavar="ПОЛЕ", help="Поле записи с зарплатой, если доска хранит её отдельно от текста (строка, число или объект с границами вилки).")] = None
    stdin_format: Annotated[StdinFormat, typer.Option("--stdin-format", metavar="ФОРМАТ", help="Формат данных из stdin: txt, md, html, jsonl, json, csv (по умолчанию txt).", show_default=False)] = "txt"
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Полоса прогресса (по умолчанию — если stderr терминал).", show_default=False)] = None
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Цвет в текстовом выводе (по умолчанию — если вывод в терминал).", show_default=False)] = None
    fix: Annotated[bool, typer.Option("--fix", help="Внести исправления в файлы с одной вакансией (.txt, .md, .html), затем проверить.")] = False
    diff: Annotated[bool, typer.Option("--diff", help="Показать исправления как diff, не меняя файлы; код 1, если есть что исправить.")] = False

    def overrides(self) -> Overrides:
        """The configuration keys these flags change."""
        return Overrides(
            select=self.select,
            ignore=self.ignore or [],
            extend_select=self.extend_select or [],
            min_severity=Severity(self.min_severity) if self.min_severity else None,
            fail_on=Severity(self.fail_on) if self.fail_on else None,
            exclude=self.exclude,
            extend_exclude=self.extend_exclude or [],
            respect_gitignore=self.respect_gitignore,
            time_budget=self.time_budget,
        )

    def fields(self) -> FieldMap:
        """Which record fields hold the title, text, id and salary (flags replace the defaults)."""
        defaults = FieldMap()
        return FieldMap(
            title=_names(self.title_field) or defaults.title,
            text=_names(self.text_field) or defaults.text,
            id=_names(self.id_field) or defaults.id,
            salary=_names(self.salary_field) or defaults.salary,
        )


def _names(values: list[str] | None) -> tuple[str, ...]:
    return tuple(part.strip() for value in values or [] for part in value.split(",") if part.strip())


def command(options: type[Any], run: Callable[[Any], None]) -> Callable[..., None]:
    """A function typer can register whose parameters are the fields of the ``options`` dataclass.

    typer reads the parameters from the signature; the call builds the
    dataclass and hands it to ``run``.
    """
    hints = typing.get_type_hints(options, include_extras=True)
    parameters = [
        inspect.Parameter(
            field.name,
            inspect.Parameter.KEYWORD_ONLY,
            default=inspect.Parameter.empty if field.default is MISSING else field.default,
            annotation=hints[field.name],
        )
        for field in fields(options)
    ]

    def invoke(**values: Any) -> None:
        run(options(**values))

    invoke.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    invoke.__annotations__ = {p.name: p.annotation for p in parameters}
    invoke.__doc__ = run.__doc__
    invoke.__name__ = run.__name__
    return invoke
