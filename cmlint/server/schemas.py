"""The API's request and response models, and its error body.

Requests are strict: a wrong type is an error, never coerced (``"title": 5``
is refused, ``"id": 5`` is accepted as ``"5"`` because boards number their
postings), and an unknown field is an error that names it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, StrictBool, StrictInt, StrictStr, field_validator

from cmlint.edits import AppliedFix
from cmlint.engine.specs import Explanation, RuleSpec
from cmlint.factories import new_list
from cmlint.formatters.wording import severity_word
from cmlint.models import Format, Report, Severity
from cmlint.posting import MAX_TITLE_CHARS, salary_of

#: A salary as the board's page shows it («от 80 000 ₽»): a few words, like a title.
SalaryText = Annotated[StrictStr, Field(max_length=MAX_TITLE_CHARS)]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class SalaryRange(_Request):
    """The pay as a board keeps it apart from the text (the shape of hh.ru's ``salary``)."""

    low: NonNegativeInt | None = Field(default=None, alias="from", description="от")
    high: NonNegativeInt | None = Field(default=None, alias="to", description="до")
    currency: SalaryText | None = Field(default=None, description="валюта, например RUR")
    gross: StrictBool | None = Field(default=None, description="true — до вычета налогов, false — на руки")


class LintRequest(_Request):
    """One posting: its text, and optionally its title, id, markup and the salary a board keeps apart."""

    text: StrictStr = Field(description="текст вакансии (без названия, если название передано отдельно)")
    title: StrictStr | None = Field(default=None, description="название; если не задано — первая строка текста")
    id: StrictStr | StrictInt | None = Field(
        default=None, description="идентификатор вакансии у вас; вернётся в отчёте"
    )
    format: Format | None = Field(default=None, description="разметка текста; если не задана — определяется сама")
    salary: SalaryText | NonNegativeInt | SalaryRange | None = Field(
        default=None,
        description="зарплата, если доска хранит её отдельно от текста: как на странице («от 80 000 ₽»), числом "
        "или объектом {from, to, currency, gross}; с цифрой в ней ST004 не срабатывает",
    )

    @field_validator("id")
    @classmethod
    def _id_as_text(cls, value: str | int | None) -> str | None:
        return None if value is None else str(value)

    def posting(self) -> dict[str, Any]:
        """The posting a worker lints (a :class:`~cmlint.models.Posting` as data)."""
        salary = self.salary.model_dump(by_alias=True) if isinstance(self.salary, SalaryRange) else self.salary
        posting = {"text": self.text, "title": self.title, "id": self.id, "format": self.format}
        return posting | {"salary": salary_of(salary)}


class FixRequest(LintRequest):
    """A posting and the fixes to apply: ``[finding, fix]`` index pairs of its report, or all of them."""

    fixes: list[Annotated[list[StrictInt], Field(min_length=2, max_length=2)]] | None = Field(
        default=None,
        description="какие исправления внести: пары [номер замечания, номер исправления] из отчёта; "
        "если не задано — все, с повторной проверкой, пока есть что исправлять",
    )


class FixResponse(BaseModel):
    """The fixed posting, which fixes went in, and the report of the fixed text."""

    text: str
    title: str | None
    applied: list[AppliedFix]
    skipped: list[AppliedFix]
    report: Report


class RuleInfo(BaseModel):
    """A rule as the server runs it: code, name, severity (with its Russian word) and explanation."""

    code: str
    name: str
    severity: Severity
    severity_label: str
    summary: str
    explanation: Explanation | None

    @classmethod
    def of(cls, spec: RuleSpec, severity: Severity) -> RuleInfo:
        return cls(
            code=spec.code,
            name=spec.name,
            severity=severity,
            severity_label=severity_word(severity),
            summary=spec.title,
            explanation=spec.explanation,
        )


class ExtractResponse(BaseModel):
    """The text of an uploaded file and the markup it is in."""

    text: str
    format: Format


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    workers: int
    tool_version: str
    ruleset_version: str | None


class ErrorDetail(BaseModel):
    field: str
    problem: str


class ErrorInfo(BaseModel):
    code: str = Field(description="машинный код ошибки: invalid-json, invalid-request, too-large, not-found …")
    message: str = Field(description="что не так, по-русски")
    details: list[ErrorDetail] = Field(default_factory=new_list)


class ErrorResponse(BaseModel):
    """Every 4xx/5xx answer of the API has this body."""

    error: ErrorInfo


def error_body(code: str, message: str, details: list[ErrorDetail] | None = None) -> str:
    """The JSON of an :class:`ErrorResponse`."""
    return ErrorResponse(error=ErrorInfo(code=code, message=message, details=details or [])).model_dump_json()
