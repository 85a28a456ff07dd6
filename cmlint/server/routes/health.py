"""``GET /healthz``: liveness, the workers up and the versions."""

from __future__ import annotations

from fastapi import APIRouter, Request

from cmlint import __version__
from cmlint.server.routes.shared import pool_of
from cmlint.server.schemas import Health

router = APIRouter()


@router.get("/healthz", response_model=Health, tags=["служебное"])
async def healthz(request: Request) -> Health:
    pool = pool_of(request)
    return Health(workers=pool.alive(), tool_version=__version__, ruleset_version=pool.ruleset_version)
