"""What reports refer to: the rules this server runs and the Russian names of the roles."""

from __future__ import annotations

from fastapi import APIRouter, Request

from cmlint.formatters.wording import labels
from cmlint.server.errors import ApiError
from cmlint.server.schemas import ErrorResponse, RuleInfo

router = APIRouter()


@router.get("/v1/rules", response_model=list[RuleInfo], tags=["правила"])
async def rules(request: Request) -> list[RuleInfo]:
    """Правила, которые выполняет этот сервер, с объяснениями."""
    return list(request.app.state.rules.values())


@router.get("/v1/rules/{code}", response_model=RuleInfo, responses={404: {"model": ErrorResponse}}, tags=["правила"])
async def rule(request: Request, code: str) -> RuleInfo:
    """Одно правило по коду (CM001) или имени (role-confusion)."""
    known: dict[str, RuleInfo] = request.app.state.rules
    wanted = code.strip()
    found = known.get(wanted.upper()) or next((r for r in known.values() if r.name == wanted.lower()), None)
    if found is None:
        raise ApiError(404, "not-found", f"нет правила {wanted!r}; список правил: /v1/rules")
    return found


@router.get("/v1/labels", response_model=dict[str, str], tags=["страница"])
async def role_labels() -> dict[str, str]:
    """Русские названия ролей, которые встречаются в отчётах (duty_profile, evidence, suggested_titles)."""
    return labels()
