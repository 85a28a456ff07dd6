import codecs

import pytest
from hypothesis import given, strategies as st

from cmlint.text.decode import DecodeError, decode

TEXT = "Комьюнити-менеджер\nОбязанности: модерация чата, митапы — и «ёлки»."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1251"), "cp1251"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    assert decode(data) == (TEXT, encoding)


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        b"PK\x03\x04" + bytes([1, 2, 3, 250, 251, 7, 8]) * 50,
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(DecodeError):
        decode(data)


def test_ascii_and_empty() -> None:
    assert decode(b"SMM manager") == ("SMM manager", "utf-8")
    assert decode(b"") == ("", "utf-8")


@given(st.binary(max_size=300))
def test_decode_never_crashes(data: bytes) -> None:
    try:
        text, _ = decode(data)
    except DecodeError:
        return
    assert isinstance(text, str)
