"""Read a PDF's text layer page by page; wrapped lines are joined (CJK without spaces)."""

from __future__ import annotations

import re
from pathlib import Path

from agreementkit.check.model import Document
from agreementkit.check.structure import (
    MAX_DOCUMENT_CHARS,
    RawParagraph,
    build_blocks,
    detect_language,
    join_lines,
    parse_heading,
    too_long,
)
from agreementkit.errors import InputError

MAX_PAGES = 2000
MIN_CHARS_PER_PAGE = 20
_END = re.compile(r"[。；：:;.!?！？」）)]$")


def _paragraphs(page_text: str, page: int) -> list[RawParagraph]:
    out: list[RawParagraph] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append(RawParagraph(join_lines(current), page=page))
            current.clear()

    for raw in page_text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
            continue
        if re.fullmatch(r"(?:-\s*)?\d{1,4}(?:\s*-)?|第\s*\d+\s*頁.*|Page \d+( of \d+)?", line):
            continue  # page numbers
        heading = parse_heading(line)
        if heading is not None and (heading.level == 1 or current):
            flush()
        current.append(line)
        if (heading is not None and not heading.inline) or (_END.search(line) and len(line) < 60):
            flush()
    flush()
    return out


# PDFium's load errors (FPDF_GetLastError): a password is needed / the security handler is unknown
_ERR_PASSWORD = 4
_ERR_SECURITY = 5


def read_pdf(path: Path, data: bytes) -> Document:
    """Read the PDF ``data`` (the bytes of ``path``); InputError for a damaged, encrypted or image-only PDF.

    PDFium decrypts RC4 and AES (128 and 256) itself, so a PDF encrypted only against editing
    (an owner password, no password to open) is read as usual, without any extra package; one
    that needs a password to open is refused with a message saying so.
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        msg = str(exc)
        if code == _ERR_PASSWORD or "password" in msg.lower():
            raise InputError(
                f"{path}: encrypted PDF: it needs a password to open; save a copy without a password and check that"
            ) from None
        if code == _ERR_SECURITY:
            raise InputError(
                f"{path}: encrypted PDF: it uses an encryption scheme we cannot read (e.g. certificate security); "
                "save a copy without protection and check that"
            ) from None
        raise InputError(f"{path}: not a readable PDF ({msg})") from None
    try:
        count = len(pdf)
        if count == 0:
            raise InputError(f"{path}: the PDF has no pages")
        if count > MAX_PAGES:
            raise InputError(f"{path}: refused: {count} pages (more than {MAX_PAGES})")
        raw: list[RawParagraph] = []
        chars = 0
        for index in range(count):
            page = pdf[index]
            textpage = page.get_textpage()
            # PDFium writes U+FFFE for a hyphen it takes for a possible soft hyphen ("re-export")
            text = textpage.get_text_range().replace("\ufffe", "-")
            textpage.close()
            page.close()
            chars += len(text.strip())
            if chars > MAX_DOCUMENT_CHARS:
                raise too_long(path)
            raw.extend(_paragraphs(text, index + 1))
    except pdfium.PdfiumError as exc:
        raise InputError(f"{path}: damaged PDF ({exc})") from None
    finally:
        pdf.close()
    if chars < MIN_CHARS_PER_PAGE * count:
        raise InputError(
            f"{path}: the PDF has no text layer (scanned images?); run OCR on it first, then check the result"
        )
    language = detect_language("\n".join(r.text for r in raw[:400]))
    blocks = build_blocks(raw, language)
    return Document(str(path), "pdf", blocks, language, pages=count)
