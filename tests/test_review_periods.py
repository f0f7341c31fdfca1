"""A KPI's target period must be the review's period: the scorecard would otherwise compare a
half-year's figure with a quarterly target. The review refuses such a deal; `check` warns on it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from agreementkit.cli import main

ROOT = Path(__file__).resolve().parent.parent
ALLIANCE = ROOT / "examples" / "alliance-bilingual.yaml"

ACTUALS = """period,type,item,value,note
2027-Q1,kpi,joint_projects,4,
2027-Q1,kpi,campaigns,2,
2027-Q1,net_revenue,Platform subscriptions,2500000,
"""


def _half_yearly(tmp_path: Path) -> Path:
    text = ALLIANCE.read_text(encoding="utf-8")
    changed, n = re.subn(r"(?m)^(  cadence: )quarterly.*$", r"\1half_yearly", text)
    assert n == 1
    path = tmp_path / "alliance-half-yearly.yaml"
    path.write_text(changed, encoding="utf-8")
    return path


def _actuals(tmp_path: Path, text: str = ACTUALS) -> Path:
    path = tmp_path / "actuals.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_alliance_example_reviews_and_settles_its_quarter(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["review", str(ALLIANCE), "--actuals", str(_actuals(tmp_path)),
                                       "--period", "2027-Q1", "-o", str(out), "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    review = json.loads((out / "alliance-bilingual-2027-Q1-review.json").read_text(encoding="utf-8"))
    kpis = {k["id"]: k for k in review["scorecard"]["kpis"]}
    # joint_projects: 4 of a target of 5 → 80.0 %, weight 50; campaigns 2 of 2 → 100.0 %, weight 50.
    assert kpis["joint_projects"]["attainment_percent"] == "80.0"
    assert kpis["campaigns"]["attainment_percent"] == "100.0"
    assert review["scorecard"]["score"] == "90.00"
    statement = json.loads((out / "alliance-bilingual-2027-Q1-statement.json").read_text(encoding="utf-8"))
    # Marginal revenue share: 2,000,000 × 10 % + 500,000 × 15 % = 275,000 before tax.
    settled = statement["settlement"]
    assert settled["period"] == "2027-Q1" and settled["share_payable"] == "275000"
    # Payable within 15 days after the quarter ends, paid 30 days after that.
    assert (settled["statement_due"], settled["payment_due"]) == ("2027-04-15", "2027-05-15")


def test_review_refuses_kpis_set_per_another_period(tmp_path: Path) -> None:
    deal = _half_yearly(tmp_path)
    actuals = _actuals(tmp_path, ACTUALS.replace("2027-Q1", "2027-H1"))
    result = CliRunner().invoke(main, ["review", str(deal), "--actuals", str(actuals), "--period", "2027-H1",
                                       "-o", str(tmp_path / "out")])  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    for i, kpi in enumerate(("joint_projects", "campaigns")):
        line = next(ln for ln in lines if f"kpis[{i}].period" in ln)
        assert re.match(rf"{re.escape(str(deal))}:\d+: kpis\[{i}\]\.period: KPI '{kpi}' has a target per quarter",
                        line), line  # fmt: skip
        assert "half-year" in line and "period: half_year" in line
    assert not (tmp_path / "out").exists()


def test_check_warns_on_kpis_set_per_another_period(tmp_path: Path) -> None:
    deal = _half_yearly(tmp_path)
    result = CliRunner().invoke(main, ["check", str(deal), "--format", "json"])
    data = json.loads(result.output)
    periods = [f for f in data["findings"] if f["rule"] == "kpi-period"]
    assert len(periods) == 2 and all(f["severity"] == "warning" for f in periods)
    strict = CliRunner().invoke(main, ["check", str(deal), "--strict"])
    assert strict.exit_code == 1


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_set_kpis_per_their_review_period(example: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(example), "--format", "json"])
    data = json.loads(result.output)
    assert not [f for f in data["findings"] if f["rule"] == "kpi-period"]
