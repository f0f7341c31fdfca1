"""Read the first worksheet of an .xlsx workbook as rows of cell texts, with hardened XML.

Only what tables of figures need (actuals, batch rows): shared, inline and plain strings, numbers, booleans and error values; a
formula cell gives its cached value (what Excel last showed), never its formula. Every part goes
through :mod:`agreementkit.fileio.xmlsafe` (zip limits, no DTD, no entities), the sheet is
streamed, and rows, columns and shared strings are bounded so a crafted sheet cannot exhaust memory.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import Any

from agreementkit.errors import InputError
from agreementkit.fileio.xmlsafe import iter_elements, open_zip, parse_xml, read_entry

MAX_COLUMNS = 64  # actuals use five, a batch some dozens; a cell far to the right is refused, not padded
MAX_SHARED_STRINGS = 1_000_000
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")


def _ns(root: Any) -> str:
    tag = str(root.tag)
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def _text_of(element: Any, ns: str) -> str:
    """Concatenated ``<t>`` texts of a string item, leaving out phonetic runs (``<rPh>``)."""
    parts = []
    for t in element.iter(f"{ns}t"):
        parent = t.getparent()
        if parent is not None and parent.tag == f"{ns}rPh":
            continue
        parts.append(t.text or "")
    return "".join(parts)


def _first_sheet(zf: Any, where: str) -> str:
    workbook = read_entry(zf, "xl/workbook.xml", where)
    if workbook is None:
        raise InputError(f"{where}: not an .xlsx workbook (no xl/workbook.xml)")
    root = parse_xml(workbook, f"{where}: xl/workbook.xml")
    ns = _ns(root)
    sheet = next(root.iter(f"{ns}sheet"), None)
    if sheet is None:
        raise InputError(f"{where}: the workbook has no worksheet")
    rel_id = sheet.get(f"{{{_REL_NS}}}id") or sheet.get(
        "{http://purl.oclc.org/ooxml/officeDocument/relationships}id"
    )
    rels = read_entry(zf, "xl/_rels/workbook.xml.rels", where)
    if rels is not None and rel_id:
        for rel in parse_xml(rels, f"{where}: xl/_rels/workbook.xml.rels").iter(f"{{{_PKG_NS}}}Relationship"):
            if rel.get("Id") == rel_id:
                target = rel.get("Target", "")
                name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
                return name
    return "xl/worksheets/sheet1.xml"


def _shared_strings(zf: Any, where: str) -> list[str]:
    data = read_entry(zf, "xl/sharedStrings.xml", where)
    if data is None:
        return []
    part = f"{where}: xl/sharedStrings.xml"
    out: list[str] = []
    ns: str | None = None
    for item in iter_elements(data, "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}si", part):
        ns = ns if ns is not None else _ns(item)
        out.append(_text_of(item, ns))
        if len(out) > MAX_SHARED_STRINGS:
            raise InputError(f"{part}: more than {MAX_SHARED_STRINGS:,} shared strings")
    return out


def _column(ref: str | None, fallback: int, where: str) -> int:
    if not ref:
        return fallback
    match = _CELL_REF.match(ref.upper())
    if match is None:
        raise InputError(f"{where}: damaged cell reference {ref!r}")
    index = 0
    for ch in match.group(1):
        index = index * 26 + ord(ch) - 64
    return index - 1


def _number_text(raw: str) -> str:
    """Excel stores binary floats as up to 17 digits; show the shortest text that is the same float."""
    raw = raw.strip()
    if re.fullmatch(r"-?[0-9]+", raw):
        return raw
    try:
        value = float(raw)
    except ValueError:
        return raw
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _cell(c: Any, ns: str, strings: list[str], where: str) -> str:
    kind = c.get("t", "n")
    if kind == "inlineStr":
        inline = c.find(f"{ns}is")
        return "" if inline is None else _text_of(inline, ns)
    v = c.find(f"{ns}v")
    raw = "" if v is None or v.text is None else v.text
    if kind == "s":
        try:
            return strings[int(raw)]
        except (ValueError, IndexError):
            raise InputError(f"{where}: cell {c.get('r', '?')} points at a missing shared string") from None
    if kind == "b":
        return "TRUE" if raw.strip() == "1" else "FALSE"
    if kind == "n" and raw:
        return _number_text(raw)
    return raw  # str (formula text result), e (error value such as #DIV/0!), d (ISO date)


def read_xlsx_rows(data: bytes, where: str, max_rows: int) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(row number, cell texts)`` for the first worksheet of the workbook in ``data``."""
    zf = open_zip(data, where, ".xlsx workbook")
    with zf:
        sheet_name = _first_sheet(zf, where)
        strings = _shared_strings(zf, where)
        sheet = read_entry(zf, sheet_name, where)
        if sheet is None:
            raise InputError(f"{where}: the workbook's first sheet ({sheet_name}) is missing")
    part = f"{where}: {sheet_name}"
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    last = 0
    for row in iter_elements(sheet, f"{ns}row", part):
        ref = row.get("r")
        number = last + 1 if ref is None else int(ref) if ref.isdigit() else 0
        if number <= last:
            raise InputError(f"{part}: rows out of order or damaged row number {row.get('r')!r}")
        if number > max_rows:
            raise InputError(f"{where}: more than {max_rows:,} rows")
        last = number
        cells: list[str] = []
        for c in row.iter(f"{ns}c"):
            col = _column(c.get("r"), len(cells), part)
            if col >= MAX_COLUMNS:
                raise InputError(
                    f"{part}: cell {c.get('r')} is beyond column {MAX_COLUMNS}; actuals use five columns"
                )
            cells.extend([""] * (col + 1 - len(cells)))
            cells[col] = _cell(c, ns, strings, part)
        yield number, cells
