"""Untrusted containers stay inert: zip directories checked before unzipping, XML without DTDs.

Limits are generous for real agreements (a 300-page contract's ``document.xml`` is a few MB)
and tight for bombs: declared sizes, entry count, compression ratio, and the bytes actually
read are all bounded.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import IO, Any

from lxml import etree

from agreementkit.errors import InputError

MAX_ENTRIES = 2000
MIB = 1024 * 1024
MAX_ENTRY_BYTES = 64 * MIB
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # small entries may compress very well without being bombs

_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)


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


def _parser() -> Any:
    return etree.XMLParser(**PARSER_OPTIONS)


# The one set of parser settings for untrusted XML (tree and streaming parsers alike).
PARSER_OPTIONS: dict[str, bool] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}

# Byte-order marks and, without one, the first bytes of "<?xml" in each encoding (XML 1.0, App. F).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\x3c\x00\x00\x00", "utf-32"),
    (b"\x00\x00\x00\x3c", "utf-32"),
    (b"\x3c\x00\x3f\x00", "utf-16-le"),
    (b"\x00\x3c\x00\x3f", "utf-16-be"),
    (b"\x4c\x6f\xa7\x94", "ebcdic"),
)
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._\-]+)["']""")
_ASCII_NAMES = {"utf-8", "utf8", "us-ascii", "ascii"}


def xml_encoding(data: bytes, where: str) -> str:
    """The encoding of an XML part, ``utf-8``, ``utf-16-le`` or ``utf-16-be``; InputError for any other.

    Office Open XML allows only UTF-8 and UTF-16. Anything else (UTF-32, EBCDIC, UTF-7, a legacy
    code page) is refused rather than handed to the parser, so the DTD guard below always reads
    the text the parser will read.
    """
    found = next((enc for sig, enc in _SIGNATURES if data.startswith(sig)), None)
    if found in ("utf-32", "ebcdic"):
        raise InputError(
            f"{where}: refused: the XML is encoded in {found.upper()}; Word documents use UTF-8 or UTF-16"
        )
    if found is not None and found != "utf-8":
        declared = _DECLARED.match(data[:400].decode(found, "ignore").encode("ascii", "ignore"))
        if declared and declared.group(1).decode().lower() not in ("utf-16", "utf-16le", "utf-16be"):
            raise InputError(f"{where}: refused: the XML says {declared.group(1).decode()!r} but is written in UTF-16")
        return found
    declared = _DECLARED.match(data[3:403] if found == "utf-8" else data[:400])
    if declared and declared.group(1).decode().lower() not in _ASCII_NAMES:
        raise InputError(
            f"{where}: refused: the XML declares the encoding {declared.group(1).decode()!r}; "
            "Word documents use UTF-8 or UTF-16"
        )
    return "utf-8"


_DOCTYPE_TEXT = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.I)
_DTD_MESSAGE = "refused: the XML declares a DTD or entities, which Word documents never do"


def refuse_dtd(data: bytes, encoding: str, where: str) -> None:
    """InputError when ``data`` (XML in ``encoding``) declares a DOCTYPE or an entity anywhere.

    UTF-8 is searched as bytes; in UTF-16 each ``<!`` is found as encoded bytes and the few
    characters after it decoded, so a 60 MB part is never decoded whole for this.
    """
    if encoding == "utf-8":
        if _DOCTYPE.search(data):
            raise InputError(f"{where}: {_DTD_MESSAGE}")
        return
    marker = "<!".encode(encoding)
    i = data.find(marker)
    while i != -1:
        if i % 2 == 0 and _DOCTYPE_TEXT.match(data[i : i + 64].decode(encoding, "ignore")):
            raise InputError(f"{where}: {_DTD_MESSAGE}")
        i = data.find(marker, i + 1)


def refuse_doctype_in_tree(element: Any, where: str) -> None:
    """InputError when the parsed document carries a DOCTYPE (the guard after the parser, whatever the bytes)."""
    info = element.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.system_url or info.public_id:
        raise InputError(f"{where}: {_DTD_MESSAGE}")


def parse_xml(data: bytes, where: str) -> Any:
    """Parse untrusted XML: any DOCTYPE or ENTITY declaration is refused; no network, no DTD."""
    refuse_dtd(data, xml_encoding(data, where), where)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: damaged XML ({exc.msg})") from None
    refuse_doctype_in_tree(root, where)
    return root
