"""The profit-share settlement of one period, computed exactly as the profit-sharing clause says.

Pure ``Decimal`` arithmetic, no I/O. Every step is kept as a :class:`WorkedLine` so the statement
shows a calculation a finance person can follow and tick.

Interpretation (also stated on the statement):

* **Basis**: the period's revenue lines of the clause's basis (``net_purchases`` for a distributor
  rebate); negative lines (returns, credits) reduce it; a negative total counts as zero.
* **Tiers**: ``whole_tier`` applies the rate of the tier reached (thresholds inclusive) to the whole
  basis; ``marginal`` applies each tier's rate only to the part of the basis inside that tier.
* **Rounding**: each payable amount is computed exactly, then rounded once, half up, to the currency's
  unit (the 元 for NT$) - the tiered share, the incentive bonus, the tax and the MDF accrual.
* **Cap**: ``profit_sharing.cap`` limits the tiered share of the period; the incentive bonus is granted
  by the separate incentives clause and is not part of it.
* **Tax**: when prices are tax-excluded and both parties are Taiwanese, the rebate/commission is
  settled with 5 % business tax (營業稅) on top - a rebate by a credit note (銷貨折讓證明單) carries the
  tax adjustment, a commission is invoiced with tax - shown as its own line. When prices include tax
  the computed amounts already include it and the tax share (5/105) is shown for information only.
  Cross-border settlements carry no Taiwanese business tax line.
* **MDF**: the market development fund accrues at its percentage of the basis, capped per period; its
  use must be approved by the end of the next period or it lapses, and each activity is claimed against
  proof within ``claim_days`` after it ends. It is shown separately and is not part of the amount payable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from agreementkit.lifecycle.review.actuals import Actuals, RevenueLine
from agreementkit.lifecycle.review.periods import Period
from agreementkit.locale.formatting import (
    CURRENCY_SYMBOL,
    WHOLE_UNIT_CURRENCIES,
    format_number,
    quantize_money,
)
from agreementkit.models.agreement import Localized
from agreementkit.models.deal import Deal, ProfitSharing

Method = Literal["whole_tier", "marginal"]
TAIWAN_BUSINESS_TAX_PERCENT = Decimal(5)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class TierSlice:
    """One tier's part of the calculation."""

    index: int
    lower: Decimal
    upper: Decimal | None
    rate: Decimal
    base: Decimal
    amount: Decimal


@dataclass(frozen=True)
class WorkedLine:
    """One line of the worked calculation: what it is, how it is computed, the amount, the clause."""

    key: str
    label: Localized
    calculation: str
    amount: Decimal | None
    clause: str | None = None
    emphasis: Literal["line", "subtotal", "total", "note"] = "line"


@dataclass(frozen=True)
class Settlement:
    """The settlement of one profit-sharing period."""

    period: Period
    currency: str
    kind: str
    basis_name: str
    method: Method
    basis_lines: tuple[RevenueLine, ...]
    gross_basis: Decimal
    basis: Decimal
    slices: tuple[TierSlice, ...]
    tier_reached: int
    share_exact: Decimal
    share_rounded: Decimal
    cap: Decimal | None
    share_payable: Decimal
    incentive_rate: Decimal | None
    incentive_exact: Decimal
    incentive_amount: Decimal
    pretax_total: Decimal
    tax_mode: Literal["added", "included", "none"]
    tax_amount: Decimal
    total_payable: Decimal
    mdf_percent: Decimal | None
    mdf_exact: Decimal
    mdf_amount: Decimal
    mdf_cap: Decimal | None
    statement_due: dt.date
    payment_due: dt.date
    mdf_claim_deadline: dt.date | None
    payment_form: str
    lines: tuple[WorkedLine, ...]

    @property
    def capped(self) -> bool:
        """Whether the cap cut the tiered share."""
        return self.share_payable < self.share_rounded


