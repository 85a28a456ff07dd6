"""The command line: ``cmlint check | rules | explain | schema | evaluate | bench | serve``.

Exit codes of ``check``: 0 — no findings, 1 — findings, 2 — usage, config
or input errors (an unreadable file among good ones still gives 2, after
every other file has been reported).
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
import typer

from cmlint.cli.check import check_time_budget, fail, run_check
from cmlint.cli.options import CheckOptions, command
from cmlint.cli.typer_ru import RussianCommand, RussianGroup
from cmlint.config import Config, ConfigError, load_config
from cmlint.engine.specs import PackError

app = typer.Typer(
    name="cmlint",
    cls=RussianGroup,
    options_metavar="[ПАРАМЕТРЫ]",
    subcommand_metavar="КОМАНДА [АРГУМЕНТЫ]...",
    help="Линтер вакансий на русском: путаница ролей (комьюнити-менеджер, который на деле продаёт), юридические и стилистические проблемы.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from cmlint import __version__

        typer.echo(f"cmlint {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True, help="Показать версию и выйти."),
) -> None:
    """Линтер вакансий на русском: путаница ролей (комьюнити-менеджер, который на деле продаёт), юридические и стилистические проблемы."""


_CONFIG_HELP = "Файл конфигурации (cmlint.toml или pyproject.toml; иначе — встроенные настройки)."
_LIST_FORMAT_HELP = "text или json."


class ListFormat(str, Enum):
    text = "text"
    json = "json"


class RulesFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


def _config(path: Path | None) -> Config:
    try:
        return load_config(path)
    except ConfigError as error:
        raise fail(str(error)) from None


app.command("check", cls=RussianCommand)(command(CheckOptions, run_check))


@app.command(cls=RussianCommand)
def rules(
    output_format: RulesFormat = typer.Option(RulesFormat.text, "--format", "-f", metavar="ФОРМАТ", help="text, json или markdown."),
    config_path: Path | None = typer.Option(None, "--config", metavar="ФАЙЛ", help=_CONFIG_HELP),
) -> None:
    """Список правил: код, имя, важность, описание.

    С --format markdown — полный справочник по всем правилам.
    """
    specs = _specs(config_path)
    if output_format is RulesFormat.markdown:
        from cmlint.docs import render_markdown

        typer.echo(render_markdown(specs), nl=False)
        return
    if output_format is RulesFormat.json:
        payload = [
            {"code": s.code, "name": s.name, "severity": s.severity.value, "summary": s.title, "kind": s.kind}
            for s in specs
        ]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    width = max(len(s.name) for s in specs)
    for spec in specs:
        typer.echo(f"{spec.code}  {spec.name.ljust(width)}  {spec.severity.value:<10}  {spec.title}")


@app.command(cls=RussianCommand)
def explain(
    code: str = typer.Argument(..., metavar="КОД", help="Код или имя правила, например CM001 или role-confusion."),
    config_path: Path | None = typer.Option(None, "--config", metavar="ФАЙЛ", help=_CONFIG_HELP),
) -> None:
    """Подробное объяснение правила с примерами."""
    from cmlint.docs import render_explanation

    wanted = code.strip()
    for spec in _specs(config_path):
        if spec.code == wanted.upper() or spec.name == wanted.lower():
            typer.echo(render_explanation(spec))
            return
    raise fail(f"нет правила {code!r}; список правил: cmlint rules")


def _specs(config_path: Path | None) -> list:
    from cmlint.engine.ruleset import load_packs

    config = _config(config_path)
    try:
        specs = [spec for _, pack in load_packs(config.extend_rules, config.base_dir) for spec in pack.rules]
    except PackError as error:
        raise fail(str(error)) from None
    return sorted(specs, key=lambda s: s.code)


@app.command(cls=RussianCommand)
def schema(
    name: str = typer.Argument("report", metavar="МОДЕЛЬ", help="report — один отчёт; result — строка вывода jsonl."),
) -> None:
    """JSON Schema отчёта (report) или строки вывода jsonl (result)."""
    from cmlint.schema import SCHEMAS, render

    if name not in SCHEMAS:
        raise fail(f"нет схемы {name!r}; есть: {', '.join(SCHEMAS)}")
    typer.echo(render(name), nl=False)


@app.command(cls=RussianCommand)
def evaluate(
    corpus: list[Path] = typer.Argument(..., metavar="КОРПУС...", help="JSONL-файлы или папки с размеченными вакансиями."),
    output_format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", metavar="ФОРМАТ", help=_LIST_FORMAT_HELP),
    retitle: str = typer.Option("Комьюнити-менеджер", "--retitle", metavar="НАЗВАНИЕ", help="Название для проверки чужих вакансий."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, metavar="N", help="Число процессов."),
    config_path: Path | None = typer.Option(None, "--config", metavar="ФАЙЛ", help=_CONFIG_HELP),
) -> None:
    """Точность CM001 и подсказок названий на размеченном корпусе."""
    from cmlint.evaluate import CorpusError, evaluate as run_evaluation, read_corpus, render_text
    from cmlint.linter import Linter

    try:
        records = read_corpus(corpus)
    except CorpusError as error:
        raise fail(str(error)) from None
    if not records:
        raise fail("в корпусе нет записей")
    try:
        linter = Linter(_config(config_path)).prepare()
    except (PackError, ConfigError) as error:
        raise fail(str(error)) from None
    result = run_evaluation(records, linter, retitle=retitle, jobs=jobs)
    if output_format is ListFormat.json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        typer.echo(render_text(result), nl=False)


@app.command(cls=RussianCommand)
def bench(
    postings: int = typer.Option(2000, "--postings", "-n", min=10, metavar="N", help="Сколько вакансий прогнать."),
    jobs: int = typer.Option(2, "--jobs", "-j", min=1, metavar="N", help="Число процессов для параллельного замера."),
    rounds: int = typer.Option(
        3, "--rounds", min=1, max=15, metavar="N",
        help="Сколько раз замерить базовый уровень и cmlint парой, один сразу за другим (доля — медиана пар).",
    ),
    output_format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", metavar="ФОРМАТ", help=_LIST_FORMAT_HELP),
    corpus: list[Path] = typer.Option([], "--corpus", metavar="ПУТЬ", help="JSONL-файлы или папки с вакансиями (по умолчанию — наши, из пакета)."),
) -> None:
    """Замер скорости и памяти на воспроизводимом корпусе."""
    from cmlint.bench import render_text as render_bench, run_bench

    try:
        result = run_bench(postings=postings, jobs=jobs, paths=[str(p) for p in corpus], rounds=rounds)
    except (OSError, ValueError, KeyError) as error:
        raise fail(f"корпус для замера не прочитан: {error}") from None
    if output_format is ListFormat.json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        typer.echo(render_bench(result), nl=False)


@app.command(cls=RussianCommand)
def serve(
    host: str = typer.Option("127.0.0.1", "--host", metavar="АДРЕС", help="Адрес (0.0.0.0 — доступ с других компьютеров)."),
    port: int = typer.Option(8000, "--port", "-p", min=0, max=65535, metavar="ПОРТ", help="Порт."),
    workers: int = typer.Option(2, "--workers", "-w", min=1, max=64, metavar="N", help="Процессов-обработчиков вакансий."),
    time_budget: float | None = typer.Option(
        None, "--time-budget", min=0.1, metavar="СЕКУНДЫ",
        help="Сколько секунд может проверяться одна вакансия; дольше — отчёт с CM000 (по умолчанию из конфигурации, 10).",
    ),
    config_path: Path | None = typer.Option(None, "--config", metavar="ФАЙЛ", help="Файл конфигурации (иначе — встроенные настройки)."),
) -> None:
    """Запустить страницу для HR и API для сайтов вакансий (нужен cmlint[web])."""
    from cmlint.server.run import missing_packages, serve as run_server
    from cmlint.server.settings import ServerSettings

    missing = missing_packages()
    if missing:
        raise fail(f"для cmlint serve нужны пакеты {', '.join(missing)}: pip install 'cmlint[web]'")
    check_time_budget(time_budget)
    if config_path is not None:
        _config(config_path)  # a broken file stops here with exit 2, before any worker starts
    run_server(ServerSettings(host=host, port=port, workers=workers, time_budget=time_budget, config_path=config_path))
