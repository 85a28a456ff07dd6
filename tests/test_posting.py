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
