"""User rule packs: the minimal shape works, broken packs name the file, the entry and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmlint import Config, Linter, PackError
from cmlint.engine.ruleset import shipped_packs


def linter_with(tmp_path: Path, pack: str) -> Linter:
    path = tmp_path / "pack.yaml"
    path.write_text(pack, encoding="utf-8")
    return Linter(Config(extend_rules=[str(path)])).prepare()


def test_minimal_user_pack_matches_every_inflection(tmp_path: Path) -> None:
    linter = linter_with(tmp_path, """
rules:
  - code: ACME001
    name: no-cold-calls
    severity: error
    message: "Мы не публикуем вакансии с холодными звонками: «{match}»"
    patterns: ["холодные звонки"]
""")
    report = linter.lint("Обязанности:\n- совершать холодный звонок\n- план по холодным звонкам", title="Менеджер")
    found = [f for f in report.findings if f.code == "ACME001"]
    assert [f.span.text for f in found] == ["холодный звонок", "холодным звонкам"]
    assert found[0].message == "Мы не публикуем вакансии с холодными звонками: «холодный звонок»"
    assert found[0].severity.value == "error"


def test_antipatterns_and_token_patterns(tmp_path: Path) -> None:
    linter = linter_with(tmp_path, """
rules:
  - code: ACME002
    name: night-shifts
    severity: warning
    message: "Ночные смены: «{match}»"
    patterns:
      - "ночная смена"
      - [{"LEMMA": "работа"}, {"LOWER": "ночью"}]
    antipatterns: ["без ночная смена"]
""")
    def codes(text: str) -> list[str]:
        return [f.span.text for f in linter.lint(text, title="Оператор").findings if f.code == "ACME002"]

    assert codes("Условия:\n- ночные смены 2/2") == ["ночные смены"]
    assert codes("Условия:\n- график без ночных смен") == []
    assert codes("Условия:\n- работа ночью") == ["работа ночью"]


def test_substitution_inflects_the_replacement(tmp_path: Path) -> None:
    linter = linter_with(tmp_path, """
rules:
  - code: ACME003
    name: say-specialist
    severity: suggestion
    kind: substitution
    message: "Лучше «{replacement}»"
    patterns: ["продажник"]
    replacement: "менеджер по продажам"
