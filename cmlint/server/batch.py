"""``POST /v1/lint/batch``: JSONL in, JSONL out, streamed, one output line per input line, in order.

Each input line is a posting object (the fields of ``/v1/lint``); blank
lines are skipped.  Each output line is what ``cmlint check -f jsonl``
writes: ``{"source": "request", "record": N, "id", "report", "error"}``,
with ``record`` the 1-based input line.  A line that is not a posting
(bad JSON, a wrong type, too long) becomes an error line and the batch goes
on.  At most ``2 × workers`` postings are in flight, so memory stays flat.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator

from starlette.requests import ClientDisconnect
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from cmlint.formatters.json import dump
from cmlint.models import InputFailure, LintResult, Report
from cmlint.server.errors import ApiError, parse_json, validate
from cmlint.server.limits import BodyTooLarge
from cmlint.server.pool import WorkerPool
from cmlint.server.schemas import LintRequest

SOURCE = "request"


async def lines(chunks: AsyncIterator[bytes], max_line: int) -> AsyncIterator[tuple[int, bytes | None]]:
    """(line number, line) for each non-blank line; ``None`` for a line over ``max_line`` bytes."""
    number, buffer, too_long = 0, b"", False
    async for chunk in chunks:
        *complete, buffer = (buffer + chunk).split(b"\n")
        for line in complete:
            number += 1
            if too_long or len(line) > max_line:
                yield number, None
            elif line.strip():
                yield number, line
            too_long = False
        if len(buffer) > max_line:
            buffer, too_long = b"", True
    if too_long or buffer.strip():
        yield number + 1, None if too_long else buffer


async def lint_line(pool: WorkerPool, number: int, line: bytes | None, max_line: int) -> str:
    """The output line for input line ``number``."""
    if line is None:
        return _failure(number, f"строка длиннее {max_line} байт")
    try:
        request = validate(LintRequest, parse_json(line))
    except ApiError as error:
        return _failure(number, error.message)
    _, body = await pool.run("lint", {"posting": request.posting()})
    report = Report.model_validate_json(body)
    return dump(LintResult(source=SOURCE, record=number, id=report.id, report=report))


def _failure(number: int | None, message: str) -> str:
    return dump(LintResult(source=SOURCE, record=number, error=InputFailure(kind="malformed", message=message)))


class ConcurrentStream(StreamingResponse):
    """A streamed response whose generator may still read the request body.

    Starlette's own streamed response also waits for the client to hang up,
    and that wait takes the request body's messages; here only the generator
    reads them (a hang-up ends the body stream, and so the response).
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.stream_response(send)
        except OSError:
            raise ClientDisconnect() from None


async def run(pool: WorkerPool, chunks: AsyncIterator[bytes], max_line: int) -> AsyncIterator[str]:
    """Output lines, in input order, as they are ready."""
    window: deque[asyncio.Task[str]] = deque()
    try:
        try:
            async for number, line in lines(chunks, max_line):
                window.append(asyncio.ensure_future(lint_line(pool, number, line, max_line)))
                while len(window) >= 2 * pool.size or (window and window[0].done()):
                    yield await window.popleft() + "\n"
        except BodyTooLarge as error:
            while window:
                yield await window.popleft() + "\n"
            yield _failure(None, f"{error.message}: остальные строки не прочитаны") + "\n"
            return
        except ClientDisconnect:
            return
        while window:
            yield await window.popleft() + "\n"
    finally:
        for task in window:
            task.cancel()
