"""The per-request body limits: each path's limit, refused with 413 by the declared length or as the body streams
in."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cmlint.russian import number
from cmlint.server.errors import ApiError, json_error
from cmlint.server.settings import ServerSettings


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, "too-large", f"тело запроса больше {number(limit)} байт")


class BodyLimit:
    """ASGI middleware: refuse a body over the limit of its path (413), by its length or as it streams in."""

    def __init__(self, app: ASGIApp, limit_of: Callable[[str], int]) -> None:
        self.app = app
        self.limit_of = limit_of

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_of(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await json_error(400, "bad-request", "заголовок Content-Length — не число")(scope, receive, send)
                return
            if int(declared) > limit:
                error = BodyTooLarge(limit)
                await json_error(error.status, error.code, error.message)(scope, receive, send)
                return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, limited, send)



def install(app: FastAPI, settings: ServerSettings) -> None:
    """Limit the bodies: a batch to ``max_batch_bytes``, an upload to ``max_upload_bytes``, any other to
    ``max_body_bytes``."""

    def limit_of(path: str) -> int:
        if path == "/v1/lint/batch":
            return settings.max_batch_bytes
        if path == "/v1/extract":
            return settings.max_upload_bytes
        return settings.max_body_bytes

    app.add_middleware(BodyLimit, limit_of=limit_of)
