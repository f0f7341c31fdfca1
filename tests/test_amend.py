"""`agreementkit amend`: comparison, amendment agreement, 對照表, tracked-changes redline, JSON."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from agreementkit.cli import main
from agreementkit.deal.load import load_deal
from agreementkit.drafting.assemble import assemble
from agreementkit.library.loader import Library
from agreementkit.lifecycle.amend.compare import compare_agreements
from agreementkit.lifecycle.amend.fields import deal_changes, describe
from agreementkit.lifecycle.amend.redline import redline_docx
from agreementkit.lifecycle.amend.textdiff import diff_text, new_text, old_text
from agreementkit.render.docx import render_docx
from tests.redline_tools import body_texts, document_xml, resolve

ROOT = Path(__file__).resolve().parents[1]
V1 = ROOT / "examples" / "distributor-zh-TW.yaml"
V2 = ROOT / "examples" / "distributor-zh-TW-v2.yaml"
ALLIANCE = ROOT / "examples" / "alliance-bilingual.yaml"


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.open(None)


@pytest.fixture(scope="module")
def versions(library: Library):  # type: ignore[no-untyped-def]
    old_deal, new_deal = load_deal(V1), load_deal(V2)
    return old_deal, new_deal, assemble(old_deal, library), assemble(new_deal, library)


@pytest.fixture(scope="module")
def amended(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("amend")
    result = CliRunner().invoke(
        main, ["amend", str(V1), str(V2), "-o", str(out), "--effective-date", "2027-07-01"]
    )
    assert result.exit_code == 0, result.output
    return out


def test_v2_changes_are_found_as_kinds(versions) -> None:  # type: ignore[no-untyped-def]
    _old_deal, _new_deal, old, new = versions
    kinds = {c.clause_id: c.kind for c in compare_agreements(old, new).changes}
    assert kinds["profit_sharing"] == "modified"  # rebate tiers
    assert kinds["kpi_schedule"] == "modified"  # a KPI added
    assert kinds["renewal"] == "modified"  # non-renewal notice 90 → 120 days
    assert kinds["termination_for_convenience"] == "deleted"
    assert kinds["escalation"] == "moved"  # clause_placement moves it to the disputes article


def test_renumbering_alone_is_not_a_change(library: Library) -> None:
    deal = load_deal(V1)
    agreement = assemble(deal, library)
    assert compare_agreements(agreement, agreement).unchanged


def test_field_changes_and_their_wording(versions) -> None:  # type: ignore[no-untyped-def]
    old_deal, new_deal, _old, _new = versions
    changes = {c.dotted: c for c in deal_changes(old_deal, new_deal)}
    assert changes["kpis[joint_events]"].kind == "added"
    assert changes["profit_sharing.tiers[4]"].kind == "added"
    notice = changes["term.renewal.non_renewal_notice_days"]
    assert describe(notice, old_deal, new_deal, "zh-TW") == "不續約通知期間由90日調整為120日"
    assert describe(changes["kpis[joint_events]"], old_deal, new_deal, "zh-TW") == "新增關鍵績效指標：聯合行銷活動場次"
    assert "4%" in describe(changes["profit_sharing.tiers[2].rate"], old_deal, new_deal, "zh-TW")


def test_cli_writes_the_four_documents(amended: Path) -> None:
    names = sorted(p.name for p in amended.iterdir())
    assert names == [
        "distributor-zh-TW-v2.amendment.docx",
        "distributor-zh-TW-v2.amendment.json",
        "distributor-zh-TW-v2.comparison.docx",
        "distributor-zh-TW-v2.redline.docx",
    ]


def test_amendment_agreement_states_each_change_in_old_numbers(amended: Path) -> None:
    document = docx.Document(str(amended / "distributor-zh-TW-v2.amendment.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "經銷契約書第一次修正協議書" in text
    assert "原契約第九條第一項修正為：" in text
    assert "刪除原契約第十八條第四項。" in text
    assert "原契約第十一條第五項移列為第二十二條第二項" in text
    assert "原契約第十七條第二項修正為：" in text
    assert "本修正協議書自中華民國116年7月1日起生效" in text.replace(" ", "")
    assert "條次及項次" in text  # the renumbering statement
    # the amendment signs as itself, not as the agreement it amends
    assert "爰簽署本修正協議書，以資信守" in text and "本契約全部條款" not in text


def test_comparison_table_marks_words_and_repeats_its_header(amended: Path) -> None:
    document = docx.Document(str(amended / "distributor-zh-TW-v2.comparison.docx"))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["修正條文", "現行條文", "說明"]
    assert table.rows[0]._tr.find(docx.oxml.ns.qn("w:trPr")).find(docx.oxml.ns.qn("w:tblHeader")) is not None
    renewal = next(row for row in table.rows[1:] if row.cells[0].text.startswith("第十七條第二項"))
    underlined = "".join(r.text for p in renewal.cells[0].paragraphs for r in p.runs if r.underline)
    struck = "".join(r.text for p in renewal.cells[1].paragraphs for r in p.runs if r.font.strike)
    assert "一百二" in underlined and "九" in struck  # 九十日 → 一百二十日, marked by character
    explanations = "\n".join(row.cells[2].text for row in table.rows[1:])
    assert "不續約通知期間由90日調整為120日" in explanations
    assert "新增關鍵績效指標：聯合行銷活動場次" in explanations


def test_json_names_the_fields_behind_each_change(amended: Path) -> None:
    data = json.loads((amended / "distributor-zh-TW-v2.amendment.json").read_text(encoding="utf-8"))
    by_clause = {c["clause"]: c for c in data["changes"]}
    assert by_clause["renewal"]["deal_fields"] == ["term.renewal.non_renewal_notice_days"]
    assert "exit.convenience_notice_days" in by_clause["termination_for_convenience"]["deal_fields"]
    assert by_clause["escalation"]["old_label"]["zh-TW"] == "第十一條第五項"
    assert data["amendment_number"] == 1


def test_accept_all_gives_v2_and_reject_all_gives_v1(versions, amended: Path) -> None:  # type: ignore[no-untyped-def]
    _old_deal, _new_deal, old, new = versions
    redline = (amended / "distributor-zh-TW-v2.redline.docx").read_bytes()
    assert body_texts(resolve(document_xml(redline), accept=True)) == body_texts(
        resolve(document_xml(render_docx(new)), accept=True)
    )
    assert body_texts(resolve(document_xml(redline), accept=False)) == body_texts(
        resolve(document_xml(render_docx(old)), accept=True)
    )


def test_redline_marks_revisions_with_author_and_date(amended: Path) -> None:
    xml = document_xml((amended / "distributor-zh-TW-v2.redline.docx").read_bytes()).decode("utf-8")
    for tag in ("w:ins ", "w:del ", "w:moveFrom ", "w:moveTo ", "w:moveFromRangeStart", "w:moveToRangeStart"):
        assert f"<{tag}" in xml, tag
    assert 'w:author="agreementkit"' in xml and 'w:date="2027-07-01T00:00:00Z"' in xml


def test_unchanged_deal_writes_nothing(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["amend", str(V1), str(V1), "-o", str(tmp_path)])
    assert result.exit_code == 0 and "no changes" in result.output
    assert list(tmp_path.iterdir()) == []


def test_different_type_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["amend", str(V1), str(ROOT / "examples/reseller-en.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "agreement.type" in result.output
    assert list(tmp_path.iterdir()) == []


def test_same_effective_date_needs_the_option(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["amend", str(V1), str(V2), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "--effective-date" in result.output


def test_existing_outputs_are_not_overwritten(amended: Path) -> None:
    result = CliRunner().invoke(main, ["amend", str(V1), str(V2), "-o", str(amended), "--effective-date", "2027-07-01"])
    assert result.exit_code == 4


def _bilingual_v2(tmp_path: Path) -> Path:
    text = ALLIANCE.read_text(encoding="utf-8")
    text = text.replace("    - {threshold: 2000000, rate: 15}", "    - {threshold: 2000000, rate: 15}\n    - {threshold: 5000000, rate: 18}", 1)
    text = text.replace("  cure_days: 30", "  cure_days: 45", 1)
    path = tmp_path / "alliance-v2.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bilingual_amendment_and_a_redline_per_language(tmp_path: Path, library: Library) -> None:
    new_path = _bilingual_v2(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["amend", str(ALLIANCE), str(new_path), "-o", str(out), "--effective-date", "2027-07-01"])
    assert result.exit_code == 0, result.output
    text = "\n".join(c.text for t in docx.Document(str(out / "alliance-v2.amendment.docx")).tables for r in t.rows for c in r.cells)
    assert "修正為" in text and "amended to read" in text
    for lang in ("zh-TW", "en"):
        redline = (out / f"alliance-v2.redline.{lang}.docx").read_bytes()
        new = render_docx(assemble(load_deal(new_path), library, (lang,)))
        old = render_docx(assemble(load_deal(ALLIANCE), library, (lang,)))
        assert body_texts(resolve(document_xml(redline), True)) == body_texts(resolve(document_xml(new), True))
        assert body_texts(resolve(document_xml(redline), False)) == body_texts(resolve(document_xml(old), True))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed (CI installs it)")
def test_libreoffice_reads_the_same_revisions(amended: Path, tmp_path: Path) -> None:
    source = amended / "distributor-zh-TW-v2.redline.docx"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    ours = document_xml(source.read_bytes()).decode("utf-8")
    theirs = document_xml((tmp_path / source.name).read_bytes()).decode("utf-8")
    for tag in ("<w:ins ", "<w:del "):
        assert ours.count(tag) > 0
        assert theirs.count(tag) > 0, f"LibreOffice lost every {tag}"
    # LibreOffice regroups runs, so counts of revision marks differ; the text each side carries must not.
    ours_root, theirs_root = resolve(ours.encode(), True), resolve(theirs.encode(), True)
    assert "".join(body_texts(ours_root)).replace(" ", "") == "".join(body_texts(theirs_root)).replace(" ", "")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_diff_pieces_rebuild_both_texts(old: str, new: str) -> None:
    pieces = diff_text(old, new)
    assert old_text(pieces) == old and new_text(pieces) == new
    assert all(a.op != b.op for a, b in itertools.pairwise(pieces))


def test_redline_of_identical_versions_has_no_revisions(library: Library) -> None:
    agreement = assemble(load_deal(V1), library)
    data = render_docx(agreement)
    redline = redline_docx(compare_agreements(agreement, agreement), data, data, dt.date(2027, 1, 1))
    xml = zipfile.ZipFile(io.BytesIO(redline)).read("word/document.xml").decode("utf-8")
    assert "<w:ins " not in xml and "<w:del " not in xml


def test_pdf_format_writes_the_comparison_table_as_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "out"
    args = ["amend", str(V1), str(V2), "-o", str(out), "--effective-date", "2027-07-01", "--format", "docx,pdf"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    reader = PdfReader(str(out / "distributor-zh-TW-v2.comparison.pdf"))
    pages = [page.extract_text() for page in reader.pages]
    text = "".join(pages).replace(" ", "").replace("\n", "")
    assert "修正條文對照表" in text
    assert all("修正條文" in page and "現行條文" in page for page in pages)  # the header repeats
    assert "不續約通知期間由90日調整為120日" in text
    assert "刪除任意終止之通知期間（原為180日）" in text
    # the explanation names values as the contract does, never as deal-file codes
    assert "software" not in text and "goods" not in text
    fonts = {str(f.get("/BaseFont")) for page in reader.pages for f in (page["/Resources"].get("/Font") or {}).values()}
    assert any("CJK" in name or "TC" in name for name in fonts), fonts


def test_every_amendment_docx_passes_the_ooxml_validator(amended: Path, tmp_path: Path, library: Library) -> None:
    from tests.test_ooxml_valid import audit

    documents = sorted(amended.glob("*.docx"))
    bilingual = tmp_path / "bilingual"
    result = CliRunner().invoke(main, ["amend", str(ALLIANCE), str(_bilingual_v2(tmp_path)), "-o", str(bilingual),
                                       "--effective-date", "2027-07-01"])
    assert result.exit_code == 0, result.output
    documents += sorted(bilingual.glob("*.docx"))
    assert len(documents) == 3 + 4  # amendment, 對照表, redline(s)
    for path in documents:
        assert audit(path.read_bytes(), tmp_path) == [], path.name
