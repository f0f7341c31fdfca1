"""The 修正條文對照表 as Word: three columns, the header row repeated on every page, additions
underlined in 修正條文 and removals struck through in 現行條文, 說明 merged down a clause's rows."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from agreementkit.lifecycle.amend.table_model import Cell, ComparisonTable, cell_lines
from agreementkit.models.common import Lang

EAST_ASIAN_FONT = "標楷體"
LATIN_FONT = "Times New Roman"
COLUMN_WIDTHS_CM = (7.2, 7.2, 3.6)


def _fonts(rpr_owner: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr, value in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT), ("w:eastAsia", EAST_ASIAN_FONT)):
        fonts.set(qn(attr), value)
    for stale in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(stale)) is not None:
            del fonts.attrib[qn(stale)]
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-TW")


def _cell_width(cell: Any, cm: float) -> None:
    from docx.shared import Cm

    cell.width = Cm(cm)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    trpr.append(header)
    cant = OxmlElement("w:cantSplit")
    trpr.insert(0, cant)


def _write_cell(cell: Any, content: Cell, langs: tuple[Lang, ...], side: str) -> None:
    from docx.shared import Pt

    first = True
    for lang in langs:
        if content.heading.get(lang):
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            run = paragraph.add_run(content.heading[lang])
            run.bold = True
            run.font.size = Pt(10)
        for line in cell_lines(content, lang):
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            for op, text in line:
                run = paragraph.add_run(text)
                run.font.size = Pt(10)
                if op == "insert" and side == "new":
                    run.underline = True
                elif op == "delete" and side == "old":
                    run.font.strike = True


def render_table_docx(table: ComparisonTable, date: dt.date, subject: str) -> bytes:
    """The 對照表 as DOCX bytes (reproducible: fixed document properties and zip timestamps)."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from agreementkit.render.ziputil import normalize_zip

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(2.0)
    for name in ("Normal", "Title", "Table Grid"):
        _fonts(doc.styles[name].element)
    doc.styles["Normal"].font.size = Pt(10.5)
    lead = table.languages[0]
    title = doc.add_paragraph(style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("　".join(table.title[lang] for lang in table.languages))

    grid = doc.add_table(rows=1, cols=3)
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    header = grid.rows[0]
    _repeat_header(header)
    for index, cell in enumerate(header.cells):
        _cell_width(cell, COLUMN_WIDTHS_CM[index])
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run("／".join(table.headers[lang][index] for lang in table.languages))
        run.bold = True
    explanation_start: Any = None
    for row in table.rows:
        cells = grid.add_row().cells
        for index, cell in enumerate(cells):
            _cell_width(cell, COLUMN_WIDTHS_CM[index])
        _write_cell(cells[0], row.new, table.languages, "new")
        _write_cell(cells[1], row.old, table.languages, "old")
        if row.continues and explanation_start is not None:
            explanation_start = explanation_start.merge(cells[2])
        else:
            explanation_start = cells[2]
            first = True
            for lang in table.languages:
                for line in row.explanation.get(lang, ()):
                    paragraph = explanation_start.paragraphs[0] if first else explanation_start.add_paragraph()
                    first = False
                    paragraph.add_run(line).font.size = Pt(10)

    when = dt.datetime(date.year, date.month, date.day)
    props = doc.core_properties
    props.title = table.title[lead]
    props.subject = subject
    props.author = "agreementkit"
    props.last_modified_by = "agreementkit"
    props.language = "zh-TW" if lead == "zh-TW" else "en-US"
    props.created = when
    props.modified = when
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_zip(_without_styles_with_effects(buf.getvalue()))


def _without_styles_with_effects(data: bytes) -> bytes:
    """Drop python-docx's stale stylesWithEffects.xml (it names numbering that does not exist)."""
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == "word/stylesWithEffects.xml":
                continue
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = re.sub(rb'<Override[^>]*PartName="/word/stylesWithEffects.xml"[^>]*/>', b"", content)
            elif info.filename == "word/_rels/document.xml.rels":
                content = re.sub(rb'<Relationship[^>]*Target="stylesWithEffects.xml"[^>]*/>', b"", content)
            target.writestr(info, content)
    return out.getvalue()
