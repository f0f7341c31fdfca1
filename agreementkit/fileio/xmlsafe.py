"""Hardened reading of untrusted Office files: bounded zip entries and XML without DTDs or entities.

Office Open XML parts (DOCX, XLSX) never carry a document type declaration, so one is refused —
whatever the part's encoding, because the check asks the parser (``docinfo``), not a byte pattern.
Entities are never expanded, nothing is fetched from the network, huge text nodes are refused
(``huge_tree=False``), and every zip entry is size- and ratio-checked before it is inflated.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from lxml import etree

from agreementkit.errors import InputError

MAX_ENTRIES = 2000
MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # small entries may compress very well without being bombs

_PARSER_OPTIONS: dict[str, bool] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def open_zip(data: bytes, where: str, what: str) -> zipfile.ZipFile:
    """Open ``data`` as a zip after checking its directory: entry count, declared sizes, ratios."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise InputError(f"{where}: not a valid {what} (damaged zip container: {exc})") from None
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise InputError(
            f"{where}: refused: {len(infos)} zip entries (more than {MAX_ENTRIES}); not a normal {what}"
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(f"{where}: the {what} is encrypted; save an unprotected copy")
        total += info.file_size
        ratio_bad = info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        if info.file_size > MAX_ENTRY_BYTES or ratio_bad:
            raise InputError(
                f"{where}: refused: zip entry {info.filename!r} would expand to {info.file_size:,} bytes "
                f"from {info.compress_size:,} (possible zip bomb)"
            )
    if total > MAX_TOTAL_BYTES:
        raise InputError(
            f"{where}: refused: the {what} would expand to {total:,} bytes in all (possible zip bomb)"
        )
    return zf


def read_entry(zf: zipfile.ZipFile, name: str, where: str) -> bytes | None:
    """Read entry ``name`` (None if absent), never more than the per-entry limit."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    try:
        with zf.open(info) as handle:
            data = handle.read(MAX_ENTRY_BYTES + 1)
    except Exception as exc:  # BadZipFile, zlib.error, EOFError ... from a corrupt stream
        raise InputError(f"{where}: damaged entry {name!r} in the zip container ({exc})") from None
    if len(data) > MAX_ENTRY_BYTES:
        raise InputError(f"{where}: refused: entry {name!r} is larger than declared (possible zip bomb)")
    return data


def _refuse_dtd(element: Any, where: str) -> None:
    info = element.getroottree().docinfo
    if info.internalDTD is not None or info.externalDTD is not None or info.doctype:
        raise InputError(f"{where}: refused: the XML declares a DTD or entities, which Office files never do")


def parse_xml(data: bytes, where: str) -> Any:
    """Parse one untrusted XML part into an element tree (DTD refused, entities never expanded)."""
    try:
        root = etree.fromstring(data, etree.XMLParser(**_PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: damaged XML ({exc.msg})") from None
    if root is None:
        raise InputError(f"{where}: empty XML part")
    _refuse_dtd(root, where)
    return root


def iter_elements(data: bytes, tag: str, where: str) -> Iterator[Any]:
    """Yield each complete element named ``tag`` (Clark notation) and free it afterwards.

    Streams large parts (a worksheet) in memory proportional to one element; the DTD check runs
    on the first element, before any content is yielded.
    """
    events = etree.iterparse(io.BytesIO(data), events=("start", "end"), **_PARSER_OPTIONS)
    checked = False
    try:
        for event, element in events:
            if not checked:
                _refuse_dtd(element, where)
                checked = True
            if event == "end" and element.tag == tag:
                yield element
                element.clear()
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: damaged XML ({exc.msg})") from None
