"""Every number that scores role evidence, in one typed model (``[tool.cmlint.roles]``).

The defaults here are the only defaults: the analysis reads them from the
configuration, nothing keeps a second copy.  Keys are kebab-case in TOML;
a section of its own per stage (``evidence``, ``suggestions``), the decision
thresholds of CM001/CM002 at the top.  To add a stage, add a section model
and a field.

```toml
[tool.cmlint.roles]
min-evidence = 2.0

[tool.cmlint.roles.evidence]
negation-window = 6
item-weights = { other = 0.4 }

[tool.cmlint.roles.suggestions]
min-share = 0.15
```
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from cmlint.kinds import ItemKind

_ITEM_WEIGHTS: dict[ItemKind, float] = {
    "duty": 1.0,
    "readiness": 0.5,
    "listed": 0.3,
    "other": 0.5,
    "requirement": 0.0,
    "wish": 0.0,
    "condition": 0.0,
    "about": 0.0,
    "contact": 0.0,
}


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Section(BaseModel):
    """A configuration section: kebab-case keys, unknown keys are errors, immutable."""

    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True, frozen=True)


class EvidenceWeights(Section):
    """How much a duty match counts, and how far negation and teams reach (``roles/evidence.py``)."""

    item_weights: dict[ItemKind, float] = Field(
        default_factory=lambda: dict(_ITEM_WEIGHTS),
        description="вес совпадения по виду пункта (обязанность, требование …)",
    )
    unsectioned_weight: float = Field(
        default=0.9, ge=0, description="вес пункта без раздела, когда в вакансии нет раздела обязанностей"
    )
    intro_weight: float = Field(
        default=0.0,
        ge=0,
        description="вес пункта перед разделом обязанностей, когда он есть (там — компания и предложение)",
    )
    item_role_cap: float = Field(default=3.0, gt=0, description="сколько один пункт может дать одной роли")
    joint_factor: float = Field(default=0.5, ge=0, le=1, description="множитель работы «вместе с …»")
    goal_factor: float = Field(
        default=0.3, ge=0, le=1, description="множитель фразы, которая называет цель работы («для роста продаж»)"
    )
    occasional_factor: float = Field(
        default=0.5, ge=0, le=1, description="множитель работы, которую делают изредка («иногда готовить новости»)"
    )
    negation_window: int = Field(
        default=8, ge=0, description="сколько слов перед фразой просматривается в поисках отрицания"
    )
    post_negation_window: int = Field(
        default=4, ge=0, description="сколько слов после фразы просматривается в поисках отрицания («продаж нет»)"
    )

    @field_validator("item_weights")
    @classmethod
    def _every_kind(cls, value: dict[ItemKind, float]) -> dict[ItemKind, float]:
        """A partial table overrides the defaults it names."""
        if any(weight < 0 for weight in value.values()):
            raise ValueError("вес не может быть отрицательным")
        return {**_ITEM_WEIGHTS, **value}

    def item_weight(self, kind: ItemKind) -> float:
        return self.item_weights[kind]


class SuggestionSettings(Section):
    """Which titles are suggested for the duty profile (``roles/suggest.py``)."""

    min_share: float = Field(default=0.12, ge=0, le=1, description="роли с меньшей долей не предлагаются")
    combined_min_share: float = Field(
        default=0.3, ge=0, le=1, description="доля второй роли для совмещённого названия …"
    )
    combined_ratio: float = Field(default=0.6, ge=0, le=1, description="… и её отношение к доле первой")
    full_confidence_mass: float = Field(
        default=6.0, gt=0, description="вес обязанностей, при котором уверенность полная"
    )
    full_confidence_lines: float = Field(
        default=3.0, gt=0, description="вес строк, прочитанных моделью профессий, при котором уверенность полная"
    )
    min_confidence: float = Field(default=0.15, ge=0, le=1, description="менее уверенные названия не предлагаются")
    max_suggestions: int = Field(default=3, ge=0, description="сколько названий предлагать")
    min_market_uses: int = Field(
        default=3, ge=1,
        description="сколько реальных вакансий обучающих данных должны носить название роли, чтобы оно заменило"
        " первое название таксономии (название, встреченное раз-другой, ещё не выбор рынка)",
    )


class OccupationWeights(Section):
    """How the occupation model's line readings meet the phrase evidence (``roles/lines.py``, ``roles/profile.py``)."""

    min_probability: float = Field(
        default=0.05, ge=0, le=1, description="профессии с меньшей вероятностью строки не учитываются"
    )
    requirement_weight: float = Field(
        default=0.5, ge=0, description="вес строки требований как свидетеля профессии (строка обязанностей — 1)"
    )
    phrase_half: float = Field(
        default=1.0, gt=0, description="сила фразы, при которой она забирает половину строки"
    )
    contradiction_probability: float = Field(
        default=0.4, ge=0, le=1,
        description="вероятность чужой профессии, при которой модель опровергает фразу роли, хорошо знакомой модели",
    )
    scarce_contradiction_probability: float = Field(
        default=0.7, ge=0, le=1,
        description="то же для ролей, реальных данных о которых мало (комьюнити, SMM, PR)",
    )
    scarce_occupations: frozenset[str] = Field(
        default=frozenset({"marketing_pr"}), description="профессии модели, о ролях которых реальных данных мало"
    )
    member_roles: frozenset[str] = Field(
        default=frozenset({"community"}),
        description="роли, которых модель профессий не различает: строку о людях сообщества она читает как их"
        " профессию или увлечение (сообщество родителей — как работу педагога), поэтому не опровергает фраз"
        " этих ролей, а под названием другой профессии их работу находят фразы",
    )
    contradicted_factor: float = Field(
        default=0.2, ge=0, le=1, description="какую долю силы сохраняет опровергнутая моделью фраза"
    )
    learned_min_probability: float = Field(
        default=0.5, ge=0, le=1,
        description="вероятность тонкой роли по обученной модели, с которой строка без фраз становится её"
        " свидетельством (подобрана так: со словарём фраз, не видевшим наборы indep6/7, 0,5 поднимает F1"
        " на них, не добавляя ложных срабатываний на реальных вакансиях под своими названиями)",
    )
    learned_line_probability: float = Field(
        default=0.7, ge=0, le=1,
        description="вероятность тонкой роли по обученной модели, с которой строка без фраз читается как эта роль"
        " и в вопросе профессий (менее уверенные чтения остаются только тонким ролям)",
    )
    learned_weight: float = Field(
        default=1.0, ge=0,
        description="вес такого свидетельства (умножается на вес строки и вероятность; фраза весит 0,5–3)",
    )
    floor_probability: float = Field(
        default=0.01, gt=0, lt=1, description="вероятность, которой считается не попавшая в чтение строки профессия"
    )


