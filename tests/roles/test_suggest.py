from cmlint import Linter

SALES = "Обязанности:\n- холодные звонки\n- выполнение плана продаж\n- ведение сделок в CRM"


def test_suggestions_are_ranked_with_roles(linter: Linter) -> None:
    report = linter.lint(SALES, title="Комьюнити-менеджер")
    assert report.suggested_titles[0].title == "Менеджер по продажам"
    assert report.suggested_titles[0].role == "sales"
    assert 0 < report.suggested_titles[0].confidence <= 1


def test_fix_inflects_the_body_mention(linter: Linter) -> None:
    text = "Комьюнити-менеджер\nИщем комьюнити-менеджера в команду!\n" + SALES
    (finding,) = [f for f in linter.lint(text).findings if f.code == "CM001"]
    edits = finding.suggestions[0].edits
    assert [(e.span.text, e.replacement) for e in edits] == [
        ("Комьюнити-менеджер", "Менеджер по продажам"),
        ("комьюнити-менеджера", "менеджера по продажам"),
    ]
    for edit in edits:
        assert text[edit.span.start:edit.span.end] == edit.span.text


def test_fix_keeps_acronym_casing(linter: Linter) -> None:
    text = "Станьте нашим комьюнити-менеджером!\nЗадачи:\n- ведение сообщества ВКонтакте\n- контент-план и посты\n- таргетированная реклама"
    (finding,) = [f for f in linter.lint(text, title="Комьюнити-менеджер").findings if f.code == "CM001"]
    replacements = [e.replacement for e in finding.suggestions[0].edits]
    assert replacements == ["SMM-менеджер", "SMM-менеджером"]


def test_combined_title_when_two_roles_share_the_work(linter: Linter) -> None:
    body = (
        "Обязанности:\n- вести соцсети: контент-план, посты, сторис\n- таргетированная реклама\n"
        "- организовывать встречи участников сообщества\n- знакомить участников друг с другом"
    )
    titles = [s.title for s in linter.lint(body, title="Менеджер").suggested_titles]
    assert titles[0] == "SMM/комьюнити-менеджер"
