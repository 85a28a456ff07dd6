import re

import pytest
from hypothesis import given, strategies as st

from cmlint.text.normalize import (
    _COLLAPSED_WHITESPACE,
    _DROP,
    _DROP_START,
    _HASHTAG,
    _LONG_RUN,
    _MD_HINT,
    _TELEGRAM_EMOJI,
    _has_long_run,
    _has_md_marks,
    detect_format,
    normalize,
)
from cmlint.text.wraps import _WRAP


def test_html_becomes_lines_with_bullets() -> None:
    source = "<p><strong>Обязанности:</strong></p><ul><li>вести чат&nbsp;сообщества</li><li>митапы &amp; встречи</li></ul>"
    result = normalize(source, "html")
    assert result.text.strip().split("\n") == ["Обязанности:", "• вести чат сообщества", "• митапы & встречи"]


@given(st.text(alphabet=st.sampled_from(" \t\n\u00a0ab"), max_size=30))
def test_html_whitespace_collapsed_is_every_run_but_a_lone_space_between_words(chunk: str) -> None:
    runs = [m.span() for m in re.finditer(r"[ \t\n\u00a0]+", chunk)]
    lone_inside = {(a, b) for a, b in runs if chunk[a:b] == " " and 0 < a and b < len(chunk)}
    assert [m.span() for m in _COLLAPSED_WHITESPACE.finditer(chunk)] == [run for run in runs if run not in lone_inside]


def test_html_offsets_map_back_to_the_source() -> None:
    source = "<p>Ищем <b>комьюнити-менеджера</b> в&nbsp;команду</p>"
    result = normalize(source, "html")
    start = result.text.index("комьюнити")
    begin, end = result.span_to_source(start, start + len("комьюнити-менеджера"))
    assert source[begin:end] == "комьюнити-менеджера"


def test_html_words_joined_by_lone_spaces_are_one_piece_of_the_offset_map() -> None:
    source = "<p>Ведение  чатов и\tвстреч сообщества</p>"
    result = normalize(source, "html")
    assert result.text == "Ведение чатов и встреч сообщества\n"
    # «Ведение», a space for the double one, «чатов и», a space for the tab, «встреч сообщества», the line end.
    assert result.offsets.starts == [0, 7, 8, 15, 16, 33]
    for index, char in enumerate(result.text.rstrip()):
        mapped = source[slice(*result.span_to_source(index, index + 1))]
        assert mapped == char or (char == " " and mapped.isspace())


def test_script_and_style_are_dropped() -> None:
    result = normalize("<style>p{}</style><p>текст</p><script>alert(1)</script>", "html")
    assert result.text.strip() == "текст"


def test_markdown_markup_is_removed_but_offsets_kept() -> None:
    source = "## Обязанности\n- **вести** [чат](https://t.me/x) сообщества"
    result = normalize(source, "markdown")
    assert result.text == "Обязанности\n- вести чат сообщества"
    start = result.text.index("чат")
    assert source[slice(*result.span_to_source(start, start + 3))] == "чат"


def test_plain_text_drops_invisible_characters() -> None:
    source = "мо\u00adде\u200bрация\r\nчата"
    result = normalize(source, "plain")
    assert result.text == "модерация\nчата"
    assert source[slice(*result.span_to_source(0, 9))] == "мо\u00adде\u200bрация"


def test_directive_comments_are_not_text() -> None:
    assert normalize("<!-- cmlint: disable CM001 -->\nЗаголовок", "plain").text == "\nЗаголовок"


def test_every_markdown_hint_holds_a_mark_the_quick_test_looks_for() -> None:
    for text in ("## Обязанности", "- **Условия:**", "Работа с **CRM** каждый день", "[сайт](https://example.ru)"):
        assert detect_format(text) == "markdown"
        assert _has_md_marks(text)
    assert not _has_md_marks("Обязанности:\n- ведение чатов (ежедневно) [1]")
    assert detect_format("Обязанности:\n- ведение чатов (ежедневно) [1]") == "plain"


@given(st.text(alphabet="#*[]()- \tx\n"))
def test_a_text_without_the_marks_has_no_markdown_hint(text: str) -> None:
    assert _has_md_marks(text) or _MD_HINT.search(text) is None


def test_detect_format() -> None:
    assert detect_format("<p>текст</p>") == "html"
    assert detect_format("## Обязанности\n- пункт") == "markdown"
    assert detect_format("🔥 Вакансия #удаленка #вакансия ✅ пункт") == "telegram"
    assert detect_format("Просто текст") == "plain"


@given(st.text())
def test_plain_offsets_stay_in_bounds(text: str) -> None:
    result = normalize(text, "plain")
    for index in range(len(result.text)):
        begin, end = result.span_to_source(index, index + 1)
        assert 0 <= begin < end <= len(text)


