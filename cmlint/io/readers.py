"""Reading postings from files and stdin, streaming, in bounded memory.

Single-posting files: ``.txt`` ``.md`` ``.html`` (title = first line unless
given).  Record files hold many postings: ``.jsonl`` (one object a line,
read line by line), ``.json`` (an object, a list, or a list under ``items``
/ ``postings`` / ``vacancies`` / ``data``) and ``.csv`` (read row by row).
Every problem — an undecodable line, JSON nested too deep, a field over the
size limit, anything unexpected — becomes an error job for that input (or
that record) and reading goes on.  Memory is bounded by the limits below,
never by the size of the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from cmlint.io import json_values
from cmlint.io.formats import SUFFIXES, InputFormat, by_name, by_suffix
from cmlint.models import InputFailure, Posting
from cmlint.posting import FieldMap, PostingError, from_record, make_posting
from cmlint.text.decode import DecodeError, decode, utf16_encoding

#: A single posting file larger than this is not a posting.
MAX_POSTING_BYTES = 1_000_000
#: A ``.json`` document is parsed whole; larger ones must be JSONL.
MAX_JSON_BYTES = 64 * 1024 * 1024
#: One JSONL line or CSV record longer than this is refused (and skipped without reading it whole).
MAX_LINE_BYTES = 4 * 1024 * 1024
_CHUNK = 64 * 1024

csv.field_size_limit(MAX_LINE_BYTES)


@dataclass(frozen=True)
class Job:
    """One unit of work: a posting to lint, or an input failure to report.

    ``record`` numbers a record inside its file (the line of JSONL and CSV,
    the position in a JSON list); ``line`` is the line it starts on, when known.
    """

    source: str
    record: int | None
    posting: Posting | None = None
    error: InputFailure | None = None
    line: int | None = None


def _failure(source: str, record: int | None, kind: str, message: str, line: int | None = None) -> Job:
    return Job(source, record, error=InputFailure(kind=kind, message=message), line=line)  # type: ignore[arg-type]


def read(target: Path | str, fields: FieldMap, title: str | None = None, stdin_format: str = "txt") -> Iterator[Job]:
    """Jobs for one file (or stdin when ``target`` is ``"-"``, in ``stdin_format``); never raises."""
    source = str(target)
    record: int | None = None
    try:
        if target == "-":
            stdin = sys.stdin.buffer if sys.stdin is not None else None
            if stdin is None:
                yield _failure("-", None, "unreadable", "стандартный ввод закрыт")
                return
            jobs = _read_stream("-", stdin, by_name(stdin_format), fields, title)
        else:
            assert isinstance(target, Path)
            jobs = _read_file(target, fields, title)
        for job in jobs:
            record = job.record
            yield job
    except OSError as error:
        yield _failure(source, record, "unreadable", f"не удалось прочитать: {error.strerror or error}")
    except Exception as error:  # a reader bug must cost one file, not the batch
        yield _failure(source, record, "unreadable", f"не удалось прочитать: {type(error).__name__}: {error}")


def _read_file(target: Path, fields: FieldMap, title: str | None) -> Iterator[Job]:
    source = str(target)
    kind = by_suffix(target.suffix)
    if kind is None:
        yield _failure(source, None, "unsupported", f"неподдерживаемое расширение {target.suffix or '(нет)'}; поддерживаются {', '.join(SUFFIXES)}")
        return
    if not target.is_file():
        yield _failure(source, None, "unreadable", "это не обычный файл")
        return
    with target.open("rb") as handle:
        yield from _read_stream(source, handle, kind, fields, title)


def _read_stream(source: str, handle: BinaryIO, kind: InputFormat, fields: FieldMap, title: str | None) -> Iterator[Job]:
    if kind.name == "jsonl":
        yield from _jsonl(source, handle, fields, title)
        return
    if kind.name == "csv":
        yield from _csv(source, handle, fields, title)
        return
    limit = MAX_JSON_BYTES if kind.name == "json" else MAX_POSTING_BYTES
    data = _read_at_most(handle, limit + 1)
    if len(data) > limit:
        what = "JSON-документ" if kind.name == "json" else "вакансия"
        hint = "; большие наборы записей храните в JSONL" if kind.name == "json" else ""
        yield _failure(source, None, "too-large", f"{what} длиннее {limit} байт{hint}")
        return
    try:
        text, _ = decode(data)
    except DecodeError as error:
        yield _failure(source, None, "decode", str(error))
        return
    if kind.name == "json":
        yield from _json(source, text, fields, title)
    else:
        yield _single(source, text, kind, title)


def _read_at_most(handle: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes, read in chunks (no buffer of ``size`` allocated up front)."""
    parts: list[bytes] = []
    total = 0
    while total < size:
        chunk = handle.read(min(_CHUNK, size - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


def _single(source: str, text: str, kind: InputFormat, title: str | None) -> Job:
    if not text.strip():
        return _failure(source, None, "empty", "пустой файл: нет текста вакансии")
    try:
        return Job(source, None, posting=make_posting(text, title, source, kind.markup))
    except PostingError as error:
        return Job(source, None, error=error.failure)


def _jsonl(source: str, handle: BinaryIO, fields: FieldMap, title: str | None) -> Iterator[Job]:
    buffered = io.BufferedReader(_Prepend(handle.read(_CHUNK), handle), buffer_size=_CHUNK)
    encoding = utf16_encoding(buffered.peek(4096))
    count = 0
    for number, line, problem in (_text_lines(buffered, encoding) if encoding else _byte_lines(buffered)):
        if problem is not None:
            count += 1
            yield Job(source, number, error=problem, line=number)
            continue
        if not line.strip():
            continue
        count += 1
        try:
            record = json_values.loads(line)
        except json.JSONDecodeError as error:
            yield _failure(source, number, "malformed", f"не JSON: {error.msg} (символ {error.pos + 1})", number)
            continue
        except json_values.NumberError as error:
            yield _failure(source, number, "malformed", f"строка не прочитана: {error}", number)
            continue
        except RecursionError:
            yield _failure(source, number, "malformed", "JSON вложен слишком глубоко", number)
            continue
        yield _record(source, number, record, fields, title, number)
    if count == 0:
        yield _failure(source, None, "empty", "в файле нет ни одной записи")


Line = tuple[int, str, InputFailure | None]


def _too_long() -> InputFailure:
    return InputFailure(kind="too-large", message=f"строка длиннее {MAX_LINE_BYTES} байт")


def _byte_lines(stream: io.BufferedReader) -> Iterator[Line]:
    """(line number, decoded line, problem) for each line of a byte stream; long lines skipped unread.

    Each line is decoded on its own (a cp1251 export reads as cp1251), but once a line has read as UTF-8 with
    letters beyond ASCII, a later line that is not UTF-8 is an error, not a line of mojibake: its bytes are
    broken, or the file was glued from files in different encodings."""
    number = 0
    utf8 = False
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, "", _too_long()
            continue
        raw = raw.rstrip(b"\r\n")
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        if not raw.strip():
            yield number, "", None
            continue
        try:
            line, encoding = decode(raw)
        except DecodeError as error:
            yield number, "", InputFailure(kind="decode", message=str(error))
            continue
        if encoding.startswith("utf-8"):
            utf8 = utf8 or not raw.isascii()
        elif utf8 and encoding in ("cp1251", "koi8-r"):
            yield number, "", InputFailure(kind="decode", message="строка не в UTF-8, как строки до неё: байты испорчены или файл склеен из разных кодировок")
            continue
        if not line:  # bytes that decode to nothing (a lone byte-order mark) are no blank line
            yield number, "", InputFailure(kind="decode", message="строка не читается как текст")
            continue
        yield number, line, None


def _text_lines(stream: io.BufferedReader, encoding: str) -> Iterator[Line]:
    """Lines of a UTF-16 stream, decoded incrementally; split on ``\\n`` only (U+2028 and U+0085 stay inside).

    Broken UTF-16 ends the file with one error: nothing after it can be trusted.
    """
    text = io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline="\n")
    number = 0
    limit = MAX_LINE_BYTES // 2
    try:
        while True:
            line = text.readline(limit + 1)
            if not line:
                return
            number += 1
            if len(line) > limit and not line.endswith("\n"):
                while (rest := text.readline(_CHUNK)) and not rest.endswith("\n"):
                    pass
                yield number, "", _too_long()
                continue
            yield number, line.lstrip("\ufeff").rstrip("\r\n"), None
    except UnicodeDecodeError as error:
        yield number + 1, "", InputFailure(kind="decode", message=f"повреждённый текст в кодировке {encoding} после строки {number}: {error.reason}")


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
        data = json_values.loads(text)
    except json.JSONDecodeError as error:
        yield _failure(source, None, "malformed", f"не JSON: {error.msg} (строка {error.lineno}, столбец {error.colno})")
        return
    except json_values.NumberError as error:
        yield _failure(source, None, "malformed", f"файл не прочитан: {error}")
        return
    except RecursionError:
        yield _failure(source, None, "malformed", "JSON вложен слишком глубоко")
        return
    lines: list[int | None] = _element_lines(text) if isinstance(data, list) else []
    if isinstance(data, dict):
        for key in ("items", "postings", "vacancies", "data"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, dict):
        yield _record(source, None, data, fields, title, 1)
    elif isinstance(data, list):
        if not data:
            yield _failure(source, None, "empty", "пустой список вакансий")
        for number, record in enumerate(data, start=1):
            yield _record(source, number, record, fields, title, lines[number - 1] if number <= len(lines) else None)
    else:
        yield _failure(source, None, "malformed", "ожидался объект или список объектов")


def _element_lines(text: str) -> list[int | None]:
    """The line each element of a top-level JSON list starts on (for annotations and SARIF)."""
    decoder = json.JSONDecoder()
    index = text.index("[") + 1
    line = 1 + text.count("\n", 0, index)
    lines: list[int | None] = []
    length = len(text)
    while index < length:
        while index < length and text[index] in " \t\r\n,":
            if text[index] == "\n":
                line += 1
            index += 1
        if index >= length or text[index] == "]":
            break
        lines.append(line)
        _, end = decoder.raw_decode(text, index)
        line += text.count("\n", index, end)
        index = end
    return lines


def _csv(source: str, handle: BinaryIO, fields: FieldMap, title: str | None) -> Iterator[Job]:
    head = handle.read(_CHUNK)
    try:
        _, encoding = decode(head[: head.rfind(b"\n") + 1] or head)
    except DecodeError as error:
        yield _failure(source, None, "decode", str(error))
        return
    stream = io.TextIOWrapper(io.BufferedReader(_Prepend(head, handle)), encoding=encoding, errors="replace", newline="")
    yield from _csv_rows(source, stream, fields, title)


def _csv_rows(source: str, stream: TextIO, fields: FieldMap, title: str | None) -> Iterator[Job]:
    header = stream.readline(MAX_LINE_BYTES).lstrip("\ufeff")
    if not header.strip():
        yield _failure(source, None, "empty", "пустой CSV: нет строки заголовков")
        return
    delimiter = max(",;\t|", key=header.count)
    names = next(csv.reader([header], delimiter=delimiter))
    if fields.key(fields.text, {name: "" for name in names}) is None:
        yield _failure(source, None, "malformed", f"в CSV нет столбца с текстом ({', '.join(fields.text)}); есть: {', '.join(names)}")
        return
    reader = csv.reader(stream, delimiter=delimiter)
    count = 0
    while True:
        start = reader.line_num + 2  # the header line was read before the reader started
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            count += 1
            yield _failure(source, start, "malformed", f"ошибка CSV: {error}", start)
            continue
        if not any(cell.strip() for cell in row):
            continue
        count += 1
        yield _record(source, start, dict(zip(names, row)), fields, title, start)
    if count == 0:
        yield _failure(source, None, "empty", "в CSV нет ни одной записи, только заголовок")


def _record(source: str, number: int | None, record: Any, fields: FieldMap, title: str | None, line: int | None) -> Job:
    if not isinstance(record, dict):
        return _failure(source, number, "malformed", f"запись должна быть объектом, а не {type(record).__name__}", line)
    default_id = f"{source}:{number}" if number is not None else source
    try:
        posting = from_record(record, fields, default_id=default_id, title=title)
    except PostingError as error:
        return Job(source, number, error=error.failure, line=line)
    except Exception as error:  # an odd record must cost that record only
        return _failure(source, number, "malformed", f"не удалось прочитать запись: {type(error).__name__}: {error}", line)
    if not posting.text.strip():
        return _failure(source, number, "empty", "текст вакансии пустой", line)
    return Job(source, number, posting=posting, line=line)
