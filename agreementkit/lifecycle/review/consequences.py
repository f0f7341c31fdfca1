"""What the agreement now grants or requires after a review, each citing the clause that says so.

Pure: takes the scorecard, the settlement and the clause labels of the assembled agreement
(``{"improvement_plan": {"zh-TW": "第九條第二項", "en": "Clause 9.2"}}``) and returns consequences.
A clause the agreement does not contain is cited by name instead of by number, and flagged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from agreementkit.lifecycle.review.actuals import Actuals
from agreementkit.lifecycle.review.kpi import Scorecard
from agreementkit.lifecycle.review.periods import Period, enclosing
from agreementkit.lifecycle.review.settlement import Settlement, money_text, tiered_amount
from agreementkit.locale.formatting import format_number
from agreementkit.models.agreement import Localized
from agreementkit.models.common import Lang
from agreementkit.models.deal import Deal

Severity = Literal["info", "action", "warning", "critical"]
Kind = Literal[
    "termination_right",
    "termination_warning",
    "cure_notice",
    "improvement_plan",
    "tier_change",
    "loss_of_exclusivity",
    "minimum_commitment",
    "incentive",
    "rebate_tier",
    "cap_reached",
    "watch",
    "data_missing",
    "deadline",
]

CLAUSE_NAMES: dict[str, Localized] = {
    "profit_sharing": {"zh-TW": "利潤分配", "en": "Profit Sharing"},
    "statements_and_payment": {"zh-TW": "對帳及付款", "en": "Statements and Payment"},
    "market_development_fund": {"zh-TW": "行銷發展基金", "en": "Market Development Fund"},
    "kpi_schedule": {"zh-TW": "績效指標", "en": "Key Performance Indicators"},
    "incentives": {"zh-TW": "績效獎勵", "en": "Incentives"},
    "performance_review": {"zh-TW": "績效評估", "en": "Performance Review"},
    "improvement_plan": {"zh-TW": "改善計畫", "en": "Improvement Plan"},
    "termination_for_kpi_failure": {"zh-TW": "未達績效指標之終止", "en": "Termination for KPI Failure"},
    "termination_for_cause": {"zh-TW": "違約終止", "en": "Termination for Cause"},
    "minimum_commitment": {"zh-TW": "最低採購承諾", "en": "Minimum Commitment"},
    "exclusivity": {"zh-TW": "獨家經銷", "en": "Exclusivity"},
}
# Where to look for a clause, in order, when a consequence could live in more than one.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "minimum_commitment": ("minimum_commitment", "minimum_purchase", "exclusivity", "appointment"),
    "loss_of_exclusivity": ("exclusivity", "minimum_commitment", "appointment", "kpi_schedule"),
    "tier_change": ("incentives", "performance_review", "kpi_schedule"),
    "termination_for_kpi_failure": ("termination_for_kpi_failure", "kpi_schedule"),
}
SEVERITY_ORDER: dict[str, int] = {"critical": 0, "warning": 1, "action": 2, "info": 3}


@dataclass(frozen=True)
class Citation:
    """The clause a consequence rests on: its id and label (number if the agreement has it)."""

    clause_id: str
    label: Localized
    numbered: bool


@dataclass(frozen=True)
class Consequence:
    """One thing the agreement grants or requires after this review."""

    kind: Kind
    severity: Severity
    text: Localized
    citation: Citation
    due: dt.date | None = None
    kpi_ids: tuple[str, ...] = ()
    amount: Decimal | None = None


class Citer:
    """Cites clauses by the labels of the assembled agreement, by name when a clause is absent."""

    def __init__(self, labels: Mapping[str, Localized]) -> None:
        self.labels = dict(labels)

    def __call__(self, clause_id: str) -> Citation:
        for candidate in CANDIDATES.get(clause_id, (clause_id,)):
            if candidate in self.labels:
                return Citation(candidate, self.labels[candidate], True)
        name = CLAUSE_NAMES.get(clause_id, {"zh-TW": clause_id, "en": clause_id})
        return Citation(
            clause_id, {"zh-TW": f"「{name['zh-TW']}」條款", "en": f"the {name['en']} clause"}, False
        )


def _d(value: dt.date, lang: Lang) -> str:
    return value.isoformat() if lang == "en" else f"{value.year}年{value.month}月{value.day}日"


def derive(
    deal: Deal,
    actuals: Actuals,
    card: Scorecard,
    settlement: Settlement | None,
    labels: Mapping[str, Localized],
    review_date: dt.date,
) -> tuple[Consequence, ...]:
    """Every consequence the agreement attaches to this review, most serious first."""
    cite = Citer(labels)
    out: list[Consequence] = []
    review = deal.performance_review
    plan_days = review.improvement_plan_days if review is not None else 30
    needed = deal.exit.kpi_failure_periods
    period_zh = {"quarter": "季", "half_year": "半年度"}.get(card.period.kind, "期")
    period_en = {"quarter": "quarters", "half_year": "half-years"}.get(card.period.kind, "periods")

    improvement: list[str] = []
    for result in card.results:
        kpi = result.kpi
        zh, en = kpi.name.get("zh-TW"), kpi.name.get("en")
        if result.status == "no_data":
            out.append(
                Consequence(
                    "data_missing",
                    "warning",
                    {
                        "zh-TW": f"「{zh}」本期未提報實績，無法評估（資料來源：{kpi.data_source.get('zh-TW')}）；"
                        "本項不計分，亦不視為未達標。",
                        "en": f"No figure was reported for '{en}' (data source: {kpi.data_source.get('en')}); "
                        "it scores nothing and is not treated as missed.",
                    },
                    cite("kpi_schedule"),
                    kpi_ids=(kpi.id,),
                )
            )
            continue
        if result.status == "at_risk":
            out.append(
                Consequence(
                    "watch",
                    "info",
                    {
                        "zh-TW": f"「{zh}」未達目標但仍在門檻內，列入觀察。",
                        "en": f"'{en}' is below target but within the threshold; it is on watch.",
                    },
                    cite("performance_review"),
                    kpi_ids=(kpi.id,),
                )
            )
            continue
        if result.status != "missed":
            continue
        improvement.append(kpi.id)  # any missed KPI lets the supplier require an improvement plan
        if kpi.consequence == "tier_change":
            out.append(
                Consequence(
                    "tier_change",
                    "warning",
                    {
                        "zh-TW": f"「{zh}」未達門檻：甲方得依約調整乙方之夥伴等級或回饋條件。",
                        "en": f"'{en}' missed its threshold: the supplier may change the partner's tier.",
                    },
                    cite("tier_change"),
                    kpi_ids=(kpi.id,),
                )
            )
        elif kpi.consequence == "loss_of_exclusivity":
            out.append(
                Consequence(
                    "loss_of_exclusivity",
                    "warning",
                    {
                        "zh-TW": f"「{zh}」未達門檻：甲方得以書面通知將獨家經銷權改為非獨家。",
                        "en": f"'{en}' missed its threshold: the supplier may by notice make the appointment "
                        "non-exclusive.",
                    },
                    cite("loss_of_exclusivity"),
                    kpi_ids=(kpi.id,),
                )
            )
        elif kpi.consequence == "termination_right":
            run = card.trend(kpi.id).consecutive_misses
            limit = needed or 1
            clause = cite("termination_for_kpi_failure")
            if run >= limit:
                zh_lab, en_lab = clause.label["zh-TW"], clause.label["en"]
                out.append(
                    Consequence(
                        "termination_right",
                        "critical",
                        {
                            "zh-TW": f"「{zh}」已連續{run}{period_zh}未達門檻（契約約定連續{limit}{period_zh}），"
                            f"甲方依{zh_lab}取得終止權，得以書面通知乙方終止本契約。",
                            "en": f"'{en}' has missed its threshold in {run} consecutive {period_en} (the agreement "
                            f"allows {limit}): the supplier now has the right to terminate the agreement by "
                            f"written notice under {en_lab}.",
                        },
                        clause,
                        kpi_ids=(kpi.id,),
                    )
                )
                out.append(
                    Consequence(
                        "cure_notice",
                        "critical",
                        {
                            "zh-TW": f"甲方如先行書面催告，乙方應於收受通知後{deal.exit.cure_days}日內改善；"
                            f"以本審查日計，改善期限為{_d(review_date + dt.timedelta(days=deal.exit.cure_days), 'zh-TW')}。",
                            "en": f"If the supplier first serves a notice to cure, the partner has {deal.exit.cure_days} "
                            f"days from receipt; counted from the review date that is "
                            f"{_d(review_date + dt.timedelta(days=deal.exit.cure_days), 'en')}.",
                        },
                        clause,
                        due=review_date + dt.timedelta(days=deal.exit.cure_days),
                        kpi_ids=(kpi.id,),
                    )
                )
            else:
                left = limit - run
                out.append(
                    Consequence(
                        "termination_warning",
                        "warning",
                        {
                            "zh-TW": f"「{zh}」本{period_zh}未達門檻（連續第{run}{period_zh}）；如再連續{left}"
                            f"{period_zh}未達，甲方將依{clause.label['zh-TW']}取得終止權。",
                            "en": f"'{en}' missed its threshold ({run} consecutive {period_en}); {left} more "
                            f"consecutive miss{'es' if left != 1 else ''} would give the supplier the right to "
                            f"terminate under {clause.label['en']}.",
                        },
                        clause,
                        kpi_ids=(kpi.id,),
                    )
                )
    below_par = card.complete and card.score < 100
    if improvement or below_par:
        # improvement_plan clause: any KPI missed, or a weighted score under 100 %, lets the supplier
        # require a written plan by notice; the partner delivers it within plan_days of receiving it.
        names_zh = "、".join(f"「{card.result(i).kpi.name.get('zh-TW')}」" for i in improvement)
        names_en = ", ".join(f"'{card.result(i).kpi.name.get('en')}'" for i in improvement)
        why_zh = f"{names_zh}未達門檻" if improvement else ""
        why_en = f"{names_en} missed the threshold" if improvement else ""
        if below_par:
            why_zh += ("，且" if why_zh else "") + f"加權績效分數 {card.score} 分未達 100 分"
            why_en += (", and " if why_en else "") + f"the weighted score of {card.score} is below 100"
        due = review_date + dt.timedelta(days=plan_days)
        out.append(
            Consequence(
                "improvement_plan",
                "action",
                {
                    "zh-TW": f"{why_zh}：甲方得以書面通知乙方提出改善計畫；乙方應於收受通知後{plan_days}日內提出"
                    f"（通知於審查日送達者，至遲{_d(due, 'zh-TW')}），載明原因、具體措施、期程、負責人員及預期目標。",
                    "en": f"{why_en[:1].upper()}{why_en[1:]}: the supplier may require a written improvement plan by notice; "
                    f"the partner must deliver it within {plan_days} days of receiving the notice (by {_d(due, 'en')} "
                    "if the notice arrives on the review date), stating causes, actions, timetable, owners and targets.",
                },
                cite("improvement_plan"),
                due=due,
                kpi_ids=tuple(improvement),
            )
        )

    incentive = review.incentive if review is not None else None
    if incentive is not None:
        threshold = format_number(incentive.score_at_least)
        if card.score >= incentive.score_at_least and card.complete:
            amount = settlement.incentive_amount if settlement is not None else None
            money = f"（{money_text(amount, deal.pricing.currency)}）" if amount is not None else ""
            out.append(
                Consequence(
                    "incentive",
                    "info",
                    {
                        "zh-TW": f"加權績效分數 {card.score} 分，達 {threshold} 分門檻：乙方取得額外回饋 "
                        f"{format_number(incentive.bonus_rate)}%{money}，併入本期結算。",
                        "en": f"Weighted score {card.score} reaches {threshold}: the partner earns an extra "
                        f"{format_number(incentive.bonus_rate)}% "
                        f"{'(' + money_text(amount, deal.pricing.currency) + ') ' if amount is not None else ''}"
                        "in this period's settlement.",
                    },
                    cite("incentives"),
                    amount=amount,
                )
            )

    if settlement is not None:
        out.extend(_settlement_notes(deal, actuals, settlement, cite))
    out.extend(_minimum_commitment(deal, actuals, card.period, cite))
    out.extend(_deadlines(deal, card.period, settlement, review_date, cite))
    return tuple(sorted(out, key=lambda c: SEVERITY_ORDER[c.severity]))


def _settlement_notes(deal: Deal, actuals: Actuals, s: Settlement, cite: Citer) -> list[Consequence]:
    ps = deal.profit_sharing
    assert ps is not None
    out: list[Consequence] = []
    previous = s.period.previous()
    rate = ps.tiers[s.tier_reached].rate
    note_zh = note_en = ""
    if actuals.has_period(previous):
        before = max(sum((ln.amount for ln in actuals.lines_in(previous, ps.basis)), Decimal(0)), Decimal(0))
        _, _, prev_tier = tiered_amount(before, [(t.threshold, t.rate) for t in ps.tiers], ps.method)
        if prev_tier != s.tier_reached:
            word_zh = "升" if s.tier_reached > prev_tier else "降"
            note_zh = f"（上期為第{prev_tier + 1}級距，本期{word_zh}級）"
            note_en = f" (tier {prev_tier + 1} last period: {'up' if s.tier_reached > prev_tier else 'down'})"
    out.append(
        Consequence(
            "rebate_tier",
            "info",
            {
                "zh-TW": f"本期計算基礎 {money_text(s.basis, s.currency)}，達第{s.tier_reached + 1}級距"
                f"（{format_number(rate)}%）{note_zh}。",
                "en": f"This period's basis of {money_text(s.basis, s.currency)} reaches tier {s.tier_reached + 1} "
                f"({format_number(rate)}%){note_en}.",
            },
            cite("profit_sharing"),
            amount=s.share_payable,
        )
    )
    if s.capped and s.cap is not None:
        out.append(
            Consequence(
                "cap_reached",
                "info",
                {
                    "zh-TW": f"分潤已達每期上限 {money_text(s.cap, s.currency)}，超出部分不予給付。",
                    "en": f"The share reached the cap of {money_text(s.cap, s.currency)} per period; the excess is not paid.",
                },
                cite("profit_sharing"),
                amount=s.cap,
            )
        )
    return out


def _minimum_commitment(deal: Deal, actuals: Actuals, period: Period, cite: Citer) -> list[Consequence]:
    mc = deal.appointment.minimum_commitment
    if mc is None:
        return []
    basis = "net_purchases" if mc.measure == "purchases" else "net_sales"
    span = enclosing(period, mc.period)
    so_far_period = Period(span.year, span.first_month, span.kind)
    lines = [ln for ln in actuals.lines_in(so_far_period, basis) if ln.period.end <= period.end]
    if not lines:
        return []
    done = sum((ln.amount for ln in lines), Decimal(0))
    cur = deal.pricing.currency
    months_done = (period.end.year - span.year) * 12 + period.end.month - span.first_month + 1
    pace = mc.amount * months_done / span.months
    measure_zh = "採購" if mc.measure == "purchases" else "銷售"
    if period.end == span.end:
        if done >= mc.amount:
            return [
                Consequence(
                    "minimum_commitment",
                    "info",
                    {
                        "zh-TW": f"{span.label('zh-TW')}累計{measure_zh}淨額 {money_text(done, cur)}，"
                        f"已達最低承諾 {money_text(mc.amount, cur)}。",
                        "en": f"{span.label('en')} cumulative net {mc.measure.replace('_', ' ')} of "
                        f"{money_text(done, cur)} meet the minimum commitment of {money_text(mc.amount, cur)}.",
                    },
                    cite("minimum_commitment"),
                    amount=done,
                )
            ]
        effect_zh = {
            "loss_of_exclusivity": "甲方得以書面通知將獨家經銷權改為非獨家",
            "termination_right": "甲方得終止本契約",
            "tier_change": "甲方得調整乙方之夥伴等級",
            "none": "契約未約定其他效果",
        }[mc.consequence]
        effect_en = {
            "loss_of_exclusivity": "the supplier may by notice make the appointment non-exclusive",
            "termination_right": "the supplier may terminate the agreement",
            "tier_change": "the supplier may change the partner's tier",
            "none": "the agreement attaches no further effect",
        }[mc.consequence]
        return [
            Consequence(
                "minimum_commitment",
                "warning" if mc.consequence != "none" else "info",
                {
                    "zh-TW": f"{span.label('zh-TW')}累計{measure_zh}淨額 {money_text(done, cur)}，未達最低承諾 "
                    f"{money_text(mc.amount, cur)}（差額 {money_text(mc.amount - done, cur)}）：{effect_zh}。",
                    "en": f"{span.label('en')} cumulative net {mc.measure.replace('_', ' ')} of {money_text(done, cur)} "
                    f"fall short of the minimum commitment of {money_text(mc.amount, cur)} by "
                    f"{money_text(mc.amount - done, cur)}: {effect_en}.",
                },
                cite("minimum_commitment"),
                amount=done,
            )
        ]
    on_pace = done >= pace
    return [
        Consequence(
            "minimum_commitment",
            "info" if on_pace else "warning",
            {
                "zh-TW": f"{span.label('zh-TW')}最低承諾 {money_text(mc.amount, cur)}：累計至本期 {money_text(done, cur)}，"
                f"{'符合' if on_pace else '落後'}按月比例進度 {money_text(pace, cur)}。",
                "en": f"Minimum commitment for {span.label('en')} of {money_text(mc.amount, cur)}: {money_text(done, cur)} "
                f"so far, {'on' if on_pace else 'behind'} the pro-rata pace of {money_text(pace, cur)}.",
            },
            cite("minimum_commitment"),
            amount=done,
        )
    ]


def _deadlines(
    deal: Deal, period: Period, s: Settlement | None, review_date: dt.date, cite: Citer
) -> Sequence[Consequence]:
    out: list[Consequence] = []
    review = deal.performance_review
    if review is not None:
        due = period.end + dt.timedelta(days=review.report_days)
        out.append(
            Consequence(
                "deadline",
                "info",
                {
                    "zh-TW": f"績效評估報告應於{_d(due, 'zh-TW')}前送交乙方（期末後{review.report_days}日內）。",
                    "en": f"The scorecard is due to the partner by {_d(due, 'en')} ({review.report_days} days after "
                    "the period).",
                },
                cite("performance_review"),
                due=due,
            )
        )
    if s is not None:
        form_zh = "開立折讓單" if s.payment_form == "credit_note" else "匯款"
        form_en = "by credit note" if s.payment_form == "credit_note" else "by bank transfer"
        out.append(
            Consequence(
                "deadline",
                "info",
                {
                    "zh-TW": f"對帳單應於{_d(s.statement_due, 'zh-TW')}前提出；經確認後於{_d(s.payment_due, 'zh-TW')}前"
                    f"{form_zh}給付 {money_text(s.total_payable, s.currency)}。",
                    "en": f"The statement is due by {_d(s.statement_due, 'en')}; once agreed, "
                    f"{money_text(s.total_payable, s.currency)} is payable {form_en} by {_d(s.payment_due, 'en')}.",
                },
                cite("statements_and_payment"),
                due=s.payment_due,
                amount=s.total_payable,
            )
        )
        if s.mdf_claim_deadline is not None and s.mdf_amount > 0:
            out.append(
                Consequence(
                    "deadline",
                    "info",
                    {
                        "zh-TW": f"本期行銷發展基金 {money_text(s.mdf_amount, s.currency)}，乙方應於"
                        f"{_d(s.mdf_claim_deadline, 'zh-TW')}前檢據請領。",
                        "en": f"The market development fund of {money_text(s.mdf_amount, s.currency)} must be claimed "
                        f"with proof by {_d(s.mdf_claim_deadline, 'en')}.",
                    },
                    cite("market_development_fund"),
                    due=s.mdf_claim_deadline,
                    amount=s.mdf_amount,
                )
            )
    return out
