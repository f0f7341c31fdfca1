"""Every kind of review and statement DOCX passes the independent OOXML validator with zero errors.

``openxml-audit -m 0`` (issue 10 item 10) found ``w:val="true"`` on ``w:tblHeader`` (the schema's
on/off type allows only on/off there) and a stale ``stylesWithEffects.xml`` from python-docx's
template; Word meets such files with "unreadable content — repair?".
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from agreementkit.deal.load import load_deal
from agreementkit.lifecycle.review.actuals import load_actuals
from agreementkit.lifecycle.review.periods import parse_period
from agreementkit.lifecycle.review.service import compute_review, contract_terms, render_outputs

ROOT = Path(__file__).resolve().parent.parent
DEAL = ROOT / "examples" / "distributor-zh-TW.yaml"
RESELLER = ROOT / "examples" / "reseller-en.yaml"
ACTUALS = ROOT / "examples" / "distributor-zh-TW-actuals.csv"
RESELLER_ACTUALS = """period,type,item,value,note
2027-H1,kpi,net_sales,80000,
2027-H1,kpi,certified_staff,3,
2027-H1,kpi,csat,8.0,
2027-H1,net_sales,"=HYPERLINK(""http://example.invalid"")",80000,  leading and trailing spaces
"""
CASES = [
    (DEAL, None, "2027-Q1", "zh-TW"),
    (DEAL, None, "2027-Q3", "en"),
    (DEAL, None, "2027-Q4", "zh-TW"),
    (DEAL, None, "2027-Q4", "en"),
    (DEAL, None, "2027-Q4", "bilingual"),
    (RESELLER, RESELLER_ACTUALS, "2027-H1", "en"),  # a half-year, USD, whole-tier rebate
    (RESELLER, RESELLER_ACTUALS, "2027-H1", "bilingual"),
]


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docx")
    inputs = tmp_path_factory.mktemp("actuals")
    for i, (deal_path, actuals_text, period, mode) in enumerate(CASES):
        actuals_path = ACTUALS
        if actuals_text is not None:
            actuals_path = inputs / f"actuals-{i}.csv"
            actuals_path.write_text(actuals_text, encoding="utf-8")
        deal = load_deal(deal_path)
        labels, terms, _ = contract_terms(deal)
        review = compute_review(
            deal, load_actuals(actuals_path, deal), parse_period(period), labels, terms=terms
        )
        for key, data in render_outputs(review, mode, ("docx",)).items():  # type: ignore[arg-type]
            (out / f"{i}-{deal_path.stem}-{period}-{mode}-{key}").write_bytes(data)
    return out


def test_every_review_and_statement_docx_validates(produced: Path) -> None:
    files = sorted(produced.glob("*.docx"))
    assert len(files) == 2 * len(CASES)
    done = subprocess.run(
        [sys.executable, "-m", "openxml_audit", "-m", "0", "-r", "-o", "json", str(produced)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    results = json.loads(done.stdout)
    assert len(results) == len(files)
    failures = {
        r["file"]: [e.get("description", e) for e in r["errors"]] for r in results if r["error_count"]
    }
    assert not failures, failures
    assert all(r["valid"] for r in results) and done.returncode == 0


def test_no_stale_styles_with_effects_and_header_rows_on_by_presence(produced: Path) -> None:
    for path in produced.glob("*.docx"):
        with zipfile.ZipFile(path) as zf:
            assert "word/stylesWithEffects.xml" not in zf.namelist()
            body = zf.read("word/document.xml").decode("utf-8")
        assert "<w:tblHeader/>" in body and 'w:val="true"' not in body
