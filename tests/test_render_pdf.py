"""PDF through WeasyPrint: embedded TC fonts, text and numbering read back, metadata, same bytes,
injection kept inert, glyph check, PDF/A-3b with the deal attached, and the CLI on the example."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers_agreement import LANG_SETS, make_agreement
from pypdf import PdfReader

from agreementkit.cli import main
from agreementkit.errors import RenderError
from agreementkit.locale.numerals import chinese_number
from agreementkit.render import pdf as pdf_module
from agreementkit.render.fonts import select_fonts
from agreementkit.render.html import template_dir
from agreementkit.render.pdf import PdfAttachment, html_to_pdf, render_pdf
from tests.conftest import ZH_DISTRIBUTOR, need_tool

INJECTION = '<img src="file:///etc/passwd"><link rel="attachment" href="file:///etc/passwd">'


@pytest.fixture(scope="module")
def zh_pdf() -> bytes:
    return render_pdf(make_agreement(("zh-TW",), articles=4, table_rows=4))


def pdftotext(data: bytes, tmp_path: Path) -> str:
    tool = need_tool("pdftotext")
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdffonts(data: bytes, tmp_path: Path) -> list[list[str]]:
    tool = need_tool("pdffonts")
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    out = subprocess.run([tool, str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def assert_only_embedded_tc_fonts(data: bytes, tmp_path: Path) -> None:
    rows = pdffonts(data, tmp_path)
    assert rows
    for row in rows:
        name, emb, sub = row[0], row[-5], row[-4]
        assert emb == "yes" and sub == "yes", row
        assert "DejaVu" not in name and "Liberation" not in name, row
    assert any("CJK-TC" in row[0] or "TC" in row[0].split("+")[-1] for row in rows), rows


def test_fonts_embedded_and_traditional_chinese(zh_pdf: bytes, tmp_path: Path) -> None:
    assert zh_pdf.startswith(b"%PDF-")
    assert_only_embedded_tc_fonts(zh_pdf, tmp_path)


def test_text_numbering_and_footer(zh_pdf: bytes, tmp_path: Path) -> None:
    text = pdftotext(zh_pdf, tmp_path)
    heads = re.findall(r"^\s*(第[一二三四五六七八九十]+條)[\s\u3000]+(\S+)", text, re.M)
    assert [h[0] for h in heads] == [f"第{chinese_number(i)}條" for i in range(1, 5)]
    assert heads[0][1] == "經銷權之授與"
    assert "一、授權範圍" in text and "（一）維持適當庫存" in text.replace(" ", "")
    pages = len(PdfReader(io.BytesIO(zh_pdf)).pages)
    assert f"第 1 頁，共 {pages} 頁" in text
    assert "公司印鑑" in text and "代表人印鑑" in text and "季度銷售額 4" in text


def test_metadata(zh_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(zh_pdf))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "經銷合約"
    assert meta.author == "晴川智能科技股份有限公司"
    assert meta.subject and "北辰通路股份有限公司" in meta.subject
    assert "distributor" in str(meta.get("/Keywords"))
    assert str(meta.get("/CreationDate", "")).startswith("D:20261215")
    assert reader.trailer["/Root"]["/Lang"] == "zh-TW"
    top = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in top][:2] == ["第一條\u3000經銷權之授與", "第二條\u3000績效指標"]
    assert len(top) == 4  # one bookmark per article, clauses nested under it


def test_identical_bytes_for_identical_input(zh_pdf: bytes) -> None:
    again = render_pdf(make_agreement(("zh-TW",), articles=4, table_rows=4))
    assert again == zh_pdf


def test_bilingual_pdf(tmp_path: Path) -> None:
    data = render_pdf(make_agreement(LANG_SETS["bilingual"], articles=2))
    assert_only_embedded_tc_fonts(data, tmp_path)
    text = pdftotext(data, tmp_path)
    first = next(line for line in text.splitlines() if "第一條" in line)
    assert "Article 1" in first  # same article side by side on one line
    assert "Page 1 of" in text and "第 1 頁" in text


def test_injected_deal_values_stay_text_and_nothing_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    asked: list[str] = []
    original = pdf_module.FetchPolicy.allowed_path

    def spy(self: pdf_module.FetchPolicy, url: str) -> Path | None:
        asked.append(url)
        return original(self, url)

    monkeypatch.setattr(pdf_module.FetchPolicy, "allowed_path", spy)
    data = render_pdf(make_agreement(("zh-TW",), partner_name=INJECTION, articles=2))
    assert not any("passwd" in url for url in asked), asked
    reader = PdfReader(io.BytesIO(data))
    assert not reader.attachments
    assert b"root:x:0:0" not in data
    text = "".join(page.extract_text() for page in reader.pages)
    assert "file:///etc/passwd" in text.replace("\n", "")  # shown as the literal text it is


@pytest.mark.parametrize(
    "snippet",
    ['<img src="file:///etc/passwd">', '<link rel="attachment" href="file:///etc/passwd">',
     '<img src="http://127.0.0.1:9/x.png">', '<link rel="stylesheet" href="../../../../etc/passwd">'],
)
def test_fetcher_refuses_everything_else(snippet: str) -> None:
    html = f'<html lang="zh-TW"><body><p>甲方</p>{snippet}</body></html>'
    with pytest.raises(RenderError, match="refused"):
        html_to_pdf(html, select_fonts(), template_dir())


def test_data_uri_is_allowed() -> None:
    pixel = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
    data = html_to_pdf(f'<html lang="zh-TW"><body><p>甲方</p><img src="{pixel}"></body></html>',
                        select_fonts(), template_dir())
    assert data.startswith(b"%PDF-")


def test_missing_glyph_fails_before_writing() -> None:
    agreement = make_agreement(("zh-TW",), extra_text="私用字\U000f0001與罕用字\U0002ebf0", articles=2)
    with pytest.raises(RenderError) as info:
        render_pdf(agreement)
    message = str(info.value)
    assert "U+F0001" in message and "U+2EBF0" in message and "Noto Serif CJK TC" in message


def test_pdfa3b_carries_the_deal_file() -> None:
    deal = ZH_DISTRIBUTOR.read_bytes()
    data = render_pdf(make_agreement(("zh-TW",), articles=2), pdfa=True,
                      attachments=[PdfAttachment("distributor-zh-TW.yaml", deal)])
    reader = PdfReader(io.BytesIO(data))
    assert reader.attachments["distributor-zh-TW.yaml"] == [deal]
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3"' in xmp and b'pdfaid:conformance="B"' in xmp
    assert len(reader.trailer["/Root"]["/AF"]) == 1  # the deal file, associated with the document
    assert "/OutputIntents" in reader.trailer["/Root"]
    again = render_pdf(make_agreement(("zh-TW",), articles=2), pdfa=True,
                       attachments=[PdfAttachment("distributor-zh-TW.yaml", deal)])
    assert again == data


def test_cli_example_pdf_matches_docx_headings(tmp_path: Path) -> None:
    from docx import Document

    result = CliRunner().invoke(main, ["draft", str(ZH_DISTRIBUTOR), "--format", "docx,pdf", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output + result.stderr
    pdf_path = tmp_path / "distributor-zh-TW.pdf"
    data = pdf_path.read_bytes()
    assert_only_embedded_tc_fonts(data, tmp_path)
    doc = Document(str(tmp_path / "distributor-zh-TW.docx"))
    docx_heads = [p.text.strip() for p in doc.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    expected = [f"第{chinese_number(i)}條 {h}" for i, h in enumerate(docx_heads, start=1)]
    text = pdftotext(data, tmp_path)
    found = [re.sub(r"[\s\u3000]+", " ", line.strip()) for line in text.splitlines()
             if re.match(r"^\s*第[一二三四五六七八九十]+條[\s\u3000]", line)]
    assert found == expected
    # no amount split across lines ("NT$3,500,00" / "0"), no 合約 beside 契約
    assert not re.search(r"[$][0-9][0-9,]*,[0-9]{0,2}$", text, re.M)
    assert "合約" not in text and "契約編號" in text
    assert "中華民國一一五年十二月十五日" in text.replace(" ", "")


def right_edges_pt(data: bytes) -> list[float]:
    """The rightmost glyph edge of each page, in points from the page's left edge."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    edges = []
    for page in doc:
        text = page.get_textpage()
        edges.append(max((text.get_charbox(i)[2] for i in range(text.count_chars())), default=0.0))
    return edges


def test_bilingual_columns_stay_inside_the_right_margin() -> None:
    long_words = "Notwithstanding the foregoing, the Distributor's obligations hereunder continue. " * 4
    data = render_pdf(make_agreement(LANG_SETS["bilingual"], articles=5, extra_text=long_words))
    limit = (210 - 20) * 72 / 25.4  # A4 less the 20 mm right margin of agreement.css
    edges = right_edges_pt(data)
    assert len(edges) >= 3
    assert all(edge <= limit + 0.5 for edge in edges), [round(e - limit, 1) for e in edges]


def test_amounts_and_header_cells_are_not_split(tmp_path: Path) -> None:
    data = render_pdf(make_agreement(("en",), table_rows=4))
    lines = pdftotext(data, tmp_path).splitlines()
    assert any("NT$4,000,000" in line for line in lines)
    assert not any(re.search(r"NT\$[\d,]*$", line.strip()) for line in lines)
