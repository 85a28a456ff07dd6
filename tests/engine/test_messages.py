"""Every shipped message renders as Russian: numbers agree with their nouns, sentences start capitalised."""

from __future__ import annotations

import re

import pymorphy3
import pytest

from cmlint.engine import messages
from cmlint.linter import Engine
from cmlint.russian import count

NUMBERS = (1, 2, 5, 21, 0)
#: What a number's three forms must be: the noun for 1 singular, for 2–4 genitive singular or
#: plural (adjectives), for 5 genitive plural.
AGREEMENT = ({"sing"}, {"gent"}, {"gent", "plur"})


def test_templates_parse_number_fields_with_their_forms() -> None:
    fields = messages.parse("Вакансия совмещает {count:роль|роли|ролей}: {breakdown}")
    assert fields == {"count": ("роль", "роли", "ролей"), "breakdown": None}
    assert messages.Template("{count:роль|роли|ролей}").render({"count": 22}) == "22 роли"
    assert messages.problems("{count}", {"count": int}) == [
        "поле {count} — число: напишите {count:форма для 1|для 2|для 5}, чтобы слово согласовалось с числом"
    ]


def test_a_template_renders_each_field_as_written_and_no_form_nests_a_field() -> None:
    template = messages.Template("{{{title}}}: {count:роль|роли|ролей}, снова {count:раз|раза|раз}")
    assert template.render({"title": "Курьер", "count": 3}) == "{Курьер}: 3 роли, снова 3 раза"
    with pytest.raises(ValueError, match="три формы"):
        messages.parse("{count:{form}|роли|ролей}")


@pytest.mark.parametrize("n", NUMBERS)
def test_every_message_renders_agreeing_numbers(engine: Engine, n: int) -> None:
    for rule in engine.rules:
        template = rule.spec.message
        values = {name: (n if kind is int else "Пример") for name, kind in rule.fields.items()}
        text = messages.Template(template).render(values)
        for forms in messages.parse(template).values():
            if forms is not None:
                assert count(n, *forms) in text, rule.spec.code
        assert not re.search(r"\d\.\d", text), f"{rule.spec.code}: a decimal point in «{text}»"
        first = text.lstrip("«")[:1]
        assert not first.isalpha() or first.isupper(), f"{rule.spec.code}: «{text}» starts lower case"


def test_number_forms_are_the_forms_that_agree(engine: Engine) -> None:
    morph = pymorphy3.MorphAnalyzer()
    checked = 0
    for rule in engine.rules:
        for name, forms in messages.parse(rule.spec.message).items():
            if forms is None:
                continue
            for form, needed in zip(forms, AGREEMENT, strict=True):
                noun = re.findall(r"[а-яё]+", form)[-1]
                tags = [set(str(parse.tag).replace(" ", ",").split(",")) for parse in morph.parse(noun)]
                ok = any(needed <= tag for tag in tags) or (needed == {"gent"} and any("plur" in t for t in tags))
                assert ok, f"{rule.spec.code}: {{{name}}} «{form}» does not agree with {NUMBERS}"
                checked += 1
    assert checked


def test_references_name_nothing_outside_the_package(engine: Engine) -> None:
    for rule in engine.rules:
        explanation = rule.spec.explanation
        for reference in explanation.references if explanation else []:
            assert "../" not in reference and "shared/" not in reference, f"{rule.spec.code}: {reference}"