def tiered_amount(
    basis: Decimal, tiers: Sequence[tuple[Decimal, Decimal]], method: Method
) -> tuple[Decimal, tuple[TierSlice, ...], int]:
    """The exact (unrounded) tiered amount of ``basis``, its slices and the index of the tier reached.

    ``tiers`` are (threshold, rate %) ascending from threshold 0. A basis at or below zero earns nothing.
    """
    basis = max(basis, Decimal(0))
    reached = 0
    for i, (threshold, _) in enumerate(tiers):
        if basis >= threshold:
            reached = i
    slices: list[TierSlice] = []
    if method == "whole_tier":
        threshold, rate = tiers[reached]
        upper = tiers[reached + 1][0] if reached + 1 < len(tiers) else None
        amount = basis * rate / HUNDRED
        slices.append(TierSlice(reached, threshold, upper, rate, basis, amount))
        return amount, tuple(slices), reached
    total = Decimal(0)
    for i, (threshold, rate) in enumerate(tiers):
        upper = tiers[i + 1][0] if i + 1 < len(tiers) else None
        if basis <= threshold and not (i == 0 and basis == 0):
            break
        top = basis if upper is None else min(basis, upper)
        base = max(top - threshold, Decimal(0))
        amount = base * rate / HUNDRED
        total += amount
        slices.append(TierSlice(i, threshold, upper, rate, base, amount))
    return total, tuple(slices), reached


def share_payable(basis: Decimal, ps: ProfitSharing, currency: str) -> Decimal:
    """The tiered share of ``basis`` as paid: exact amount, rounded once to the currency unit, capped."""
    exact, _, _ = tiered_amount(basis, [(t.threshold, t.rate) for t in ps.tiers], ps.method)
    rounded = quantize_money(exact, currency)
    if ps.cap is not None:
        rounded = min(rounded, quantize_money(ps.cap, currency))
    return rounded


def _n(value: Decimal) -> str:
    return format_number(value)


def _m(value: Decimal, currency: str) -> str:
    if value < 0:
        return "-" + _m(-value, currency)
    places = 0 if currency in WHOLE_UNIT_CURRENCIES and value == value.to_integral_value() else None
    if places is None and currency not in WHOLE_UNIT_CURRENCIES:
        places = 2 if value == value.quantize(Decimal("0.01")) else None
    return f"{CURRENCY_SYMBOL[currency]}{format_number(value, places)}"


def _sum_text(amounts: Sequence[Decimal]) -> str:
    if not amounts:
        return "0"
    text = f"−{_n(-amounts[0])}" if amounts[0] < 0 else _n(amounts[0])
    for a in amounts[1:]:
        text += f" − {_n(-a)}" if a < 0 else f" + {_n(a)}"
    return text


def _pct(rate: Decimal) -> str:
    return f"{format_number(rate)}%"


