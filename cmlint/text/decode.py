"""Bytes → text: UTF-8 (with or without BOM), UTF-16 and cp1251, detected.

Russian exports come in all three; a linter must read them without being
told.  Binary data is refused with a clear message instead of being linted
as mojibake.
"""

from __future__ import annotations

import codecs
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_CP1251_LETTERS = bytes(range(0xC0, 0x100)) + b"\xa8\xb8"


class DecodeError(ValueError):
    """The bytes are not text in a supported encoding."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return (text, encoding name).  Raises :class:`DecodeError`."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16"), "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _strict(data, utf16), utf16
    if b"\x00" in data:
        raise DecodeError("двоичный файл (содержит нулевые байты), а не текст")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _cp1251(data)
        _refuse_binary(text)
        return text, "cp1251" if data.decode("cp1251", "replace") == text else "koi8-r"
    _refuse_binary(text)
    return text, "utf-8"


def utf16_encoding(data: bytes) -> str | None:
    """``"utf-16"`` (with a BOM), ``"utf-16-le"``/``"utf-16-be"`` (without), or None."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    return _utf16_without_bom(data)


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(f"повреждённый текст в кодировке {encoding}: {error.reason} на байте {error.start}") from None
    _refuse_binary(text.lstrip("\ufeff"))
    return text.lstrip("\ufeff")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL in every other byte of ASCII/Cyrillic text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # Cyrillic in UTF-16 has 0x04 as the high byte, ASCII has 0x00.
    high_le = sum(1 for b in sample[1::2] if b in (0, 4))
    high_be = sum(1 for b in sample[0::2] if b in (0, 4))
    if odd_nuls + even_nuls == 0:
        return None
    if high_le >= 0.9 * half and odd_nuls >= even_nuls:
        return "utf-16-le"
    if high_be >= 0.9 * half and even_nuls > odd_nuls:
        return "utf-16-be"
    return None


def _cp1251(data: bytes) -> str:
    """cp1251 or KOI8-R, whichever reads as Russian (mostly lower-case letters); both are one byte a letter."""
    failure = DecodeError("не удалось определить кодировку: ни UTF-8, ни UTF-16, ни cp1251, ни KOI8-R")
    if not _looks_like_cp1251(data):  # the Cyrillic byte ranges of the two encodings coincide
        raise failure
    candidates = []
    for encoding in ("cp1251", "koi8-r"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:20000]
        candidates.append((sum(1 for c in sample if "а" <= c <= "я" or c == "ё"), encoding == "cp1251", text))
    if not candidates:
        raise failure
    return max(candidates)[2]


def _looks_like_cp1251(data: bytes) -> bool:
    high = [b for b in data if b >= 0x80]
    if not high:
        return False
    letters = sum(1 for b in high if b in _CP1251_LETTERS)
    return letters / len(high) >= 0.8


def _refuse_binary(text: str) -> None:
    sample = text[:8192]
    if not sample:
        return
    controls = len(_CONTROL.findall(sample))
    if controls > max(2, len(sample) // 100):
        raise DecodeError("двоичный файл: слишком много управляющих символов для текста")
