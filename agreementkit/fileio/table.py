"""Tables of cells from CSV (UTF-8 or Big5) or .xlsx files, each row with the line it starts on.

Shared by the review's actuals and batch drafting; the .xlsx side is :mod:`agreementkit.fileio.xlsx`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from agreementkit.errors import InputError
from agreementkit.fileio.input import read_regular_file
from agreementkit.fileio.xlsx import read_xlsx_rows


class CsvBroken(Exception):
    """The CSV cannot be read past ``line`` (an unterminated quote, a NUL byte ...)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def decode_csv(data: bytes, name: str) -> str:
    """CSV bytes as text: UTF-8 (with or without BOM), else Big5 as Excel on Traditional Chinese Windows saves it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # Excel on Traditional Chinese Windows saves CSV as Big5 (cp950)
            return data.decode("cp950")
        except UnicodeDecodeError:
            raise InputError(f"{name}: not UTF-8 or Big5 text; save the CSV as UTF-8") from None


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Rows with the physical line each starts on; CsvBroken where the file stops being CSV."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = str(exc)
            if "unexpected end of data" in reason or "EOF" in reason:
                reason = 'a quoted field is never closed (a " without its closing "); close the quote'
            elif "NUL" in reason:
                reason = "the line contains a NUL byte; this is not a text CSV"
            raise CsvBroken(start, reason) from None
        yield start, row
        start = reader.line_num + 1


def read_table_rows(
    path: Path, name: str, *, max_bytes: int, max_rows: int, what: str = "table"
) -> Iterator[tuple[int, list[str]]]:
    """The rows of a CSV or .xlsx file with the line (row number) each starts on."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError(f"{name}: old .xls workbooks are not read; save it as .xlsx or CSV")
    data = read_regular_file(path, max_bytes=max_bytes, what=what)
    if suffix in (".xlsx", ".xlsm"):
        yield from read_xlsx_rows(data, name, max_rows)
        return
    yield from csv_rows(decode_csv(data, name))