def settle(
    deal: Deal,
    actuals: Actuals,
    period: Period,
    incentive_rate: Decimal | None = None,
) -> Settlement:
    """Settle profit-sharing ``period`` from the actuals, adding ``incentive_rate`` % when one was earned."""
    ps = deal.profit_sharing
    if ps is None:
        raise ValueError("the deal has no profit_sharing")
    cur = deal.pricing.currency
    tiers = [(t.threshold, t.rate) for t in ps.tiers]
    lines: list[WorkedLine] = []
    basis_lines = tuple(actuals.lines_in(period, ps.basis))
    basis_zh = {"net_sales": "銷售淨額", "net_purchases": "進貨淨額", "net_revenue": "營收淨額"}[ps.basis]
    basis_en = ps.basis.replace("_", " ")
    gross = sum((ln.amount for ln in basis_lines), Decimal(0))
    for ln in basis_lines:
        lines.append(
            WorkedLine(
                "basis_line",
                {
                    "zh-TW": f"{basis_zh}：{ln.item}（{ln.period}）",
                    "en": f"{basis_en}: {ln.item} ({ln.period})",
                },
                ln.note,
                ln.amount,
                "profit_sharing",
            )
        )
    lines.append(
        WorkedLine(
            "basis",
            {"zh-TW": f"本期{basis_zh}合計", "en": f"Total {basis_en} for the period"},
            _sum_text([ln.amount for ln in basis_lines]),
            gross,
            "profit_sharing",
            "subtotal",
        )
    )
    basis = max(gross, Decimal(0))
    if gross < 0:
        lines.append(
            WorkedLine(
                "basis_floor",
                {"zh-TW": "計算基礎為負數，以零計", "en": "Negative basis counts as zero"},
                f"max({_n(gross)}, 0)",
                basis,
                "profit_sharing",
                "note",
            )
        )

    exact, slices, reached = tiered_amount(basis, tiers, ps.method)
    for s in slices:
        band = f"{_n(s.lower)} – {_n(s.upper)}" if s.upper is not None else f"≥ {_n(s.lower)}"
        if ps.method == "marginal":
            label: Localized = {
                "zh-TW": f"第{s.index + 1}級距（{band}）",
                "en": f"Tier {s.index + 1} ({band})",
            }
        else:
            label = {
                "zh-TW": f"達第{s.index + 1}級距（{band}），全額適用",
                "en": f"Tier {s.index + 1} reached ({band}), applied to the whole basis",
            }
        lines.append(
            WorkedLine(
                "tier", label, f"{_n(s.base)} × {_pct(s.rate)} = {_n(s.amount)}", s.amount, "profit_sharing"
            )
        )
    rounded = quantize_money(exact, cur)
    unit_zh, unit_en = ("元", "NT$1") if cur == "TWD" else ("1", "1")
    if cur not in WHOLE_UNIT_CURRENCIES:
        unit_zh = unit_en = "0.01"
    lines.append(
        WorkedLine(
            "share",
            {
                "zh-TW": f"分潤小計（四捨五入至{unit_zh}）",
                "en": f"Tiered share (rounded half up to {unit_en})",
            },
            f"{_n(exact)} → {_n(rounded)}",
            rounded,
            "profit_sharing",
            "subtotal",
        )
    )
    payable = rounded
    cap = quantize_money(ps.cap, cur) if ps.cap is not None else None
    if cap is not None:
        payable = min(rounded, cap)
        lines.append(
            WorkedLine(
                "cap",
                {"zh-TW": "每期上限", "en": "Cap per period"},
                f"min({_n(rounded)}, {_n(cap)}) = {_n(payable)}",
                payable,
                "profit_sharing",
            )
        )

    incentive_exact = Decimal(0)
    incentive_amount = Decimal(0)
    if incentive_rate is not None:
        incentive_exact = basis * incentive_rate / HUNDRED
        incentive_amount = quantize_money(incentive_exact, cur)
        lines.append(
            WorkedLine(
                "incentive",
                {"zh-TW": "績效獎勵（額外回饋）", "en": "Performance incentive (extra rate)"},
                f"{_n(basis)} × {_pct(incentive_rate)} = {_n(incentive_exact)} → {_n(incentive_amount)}",
                incentive_amount,
                "incentives",
            )
        )
    pretax = payable + incentive_amount
    lines.append(
        WorkedLine(
            "pretax",
            {
                "zh-TW": "應付金額（未稅）" if deal.pricing.tax == "excluded" else "應付金額",
                "en": "Amount payable before tax" if deal.pricing.tax == "excluded" else "Amount payable",
            },
            f"{_n(payable)} + {_n(incentive_amount)}",
            pretax,
            "profit_sharing",
            "subtotal",
        )
    )

    domestic = deal.parties.supplier.country == "TW" and deal.parties.partner.country == "TW"
    tax_mode: Literal["added", "included", "none"] = "none"
    tax = Decimal(0)
    if domestic and deal.pricing.tax == "excluded":
        tax_mode = "added"
        tax = quantize_money(pretax * TAIWAN_BUSINESS_TAX_PERCENT / HUNDRED, cur)
        lines.append(
            WorkedLine(
                "tax",
                {"zh-TW": "營業稅 5%", "en": "Business tax (營業稅) 5%"},
                f"{_n(pretax)} × 5% = {_n(pretax * TAIWAN_BUSINESS_TAX_PERCENT / HUNDRED)} → {_n(tax)}",
                tax,
            )
        )
    total = pretax + tax
    lines.append(
        WorkedLine(
            "total",
            {
                "zh-TW": "本期應付總額（含稅）" if tax_mode == "added" else "本期應付總額",
                "en": "Total payable (tax included)" if tax_mode == "added" else "Total payable",
            },
            f"{_n(pretax)} + {_n(tax)}" if tax_mode == "added" else _n(pretax),
            total,
            "statements_and_payment",
            "total",
        )
    )
    if domestic and deal.pricing.tax == "included":
        tax_mode = "included"
        share = TAIWAN_BUSINESS_TAX_PERCENT / (HUNDRED + TAIWAN_BUSINESS_TAX_PERCENT)
        tax = quantize_money(total * share, cur)
        lines.append(
            WorkedLine(
                "tax_included",
                {"zh-TW": "其中含營業稅（參考）", "en": "of which business tax (for information)"},
                f"{_n(total)} × 5/105 → {_n(tax)}",
                tax,
                None,
                "note",
            )
        )

    mdf = ps.market_development_fund
    mdf_exact = Decimal(0)
    mdf_amount = Decimal(0)
    mdf_cap: Decimal | None = None
    mdf_deadline: dt.date | None = None
    if mdf is not None:
        mdf_exact = basis * mdf.percent / HUNDRED
        mdf_amount = quantize_money(mdf_exact, cur)
        calc = f"{_n(basis)} × {_pct(mdf.percent)} = {_n(mdf_exact)} → {_n(mdf_amount)}"
        if mdf.cap is not None:
            mdf_cap = quantize_money(mdf.cap, cur)
            capped = min(mdf_amount, mdf_cap)
            calc += f"; min({_n(mdf_amount)}, {_n(mdf_cap)}) = {_n(capped)}"
            mdf_amount = capped
        mdf_deadline = period.next().end  # unused fund lapses after the accrual period and the next one
        lines.append(
            WorkedLine(
                "mdf",
                {
                    "zh-TW": "行銷發展基金提撥（憑證請領，不計入應付總額）",
                    "en": "Market development fund accrued (claimed against proof; not in the total)",
                },
                calc,
                mdf_amount,
                "market_development_fund",
                "note",
            )
        )

    statement_due = period.end + dt.timedelta(days=ps.statement_days)
    return Settlement(
        period=period,
        currency=cur,
        kind=ps.kind,
        basis_name=ps.basis,
        method=ps.method,
        basis_lines=basis_lines,
        gross_basis=gross,
        basis=basis,
        slices=slices,
        tier_reached=reached,
        share_exact=exact,
        share_rounded=rounded,
        cap=cap,
        share_payable=payable,
        incentive_rate=incentive_rate,
        incentive_exact=incentive_exact,
        incentive_amount=incentive_amount,
        pretax_total=pretax,
        tax_mode=tax_mode,
        tax_amount=tax,
        total_payable=total,
        mdf_percent=mdf.percent if mdf else None,
        mdf_exact=mdf_exact,
        mdf_amount=mdf_amount,
        mdf_cap=mdf_cap,
        statement_due=statement_due,
        payment_due=statement_due + dt.timedelta(days=ps.payment_days),
        mdf_claim_deadline=mdf_deadline,
        payment_form=ps.payment_form,
        lines=tuple(lines),
    )


def money_text(value: Decimal, currency: str) -> str:
    """NT$1,234 (whole units) or US$1,234.50, for tables."""
    return _m(value, currency)
