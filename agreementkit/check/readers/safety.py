"""Untrusted containers stay inert: zip directories checked before unzipping, XML without DTDs.

Limits are generous for real agreements (a 300-page contract's ``document.xml`` is a few MB)
and tight for bombs: declared sizes, entry count, compression ratio, and the bytes actually
read are all bounded.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from agreementkit.errors import InputError

MAX_ENTRIES = 2000
MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # small entries may compress very well without being bombs

_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)


def open_zip(path: Path, what: str = "DOCX") -> zipfile.ZipFile:
    """Open ``path`` as a zip after checking its directory: entry count, declared sizes, ratios."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise InputError(f"{path}: not a valid {what} (damaged zip container: {exc})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        zf.close()
        raise InputError(f"{path}: refused: {len(infos)} zip entries (more than {MAX_ENTRIES}); not a normal {what}")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            zf.close()
            raise InputError(f"{path}: the {what} is encrypted; save an unprotected copy and check that")
        total += info.file_size
        ratio_bad = info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        if info.file_size > MAX_ENTRY_BYTES or ratio_bad:
            zf.close()
            raise InputError(
                f"{path}: refused: zip entry {info.filename!r} would expand to {info.file_size} bytes "
                f"from {info.compress_size} (possible zip bomb)"
            )
    if total > MAX_TOTAL_BYTES:
        zf.close()
        raise InputError(f"{path}: refused: zip would expand to {total} bytes in all (possible zip bomb)")
    return zf


def read_entry(zf: zipfile.ZipFile, name: str, path: Path) -> bytes | None:
    """Read entry ``name`` (None if absent), never more than the per-entry limit."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    try:
        with zf.open(info) as handle:
            data = handle.read(MAX_ENTRY_BYTES + 1)
    except (zipfile.BadZipFile, EOFError, ValueError, OSError, NotImplementedError) as exc:
        raise InputError(f"{path}: damaged entry {name!r} in the zip container ({exc})") from None
    except Exception as exc:  # zlib.error and friends from a corrupt stream
        raise InputError(f"{path}: damaged entry {name!r} in the zip container ({exc})") from None
    if len(data) > MAX_ENTRY_BYTES:
        raise InputError(f"{path}: refused: entry {name!r} is larger than declared (possible zip bomb)")
    return data


def _parser() -> Any:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, where: str) -> Any:
    """Parse untrusted XML: any DOCTYPE or ENTITY declaration is refused; no network, no DTD."""
    head = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            head = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{where}: invalid XML encoding") from None
    if _DOCTYPE.search(head):
        raise InputError(f"{where}: refused: the XML declares a DTD or entities, which Word documents never do")
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: damaged XML ({exc.msg})") from None
