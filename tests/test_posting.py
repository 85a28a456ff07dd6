"""The one conversion from any input to a Posting (library and CLI)."""

from __future__ import annotations

import pytest

from cmlint.models import Posting
from cmlint.posting import MAX_TEXT_CHARS, FieldMap, PostingError, as_posting, from_record, make_posting


def test_shapes() -> None:
    assert as_posting("текст") == Posting(text="текст")
    assert as_posting("текст".encode("cp1251")) == Posting(text="текст")
    assert as_posting(("текст", "SMM")) == Posting(text="текст", title="SMM")
    assert as_posting({"ID": 5, "Name": "SMM", "body": "текст", "format": "html"}) == Posting(text="текст", title="SMM", id="5", format="html")
    posting = Posting(text="x", id="a")
    assert as_posting(posting) is posting


@pytest.mark.parametrize("item", [None, 1, 2.5, True, [["текст"]], ("a", "b", "c"), object()])
def test_not_a_posting_is_a_type_error(item: object) -> None:
    with pytest.raises(TypeError, match="нельзя проверить объект"):
        as_posting(item)


@pytest.mark.parametrize(
    ("record", "kind", "words"),
    [
        ({"name": "SMM"}, "malformed", "нет поля с текстом"),
        ({"text": None}, "malformed", "'text'"),
        ({"text": "x", "title": {"a": 1}}, "malformed", "'title'"),
        ({"text": "x", "format": "docx"}, "unsupported", "docx"),
        ({"text": b"\xff\xfe\x00"}, "decode", "utf-16"),
        ({"text": "а" * (MAX_TEXT_CHARS + 1)}, "too-large", "длиннее"),
        ({"text": "x", "salary": {"from": "много"}}, "malformed", "поле 'salary': поле 'from'"),
        ({"text": "x", "salary_to": -5}, "malformed", "'salary_to'"),
        ({"text": "x", "salary": [80000]}, "malformed", "ожидалась строка, число или объект"),
        ({"text": "x", "salary": "х" * 1001}, "too-large", "'salary'"),
        # Python will not write out an int of over 4 300 digits: a number is at most 100 digits, and finite.
        ({"text": "x", "id": 10**5000}, "too-large", "число длиннее 100 цифр"),
        ({"text": "x", "salary_from": "9" * 5000}, "too-large", "число длиннее 100 цифр"),
        ({"text": "x", "salary": 10**200}, "too-large", "'salary'"),
        ({"text": "x", "id": float("inf")}, "malformed", "конечное число"),
    ],
)
def test_record_problems_name_the_field(record: dict, kind: str, words: str) -> None:
    with pytest.raises(PostingError) as error:
        from_record(record)
    assert error.value.failure.kind == kind and words in str(error.value)


def test_record_options() -> None:
    fields = FieldMap(title=("vacancy_name",), text=("descr",), id=("key",))
    posting = from_record({"vacancy_name": "SMM", "descr": "пост"}, fields, default_id="f.jsonl:3", title="Другое")
    assert (posting.title, posting.text, posting.id) == ("Другое", "пост", "f.jsonl:3")


def test_make_posting_numbers_in_title_and_id() -> None:
    assert make_posting("x", 1984, 7) == Posting(text="x", title="1984", id="7")


@pytest.mark.parametrize(
    ("record", "salary"),
    [
        ({"text": "x", "salary": "от 80 000 ₽"}, "от 80 000 ₽"),
        ({"text": "x", "salary": 90000}, "90 000"),
        ({"text": "x", "salary": {"from": 80000, "to": None, "currency": "RUR", "gross": False}}, "от 80 000 RUR на руки"),
        ({"text": "x", "Salary": {"min": 50000, "max": 70000, "gross": True}}, "от 50 000 до 70 000 до вычета налогов"),
        ({"text": "x", "salary_from": "60 000", "salary_to": "", "salary_currency": "RUR"}, "от 60 000 RUR"),
        ({"text": "x", "payment_to": 45000.0}, "до 45 000"),
        ({"text": "x", "salary": None}, None),
        ({"text": "x", "salary": {"from": None, "to": None, "currency": "RUR"}}, None),
        ({"text": "x"}, None),
    ],
)
def test_a_salary_kept_apart_reads_as_its_page_shows_it(record: dict, salary: str | None) -> None:
    assert from_record(record).salary == salary


def test_salary_field_names_and_parts() -> None:
    assert from_record({"text": "x", "pay": "100 000"}, FieldMap(salary=("pay",))).salary == "100 000"
    assert make_posting("x", salary={"to": 120000}) == Posting(text="x", salary="до 120 000")
    with pytest.raises(TypeError, match="зарплата"):
        make_posting("x", salary=[1])
