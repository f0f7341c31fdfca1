"""Agreement → Word (.docx) through docxtpl and python-docx.

The base template (``templates/docx/agreement.docx``) holds the styles and two multi-level
numbering definitions; docxtpl fills its header, and python-docx appends the body. Article and
clause headings get their numbers from the styles' numbering (never typed), each clause is
wrapped in a bookmark named after its clause id, cross-references are REF fields to those
bookmarks, schedules are real tables, and the zip is written with fixed timestamps so the same
input gives the same bytes.

Bilingual agreements are laid out as Taiwanese 中英對照 contracts usually are: each article in a
two-column grid, Chinese on the left and English on the right, one row per paragraph (heading,
body paragraph or list item), so the two columns never drift apart and both keep their own
automatic numbering.

Every property element is inserted at its schema position (:mod:`agreementkit.render.ooxml`), so
Word opens the file without offering a repair; the font table describes the East Asian font
(:mod:`agreementkit.render.fonttable`) so a reader that lacks it substitutes a Traditional
Chinese face.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agreementkit.library.resources import bundled_dir
from agreementkit.locale.terms import LABELS, closing_date, prevailing_note, witness_sentence
from agreementkit.models.agreement import (
    Agreement,
    Article,
    Block,
    Clause,
    PartyBlock,
    Ref,
    Span,
    Table,
)
from agreementkit.models.common import Lang
from agreementkit.render.fonttable import font_table_xml
from agreementkit.render.widths import fit_widths
from agreementkit.render.wordml import (
    PAGE_BREAK,
    W_NS,
    Body,
    Cell,
    Paragraph,
    Row,
    parse_fragment,
    twips_of_mm,
)
from agreementkit.render.wordml import Table as WTable
from agreementkit.render.ziputil import normalize_zip

CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
TEXT_WIDTH_MM = 160.0
TABLE_FONT_MM = 9.5 * 25.4 / 72 * 1.1  # "AK Table Text", a little wider for the bold header
CELL_MARGINS_MM = 2 * 70 / 56.7 + 0.4  # tblCellMar left + right (70 twips each) and borders
DEFAULT_EAST_ASIAN_FONT = "標楷體"
DEFAULT_LATIN_FONT = "Times New Roman"

ITEM_STYLES = {"zh-TW": ("AK Item 1", "AK Item 2"), "en": ("AK Item 1", "AK Item 2")}
EN_COLUMN_STYLES = {
    "Heading 1": "AK Heading 1 EN",
    "Heading 2": "AK Heading 2 EN",
    "AK Item 1": "AK Item 1 EN",
    "AK Item 2": "AK Item 2 EN",
}

COLON: dict[Lang, str] = {"zh-TW": "：", "en": ": "}


@dataclass(frozen=True)
class DocxOptions:
    """Renderer settings a user may change."""

    east_asian_font: str = DEFAULT_EAST_ASIAN_FONT
    latin_font: str = DEFAULT_LATIN_FONT
    template: Path | None = None


def _text_of(agreement: Agreement, texts: Any, lang: Lang) -> str:
    return str(texts[lang])


def _style_ids(doc: Any) -> dict[str, str]:
    """Style name → style id (python-docx finds a style by scanning every style element)."""
    return {st.name: st.style_id for st in doc.styles}


class _Writer:
    """Stateful helper that builds the body of one agreement (:mod:`agreementkit.render.wordml`)."""

    def __init__(self, doc: Any, agreement: Agreement, options: DocxOptions) -> None:
        self.doc = doc
        self.body = Body()
        self.agreement = agreement
        self.options = options
        self._bookmark_id = 0
        self.grids: list[WTable] = []
        self._style_ids = _style_ids(doc)
        section = doc.sections[-1]
        self._block_width = int(section.page_width - section.left_margin - section.right_margin)

    def new_paragraph(self, container: Body | Cell, style: str) -> Paragraph:
        """Append a paragraph with ``style`` (by name) to the body or a cell."""
        return container.add_paragraph(self._style_ids[style])

    def set_style(self, para: Paragraph, style: str) -> None:
        """Give ``para`` the named style."""
        para.style = self._style_ids[style]

    # -- runs, fields, bookmarks ------------------------------------------------------------
    def _east_asian(self, text: str) -> str | None:
        return self.options.east_asian_font if CJK.search(text) else None

    def run(self, paragraph: Paragraph, text: str, bold: bool = False) -> None:
        paragraph.add_run(text, bold, self._east_asian(text))

    def field(self, paragraph: Paragraph, instruction: str, result: str) -> None:
        """A Word field with a cached result, e.g. PAGE or REF bookmark."""
        paragraph.add_field(instruction, result, self._east_asian(result))

    def bookmark_start(self, paragraph: Paragraph, name: str) -> int:
        self._bookmark_id += 1
        paragraph.add_bookmark_start(self._bookmark_id, name)
        return self._bookmark_id

    def bookmark_end(self, paragraph: Paragraph, bookmark_id: int) -> None:
        paragraph.add_bookmark_end(bookmark_id)

    # -- blocks -----------------------------------------------------------------------------
    def paragraph(
        self,
        container: Body | Cell,
        style: str,
        lang: Lang,
        inlines: Sequence[Span | Ref] = (),
        text: str | None = None,
    ) -> Paragraph:
        para = self.new_paragraph(container, style)
        if text is not None:
            self.run(para, text)
        for inline in inlines:
            if isinstance(inline, Span):
                self.run(para, inline.text)
            else:
                self.reference(para, inline, lang)
        return para

    def reference(self, para: Paragraph, ref: Ref, lang: Lang) -> None:
        # The cached result of each REF field is our label, so the document reads right without
        # any update. English: REF \w gives "5.2" / "Article 5" when fields are updated. zh-TW:
        # "第五條第二項" is written as a REF to the article (\n gives 第五條) followed by the item
        # in text, because the item's list number reads 二、 and no REF switch renders it as 第二項
        # in both Word and LibreOffice.
        label = ref.label[lang]
        bookmark = ref.bookmark if lang == self.agreement.languages[0] else ""
        if ref.relative:
            # 本條第二項 / "paragraph 2 of this Article": no REF switch renders these; a HYPERLINK
            # field keeps its words on update and still leads to the clause (one field per ref).
            if bookmark:
                self.field(para, f'HYPERLINK \\l "{bookmark}"', label)
            else:
                self.run(para, label)
            return
        if lang == "en" and label.startswith("Clause "):
            self.run(para, "Clause ")
            label = label[len("Clause ") :]
        if bookmark and lang == "zh-TW" and "項" in label:
            art, item = label[:-1].split("條第")
            self.field(para, f"REF {ref.article_bookmark} \\n \\h", art + "條")
            self.run(para, f"第{item}項")
        elif bookmark:
            self.field(para, f"REF {bookmark} \\w \\h", label)
        else:
            self.run(para, label)

    def style_for(self, style: str, lang: Lang, column: bool) -> str:
        if column and lang == "en":
            return EN_COLUMN_STYLES.get(style, style)
        return style

    def block(self, container: Body | Cell, block: Block, lang: Lang, column: bool) -> Paragraph | WTable:
        if isinstance(block, Table):
            return self.table(block, (lang,))  # tables go in the body, never in a grid cell
        style = ("AK Cell Body EN" if lang == "en" else "AK Cell Body") if column else "AK Body"
        if block.level >= 1:
            style = self.style_for(ITEM_STYLES[lang][min(block.level, 2) - 1], lang, column)
        return self.paragraph(container, style, lang, block.content[lang])

    def new_table(self, rows: int, cols: int, style: str | None) -> WTable:
        """A body table as python-docx's ``add_table`` makes it, with layout fixed (autofit off)."""
        grid = self.body.add_table(WTable(rows, cols, self._block_width))
        grid.style = self._style_ids[style] if style is not None else None
        grid.fixed = True
        return grid

    def set_widths(self, grid: WTable, widths_mm: Sequence[float]) -> None:
        """Fix column widths in the grid (read by LibreOffice) and in every cell (read by Word)."""
        grid.fixed = True
        grid.margins = 70
        grid.set_widths([twips_of_mm(mm) for mm in widths_mm], [int(mm * 56.7) for mm in widths_mm])

    def shade(self, cell: Cell, fill: str) -> None:
        cell.fill = fill

    def row_flags(self, row: Row, header: bool = False) -> None:
        row.cant_split = True
        row.header = row.header or header

    def cell_text(
        self,
        cell: Cell,
        texts: dict[Lang, str] | Any,
        langs: Sequence[Lang],
        style: str,
        align_right: bool = False,
        bold: bool = False,
    ) -> None:
        """Each language's text in its own paragraph of ``cell`` (English left out when identical)."""
        self.set_style(cell.paragraphs[0], style)
        first = True
        for lang in langs:
            value = texts[lang]
            if len(langs) == 2 and lang == "en" and value == texts["zh-TW"]:
                continue
            para = cell.paragraphs[0] if first else self.new_paragraph(cell, style)
            self.run(para, value, bold=bold and first)
            first = False
            if align_right:
                para.align = "right"

    def table(self, table: Table, langs: Sequence[Lang], width_mm: float = TEXT_WIDTH_MM) -> WTable:
        """A caption, the table and an empty paragraph after it, in the body."""
        caption = self.new_paragraph(self.body, "AK Caption")
        self.run(caption, " / ".join(table.caption[lang] for lang in langs))
        cols = len(table.header)
        grid = self.new_table(1 + len(table.rows), cols, "Table Grid")
        widths = table.widths or tuple(1 / cols for _ in range(cols))
        for c, head in enumerate(table.header):
            cell = grid.rows[0].cells[c]
            self.cell_text(cell, head, langs, "AK Table Heading")
            self.shade(cell, "D9E2F3")
            for para in cell.paragraphs:  # caption and header row go with the first body row
                para.keep_next = True
        self.row_flags(grid.rows[0], header=True)
        for r, row in enumerate(table.rows, start=1):
            for c, value in enumerate(row):
                self.cell_text(
                    grid.rows[r].cells[c],
                    value,
                    langs,
                    "AK Table Text",
                    align_right=c in table.numeric_columns,
                )
            self.row_flags(grid.rows[r])
        columns = [
            [table.header[c][lang] for lang in langs] + [row[c][lang] for row in table.rows for lang in langs]
            for c in range(cols)
        ]
        self.set_widths(grid, fit_widths(widths, columns, width_mm, TABLE_FONT_MM, CELL_MARGINS_MM))
        self.new_paragraph(self.body, "AK Table Text")
        return grid

    # -- document parts ---------------------------------------------------------------------
    def cover(self) -> None:
        a = self.agreement
        langs = a.languages
        for lang in langs:
            self.paragraph(self.body, "Title", lang, text=a.title[lang])
        # The number line is printed only when the deal gives a number; the version always is.
        lang = langs[0]
        sub = [f"{LABELS['number'][lang]} {a.number}"] if a.number else []
        sub.append(f"{LABELS['version'][lang]} v{a.version}")
        self.paragraph(self.body, "Subtitle", lang, text="　".join(sub) if lang == "zh-TW" else " · ".join(sub))
        self.party_table()
        self.table(a.key_terms, langs)
        if a.bilingual and a.prevailing_language:
            for lang in langs:
                self.paragraph(self.body, "AK Table Text", lang, text=prevailing_note(a.prevailing_language, lang))
        self.body.paragraphs[-1].parts.append(PAGE_BREAK)

    def labelled(self, key: str, values: dict[Lang, str], langs: Sequence[Lang]) -> dict[Lang, str]:
        """``{lang: '代表人：王大明'}`` — a field label and its value in each language."""
        return {lang: f"{LABELS[key][lang]}{COLON[lang]}{values[lang]}" for lang in langs}

    def party_table(self) -> None:
        """The cover's 立契約書人 table: each party's role, name, 統一編號, representative, address."""
        a = self.agreement
        langs = a.languages
        heading = self.new_paragraph(self.body, "AK Cover Heading")
        self.run(heading, " / ".join(LABELS["parties"][lang] for lang in langs))
        rows: list[tuple[PartyBlock, list[dict[Lang, str]]]] = []
        for party in a.parties:
            lines: list[dict[Lang, str]] = [{lang: party.name[lang] for lang in langs}]
            if party.tax_id:
                lines.append(self.labelled("tax_id", {x: party.tax_id for x in langs}, langs[:1]))
            elif party.registration:
                lines.append(self.labelled("registration", {x: party.registration for x in langs}, langs[:1]))
            lines.append(
                self.labelled("representative", {x: self._rep(party, x) for x in langs}, langs)
            )
            lines.append(self.labelled("address", {x: party.address[x] for x in langs}, langs))
            rows.append((party, lines))
        grid = self.new_table(sum(len(lines) for _, lines in rows), 2, "Table Grid")
        r = 0
        for party, lines in rows:
            merged = grid.merge_down(0, r, r + len(lines) - 1)
            self.cell_text(merged, {x: party.label[x] for x in langs}, langs, "AK Table Heading")
            self.shade(merged, "EFEFEF")
            for i, line in enumerate(lines):
                row = grid.rows[r + i]
                self.row_flags(row)
                shown = langs if len(line) == len(langs) else langs[:1]
                self.cell_text(row.cells[1], line, shown, "AK Table Text", bold=i == 0)
            r += len(lines)
        self.set_widths(grid, [TEXT_WIDTH_MM * 0.24, TEXT_WIDTH_MM * 0.76])
        self.new_paragraph(self.body, "AK Table Text")

    def parties_intro(self, container: Body | Cell, lang: Lang) -> list[Paragraph]:
        a = self.agreement
        made = []
        if lang == "zh-TW":
            made.append(self.paragraph(container, "AK Preamble", lang, text=LABELS["parties"]["zh-TW"]))
            for party in a.parties:
                short = party.label["zh-TW"].split("（")[0]
                made.append(
                    self.paragraph(
                        container, "AK Preamble", lang, text=f"{party.name['zh-TW']}（以下簡稱「{short}」）"
                    )
                )
        else:
            names = []
            for party in a.parties:
                names.append(f"{party.name['en']} (the \u201c{party.label['en']}\u201d)")
            made.append(
                self.paragraph(
                    container,
                    "AK Cell Body EN" if len(self.agreement.languages) == 2 else "AK Preamble",
                    lang,
                    text=f"This {a.title['en']} is made between " + " and ".join(names) + ".",
                )
            )
        return made

    def preamble(self) -> None:
        a = self.agreement
        if a.bilingual:
            grid = self.grid()
            first_lang = a.languages[0]
            row = grid.add_row()
            made: list[Paragraph] = []
            for i, lang in enumerate(a.languages):
                paras = self.parties_intro(row.cells[i], lang)
                self.strip_first(row.cells[i])
                if i == 0:
                    made += paras
            for para in a.preamble:
                row = grid.add_row()
                for i, lang in enumerate(a.languages):
                    style = "AK Cell Body EN" if lang == "en" else "AK Preamble"
                    p = self.paragraph(row.cells[i], style, lang, para.content[lang])
                    self.strip_first(row.cells[i])
                    if lang == first_lang:
                        made.append(p)
            self.mark_range(made[0], made[-1], a.preamble_bookmarks)
            self.new_paragraph(self.body, "AK Table Text")
            return
        lang = a.languages[0]
        made = self.parties_intro(self.body, lang)
        for para in a.preamble:
            made.append(self.paragraph(self.body, "AK Preamble", lang, para.content[lang]))
        if made:
            self.mark_range(made[0], made[-1], a.preamble_bookmarks)

    def mark_range(self, first: Paragraph, last: Paragraph, names: Sequence[str]) -> None:
        """Wrap the paragraphs from ``first`` to ``last`` in a bookmark for each of ``names``."""
        for name in names:
            self.bookmark_end(last, self.bookmark_start(first, name))

    def grid(self) -> WTable:
        grid = self.new_table(0, 2, None)
        self.grids.append(grid)
        return grid

    def strip_first(self, cell: Cell) -> None:
        """Remove the empty paragraph a new table cell starts with."""
        if not cell.paragraphs[0].text and len(cell.paragraphs) > 1:
            del cell.paragraphs[0]

    def article(self, article: Article) -> list[Paragraph]:
        """Append one article; returns the paragraphs that end it (one per column)."""
        a = self.agreement
        if a.bilingual:
            return self.article_bilingual(article)
        lang = a.languages[0]
        heading = self.paragraph(self.body, "Heading 1", lang, text=article.heading[lang])
        art_bm = self.bookmark_start(heading, article.bookmark)
        self.bookmark_end(heading, art_bm)
        last = [heading]
        for clause in article.clauses:
            last = [self.clause(self.body, clause, lang, heading, column=False)]
        return last

    def clause(
        self, container: Body | Cell, clause: Clause, lang: Lang, article_heading: Paragraph, column: bool
    ) -> Paragraph:
        first: Paragraph
        if clause.show_heading:
            first = self.paragraph(
                container, self.style_for("Heading 2", lang, column), lang, text=clause.heading[lang]
            )
        else:
            first = article_heading
        mark = lang == self.agreement.languages[0]
        bm = self.bookmark_start(first, clause.bookmark) if mark else 0
        last = first
        for block in clause.blocks:
            made = self.block(container, block, lang, column)
            if isinstance(made, Paragraph):
                last = made
        if isinstance(clause.blocks[-1:] and clause.blocks[-1], Table):
            last = self.new_paragraph(container, "AK Table Text")
        if mark:
            self.bookmark_end(last, bm)
        return last

    def article_bilingual(self, article: Article) -> list[Paragraph]:
        """One grid row per paragraph: the zh-TW paragraph left, its English counterpart right."""
        langs = self.agreement.languages
        grid: WTable | None = None
        last: list[Paragraph] = []

        def row_of(whole: bool, write: Any) -> list[Paragraph]:
            # Heading rows never split; a paragraph row may run on to the next page, as the
            # paragraph itself would, instead of leaving the rest of the page blank.
            nonlocal grid
            if grid is None:
                grid = self.grid()
            row = grid.add_row()
            if whole:
                self.row_flags(row)
            made = []
            for i, lang in enumerate(langs):
                made.append(write(row.cells[i], lang))
                self.strip_first(row.cells[i])
            return made

        heads = row_of(
            True,
            lambda cell, lang: self.paragraph(
                cell, self.style_for("Heading 1", lang, True), lang, text=article.heading[lang]
            ),
        )
        self.bookmark_end(heads[0], self.bookmark_start(heads[0], article.bookmark))
        last = heads
        for clause in article.clauses:
            if clause.show_heading:
                clause_heads = row_of(
                    True,
                    lambda cell, lang, c=clause: self.paragraph(
                        cell, self.style_for("Heading 2", lang, True), lang, text=c.heading[lang]
                    ),
                )
                anchor = clause_heads[0]
                last = clause_heads
            else:
                anchor = heads[0]
            self.bookmark_end(anchor, self.bookmark_start(anchor, clause.bookmark))
            for block in clause.blocks:
                if isinstance(block, Table):
                    self.table(block, langs)
                    grid = None
                    last = [self.body.paragraphs[-1]]
                    continue
                last = row_of(False, lambda cell, lang, b=block: self.block(cell, b, lang, True))
        self.new_paragraph(self.body, "AK Table Text")
        return last

    def signatures(self, keep_with: Sequence[Paragraph]) -> None:
        """The closing sentence, the signature table and the date line, kept on one page.

        ``keep_with`` are the paragraphs that end the last article: they are kept with the
        signatures, so the signature page never stands alone.
        """
        a = self.agreement
        langs = a.languages
        for para in keep_with:
            para.keep_next = True
        for lang in langs:
            witness = self.paragraph(self.body, "AK Preamble", lang, text=witness_sentence(a.document_kind, lang))
            witness.keep_next = True
            witness.space_before = 240  # 12 pt

        def label(key: str) -> str:
            return " ".join(dict.fromkeys(LABELS[key][lang] for lang in langs))

        colon = COLON[langs[0]]

        grid = self.new_table(0, 2, "Table Grid")

        def both(values: list[str]) -> None:
            row = grid.add_row()
            self.row_flags(row)
            for cell, value in zip(row.cells, values, strict=True):
                for i, line in enumerate(value.split("\n")):
                    para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                    self.set_style(para, "AK Signature")
                    para.keep_next = True
                    self.run(para, line)

        def per_party(fn: Any) -> list[str]:
            return [fn(p) for p in a.parties]

        both(per_party(lambda p: " / ".join(dict.fromkeys(p.label[lang] for lang in langs))))
        both(
            per_party(
                lambda p: f"{label('name')}{colon}" + "\n".join(dict.fromkeys(p.name[lang] for lang in langs))
            )
        )
        both(per_party(self._id_line))
        both(
            per_party(
                lambda p: (
                    f"{label('representative')}{colon}"
                    + "\n".join(dict.fromkeys(self._rep(p, lang) for lang in langs))
                )
            )
        )
        both(
            per_party(
                lambda p: (
                    f"{label('address')}{colon}" + "\n".join(dict.fromkeys(p.address[lang] for lang in langs))
                )
            )
        )
        both(per_party(lambda p: f"{label('seal')}{colon}\n\n\n\n\n"))
        self.set_widths(grid, [TEXT_WIDTH_MM / 2] * 2)
        for cell in grid.rows[0].cells:
            self.shade(cell, "D9E2F3")
        self.closing_lines()

    def closing_lines(self) -> None:
        """Place and date of signing under the signatures (blanks to fill in when not given)."""
        a = self.agreement
        signed = dt.date.fromisoformat(a.signing_date) if a.signing_date else None
        lines: list[tuple[Lang, str]] = []
        if a.signing_place:
            lines += [(lang, f"{LABELS['place'][lang]}{COLON[lang]}{a.signing_place[lang]}") for lang in a.languages]
        lines += [(lang, closing_date(signed, lang, a.date_style)) for lang in a.languages]
        for i, (lang, text) in enumerate(lines):
            para = self.paragraph(self.body, "AK Signature", lang, text=text)
            para.align = "center"
            para.space_before = 240 if i == 0 else 40  # 12 pt, then 2 pt
            if i < len(lines) - 1:
                para.keep_next = True

    def _id_line(self, p: PartyBlock) -> str:
        lang = self.agreement.languages[0]
        if p.tax_id:
            return f"{LABELS['tax_id'][lang]}{COLON[lang]}{p.tax_id}"
        return f"{LABELS['registration'][lang]}{COLON[lang]}{p.registration or '—'}"

    @staticmethod
    def _rep(p: PartyBlock, lang: Lang) -> str:
        title = p.representative_title[lang]
        return f"{title} {p.representative[lang]}".strip()

    def header_footer(self) -> None:
        """The page number line in the template's footer paragraph (its runs replaced)."""
        a = self.agreement
        footer = self.doc.sections[0].footer
        p = footer.paragraphs[0]._p
        for child in list(p):
            if child.tag != f"{{{W_NS}}}pPr":
                p.remove(child)
        line = Paragraph()
        lang = a.languages[0]
        if lang == "zh-TW":
            self.run(line, "第 ")
            self.field(line, "PAGE", "1")
            self.run(line, " 頁，共 ")
            self.field(line, "NUMPAGES", "1")
            self.run(line, " 頁")
        else:
            self.run(line, "Page ")
            self.field(line, "PAGE", "1")
            self.run(line, " of ")
            self.field(line, "NUMPAGES", "1")
        for child in list(parse_fragment("".join(line.parts))):
            p.append(child)

    def grid_widths(self) -> None:
        """Give every two-column bilingual grid equal columns across the text width."""
        for table in self.grids:
            self.set_widths(table, [TEXT_WIDTH_MM / 2] * 2)

    def write_body(self) -> None:
        """Put the built body into the document, before its section properties."""
        body = self.doc.element.body
        at = len(body) - 1 if len(body) and body[-1].tag == f"{{{W_NS}}}sectPr" else len(body)
        for i, child in enumerate(list(parse_fragment(self.body.xml()))):
            body.insert(at + i, child)


