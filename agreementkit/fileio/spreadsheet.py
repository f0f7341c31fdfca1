"""CSV for spreadsheets: cells that Excel, LibreOffice or Google Sheets can never run as formulas.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (after any
spaces) is read as a formula by spreadsheet programs — ``=cmd|' /C calc'!A0`` from a partner's
actuals would become a live DDE call in the accountant's copy. Such text is written with a leading
apostrophe, which spreadsheets show as plain text; plain numbers (``-33600``, ``+5``) are left alone.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?[0-9]+(\.[0-9]+)?$")


def safe_cell(text: str) -> str:
    """``text`` as a cell no spreadsheet evaluates (see module doc)."""
    if text.lstrip(" ").startswith(FORMULA_START) and not _PLAIN_NUMBER.match(text.strip()):
        return "'" + text
    return text


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    """UTF-8 CSV with a byte-order mark (so Excel reads Chinese correctly), every cell made safe."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell("" if value is None else str(value)) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
