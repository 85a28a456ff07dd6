import pytest

from cmlint import Linter


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


def test_a_shared_head_without_the_first_hyphen_names_both_roles(linter: Linter) -> None:
    """«Контент и SMM-менеджер» is «контент-менеджер и SMM-менеджер», as with the hyphen."""
    assert linter.lint("Обязанности: вести учёт", title="Контент и SMM-менеджер").title_roles == ["content", "smm"]