class Scoring(Section):
    """The thresholds of the role checks and the weights of the analysis (shares are fractions of the duty profile)."""

    min_evidence: float = Field(
        default=2.5, ge=0, description="минимальный вес фраз обязанностей, при котором роли оцениваются"
    )
    max_title_support: float = Field(
        default=0.3, ge=0, le=1, description="доля роли из названия, ниже которой название не подтверждено"
    )
    min_other_share: float = Field(default=0.5, ge=0, le=1, description="минимальная доля чужих ролей для CM001")
    max_absent_part_share: float = Field(
        default=0.1, ge=0, le=1,
        description="доля фраз роли из составного названия (вместе с подходящими ей ролями), ниже которой эта"
        " часть названия не подтверждена обязанностями",
    )
    max_own_share: float = Field(
        default=0.3,
        ge=0,
        le=1,
        description="доля собственной роли, ниже которой смежная роль «забирает» вакансию (подобрана перебором"
        " порогов: 0,3–0,5 дают одни и те же решения)",
    )
    min_broader_ratio: float = Field(
        default=2.0, ge=1,
        description="во сколько раз больше строк обязанностей должна занимать более широкая роль (part_of:"
        " модерация — часть работы комьюнити-менеджера), чем роль из названия, чтобы вакансия была её работой",
    )
    min_unseen_line_share: float = Field(
        default=0.3, ge=0, le=1,
        description="доля строк обязанностей (фразы и модель вместе), которую должна занимать работа, невидимая"
        " модели профессий (комьюнити), чтобы вакансия с названием другой профессии была этой работой",
    )
    min_dominant_share: float = Field(
        default=0.7, ge=0, le=1, description="доля смежной роли, при которой она «забирает» вакансию"
    )
    compatible_factor: float = Field(
        default=0.6, ge=0, le=1, description="с каким весом обязанности совместимой роли подтверждают название"
    )
    overload_roles: int = Field(default=3, ge=2, description="сколько ролей делают вакансию «человеком-оркестром»")
    overload_min_share: float = Field(
        default=0.15, ge=0, le=1, description="доля, с которой роль считается заметной (в доказательствах CM001)"
    )
    overload_min_spread: float = Field(
        default=2.8, ge=1, description="эффективное число несвязанных ролей (экспонента энтропии их долей) для CM002"
    )
    overload_line_confidence: float = Field(
        default=0.8, ge=0, le=1, description="какая доля пункта должна приходиться на роль, чтобы пункт ей засчитался"
    )
    overload_min_coverage: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="какая доля пунктов обязанностей должна уверенно относиться к ролям, чтобы CM002 судил о них",
    )
    min_foreign_evidence: int = Field(
        default=2, ge=1, description="сколько фраз чужих ролей нужно для CM001 по фразам (фразы на одних словах — одна)"
    )
    occupation_min_weight: float = Field(
        default=1.5, ge=0, description="минимальный вес прочитанных строк, при котором сравниваются профессии"
    )
    occupation_min_margin: float = Field(
        default=6.0, ge=0,
        description="минимальный перевес чужой профессии (сумма логарифмов вероятностей по строкам; 8 → 6 по сетке"
        " tools/decision_grid.py: находит короткие вакансии из одной-двух ясных строк, не добавляя срабатываний"
        " под своими названиями на full + snippets)",
    )
    occupation_margin_per_line: float = Field(
        default=1.3, ge=0, description="минимальный перевес чужой профессии на единицу веса строк"
    )
    occupation_short_margin_per_line: float = Field(
        default=3.5, ge=0,
        description="перевес на единицу веса строк, которого достаточно вакансии из одной-двух строк"
        " вместо полного перевеса (её строки должны быть уверенными)",
    )
    occupation_min_line_probability: float = Field(
        default=0.4, ge=0, le=1,
        description="вероятность, с которой хотя бы одна строка должна читаться как чужая профессия"
        " (вместе с родственными ей)",
    )
    occupation_share_ratio: float = Field(
        default=2.0, ge=0,
        description="во сколько раз средняя доля чужой профессии (под названием комьюнити-роли — вместе с"
        " родственными ей, не подходящими названию) должна превышать долю подходящих (1.5 → 2 по"
        " срабатываниям под своими названиями вне обучающей части: вакансия, где своя работа — треть строк, смешанная,"
        " а не чужая)",
    )
    occupation_takeover_share: float = Field(
        default=0.35, ge=0, le=1, description="средняя доля смежной профессии, при которой она «забирает» вакансию"
    )
    occupation_related_takeover_share: float = Field(
        default=0.6, ge=0, le=1,
        description="то же для профессии, совместимой с профессией названия (compatible): её обязанности часто"
        " входят в ту же работу, поэтому она должна занимать большую часть строк",
    )
    occupation_takeover_ratio: float = Field(
        default=3.0, ge=1, description="во сколько раз доля «забравшей» профессии должна превышать долю своей"
    )
    role_model_veto_ratio: float = Field(
        default=2.0, ge=0,
        description="во сколько раз модель профессий должна чаще читать строки как профессию названия, чем как"
        " профессию чужой роли из фраз, чтобы фразы одни не считались путаницей",
    )
    subject_min_probability: float = Field(
        default=0.15, ge=0, le=1,
        description="вероятность, с которой модель профессий должна прочитать предмет названия (слова помимо"
        " должности: «Преподаватель Python»), чтобы обязанности его профессии подходили названию",
    )
    subject_ratio: float = Field(
        default=1.5, ge=1, description="во сколько раз профессия предмета должна опережать следующую за ней"
    )
    neighbour_min_rate: float = Field(
        default=0.1, ge=0, le=1,
        description="доля отложенных вакансий одной профессии, прочитанных моделью как другая, при которой"
        " профессии — соседи (их обязанности пересекаются: одна не «забирает» вакансию другой)",
    )
    neighbour_min_postings: int = Field(
        default=3, ge=1, description="… и сколько таких вакансий нужно как минимум"
    )
    evidence: EvidenceWeights = Field(default_factory=EvidenceWeights)
    occupations: OccupationWeights = Field(default_factory=OccupationWeights)
    suggestions: SuggestionSettings = Field(default_factory=SuggestionSettings)
