"""Library files validated once across runs: JSON in the user's cache folder, keyed on the file's bytes.

Parsing and validating the ~60 YAML files of the clause library is most of what a cold
``agreementkit draft`` spends before it writes anything. The validated model of each file is kept
as JSON under ``platformdirs.user_cache_dir("agreementkit")/library`` (``AGREEMENTKIT_CACHE_DIR``
overrides the folder; ``AGREEMENTKIT_NO_CACHE=1`` turns the cache off). An entry is named by a
SHA-256 of the file's bytes, the package version and the model's JSON schema, so an edited file,
a new release or a changed model never meets an old entry.

Nothing in the cache is trusted blindly: an entry is JSON (never pickle or code), it is read only
when the current user owns it and no one else may write it, and it goes through the model's full
pydantic validation again; an entry that is unreadable, corrupt or invalid is ignored (and
replaced). A model is written only when reading its JSON back gives an equal model, so a value
JSON cannot carry exactly (a date under ``Any``, say) keeps that file on the YAML path. Writes
are atomic (a temporary file renamed into place); a cache folder that cannot be written is
simply not used.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from agreementkit import __version__
from agreementkit.errors import AgreementKitError, LibraryError
from agreementkit.fileio.input import MAX_YAML_BYTES, read_regular_file

M = TypeVar("M", bound=BaseModel)

DIR_ENV = "AGREEMENTKIT_CACHE_DIR"
OFF_ENV = "AGREEMENTKIT_NO_CACHE"


Stamp = tuple[int, int]


def stamp(path: Path) -> Stamp:
    """``(mtime_ns, size)`` of ``path``: what tells an edited file from the one a process cached."""
    try:
        info = path.stat()
    except OSError as exc:
        raise LibraryError(f"{path}: cannot read the library file: {exc.strerror}") from None
    return info.st_mtime_ns, info.st_size


def cache_dir() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    if os.environ.get(OFF_ENV, "").strip() not in ("", "0"):
        return None
    given = os.environ.get(DIR_ENV)
    if given:
        return Path(given) / "library"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("agreementkit", appauthor=False)) / "library"


def read_source(path: Path, what: str) -> bytes:
    """The library file's bytes (bounded like any YAML file); a read failure is a library error."""
    try:
        return read_regular_file(path, max_bytes=MAX_YAML_BYTES, what=what)
    except AgreementKitError as exc:  # a bad library file is a library problem, not the user's deal
        raise LibraryError(f"{path}: invalid {what}: {'; '.join(exc.lines())}") from None


@functools.lru_cache(maxsize=16)
def _model_digest(model: type[BaseModel]) -> bytes:
    schema = json.dumps(model.model_json_schema(by_alias=True), sort_keys=True)
    return hashlib.sha256(f"{model.__module__}.{model.__qualname__}\0{schema}".encode()).digest()


def entry_name(model: type[BaseModel], raw: bytes) -> str:
    """The entry's file name for ``raw`` validated as ``model`` under this version of agreementkit."""
    digest = hashlib.sha256()
    digest.update(f"agreementkit {__version__}\0".encode())
    digest.update(_model_digest(model))
    digest.update(raw)
    return f"{digest.hexdigest()}.json"


def _trusted(path: Path) -> bool:
    """A regular file of the current user's that no one else may write."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # pragma: no cover - not POSIX
        return True
    return info.st_uid == getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def get(model: type[M], raw: bytes) -> M | None:
    """The cached model for ``raw``, or None when there is no usable entry."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / entry_name(model, raw)
    if not _trusted(path):
        return None
    try:
        data = path.read_bytes()
        return model.model_validate_json(data)
    except (OSError, ValueError, ValidationError):  # corrupt, truncated or from another schema
        return None


def put(model: type[M], raw: bytes, value: M) -> bool:
    """Keep ``value`` (validated from ``raw``) for later runs; False when it was not written."""
    folder = cache_dir()
    if folder is None:
        return False
    text = value.model_dump_json(by_alias=True)
    try:
        if model.model_validate_json(text) != value:  # JSON would not give it back exactly
            return False
    except (ValueError, ValidationError):
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, folder / entry_name(model, raw))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:  # read-only home, full disk: drafting goes on without the cache
        return False
    return True
