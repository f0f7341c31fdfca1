"""SHA-256 of documents registered with an agreement, and whether a file on disk still matches."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from agreementkit.errors import InputError
from agreementkit.lifecycle.register.model import DocumentState

_CHUNK = 1024 * 1024


def text_sha256(text: str) -> str:
    """SHA-256 (hex) of ``text`` as UTF-8: a deal file's identity in the register."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_sha256(path: Path) -> tuple[str, int]:
    """SHA-256 (hex) and size of the regular file ``path``, read in chunks; OSError if unreadable."""
    digest = hashlib.sha256()
    size = 0
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(f"{path}: not a regular file")
        os.set_blocking(fd, True)
        while chunk := os.read(fd, _CHUNK):
            digest.update(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    return digest.hexdigest(), size


def hash_document(path: Path) -> tuple[Path, str, int]:
    """The absolute path, SHA-256 and size of a document given with ``--document``, or InputError."""
    absolute = path.expanduser().absolute()
    try:
        digest, size = file_sha256(absolute)
    except FileNotFoundError:
        raise InputError(f"{path}: no such document; check the --document path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: not a regular file; --document takes the path of a file (PDF, DOCX, ...)") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read this document: {exc.strerror or exc}") from None
    return absolute, digest, size


def document_state(path: str, sha256: str) -> tuple[DocumentState, str | None]:
    """Whether the file at ``path`` is the registered one: same, changed, missing or unreadable."""
    try:
        current, _ = file_sha256(Path(path))
    except FileNotFoundError:
        return "missing", None
    except OSError:
        return "unreadable", None
    return ("same" if current == sha256 else "changed"), current
