"""The page for HR teams (offline, from ``static/``) and the text of a file uploaded to it."""

from __future__ import annotations

import asyncio
from importlib.resources import files

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse

from cmlint.server.extract import extract
from cmlint.server.routes.shared import ERRORS
from cmlint.server.schemas import ExtractResponse

STATIC = files("cmlint.server") / "static"

router = APIRouter()


@router.get("/", include_in_schema=False)
async def page() -> FileResponse:
    return FileResponse(str(STATIC / "index.html"), media_type="text/html; charset=utf-8")


@router.post("/v1/extract", response_model=ExtractResponse, responses=ERRORS, tags=["страница"])
async def extract_file(
    request: Request, filename: str = Query(description="имя файла: .txt, .md, .html или .docx")
) -> ExtractResponse:
    """Текст загруженного файла (тело запроса — сам файл)."""
    data = await request.body()
    return await asyncio.get_running_loop().run_in_executor(None, extract, filename, data)