@given(st.text(alphabet="<>/&;abp ылi\n#*", max_size=60))
def test_html_never_fails(text: str) -> None:
    result = normalize(text, "html")
    if result.text:
        begin, end = result.span_to_source(0, len(result.text))
        assert 0 <= begin <= end <= len(text)


def test_a_word_broken_by_a_hyphen_at_the_line_end_is_joined() -> None:
    known = {"продавщицу", "обязательно", "продав", "бизнес", "процесс"}.__contains__
    source = "Ищем продав-\nщицу, стаж обяза- тельно; бизнес-\nпроцесс, двух- и трёхдневный"
    result = normalize(source, "plain", known=known)
    assert result.text == "Ищем продавщицу, стаж обязательно; бизнес-\nпроцесс, двух- и трёхдневный"
    start = result.text.index("продавщицу")
    assert source[slice(*result.span_to_source(start, start + len("продавщицу")))] == "продав-\nщицу"
    after = result.text.index("стаж")
    assert source[slice(*result.span_to_source(after, len(result.text)))] == source[source.index("стаж"):]



@pytest.mark.parametrize(
    ("text", "wrap"),
    [("продав-\nщицу", (6, 8)), ("Я‑ \t\n щ", (1, 6)), ("-\nщицу", None), ("продав -\nщицу", None),
     ("2-\nщицу", None), ("продав»-\nщицу", None), ("продав-щицу", None), ("продав-\nЩицу", None)],
)
def test_a_wrap_is_a_hyphen_glued_to_a_letter_then_a_break_then_lower_case(text: str, wrap: tuple[int, int] | None) -> None:
    found = _WRAP.search(text)
    assert (found.span(1) if found else None) == wrap

def test_markup_headings_are_marked_where_their_lines_start() -> None:
    markdown = normalize("## Чем живёт отдел\nтекст **жирным** внутри\n**Кого зовём**\n- опыт", "markdown")
    assert sorted(markdown.text[i:].split("\n")[0] for i in markdown.headings) == ["Кого зовём", "Чем живёт отдел"]
    page = normalize("<h3>Чем живёт отдел</h3><p>текст <b>жирным</b></p><p><strong>Кого зовём</strong></p>", "html")
    assert sorted(page.text[i:].split("\n")[0] for i in page.headings) == ["Кого зовём", "Чем живёт отдел"]
    assert normalize("## не заголовок в простом тексте", "plain").headings == frozenset()


def test_a_run_of_a_hundred_non_space_characters_or_more_is_cut_every_hundred() -> None:
    """spaCy strips a token's affixes one at a time: a run of 100 or more non-space characters gets a space after
    every 100 (and maps back), a shorter one stays whole, in plain text and in markup pieces alike."""
    for run in ("я" * 99, "я" * 100, "ю" * 250):
        plain = normalize(f"ссылка: {run} конец", "plain")
        html = normalize(f"<p>ссылка: <b>{run}</b> конец</p>", "html")
        for result in (plain, html):
            cut = result.text.split()[1:-1]
            assert cut == [run[i:i + 100] for i in range(0, len(run), 100)]
            start = result.text.index(run[:1])
            assert result.source[slice(*result.span_to_source(start, start + len(cut[0])))] == cut[0]


@given(st.lists(st.tuples(st.integers(0, 130), st.sampled_from(" \t\n\u00a0\u2028\u3000")), max_size=4))
def test_a_long_run_is_found_by_the_words_as_by_the_search(runs: list[tuple[int, str]]) -> None:
    text = "".join("я-1" * (length // 3) + "z" * (length % 3) + space for length, space in runs)
    assert _has_long_run(text) == bool(_LONG_RUN.search(text))


@given(st.text(alphabet=st.sampled_from("<!-a\r\n \u200b\u00ad\ufeff\u202e"), max_size=40))
def test_a_text_without_a_first_character_of_a_drop_has_nothing_to_drop(text: str) -> None:
    assert _DROP_START.search(text) is not None or _DROP.search(text) is None


#: Hashtags and emoji in one expression, as :func:`detect_format` counted them before.
_TELEGRAM_HINT = re.compile(r"(#[\w\u0400-\u04ff]+|[\U0001F300-\U0001FAFF\u2705\u2714\u2757\u203c])")


@given(st.text(alphabet=st.sampled_from("#я_a1 .\n🔥✅‼\U0001FAFF"), max_size=40))
def test_hashtags_and_emoji_counted_apart_count_as_their_alternation(text: str) -> None:
    assert len(_HASHTAG.findall(text)) + len(_TELEGRAM_EMOJI.findall(text)) == len(_TELEGRAM_HINT.findall(text))
