"""The taxonomy of roles and occupations as validated pydantic models.

Two files make one catalogue: ``rules/roles.yaml`` holds the fine-grained
roles around community work, whose duties are phrase rules (``kind: role``);
``rules/occupations.yaml`` holds the rest of the labour market, whose duties
the occupation model learns from real postings (``kind: occupation``).  Each
fine role belongs to an occupation of the model (``occupation``): account
work to sales, community and SMM to «Маркетинг, реклама, PR».
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from cmlint.factories import new_dict, new_list
from cmlint.resources import load_yaml

#: The role ids of the shipped taxonomy, in display order.
ROLE_IDS = (
    "community",
    "smm",
    "sales",
    "support",
    "account",
    "content",
    "pr",
    "event",
    "moderation",
    "marketing",
    "hr",
)


class DutyPattern(BaseModel):
    """One or more phrases (or a raw token pattern) with a weight for a role."""

    model_config = ConfigDict(extra="forbid")

    phrase: list[str] = Field(default_factory=new_list)
    tokens: list[dict[str, Any]] | None = None
    weight: float = Field(default=1.0, gt=0, le=5)
    tags: list[str] = Field(default_factory=new_list)

    @field_validator("phrase", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _something_to_match(self) -> DutyPattern:
        if not self.phrase and not self.tokens:
            raise ValueError("нужно указать phrase или tokens")
        return self


class WideTitles(BaseModel):
    """Names of a role that the market also uses for a wider job: a title so named admits the duties of the
    ``admits`` occupations too (in the occupation question only, like what a title names as context)."""

    model_config = ConfigDict(extra="forbid")

    names: list[str] = Field(min_length=1)
    admits: list[str] = Field(min_length=1)


class Role(BaseModel):
    """A role or an occupation: how titles name it, what its duties look like, what to call it.

    ``label`` names the work in messages («бухгалтерия»); ``board_name``
    names the occupation the way job boards do (hh.ru's catalogue);
    ``compatible``: roles whose duties still fit a title of this one;
    ``close``: roles so near that a posting doing only that role is not
    confused either; ``alongside``: compatible roles that fit only next to
    this role's own work (a posting doing mostly such a role and none of this
    one is that role's job); ``part_of``: alongside roles whose job holds this
    role's work as one of its parts (moderation and members' events are parts
    of a community manager's work): when such a role clearly outweighs this
    one's own work, the posting is that broader job even though some of this
    role's work is there; ``combined``: the title to suggest when this role
    honestly shares the work with another; ``occupation``: the model's
    occupation this fine role belongs to; ``generic``: a name too broad to
    check a posting against («Директор»); ``family``: occupations whose titles
    the market uses interchangeably (``it``, ``engineering``).
    ``shared_titles``: names this role shares with another one, so a title
    naming it names both («Упаковщик»: production or warehouse);
    ``title_objects``: what the role works on, as a title's complement names
    it («Администратор сайтов», «Аудитор торговых точек»); ``wide_titles``:
    its names that the market also uses for a wider job (:class:`WideTitles`).
    """

    model_config = ConfigDict(extra="forbid")

    label: str
    board_name: str
    kind: Literal["role", "occupation"] = "role"
    titles: list[str] = Field(min_length=1)
    en_titles: list[str] = Field(default_factory=new_list)
    title_patterns: list[str] = Field(default_factory=new_list)
    shared_titles: list[str] = Field(default_factory=new_list)
    title_objects: list[str] = Field(default_factory=new_list)
    wide_titles: list[WideTitles] = Field(default_factory=new_list)
    compatible: list[str] = Field(default_factory=new_list)
    close: list[str] = Field(default_factory=new_list)
    alongside: list[str] = Field(default_factory=new_list)
    part_of: list[str] = Field(default_factory=new_list)
    combined: dict[str, str] = Field(default_factory=new_dict)
    duties: list[DutyPattern] = Field(default_factory=new_list)
    occupation: str | None = None
    hh_roles: list[int] = Field(default_factory=new_list)
    generic: bool = False
    family: str | None = None

    @model_validator(mode="after")
    def _a_role_has_duties(self) -> Role:
        if self.kind == "role" and not self.duties:
            raise ValueError("у роли (kind: role) должны быть обязанности (duties)")
        return self

    @model_validator(mode="after")
    def _alongside_roles_are_compatible(self) -> Role:
        if stray := set(self.alongside) - set(self.compatible):
            raise ValueError(f"alongside: роли {sorted(stray)} не указаны в compatible")
        if stray := set(self.part_of) - set(self.alongside):
            raise ValueError(f"part_of: роли {sorted(stray)} не указаны в alongside")
        return self


class Taxonomy(BaseModel):
    """All roles plus the phrase macros they use."""

    model_config = ConfigDict(extra="forbid")

    macros: dict[str, str] = Field(default_factory=new_dict)
    #: Word groups only duty phrases use: no title reads them, so the occupation model's labels do not depend on them.
    duty_macros: dict[str, str] = Field(default_factory=new_dict)
    roles: dict[str, Role]

    @model_validator(mode="after")
    def _references_exist(self) -> Taxonomy:
        if shared := sorted(set(self.macros) & set(self.duty_macros)):
            raise ValueError(f"duty_macros: макросы {shared} уже есть в macros")
        for role_id, role in self.roles.items():
            for other in [
                *role.compatible,
                *role.close,
                *role.combined,
                *([role.occupation] if role.occupation else []),
                *(admitted for wide in role.wide_titles for admitted in wide.admits),
            ]:
                if other not in self.roles:
                    raise ValueError(f"роль {role_id}: ссылка на неизвестную роль {other!r}")
        return self

    @property
    def phrase_macros(self) -> dict[str, str]:
        """The macros duty phrases may use: the shared ones and the duty-only ones."""
        return {**self.macros, **self.duty_macros}

    def label(self, role_id: str) -> str:
        return self.roles[role_id].label

    def occupation_of(self, role_id: str) -> str:
        """The model's occupation of a role (a fine role's parent, or the occupation itself)."""
        return self.occupations[role_id]

    @cached_property
    def occupations(self) -> dict[str, str]:
        """Per role, :meth:`occupation_of` it (asked for every evidence and every line a posting has: a table)."""
        return {role_id: role.occupation or role_id for role_id, role in self.roles.items()}

    def fitting(self, role_id: str) -> frozenset[str]:
        """Roles whose duties fit a title of ``role_id``: compatible and close ones, its occupation."""
        return self.fittings[role_id]

    @cached_property
    def fittings(self) -> dict[str, frozenset[str]]:
        """Per role, :meth:`fitting` it (a decision asks several times a posting: a table)."""
        return {
            role_id: frozenset({*role.compatible, *role.close, self.occupation_of(role_id)} - {role_id})
            for role_id, role in self.roles.items()
        }

    def related(self, a: str, b: str) -> bool:
        """Whether two roles are the same job or related ones (either way round)."""
        return a == b or b in self.relatives[a]

    @cached_property
    def relatives(self) -> dict[str, frozenset[str]]:
        """Per role, the roles :meth:`related` to it, itself included (decisions ask this for every pair of
        occupations a posting reads as: a table, not the roles' lists read each time)."""
        return {
            role: frozenset(o for o in self.roles if o == role or self._fits(role, o) or self._fits(o, role))
            for role in self.roles
        }

    def _fits(self, role_id: str, other: str) -> bool:
        """Whether ``other`` (not ``role_id`` itself) is in :meth:`fitting` of ``role_id``, without building the set."""
        role = self.roles[role_id]
        return other in role.compatible or other in role.close or other == (role.occupation or role_id)


def load_taxonomy() -> Taxonomy:
    """The shipped taxonomy: ``rules/roles.yaml`` and ``rules/occupations.yaml`` joined."""
    roles = load_yaml("roles.yaml")
    occupations = {
        key: {**value, "kind": "occupation"} for key, value in load_yaml("occupations.yaml")["occupations"].items()
    }
    clash = sorted(set(roles["roles"]) & set(occupations))
    if clash:
        raise ValueError(f"rules/occupations.yaml: роли уже есть в rules/roles.yaml: {', '.join(clash)}")
    return Taxonomy.model_validate({**roles, "roles": {**roles["roles"], **occupations}})


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    return {role_id: role.label for role_id, role in load_taxonomy().roles.items()}


def role_label(role_id: str) -> str:
    """The Russian name of a role for people («продажи» for ``sales``); the id if unknown."""
    return _labels().get(role_id, role_id)
