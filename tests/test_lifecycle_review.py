"""`agreementkit review` end to end: documents, JSON, consequences, bad actuals, --force, xlsx."""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from agreementkit.cli import main
from agreementkit.deal.load import load_deal
from agreementkit.lifecycle.review.actuals import load_actuals
from agreementkit.lifecycle.review.periods import parse_period
from agreementkit.lifecycle.review.service import clause_labels, compute_review

ROOT = Path(__file__).resolve().parent.parent
DEAL = ROOT / "examples" / "distributor-zh-TW.yaml"
ACTUALS = ROOT / "examples" / "distributor-zh-TW-actuals.csv"
STEM = "distributor-zh-TW-2027-Q4"


@pytest.fixture(scope="module")
def q4(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review")
    result = CliRunner().invoke(
        main, ["review", str(DEAL), "--actuals", str(ACTUALS), "--period", "2027-Q4", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def labels() -> dict[str, Any]:
    found, _ = clause_labels(load_deal(DEAL))
    return found


def test_all_six_documents_written(q4: Path) -> None:
    names = sorted(p.name for p in q4.iterdir())
    assert names == sorted(f"{STEM}-{d}.{x}" for d in ("review", "statement") for x in ("docx", "pdf", "json"))


def test_review_json_shape_and_termination_right(q4: Path, labels: dict[str, Any]) -> None:
    data = json.loads((q4 / f"{STEM}-review.json").read_text(encoding="utf-8"))
    assert data["schema"] == "agreementkit/review/v1"
    assert data["period"] == "2027-Q4" and data["termination_right"] is True
    assert data["scorecard"]["score"] == "74.70"
    assert [k["id"] for k in data["scorecard"]["kpis"]] == [
        "net_sales", "new_customers", "csat", "certified_staff", "response_time"]  # fmt: skip
    assert data["trend"]["periods"] == ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]
    net_sales = next(k for k in data["trend"]["kpis"] if k["id"] == "net_sales")
    assert net_sales["consecutive_misses"] == 2
    right = next(c for c in data["consequences"] if c["kind"] == "termination_right")
    assert right["clause"]["id"] in ("termination_for_kpi_failure", "kpi_schedule")
    if "termination_for_kpi_failure" in labels:  # the assembled agreement numbers the clause
        assert right["clause"]["numbered"] is True
        assert labels["termination_for_kpi_failure"]["zh-TW"] in right["text"]["zh-TW"]
    assert "連續2季" in right["text"]["zh-TW"]
    assert Decimal(data["settlement"]["total_payable"]) == 0


def test_statement_json_amounts_are_decimal_strings(q4: Path) -> None:
    data = json.loads((q4 / f"{STEM}-statement.json").read_text(encoding="utf-8"))
    s = data["settlement"]
    assert s["basis_amount"] == "2822400" and s["tier_reached"] == 1
    assert s["market_development_fund"]["accrued"] == "28224"
    assert all(isinstance(line["calculation"], str) for line in s["worked_lines"])


def _docx_text(path: Path) -> tuple[str, Any]:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts), document


def test_review_docx_structure(q4: Path) -> None:
    text, document = _docx_text(q4 / f"{STEM}-review.docx")
    assert len(document.tables) >= 3  # meta, scorecard, trend
    scorecard = document.tables[1]
    assert scorecard.rows[0].cells[0].text == "績效指標"
    assert len(scorecard.rows) == 1 + 5 + 1
    assert len(document.inline_shapes) == 1  # the chart
    blips = [r for r in document.part.rels.values() if "image" in r.reltype]
    assert blips and blips[0].target_part.blob.startswith(b"\x89PNG")
    assert "終止要件" in text and "尚不得逕行終止" in text and "改善計畫" in text
    assert "取得終止權" not in text  # the right is conditional on the 18.3 procedure (issue 10 item 4)
    assert document.core_properties.language == "zh-TW"


def test_statement_docx_worked_lines(q4: Path) -> None:
    text, document = _docx_text(q4 / f"{STEM}-statement.docx")
    assert "2,016,000 + 840,000 − 33,600" in text
    assert "新臺幣零元整" in text
    assert len(document.inline_shapes) == 1


def test_pdf_text_reads_back(q4: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(str(q4 / f"{STEM}-review.pdf"))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "經銷商績效評估報告" in text and "終止要件" in text and "通路夥伴" not in text
    statement = pypdf.PdfReader(str(q4 / f"{STEM}-statement.pdf"))
    assert "回饋金對帳單" in "".join(page.extract_text() for page in statement.pages)


def test_outputs_are_not_overwritten_without_force(q4: Path) -> None:
    args = ["review", str(DEAL), "--actuals", str(ACTUALS), "--period", "2027-Q4", "-o", str(q4), "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 4
    assert "--force" in result.output
    assert CliRunner().invoke(main, [*args, "--force"]).exit_code == 0


def test_json_is_reproducible(tmp_path: Path) -> None:
    def run(folder: Path) -> bytes:
        args = ["review", str(DEAL), "--actuals", str(ACTUALS), "--period", "2027-Q2", "-o", str(folder),
                "--format", "json,docx", "--lang", "en"]  # fmt: skip
        assert CliRunner().invoke(main, args).exit_code == 0
        return (folder / "distributor-zh-TW-2027-Q2-review.json").read_bytes() + (
            folder / "distributor-zh-TW-2027-Q2-review.docx").read_bytes()  # fmt: skip

    assert run(tmp_path / "a") == run(tmp_path / "b")


def test_q2_earns_the_incentive_and_q3_warns() -> None:
    deal = load_deal(DEAL)
    actuals = load_actuals(ACTUALS, deal)
    q2 = compute_review(deal, actuals, parse_period("2027-Q2"), {})
    assert q2.settlement is not None and q2.settlement.incentive_amount == Decimal(44772)
    assert any(c.kind == "incentive" for c in q2.consequences)
    q3 = compute_review(deal, actuals, parse_period("2027-Q3"), {})
    kinds = [c.kind for c in q3.consequences]
    assert "termination_warning" in kinds and "termination_right" not in kinds and "improvement_plan" in kinds


# --------------------------------------------------------------------------- bad actuals

BAD = """period,type,item,value,note
2027-Q1,kpi,net_sales,3620000,
2027-Q1,kpi,bogus_kpi,5,
2027-Q1,kpi,csat,four point five,
2027-Q1,kpi,net_sales,3700000,again
2027-13,net_purchases,SE-GW200,100,
2027-Q1,refund,SE-GW200,100,
"""


def test_bad_actuals_report_every_row_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad-actuals.csv"
    bad.write_text(BAD, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["review", str(DEAL), "--actuals", str(bad), "--period", "2027-Q1", "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if re.match(rf"{re.escape(str(bad))}:\d+:\w+: ", ln)]
    found = {tuple(ln[len(str(bad)) + 1:].split(": ", 1)[0].split(":")) for ln in lines}
    assert found == {("3", "item"), ("4", "value"), ("5", "period"), ("6", "period"), ("7", "type")}
    assert "unknown KPI 'bogus_kpi'" in result.output
    assert "'four point five' is not a number" in result.output
    assert "duplicate: KPI net_sales for 2027-Q1 is already given on row 2" in result.output
    assert not (tmp_path / "out").exists()


def test_missing_column_and_wrong_period(tmp_path: Path) -> None:
    bad = tmp_path / "a.csv"
    bad.write_text("period,kpi,value\n2027-Q1,csat,4\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(DEAL), "--actuals", str(bad), "--period", "2027-Q1"])
    assert result.exit_code == 2 and f"{bad}:1:type: missing column 'type'" in result.output
    result = CliRunner().invoke(main, ["review", str(DEAL), "--actuals", str(ACTUALS), "--period", "2028-Q1"])
    assert result.exit_code == 2 and "no figures for 2028-Q1" in result.output
    result = CliRunner().invoke(main, ["review", str(DEAL), "--actuals", str(ACTUALS), "--period", "2027-H1"])
    assert result.exit_code == 2 and "reviewed per quarter" in result.output


def test_xlsx_actuals(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in ACTUALS.read_text(encoding="utf-8").splitlines():
        cells: list[Any] = row.split(",")
        if cells[0] != "period":
            cells[3] = float(cells[3])
        ws.append(cells)
    ws.append(["2027-Q4", "kpi", "nope", 1, None])
    buf = io.BytesIO()
    wb.save(buf)
    path = tmp_path / "actuals.xlsx"
    path.write_bytes(buf.getvalue())
    result = CliRunner().invoke(main, ["review", str(DEAL), "--actuals", str(path), "--period", "2027-Q4"])
    assert result.exit_code == 2 and f"{path}:34:item: unknown KPI 'nope'" in result.output
    ws.delete_rows(34)
    wb.save(path)
    deal = load_deal(DEAL)
    actuals = load_actuals(path, deal)
    assert actuals.value("csat", parse_period("2027-Q3")).value == Decimal("3.9")  # type: ignore[union-attr]
    assert sum(ln.amount for ln in actuals.lines) == sum(ln.amount for ln in load_actuals(ACTUALS, deal).lines)