def _apply_fonts(doc: Any, options: DocxOptions, english_numbering: bool) -> None:
    from docx.oxml.ns import qn

    styles = doc.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        if fonts.get(qn("w:eastAsia")) is not None:
            fonts.set(qn("w:eastAsia"), options.east_asian_font)
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            if fonts.get(qn(attr)) is not None:
                fonts.set(qn(attr), options.latin_font)
    # The font table describes the fonts actually named, so a reader without them substitutes a
    # face of the same script (Big5 charset, PANOSE class) instead of guessing from the name.
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            rel.target_part._blob = font_table_xml((options.latin_font,), (options.east_asian_font,))
    if english_numbering:
        for name in ("Heading 1", "Heading 2", "AK Item 1", "AK Item 2"):
            num_id = doc.styles[name].element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
            if num_id is not None:
                num_id.set(qn("w:val"), "2")


def _prop(text: str) -> str:
    # python-docx refuses core properties longer than 255 characters (long party names)
    return text if len(text) <= 255 else text[:254] + "…"


def _core_properties(doc: Any, agreement: Agreement) -> None:
    lang = agreement.languages[0]
    when = dt.datetime.strptime(agreement.source_date, "%Y-%m-%dT%H:%M:%SZ")
    props = doc.core_properties
    props.title = _prop(" / ".join(dict.fromkeys(agreement.title[x] for x in agreement.languages)))
    props.subject = _prop(agreement.subject[lang])
    props.keywords = _prop(", ".join(agreement.keywords))
    props.category = agreement.agreement_type
    props.author = _prop(agreement.parties[0].name[lang])
    props.last_modified_by = "agreementkit"
    props.comments = f"{agreement.number or ''} v{agreement.version}".strip()
    props.language = "zh-TW" if lang == "zh-TW" else "en-US"
    props.created = when
    props.modified = when
    props.revision = 1
    props.version = agreement.version


