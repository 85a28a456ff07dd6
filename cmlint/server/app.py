"""The routes: the page, the API for job boards, health and the OpenAPI schema.

==========================  ==================================================
``GET /``                   the page for HR teams (``static/``, offline)
``POST /v1/lint``           one posting → its Report JSON
``POST /v1/lint/batch``     JSONL of postings → JSONL of results, streamed
``POST /v1/fix``            a posting → the fixed text, what went in, the new report
``POST /v1/extract``        an uploaded file (raw body, ``?filename=``) → its text
``GET /v1/rules[/{code}]``  the rules this server runs, with explanations
``GET /v1/labels``          Russian names of the roles in reports
``GET /healthz``            liveness: workers up, versions
``GET /openapi.json``       the OpenAPI schema
==========================  ==================================================
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from cmlint import __version__
from cmlint.config import Config, Overrides, load_config
from cmlint.engine.specs import RuleSpec
from cmlint.formatters.wording import labels
from cmlint.models import Report, Severity
from cmlint.server import batch, errors
from cmlint.server.access import AccessLog
from cmlint.server.errors import ApiError, BodyLimit, parse_json, validate
from cmlint.server.extract import extract
from cmlint.server.pool import WorkerPool
from cmlint.server.schemas import (
    ErrorResponse,
    ExtractResponse,
    FixRequest,
    FixResponse,
    Health,
    LintRequest,
    RuleInfo,
)
from cmlint.server.settings import ServerSettings

STATIC = files("cmlint.server") / "static"
log = logging.getLogger("cmlint.server")

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in {
        400: "тело запроса — не JSON",
        413: "тело запроса больше предела",
        422: "поля запроса неверны (тип, неизвестное поле, формат)",
    }.items()
}


def _body(model: type[LintRequest]) -> dict[str, Any]:
    """OpenAPI description of a JSON request body (the routes parse bodies themselves, for Russian errors)."""
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": model.model_json_schema()}}}}


def create_app(settings: ServerSettings | None = None) -> FastAPI:
    """The server application; its lint workers start with it and stop with it."""
    settings = settings or ServerSettings()
    config = load_config(settings.config_path) if settings.config_path else Config()
    config = config.override(Overrides(time_budget=settings.time_budget))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool = WorkerPool(settings.workers, config)
        await pool.start()
        app.state.pool = pool
        app.state.rules = {
            rule["spec"]["code"]: RuleInfo.of(RuleSpec.model_validate(rule["spec"]), Severity(rule["severity"]))
            for rule in pool.ready["rules"]
        }
        log.info("cmlint serve: готово — откройте http://%s:%d/ в браузере", settings.host, settings.port)
        try:
            yield
        finally:
            await pool.close()

    app = FastAPI(
        title="cmlint",
        version=__version__,
        description="Проверка вакансий на русском: путаница ролей, юридические и стилистические ошибки. "
        'Ошибки API — JSON вида {"error": {"code", "message", "details"}}.',
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    errors.install(app)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    def pool_of(request: Request) -> WorkerPool:
        pool: WorkerPool = request.app.state.pool
        return pool

    async def posting_of(request: Request, model: type[LintRequest]) -> tuple[LintRequest, dict[str, Any]]:
        payload = validate(model, parse_json(await request.body()))
        return payload, {"text": payload.text, "title": payload.title, "id": payload.id, "format": payload.format}

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"), media_type="text/html; charset=utf-8")

    @app.get("/healthz", response_model=Health, tags=["служебное"])
    async def healthz(request: Request) -> Health:
        pool = pool_of(request)
        return Health(workers=pool.alive(), tool_version=__version__, ruleset_version=pool.ruleset_version)

    @app.post("/v1/lint", response_model=Report, responses=_ERRORS, openapi_extra=_body(LintRequest), tags=["проверка"])
    async def lint(request: Request) -> Response:
        """Проверить одну вакансию; ответ — отчёт (как `cmlint check -f json`, поле report)."""
        _, posting = await posting_of(request, LintRequest)
        status, body = await pool_of(request).run("lint", {"posting": posting})
        return Response(body, status_code=status, media_type="application/json")

    @app.post(
        "/v1/fix", response_model=FixResponse, responses=_ERRORS, openapi_extra=_body(FixRequest), tags=["проверка"]
    )
    async def fix(request: Request) -> Response:
        """Исправить вакансию: все исправления (по умолчанию) или выбранные пары [замечание, исправление]."""
        payload, posting = await posting_of(request, FixRequest)
        assert isinstance(payload, FixRequest)
        job = {"posting": posting, "fixes": payload.fixes}
        status, body = await pool_of(request).run("fix", job)
        return Response(body, status_code=status, media_type="application/json")

    @app.post(
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
        tags=["проверка"],
    )
    async def lint_batch(request: Request) -> Response:
        """Проверить много вакансий: JSONL на входе (по вакансии на строку), JSONL на выходе, в том же порядке."""
        lines = batch.run(pool_of(request), request.stream(), settings.max_body_bytes)
        return batch.ConcurrentStream(lines, media_type="application/x-ndjson; charset=utf-8")

    @app.post("/v1/extract", response_model=ExtractResponse, responses=_ERRORS, tags=["страница"])
    async def extract_file(
        request: Request, filename: str = Query(description="имя файла: .txt, .md, .html или .docx")
    ) -> ExtractResponse:
        """Текст загруженного файла (тело запроса — сам файл)."""
        data = await request.body()
        return await asyncio.get_running_loop().run_in_executor(None, extract, filename, data)

    @app.get("/v1/rules", response_model=list[RuleInfo], tags=["правила"])
    async def rules(request: Request) -> list[RuleInfo]:
        """Правила, которые выполняет этот сервер, с объяснениями."""
        return list(request.app.state.rules.values())

    @app.get("/v1/rules/{code}", response_model=RuleInfo, responses={404: {"model": ErrorResponse}}, tags=["правила"])
    async def rule(request: Request, code: str) -> RuleInfo:
        """Одно правило по коду (CM001) или имени (role-confusion)."""
        known: dict[str, RuleInfo] = request.app.state.rules
        wanted = code.strip()
        found = known.get(wanted.upper()) or next((r for r in known.values() if r.name == wanted.lower()), None)
        if found is None:
            raise ApiError(404, "not-found", f"нет правила {wanted!r}; список правил: /v1/rules")
        return found

    @app.get("/v1/labels", response_model=dict[str, str], tags=["страница"])
    async def role_labels() -> dict[str, str]:
        """Русские названия ролей, которые встречаются в отчётах (duty_profile, evidence, suggested_titles)."""
        return labels()

    def limit_of(path: str) -> int:
        if path == "/v1/lint/batch":
            return settings.max_batch_bytes
        if path == "/v1/extract":
            return settings.max_upload_bytes
        return settings.max_body_bytes

    app.add_middleware(BodyLimit, limit_of=limit_of)
    app.add_middleware(AccessLog)
    return app
