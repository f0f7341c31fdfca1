"""A small WordprocessingML builder: paragraphs, runs, fields, bookmarks and tables as plain
Python objects, written out as one XML string and parsed once.

python-docx's element wrappers cost several microseconds a call (child lookup by schema order,
``OxmlElement`` per node); an agreement makes tens of thousands of them. These objects hold only
what the agreement renderer uses and write the same elements, attributes and child order
python-docx would: a paragraph's properties in ``w:pPr`` schema order, a run's East Asian font and
language, text split into ``w:t`` / ``w:tab`` / ``w:br`` with ``xml:space="preserve"`` where the
text has outer spaces, and tables as ``Document.add_table`` / ``Table.add_row`` lay them out.
Every text and attribute value is XML-escaped here.
"""

from __future__ import annotations

import re
from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_EMUS_PER_TWIP = 635
_EMUS_PER_MM = 36000
_SPECIAL = re.compile(r"[\t\r\n]")


def escape(text: str) -> str:
    """``text`` safe inside an XML element or a double-quoted attribute."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    return text


def twips_of_emu(emu: int) -> int:
    """EMU → twips, rounded as python-docx's ``Length.twips``."""
    return round(emu / _EMUS_PER_TWIP)


def twips_of_mm(mm: float) -> int:
    """Millimetres → twips, as python-docx's ``Mm(mm).twips``."""
    return twips_of_emu(int(mm * _EMUS_PER_MM))


def _t(text: str) -> str:
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{escape(text)}</w:t>'
    return f"<w:t>{escape(text)}</w:t>"


def run_content(text: str) -> str:
    """The inner elements of a run holding ``text`` (tabs and line breaks as their own elements)."""
    if not _SPECIAL.search(text):
        return _t(text) if text else ""
    out: list[str] = []
    buffer: list[str] = []
    for char in text:
        if char in "\t\r\n":
            if buffer:
                out.append(_t("".join(buffer)))
                buffer.clear()
            out.append("<w:tab/>" if char == "\t" else "<w:br/>")
        else:
            buffer.append(char)
    if buffer:
        out.append(_t("".join(buffer)))
    return "".join(out)


def run_xml(text: str, bold: bool = False, east_asian: str | None = None) -> str:
    """A ``w:r`` with ``text``; ``east_asian`` names the font (and zh-TW language) of CJK text."""
    props = ""
    if east_asian is not None:
        props = f'<w:rFonts w:eastAsia="{escape(east_asian)}" w:hint="eastAsia"/>'
    if bold:
        props += "<w:b/>"
    if east_asian is not None:
        props += '<w:lang w:eastAsia="zh-TW"/>'
    content = run_content(text)
    if props:
        return f"<w:r><w:rPr>{props}</w:rPr>{content}</w:r>"
    return f"<w:r>{content}</w:r>" if content else "<w:r/>"


def field_xml(instruction: str, result_run: str) -> str:
    """A complex field (begin, instruction, separate, cached result run, end)."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'{result_run}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


PAGE_BREAK = '<w:r><w:br w:type="page"/></w:r>'


class Paragraph:
    """A ``w:p``: style id, the few paragraph properties we set, bookmark starts and content."""

    __slots__ = ("align", "keep_next", "parts", "space_before", "starts", "style", "text")

    def __init__(self, style: str | None = None) -> None:
        self.style = style
        self.keep_next = False
        self.space_before: int | None = None  # twips
        self.align: str | None = None  # w:jc value
        self.starts: list[str] = []  # bookmark starts, right after w:pPr, newest first
        self.parts: list[str] = []  # runs, fields and bookmark ends in document order
        self.text = ""  # the visible text, as python-docx's Paragraph.text reads it

    def add_run(self, text: str, bold: bool = False, east_asian: str | None = None) -> None:
        """Append a run of ``text``."""
        self.parts.append(run_xml(text, bold, east_asian))
        self.text += text.replace("\r", "\n")

    def add_field(self, instruction: str, result: str, east_asian: str | None = None) -> None:
        """Append a field whose cached result is ``result``."""
        self.parts.append(field_xml(instruction, run_xml(result, east_asian=east_asian)))
        self.text += result

    def add_bookmark_start(self, bookmark_id: int, name: str) -> None:
        """Open a bookmark just after the paragraph properties (before earlier starts)."""
        self.starts.insert(0, f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{escape(name)}"/>')

    def add_bookmark_end(self, bookmark_id: int) -> None:
        """Close a bookmark at the paragraph's end."""
        self.parts.append(f'<w:bookmarkEnd w:id="{bookmark_id}"/>')

    def xml(self) -> str:
        """The paragraph as WordprocessingML."""
        props = f'<w:pStyle w:val="{escape(self.style)}"/>' if self.style is not None else ""
        if self.keep_next:
            props += "<w:keepNext/>"
        if self.space_before is not None:
            props += f'<w:spacing w:before="{self.space_before}"/>'
        if self.align is not None:
            props += f'<w:jc w:val="{self.align}"/>'
        body = "".join(self.starts) + "".join(self.parts)
        if self.style is None and not props:
            return f"<w:p>{body}</w:p>" if body else "<w:p/>"
        return f"<w:p><w:pPr>{props}</w:pPr>{body}</w:p>"


