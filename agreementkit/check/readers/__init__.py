"""Readers: turn a DOCX, PDF or text file into ordered, located blocks (sniffed by content, not name)."""

from __future__ import annotations

from pathlib import Path

from agreementkit.check.model import Document
from agreementkit.errors import InputError

MAX_FILE_BYTES = 100 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_document(path: Path) -> Document:
    """Read ``path`` whatever it is; InputError (exit 2) with one clear line when it is unusable."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a document")
    if size == 0:
        raise InputError(f"{path}: the file is empty (0 bytes)")
    if size > MAX_FILE_BYTES:
        raise InputError(f"{path}: refused: {size} bytes (more than {MAX_FILE_BYTES})")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    if head.startswith(b"%PDF"):
        from agreementkit.check.readers.pdf import read_pdf

        return read_pdf(path)
    if head.startswith(b"PK"):
        from agreementkit.check.readers.docx import read_docx

        return read_docx(path)
    if head.startswith(_OLE):
        raise InputError(
            f"{path}: an encrypted Office file or a legacy .doc; save it as an unprotected .docx and check that"
        )
    if path.suffix.lower() in (".docx", ".pdf"):
        raise InputError(f"{path}: damaged {path.suffix.lower()[1:].upper()} (the file does not start like one)")
    from agreementkit.check.readers.text import read_text

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return read_text(path, data)
