"""The check command: formats, exit codes, --strict, -o/--force, playbooks, deal lint, defects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from agreementkit.check.defects import find_defects
from agreementkit.check.model import Document
from agreementkit.check.readers.text import read_text
from agreementkit.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "distributor-zh-TW.yaml"
CUAD = Path(__file__).resolve().parents[2] / "shared" / "bench" / "cuad-dev"

GOOD_EN = """DISTRIBUTION AGREEMENT

This Distribution Agreement is made by and between Acme Inc. and Beta Ltd.

ARTICLE 1 APPOINTMENT
Acme hereby appoints Beta as its non-exclusive distributor of the Products in the Territory.

ARTICLE 2 TERM
This Agreement shall commence on the Effective Date and continue for two (2) years.

ARTICLE 3 TERMINATION
Either party may terminate this Agreement if the other party materially breaches it and fails to cure within 30 days.

ARTICLE 4 GOVERNING LAW AND DISPUTES
This Agreement shall be governed by the laws of Taiwan. Any dispute shall be settled by arbitration in Taipei.

IN WITNESS WHEREOF the parties have signed this Agreement.
By: ____________
"""


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_deal_file_lints_clean() -> None:
    code, output = invoke(str(EXAMPLE))
    assert code == 0, output
    assert "nothing blocks" in output


def test_deal_file_json_topics(tmp_path: Path) -> None:
    code, output = invoke(str(EXAMPLE), "--format", "json")
    data = json.loads(output)
    assert data["schema"] == "agreementkit-check/1" and data["kind"] == "deal"
    assert {t["status"] for t in data["topics"]} <= {"present", "missing"}
    assert data["summary"]["exit_code"] == code == 0


def test_invalid_deal_is_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("agreement: {type: distributor}\n", encoding="utf-8")
    code, output = invoke(str(bad))
    assert code == 2 and "error" in output


def test_deal_with_resale_price_and_strict(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "resale_price_restricted" not in text
    deal = tmp_path / "deal.yaml"
    deal.write_text(text.replace("pricing:\n", "pricing:\n  resale_price_restricted: true\n", 1), encoding="utf-8")
    code, output = invoke(str(deal), "--format", "json")
    data = json.loads(output)
    rules = {f["rule"]: f for f in data["findings"]}
    assert "resale-price-fta19" in rules and "19" in rules["resale-price-fta19"]["cite"]
    assert code == 0
    code, _ = invoke(str(deal), "--strict")
    assert code == 1


def test_text_contract_formats(tmp_path: Path) -> None:
    path = tmp_path / "contract.txt"
    path.write_text(GOOD_EN, encoding="utf-8")
    code, output = invoke(str(path))
    assert "topics:" in output and code in (0, 1)
    code_json, output_json = invoke(str(path), "--format", "json")
    data = json.loads(output_json)
    assert data["summary"]["exit_code"] == code_json == code
    law = next(t for t in data["topics"] if t["id"] == "governing_law")
    assert law["status"] == "present" and law["evidence"][0]["location"]["article"] == "Article 4"
    _, md = invoke(str(path), "--format", "md")
    assert md.startswith("# Pre-review memo") and "| topic |" in md
    _, html = invoke(str(path), "--format", "html")
    assert html.lstrip().startswith("<!doctype html>") and "<table>" in html


def test_html_escapes_document_text(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("ARTICLE 1 GOVERNING LAW\n<script>alert(1)</script> This Agreement shall be governed by the laws "
                    "of Taiwan.\n", encoding="utf-8")
    _, html = invoke(str(path), "--format", "html")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_output_file_and_force(tmp_path: Path) -> None:
    path = tmp_path / "contract.txt"
    path.write_text(GOOD_EN, encoding="utf-8")
    out = tmp_path / "report.json"
    invoke(str(path), "--format", "json", "-o", str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "agreementkit-check/1"
    code, output = invoke(str(path), "-o", str(out))
    assert code == 4 and "--force" in output
    code, _ = invoke(str(path), "-o", str(out), "--force")
    assert code in (0, 1)


def test_user_playbook(tmp_path: Path) -> None:
    path = tmp_path / "contract.txt"
    path.write_text(GOOD_EN, encoding="utf-8")
    book = tmp_path / "mine.yaml"
    book.write_text("id: mine\ntitle: {en: Mine}\nrequired: [insurance]\n", encoding="utf-8")
    code, output = invoke(str(path), "--playbook", str(book), "--format", "json")
    data = json.loads(output)
    assert data["playbook"] == "mine" and code == 1
    assert [f["topic"] for f in data["findings"] if f["severity"] == "blocker"] == ["insurance"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: {en: Bad}\nrequired: [no_such_topic]\nextra: 1\n", encoding="utf-8")
    code, output = invoke(str(path), "--playbook", str(bad))
    assert code == 2 and "no_such_topic" in output and "extra" in output


def test_type_option_selects_playbook(tmp_path: Path) -> None:
    path = tmp_path / "contract.txt"
    path.write_text(GOOD_EN.replace("DISTRIBUTION AGREEMENT", "AGREEMENT"), encoding="utf-8")
    _, output = invoke(str(path), "--type", "referral", "--format", "json")
    assert json.loads(output)["playbook"] == "referral"


def _doc(text: str) -> Document:
    return read_text(Path("x.txt"), text.encode("utf-8"))


def test_defects_placeholders_numbering_and_signature() -> None:
    doc = _doc(
        "經銷合約書\n\n生效日：2027年1月1日\n\n第一條 定義\n本契約所稱產品為{{ product }}。\n\n"
        "第三條 期間\n本契約自2027年2月1日起生效，至【　】止。\n\n第四條 其他\n詳如第九條。\n\n"
        "立契約書人\n\n甲方：\n代表人：王大同\n"
    )
    rules = [f.rule for f in find_defects(doc)]
    assert rules.count("placeholder") == 2
    assert "numbering-gap" in rules
    assert "broken-reference" in rules
    assert "empty-signature-field" in rules
    assert "cover-mismatch" in rules


def test_defects_clean_text_has_none() -> None:
    doc = _doc("第一條 定義\n本契約所稱產品。\n\n第二條 期間\n依第一條辦理。\n\n立契約書人\n\n甲方：晴川公司\n代表人：林志明\n")
    assert find_defects(doc) == []


@pytest.mark.skipif(not CUAD.is_dir(), reason="shared/bench/cuad-dev not present")
def test_cuad_contract_json_has_topics() -> None:
    contract = sorted((CUAD / "contracts").glob("*.txt"))[0]
    code, output = invoke(str(contract), "--format", "json")
    data = json.loads(output)
    assert code in (0, 1) and data["language"] == "en"
    ids = {t["id"] for t in data["topics"]}
    assert {"governing_law", "anti_assignment", "renewal_notice", "rofr", "signatures"} <= ids
    assert all(t["evidence"] for t in data["topics"] if t["status"] == "present")
