"""``cmlint check``: read the inputs, lint them, write the results, choose the exit code.

Exit codes: 0 — no findings, 1 — findings, 2 — usage, configuration or
input errors (an unreadable file among good ones still gives 2, after every
other file has been reported), 130 — interrupted.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import typer

from cmlint.cli.options import CheckOptions
from cmlint.config import ConfigError, load_config

if TYPE_CHECKING:  # the engine is imported when a check runs, so `cmlint --help` stays fast
    from cmlint.formatters import Formatter
    from cmlint.io.readers import Job
    from cmlint.linter import Linter


class UsageFailure(Exception):
    """A problem with how cmlint was called; exit code 2 with one line on stderr."""


def fail(message: str) -> typer.Exit:
    """Print ``cmlint: message`` on stderr; the exit to raise (code 2)."""
    typer.echo(f"cmlint: {message}", err=True)
    return typer.Exit(2)


def build_linter(options: CheckOptions) -> Linter:
    """The configured linter: the config file, then the flags; every problem is a :class:`UsageFailure`."""
    from cmlint.engine.specs import PackError
    from cmlint.linter import Linter, known_rules

    try:
        file_config = load_config(options.config)
        linter = Linter(file_config.override(options.overrides())).prepare()
        file_config.check_selectors(known_rules(linter.engine))  # a typo in the file is an error even when a flag replaces it
        return linter
    except (ConfigError, PackError) as error:
        raise UsageFailure(str(error)) from None


def jobs_of(options: CheckOptions, targets: list[Path | str | Job]) -> Iterator[Job]:
    """Every posting (or input failure) of every target, in order."""
    from cmlint.io.readers import Job, read

    fields = options.fields()
    for target in targets:
        if isinstance(target, Job):
            yield target
        else:
            yield from read(target, fields, options.title, stdin_format=options.stdin_format)


def lint_all(linter: Linter, options: CheckOptions, targets: list[Path | str | Job], formatter: Formatter) -> None:
    """Lint and write every job; on Ctrl-C keep what was written and exit 130."""
    from cmlint import batch
    from cmlint.cli.progress import Progress
    from cmlint.io.readers import Job

    meter = Progress(sum(1 for t in targets if not isinstance(t, Job)), enabled=options.progress)
    results = batch.run(linter, jobs_of(options, targets), options.jobs)
    formatter.start()
    try:
        for job, result in results:
            formatter.write(result, job.posting)
            meter.update(result.source, len(result.report.findings) if result.report else 0, result.error is not None)
    except KeyboardInterrupt:
        results.close()  # stops the worker pool
        meter.close()
        formatter.stream.flush()
        typer.echo("cmlint: прервано; всё, что успело проверится, уже выведено", err=True)
        raise typer.Exit(130) from None
    finally:
        meter.close()
    formatter.finish()


def exit_code(formatter: Formatter, options: CheckOptions) -> int:
    """2 for input errors, 1 for findings (unless ``--exit-zero``), else 0."""
    stats = formatter.stats
    if stats.errors:
        return 2
    if stats.findings and not options.exit_zero:
        return 1
    return 0


def fix_files(linter: Linter, options: CheckOptions) -> None:
    """``--diff``: print the fixes and exit; ``--fix``: write them, then the check goes on."""
    from cmlint import fix_files

    assert options.paths
    outcome = fix_files.run(options.paths, linter, options.title, options.stdin_format, write=not options.diff)
    fix_files.render(outcome, options.diff, sys.stdout, sys.stderr)
    code = outcome.exit_code(options.diff)
    if options.diff or code:
        raise typer.Exit(code)


def run_check(options: CheckOptions) -> None:
    """Проверить вакансии."""
    from cmlint.formatters import make_formatter
    from cmlint.io.readers import expand

    if not options.paths:
        raise fail("укажите файлы, папки или - для чтения из stdin")
    if options.jobs < 1:
        raise fail(f"--jobs: нужно целое число от 1, а не {options.jobs}")
    try:
        linter = build_linter(options)
    except UsageFailure as error:
        raise fail(str(error)) from None
    if options.fix or options.diff:
        fix_files(linter, options)
    targets = list(expand(options.paths))
    stream: TextIO = options.output.open("w", encoding="utf-8") if options.output else sys.stdout
    color = options.color if options.color is not None else (options.output is None and sys.stdout.isatty())
    formatter = make_formatter(options.output_format, stream, color=color, rules=[r.spec for r in linter.rules])
    try:
        lint_all(linter, options, targets, formatter)
    finally:
        if options.output:
            stream.close()
    raise typer.Exit(exit_code(formatter, options))