""")
    finding = [f for f in linter.lint("Ищем опытного продажника в команду", title="Вакансия").findings if f.code == "ACME003"][0]
    assert finding.suggestions[0].edits[0].replacement == "менеджера по продажам"


@pytest.mark.parametrize(
    ("pack", "expected"),
    [
        ("rules: [{code: X1, name: a, severity: error, message: m, patterns: [a]}]", "правило 1 (X1), поле code"),
        ("rules: [{code: ACME001, name: Bad_Name, severity: error, message: m, patterns: [a]}]", "поле name"),
        ("rules: [{code: ACME001, name: a, severity: loud, message: m, patterns: [a]}]", "поле severity"),
        ("rules: [{code: ACME001, name: a, severity: error, message: m}]", "нужен непустой список patterns"),
        ("rules: [{code: ACME001, name: a, severity: error, message: m, patterns: [[{POS: VERBB}]]}]", "неизвестная часть речи 'VERBB'"),
        ("rules: [{code: ACME001, name: a, severity: error, message: m, patterns: [[{MORPH: {IS_SUPERSET: [Case=Nomm]}}]]}]", "Case='Nomm'"),
        ("rules: [{code: ACME001, name: a, severity: error, message: m, patterns: [[{LEMMAS: x}]]}]", "неизвестный атрибут 'LEMMAS'"),
        # A wide bounded repeat is exponential in spaCy's Matcher; «*» is linear.
        ("rules: [{code: ACME001, name: a, severity: error, message: m, patterns: [[{LOWER: рост}, {IS_SPACE: false, OP: '{0,45}'}, {LOWER: стажёр}]]}]", "повтор {0,45} длиннее 14"),
        ("rules: [{code: ACME001, name: a, severity: error, message: m, patterns: ['$NOPE звонки']}]", "неизвестный макрос $NOPE"),
        ("rules: [{code: ACME001, name: a, severity: error, message: m, patterns: ['(звонки']}]", "непарная скобка"),
        ("rules: [{code: CM001, name: a, severity: error, message: m, patterns: [a]}]", "уже определено"),
        ("rules: [{code: ACME001, name: a, severity: error, message: m, kind: python, check: nope}]", "нет проверки на Python с именем 'nope'"),
        ("rules: [{code: ACME001, name: a, severity: error, message: m, patterns: [a], title_roles: [wizard]}]", "неизвестные роли wizard"),
        ("rules: [{code: ACME001, name: a, severity: error, message: 'Это «{matсh}»', patterns: [a]}]",
         "правило ACME001 (a), message: неизвестное поле {matсh} (в имени есть нелатинские буквы); доступны: {match}"),
        ("rules: [{code: ACME001, name: a, severity: error, message: 'Замена {replacement}', patterns: [a]}]", "неизвестное поле {replacement}"),
        ("rules: [{code: ACME001, name: a, severity: error, message: 'скобка {', patterns: [a]}]", "поле message: шаблон сообщения не разбирается"),
        ("rules: [{code: ACME001, name: a, severity: error, message: '{0}', patterns: [a]}]", "должно быть именем"),
        ("rules: [{code: ACME001, name: a, severity: error, message: '{match:>999}', patterns: [a]}]", "нужны три формы слова"),
        ("rules: [{code: ACME001, name: a, severity: error, message: '{match:раз|раза|раз}', patterns: [a]}]",
         "поле {match} — не число, формы слова ему не нужны"),
        ("rules: [{code: ACME001, name: a, severity: warning, message: 'Роли: {count}, {breakdown}', kind: python, check: role-overload}]",
         "поле {count} — число: напишите {count:форма для 1|для 2|для 5}"),
        ("rules: [{code: ACME001, name: a, severity: error, message: m, patterns: [a], options: {x: 1}}]",
         "правило ACME001 (a), options: у правил с шаблонами нет настроек"),
        ("rules: [{code: ACME001, name: a, severity: warning, message: m, kind: python, check: role-overload, options: {min_itemz: 2}}]",
         "правило ACME001 (a), options.min_itemz: неизвестный ключ"),
        ("rules: [{code: ACME001, name: a, severity: warning, message: m, kind: python, check: role-overload, options: {min_items: lots}}]",
         "options.min_items: ожидалось целое число"),
        ("rules: [{code: ACME001, name: a, severity: warning, message: '{problem}', kind: python, check: no-position-in-title, "
         "options: {generic_words: [вакансия, ищем, срочно!]}}]",
         "options.generic_words[2]: «ищем» — не начальная форма: в тексте это слово получит лемму «искать»; "
         "options.generic_words[3]: «срочно!» — не одно слово"),
        ("rules: [{code: ACME001, name: a, severity: warning, message: '{problem}', kind: python, check: no-position-in-title,"
         " options: {generic_words: [вакансия], extra: 1}}]", "options.extra: неизвестный ключ"),
        ("rules: [{code: ACME001, name: a, severity: warning, message: m, kind: python, check: no-position-in-title, options: {}}]",
         "options.generic_words: обязательный ключ не указан"),
        ("rules: [{code: ACME001, name: a, severity: warning, message: '{title} {count}', kind: python, check: no-member-connections}]",
         "неизвестное поле {count}; доступны: {title}"),
        ("rules: {code: 1}", "rules: ожидался список"),
        ("- just a list", "ожидался словарь"),
        ("rules: [\n  {code: ACME001", "не YAML"),
    ],
)
def test_broken_pack_names_file_entry_and_problem(tmp_path: Path, pack: str, expected: str) -> None:
    with pytest.raises(PackError) as error:
        linter_with(tmp_path, pack)
    message = str(error.value)
    assert "pack.yaml" in message and expected in message, message


def test_missing_pack_file(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="не удалось прочитать"):
        Linter(Config(extend_rules=[str(tmp_path / "nope.yaml")])).prepare()


def test_catalogue_size_and_codes() -> None:
    specs = [spec for _, pack in shipped_packs() for spec in pack.rules]
    codes = [spec.code for spec in specs]
    assert len(codes) == len(set(codes)) and len(codes) >= 13
    assert {"CM", "LG", "RL", "ST", "SY"} == {code[:2] for code in codes}


def test_item_exceptions_drop_matches_in_the_same_item(tmp_path: Path) -> None:
    linter = linter_with(tmp_path, """
rules:
  - code: ACME004
    name: years
    severity: warning
    message: "«{match}»"
    patterns: ["от #NUM до #NUM год"]
    item_exceptions: ["опыт"]
""")
    def found(text: str) -> list[str]:
        return [f.span.text for f in linter.lint(text, title="Оператор").findings if f.code == "ACME004"]

    assert found("Требования:\n- возраст от 20 до 35 лет") == ["от 20 до 35 лет"]
    assert found("Требования:\n- опыт работы в продажах на маркетплейсах от 1 до 3 лет") == []


def test_a_clause_exception_drops_matches_of_its_own_clause_only(tmp_path: Path) -> None:
    linter = linter_with(tmp_path, """
rules:
  - code: ACME005
    name: years
    severity: warning
    message: "«{match}»"
    patterns: ["от #NUM до #NUM год"]
    item_exceptions: [{clause: "опыт"}]
""")
    def found(text: str) -> list[str]:
        return [f.span.text for f in linter.lint(text, title="Оператор").findings if f.code == "ACME005"]

    assert found("Требования:\n- опыт работы в продажах от 1 до 3 лет") == []
    assert found("Требования:\n- возраст от 20 до 35 лет, опыт продаж") == ["от 20 до 35 лет"]


def test_a_python_rule_of_a_user_pack_reuses_a_shipped_check_with_its_own_options(tmp_path: Path) -> None:
    linter = linter_with(tmp_path, """
rules:
  - code: ACME005
    name: loud-title
    severity: warning
    kind: python
    check: shouting
    message: "Громко: {what}"
    options: {min_letters: 3}
""")
    def codes(title: str) -> list[str]:
        return linter.lint("Обязанности:\n- звонки", title=title).codes()

    assert "ACME005" in codes("ПОВАР")
    assert "ACME005" not in codes("Повар")
