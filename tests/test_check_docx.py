"""Our DOCX (bookmarks) and other people's DOCX / PDF / text, read and checked end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from agreementkit.check.readers import read_document
from agreementkit.check.result import CheckOptions
from agreementkit.check.service import check_path
from agreementkit.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "distributor-zh-TW.yaml"


def _mark(paragraphs: list[object], name: str, ident: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    paragraphs[0]._p.insert(0, start)  # type: ignore[attr-defined]
    paragraphs[-1]._p.append(end)  # type: ignore[attr-defined]


def our_docx(path: Path, articles: list[tuple[str, str, list[tuple[str, str, str]]]]) -> None:
    """A DOCX laid out like ours: Heading 1 articles, Heading 2 clauses, ak_ bookmarks, keywords."""
    doc = WordDocument()
    doc.core_properties.keywords = "agreementkit, distributor"
    doc.core_properties.category = "distributor"
    doc.add_paragraph("經銷合約書")
    ident = 1
    for art_id, art_heading, clauses in articles:
        head = doc.add_heading(art_heading, level=1)
        _mark([head], f"ak_art_{art_id}", ident)
        ident += 1
        for clause_id, clause_heading, body in clauses:
            paras = [doc.add_heading(clause_heading, level=2), doc.add_paragraph(body)]
            _mark(paras, f"ak_{clause_id}"[:40], ident)
            ident += 1
    doc.save(str(path))


def test_docx_reader_locations_bookmarks_and_language(tmp_path: Path) -> None:
    path = tmp_path / "ours.docx"
    our_docx(path, [("law", "準據法及爭議解決", [("governing_law", "準據法", "本契約以中華民國法律為準據法。")])])
    doc = read_document(path)
    assert doc.ours and doc.language == "zh-TW" and doc.agreement_type == "distributor"
    body = next(b for b in doc.blocks if "準據法。" in b.text)
    assert body.location.article == "第一條" and body.location.heading == "準據法及爭議解決"
    assert "ak_governing_law" in body.bookmarks


def test_foreign_docx_with_typed_numbers(tmp_path: Path) -> None:
    doc = WordDocument()
    doc.add_paragraph("DISTRIBUTION AGREEMENT")
    doc.add_paragraph("ARTICLE 1 TERM")
    doc.add_paragraph("This Agreement shall commence on the Effective Date and continue for three (3) years.")
    doc.add_paragraph("ARTICLE 2 GOVERNING LAW")
    doc.add_paragraph("This Agreement shall be governed by the laws of the State of New York.")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Price"
    table.cell(0, 1).text = "USD 100"
    path = tmp_path / "theirs.docx"
    doc.save(str(path))
    result = check_path(path, CheckOptions())
    topics = {t.id: t for t in result.topics}
    assert not result.ours and result.language == "en" and result.agreement_type == "distributor"
    assert topics["governing_law"].present
    assert topics["governing_law"].evidence[0].location.article == "Article 2"
    assert topics["expiration"].present


def test_pdf_text_layer_joins_cjk_lines(tmp_path: Path) -> None:
    weasyprint = pytest.importorskip("weasyprint")
    html = (
        "<html><body style='font-family: \"Noto Serif CJK TC\", serif; width: 9em'>"
        "<p>第一條　準據法</p><p>本契約之解釋及適用以中華民國法律為準據法雙方同意以臺灣臺北地方法院為第一審管轄法院。</p>"
        "</body></html>"
    )
    path = tmp_path / "zh.pdf"
    weasyprint.HTML(string=html).write_pdf(str(path))
    doc = read_document(path)
    assert doc.kind == "pdf" and doc.language == "zh-TW" and doc.pages == 1
    text = "".join(b.text for b in doc.blocks)
    assert "中華民國法律為準據法" in text and " " not in text.replace("第一條　", "")
    result = check_path(path, CheckOptions())
    law = next(t for t in result.topics if t.id == "governing_law")
    assert law.present and law.evidence[0].location.page == 1


def test_markdown_and_text(tmp_path: Path) -> None:
    path = tmp_path / "memo.md"
    path.write_text("# 經銷合約\n\n## 第一條 保密\n\n雙方對他方之機密資訊負保密義務。\n", encoding="utf-8")
    result = check_path(path, CheckOptions(agreement_type="distributor"))
    conf = next(t for t in result.topics if t.id == "confidentiality")
    assert conf.present and conf.evidence[0].location.article == "第一條"
    assert result.exit_code == 1  # most required clauses are missing


def _draft(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["draft", str(EXAMPLE), "-o", str(out)])
    if result.exit_code != 0:
        pytest.skip(f"drafting is not available: {result.output[:200]}")
    docx_files = list(out.glob("*.docx"))
    assert docx_files
    return docx_files[0]


def _delete_termination_and_kpis(src: Path, dst: Path) -> None:
    """What a lawyer does in Word: select the termination article and the KPI schedule, press Delete."""
    doc = WordDocument(str(src))
    body = doc.element.body

    def heading_level(el: object) -> int:
        style = el.find(qn("w:pPr") + "/" + qn("w:pStyle"))  # type: ignore[attr-defined]
        value = style.get(qn("w:val")) if style is not None else ""
        return int(value[-1]) if value.lower().startswith("heading") and value[-1].isdigit() else 0

    def text(el: object) -> str:
        return "".join(t.text or "" for t in el.iter(qn("w:t")))  # type: ignore[attr-defined]

    for target, level in (("契約之終止", 1), ("關鍵績效指標", 2)):
        deleting = False
        for el in list(body):
            lvl = heading_level(el) if el.tag == qn("w:p") else 0
            if lvl and lvl <= level:
                deleting = text(el).strip() == target
            if deleting:
                body.remove(el)
    doc.save(str(dst))


def test_drafted_docx_passes_then_fails_after_lawyer_deletes(tmp_path: Path) -> None:
    drafted = _draft(tmp_path)
    runner = CliRunner()
    clean = runner.invoke(main, ["check", str(drafted)])
    assert clean.exit_code == 0, clean.output

    edited = tmp_path / "edited.docx"
    _delete_termination_and_kpis(drafted, edited)
    result = runner.invoke(main, ["check", str(edited), "--format", "json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    status = {t["id"]: t["status"] for t in data["topics"]}
    assert status["termination_for_cause"] == "missing" and status["kpi_targets"] == "missing"
    blockers = [f for f in data["findings"] if f["severity"] == "blocker"]
    named = {f["topic"] for f in blockers} | {t for f in blockers for t in ("kpi_targets",) if t in f["message"]}
    assert {"termination_for_cause", "kpi_targets"} <= named
    term = next(f for f in blockers if f["topic"] == "termination_for_cause")
    assert term["evidence"] and term["evidence"][0]["location"].get("article")
    text = runner.invoke(main, ["check", str(edited)]).output
    assert "termination_for_cause" in text and "kpi_targets" in text and "第" in text


def test_copy_of_drafted_docx_renamed_still_ours(tmp_path: Path) -> None:
    drafted = _draft(tmp_path)
    copy = tmp_path / "契約-法務修訂版.docx"
    shutil.copy(drafted, copy)
    result = check_path(copy, CheckOptions())
    assert result.ours and result.agreement_type == "distributor"
    sources = {t.source for t in result.topics if t.present}
    assert "bookmark" in sources


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_drafted_example_passes_its_own_check(tmp_path: Path, example: Path) -> None:
    out = tmp_path / "out"
    drafted = CliRunner().invoke(main, ["draft", str(example), "-o", str(out), "--format", "docx"])
    assert drafted.exit_code == 0, drafted.output
    (docx_file,) = out.glob("*.docx")
    result = CliRunner().invoke(main, ["check", str(docx_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    topics = {t["id"]: t for t in json.loads(result.output)["topics"]}
    assert topics["parties"]["status"] == "present"
    assert topics["parties"]["source"] == "bookmark"
