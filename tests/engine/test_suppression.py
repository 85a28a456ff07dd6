from cmlint import Linter

BODY = "Обязанности:\n- холодные звонки\n- выполнение плана продаж\nТребования:\n- стрессоустойчивость\n- многозадачность\nУсловия:\n- 90 000 ₽"


def codes(linter: Linter, text: str) -> list[str]:
    return linter.lint(text, title="Комьюнити-менеджер").codes()


def test_disable_at_the_top_covers_the_title(linter: Linter) -> None:
    assert "CM001" in codes(linter, BODY)
    assert "CM001" not in codes(linter, "<!-- cmlint: disable CM001 -->\n" + BODY)


def test_disable_enable_region(linter: Linter) -> None:
    text = BODY.replace("- стрессоустойчивость", "<!-- cmlint: disable SY001 -->\n- стрессоустойчивость\n<!-- cmlint: enable SY001 -->")
    found = [f.span.text for f in linter.lint(text, title="Комьюнити-менеджер").findings if f.code == "SY001"]
    assert found == ["многозадачность"]


def test_disable_next_line(linter: Linter) -> None:
    text = BODY.replace("- многозадачность", "<!-- cmlint: disable-next-line SY001 -->\n- многозадачность")
    found = [f.span.text for f in linter.lint(text, title="Комьюнити-менеджер").findings if f.code == "SY001"]
    assert found == ["стрессоустойчивость"]


def test_bare_disable_switches_everything_off(linter: Linter) -> None:
    assert codes(linter, "<!-- cmlint: disable -->\n" + BODY) == []
