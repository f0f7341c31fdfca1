"""Bounded input: every file a user hands us is a regular file below a size limit, read without hanging.

Character devices (``/dev/zero``), FIFOs and sockets would block or never end, so they are refused
before a byte is read; the read itself stops one byte past the limit, so a file that grows while we
read it cannot exhaust memory either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from agreementkit.errors import InputError

MIB = 1024 * 1024

# Deal files, clause files and playbooks are hand-written YAML: a megabyte is thousands of pages.
MAX_YAML_BYTES = 1 * MIB
# Actuals (CSV / XLSX) for one review period.
MAX_ACTUALS_BYTES = 20 * MIB
# A contract handed to the checker (DOCX / PDF / text).
MAX_DOCUMENT_BYTES = 50 * MIB


def _human(size: int) -> str:
    return f"{size / MIB:.0f} MB" if size >= MIB else f"{size // 1024} KB"


def read_regular_file(path: Path, *, max_bytes: int, what: str = "file") -> bytes:
    """Return the bytes of ``path``, refusing anything but a regular file of at most ``max_bytes``.

    Raises InputError (exit 2) naming the file and what to do. ``what`` names the kind of file in
    the message ("deal file", "actuals file", ...).
    """
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not block before we can inspect it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such {what}") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; give the path of a {what}") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; cannot read this {what}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot open this {what}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a folder; give the path of a {what}")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                f"{path}: not a regular file (a device, pipe or socket); save the {what} to a file and pass its path"
            )
        if info.st_size > max_bytes:
            raise InputError(f"{path}: {_human(info.st_size)} is larger than the {_human(max_bytes)} limit for a {what}")
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, MIB))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise InputError(f"{path}: cannot read this {what}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise InputError(f"{path}: larger than the {_human(max_bytes)} limit for a {what}")
    return data
