"""Settlement maths: the example's quarters against figures worked out by hand, plus properties."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agreementkit.deal.load import load_deal
from agreementkit.lifecycle.review.actuals import Actuals, RevenueLine, load_actuals
from agreementkit.lifecycle.review.periods import parse_period
from agreementkit.lifecycle.review.settlement import settle, share_payable, tiered_amount
from agreementkit.models.deal import Deal, ProfitSharing, Tier

ROOT = Path(__file__).resolve().parent.parent
DEAL = ROOT / "examples" / "distributor-zh-TW.yaml"
ACTUALS = ROOT / "examples" / "distributor-zh-TW-actuals.csv"
D = Decimal


@pytest.fixture(scope="module")
def deal() -> Deal:
    return load_deal(DEAL)


@pytest.fixture(scope="module")
def actuals(deal: Deal) -> Actuals:
    return load_actuals(ACTUALS, deal)


# The example deal: quarterly rebate on net purchases, marginal tiers
#   0 – 3,000,000: 0 %   3,000,000 – 5,000,000: 2 %   5,000,000 – 8,000,000: 3.5 %   ≥ 8,000,000: 5 %
# cap NT$800,000 per quarter, MDF 1 % capped at NT$300,000, prices exclude tax (5 % 營業稅 added),
# incentive 0.5 % of the basis when the weighted KPI score is at least 110 (earned in Q2 only).


def test_q1_by_hand(deal: Deal, actuals: Actuals) -> None:
    s = settle(deal, actuals, parse_period("2027-Q1"))
    # 2,822,400 + 1,344,000 − 67,200 = 4,099,200
    assert s.basis == D(4099200)
    # (4,099,200 − 3,000,000) × 2 % = 21,984
    assert s.share_payable == D(21984)
    # 21,984 × 5 % = 1,099.2 → 1,099
    assert s.tax_amount == D(1099)
    assert s.total_payable == D(23083)
    # MDF 4,099,200 × 1 % = 40,992
    assert s.mdf_amount == D(40992)
    assert s.statement_due == dt.date(2027, 4, 15)
    assert s.payment_due == dt.date(2027, 5, 15)


def test_q2_by_hand_with_incentive(deal: Deal, actuals: Actuals) -> None:
    s = settle(deal, actuals, parse_period("2027-Q2"), incentive_rate=D("0.5"))
    # 6,384,000 + 2,604,000 − 33,600 = 8,954,400
    assert s.basis == D(8954400)
    # 2,000,000 × 2 % + 3,000,000 × 3.5 % + 954,400 × 5 % = 40,000 + 105,000 + 47,720
    assert [x.amount for x in s.slices] == [0, D(40000), D(105000), D(47720)]
    assert s.share_payable == D(192720)
    assert s.tier_reached == 3
    # incentive 8,954,400 × 0.5 % = 44,772
    assert s.incentive_amount == D(44772)
    # (192,720 + 44,772) = 237,492; × 5 % = 11,874.6 → 11,875; total 249,367
    assert s.pretax_total == D(237492)
    assert s.tax_amount == D(11875)
    assert s.total_payable == D(249367)
    assert s.mdf_amount == D(89544)


def test_q3_by_hand_rounding(deal: Deal, actuals: Actuals) -> None:
    s = settle(deal, actuals, parse_period("2027-Q3"))
    # 2,520,000 + 1,092,000 − 12,345 = 3,599,655
    assert s.basis == D(3599655)
    # 599,655 × 2 % = 11,993.10 → 11,993
    assert s.share_exact == D("11993.10")
    assert s.share_payable == D(11993)
    # 11,993 × 5 % = 599.65 → 600 (half up)
    assert s.tax_amount == D(600)
    assert s.total_payable == D(12593)
    # MDF 35,996.55 → 35,997
    assert s.mdf_amount == D(35997)


def test_q4_by_hand_below_first_paying_tier(deal: Deal, actuals: Actuals) -> None:
    s = settle(deal, actuals, parse_period("2027-Q4"))
    assert s.basis == D(2822400)
    assert s.share_payable == 0
    assert s.total_payable == 0
    assert s.mdf_amount == D(28224)


def test_worked_lines_add_up(deal: Deal, actuals: Actuals) -> None:
    s = settle(deal, actuals, parse_period("2027-Q2"), incentive_rate=D("0.5"))
    by_key = {ln.key: ln for ln in s.lines if ln.key not in ("basis_line", "tier")}
    tiers = [ln.amount for ln in s.lines if ln.key == "tier"]
    assert sum(a for a in tiers if a is not None) == s.share_exact
    assert by_key["total"].amount == s.total_payable
    assert by_key["tax"].calculation == "237,492 × 5% = 11,874.6 → 11,875"
    basis_lines = [ln.amount for ln in s.lines if ln.key == "basis_line"]
    assert sum(a for a in basis_lines if a is not None) == by_key["basis"].amount


def _ps(method: str, tiers: list[tuple[int, str]], cap: int | None = None) -> ProfitSharing:
    return ProfitSharing(kind="rebate", basis="net_purchases", method=method,  # type: ignore[arg-type]
                         tiers=[Tier(threshold=D(t), rate=D(r)) for t, r in tiers],
                         cap=D(cap) if cap is not None else None)


def test_whole_tier_applies_reached_rate_to_everything() -> None:
    ps = _ps("whole_tier", [(0, "0"), (3000000, "2"), (5000000, "3.5")])
    assert share_payable(D(4999999), ps, "TWD") == D(100000)  # 4,999,999 × 2 % = 99,999.98 → 100,000
    assert share_payable(D(5000000), ps, "TWD") == D(175000)  # threshold inclusive: 3.5 % on all


def test_cap_limits_the_tiered_share() -> None:
    ps = _ps("marginal", [(0, "10")], cap=800000)
    assert share_payable(D(20000000), ps, "TWD") == D(800000)


def test_tax_included_and_cross_border(deal: Deal, actuals: Actuals) -> None:
    included = deal.model_copy(update={"pricing": deal.pricing.model_copy(update={"tax": "included"})})
    s = settle(included, actuals, parse_period("2027-Q1"))
    assert s.tax_mode == "included" and s.total_payable == D(21984)
    assert s.tax_amount == D(1047)  # 21,984 × 5/105 = 1,046.86 → 1,047, for information
    foreign_partner = deal.parties.partner.model_copy(update={"country": "SG", "tax_id": None})
    abroad = deal.model_copy(update={"parties": deal.parties.model_copy(update={"partner": foreign_partner})})
    s = settle(abroad, actuals, parse_period("2027-Q1"))
    assert s.tax_mode == "none" and s.total_payable == D(21984)


def test_negative_basis_counts_as_zero(deal: Deal) -> None:
    period = parse_period("2027-Q1")
    returns = Actuals("x.csv", (), (RevenueLine(period, "net_purchases", "RMA", D(-5000), "", 2),))
    s = settle(deal, returns, period)
    assert s.gross_basis == D(-5000) and s.basis == 0 and s.total_payable == 0


# --------------------------------------------------------------------------- properties

rates = st.decimals(min_value=0, max_value=100, places=4, allow_nan=False, allow_infinity=False)
amounts = st.decimals(min_value=0, max_value=D("1e10"), places=2, allow_nan=False, allow_infinity=False)


@st.composite
def tier_lists(draw: st.DrawFn, ascending_rates: bool = False) -> list[tuple[Decimal, Decimal]]:
    steps = draw(st.lists(st.decimals(min_value=D("0.01"), max_value=D("1e8"), places=2), max_size=5))
    thresholds = [D(0)]
    for step in steps:
        thresholds.append(thresholds[-1] + step)
    tier_rates = draw(st.lists(rates, min_size=len(thresholds), max_size=len(thresholds)))
    if ascending_rates:
        tier_rates = sorted(tier_rates)
    return list(zip(thresholds, tier_rates, strict=True))


def _profit_sharing(method: str, tiers: list[tuple[Decimal, Decimal]], cap: Decimal | None) -> ProfitSharing:
    return ProfitSharing(kind="rebate", method=method,  # type: ignore[arg-type]
                         tiers=[Tier(threshold=t, rate=r) for t, r in tiers], cap=cap)


def _reference(basis: Decimal, tiers: list[tuple[Decimal, Decimal]], method: str) -> Fraction:
    """An independent exact computation with fractions."""
    b = Fraction(max(basis, D(0)))
    if method == "whole_tier":
        rate = [Fraction(r) for t, r in tiers if b >= Fraction(t)][-1]
        return b * rate / 100
    total = Fraction(0)
    for i, (t, r) in enumerate(tiers):
        upper = Fraction(tiers[i + 1][0]) if i + 1 < len(tiers) else None
        top = b if upper is None else min(b, upper)
        if top > Fraction(t):
            total += (top - Fraction(t)) * Fraction(r) / 100
    return total


def _round_half_up(x: Fraction) -> int:
    return int((x * 2 + 1) // 2)


@settings(max_examples=150, deadline=None)
@given(tiers=tier_lists(), low=amounts, extra=amounts, cap=st.none() | amounts)
def test_marginal_never_decreases_when_revenue_grows(
    tiers: list[tuple[Decimal, Decimal]], low: Decimal, extra: Decimal, cap: Decimal | None
) -> None:
    ps = _profit_sharing("marginal", tiers, cap)
    assert share_payable(low, ps, "TWD") <= share_payable(low + extra, ps, "TWD")


@settings(max_examples=150, deadline=None)
@given(tiers=tier_lists(ascending_rates=True), low=amounts, extra=amounts, cap=st.none() | amounts)
def test_whole_tier_never_decreases_with_ascending_rates(
    tiers: list[tuple[Decimal, Decimal]], low: Decimal, extra: Decimal, cap: Decimal | None
) -> None:
    ps = _profit_sharing("whole_tier", tiers, cap)
    assert share_payable(low, ps, "TWD") <= share_payable(low + extra, ps, "TWD")


@settings(max_examples=150, deadline=None)
@given(tiers=tier_lists())
def test_marginal_is_continuous_across_tier_boundaries(tiers: list[tuple[Decimal, Decimal]]) -> None:
    cent = D("0.01")
    top_rate = max(r for _, r in tiers)
    for threshold, _ in tiers[1:]:
        below, _, _ = tiered_amount(threshold - cent, tiers, "marginal")
        at, _, _ = tiered_amount(threshold, tiers, "marginal")
        above, _, _ = tiered_amount(threshold + cent, tiers, "marginal")
        # one cent more basis earns at most one cent × the highest rate: no jump at the boundary
        assert D(0) <= at - below <= cent * top_rate / 100
        assert D(0) <= above - at <= cent * top_rate / 100


@settings(max_examples=200, deadline=None)
@given(tiers=tier_lists(), basis=amounts, method=st.sampled_from(["marginal", "whole_tier"]),
       cap=st.none() | amounts)
def test_exact_to_the_yuan(tiers: list[tuple[Decimal, Decimal]], basis: Decimal, method: str,
                           cap: Decimal | None) -> None:
    ps = _profit_sharing(method, tiers, cap)
    exact, _, _ = tiered_amount(basis, tiers, method)  # type: ignore[arg-type]
    assert Fraction(exact) == _reference(basis, tiers, method)  # Decimal arithmetic lost nothing
    expected = _round_half_up(_reference(basis, tiers, method))
    if cap is not None:
        expected = min(expected, _round_half_up(Fraction(cap)))
    paid = share_payable(basis, ps, "TWD")
    assert paid == expected
    assert paid == paid.to_integral_value()
