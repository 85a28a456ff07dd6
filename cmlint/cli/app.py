"""The command line: ``cmlint check | rules | explain | evaluate | bench``.

Exit codes of ``check``: 0 — no findings, 1 — findings, 2 — usage, config
or input errors (an unreadable file among good ones still gives 2, after
every other file has been reported).
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from collections.abc import Iterator

import typer

from cmlint.config import Config, ConfigError, load_config
from cmlint.engine.specs import PackError

app = typer.Typer(
    name="cmlint",
    help="Линтер вакансий на русском: путаница ролей (комьюнити-менеджер, который на деле продаёт), юридические и стилистические проблемы.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    html = "html"


class ListFormat(str, Enum):
    text = "text"
    json = "json"


class RulesFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


class StdinFormat(str, Enum):
    txt = "txt"
    md = "md"
    html = "html"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class MinSeverity(str, Enum):
    error = "error"
    warning = "warning"
    suggestion = "suggestion"


def _fail(message: str) -> typer.Exit:
    typer.echo(f"cmlint: {message}", err=True)
    return typer.Exit(2)


def _split(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _config(path: Path | None) -> Config:
    try:
        return load_config(path)
    except ConfigError as error:
        raise _fail(str(error)) from None


@app.command()
def check(
    paths: list[str] = typer.Argument(None, help="Файлы, папки, шаблоны (*.md) или - для stdin."),
    title: str | None = typer.Option(None, "--title", "-t", help="Название вакансии (иначе — первая строка или поле title)."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="Формат вывода."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Записать вывод в файл."),
    select: list[str] | None = typer.Option(None, "--select", help="Включить только эти коды или префиксы (через запятую)."),
    ignore: list[str] | None = typer.Option(None, "--ignore", help="Отключить коды или префиксы."),
    extend_select: list[str] | None = typer.Option(None, "--extend-select", help="Добавить коды к выбранным."),
    min_severity: MinSeverity | None = typer.Option(None, "--min-severity", help="Не показывать замечания ниже этой важности."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Код 0 даже при замечаниях (ошибки ввода — всё равно 2)."),
    config_path: Path | None = typer.Option(None, "--config", help="Файл конфигурации (cmlint.toml или pyproject.toml)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Число процессов."),
    title_field: list[str] | None = typer.Option(None, "--title-field", help="Поле записи с названием (JSON/JSONL/CSV)."),
    text_field: list[str] | None = typer.Option(None, "--text-field", help="Поле записи с текстом."),
    id_field: list[str] | None = typer.Option(None, "--id-field", help="Поле записи с идентификатором."),
    stdin_format: StdinFormat = typer.Option(StdinFormat.txt, "--stdin-format", help="Формат данных из stdin."),
    progress: bool | None = typer.Option(None, "--progress/--no-progress", help="Полоса прогресса (по умолчанию — если stderr терминал)."),
    color: bool | None = typer.Option(None, "--color/--no-color", help="Цвет в текстовом выводе (по умолчанию — если вывод в терминал)."),
    fix: bool = typer.Option(False, "--fix", help="Внести исправления в файлы с одной вакансией (.txt, .md, .html), затем проверить."),
    diff: bool = typer.Option(False, "--diff", help="Показать исправления как diff, не меняя файлы; код 1, если есть что исправить."),
) -> None:
    """Проверить вакансии."""
    from cmlint import batch
    from cmlint.cli.progress import Progress
    from cmlint.formatters import make_formatter
    from cmlint.io.readers import FieldMap, Job, expand, read
    from cmlint.linter import Linter
    from cmlint.models import Severity

    if not paths:
        raise _fail("укажите файлы, папки или - для чтения из stdin")
    config = _config(config_path)
    updates: dict[str, object] = {}
    if select:
        # An explicit --select is the whole selection: the file's select and ignore give way.
        updates["select"] = [c.upper() for c in _split(select)]
        updates["ignore"] = []
    if ignore:
        updates["ignore"] = [*updates.get("ignore", config.ignore), *(c.upper() for c in _split(ignore))]  # type: ignore[misc]
    if extend_select:
        updates["extend_select"] = config.extend_select + [c.upper() for c in _split(extend_select)]
    if min_severity is not None:
        updates["min_severity"] = Severity(min_severity.value)
    config = config.model_copy(update=updates)
    try:
        linter = Linter(config).prepare()
    except (PackError, ConfigError) as error:
        raise _fail(str(error)) from None

    if fix or diff:
        from cmlint import fix_files

        outcome = fix_files.run(paths, linter, title, f".{stdin_format.value}", write=not diff)
        fix_files.render(outcome, diff, sys.stdout, sys.stderr)
        if diff or outcome.exit_code(diff):
            raise typer.Exit(outcome.exit_code(diff))

    fields = FieldMap()
    if title_field:
        fields.title = _split(title_field)
    if text_field:
        fields.text = _split(text_field)
    if id_field:
        fields.id = _split(id_field)

    targets = list(expand(paths))
    file_count = sum(1 for t in targets if not isinstance(t, Job))

    def jobs_of() -> Iterator[Job]:
        for target in targets:
            if isinstance(target, Job):
                yield target
            else:
                yield from read(target, fields, title, stdin_suffix=f".{stdin_format.value}")

    stream = output.open("w", encoding="utf-8") if output else sys.stdout
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    formatter = make_formatter(output_format.value, stream, color=use_color, rules=[r.spec for r in linter.rules])
    meter = Progress(file_count, enabled=progress)
    formatter.start()
    results = batch.run(linter, jobs_of(), jobs)
    try:
        for job, result in results:
            formatter.write(result, job.posting)
            meter.update(result.source, len(result.report.findings) if result.report else 0, result.error is not None)
    except KeyboardInterrupt:
        results.close()  # stops the worker pool
        meter.close()
        stream.flush()
        typer.echo("cmlint: прервано; всё, что успело проверится, уже выведено", err=True)
        raise typer.Exit(130) from None
    finally:
        meter.close()
    formatter.finish()
    if output:
        stream.close()
    stats = formatter.stats
    if stats.errors:
        raise typer.Exit(2)
    if stats.findings and not exit_zero:
        raise typer.Exit(1)


@app.command()
def rules(
    output_format: RulesFormat = typer.Option(RulesFormat.text, "--format", "-f"),
    config_path: Path | None = typer.Option(None, "--config"),
) -> None:
    """Список правил: код, имя, важность, описание (markdown — полный справочник)."""
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


@app.command()
def explain(
    code: str = typer.Argument(..., help="Код или имя правила, например CM001 или role-confusion."),
    config_path: Path | None = typer.Option(None, "--config"),
) -> None:
    """Подробное объяснение правила с примерами."""
    from cmlint.docs import render_explanation

    wanted = code.strip()
    for spec in _specs(config_path):
        if spec.code == wanted.upper() or spec.name == wanted.lower():
            typer.echo(render_explanation(spec))
            return
    raise _fail(f"нет правила {code!r}; список правил: cmlint rules")


def _specs(config_path: Path | None) -> list:
    from cmlint.engine.ruleset import load_packs

    config = _config(config_path)
    try:
        specs = [spec for _, pack in load_packs(config.extend_rules, config.base_dir) for spec in pack.rules]
    except PackError as error:
        raise _fail(str(error)) from None
    return sorted(specs, key=lambda s: s.code)


@app.command()
def evaluate(
    corpus: list[Path] = typer.Argument(..., help="JSONL-файлы или папки с размеченными вакансиями."),
    output_format: ListFormat = typer.Option(ListFormat.text, "--format", "-f"),
    retitle: str = typer.Option("Комьюнити-менеджер", "--retitle", help="Название для проверки чужих вакансий."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1),
    config_path: Path | None = typer.Option(None, "--config"),
) -> None:
    """Точность CM001 и подсказок названий на размеченном корпусе."""
    from cmlint.evaluate import CorpusError, evaluate as run_evaluation, read_corpus, render_text
    from cmlint.linter import Linter

    try:
        records = read_corpus(corpus)
    except CorpusError as error:
        raise _fail(str(error)) from None
    if not records:
        raise _fail("в корпусе нет записей")
    try:
        linter = Linter(_config(config_path)).prepare()
    except PackError as error:
        raise _fail(str(error)) from None
    result = run_evaluation(records, linter, retitle=retitle, jobs=jobs)
    if output_format is ListFormat.json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        typer.echo(render_text(result), nl=False)


@app.command()
def bench(
    postings: int = typer.Option(2000, "--postings", "-n", min=10, help="Сколько вакансий прогнать."),
    jobs: int = typer.Option(2, "--jobs", "-j", min=1, help="Число процессов для параллельного замера."),
    output_format: ListFormat = typer.Option(ListFormat.text, "--format", "-f"),
) -> None:
    """Замер скорости и памяти на воспроизводимом корпусе."""
    from cmlint.bench import render_text as render_bench, run_bench

    result = run_bench(postings=postings, jobs=jobs)
    if output_format is ListFormat.json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        typer.echo(render_bench(result), nl=False)


def _skip_spacy_cli() -> None:
    """Let ``import spacy`` skip spaCy's own command line in this process.

    ``import spacy`` imports ``spacy.cli`` (weasel, httpx, jinja2 …) only to
    export ``spacy.info``; that is a fifth of cmlint's start-up.  The cmlint
    command never uses spaCy's CLI, so before spaCy is imported it gets an
    empty ``spacy.cli`` package.  Any failure falls back to a normal import.
    """
    if "spacy" in sys.modules:
        return
    import importlib.util
    import os
    import types

    try:
        spec = importlib.util.find_spec("spacy")
        if spec is None or not spec.submodule_search_locations:
            return
        package = types.ModuleType("spacy.cli")
        package.__path__ = [os.path.join(location, "cli") for location in spec.submodule_search_locations]
        info = types.ModuleType("spacy.cli.info")

        def unavailable(*args: object, **kwargs: object) -> None:
            raise RuntimeError("spacy.info недоступен внутри команды cmlint")

        info.info = unavailable  # type: ignore[attr-defined]
        sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = package, info
        import spacy  # noqa: F401
    except Exception:
        for name in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
            del sys.modules[name]


def main() -> None:
    """Console entry point.

    Exits with ``os._exit`` after flushing the output: tearing down spaCy's
    vocabulary and the analyzer caches at interpreter shutdown costs a fifth
    of a second that a one-file ``cmlint check`` would otherwise pay.
    """
    import os

    _skip_spacy_cli()
    try:
        app()
        code = 0
    except SystemExit as exit:
        if isinstance(exit.code, str):
            sys.stderr.write(exit.code + "\n")
            code = 1
        else:
            code = exit.code or 0
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
