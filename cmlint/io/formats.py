"""The input formats cmlint reads: the one list every reader, the CLI and the docs use."""

from __future__ import annotations

from dataclasses import dataclass

from cmlint.models import Format


@dataclass(frozen=True)
class InputFormat:
    """A kind of input file: its name (``--stdin-format``), suffixes and what it holds."""

    name: str
    suffixes: tuple[str, ...]
    #: The markup of the posting in a single-posting file; ``None`` for record files.
    markup: Format | None
    description: str

    @property
    def records(self) -> bool:
        """Whether the file holds many postings (records) rather than one."""
        return self.markup is None


INPUT_FORMATS: tuple[InputFormat, ...] = (
    InputFormat("txt", (".txt", ".text"), "plain", "одна вакансия, простой текст"),
    InputFormat("md", (".md", ".markdown"), "markdown", "одна вакансия в Markdown"),
    InputFormat("html", (".html", ".htm"), "html", "одна вакансия в HTML"),
    InputFormat("jsonl", (".jsonl", ".ndjson"), None, "по записи на строку"),
    InputFormat("json", (".json",), None, "объект, список или список под items/postings/vacancies/data"),
    InputFormat("csv", (".csv",), None, "таблица с заголовком; разделитель определяется"),
)
NAMES: tuple[str, ...] = tuple(f.name for f in INPUT_FORMATS)
_BY_SUFFIX = {suffix: f for f in INPUT_FORMATS for suffix in f.suffixes}
SUFFIXES: tuple[str, ...] = tuple(_BY_SUFFIX)


def by_suffix(suffix: str) -> InputFormat | None:
    """The format of a file with this suffix (any case), or ``None``."""
    return _BY_SUFFIX.get(suffix.lower())


def by_name(name: str) -> InputFormat:
    """The format called ``name`` (one of :data:`NAMES`)."""
    return next(f for f in INPUT_FORMATS if f.name == name)
