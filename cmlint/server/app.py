"""The server application: its routes, error mapping, body limits and access log.

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

The routes live in :mod:`cmlint.server.routes`, the error mapping in :mod:`cmlint.server.errors`, the limits in
:mod:`cmlint.server.limits` and the workers' start and stop in :mod:`cmlint.server.lifespan`.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from cmlint import __version__
from cmlint.config import Config, Overrides, load_config
from cmlint.server import errors, limits
from cmlint.server.access import AccessLog
from cmlint.server.lifespan import lifespan_of
from cmlint.server.routes import ROUTERS
from cmlint.server.routes.page import STATIC
from cmlint.server.settings import ServerSettings


def create_app(settings: ServerSettings | None = None) -> FastAPI:
    """The server application; its lint workers start with it and stop with it."""
    settings = settings or ServerSettings()
    config = load_config(settings.config_path) if settings.config_path else Config()
    config = config.override(Overrides(time_budget=settings.time_budget))
    app = FastAPI(
        title="cmlint",
        version=__version__,
        description="Проверка вакансий на русском: путаница ролей, юридические и стилистические ошибки. "
        'Ошибки API — JSON вида {"error": {"code", "message", "details"}}.',
        lifespan=lifespan_of(settings, config),
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    errors.install(app)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for router in ROUTERS:
        app.include_router(router)
    limits.install(app, settings)
    app.add_middleware(AccessLog)
    return app
