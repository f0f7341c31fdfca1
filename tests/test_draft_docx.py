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
