"""Drafting Word documents: structure read back with python-docx, reproducibility, safe writes."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from agreementkit.cli import main
from agreementkit.deal.load import load_deal
from agreementkit.drafting.assemble import assemble
from agreementkit.library.loader import Library
from tests.conftest import BILINGUAL_ALLIANCE, EN_RESELLER, ZH_DISTRIBUTOR, need_tool

CJK = re.compile(r"[\u4e00-\u9fff]")


def draft(deal: Path, out: Path, *extra: str) -> Path:
    result = CliRunner().invoke(main, ["draft", str(deal), "-o", str(out), *extra])
    assert result.exit_code == 0, result.output + result.stderr
    (line,) = [x for x in result.output.splitlines() if x.endswith(".docx")]
    return Path(line.removeprefix("wrote "))


def numbered_by_style(doc, paragraph) -> bool:  # type: ignore[no-untyped-def]
    """Numbering comes from w:numPr on the paragraph or on its style (or a base style)."""
    if paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
        return True
    style = paragraph.style
    while style is not None:
        if style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
            return True
        style = style.base_style
    return False


@pytest.fixture(scope="module")
def zh_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return draft(ZH_DISTRIBUTOR, tmp_path_factory.mktemp("zh"))


def test_zh_distributor_structure(zh_docx: Path) -> None:
    doc = Document(str(zh_docx))
    headings = [p for p in doc.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert len(headings) >= 15
    for heading in headings:
        assert numbered_by_style(doc, heading), heading.text
        # the number is Word's, never typed into the text
        assert not re.match(
            r"^\s*(第[一二三四五六七八九十百]+條|[一二三四五六七八九十]+、|\d+(\.\d+)*\s)", heading.text
        )
    assert len(doc.tables) >= 3
    assert doc.core_properties.title
    assert "agreementkit" in doc.core_properties.keywords
    assert doc.core_properties.category == "distributor"


def test_every_clause_has_its_bookmark(zh_docx: Path) -> None:
    agreement = assemble(load_deal(ZH_DISTRIBUTOR), Library.open())
    xml = zipfile.ZipFile(zh_docx).read("word/document.xml").decode()
    names = set(re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"', xml))
    for clause in agreement.clauses():
        assert clause.bookmark in names, clause.id
    # every start has its end
    assert xml.count("<w:bookmarkStart") == xml.count("<w:bookmarkEnd")


def test_chinese_runs_carry_east_asian_font_and_language(zh_docx: Path) -> None:
    doc = Document(str(zh_docx))
    chinese_runs = [r for p in doc.paragraphs for r in p.runs if CJK.search(r.text)]
    assert chinese_runs
    for run in chinese_runs:
        fonts = run._r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts is not None and fonts.get(qn("w:eastAsia")) == "標楷體"
        lang = run._r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        assert lang is not None and lang.get(qn("w:eastAsia")) == "zh-TW"


def test_cross_references_are_ref_fields_to_existing_bookmarks(zh_docx: Path) -> None:
    xml = zipfile.ZipFile(zh_docx).read("word/document.xml").decode()
    names = set(re.findall(r'w:name="(ak_[^"]+)"', xml))
    refs = re.findall(r"<w:instrText[^>]*> REF (\S+) ", xml)
    assert refs, "the example uses cross-references"
    assert set(refs) <= names


def test_footer_has_page_x_of_y_fields(zh_docx: Path) -> None:
    package = zipfile.ZipFile(zh_docx)
    footers = [package.read(n).decode() for n in package.namelist() if n.startswith("word/footer")]
    assert any(" PAGE " in f and " NUMPAGES " in f and "頁" in f for f in footers)


def test_same_input_same_bytes(tmp_path: Path) -> None:
    first = draft(ZH_DISTRIBUTOR, tmp_path / "a").read_bytes()
    second = draft(ZH_DISTRIBUTOR, tmp_path / "b").read_bytes()
    assert first == second


def test_existing_output_needs_force(tmp_path: Path) -> None:
    path = draft(EN_RESELLER, tmp_path)
    before = path.read_bytes()
    path.write_bytes(b"lawyer's edits")
    result = CliRunner().invoke(main, ["draft", str(EN_RESELLER), "-o", str(tmp_path)])
    assert result.exit_code == 4
    assert "--force" in result.stderr
    assert path.read_bytes() == b"lawyer's edits"
    draft(EN_RESELLER, tmp_path, "--force")
    assert path.read_bytes() == before


def test_english_uses_english_numbering(tmp_path: Path) -> None:
    doc = Document(str(draft(EN_RESELLER, tmp_path)))
    num_id = doc.styles["Heading 1"].element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    assert num_id is not None and num_id.get(qn("w:val")) == "2"
    numbering = doc.part.numbering_part.element.xml
    assert 'w:val="Article %1"' in numbering
    assert not any(CJK.search(p.text) for p in doc.paragraphs if p.style.name.startswith("Heading"))


def test_bilingual_pairs_each_clause_side_by_side(tmp_path: Path) -> None:
    doc = Document(str(draft(BILINGUAL_ALLIANCE, tmp_path)))
    grids = [t for t in doc.tables if len(t.columns) == 2 and t.style.name != "Table Grid"]
    assert grids
    pairs = 0
    for grid in grids:
        for row in grid.rows:
            left, right = row.cells[0].text, row.cells[1].text
            if left.strip() and right.strip():
                pairs += 1
                assert CJK.search(left)
    assert pairs >= 20
    zh_headings = [
        p for t in grids for r in t.rows for p in r.cells[0].paragraphs if p.style.name == "Heading 1"
    ]
    en_headings = [
        p for t in grids for r in t.rows for p in r.cells[1].paragraphs if p.style.name == "AK Heading 1 EN"
    ]
    assert len(zh_headings) == len(en_headings) >= 15
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "以中文版本為準" in text


def test_user_library_overrides_a_clause(tmp_path: Path) -> None:
    library = Library.open()
    original = library.clause_paths["force_majeure"]
    own = tmp_path / "mylib" / "general"
    own.mkdir(parents=True)
    text = original.read_text(encoding="utf-8")
    marker = "本條文已由法務部門修訂。"
    body = text.replace("zh-TW: |\n", f"zh-TW: |\n        {marker}\n", 1)
    (own / "force_majeure.yaml").write_text(body, encoding="utf-8")
    path = draft(ZH_DISTRIBUTOR, tmp_path / "out", "--library", str(tmp_path / "mylib"))
    assert marker in "\n".join(p.text for p in Document(str(path)).paragraphs)


def test_libreoffice_converts_the_draft(zh_docx: Path, tmp_path: Path) -> None:
    soffice = need_tool("soffice")
    result = subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(zh_docx)],
        capture_output=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / (zh_docx.stem + ".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stderr
    text = subprocess.run(
        [need_tool("pdftotext"), str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "第一條" in text and "立契約書人" in text


# -- cover, signature page, terms and fonts (issue 10, items 5, 7 and 10) ----------------------


def all_text(doc) -> str:  # type: ignore[no-untyped-def]
    """Every paragraph of the body, its tables (nested cells included), header and footer."""
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    section = doc.sections[0]
    parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def style_keeps_with_next(style) -> bool:  # type: ignore[no-untyped-def]
    while style is not None:
        if style.paragraph_format.keep_with_next is not None:
            return bool(style.paragraph_format.keep_with_next)
        style = style.base_style
    return False


def test_headings_and_captions_keep_with_next(zh_docx: Path) -> None:
    doc = Document(str(zh_docx))
    for name in ("Heading 1", "Heading 2", "AK Heading 1 EN", "AK Heading 2 EN", "AK Caption", "AK Cover Heading"):
        assert style_keeps_with_next(doc.styles[name]), name
    for name in ("Heading 1", "Heading 2"):
        assert doc.styles[name].paragraph_format.keep_together


def test_word_cover_has_the_party_table(zh_docx: Path) -> None:
    doc = Document(str(zh_docx))
    body = doc.element.body
    first_break = next(
        i for i, el in enumerate(body) if el.tag == qn("w:p") and el.xpath(".//w:br[@w:type='page']")
    )
    cover_tables = [el for el in list(body)[:first_break] if el.tag == qn("w:tbl")]
    assert len(cover_tables) == 2  # 立契約書人, then the key terms
    parties = next(t for t in doc.tables if t._tbl is cover_tables[0])
    text = "\n".join(c.text for r in parties.rows for c in r.cells)
    for expected in ("甲方（供應商）", "晴川智能科技股份有限公司", "統一編號：24549210", "代表人：董事長 林志明",
                     "乙方（經銷商）", "北辰通路股份有限公司", "統一編號：12345675", "地址：新北市板橋區"):
        assert expected in text, expected
    assert "立契約書人" in doc.paragraphs[2].text or any(
        p.text == "立契約書人" and p.style.name == "AK Cover Heading" for p in doc.paragraphs
    )


def test_signature_page_says_yi_zi_xin_shou_and_prints_the_signing_date(zh_docx: Path) -> None:
    doc = Document(str(zh_docx))
    paragraphs = doc.paragraphs
    witness = next(i for i, p in enumerate(paragraphs) if "以資信守" in p.text)
    assert "本契約全部條款" in paragraphs[witness].text
    # the example signs on 2026-12-15 and writes dates in 民國 years
    assert paragraphs[-1].text == "中華民國一一五年十二月十五日"
    assert any(p.text == "簽約地點：臺北市" for p in paragraphs[witness:])
    # the last article's last paragraph and the closing sentence stay with the signature table
    assert paragraphs[witness - 1].paragraph_format.keep_with_next
    assert paragraphs[witness].paragraph_format.keep_with_next
    signature_table = doc.tables[-1]
    for row in signature_table.rows:
        for cell in row.cells:
            assert all(p.paragraph_format.keep_with_next for p in cell.paragraphs)


def test_blank_signing_date_line_has_the_era(example_copy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    deal = example_copy(ZH_DISTRIBUTOR, {"  signing_date: 2026-12-15\n": ""})
    doc = Document(str(draft(deal, tmp_path / "out")))
    assert doc.paragraphs[-1].text == "中華民國　　　年　　月　　日"


def test_zh_agreement_says_qi_yue_never_he_yue(zh_docx: Path) -> None:
    text = all_text(Document(str(zh_docx)))
    assert "合約" not in text
    assert "契約編號" in text and "本契約" in text


def test_no_number_no_dash(example_copy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    deal = example_copy(ZH_DISTRIBUTOR, {"  number: AK-2027-001\n": ""})
    doc = Document(str(draft(deal, tmp_path / "out")))
    assert "契約編號" not in all_text(doc)
    key_terms = doc.tables[1]
    rows = {r.cells[0].text: r.cells[1].text for r in key_terms.rows}
    assert rows["版本"] == "v1.0" and not any("—" in v for v in rows.values())
    assert any(p.style.name == "Subtitle" and p.text == "版本 v1.0" for p in doc.paragraphs)


@pytest.mark.parametrize(
    ("code", "zh", "en"),
    [("HK", "香港特別行政區法律", "The laws of the Hong Kong Special Administrative Region"),
     ("TW", "中華民國法律", "The laws of the Republic of China (Taiwan)"),
     ("SG", "新加坡法律", "The laws of Singapore")],
)
def test_governing_law_is_named_not_coded(code: str, zh: str, en: str) -> None:
    deal = load_deal(EN_RESELLER)
    deal = deal.model_copy(update={"governing_law": code})
    agreement = assemble(deal, Library.open(), ("zh-TW", "en"))
    (row,) = [r for r in agreement.key_terms.rows if r[0]["en"] == "Governing law"]
    assert row[1] == {"zh-TW": zh, "en": en}


def test_font_table_gives_a_traditional_chinese_fallback(zh_docx: Path) -> None:
    with zipfile.ZipFile(zh_docx) as z:
        fonts = z.read("word/fontTable.xml").decode()
        styles = z.read("word/styles.xml").decode()
    assert '<w:font w:name="標楷體"><w:altName w:val="DFKai-SB"/>' in fonts
    entry = fonts.split('w:name="標楷體"', 1)[1].split("</w:font>", 1)[0]
    assert '<w:charset w:val="88"/>' in entry and "<w:panose1" in entry  # Big5: Traditional Chinese
    assert "ＭＳ" not in fonts and "ＭＳ" not in styles  # no Japanese face left from the default template
    doc = Document(str(zh_docx))
    for para in doc.paragraphs:
        for run in para.runs:
            if CJK.search(run.text):
                lang = run._r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
                assert lang is not None and lang.get(qn("w:eastAsia")) == "zh-TW", run.text
    for name in ("Normal", "Heading 1", "AK Body", "AK Table Text"):
        lang = doc.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        assert lang is not None and lang.get(qn("w:eastAsia")) == "zh-TW", name


def test_bilingual_rows_pair_paragraph_by_paragraph(tmp_path: Path) -> None:
    doc = Document(str(draft(BILINGUAL_ALLIANCE, tmp_path)))
    grids = [t for t in doc.tables if len(t.columns) == 2 and t.style.name != "Table Grid"]
    items = {"AK Item 1": "AK Item 1 EN", "AK Item 2": "AK Item 2 EN", "Heading 1": "AK Heading 1 EN",
             "Heading 2": "AK Heading 2 EN", "AK Cell Body": "AK Cell Body EN"}
    rows = 0
    for grid in grids[1:]:  # the first grid is the preamble
        for row in grid.rows:
            left, right = row.cells[0].paragraphs, row.cells[1].paragraphs
            assert len(left) == len(right) == 1, (row.cells[0].text[:30], row.cells[1].text[:30])
            assert items[left[0].style.name] == right[0].style.name
            rows += 1
    assert rows >= 100


NOTO_CJK = Path("/usr/share/fonts/opentype/noto")
FACE_INDEX = {"JP": 0, "SC": 2, "TC": 3}  # faces of Debian's Noto CJK collections


def regional_forms(pdf: Path) -> dict[str, int]:
    """How many embedded glyphs of ``pdf`` are the TC or the JP form of a character whose two
    forms differ (e.g. 說, 骨), by the glyph names (cidNNNNN) in the embedded Noto CJK subsets."""
    from fontTools.ttLib import TTCollection
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    text = "".join(page.extract_text() or "" for page in reader.pages)
    chars = {c for c in text if "\u3400" <= c <= "\u9fff"}
    region: dict[tuple[str, str], str] = {}
    for style in ("Serif", "Sans"):
        for weight in ("Regular", "Bold"):
            path = NOTO_CJK / f"Noto{style}CJK-{weight}.ttc"
            if not path.is_file():
                continue
            faces = TTCollection(str(path), lazy=True).fonts
            maps = {r: faces[i].getBestCmap() for r, i in FACE_INDEX.items()}
            for c in chars:
                tc, jp = maps["TC"].get(ord(c)), maps["JP"].get(ord(c))
                if tc and jp and tc != jp:
                    region[(style, tc)] = "TC"
                    region.setdefault((style, jp), "JP")
    counts = {"TC": 0, "JP": 0}
    seen: set[str] = set()
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if desc is None:
                continue
            desc = desc.get_object()
            name = str(desc["/FontName"])
            if name in seen:
                continue
            seen.add(name)
            style = "Sans" if "Sans" in name else "Serif"
            for key in ("/FontFile", "/FontFile3"):
                if key in desc:
                    data = desc[key].get_object().get_data()
                    for cid in set(re.findall(rb"cid\d+", data)):
                        found = region.get((style, cid.decode()))
                        if found:
                            counts[found] += 1
    return counts


def test_libreoffice_shows_traditional_glyph_forms(zh_docx: Path, tmp_path: Path) -> None:
    """LibreOffice lacks 標楷體 on Linux; the substitute must draw Traditional, not Japanese, forms."""
    soffice = need_tool("soffice")
    if not (NOTO_CJK / "NotoSansCJK-Regular.ttc").is_file():
        pytest.skip("fonts-noto-cjk not installed")
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(zh_docx)],
        capture_output=True, timeout=180, check=True,
    )
    counts = regional_forms(tmp_path / (zh_docx.stem + ".pdf"))
    assert counts["TC"] >= 50 and counts["JP"] == 0, counts


def test_english_draft_has_no_chinese_characters(tmp_path: Path) -> None:
    """Labels, colons and spaces of an English-only agreement are English (names are the deal's)."""
    text = all_text(Document(str(draft(EN_RESELLER, tmp_path))))
    assert not re.search(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]", text)
    assert "Unified Business No.: 53212539" in text and "Name: Lumen Ledger Software Co., Ltd." in text
    assert "Date of signing: 15 February 2027" in text
