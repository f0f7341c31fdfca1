"""Hardened reading of untrusted Office files: bounded zip entries and XML without DTDs or entities.

Office Open XML parts (DOCX, XLSX) never carry a document type declaration, so one is refused twice:
on the bytes before parsing (in UTF-8 or UTF-16; any other encoding is refused), and on the
parser's ``docinfo`` afterwards.
Entities are never expanded, nothing is fetched from the network, huge text nodes are refused
(``huge_tree=False``), and every zip entry is size- and ratio-checked before it is inflated.
"""

from __future__ import annotations

import io
import re
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
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)
_DOCTYPE_TEXT = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.I)


def dtd_message(kind: str = "Office files") -> str:
    """The refusal every DOCTYPE or ENTITY declaration gets, naming the kind of file."""
    return f"refused: the XML declares a DTD or entities, which {kind} never do"


def xml_encoding(data: bytes, where: str, kind: str = "Office files") -> str:
    """The encoding of an XML part, ``utf-8``, ``utf-16-le`` or ``utf-16-be``; InputError for any other.

    Office Open XML allows only UTF-8 and UTF-16. Anything else (UTF-32, EBCDIC, UTF-7, a legacy
    code page) is refused rather than handed to the parser, so the DTD guard always reads the
    text the parser will read.
    """
    found = next((enc for sig, enc in _SIGNATURES if data.startswith(sig)), None)
    if found in ("utf-32", "ebcdic"):
        raise InputError(f"{where}: refused: the XML is encoded in {found.upper()}; {kind} use UTF-8 or UTF-16")
    if found is not None and found != "utf-8":
        declared = _DECLARED.match(data[:400].decode(found, "ignore").encode("ascii", "ignore"))
        if declared and declared.group(1).decode().lower() not in ("utf-16", "utf-16le", "utf-16be"):
            raise InputError(f"{where}: refused: the XML says {declared.group(1).decode()!r} but is written in UTF-16")
        return found
    declared = _DECLARED.match(data[3:403] if found == "utf-8" else data[:400])
    if declared and declared.group(1).decode().lower() not in _ASCII_NAMES:
        raise InputError(
            f"{where}: refused: the XML declares the encoding {declared.group(1).decode()!r}; {kind} use UTF-8 or UTF-16"
        )
    return "utf-8"


def refuse_dtd(data: bytes, encoding: str, where: str, kind: str = "Office files") -> None:
    """InputError when ``data`` (XML in ``encoding``) declares a DOCTYPE or an entity anywhere.

    This runs on the bytes, before any parser sees them: libxml2 may stop on an entity bomb with
    its own error before a tree exists to ask. UTF-8 is searched as bytes; in UTF-16 each ``<!``
    is found as encoded bytes and the few characters after it decoded, so a 60 MB part is never
    decoded whole for this.
    """
    if encoding == "utf-8":
        if _DOCTYPE.search(data):
            raise InputError(f"{where}: {dtd_message(kind)}")
        return
    marker = "<!".encode(encoding)
    i = data.find(marker)
    while i != -1:
        if i % 2 == 0 and _DOCTYPE_TEXT.match(data[i : i + 64].decode(encoding, "ignore")):
            raise InputError(f"{where}: {dtd_message(kind)}")
        i = data.find(marker, i + 1)


def refuse_doctype_in_tree(element: Any, where: str, kind: str = "Office files") -> None:
    """InputError when the parsed document carries a DOCTYPE (the guard after the parser, whatever the bytes)."""
    info = element.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.system_url or info.public_id:
        raise InputError(f"{where}: {dtd_message(kind)}")


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


def parse_xml(data: bytes, where: str) -> Any:
    """Parse one untrusted XML part into an element tree (DTD refused, entities never expanded)."""
    refuse_dtd(data, xml_encoding(data, where), where)
    try:
        root = etree.fromstring(data, etree.XMLParser(**PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: damaged XML ({exc.msg})") from None
    if root is None:
        raise InputError(f"{where}: empty XML part")
    refuse_doctype_in_tree(root, where)
    return root


def iter_elements(data: bytes, tag: str, where: str) -> Iterator[Any]:
    """Yield each complete element named ``tag`` (Clark notation) and free it afterwards.

    Streams large parts (a worksheet) in memory proportional to one element; the DTD check runs
    on the first element, before any content is yielded.
    """
    refuse_dtd(data, xml_encoding(data, where), where)
    events = etree.iterparse(io.BytesIO(data), events=("start", "end"), **PARSER_OPTIONS)
    checked = False
    try:
        for event, element in events:
            if not checked:
                refuse_doctype_in_tree(element, where)
                checked = True
            if event == "end" and element.tag == tag:
                yield element
                element.clear()
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: damaged XML ({exc.msg})") from None
