"""Readers: turn a DOCX, PDF or text file into ordered, located blocks (sniffed by content, not name).

Every document is read once, through :func:`agreementkit.fileio.input.read_regular_file`: a device
(``/dev/zero``), a FIFO, a folder or a file over :data:`MAX_DOCUMENT_BYTES` is refused before a
byte is read, so no input can hang the checker; the readers then work on the bytes in memory.
"""

from __future__ import annotations

from pathlib import Path

from agreementkit.check.model import Document
from agreementkit.errors import InputError
from agreementkit.fileio.input import MAX_DOCUMENT_BYTES, read_regular_file

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_document(path: Path) -> Document:
    """Read ``path`` whatever it is; InputError (exit 2) with one clear line when it is unusable."""
    data = read_regular_file(path, max_bytes=MAX_DOCUMENT_BYTES, what="document")
    if not data:
        raise InputError(f"{path}: the file is empty (0 bytes)")
    head = data[:8]
    if head.startswith(b"%PDF"):
        from agreementkit.check.readers.pdf import read_pdf

        return read_pdf(path, data)
    if head.startswith(b"PK"):
        from agreementkit.check.readers.docx import read_docx

        return read_docx(path, data)
    if head.startswith(_OLE):
        raise InputError(
            f"{path}: an encrypted Office file or a legacy .doc; save it as an unprotected .docx and check that"
        )
    if path.suffix.lower() in (".docx", ".pdf"):
        raise InputError(f"{path}: damaged {path.suffix.lower()[1:].upper()} (the file does not start like one)")
    from agreementkit.check.readers.text import read_text

    return read_text(path, data)
