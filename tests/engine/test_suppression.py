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


# The review of directives: RL001 invalid-suppression, RL002 unused-suppression.

CLICHE = "Требования:\n- стрессоустойчивость\n"


def found(linter: Linter, text: str, *codes: str) -> list[tuple[str, str]]:
    report = linter.lint(text, title="Менеджер по продажам")
    return [(f.code, f.span.text if f.span else "") for f in report.findings if f.code in codes]


def test_a_misspelt_code_is_reported_and_does_not_become_a_bare_disable(linter: Linter) -> None:
    text = "<!-- cmlint: disable SY0001 -->\n" + CLICHE
    assert found(linter, text, "RL001", "SY001") == [("RL001", "SY0001"), ("SY001", "стрессоустойчивость")]
    message = next(f.message for f in linter.lint(text).findings if f.code == "RL001")
    assert "нет правила «SY0001»" in message and "SY001" in message.split("SY0001")[1]


def test_an_unsupported_command_is_reported_and_switches_nothing_off(linter: Linter) -> None:
    text = "Требования:\n- стрессоустойчивость <!-- cmlint: disable-line SY001 -->\n- многозадачность"
    assert found(linter, text, "RL001", "SY001") == [
        ("SY001", "стрессоустойчивость"), ("RL001", "disable-line"), ("SY001", "многозадачность")
    ]


def test_known_codes_of_a_directive_still_work_beside_a_misspelt_one(linter: Linter) -> None:
    text = "<!-- cmlint: disable SY001, XX9 -->\n" + CLICHE
    assert found(linter, text, "RL001", "RL002", "SY001") == [("RL001", "XX9")]


def test_unused_directives_and_codes_are_reported_with_a_fix(linter: Linter) -> None:
    text = "<!-- cmlint: disable-next-line SY001 -->\nТребования: опыт продаж от года\n"
    report = linter.lint(text)
    (unused,) = [f for f in report.findings if f.code == "RL002"]
    assert unused.span is not None and unused.span.text == "<!-- cmlint: disable-next-line SY001 -->"
    assert report.fixed_text() == "Требования: опыт продаж от года\n"
    partial = linter.lint("<!-- cmlint: disable SY001, SY002 -->\n" + CLICHE)
    assert [f.span.text for f in partial.findings if f.code == "RL002" and f.span] == ["SY002"]
    assert partial.fixed_text().startswith("<!-- cmlint: disable SY001 -->\n")


def test_an_enable_that_ends_nothing_is_unused(linter: Linter) -> None:
    assert found(linter, CLICHE + "<!-- cmlint: enable SY001 -->\n", "RL002") == [("RL002", "<!-- cmlint: enable SY001 -->")]


def test_a_used_directive_is_not_reported(linter: Linter) -> None:
    region = "Требования:\n<!-- cmlint: disable empty-cliche -->\n- стрессоустойчивость\n<!-- cmlint: enable empty-cliche -->\n"
    assert found(linter, region, "RL001", "RL002", "SY001") == []


def test_review_findings_are_switched_off_only_by_a_directive_that_names_them(linter: Linter) -> None:
    unused = "<!-- cmlint: disable-next-line SY002 -->\nТребования: опыт продаж от года\n"
    assert found(linter, "<!-- cmlint: disable -->\n" + unused, "RL002") != []
    assert found(linter, "<!-- cmlint: disable RL002 -->\n" + unused, "RL002") == []
    assert found(linter, "<!-- cmlint: disable-next-line RL001 -->\n<!-- cmlint: disable SY0001 -->\n", "RL001", "RL002") == []


def test_review_rules_are_selected_and_ignored_like_any_rule(tmp_path) -> None:
    from cmlint import load_config

    config = tmp_path / "cmlint.toml"
    config.write_text('ignore = ["invalid-suppression", "ST004"]\n[rules.RL002]\nconfigured-off = true\n', encoding="utf-8")
    linter = Linter(load_config(config))
    text = "<!-- cmlint: disable SY0001 -->\n<!-- cmlint: disable ST004 -->\n" + CLICHE
    report = linter.lint(text)
    assert "RL001" not in report.codes()
    assert [f.span.text for f in report.findings if f.code == "RL002" and f.span] == ["<!-- cmlint: disable ST004 -->"]


def test_a_directive_for_a_rule_the_title_keeps_from_running_is_unused(linter: Linter) -> None:
    # CM004 runs only for community titles: on a sales posting it did not run, so the directive is idle.
    assert found(linter, "<!-- cmlint: disable CM004 -->\n" + CLICHE, "RL002") == [("RL002", "<!-- cmlint: disable CM004 -->")]


ODD = [
    "<!-- cmlint: -->", "<!-- cmlint:disable,,, -->", "<!-- CMLINT: DISABLE sy001 -->", "<!-- cmlint: disable \x00 -->",
    "<!-- cmlint: disable", "<!--cmlint:enable-->", "<!-- cmlint: disable-next-line -->", "<!-- cmlint: disable ALL -->",
    "<!-- cmlint: disable CM -->", "<!-- cmlint: disable role-confusion -->", "<!-- cmlint:: disable -->",
    "<!-- cmlint: disable \ud800 -->", "<!-- cmlint: enable x y z -->", "<!-- cmlint: disable " + "A" * 600 + " -->",
    "- стрессоустойчивость", "\n", "текст ", "<!-- cmlint: disable-next-line SY001 -->",
]


def test_odd_and_hostile_directives_never_crash(linter: Linter) -> None:
    import random

    rng = random.Random(7)
    for _ in range(40):
        text = "".join(rng.choice(ODD) for _ in range(rng.randint(1, 12)))
        report = linter.lint(text, title="Менеджер")
        assert "CM000" not in report.codes(), (text, report.model_dump_json(indent=1))
        for finding in report.findings:
            if finding.code.startswith("RL") and finding.span:
                assert report_text(text)[finding.span.start:finding.span.end] == finding.span.text


def report_text(text: str) -> str:
    return text.replace("\ud800", "\ufffd")


def test_directives_past_the_limit_are_one_problem(linter: Linter) -> None:
    from cmlint.engine.suppression import MAX_DIRECTIVES

    text = "<!-- cmlint: disable SY001 -->\n" * (MAX_DIRECTIVES + 50) + CLICHE
    report = linter.lint(text)
    assert [f.message for f in report.findings if f.code == "RL001"] == [
        f"Ошибка в директиве подавления: больше {MAX_DIRECTIVES} директив в одной вакансии: эта и следующие не действуют."
    ]
