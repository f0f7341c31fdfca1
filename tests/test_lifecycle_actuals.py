"""Reading actuals: bounded numbers, CSV line numbers, the hardened XLSX reader."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agreementkit.errors import InputError
from agreementkit.fileio.table import CsvBroken, csv_rows
from agreementkit.fileio.xlsx import read_xlsx_rows
from agreementkit.fileio.xmlsafe import iter_elements, parse_xml
from agreementkit.lifecycle.review.actuals import MAX_DECIMALS, parse_amount
from agreementkit.lifecycle.review.periods import parse_period

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789eE.-+,_ ()", max_size=30))
def test_parse_amount_is_bounded_or_refused(text: str) -> None:
    try:
        value = parse_amount(text)
    except ValueError:
        return
    assert value.is_finite() and abs(value) < Decimal("1e15")
    assert value == 0 or abs(value) >= Decimal(1).scaleb(-MAX_DECIMALS)
    assert len(format(value, "f")) < 40  # printing it is cheap


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1,234,567", "1234567"), ("(33,600)", "-33600"), ("0.30000000000000004", "0.3"), ("1e14", "100000000000000"),
     ("-0", "0"), ("4.5", "4.5")],
)  # fmt: skip
def test_parse_amount_values(text: str, expected: str) -> None:
    assert format(parse_amount(text), "f") == expected


@pytest.mark.parametrize(
    "text", ["1e-999999999", "1e308", "1e15", "NaN", "Infinity", "1" * 41, "=1+2", "1e-13"]
)
def test_parse_amount_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(text)


@pytest.mark.parametrize("text", ["0000-Q1", "9999-Q4", "1899-12", "3000"])
def test_period_years_are_bounded(text: str) -> None:
    with pytest.raises(ValueError, match="outside 1900–2999"):
        parse_period(text)


def test_csv_rows_carry_the_line_they_start_on() -> None:
    rows = list(csv_rows('a,b\n"multi\nline",x\nc,d\n'))
    assert [(line, cells[0]) for line, cells in rows] == [(1, "a"), (2, "multi\nline"), (4, "c")]


def test_csv_unterminated_quote_names_its_line() -> None:
    with pytest.raises(CsvBroken) as caught:
        list(csv_rows('a,b\nc,d\n"open,1\nmore\n'))
    assert caught.value.line == 3 and "never closed" in caught.value.message


def _xlsx(sheet: str, shared: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}"><sheets><sheet name="s" sheetId="1"/></sheets></workbook>',
        )
        zf.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{MAIN}"><sheetData>{sheet}</sheetData></worksheet>',
        )
        if shared is not None:
            zf.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{shared}</sst>')
    return buf.getvalue()


def test_xlsx_cell_kinds() -> None:
    shared = "<si><t>period</t></si><si><r><t>rich </t></r><r><t>text</t></r><rPh><t>ふりがな</t></rPh></si>"
    sheet = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>'
        '<row r="3"><c r="A3"><v>4.5999999999999996</v></c><c r="B3" t="b"><v>1</v></c>'
        '<c r="C3"><f>SUM(A1:A2)</f><v>7</v></c><c r="D3" t="inlineStr"><is><t>inline</t></is></c>'
        '<c r="E3" t="e"><v>#DIV/0!</v></c><c r="F3" t="str"><f>"=cmd"</f><v>=cmd</v></c></row>'
    )
    rows = list(read_xlsx_rows(_xlsx(sheet, shared), "a.xlsx", 100))
    assert rows == [(1, ["period", "", "rich text"]), (3, ["4.6", "TRUE", "7", "inline", "#DIV/0!", "=cmd"])]


def test_xlsx_shared_strings_with_a_dtd_are_refused() -> None:
    shared = "<si><t>x</t></si>"
    data = _xlsx('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', shared)
    doctored = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(doctored, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/sharedStrings.xml":
                body = b'<!DOCTYPE sst [<!ENTITY e "boom">]>' + body.replace(b"<t>x</t>", b"<t>&e;</t>")
            dst.writestr(info, body)
    with pytest.raises(InputError, match="declares a DTD"):
        list(read_xlsx_rows(doctored.getvalue(), "a.xlsx", 100))


def test_xlsx_row_limit_and_damaged_parts() -> None:
    sheet = "".join(f'<row r="{i}"><c r="A{i}"><v>1</v></c></row>' for i in range(1, 6))
    with pytest.raises(InputError, match="more than 3 rows"):
        list(read_xlsx_rows(_xlsx(sheet), "a.xlsx", 3))
    with pytest.raises(InputError, match=r"not a valid \.xlsx"):
        list(read_xlsx_rows(b"PK\x03\x04 not really", "a.xlsx", 3))
    with pytest.raises(InputError, match="missing shared string"):
        list(read_xlsx_rows(_xlsx('<row r="1"><c r="A1" t="s"><v>9</v></c></row>', ""), "a.xlsx", 3))


def test_xml_refusals_in_any_encoding() -> None:
    doc = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'
    for data in (doc.encode("utf-16"), doc.replace("UTF-16", "UTF-8").encode()):
        with pytest.raises(InputError, match="DTD"):
            parse_xml(data, "part")
        with pytest.raises(InputError, match="DTD"):
            list(iter_elements(data, "a", "part"))
    with pytest.raises(InputError, match="damaged XML"):
        parse_xml(b"<a><b></a>", "part")


def test_actuals_device_is_refused(tmp_path: Path) -> None:
    from agreementkit.deal.load import load_deal
    from agreementkit.lifecycle.review.actuals import load_actuals

    deal = load_deal(Path(__file__).resolve().parent.parent / "examples" / "distributor-zh-TW.yaml")
    with pytest.raises(InputError, match="not a regular file"):
        load_actuals(Path("/dev/zero"), deal)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be"])
def test_entity_bomb_is_refused_on_the_bytes_before_any_parser_runs(
    encoding: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libxml2 versions differ in where they stop a bomb; the refusal must not depend on which."""
    from agreementkit.fileio import xmlsafe

    def no_parser(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the parser ran on XML that declares entities")

    monkeypatch.setattr(xmlsafe.etree, "fromstring", no_parser)
    monkeypatch.setattr(xmlsafe.etree, "iterparse", no_parser)
    bomb = '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><s>&b;</s>'
    data = bomb.encode(encoding)
    for attempt in (lambda: parse_xml(data, "sheet.xml"), lambda: list(iter_elements(data, "s", "sheet.xml"))):
        with pytest.raises(InputError, match="refused: the XML declares a DTD or entities"):
            attempt()
