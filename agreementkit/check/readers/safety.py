"""Untrusted containers stay inert: zip directories checked before unzipping, XML without DTDs.

Limits are generous for real agreements (a 300-page contract's ``document.xml`` is a few MB)
and tight for bombs: declared sizes, entry count, compression ratio, and the bytes actually
read are all bounded.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import IO, Any

from lxml import etree

from agreementkit.errors import InputError
from agreementkit.fileio import xmlsafe
from agreementkit.fileio.xmlsafe import PARSER_OPTIONS

MAX_ENTRIES = 2000
MIB = 1024 * 1024
MAX_ENTRY_BYTES = 64 * MIB
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # small entries may compress very well without being bombs

def open_zip(path: Path, what: str = "DOCX", data: bytes | None = None) -> zipfile.ZipFile:
    """Open ``path`` (or its bytes ``data``) as a zip after checking its directory: entry count, declared sizes, ratios."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data) if data is not None else path)
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
    handle = open_entry(zf, name, path)
    if handle is None:
        return None
    with handle:
        return handle.read()


class BoundedEntry(io.RawIOBase):
    """A zip entry read as a stream that stops with InputError once it passes ``limit`` bytes.

    The sizes a zip directory declares can lie; this counts the bytes actually inflated, and
    turns a corrupt deflate stream into a one-line InputError.
    """

    def __init__(self, raw: IO[bytes], name: str, path: Path, limit: int) -> None:
        super().__init__()
        self._raw = raw
        self.name_in_zip = name
        self.path = path
        self.limit = limit
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        try:
            data = self._raw.read(len(view))
        except Exception as exc:  # zlib.error, BadZipFile (CRC), EOFError … from a corrupt stream
            raise InputError(f"{self.path}: damaged entry {self.name_in_zip!r} in the zip container ({exc})") from None
        self.count += len(data)
        if self.count > self.limit:
            raise InputError(
                f"{self.path}: refused: entry {self.name_in_zip!r} holds more than {self.limit // MIB} MB of XML "
                "(the limit for a document part); split the document or remove embedded content"
            )
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_entry(zf: zipfile.ZipFile, name: str, path: Path, limit: int = MAX_ENTRY_BYTES) -> BoundedEntry | None:
    """Entry ``name`` as a bounded stream (None if absent); InputError when it cannot be opened."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    try:
        raw = zf.open(info)
    except (zipfile.BadZipFile, EOFError, ValueError, OSError, NotImplementedError) as exc:
        raise InputError(f"{path}: damaged entry {name!r} in the zip container ({exc})") from None
    return BoundedEntry(raw, name, path, limit)


_KIND = "Word documents"


def _parser() -> Any:
    return etree.XMLParser(**PARSER_OPTIONS)


def xml_encoding(data: bytes, where: str) -> str:
    """The encoding of a Word XML part (UTF-8 or UTF-16); InputError for any other."""
    return xmlsafe.xml_encoding(data, where, _KIND)


def refuse_dtd(data: bytes, encoding: str, where: str) -> None:
    """InputError when the bytes of a Word XML part declare a DOCTYPE or an entity anywhere."""
    xmlsafe.refuse_dtd(data, encoding, where, _KIND)


def refuse_doctype_in_tree(element: Any, where: str) -> None:
    """InputError when a parsed Word XML part carries a DOCTYPE."""
    xmlsafe.refuse_doctype_in_tree(element, where, _KIND)


def parse_xml(data: bytes, where: str) -> Any:
    """Parse untrusted XML: any DOCTYPE or ENTITY declaration is refused; no network, no DTD."""
    refuse_dtd(data, xml_encoding(data, where), where)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: damaged XML ({exc.msg})") from None
    refuse_doctype_in_tree(root, where)
    return root
