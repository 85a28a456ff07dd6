"""The app's lifespan: the lint workers start with it and stop with it."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from fastapi import FastAPI

from cmlint.config import Config
from cmlint.engine.specs import RuleSpec
from cmlint.models import Severity
from cmlint.server.pool import WorkerPool
from cmlint.server.schemas import RuleInfo
from cmlint.server.settings import ServerSettings

log = logging.getLogger("cmlint.server")


def lifespan_of(settings: ServerSettings, config: Config) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """Start ``settings.workers`` workers linting with ``config``, keep their rules on the app, stop them at exit."""

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

    return lifespan
