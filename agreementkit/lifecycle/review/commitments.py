"""Money-side consequences: the rebate tier and cap, the minimum commitment, and the dates that follow.

Each states what the cited clause provides and, where a right needs a notice or a deadline, the
steps and the last day for them (see :mod:`agreementkit.lifecycle.review.consequences`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from agreementkit.lifecycle.review.actuals import Actuals
from agreementkit.lifecycle.review.consequence_model import (
    SCORECARD_OBJECTION_DAYS,
    Consequence,
    Context,
    Step,
    cap,
    date_text,
    loc,
    notice_step,
)
from agreementkit.lifecycle.review.periods import Period, enclosing
from agreementkit.lifecycle.review.settlement import Settlement, money_text, tiered_amount
from agreementkit.locale.formatting import format_number

# Fixed in the bundled clauses: minimum_commitment (notice window, make-up period, meeting),
# statements_and_payment (objection period).
COMMITMENT_NOTICE_DAYS = 60
COMMITMENT_MAKE_UP_DAYS = 30
COMMITMENT_MEETING_DAYS = 30
STATEMENT_OBJECTION_DAYS = 15


def settlement_notes(ctx: Context, actuals: Actuals, s: Settlement) -> list[Consequence]:
    """The tier the period's basis reached (and the move from last period) and whether the cap bit."""
    ps = ctx.deal.profit_sharing
    assert ps is not None
    out: list[Consequence] = []
    previous = s.period.previous()
    rate = ps.tiers[s.tier_reached].rate
    note_zh = note_en = ""
    if actuals.has_period(previous):
        before = max(sum((ln.amount for ln in actuals.lines_in(previous, ps.basis)), Decimal(0)), Decimal(0))
        _, _, prev_tier = tiered_amount(before, [(t.threshold, t.rate) for t in ps.tiers], ps.method)
        if prev_tier != s.tier_reached:
            up = s.tier_reached > prev_tier
            note_zh = f"（上期為第{prev_tier + 1}級距，本期{'升' if up else '降'}級）"
            note_en = f" (tier {prev_tier + 1} last period: {'up' if up else 'down'})"
    out.append(
        Consequence(
            "rebate_tier",
            "info",
            loc(
                f"本期計算基礎 {money_text(s.basis, s.currency)}，達第{s.tier_reached + 1}級距（{format_number(rate)}%）{note_zh}。",
                f"This period's basis of {money_text(s.basis, s.currency)} reaches tier {s.tier_reached + 1} "
                f"({format_number(rate)}%){note_en}.",
            ),
            ctx.cite("profit_sharing"),
            amount=s.share_payable,
        )
    )
    if s.capped and s.cap is not None:
        out.append(
            Consequence(
                "cap_reached",
                "info",
                loc(
                    f"分潤已達每期上限 {money_text(s.cap, s.currency)}，超過部分不予給付。",
                    f"The share reached the cap of {money_text(s.cap, s.currency)} per period; the excess is not payable.",
                ),
                ctx.cite("profit_sharing"),
                amount=s.cap,
            )
        )
    return out


def _commitment_due(ctx: Context, span: Period) -> tuple[Decimal, bool]:
    """The commitment for ``span``, pro-rated by days when the agreement takes effect inside it."""
    mc = ctx.deal.appointment.minimum_commitment
    assert mc is not None
    start = ctx.deal.agreement.effective_date
    if span.start < start <= span.end:
        days_in = (span.end - start).days + 1
        days_all = (span.end - span.start).days + 1
        return mc.amount * days_in / days_all, True
    return mc.amount, False


