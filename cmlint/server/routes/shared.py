"""What the routes share: the worker pool of the running app, the posting of a request body, the documented
errors."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from cmlint.server.errors import parse_json, validate
from cmlint.server.pool import WorkerPool
from cmlint.server.schemas import ErrorResponse, LintRequest

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in {
        400: "тело запроса — не JSON",
        413: "тело запроса больше предела",
        422: "поля запроса неверны (тип, неизвестное поле, формат)",
    }.items()
}


def json_body(model: type[LintRequest]) -> dict[str, Any]:
    """OpenAPI description of a JSON request body (the routes parse bodies themselves, for Russian errors)."""
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": model.model_json_schema()}}}}


def pool_of(request: Request) -> WorkerPool:
    """The lint workers of the app that serves ``request``."""
    pool: WorkerPool = request.app.state.pool
    return pool


async def posting_of(request: Request, model: type[LintRequest]) -> tuple[LintRequest, dict[str, Any]]:
    """The request body as ``model`` and the posting a worker lints."""
    payload = validate(model, parse_json(await request.body()))
    return payload, payload.posting()
