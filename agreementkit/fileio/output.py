"""Atomic output: write to a temporary file beside the target, then rename; never clobber without force."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from agreementkit.errors import InputError, OutputExistsError


def ensure_writable(path: Path, force: bool) -> None:
    """Raise OutputExistsError if ``path`` exists and ``force`` is false."""
    if path.exists() and not force:
        raise OutputExistsError(f"{path} already exists; use --force to overwrite it")


def write_bytes(path: Path, data: bytes, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically (temp file + rename in the same folder)."""
    ensure_writable(path, force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise InputError(f"{path.parent}: cannot create output folder or file: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str, force: bool = False) -> None:
    """Write UTF-8 ``text`` atomically."""
    write_bytes(path, text.encode("utf-8"), force)