def _shortfall_effect(ctx: Context, span: Period, due: Decimal) -> tuple[str, str, tuple[Step, ...], bool]:
    """What the minimum-commitment clause's variant lets the supplier (or the parties) do after a shortfall."""
    mc = ctx.deal.appointment.minimum_commitment
    assert mc is not None
    clause = ctx.cite("minimum_commitment")
    s_en, p_en = ctx.terms.s("en"), ctx.terms.p("en")
    last = span.end + dt.timedelta(days=COMMITMENT_NOTICE_DAYS)
    by_zh, by_en = date_text(last, "zh-TW"), date_text(last, "en")
    window_zh = f"於該期間屆滿後{COMMITMENT_NOTICE_DAYS}日內（至遲{by_zh}）以書面通知乙方"
    window_en = f"by written notice within {COMMITMENT_NOTICE_DAYS} days after the period ends (by {by_en})"
    lapse = Step(
        loc(
            "甲方逾期未通知者，視為就該期間不行使該權利。",
            f"If {s_en} does not give notice in time, it is deemed to have waived the right for that period.",
        ),
        clause,
        last,
    )
    notice = notice_step(ctx, loc("該通知", "The notice"))
    if mc.consequence == "loss_of_exclusivity":
        if ctx.deal.appointment.exclusivity == "non_exclusive":
            return ("乙方之指定本即非獨家，變更為非獨家之效果無從適用", "the appointment is already non-exclusive, so the "
                    "conversion has nothing to act on", (), False)  # fmt: skip
        return (
            f"甲方得{window_zh}，自通知到達之日起將乙方之指定變更為非獨家；本契約其他約定不受影響，乙方不因此負損害賠償責任",
            f"{s_en} may, {window_en}, make {p_en}'s appointment non-exclusive from receipt of the notice; the rest of "
            f"the agreement is unaffected and {p_en} is not liable for damages on that account",
            (notice, lapse),
            True,
        )
    if mc.consequence == "termination_right":
        make_up = Step(
            loc(
                f"甲方{window_zh}於{COMMITMENT_MAKE_UP_DAYS}日內補足差額；乙方屆期未補足者，甲方始得以書面通知終止本契約。",
                f"{cap(s_en)} first requires {p_en}, {window_en}, to make up the shortfall within "
                f"{COMMITMENT_MAKE_UP_DAYS} days; only if {p_en} fails to do so may {s_en} terminate by written notice.",
            ),
            clause,
            last,
        )
        return (
            "甲方須先書面通知乙方補足差額，乙方屆期未補足者，甲方始得終止本契約；乙方不因未達最低承諾額而另負損害賠償責任",
            f"{s_en} must first require {p_en} by notice to make up the shortfall, and may terminate only if it is not "
            f"made up in time; {p_en} is not otherwise liable for damages for the shortfall",
            (make_up, notice, lapse),
            True,
        )
    if mc.consequence == "tier_change":
        return (
            f"甲方得{window_zh}，依實際達成之金額自次一期間起調整乙方適用之折扣或回饋條件至相應之較低級別；乙方嗣後任一期間達成最低承諾額者，自其次一期間起回復",
            f"{s_en} may, {window_en}, move {p_en} from the next period to the lower discount or rebate level matching "
            f"the amount achieved; once {p_en} reaches the commitment in a later period, the original terms return "
            "from the period after",
            (notice,),  # this variant has no waiver for late notice
            True,
        )
    meet = span.end + dt.timedelta(days=COMMITMENT_MEETING_DAYS)
    return (
        f"雙方應於該期間屆滿後{COMMITMENT_MEETING_DAYS}日內（至遲{date_text(meet, 'zh-TW')}）會商未達成之原因及改善措施；"
        "未達最低承諾額不構成乙方之違約，甲方不得據以終止本契約或請求損害賠償",
        f"the parties must meet within {COMMITMENT_MEETING_DAYS} days after the period ends (by {date_text(meet, 'en')}) "
        f"to discuss the reasons and corrective measures; the shortfall is not a breach by {p_en} and gives {s_en} "
        "no right to terminate or to damages",
        (
            Step(
                loc(
                    "雙方會商未達成之原因及改善措施。",
                    "The parties meet on the reasons and corrective measures.",
                ),
                clause,
                meet,
            ),
        ),
        False,
    )


def minimum_commitment(ctx: Context, actuals: Actuals, period: Period) -> list[Consequence]:
    """Progress against the minimum commitment; at the end of its period, what the shortfall allows."""
    mc = ctx.deal.appointment.minimum_commitment
    if mc is None:
        return []
    basis = "net_purchases" if mc.measure == "purchases" else "net_sales"
    span = enclosing(period, mc.period)
    lines = [ln for ln in actuals.lines_in(span, basis) if ln.period.end <= period.end]
    if not lines:
        return []
    done = sum((ln.amount for ln in lines), Decimal(0))
    cur = ctx.deal.pricing.currency
    due, prorated = _commitment_due(ctx, span)
    due = due.quantize(Decimal(1))
    prorate_zh = "（本契約於該期間中生效，按實際日數比例計算）" if prorated else ""
    prorate_en = " (pro-rated by days: the agreement took effect during the period)" if prorated else ""
    measure_zh = "進貨" if mc.measure == "purchases" else "銷售"
    measure_en = f"net {'purchases' if mc.measure == 'purchases' else 'sales'}"
    clause = ctx.cite("minimum_commitment")
    zh_span, en_span = span.label("zh-TW"), span.label("en")
    if period.end == span.end:
        if done >= due:
            return [
                Consequence(
                    "minimum_commitment",
                    "info",
                    loc(
                        f"{zh_span}累計{measure_zh}淨額 {money_text(done, cur)}，已達最低承諾額 {money_text(due, cur)}{prorate_zh}。",
                        f"{en_span} cumulative {measure_en} of {money_text(done, cur)} meet the minimum commitment of "
                        f"{money_text(due, cur)}{prorate_en}.",
                    ),
                    clause,
                    amount=done,
                )
            ]
        effect_zh, effect_en, steps, adverse = _shortfall_effect(ctx, span, due)
        return [
            Consequence(
                "minimum_commitment",
                "warning" if adverse else "action",
                loc(
                    f"{zh_span}累計{measure_zh}淨額 {money_text(done, cur)}，未達最低承諾額 {money_text(due, cur)}{prorate_zh}"
                    f"（差額 {money_text(due - done, cur)}）：{effect_zh}。因甲方未能依約供貨、不可抗力或其他不可歸責於乙方之事由致未能達成者，"
                    "最低承諾額應按受影響程度比例扣減（本報告未予扣減）。",
                    f"{en_span} cumulative {measure_en} of {money_text(done, cur)} fall short of the minimum commitment of "
                    f"{money_text(due, cur)}{prorate_en} by {money_text(due - done, cur)}: {effect_en}. A shortfall caused by "
                    f"{ctx.terms.s('en')}'s failure to supply, force majeure or another cause not attributable to "
                    f"{ctx.terms.p('en')} reduces the commitment in proportion (not applied in this report).",
                ),
                clause,
                due=steps[0].due if steps else None,
                amount=done,
                steps=steps,
            )
        ]
    months_done = (period.end.year - span.year) * 12 + period.end.month - span.first_month + 1
    pace = (due * months_done / span.months).quantize(Decimal(1))
    on_pace = done >= pace
    return [
        Consequence(
            "minimum_commitment",
            "info" if on_pace else "warning",
            loc(
                f"{zh_span}最低承諾額 {money_text(due, cur)}{prorate_zh}：累計至本期 {money_text(done, cur)}，"
                f"{'符合' if on_pace else '落後'}按月比例進度 {money_text(pace, cur)}；是否達成，於該期間屆滿時認定。",
                f"Minimum commitment for {en_span} of {money_text(due, cur)}{prorate_en}: {money_text(done, cur)} so far, "
                f"{'on' if on_pace else 'behind'} the pro-rata pace of {money_text(pace, cur)}; it is assessed when that period ends.",
            ),
            clause,
            amount=done,
        )
    ]


