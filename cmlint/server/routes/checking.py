"""The API for job boards: lint one posting, fix one, lint a JSONL batch."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from cmlint.models import Report
from cmlint.server import batch
from cmlint.server.routes.shared import ERRORS, json_body, pool_of, posting_of
from cmlint.server.schemas import FixRequest, FixResponse, LintRequest
from cmlint.server.settings import ServerSettings

router = APIRouter(tags=["проверка"])


@router.post("/v1/lint", response_model=Report, responses=ERRORS, openapi_extra=json_body(LintRequest))
async def lint(request: Request) -> Response:
    """Проверить одну вакансию; ответ — отчёт (как `cmlint check -f json`, поле report)."""
    _, posting = await posting_of(request, LintRequest)
    status, body = await pool_of(request).run("lint", {"posting": posting})
    return Response(body, status_code=status, media_type="application/json")


@router.post("/v1/fix", response_model=FixResponse, responses=ERRORS, openapi_extra=json_body(FixRequest))
async def fix(request: Request) -> Response:
    """Исправить вакансию: все исправления (по умолчанию) или выбранные пары [замечание, исправление]."""
    payload, posting = await posting_of(request, FixRequest)
    assert isinstance(payload, FixRequest)
    job = {"posting": posting, "fixes": payload.fixes}
    status, body = await pool_of(request).run("fix", job)
    return Response(body, status_code=status, media_type="application/json")


@router.post(
    "/v1/lint/batch",
    responses={
        200: {
            "content": {"application/x-ndjson": {}},
            "description": "по строке результата на каждую строку запроса",
        }
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/x-ndjson": {"schema": LintRequest.model_json_schema()}},
        }
    },
)
async def lint_batch(request: Request) -> Response:
    """Проверить много вакансий: JSONL на входе (по вакансии на строку), JSONL на выходе, в том же порядке."""
    settings: ServerSettings = request.app.state.settings
    lines = batch.run(pool_of(request), request.stream(), settings.max_body_bytes)
    return batch.ConcurrentStream(lines, media_type="application/x-ndjson; charset=utf-8")
