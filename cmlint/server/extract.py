"""Uploaded files → posting text: ``.txt``, ``.md``, ``.html`` and Word's ``.docx``.

Text files are decoded like the CLI decodes them (UTF-8, UTF-16, cp1251 …);
HTML becomes plain text (what a recruiter can edit); Markdown stays as it
is.  ``.docx`` is read with python-docx: paragraphs in order, list items as
«- » lines, table cells as lines; a file that unpacks to more than
:data:`MAX_DOCX_XML_BYTES` of XML is refused before parsing.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath
from typing import TYPE_CHECKING

from cmlint.models import Format
from cmlint.server.errors import ApiError
from cmlint.server.schemas import ExtractResponse
from cmlint.text.decode import DecodeError, decode
from cmlint.text.normalize import normalize

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
#: Unpacked XML a Word file may hold (a zip bomb stops here).
MAX_DOCX_XML_BYTES = 50 * 1024 * 1024


def extract(filename: str, data: bytes) -> ExtractResponse:
    """The text of an uploaded file; an :class:`ApiError` (415/422) for anything else."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUFFIXES:
        raise ApiError(
            415,
            "unsupported-file",
            f"файлы {suffix or 'без расширения'} не поддерживаются; можно {', '.join(SUFFIXES)}",
        )
    if not data:
        raise ApiError(422, "empty-file", "файл пустой")
    if suffix == ".docx":
        return ExtractResponse(text=_docx(data), format="plain")
    try:
        text, _ = decode(data)
    except DecodeError as error:
        raise ApiError(422, "unreadable-file", f"не удалось прочитать файл: {error}") from None
    fmt: Format = "html" if suffix in (".html", ".htm") else "markdown" if suffix in (".md", ".markdown") else "plain"
    if fmt == "html":
        return ExtractResponse(text=normalize(text, "html").text.strip() + "\n", format="plain")
    return ExtractResponse(text=text, format=fmt)


def _docx(data: bytes) -> str:
    import docx  # python-docx, from the web extra
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if (
                sum(info.file_size for info in archive.infolist() if info.filename.endswith(".xml"))
                > MAX_DOCX_XML_BYTES
            ):
                raise ApiError(413, "too-large", "документ Word слишком большой после распаковки")
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ApiError(422, "unreadable-file", "это не документ Word (.docx): файл не архив .docx") from None
    except (PackageNotFoundError, KeyError, ValueError):
        raise ApiError(422, "unreadable-file", "это не документ Word (.docx): в архиве нет текста документа") from None
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph(Paragraph(block, document)))
        elif tag == "tbl":
            table = Table(block, document)
            lines += [cell.text.strip() for row in table.rows for cell in row.cells if cell.text.strip()]
    return "\n".join(lines).strip() + "\n"


def _paragraph(paragraph: Paragraph) -> str:
    """A paragraph's text; «- » before list items (a list style or Word numbering)."""
    text = paragraph.text.strip()
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    properties = paragraph._p.pPr
    numbered = properties is not None and properties.numPr is not None
    return f"- {text}" if text and (numbered or style.lower().startswith("list")) else text