def render_docx(agreement: Agreement, options: DocxOptions | None = None) -> bytes:
    """Render ``agreement`` as DOCX bytes (reproducible for the same input)."""
    from docxtpl import DocxTemplate

    from agreementkit.library.jinja import shared_env

    options = options or DocxOptions()
    template = options.template or bundled_dir("templates") / "docx" / "agreement.docx"
    tpl = DocxTemplate(str(template))
    lang = agreement.languages[0]
    header_text = " / ".join(dict.fromkeys(agreement.title[x] for x in agreement.languages))
    gap = "\u3000" if lang == "zh-TW" else "   "  # an ideographic space only in Chinese text
    if agreement.number:
        header_text += f"{gap}{agreement.number}"
    header_text += f"{gap}v{agreement.version}"
    # The footer's page fields go in before docxtpl renders: docxtpl replaces header and footer
    # parts with re-parsed copies, so later python-docx edits to them would be lost.
    tpl.init_docx()
    _Writer(tpl.docx, agreement, options).header_footer()
    tpl.render(
        {"header_text": header_text, "footer_marker": "", "title": agreement.title[lang]},
        jinja_env=shared_env(autoescape=True),
        autoescape=True,
    )
    doc = tpl.docx
    _apply_fonts(doc, options, english_numbering=lang == "en")
    writer = _Writer(doc, agreement, options)
    writer.cover()
    writer.preamble()
    last: list[Any] = []
    for article in agreement.articles:
        last = writer.article(article)
    writer.signatures(last)
    writer.grid_widths()
    writer.write_body()
    _core_properties(doc, agreement)
    raw = io.BytesIO()
    doc.save(raw)
    return normalize_zip(raw.getvalue())


def base_document(options: DocxOptions | None = None) -> Any:
    """A python-docx document with the agreement template's styles and fonts, and nothing else.

    For documents that should look like the drafted agreement (notice letters): the same page,
    styles (Normal, Title, AK Body, AK Cell Body …), East Asian and Latin fonts and font table; the
    template's header and footer placeholders are emptied.
    """
    from docx import Document

    options = options or DocxOptions()
    doc = Document(str(options.template or bundled_dir("templates") / "docx" / "agreement.docx"))
    _apply_fonts(doc, options, english_numbering=False)
    for section in doc.sections:
        for part in (section.header, section.footer):
            for paragraph in part.paragraphs:
                for run in paragraph.runs:
                    run.text = ""
    return doc
