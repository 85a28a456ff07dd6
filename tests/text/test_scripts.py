"""Words typed in two alphabets are read in one."""

from __future__ import annotations

import pytest

from cmlint.text.normalize import normalize
from cmlint.text.scripts import unmix_scripts, unmixed_word


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("гpaжданство", "гражданство"),  # Latin p and a in a Cyrillic word
        ("Tребования", "Требования"),  # a Latin capital T
        ("мoлодой", "молодой"),
        ("Wоrd", "Word"),  # a Cyrillic о in a Latin word
        ("СRM", "CRM"),
        ("IТ", "IT"),  # a tie: only the Cyrillic Т has a look-alike
        ("PФ", "РФ"),  # a tie: only the Latin P has a look-alike
    ],
)
def test_the_minority_script_is_written_in_the_majority_script(written: str, read: str) -> None:
    assert unmixed_word(written) == read


@pytest.mark.parametrize(
    "word",
    ["SMM", "Excel", "опыт", "SMMщик", "МакроCRM", "ExcelОпыт"],
)
def test_pure_words_and_glued_words_without_look_alikes_stay(word: str) -> None:
    assert unmixed_word(word) == word


@pytest.mark.parametrize("text", ["IT-специалист", "SMM-менеджер", "1C", "B2B-продажи", "код A7б"])
def test_hyphen_joined_parts_and_codes_stay(text: str) -> None:
    assert unmix_scripts(text) == text


def test_normalized_text_reads_one_script_and_keeps_offsets() -> None:
    source = "<p>Нужно <b>гpaжданство</b> РФ</p>"
    result = normalize(source, "html")
    start = result.text.index("гражданство")
    assert source[slice(*result.span_to_source(start, start + len("гражданство")))] == "гpaжданство"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("xом", "хом"), ("хoм", "хом"), ("дом хo", "дом хо"), ("рoд", "род"), ("x-ом", "x-ом"), ("x ом", "x ом")],
)
def test_a_latin_letter_is_read_next_to_a_cyrillic_one_on_either_side(text: str, expected: str) -> None:
    assert unmix_scripts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("гpaжданство и Exсel, гpaжданство", "гражданство и Excel, гражданство"),
        ("Опыт: 1Cпродажи, a_бв, тeкст_xом", "Опыт: 1Cпродажи, a_бв, текст_хом"),
        ("pа", "ра"),
        ("...Exсel", "...Excel"),
    ],
)
def test_every_mixed_word_is_rewritten_and_nothing_else(text: str, expected: str) -> None:
    # the words around each Latin letter next to a Cyrillic one, whole (digits join a word, underscores split it)
    assert unmix_scripts(text) == expected