def deadlines(ctx: Context, period: Period, s: Settlement | None) -> list[Consequence]:
    """The scorecard, statement, payment and fund dates that follow from this review."""
    out: list[Consequence] = []
    review = ctx.deal.performance_review
    p_en = ctx.terms.p("en")
    if review is not None:
        due = period.end + dt.timedelta(days=review.report_days)
        out.append(
            Consequence(
                "deadline",
                "info",
                loc(
                    f"績效評分表應於{date_text(due, 'zh-TW')}前以書面送交乙方（期間屆滿後{review.report_days}日內）；"
                    f"乙方得於收受後{SCORECARD_OBJECTION_DAYS}日內附具理由及佐證資料以書面異議。",
                    f"The written scorecard is due to {p_en} by {date_text(due, 'en')} ({review.report_days} days after the "
                    f"period); {p_en} may object in writing with reasons and evidence within "
                    f"{SCORECARD_OBJECTION_DAYS} days of receiving it.",
                ),
                ctx.cite("performance_review"),
                due=due,
            )
        )
    if s is None:
        return out
    ps = ctx.deal.profit_sharing
    assert ps is not None
    form_zh = "以銷貨折讓方式抵減貨款" if s.payment_form == "credit_note" else "匯款"
    form_en = "by credit against amounts owed" if s.payment_form == "credit_note" else "by bank transfer"
    out.append(
        Consequence(
            "deadline",
            "info",
            loc(
                f"結算明細表應於{date_text(s.statement_due, 'zh-TW')}前提出；乙方得於收受後{STATEMENT_OBJECTION_DAYS}日內書面異議，"
                f"逾期視為確認。甲方應於明細表確認後{ps.payment_days}日內{form_zh}給付 {money_text(s.total_payable, s.currency)}"
                f"（於{date_text(s.statement_due, 'zh-TW')}確認者，至遲{date_text(s.payment_due, 'zh-TW')}）。",
                f"The statement is due by {date_text(s.statement_due, 'en')}; {p_en} may dispute it in writing within "
                f"{STATEMENT_OBJECTION_DAYS} days of receipt, after which it is deemed agreed. "
                f"{money_text(s.total_payable, s.currency)} is payable {form_en} within {ps.payment_days} days after the "
                f"statement is agreed (by {date_text(s.payment_due, 'en')} if agreed on {date_text(s.statement_due, 'en')}).",
            ),
            ctx.cite("statements_and_payment"),
            due=s.payment_due,
            amount=s.total_payable,
        )
    )
    if s.mdf_claim_deadline is not None and s.mdf_amount > 0:
        out.append(
            Consequence(
                "deadline",
                "info",
                loc(
                    f"本期提撥行銷發展基金 {money_text(s.mdf_amount, s.currency)}：乙方應先提出活動企劃，經甲方書面核准後動用；"
                    f"於{date_text(s.mdf_claim_deadline, 'zh-TW')}前未經核准動用者，不再累積。活動結束後六十日內檢據請款。",
                    f"Market development fund allocated this period: {money_text(s.mdf_amount, s.currency)}. {cap(p_en)} "
                    f"submits an activity plan for written approval first; amounts not approved for use by "
                    f"{date_text(s.mdf_claim_deadline, 'en')} lapse. Claims go in with proof within sixty days after the activity.",
                ),
                ctx.cite("market_development_fund"),
                due=s.mdf_claim_deadline,
                amount=s.mdf_amount,
            )
        )
    return out
