"""typer's own words in Russian: the help page frame, built-in options and usage errors.

typer (0.29) ships its own copy of click whose strings are plain English
literals, not gettext messages, so no catalog can translate them.  cmlint's
commands therefore use :class:`RussianGroup` / :class:`RussianCommand`: their
help pages go through :class:`RussianFormatter` («Использование», «Параметры»,
the help and completion options' texts), and the group shows usage errors
itself, in Russian, with click's exit code 2; an interrupted command ends
with one line (:mod:`cmlint.cli.interrupt`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
from typer._click.core import Context
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer._click.core import Parameter
from typer._click.formatting import HelpFormatter
from typer._completion_shared import _get_shell_name, install
from typer.core import TyperCommand, TyperGroup

from cmlint.cli.interrupt import interrupted
from cmlint.io.output import PipeClosed
from cmlint.russian import count
from cmlint.text.printable import printable

#: Section headings typer writes (it asks gettext, which has no Russian catalog for them).
_SECTIONS = {"Options": "Параметры", "Arguments": "Аргументы", "Commands": "Команды"}

#: Help texts of the options typer adds by itself.
_HELP = {
    "Show this message and exit.": "Показать эту справку и выйти.",
    "Install completion for the current shell.": "Установить автодополнение для текущей оболочки.",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "Показать скрипт автодополнения для текущей оболочки (чтобы скопировать или настроить установку)."
    ),
}

#: The bracketed tail typer adds to an option's help: «[default: 2; x>=1]», «[required]».
_TAIL = re.compile(r"\s*\[(?P<items>[^\[\]]*)\]$")
_DEFAULT = re.compile(r"^default: (?P<value>.*)$")
_RANGE = re.compile(r"^(?:(?P<low>[\d.]+)<=)?x(?:(?P<op>>=|<=)(?P<bound>[\d.]+))?$")
#: typer's type label after an argument's name: «ПУТЬ... <list[str]>».
_TYPE_LABEL = re.compile(r"\s+<[^<>]*>$")


class RussianFormatter(HelpFormatter):
    """click's help formatter with typer's frame words in Russian."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Использование: " if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(_SECTIONS.get(name, name)):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(_TYPE_LABEL.sub("", term), _help(text)) for term, text in rows], col_max, col_spacing)


def _help(text: str) -> str:
    """An option's help with typer's own sentences and bracketed notes in Russian."""
    tail = _TAIL.search(text)
    notes = ""
    if tail:
        text = text[: tail.start()]
        notes = "  [" + "; ".join(_note(item.strip()) for item in tail["items"].split(";")) + "]"
    return _HELP.get(text, text) + notes if text else notes.strip()


def _note(item: str) -> str:
    default = _DEFAULT.match(item)
    if default:
        return f"по умолчанию: {default['value']}"
    if item == "required":
        return "обязательно"
    bounds = _RANGE.match(item)
    if bounds and (bounds["low"] or bounds["bound"]):
        parts = [f"от {_decimal(bounds['low'])}"] if bounds["low"] else []
        if bounds["bound"]:
            parts.append(f"{'от' if bounds['op'] == '>=' else 'до'} {_decimal(bounds['bound'])}")
        return " ".join(parts)
    return item


def _decimal(value: str) -> str:
    return value.replace(".", ",")


class RussianContext(typer.Context):
    """A context whose help pages use :class:`RussianFormatter`."""

    formatter_class = RussianFormatter


class RussianCommand(TyperCommand):
    """A typer command with a Russian help page."""

    context_class = RussianContext


class RussianGroup(TyperGroup):
    """The typer group of cmlint: a Russian help page, usage errors shown in Russian."""

    context_class = RussianContext

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        for param in self.params:
            if param.name == "install_completion":
                param.callback = install_completion
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            result = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except ClickException as error:
            _exit(error)
        except typer.Abort:
            typer.echo("Прервано.", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)

    def make_context(
        self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any
    ) -> Context:
        """Read the arguments; Ctrl-C or SIGTERM meanwhile ends the run with one line and 130 or 143, as in
        :meth:`invoke` (typer would turn either into a silent 130)."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except KeyboardInterrupt as stop:
            raise typer.Exit(interrupted(stop)) from None

    def invoke(self, ctx: Context) -> Any:
        """Run the command; Ctrl-C or SIGTERM ends it with one line, a closed stdout quietly."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as stop:
            raise typer.Exit(interrupted(stop)) from None
        except BrokenPipeError:
            raise PipeClosed("stdout") from None


