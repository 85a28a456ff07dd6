"""The role taxonomy (``rules/roles.yaml``) as validated pydantic models."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from cmlint.resources import load_yaml

#: The role ids of the shipped taxonomy, in display order.
ROLE_IDS = (
    "community", "smm", "sales", "support", "account", "content", "pr", "event",
    "moderation", "marketing", "hr",
)


class DutyPattern(BaseModel):
    """One or more phrases (or a raw token pattern) with a weight for a role."""

    model_config = ConfigDict(extra="forbid")

    phrase: list[str] = Field(default_factory=list)
    tokens: list[dict[str, Any]] | None = None
    weight: float = Field(default=1.0, gt=0, le=5)
    tags: list[str] = Field(default_factory=list)

    @field_validator("phrase", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _something_to_match(self) -> DutyPattern:
        if not self.phrase and not self.tokens:
            raise ValueError("нужно указать phrase или tokens")
        return self


class Role(BaseModel):
    """A role: how titles name it, what its duties look like, what to call it."""

    model_config = ConfigDict(extra="forbid")

    label: str
    titles: list[str] = Field(min_length=1)
    title_patterns: list[str] = Field(min_length=1)
    compatible: list[str] = Field(default_factory=list)
    close: list[str] = Field(default_factory=list)
    combined: dict[str, str] = Field(default_factory=dict)
    duties: list[DutyPattern] = Field(min_length=1)


class Taxonomy(BaseModel):
    """All roles plus the phrase macros they use."""

    model_config = ConfigDict(extra="forbid")

    macros: dict[str, str] = Field(default_factory=dict)
    roles: dict[str, Role]

    @model_validator(mode="after")
    def _references_exist(self) -> Taxonomy:
        for role_id, role in self.roles.items():
            for other in [*role.compatible, *role.close, *role.combined]:
                if other not in self.roles:
                    raise ValueError(f"роль {role_id}: ссылка на неизвестную роль {other!r}")
        return self

    def label(self, role_id: str) -> str:
        return self.roles[role_id].label


def load_taxonomy() -> Taxonomy:
    """The taxonomy shipped in ``rules/roles.yaml``."""
    return Taxonomy.model_validate(load_yaml("roles.yaml"))


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    return {role_id: role["label"] for role_id, role in load_yaml("roles.yaml")["roles"].items()}


def role_label(role_id: str) -> str:
    """The Russian name of a role for people («продажи» for ``sales``); the id if unknown."""
    return _labels().get(role_id, role_id)
