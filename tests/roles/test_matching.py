import pytest

from cmlint import Linter
from cmlint.analysis.analyzer import _expand_compound, _expand_shared


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Комьюнити-менеджер", ["community"]),
        ("Комюнити менеджер", ["community"]),
        ("Коммьюнити-менеджер (удалённо)", ["community"]),
        ("community-менеджер", ["community"]),
        ("Community Manager", ["community"]),
        ("Head of Community", ["community"]),
        ("Менеджер сообщества", ["community"]),
        ("Менеджер по работе с сообществом", ["community"]),
        ("SMM/комьюнити-менеджер", ["smm", "community"]),
        ("Комьюнити-менеджер в отдел продаж", ["community"]),
        ("SMM-менеджер", ["smm"]),
        ("Менеджер по продажам", ["sales"]),
        ("Sales manager", ["sales"]),
        ("Специалист службы поддержки", ["support"]),
        ("Оператор чата поддержки", ["support"]),
        ("Менеджер по работе с клиентами", ["account"]),
        ("Аккаунт-менеджер", ["account"]),
        ("Копирайтер", ["content"]),
        ("PR-менеджер", ["pr"]),
        ("Event-менеджер", ["event"]),
        ("Модератор чата", ["moderation"]),
        ("Интернет-маркетолог", ["marketing"]),
        ("HR-менеджер", ["hr"]),
        ("Бухгалтер", ["accountant"]),
    ],
)
def test_title_roles(linter: Linter, title: str, roles: list[str]) -> None:
    assert linter.lint("Обязанности: вести учёт", title=title).title_roles == roles


def test_title_from_first_line(linter: Linter) -> None:
    report = linter.lint("Комьюнити-менеджер\nОбязанности:\n- модерация чата")
    assert report.title == "Комьюнити-менеджер"
    assert report.title_roles == ["community"]


def test_suspended_hyphen_names_both_roles(linter: Linter) -> None:
    # «Контент- и комьюнити-менеджер» = «контент-менеджер и комьюнити-менеджер»; cmlint suggests such titles itself.
    assert linter.lint("Обязанности: вести учёт", title="Контент- и комьюнити-менеджер").title_roles == ["content", "community"]
    assert linter.lint("Обязанности: вести учёт", title="Комьюнити- и event-менеджер").title_roles == ["community", "event"]


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Community & Content Manager", ["community", "content"]),
        ("Content and Community Manager", ["content", "community"]),
        ("Community/Events Manager", ["community", "event"]),
        ("Контент и комьюнити менеджер", ["content", "community"]),
        ("Sales and Marketing Manager", ["sales", "marketing"]),
        ("SMM-менеджер / community manager", ["smm", "community"]),  # the first part has its own position noun
    ],
)
def test_two_names_before_one_english_or_spaced_position_noun_name_both_roles(
    linter: Linter, title: str, roles: list[str]
) -> None:
    assert linter.lint("Обязанности: вести учёт", title=title).title_roles == roles


@pytest.mark.parametrize("title", ["Маркетинг-менеджер", "Маркетинг менеджер", "Маркетинговый специалист"])
def test_marketing_as_the_first_word_of_a_position_is_marketing(linter: Linter, title: str) -> None:
    assert linter.lint("Обязанности: вести учёт", title=title).title_roles == ["marketing"]


def test_a_shared_head_without_the_first_hyphen_names_both_roles(linter: Linter) -> None:
    """«Контент и SMM-менеджер» is «контент-менеджер и SMM-менеджер», as with the hyphen."""
    assert linter.lint("Обязанности: вести учёт", title="Контент и SMM-менеджер").title_roles == ["content", "smm"]


@pytest.mark.parametrize(
    ("title", "expanded"),
    [
        ("SMM- и комьюнити-менеджер", "SMM-менеджер и комьюнити-менеджер"),
        ("Контент И комьюнити менеджер", "Контент менеджер И комьюнити менеджер"),
        ("Community AND Content Manager", "Community Manager AND Content Manager"),
        ("Community/Events Lead", "Community Lead / Events Lead"),
        ("Комьюнити-менеджер", "Комьюнити-менеджер"),
        ("Менеджер по продажам (B2B)", "Менеджер по продажам (B2B)"),
    ],
)
def test_a_shared_position_noun_is_given_to_each_name_whatever_the_case_of_the_joining_word(
    title: str, expanded: str
) -> None:
    """The quick test for a joining word before the two expressions lets every case of it through."""
    assert _expand_shared(title) == expanded


@pytest.mark.parametrize(
    ("title", "expanded"),
    [
        (
            "Менеджер-дизайнер по работе с ключевыми клиентами (ЛКМ)",
            "Менеджер по работе с ключевыми клиентами / дизайнер по работе с ключевыми клиентами (ЛКМ)",
        ),
        ("Инженер-механик по ремонту оборудования", "Инженер по ремонту оборудования / механик по ремонту оборудования"),
        ("Аккаунт-менеджер по маркетплейсам", "Аккаунт-менеджер по маркетплейсам"),  # the first half is no position
        ("Водитель-экспедитор", "Водитель-экспедитор"),  # no complement
    ],
)
def test_a_compound_s_complement_is_given_to_each_half(title: str, expanded: str) -> None:
    assert _expand_compound(title) == expanded


def test_a_compound_s_complement_names_the_first_half_s_role_too(linter: Linter) -> None:
    """«Менеджер-дизайнер по работе с ключевыми клиентами» is a key account manager as much as a designer."""
    title = "Менеджер-дизайнер по работе с ключевыми клиентами"
    assert linter.lint("Обязанности: вести учёт", title=title).title_roles == ["designer", "account"]

