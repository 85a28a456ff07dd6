"""Reading postings from files, folders, globs and stdin.

Single-posting files: ``.txt`` ``.md`` ``.html`` (title = first line unless
given).  Record files hold many postings: ``.jsonl`` (one object a line),
``.json`` (an object, a list, or a list under ``items`` / ``postings`` /
``vacancies`` / ``data``) and ``.csv``.  Every problem becomes an error job
for that input (or that record) and reading goes on.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from collections.abc import Iterable, Iterator

from cmlint.io.formats import SUFFIXES, InputFormat, by_name, by_suffix
from cmlint.models import InputFailure, Posting
from cmlint.posting import FieldMap, PostingError, from_record, make_posting
from cmlint.text.decode import DecodeError, decode, utf16_encoding

#: A single posting file larger than this is not a posting.
MAX_POSTING_BYTES = 1_000_000
#: A record file larger than this is refused whole (JSON and CSV are read at once).
MAX_RECORD_FILE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class Job:
    """One unit of work: a posting to lint, or an input failure to report."""

    source: str
    record: int | None
    posting: Posting | None = None
    error: InputFailure | None = None


def read(target: Path | str, fields: FieldMap, title: str | None = None, stdin_format: str = "txt") -> Iterator[Job]:
    """Jobs for one file (or stdin when ``target`` is ``"-"``, in ``stdin_format``)."""
    if target == "-":
        yield from _read_stream("-", sys.stdin.buffer, by_name(stdin_format), fields, title)
        return
    assert isinstance(target, Path)
    source = str(target)
    kind = by_suffix(target.suffix)
    if kind is None:
        yield Job(source, None, error=InputFailure(kind="unsupported", message=f"неподдерживаемое расширение {target.suffix or '(нет)'}; поддерживаются {', '.join(SUFFIXES)}"))
        return
    try:
        size = target.stat().st_size
        limit = MAX_RECORD_FILE_BYTES if kind.records else MAX_POSTING_BYTES
        if size > limit and kind.name != "jsonl":
            yield Job(source, None, error=InputFailure(kind="too-large", message=f"файл слишком большой: {size} байт, предел {limit}"))
            return
        with target.open("rb") as handle:
            yield from _read_stream(source, handle, kind, fields, title)
    except OSError as error:
        yield Job(source, None, error=InputFailure(kind="unreadable", message=f"не удалось прочитать: {error.strerror or error}"))


def _read_stream(source: str, handle: BinaryIO, kind: InputFormat, fields: FieldMap, title: str | None) -> Iterator[Job]:
    if kind.name == "jsonl":
        yield from _jsonl(source, handle, fields, title)
        return
    data = handle.read(MAX_RECORD_FILE_BYTES + 1)
    if not kind.records and len(data) > MAX_POSTING_BYTES:
        yield Job(source, None, error=InputFailure(kind="too-large", message=f"вакансия длиннее {MAX_POSTING_BYTES} байт"))
        return
    try:
        text, _ = decode(data)
    except DecodeError as error:
        yield Job(source, None, error=InputFailure(kind="decode", message=str(error)))
        return
    if kind.name == "json":
        yield from _json(source, text, fields, title)
    elif kind.name == "csv":
        yield from _csv(source, text, fields, title)
    else:
        yield _single(source, text, kind, title)


def _single(source: str, text: str, kind: InputFormat, title: str | None) -> Job:
    if not text.strip():
        return Job(source, None, error=InputFailure(kind="empty", message="пустой файл: нет текста вакансии"))
    try:
        return Job(source, None, posting=make_posting(text, title, source, kind.markup))
    except PostingError as error:
        return Job(source, None, error=error.failure)


def _jsonl(source: str, handle: BinaryIO, fields: FieldMap, title: str | None) -> Iterator[Job]:
    head = handle.read(65536)
    lines: Iterable[bytes | str]
    if utf16_encoding(head):
        try:
            text, _ = decode(head + handle.read())
        except DecodeError as error:
            yield Job(source, None, error=InputFailure(kind="decode", message=str(error)))
            return
        lines = text.splitlines()
    else:
        lines = _binary_lines(head, handle)
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                line, _ = decode(raw.rstrip(b"\r\n")) if raw.strip() else ("", "")
            except DecodeError as error:
                yield Job(source, number, error=InputFailure(kind="decode", message=str(error)))
                continue
        else:
            line = raw
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Job(source, number, error=InputFailure(kind="malformed", message=f"не JSON: {error.msg} (символ {error.pos + 1})"))
            continue
        yield _record(source, number, record, fields, title)


def _binary_lines(head: bytes, handle: BinaryIO) -> Iterator[bytes]:
    stream = io.BufferedReader(_Prepend(head, handle)) if head else handle
    for line in stream:
        yield line.lstrip(b"\xef\xbb\xbf") if line.startswith(b"\xef\xbb\xbf") else line


class _Prepend(io.RawIOBase):
    """A raw stream that first returns ``head`` and then the rest of ``handle``."""

    def __init__(self, head: bytes, handle: BinaryIO) -> None:
        self._head = head
        self._handle = handle

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        chunk = self._handle.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _json(source: str, text: str, fields: FieldMap, title: str | None) -> Iterator[Job]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield Job(source, None, error=InputFailure(kind="malformed", message=f"не JSON: {error.msg} (строка {error.lineno}, столбец {error.colno})"))
        return
    if isinstance(data, dict):
        for key in ("items", "postings", "vacancies", "data"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, dict):
        yield _record(source, None, data, fields, title)
    elif isinstance(data, list):
        if not data:
            yield Job(source, None, error=InputFailure(kind="empty", message="пустой список вакансий"))
        for number, record in enumerate(data, start=1):
            yield _record(source, number, record, fields, title)
    else:
        yield Job(source, None, error=InputFailure(kind="malformed", message="ожидался объект или список объектов"))


def _csv(source: str, text: str, fields: FieldMap, title: str | None) -> Iterator[Job]:
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    if not reader.fieldnames:
        yield Job(source, None, error=InputFailure(kind="empty", message="пустой CSV: нет строки заголовков"))
        return
    if fields.key(fields.text, {name: "" for name in reader.fieldnames}) is None:
        yield Job(source, None, error=InputFailure(kind="malformed", message=f"в CSV нет столбца с текстом ({', '.join(fields.text)}); есть: {', '.join(reader.fieldnames)}"))
        return
    try:
        for number, row in enumerate(reader, start=2):
            yield _record(source, number, row, fields, title)
    except csv.Error as error:
        yield Job(source, reader.line_num, error=InputFailure(kind="malformed", message=f"ошибка CSV: {error}"))


def _record(source: str, number: int | None, record: Any, fields: FieldMap, title: str | None) -> Job:
    if not isinstance(record, dict):
        return Job(source, number, error=InputFailure(kind="malformed", message=f"запись должна быть объектом, а не {type(record).__name__}"))
    default_id = f"{source}:{number}" if number is not None else source
    try:
        posting = from_record(record, fields, default_id=default_id, title=title)
    except PostingError as error:
        return Job(source, number, error=error.failure)
    if not posting.text.strip():
        return Job(source, number, error=InputFailure(kind="empty", message="текст вакансии пустой"))
    return Job(source, number, posting=posting)
