"""``cmlint check``: read the inputs, lint them, write the results, choose the exit code.

Exit codes: 0 — no findings (at or above ``--fail-on``), 1 — findings,
2 — usage, configuration, input or output errors (an unreadable file among
good ones still gives 2, after every other file has been reported),
130 — interrupted by Ctrl-C, 143 — stopped by SIGTERM (every finished
record is written either way).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cmlint import collector
from cmlint.cli.options import CheckOptions
from cmlint.cli.interrupt import held, interrupted
from cmlint.config import MAX_TIME_BUDGET, Config, ConfigError, load_config
from cmlint.io.output import OutputError, PipeClosed, check_target, open_output

if TYPE_CHECKING:  # the engine is imported when a check runs, so `cmlint --help` stays fast
    from cmlint.formatters import Formatter
    from cmlint.io.discovery import Discovery, Failure
    from cmlint.io.readers import Job
    from cmlint.linter import Linter


class UsageFailure(Exception):
    """A problem with how cmlint was called; exit code 2 with one line on stderr."""


def fail(message: str) -> typer.Exit:
    """Print ``cmlint: message`` on stderr; the exit to raise (code 2)."""
    typer.echo(f"cmlint: {message}", err=True)
    return typer.Exit(2)


def check_time_budget(seconds: float | None) -> None:
    """Refuse a ``--time-budget`` that is not a number of seconds above 0 and at most a day (NaN and infinity
    included) with a usage error."""
    if seconds is not None and not 0 < seconds <= MAX_TIME_BUDGET:
        raise fail(f"--time-budget: нужно число секунд больше 0 и не больше {MAX_TIME_BUDGET:g}, а не {seconds:g}")


def build_linter(options: CheckOptions) -> Linter:
    """The configured linter: the config file, then the flags; every problem is a :class:`UsageFailure`."""
    with held(), collector.paused(freeze=True):  # the modules, spaCy's among them, live as long as the process
        from cmlint.engine.specs import PackError
        from cmlint.linter import Linter, known_rules

    try:
        file_config = load_config(options.config)
        linter = Linter(file_config.override(options.overrides()))
        with collector.paused(freeze=True):  # the engine lives as long as the process too
            linter.prepare()
        file_config.check_selectors(known_rules(linter.engine))  # a typo in the file is an error even when a flag replaces it
        return linter
    except (ConfigError, PackError) as error:
        raise UsageFailure(str(error)) from None


def discovery(config: Config) -> Discovery:
    """The file-finding rules of this configuration (patterns anchored at the config file's folder)."""
    from cmlint.io.discovery import Discovery

    root = Path(config.base_dir) if config.base_dir else Path.cwd()
    return Discovery(exclude=config.exclusions(), respect_gitignore=config.respect_gitignore, root=root)


def check_output(options: CheckOptions, finder: Discovery) -> None:
    """Refuse an output that is unusable or would be read as an input (before anything is read)."""
    if options.output is None:
        return
    check_target(options.output)
    source = finder.would_read(options.output, options.paths or [])
    if source is not None:
        raise OutputError(
            f"{options.output}: вывод попал бы во входные файлы ({source}); "
            "запишите его в другое место или исключите (--extend-exclude)"
        )


def jobs_of(options: CheckOptions, targets: list[Path | str | Failure]) -> Iterator[Job]:
    """Every posting (or input failure) of every target, in order."""
    from cmlint.io.discovery import Failure
    from cmlint.io.readers import Job, read

    fields = options.fields()
    for target in targets:
        if isinstance(target, Failure):
            yield Job(target.argument, None, error=target.error)
        else:
            yield from read(target, fields, options.title, stdin_format=options.stdin_format)


def lint_all(linter: Linter, options: CheckOptions, targets: list[Path | str | Failure], formatter: Formatter) -> None:
    """Lint and write every job; on Ctrl-C or SIGTERM the document is closed over what was finished."""
    from cmlint import batch
    from cmlint.cli.progress import Progress

    meter = Progress(sum(1 for t in targets if isinstance(t, (Path, str))), enabled=options.progress)
    results = batch.run(linter, jobs_of(options, targets), options.jobs)
    formatter.start()
    try:
        for job, result in results:
            formatter.write(result, job.posting)
            meter.update(result.source, len(result.report.findings) if result.report else 0, result.error is not None)
    except KeyboardInterrupt:
        formatter.finish()  # the document closes over every finished record
        raise
    finally:
        results.close()  # stops the worker pool
        meter.close()
    formatter.finish()


def exit_code(formatter: Formatter, config: Config, options: CheckOptions) -> int:
    """2 for input errors; 1 for findings at or above ``fail-on`` (unless ``--exit-zero``); else 0."""
    stats = formatter.stats
    if stats.errors:
        return 2
    if options.exit_zero:
        return 0
    return 1 if any(severity.rank >= config.fail_on.rank for severity in stats.by_severity) else 0


def fix_files(linter: Linter, options: CheckOptions) -> None:
    """``--diff``: print the fixes and exit; ``--fix``: write them, then the check goes on."""
    from cmlint import fix_files

    assert options.paths
    targets = discovery(linter.config).files(options.paths)
    outcome = fix_files.run(targets, linter, options.title, options.stdin_format, write=not options.diff)
    fix_files.render(outcome, options.diff, sys.stdout, sys.stderr)
    code = outcome.exit_code(options.diff)
    if options.diff or code:
        raise typer.Exit(code)


def run_check(options: CheckOptions) -> None:
    """Проверить вакансии."""
    from cmlint.formatters import make_formatter

    if not options.paths:
        raise fail("укажите файлы, папки или - для чтения из stdin")
    if options.jobs < 1:
        raise fail(f"--jobs: нужно целое число от 1, а не {options.jobs}")
    check_time_budget(options.time_budget)
    try:
        linter = build_linter(options)
    except UsageFailure as error:
        raise fail(str(error)) from None
    if options.fix or options.diff:
        fix_files(linter, options)
    try:
        finder = discovery(linter.config)
        check_output(options, finder)
        targets = list(finder.files(options.paths))
        with open_output(options.output) as stream:
            color = options.color if options.color is not None else (options.output is None and stream.isatty())
            formatter = make_formatter(options.output_format, stream, color=color, rules=[r.spec for r in linter.rules])  # type: ignore[arg-type]
            lint_all(linter, options, targets, formatter)
    except KeyboardInterrupt as stop:
        raise typer.Exit(interrupted(stop, "всё, что успело провериться, записано")) from None
    except PipeClosed:
        raise
    except (UsageFailure, OutputError) as error:
        raise fail(str(error)) from None
    raise typer.Exit(exit_code(formatter, linter.config, options))
