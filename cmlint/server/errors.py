"""Every failure as a JSON error in Russian.

Nothing a client sent is echoed into a log: errors name the field and the
problem, never the value.
"""

from __future__ import annotations

import json
import logging
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from cmlint.io import json_values
from cmlint.server.schemas import ErrorDetail, error_body

log = logging.getLogger("cmlint.server")

M = TypeVar("M", bound=BaseModel)


class ApiError(Exception):
    """A client error: HTTP status, machine code, Russian message, field details."""

    def __init__(self, status: int, code: str, message: str, details: list[ErrorDetail] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details or []


def json_error(status: int, code: str, message: str, details: list[ErrorDetail] | None = None) -> Response:
    return Response(error_body(code, message, details), status_code=status, media_type="application/json")


def parse_json(body: bytes) -> Any:
    """The request body as JSON, or an :class:`ApiError` saying where it breaks."""
    if not body.strip():
        raise ApiError(400, "invalid-json", "пустое тело запроса: ожидался объект JSON")
    try:
        return json_values.loads(body.decode("utf-8"))
    except json_values.NumberError as error:
        raise ApiError(400, "invalid-json", f"тело запроса: {error}") from None
    except UnicodeDecodeError:
        raise ApiError(400, "invalid-json", "тело запроса не в кодировке UTF-8") from None
    except json.JSONDecodeError as error:
        raise ApiError(
            400, "invalid-json", f"тело запроса — не JSON: ошибка в строке {error.lineno}, символе {error.colno}"
        ) from None
    except RecursionError:
        raise ApiError(400, "invalid-json", "в JSON слишком глубокая вложенность") from None


def validate(model: type[M], data: Any) -> M:
    """``data`` as ``model``, or a 422 :class:`ApiError` listing every field and its problem."""
    if not isinstance(data, dict):
        raise ApiError(422, "invalid-request", "тело запроса должно быть объектом JSON (в фигурных скобках)")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        details = describe(error.errors())
        raise ApiError(422, "invalid-request", "; ".join(f"{d.field}: {d.problem}" for d in details), details) from None


_PROBLEMS = {
    "missing": "обязательное поле",
    "extra_forbidden": "неизвестное поле",
    "string_type": "строка",
    "int_type": "целое число",
    "list_type": "список",
    "too_short": "пара чисел",
    "too_long": "пара чисел",
    "none_required": "null",
    "model_type": "объект",
    "bool_type": "true или false",
    "greater_than_equal": "число не меньше нуля",
}
#: The names pydantic gives the members of a union it tried, which are no fields (``salary`` → ``str``,
#: ``SalaryRange`` …); a field a client wrote is never dropped, whatever its case.
_UNION_MEMBERS = frozenset({"str", "int", "bool", "float", "constrained-str", "constrained-int", "SalaryRange"})


def _field(location: list[str]) -> str:
    """A field's path as the request spells it: ``salary.from``, ``fixes[0]`` (union members left out)."""
    parts = [part for part in location if part not in _UNION_MEMBERS]
    path = ""
    for part in parts:
        path += f"[{part}]" if part.isdigit() else f".{part}" if path else part
    return path or "тело запроса"


def describe(errors: list[Any]) -> list[ErrorDetail]:
    """Pydantic errors as (field, problem in Russian), one entry per field, values never quoted."""
    expected: dict[str, list[str]] = {}
    problems: dict[str, str] = {}
    for issue in errors:
        field = _field([str(part) for part in issue["loc"] if part not in ("body", "query", "path")])
        kind = issue["type"]
        if kind in ("missing", "extra_forbidden"):
            problems[field] = _PROBLEMS[kind]
        elif kind == "string_too_long":
            problems[field] = f"строка не длиннее {issue.get('ctx', {}).get('max_length')} символов"
        elif kind == "literal_error":
            problems[field] = "допустимые значения: " + str(issue.get("ctx", {}).get("expected", "")).replace(
                "'", ""
            ).replace(" or ", ", ")
        else:
            kind_wanted = _PROBLEMS.get(kind, "допустимое значение")
            if kind_wanted not in expected.setdefault(field, []):
                expected[field].append(kind_wanted)
    for field, alternatives in expected.items():
        problems.setdefault(field, "ожидается " + " или ".join(alternatives))
    # A problem inside a field's object says what was meant: the field's other shapes are no news.
    for field in [f for f in problems if any(other.startswith(f + ".") for other in problems)]:
        del problems[field]
    return [ErrorDetail(field=field, problem=problem) for field, problem in problems.items()]


_STATUS_CODES = {
    404: ("not-found", "нет такого адреса"),
    405: ("method-not-allowed", "этот адрес не принимает такой метод"),
}


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into a JSON error."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> Response:
        return json_error(error.status, error.code, error.message, error.details)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        details = describe(list(error.errors()))
        return json_error(422, "invalid-request", "; ".join(f"{d.field}: {d.problem}" for d in details), details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        code, message = _STATUS_CODES.get(error.status_code, ("http-error", "запрос не выполнен"))
        return json_error(error.status_code, code, message)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.error("внутренняя ошибка на %s %s: %s", request.method, request.url.path, type(error).__name__)
        return json_error(500, "internal-error", "внутренняя ошибка сервера; запрос не выполнен")
