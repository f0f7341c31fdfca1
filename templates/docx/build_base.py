"""Build ``agreement.docx``, the base Word template for drafted agreements (layout only).

Run ``python templates/docx/build_base.py`` after changing it; the result is committed so that
lawyers can also open and restyle the template in Word. It holds the named styles, the two
multi-level numbering definitions (zh-TW 第一條／一、／（一） and English Article 1／1.1／(a)),
A4 page setup, and a header and footer with docxtpl tags filled in at render time.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from agreementkit.render.fonttable import font_table_xml
from agreementkit.render.ooxml import insert_ordered
from agreementkit.render.ziputil import normalize_zip

HERE = Path(__file__).resolve().parent
OUT = HERE / "agreement.docx"

LATIN = "Times New Roman"
EAST_ASIAN = "標楷體"

# numId 1: zh-TW; numId 2: English (an English-only agreement rebinds the heading styles to it);
# numId 3: the English column of a bilingual agreement. Word numbers headings through the styles.
NUMBERING = {
    # The hanging indents hold the widest number of their level (十二、 and （十一） are 3 and 4
    # full-width characters): a number wider than its indent would push its first line to the
    # next tab stop, out of line with the rest of the item.
    1: [
        ("taiwaneseCountingThousand", "第%1條", "Heading1", 0, 0),
        ("taiwaneseCountingThousand", "%2、", "Heading2", 0, 780),
        ("taiwaneseCountingThousand", "（%3）", "AKItem1", 567, 1000),
        ("decimal", "%4.", "AKItem2", 1567, 425),
    ],
    2: [
        ("decimal", "Article %1", "Heading1", 0, 0),
        ("decimal", "%1.%2", "Heading2", 0, 567),
        ("lowerLetter", "(%3)", "AKItem1", 567, 567),
        ("lowerRoman", "(%4)", "AKItem2", 1134, 567),
    ],
    3: [
        ("decimal", "Article %1", "AKHeading1EN", 0, 0),
        ("decimal", "%1.%2", "AKHeading2EN", 0, 567),
        ("lowerLetter", "(%3)", "AKItem1EN", 567, 567),
        ("lowerRoman", "(%4)", "AKItem2EN", 1134, 567),
    ],
}


def _abstract_num(abstract_id: int, levels: list[tuple[str, str, str, int, int]]) -> str:
    lvls = []
    for ilvl, (fmt, text, style, left, hanging) in enumerate(levels):
        suffix = "space" if ilvl == 0 else "tab"
        lvls.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:pStyle w:val="{style}"/><w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left + hanging}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
        )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>'
    )


def _fonts(rpr_parent: object, size_pt: float | None = None, bold: bool = False) -> None:
    style_rpr = rpr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    for old in style_rpr.findall(qn("w:rFonts")):
        style_rpr.remove(old)
    insert_ordered(
        style_rpr,
        parse_xml(
            f'<w:rFonts {nsdecls("w")} w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{EAST_ASIAN}" w:cs="{LATIN}"/>'
        ),
    )


def _set_style(
    doc: Document,
    name: str,
    *,
    base: str | None = None,
    size: float = 12,
    bold: bool = False,
    before: float = 0,
    after: float = 6,
    keep_next: bool = False,
    outline: int | None = None,
    num: tuple[int, int] | None = None,
    align: str | None = None,
    indent_mm: float | None = None,
    style_type: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH,
) -> None:
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, style_type, builtin=name in BUILTIN_STYLES)
    if base:
        style.base_style = styles[base]
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = None
    element = style.element
    _fonts(element)
    rpr = element.get_or_add_rPr()
    for tag in ("w:color", "w:lang"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    insert_ordered(rpr, parse_xml(f'<w:lang {nsdecls("w")} w:val="en-US" w:eastAsia="zh-TW"/>'))
    pf = style.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.keep_with_next = keep_next
    if indent_mm is not None:
        pf.left_indent = Mm(indent_mm)
    ppr = element.get_or_add_pPr()
    for tag in ("w:outlineLvl", "w:numPr", "w:jc"):
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    if keep_next:
        # A heading never ends a page alone, and its own lines stay together.
        pf.keep_together = True
    if num is not None:
        num_id, ilvl = num
        insert_ordered(
            ppr,
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
            ),
        )
    if outline is not None:
        insert_ordered(ppr, parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{outline}"/>'))
    if align:
        insert_ordered(ppr, parse_xml(f'<w:jc {nsdecls("w")} w:val="{align}"/>'))
    element.get_or_add_pPr()
    style.quick_style = True


# Word's own style names that we define (Word recognises them by name; not custom styles).
BUILTIN_STYLES = frozenset({"Title", "Subtitle", "Heading 1", "Heading 2", "Header", "Footer"})
# Styles of python-docx's default template that we keep as they are; every other one goes, with
# its theme fonts (a Japanese 明朝/ゴシック theme) and links to character styles we do not ship.
KEEP_STYLE_IDS = frozenset({"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid"})
# Parts of the default template that do not belong in ours: stylesWithEffects.xml (Word 2010's
# copy of the styles, naming numbering definitions 5-7 that we replace, and missing our styles)
# and the bibliography custom XML.
DROPPED_RELATIONSHIPS = ("stylesWithEffects", "customXml")


def _clean_default_template(doc: Document) -> None:
    part = doc.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in DROPPED_RELATIONSHIPS:
            part.drop_rel(rel_id)
    styles = doc.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEEP_STYLE_IDS:
            styles.remove(style)
    for style in styles.findall(qn("w:style")):
        for tag in ("w:link", "w:rsid"):
            for old in style.findall(qn(tag)):
                style.remove(old)
    # The font table lists the fonts our styles use, with the panose/charset a substitute needs.
    for rel in part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            rel.target_part._blob = font_table_xml((LATIN,), (EAST_ASIAN,))


def build() -> bytes:
    """Create the template and return its bytes (fixed timestamps)."""
    doc = Document()
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _clean_default_template(doc)

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin = section.right_margin = Mm(25)
    section.header_distance = section.footer_distance = Mm(12)
    section.different_first_page_header_footer = True

    # Numbering: replace whatever the default template has with our two definitions.
    numbering = doc.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for num_id, levels in NUMBERING.items():
        numbering.append(parse_xml(_abstract_num(num_id, levels)))
    for num_id in NUMBERING:
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')
        )

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        doc.styles.element.remove(defaults)
    doc.styles.element.insert(
        0,
        parse_xml(
            f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>"
            f'<w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{EAST_ASIAN}" w:cs="{LATIN}"/>'
            '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-TW" w:bidi="ar-SA"/>'
            '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/>'
            "</w:pPr></w:pPrDefault></w:docDefaults>"
        ),
    )

    _set_style(doc, "Normal", size=12, after=6, align="both")
    _set_style(doc, "Title", base="Normal", size=20, bold=True, before=0, after=12, align="center")
    _set_style(doc, "Subtitle", base="Normal", size=12, after=18, align="center")
    _set_style(
        doc,
        "Heading 1",
        base="Normal",
        size=13,
        bold=True,
        before=12,
        after=6,
        keep_next=True,
        outline=0,
        num=(1, 0),
    )
    _set_style(
        doc,
        "Heading 2",
        base="Normal",
        size=12,
        bold=True,
        before=6,
        after=3,
        keep_next=True,
        outline=1,
        num=(1, 1),
    )
    _set_style(doc, "AK Body", base="Normal", size=12, after=6, indent_mm=10)
    _set_style(doc, "AK Item 1", base="Normal", size=12, after=3, num=(1, 2))
    _set_style(doc, "AK Item 2", base="Normal", size=12, after=3, num=(1, 3))
    # English column of a bilingual agreement: same look, English numbering, no outline level
    # (so the navigation pane lists each article once).
    _set_style(
        doc,
        "AK Heading 1 EN",
        base="Normal",
        size=13,
        bold=True,
        before=12,
        after=6,
        keep_next=True,
        num=(3, 0),
        align="left",
    )
    _set_style(
        doc,
        "AK Heading 2 EN",
        base="Normal",
        size=12,
        bold=True,
        before=6,
        after=3,
        keep_next=True,
        num=(3, 1),
        align="left",
    )
    _set_style(doc, "AK Item 1 EN", base="Normal", size=12, after=3, num=(3, 2), align="left")
    _set_style(doc, "AK Item 2 EN", base="Normal", size=12, after=3, num=(3, 3), align="left")
    _set_style(doc, "AK Preamble", base="Normal", size=12, after=6)
    _set_style(doc, "AK Cell Body", base="Normal", size=12, after=6)
    _set_style(doc, "AK Cell Body EN", base="Normal", size=12, after=6, align="left")
    _set_style(doc, "AK Table Text", base="Normal", size=9.5, after=0, align="left")
    _set_style(doc, "AK Table Heading", base="Normal", size=9.5, bold=True, after=0, align="center")
    _set_style(
        doc,
        "AK Caption",
        base="Normal",
        size=11,
        bold=True,
        before=6,
        after=3,
        keep_next=True,
        align="center",
    )
    _set_style(
        doc,
        "AK Cover Heading",
        base="Normal",
        size=13,
        bold=True,
        before=18,
        after=6,
        keep_next=True,
        align="left",
    )
    _set_style(doc, "AK Signature", base="Normal", size=11, after=0, align="left")
    _set_style(doc, "Header", base="Normal", size=9, after=0, align="right")
    _set_style(doc, "Footer", base="Normal", size=9, after=0, align="center")

    header = section.header.paragraphs[0]
    header.style = doc.styles["Header"]
    header.add_run("{{ header_text }}")
    # The footer's page fields are added by the renderer (they are fields, not template text).
    section.footer.paragraphs[0].style = doc.styles["Footer"]
    section.footer.paragraphs[0].add_run("{{ footer_marker }}")

    props = doc.core_properties
    props.title = "{{ title }}"
    props.author = "agreementkit"
    props.comments = "Base template for agreementkit; layout only."
    raw = io.BytesIO()
    doc.save(raw)
    return normalize_zip(raw.getvalue(), drop=("docProps/thumbnail.jpeg",))


if __name__ == "__main__":
    OUT.write_bytes(build())
    print(f"wrote {OUT}")
