"""KPI evaluation: attainment and status both ways, weighted score, trend, consecutive misses."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from agreementkit.deal.load import load_deal
from agreementkit.lifecycle.review.actuals import Actuals, KpiActual, load_actuals
from agreementkit.lifecycle.review.kpi import attainment, consecutive_misses, evaluate, evaluate_kpi, status
from agreementkit.lifecycle.review.periods import parse_period
from agreementkit.models.deal import Deal, Kpi

ROOT = Path(__file__).resolve().parent.parent
D = Decimal


@pytest.fixture(scope="module")
def deal() -> Deal:
    return load_deal(ROOT / "examples" / "distributor-zh-TW.yaml")


@pytest.fixture(scope="module")
def actuals(deal: Deal) -> Actuals:
    return load_actuals(ROOT / "examples" / "distributor-zh-TW-actuals.csv", deal)


def _kpi(direction: str, target: str, threshold: str) -> Kpi:
    return Kpi(id="k", name="K", metric="other", target=D(target), threshold=D(threshold), unit="hours",
               data_source="x", weight=D(100), direction=direction)  # type: ignore[arg-type]


def test_higher_is_better() -> None:
    kpi = _kpi("higher_is_better", "100", "80")
    assert (attainment(kpi, D(110)), status(kpi, D(110))) == (D("110.0"), "met")
    assert (attainment(kpi, D(100)), status(kpi, D(100))) == (D("100.0"), "met")
    assert status(kpi, D(80)) == "at_risk"  # the threshold itself is still acceptable
    assert status(kpi, D("79.99")) == "missed"


def test_lower_is_better() -> None:
    kpi = _kpi("lower_is_better", "8", "24")
    # the KPI clause: target ÷ actual when lower is better
    assert (attainment(kpi, D(6)), status(kpi, D(6))) == (D("133.3"), "met")
    assert (attainment(kpi, D("9.5")), status(kpi, D("9.5"))) == (D("84.2"), "at_risk")
    assert status(kpi, D(24)) == "at_risk"
    assert (attainment(kpi, D(26)), status(kpi, D(26))) == (D("30.8"), "missed")
    assert attainment(kpi, D(0)) == D("200.0")  # an infinite ratio counts as the cap


def test_zero_target() -> None:
    kpi = _kpi("lower_is_better", "0", "2")
    assert attainment(kpi, D(0)) == D(100) and status(kpi, D(0)) == "met"
    assert attainment(kpi, D(1)) == 0 and status(kpi, D(1)) == "at_risk"


def test_example_scores(deal: Deal, actuals: Actuals) -> None:
    q1 = evaluate(deal, actuals, parse_period("2027-Q1"))
    # (40×103.4 + 20×83.3 + 15×102.2 + 15×83.3 + 10×84.2) / 100 = 94.265 → 94.27
    assert q1.score == D("94.27")
    assert [r.status for r in q1.results] == ["met", "at_risk", "met", "at_risk", "at_risk"]
    q2 = evaluate(deal, actuals, parse_period("2027-Q2"))
    assert q2.score == D("123.34") and q2.complete  # ≥ 110: the incentive is earned
    q4 = evaluate(deal, actuals, parse_period("2027-Q4"))
    assert [str(p) for p in q4.periods] == ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]
    assert q4.scores == (D("94.27"), D("123.34"), D("79.00"), D("74.70"))
    assert q4.trend("net_sales").consecutive_misses == 2
    assert q4.trend("net_sales").trend == "improving"  # 2.65 M → 2.71 M, still missed
    assert q4.trend("response_time").trend == "declining"  # 14 h → 26 h, lower is better
    assert q4.trend("csat").consecutive_misses == 0  # missed in Q3, at risk in Q4


def test_trend_only_looks_back(deal: Deal, actuals: Actuals) -> None:
    q2 = evaluate(deal, actuals, parse_period("2027-Q2"))
    assert [str(p) for p in q2.periods] == ["2027-Q1", "2027-Q2"]


def test_a_gap_ends_the_run_of_misses(deal: Deal) -> None:
    kpi = deal.kpis[0]
    q1, q3 = parse_period("2027-Q1"), parse_period("2027-Q3")
    points = [evaluate_kpi(kpi, q1, D(1)), evaluate_kpi(kpi, q3, D(1))]
    assert consecutive_misses(points) == 1


def test_missing_kpi_is_no_data_not_a_miss(deal: Deal) -> None:
    period = parse_period("2027-Q1")
    partial = Actuals("x.csv", (KpiActual(period, "csat", D("4.8"), 2),), ())
    card = evaluate(deal, partial, period)
    assert card.result("net_sales").status == "no_data"
    assert not card.complete
    assert card.trend("net_sales").consecutive_misses == 0
