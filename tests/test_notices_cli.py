"""`agreementkit notice` through the CLI: exit codes, files, DOCX and PDF read back, schema validity."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from agreementkit.cli import main
from tests.conftest import BILINGUAL_ALLIANCE, EN_RESELLER, ZH_DISTRIBUTOR
from tests.test_ooxml_valid import audit

BREACH = "貴公司自2027年2月起於經銷區域外之網路平台銷售本產品。"
DEALS = {"distributor-zh-TW": ZH_DISTRIBUTOR, "reseller-en": EN_RESELLER, "alliance-bilingual": BILINGUAL_ALLIANCE}
# What each example allows on 2027-06-01 (every one in force): 0 drafted, 6 refused with a reason.
#   renewal: only the reseller does not renew by itself; non-renewal: only the automatic ones;
#   cure and termination for convenience: every example has both clauses;
#   improvement-plan: refused without a review to rest on.
MATRIX = {
    "distributor-zh-TW": {"renewal": 6, "non-renewal": 0, "cure": 0, "termination": 0, "improvement-plan": 6},
    "reseller-en": {"renewal": 0, "non-renewal": 6, "cure": 0, "termination": 0, "improvement-plan": 6},
    "alliance-bilingual": {"renewal": 6, "non-renewal": 0, "cure": 0, "termination": 0, "improvement-plan": 6},
}
EXTRA = {"cure": ["--reason", BREACH], "termination": ["--ground", "convenience"]}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["notice", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for cell in table._cells:
            parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


@pytest.mark.parametrize("kind", ["renewal", "non-renewal", "cure", "termination", "improvement-plan"])
@pytest.mark.parametrize("deal", DEALS)
def test_every_kind_for_every_example_drafts_or_is_refused_with_a_message(deal: str, kind: str, tmp_path: Path) -> None:
    code, out, err = run(kind, str(DEALS[deal]), "--date", "2027-06-01", "--format", "docx", "-o", str(tmp_path),
                         *EXTRA.get(kind, []))  # fmt: skip
    assert code == MATRIX[deal][kind], err
    files = list(tmp_path.iterdir())
    if code == 0:
        assert [f.suffix for f in files] == [".docx"]
        assert "wrote" in out
    else:
        assert files == []  # a refused notice writes nothing
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ")
        assert "Clause" in lines[0] or "--review" in lines[0]  # names the clause it lacks, or what it needs


def test_cure_notice_docx_reads_back_as_a_letter_and_passes_openxml_audit(tmp_path: Path) -> None:
    code, out, err = run("cure", str(ZH_DISTRIBUTOR), "--date", "2027-03-10", "--reason", BREACH,
                         "--format", "docx", "-o", str(tmp_path))  # fmt: skip
    assert code == 0, err
    assert "Cure period ends on: 2027-04-09" in out
    path = tmp_path / "distributor-zh-TW-cure-2027-03-10.docx"
    body = docx_text(path)
    for expected in ("晴川智能科技股份有限公司", "違約改正通知書", "受文者：北辰通路股份有限公司", "發文日期：中華民國116年3月10日",
                     "主旨：", "說明：", "一、", "第十八條第一項", "中華民國116年4月9日", "此　致", "代表人　董事長　林志明"):  # fmt: skip
        assert expected in body, expected
    assert audit(path.read_bytes(), tmp_path) == []


@pytest.mark.parametrize("deal,date", [(EN_RESELLER, "2027-03-10"), (BILINGUAL_ALLIANCE, "2027-05-03")])
def test_english_and_bilingual_docx_pass_openxml_audit(deal: Path, date: str, tmp_path: Path) -> None:
    code, _, err = run("cure", str(deal), "--date", date, "--reason", "Late reports.", "--format", "docx", "-o", str(tmp_path))
    assert code == 0, err
    path = next(tmp_path.glob("*.docx"))
    doc = Document(str(path))
    body = docx_text(path)
    if deal == BILINGUAL_ALLIANCE:
        assert len(doc.tables) == 1 and len(doc.tables[0].columns) == 2  # side by side
        assert "主旨：" in body and "Subject: " in body and "Clause 16.1" in body and "第十六條第一項" in body
    else:
        assert "主旨" not in body and "Subject: " in body and "Yours faithfully," in body and "Clause 18.1" in body
    assert audit(path.read_bytes(), tmp_path) == []


def test_pdf_text_reads_back(tmp_path: Path) -> None:
    from pypdf import PdfReader

    code, _, err = run("cure", str(ZH_DISTRIBUTOR), "--date", "2027-03-10", "--reason", BREACH,
                       "--format", "pdf", "-o", str(tmp_path))  # fmt: skip
    assert code == 0, err
    reader = PdfReader(str(tmp_path / "distributor-zh-TW-cure-2027-03-10.pdf"))
    pdf = "".join(page.extract_text() for page in reader.pages).replace(" ", "").replace("\n", "")
    for expected in ("違約改正通知書", "主旨：", "說明：", "第十八條第一項", "中華民國116年4月9日", "北辰通路股份有限公司"):
        assert expected in pdf, expected


def test_refusals_have_their_own_exit_code_and_name_the_deadline(tmp_path: Path) -> None:
    code, _, err = run("non-renewal", str(ZH_DISTRIBUTOR), "--date", "2028-10-03", "-o", str(tmp_path))
    assert code == 6
    assert "had to be received by 2028-10-02" in err


def test_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    args = ("non-renewal", str(ZH_DISTRIBUTOR), "--date", "2028-10-02", "--format", "docx", "-o", str(tmp_path))
    assert run(*args)[0] == 0
    path = tmp_path / "distributor-zh-TW-non-renewal-2028-10-02.docx"
    path.write_bytes(b"signed copy")
    code, _, err = run(*args)
    assert code == 4 and "--force" in err
    assert path.read_bytes() == b"signed copy"
    assert run(*args, "--force")[0] == 0
    assert path.read_bytes() != b"signed copy"


def test_unusable_options_are_input_errors(tmp_path: Path) -> None:
    code, _, err = run("cure", str(ZH_DISTRIBUTOR), "--ground", "kpi", "-o", str(tmp_path))
    assert code == 2 and "--ground applies to termination notices only" in err
    code, _, err = run("termination", str(ZH_DISTRIBUTOR), "--date", "2027-06-01", "-o", str(tmp_path))
    assert code == 2 and "needs --ground" in err
    code, _, err = run("improvement-plan", str(ZH_DISTRIBUTOR), "--review", str(ZH_DISTRIBUTOR), "-o", str(tmp_path))
    assert code == 2 and "not a review JSON file" in err
    assert list(tmp_path.iterdir()) == []


def test_a_reason_with_control_characters_is_refused(tmp_path: Path) -> None:
    code, _, err = run("cure", str(ZH_DISTRIBUTOR), "--date", "2027-03-10", "--reason", "late\x07", "-o", str(tmp_path))
    assert code == 2 and "U+0007" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "content,message",
    [
        ('{"schema": "agreementkit/review/v1", "agreement": "AK-2027-001"}', "incomplete review JSON"),
        ('{"schema": "agreementkit/review/v1", "agreement": "OTHER-1"}', "not of this deal's 'AK-2027-001'"),
        ('{"schema": "agreementkit/settlement/v1"}', "not a KPI review"),
        ("[1, 2", "not a review JSON file"),
    ],
)
def test_a_broken_or_foreign_review_json_is_an_input_error(content: str, message: str, tmp_path: Path) -> None:
    review = tmp_path / "review.json"
    review.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run("improvement-plan", str(ZH_DISTRIBUTOR), "--date", "2027-10-15", "--review", str(review), "-o", str(out))
    assert code == 2 and message in err, err
    assert not out.exists() or list(out.iterdir()) == []


def test_a_language_the_deal_lacks_text_for_is_refused(tmp_path: Path) -> None:
    code, _, err = run("cure", str(ZH_DISTRIBUTOR), "--date", "2027-03-10", "--reason", "x", "--lang", "en", "-o", str(tmp_path))
    assert code == 2 and "lacks text needed for --lang en" in err
