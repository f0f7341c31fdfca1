"""Atomic, no-clobber output files.

Every document is first written in full to a temporary file beside its target, then *published*:

* without ``--force`` with a primitive that fails when the target exists — ``os.link(tmp, target)``
  (then the temporary name is removed), or ``renameat2(RENAME_NOREPLACE)`` where the file system
  refuses hard links. Of several runs racing for one name exactly one wins; the others get
  :class:`~agreementkit.errors.OutputExistsError` (exit 4) and leave the winner's file alone.
* with ``--force`` with ``os.replace``, but only onto a regular file: a device (``/dev/full``), a
  folder, a FIFO or a socket is never replaced, and neither is a **symbolic link** — replacing the
  link would silently cut it, following it would write wherever it points; both surprise, so a
  link is refused with a message (exit 2) and the user removes it or writes elsewhere.

A run that writes several files (DOCX + PDF + JSON) is all or nothing: every target is checked
before anything is written, and if publishing one fails, the files this run already published
are taken back (and, with ``--force``, the files they replaced are put back).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from agreementkit.errors import InputError, OutputExistsError

# Errors that mean "this file system cannot hard-link", not "the target exists".
_NO_LINK = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.EXDEV, errno.ENOSYS}
_RENAME_NOREPLACE = 1
_AT_FDCWD = -100


class OutputError(InputError):
    """An output path cannot be written: not a regular file, a symlink, or the disk refused (exit 2)."""


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_target(path: Path, force: bool) -> None:
    """Refuse ``path`` before any work: it exists without ``force``, or it is not a regular file.

    Raises OutputExistsError (exit 4) or OutputError (exit 2).
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except NotADirectoryError:
        raise OutputError(f"{path}: {path.parent} is not a folder; give an output folder") from None
    except OSError as exc:
        raise OutputError(f"{path}: cannot inspect the output path: {exc.strerror}") from None
    if stat.S_ISREG(info.st_mode):
        if not force:
            raise OutputExistsError(f"{path} already exists; use --force to overwrite it")
        return
    if stat.S_ISLNK(info.st_mode) and not force:
        raise OutputExistsError(f"{path} already exists (a symbolic link); remove it or write elsewhere")
    raise OutputError(
        f"{path}: is {_kind(info.st_mode)}, not a regular file; it is never overwritten, "
        "even with --force — write to another path"
    )


def ensure_writable(path: Path, force: bool) -> None:
    """Raise OutputExistsError / OutputError if ``path`` may not be written (see :func:`check_target`)."""
    check_target(path, force)


def _renameat2_noreplace(src: str, dst: str) -> bool:
    """rename(2) that fails with EEXIST if ``dst`` exists; False when the system has no renameat2."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        func = libc.renameat2
    except (OSError, AttributeError):
        return False
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = func(_AT_FDCWD, os.fsencode(src), _AT_FDCWD, os.fsencode(dst), _RENAME_NOREPLACE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), dst)


def _publish_new(tmp: str, target: Path) -> None:
    """Move ``tmp`` to ``target`` only if ``target`` does not exist (FileExistsError otherwise)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_LINK:
            raise
        if not _renameat2_noreplace(tmp, str(target)):
            # Last resort: exclusive create is still no-clobber, though not atomic.
            with open(target, "xb") as out, open(tmp, "rb") as src:
                out.write(src.read())
                out.flush()
                os.fsync(out.fileno())
        return
    os.unlink(tmp)


@dataclass
class _Staged:
    target: Path
    tmp: str
    inode: tuple[int, int]
    published: bool = False
    backup: str | None = None  # --force: a hard link to the file this run replaced


def _stage(target: Path, data: bytes) -> _Staged:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(
            f"{target.parent}: cannot create the output folder or file: {exc.strerror}"
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            info = os.fstat(handle.fileno())
        os.chmod(tmp, 0o644)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write the output: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return _Staged(target, tmp, (info.st_dev, info.st_ino))


def _is_ours(item: _Staged) -> bool:
    try:
        info = os.lstat(item.target)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == item.inode


def _replace(item: _Staged) -> None:
    check_target(item.target, force=True)  # again, right before: never onto a device or link
    if item.target.exists():
        backup = f"{item.tmp}.previous"
        with contextlib.suppress(OSError):  # no backup on file systems without links: still replace
            os.link(item.target, backup)
            item.backup = backup
    os.replace(item.tmp, item.target)


def _roll_back(items: Iterable[_Staged]) -> None:
    for item in items:
        if not item.published:
            continue
        with contextlib.suppress(OSError):
            if item.backup is not None:
                os.replace(item.backup, item.target)
                item.backup = None
            elif _is_ours(item):
                os.unlink(item.target)


def _clean(items: Iterable[_Staged]) -> None:
    for item in items:
        for name in (item.tmp, item.backup):
            if name is not None:
                with contextlib.suppress(OSError):
                    os.unlink(name)


def write_files(files: Sequence[tuple[Path, bytes]], force: bool = False) -> list[Path]:
    """Write every ``(path, data)`` atomically, all or nothing; return the paths written.

    Without ``force`` no existing file is touched: if any target exists (now, or by the time it is
    published, because another run got there first) nothing of this run remains and
    OutputExistsError is raised.
    """
    targets = [path for path, _ in files]
    if len(set(targets)) != len(targets):
        raise OutputError("two outputs of this run have the same path")
    for path in targets:
        check_target(path, force)
    staged: list[_Staged] = []
    try:
        for path, data in files:
            staged.append(_stage(path, data))
        for item in staged:
            try:
                if force:
                    _replace(item)
                else:
                    _publish_new(item.tmp, item.target)
            except FileExistsError:
                raise OutputExistsError(
                    f"{item.target} already exists (written by another run meanwhile); use --force to overwrite it"
                ) from None
            except OSError as exc:
                raise OutputError(f"{item.target}: cannot write the output: {exc.strerror}") from None
            item.published = True
    except BaseException:
        _roll_back(staged)
        raise
    finally:
        _clean(staged)
    return targets


def write_bytes(path: Path, data: bytes, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically and without clobbering (see module doc)."""
    write_files([(path, data)], force)


def write_text(path: Path, text: str, force: bool = False) -> None:
    """Write UTF-8 ``text`` atomically and without clobbering."""
    write_bytes(path, text.encode("utf-8"), force)
