"""Letter → Word (.docx) on the agreement template's styles and fonts (:func:`render.docx.base_document`).

A zh-TW letter is laid out as a Taiwanese business letter (函): letterhead, title, 受文者 / 地址 /
發文日期 / 發文字號 / 送達方式, 主旨：, 說明：一、二、… with hanging indents, and the signature
block with room for the company seal. An English letter: letterhead, date and reference, delivery
line, addressee block, subject line, numbered paragraphs, "Yours faithfully" and the signature. A
bilingual letter puts the two side by side in a two-column grid, one row per field or paragraph,
as the drafted bilingual agreements do. Text goes in through python-docx, which escapes it.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from agreementkit.lifecycle.notices.model import Letter, doc_title
from agreementkit.lifecycle.notices.view import LetterView, sender_details, sender_names, view
from agreementkit.models.common import Lang
from agreementkit.render.docx import CJK

GREY = "555555"
LINE_SPACING_PT = 18  # exact: CJK faces would otherwise open the lines wider than the agreement body
CJK_EM_CM = 12 * 2.54 / 72  # one full-width character of the 12 pt body text


def _run(paragraph: Any, text: str, *, bold: bool = False, size: float | None = None, colour: str | None = None) -> None:
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    if size is not None:
        run.font.size = Pt(size)
    if colour is not None:
        run.font.color.rgb = RGBColor.from_string(colour)


def _bottom_rule(paragraph: Any) -> None:
    """A line under the letterhead (a paragraph border, in schema order)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from agreementkit.render.ooxml import insert_ordered

    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "4"), ("w:color", "404040")):
        bottom.set(qn(name), value)
    border.append(bottom)
    insert_ordered(ppr, border)


def _para(container: Any, style: str = "AK Body") -> Any:
    paragraph = container.add_paragraph(style=style)
    paragraph.paragraph_format.line_spacing = _pt(LINE_SPACING_PT)
    return paragraph


def letterhead(container: Any, letter: Letter) -> None:
    """The sender's name, address and contact details, centred, with a rule beneath."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for name in sender_names(letter):
        p = _para(container)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = _pt(0)
        _run(p, name, bold=True, size=15)
    p = _para(container)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, sender_details(letter), size=9, colour=GREY)
    _bottom_rule(p)


def _pt(value: float) -> Any:
    from docx.shared import Pt

    return Pt(value)


def _field(container: Any, label: str, value: str, bold_value: bool = False) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    p = _para(container)
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    p.paragraph_format.space_after = _pt(2)
    indent = Cm(CJK_EM_CM * len(label)) if CJK.search(label) else Cm(0)
    p.paragraph_format.left_indent = indent
    p.paragraph_format.first_line_indent = -indent
    if label:
        _run(p, label, bold=True)
    _run(p, value, bold=bold_value)
    return p


def _item(container: Any, marker: str, text: str, lang: Lang) -> None:
    from docx.shared import Cm

    p = _para(container)
    p.paragraph_format.space_after = _pt(3)
    base = Cm(2 * CJK_EM_CM) if lang == "zh-TW" else Cm(0.0)
    hang = Cm(CJK_EM_CM * len(marker)) if lang == "zh-TW" else Cm(0.75)
    p.paragraph_format.left_indent = base + hang
    p.paragraph_format.first_line_indent = -hang
    _run(p, marker + ("" if lang == "zh-TW" else "\t") + text)


def _letter(container: Any, v: LetterView, in_grid: bool = False) -> None:
    """Title, header fields, subject, paragraphs, closing and signature in one language."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    p = _para(container)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = _pt(10)
    p.paragraph_format.space_after = _pt(10)
    _run(p, v.title, bold=True, size=16)
    zh = v.lang == "zh-TW"
    for label, value in v.fields:
        _field(container, label, value, bold_value=not zh and not label and value in (v.addressee, v.fields[2][1]))
    _field(container, "主旨：" if zh else "Subject: ", v.subject, bold_value=not zh).paragraph_format.space_before = _pt(8)
    if zh:
        _field(container, "說明：", "")
    else:
        _field(container, "", v.salutation)
    for marker, text in v.paragraphs:
        _item(container, marker, text, v.lang)
    if zh:
        _field(container, "", "此　致").paragraph_format.space_before = _pt(10)
        _field(container, "", v.addressee)
    else:
        _field(container, "", "Yours faithfully,").paragraph_format.space_before = _pt(10)
    sig = _para(container, "AK Signature")
    sig.paragraph_format.left_indent = Cm(8.0) if zh and not in_grid else Cm(0)
    sig.paragraph_format.space_before = _pt(12)
    sig.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _run(sig, v.sender, bold=True)
    sig.add_run().add_break()
    _run(sig, ("代表人　" if zh else "") + v.representative)
    sig.add_run().add_break()
    _run(sig, "（公司印鑑及代表人簽章）" if zh else "(signature and company seal)", size=9, colour=GREY)


def _grid(doc: Any) -> Any:
    """A borderless two-column grid (Chinese left, English right) of the text width."""
    from docx.shared import Cm

    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    for cell in table.rows[0].cells:
        cell.width = Cm(8.0)
    return table


def _bilingual(doc: Any, letter: Letter) -> None:
    left, right = _grid(doc).rows[0].cells
    for cell, lang in ((left, "zh-TW"), (right, "en")):
        _letter(cell, view(letter, lang), in_grid=True)  # type: ignore[arg-type]
        first = cell.paragraphs[0]
        first._p.getparent().remove(first._p)  # the empty paragraph a new cell starts with


def render_docx(letter: Letter) -> bytes:
    """The letter as DOCX bytes (reproducible: fixed properties and zip timestamps)."""
    from agreementkit.render.docx import base_document
    from agreementkit.render.ziputil import normalize_zip

    doc = base_document()
    langs = letter.languages
    letterhead(doc, letter)
    if letter.mode == "bilingual":
        _bilingual(doc, letter)
    else:
        _letter(doc, view(letter, langs[0]))
    footer = doc.sections[0].footer.paragraphs[0]
    _run(footer, letter.reference, size=8, colour=GREY)
    when = dt.datetime(letter.date.year, letter.date.month, letter.date.day)
    props = doc.core_properties
    lead = langs[0]
    props.title = doc_title(letter.kind, letter.ground)[lead]
    props.subject = letter.subject[lead][:255]
    props.author = letter.sender.name[lead][:255]
    props.last_modified_by = "agreementkit"
    props.keywords = f"notice, {letter.kind}" + (f", {letter.ground}" if letter.ground else "")
    props.category = "notice"
    props.comments = letter.reference
    props.language = "zh-TW" if lead == "zh-TW" else "en-US"
    props.created = when
    props.modified = when
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_zip(buf.getvalue())