#: The shells typer can install completion for.
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def install_completion(ctx: Context, param: Parameter, value: Any) -> Any:
    """``--install-completion [SHELL]``: typer's installer, with its messages in Russian."""
    if not value or ctx.resilient_parsing:
        return value
    shell = value if isinstance(value, str) else _get_shell_name()
    if shell not in SHELLS:
        what = f"оболочка {printable(shell)} не поддерживается" if shell else "не удалось определить оболочку"
        typer.echo(f"Ошибка: {what}; поддерживаются: {', '.join(SHELLS)}.", err=True)
        sys.exit(2)
    shell, path = install(shell=shell)
    typer.echo(f"Автодополнение для {shell} установлено в {path}; оно заработает в новом окне терминала.")
    sys.exit(0)


def _exit(error: ClickException) -> NoReturn:
    """Show a usage (or other click) error in Russian on stderr and exit with its code."""
    if isinstance(error, NoArgsIsHelpError):
        error.show()
        sys.exit(error.exit_code)
    lines = []
    context = error.ctx if isinstance(error, UsageError) else None
    if context is not None:
        lines.append(context.get_usage())
        if context.command.get_help_option(context) is not None:
            lines.append(f"Справка: {context.command_path} {context.help_option_names[0]}")
        lines.append("")
    lines.append(f"Ошибка: {message(error)}")
    typer.echo("\n".join(lines), err=True)
    sys.exit(error.exit_code)


def message(error: ClickException) -> str:
    """What went wrong, in Russian (a message typer has no translation for stays as it is)."""
    if isinstance(error, NoSuchOption):
        text = f"нет параметра {printable(error.option_name)}"
        if error.possibilities:
            text += f" (может быть, {', '.join(sorted(error.possibilities))}?)"
        return text
    if isinstance(error, MissingParameter):
        kind = "аргумент" if error.param is not None and error.param.param_type_name == "argument" else "параметр"
        return f"не указан {kind} {_hint(error)}".rstrip()
    if isinstance(error, BadParameter):
        return f"недопустимое значение {_hint(error)}: {_detail(error)}"
    if isinstance(error, BadOptionUsage):
        return _option_usage(error)
    return _usage(error.message)


def _hint(error: BadParameter) -> str:
    hint = error.param_hint if error.param_hint is not None else error.param.get_error_hint() if error.param else ""
    if isinstance(hint, str):
        return printable(hint)
    return " / ".join(repr(printable(item)) for item in hint)


#: pydantic's error types behind typer's conversions, in Russian.
_CONVERSIONS: dict[str, Callable[[dict[str, Any]], str]] = {
    "int_parsing": lambda ctx: "нужно целое число",
    "int_from_float": lambda ctx: "нужно целое число",
    "float_parsing": lambda ctx: "нужно число",
    "bool_parsing": lambda ctx: "нужно да или нет (true/false)",
    "greater_than_equal": lambda ctx: f"нужно не меньше {ctx['ge']}",
    "greater_than": lambda ctx: f"нужно больше {ctx['gt']}",
    "less_than_equal": lambda ctx: f"нужно не больше {ctx['le']}",
    "less_than": lambda ctx: f"нужно меньше {ctx['lt']}",
}
_CHOICE = re.compile(r"^(?:Value error, )?(?P<value>.+) is not one of (?P<choices>.+)\.$", re.S)


def _detail(error: BadParameter) -> str:
    """Why the value is wrong: typer's conversions fail with a pydantic error behind them."""
    cause = error.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        first = errors()[0]
        convert = _CONVERSIONS.get(first["type"])
        if convert is not None:
            return f"{convert(first.get('ctx', {}))}, получено {printable(repr(first['input']))}"
    choice = _CHOICE.match(error.message)
    if choice:
        return f"{printable(choice['value'])} — нет такого варианта; можно: {choice['choices']}"
    return printable(error.message)


_REQUIRES = re.compile(r"^Option (?P<name>'.*') requires (?:an argument|(?P<n>\d+) arguments)\.$", re.S)
_NO_VALUE = re.compile(r"^Option (?P<name>'.*') does not take a value\.$", re.S)


def _option_usage(error: BadOptionUsage) -> str:
    requires = _REQUIRES.match(error.message)
    if requires:
        needed = int(requires["n"] or 1)
        what = "значение" if needed == 1 else count(needed, "значение", "значения", "значений")
        return f"параметру {printable(requires['name'])} нужно {what}"
    if _NO_VALUE.match(error.message):
        return f"параметр {printable(repr(error.option_name))} не принимает значения"
    return printable(error.message)


_EXTRA = re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$", re.S)
_NO_COMMAND = re.compile(r"^No such command (?P<name>'.*?')(?:\.|\. Did you mean (?P<close>.*)\?)$", re.S)


def _usage(text: str) -> str:
    extra = _EXTRA.match(text)
    if extra:
        return f"лишние аргументы: {printable(extra['args'])}"
    if text == "Missing command.":
        return "не указана команда"
    command = _NO_COMMAND.match(text)
    if command:
        close = f"; может быть, {command['close']}?" if command["close"] else ""
        return f"нет команды {printable(command['name'])}{close}"
    return printable(text)