class Cell:
    """A ``w:tc``: width (twips), vertical merge, shading, and its paragraphs (one to start)."""

    __slots__ = ("fill", "paragraphs", "vmerge", "width")

    def __init__(self, width: int) -> None:
        self.width = width
        self.vmerge: str | None = None  # "restart" or "continue"
        self.fill: str | None = None
        self.paragraphs: list[Paragraph] = [Paragraph()]

    def add_paragraph(self, style: str | None = None) -> Paragraph:
        """Append a paragraph to the cell."""
        para = Paragraph(style)
        self.paragraphs.append(para)
        return para

    def xml(self) -> str:
        """The cell as WordprocessingML."""
        props = f'<w:tcW w:type="dxa" w:w="{self.width}"/>'
        if self.vmerge == "restart":
            props += '<w:vMerge w:val="restart"/>'
        elif self.vmerge == "continue":
            props += "<w:vMerge/>"
        if self.fill is not None:
            props += f'<w:shd w:val="clear" w:color="auto" w:fill="{self.fill}"/>'
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(p.xml() for p in self.paragraphs)}</w:tc>"


class Row:
    """A ``w:tr`` with its cells and the two row flags we use."""

    __slots__ = ("cant_split", "cells", "header")

    def __init__(self, cells: list[Cell]) -> None:
        self.cells = cells
        self.cant_split = False
        self.header = False

    def xml(self) -> str:
        """The row as WordprocessingML."""
        flags = ("<w:cantSplit/>" if self.cant_split else "") + ("<w:tblHeader/>" if self.header else "")
        props = f"<w:trPr>{flags}</w:trPr>" if flags else ""
        return f"<w:tr>{props}{''.join(c.xml() for c in self.cells)}</w:tr>"


class Table:
    """A ``w:tbl`` laid out as python-docx's ``add_table(rows, cols)`` does, on a text width in EMU."""

    __slots__ = ("fixed", "grid", "margins", "rows", "style")

    def __init__(self, rows: int, cols: int, block_width_emu: int) -> None:
        col_width = twips_of_emu(block_width_emu // cols) if cols > 0 else 0
        self.style: str | None = None
        self.fixed = False
        self.margins: int | None = None  # left and right cell margins, twips
        self.grid = [col_width] * cols
        self.rows: list[Row] = []
        for _ in range(rows):
            self.add_row()

    def add_row(self) -> Row:
        """Append a row with one cell per grid column, each as wide as its column."""
        row = Row([Cell(w) for w in self.grid])
        self.rows.append(row)
        return row

    def merge_down(self, column: int, first: int, last: int) -> Cell:
        """Merge ``column`` from row ``first`` to ``last`` vertically; returns the top cell."""
        top = self.rows[first].cells[column]
        if last > first:
            top.vmerge = "restart"
            for r in range(first + 1, last + 1):
                self.rows[r].cells[column].vmerge = "continue"
        return top

    def set_widths(self, widths_twips: list[int], grid_twips: list[int]) -> None:
        """Column widths in the grid and in every cell a row shows (not merge continuations)."""
        self.grid[: len(grid_twips)] = grid_twips[: len(self.grid)]
        for row in self.rows:
            for c, cell in enumerate(row.cells):
                if cell.vmerge != "continue" and c < len(widths_twips):
                    cell.width = widths_twips[c]

    def xml(self) -> str:
        """The table as WordprocessingML."""
        props = f'<w:tblStyle w:val="{escape(self.style)}"/>' if self.style is not None else ""
        props += '<w:tblW w:type="auto" w:w="0"/>'
        if self.fixed:
            props += '<w:tblLayout w:type="fixed"/>'
        if self.margins is not None:
            m = self.margins
            props += f'<w:tblCellMar><w:left w:w="{m}" w:type="dxa"/><w:right w:w="{m}" w:type="dxa"/></w:tblCellMar>'
        props += (
            '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
            'w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
        )
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in self.grid)
        return f"<w:tbl><w:tblPr>{props}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(r.xml() for r in self.rows)}</w:tbl>"


class Body:
    """The body's block items in order."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[Paragraph | Table] = []

    def add_paragraph(self, style: str | None = None) -> Paragraph:
        """Append a paragraph to the body."""
        para = Paragraph(style)
        self.items.append(para)
        return para

    def add_table(self, table: Table) -> Table:
        """Append ``table`` to the body."""
        self.items.append(table)
        return table

    @property
    def paragraphs(self) -> list[Paragraph]:
        """The body-level paragraphs (not those inside tables), in order."""
        return [item for item in self.items if isinstance(item, Paragraph)]

    def xml(self) -> str:
        """The block items as WordprocessingML, without the ``w:body`` element."""
        return "".join(item.xml() for item in self.items)


def parse_fragment(inner: str, parser: Any = None) -> Any:
    """Parse WordprocessingML elements (``w:`` prefix) into a wrapper element; its children are them."""
    from lxml import etree

    return etree.fromstring(f'<w:body xmlns:w="{W_NS}">{inner}</w:body>', parser)
