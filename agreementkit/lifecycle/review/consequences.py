"""What the agreement now grants or requires after a review — no more than it says.

Pure: takes the scorecard, the settlement, the clause labels of the assembled agreement and the
parties' terms, and returns consequences. A right that the agreement makes conditional is never
reported as already acquired: the consequence states the procedure that remains, one
:class:`Step` per requirement, each citing the clause (項) that imposes it. The wording mirrors the
bundled clauses (``clause_library``); ``tests/test_lifecycle_consequences.py`` checks that every
period, notice and condition stated here appears in the drafted clause it cites.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from agreementkit.lifecycle.review.actuals import Actuals
from agreementkit.lifecycle.review.citations import GENERIC_TERMS, Citation, Citer, PartyTerms
from agreementkit.lifecycle.review.commitments import deadlines, minimum_commitment, settlement_notes
from agreementkit.lifecycle.review.consequence_model import (
    KPI_TERMINATION_NOTICE_DAYS,
    SCORECARD_OBJECTION_DAYS,
    SEVERITY_ORDER,
    Consequence,
    Context,
    Step,
    cap,
    date_text,
    loc,
    notice_step,
)
from agreementkit.lifecycle.review.kpi import KpiResult, Scorecard
from agreementkit.lifecycle.review.settlement import Settlement, money_text
from agreementkit.locale.formatting import format_number
from agreementkit.models.agreement import Localized
from agreementkit.models.deal import Deal


def _names(results: list[KpiResult]) -> tuple[str, str]:
    zh = "、".join(f"「{r.kpi.name.get('zh-TW')}」" for r in results)
    en = ", ".join(f"'{r.kpi.name.get('en')}'" for r in results)
    return zh, en


def _plan_steps(ctx: Context) -> tuple[Step, ...]:
    review = ctx.deal.performance_review
    days = review.improvement_plan_days if review is not None else 30
    due = ctx.review_date + dt.timedelta(days=days)
    s_zh, p_zh, s_en, p_en = "甲方", "乙方", ctx.terms.s("en"), ctx.terms.p("en")
    plan = ctx.cite("improvement_plan")
    return (
        Step(
            loc(
                f"{s_zh}以書面通知{p_zh}提出改善計畫；{p_zh}應於收受通知後{days}日內，與{s_zh}協商並以書面提出，"
                f"載明未達成之原因、具體改善措施、執行期程、負責人員及預期目標（通知於審查日送達者，至遲{date_text(due, 'zh-TW')}）。",
                f"{cap(s_en)} requires an improvement plan by written notice; within {days} days of receiving it "
                f"{p_en}, after consulting {s_en}, submits a written plan stating the reasons, corrective measures, "
                f"timetable, persons responsible and targets (by {date_text(due, 'en')} if the notice arrives on the review date).",
            ),
            plan,
            due,
        ),
        Step(
            loc(
                f"{s_zh}應就改善計畫提供合理之協助（教育訓練、技術支援、行銷資源或調整交期及供貨安排），"
                "雙方並於次一評估期間檢討執行成效。",
                f"{cap(s_en)} gives the plan reasonable support (training, technical support, marketing "
                "resources or adjusted delivery and supply), and the parties review its results in the next review period.",
            ),
            plan,
        ),
    )


def _data_missing(ctx: Context, r: KpiResult) -> Consequence:
    k = r.kpi
    return Consequence(
        "data_missing",
        "warning",
        loc(
            f"「{k.name.get('zh-TW')}」本期未提報實績（約定資料來源：{k.data_source.get('zh-TW')}）。資料來源無法取得時，"
            "雙方應以誠信協商其他合理之替代依據；在此之前，本報告就該項不予計分，亦不認定為未達成。",
            f"No figure was reported for '{k.name.get('en')}' (agreed data source: {k.data_source.get('en')}). If the "
            "data source is unavailable the parties must agree in good faith on another reasonable basis; until then "
            "this report scores it nothing and does not treat it as missed.",
        ),
        ctx.cite("kpi_schedule"),
        kpi_ids=(k.id,),
    )


def _watch(ctx: Context, r: KpiResult) -> Consequence:
    k = r.kpi
    pr = ctx.cite("performance_review")
    return Consequence(
        "watch",
        "info",
        loc(
            f"「{k.name.get('zh-TW')}」未達目標值，但未逾最低門檻，不屬未達成；甲方應依{pr.label['zh-TW']}就需加強之項目提供必要之協助。",
            f"'{k.name.get('en')}' is below its target but within the minimum threshold, so it is not missed; "
            f"{ctx.terms.s('en')} is to give the assistance needed in that area under {pr.label['en']}.",
        ),
        pr,
        kpi_ids=(k.id,),
    )


def _table_effect(ctx: Context, r: KpiResult) -> Consequence | None:
    """tier_change / loss_of_exclusivity: an effect named in the KPI table, with no procedure of its own."""
    k = r.kpi
    table = ctx.cite("kpi_schedule")
    zh, en = k.name.get("zh-TW"), k.name.get("en")
    s_en, p_en = ctx.terms.s("en"), ctx.terms.p("en")
    notice = notice_step(ctx, loc("調整之通知", "The notice of the change"))
    if k.consequence == "tier_change":
        return Consequence(
            "tier_change",
            "warning",
            loc(
                f"「{zh}」未達最低門檻。依{table.label['zh-TW']}績效指標表，其效果為「調整回饋級距」；本契約就此未另定程序或期限，"
                "甲方擬調整者，宜以書面通知乙方並載明調整內容及生效日。",
                f"'{en}' missed its minimum threshold. The KPI schedule in {table.label['en']} names a tier change as the "
                f"effect; the agreement sets no further procedure or time limit, so {s_en} should give {p_en} written "
                "notice stating the change and its effective date.",
            ),
            table,
            kpi_ids=(k.id,),
            steps=(notice,),
        )
    if k.consequence != "loss_of_exclusivity":
        return None
    if ctx.deal.appointment.exclusivity == "non_exclusive":
        return Consequence(
            "loss_of_exclusivity",
            "info",
            loc(
                f"「{zh}」未達最低門檻；績效指標表所載效果為「喪失獨家權」，惟乙方之指定本即非獨家，此效果無從適用。",
                f"'{en}' missed its minimum threshold; the KPI schedule names loss of exclusivity, but the appointment "
                "is already non-exclusive, so the effect has nothing to act on.",
            ),
            table,
            kpi_ids=(k.id,),
        )
    return Consequence(
        "loss_of_exclusivity",
        "warning",
        loc(
            f"「{zh}」未達最低門檻。依{table.label['zh-TW']}績效指標表，其效果為「喪失獨家權」：甲方得將乙方之獨家指定變更為非獨家；"
            "本契約就此未另定程序或期限，甲方行使前宜以書面通知乙方並載明生效日，其他約定不受影響。",
            f"'{en}' missed its minimum threshold. The KPI schedule in {table.label['en']} names loss of exclusivity as "
            f"the effect: {s_en} may make {p_en}'s appointment non-exclusive. The agreement sets no further procedure "
            "or time limit, so it should be done by written notice stating the effective date; the rest of the "
            "agreement is unaffected.",
        ),
        table,
        kpi_ids=(k.id,),
        steps=(notice,),
    )


def _run_of_missed_periods(card: Scorecard, kpi_ids: tuple[str, ...] | None) -> int:
    """Adjoining review periods, ending with this one, in which a KPI (of ``kpi_ids``, or any) was missed."""
    trends = [t for t in card.trends if kpi_ids is None or t.kpi_id in kpi_ids]
    count = 0
    expected = card.period
    for index in range(len(card.periods) - 1, -1, -1):
        if card.periods[index] != expected or not any(t.points[index].status == "missed" for t in trends):
            break
        count += 1
        expected = expected.previous()
    return count


def _termination(ctx: Context, card: Scorecard) -> list[Consequence]:
    """The KPI termination clause: which misses count, and what must still happen before notice."""
    needed = ctx.deal.exit.kpi_failure_periods
    designated = [r for r in card.results if r.kpi.consequence == "termination_right"]
    per_zh, per_en = ctx.per(card)
    clause = ctx.cite("termination_for_kpi_failure")
    # The clause is drafted exactly when the deal sets a number of periods and a review procedure.
    if needed is None or ctx.deal.performance_review is None:
        missed = [r for r in designated if r.status == "missed"]
        if not missed:
            return []
        zh, en = _names(missed)
        return [
            Consequence(
                "termination_warning",
                "warning",
                loc(
                    f"{zh}未達最低門檻；績效指標表雖載「連續未達得終止」，但本契約未訂未達績效之終止條款（未約定連續期間及程序），"
                    "不得僅據此終止本契約；如擬終止，請先洽法律意見。",
                    f"{en} missed the minimum threshold. The KPI schedule mentions termination for repeated misses, but "
                    "the agreement has no clause on termination for under-performance (no number of periods, no "
                    "procedure), so it gives no right to terminate on that ground alone; take legal advice first.",
                ),
                ctx.cite("kpi_schedule"),
                kpi_ids=tuple(r.kpi.id for r in missed),
            )
        ]
    groups: list[tuple[tuple[str, ...] | None, list[KpiResult]]]
    if designated:
        groups = [((r.kpi.id,), [r]) for r in designated if r.status == "missed"]
    else:  # the any_kpi variant: a miss of any KPI in each of the periods counts
        missed_any = [r for r in card.results if r.status == "missed"]
        groups = [(None, missed_any)] if missed_any else []
    out: list[Consequence] = []
    for ids, results in groups:
        run = _run_of_missed_periods(card, ids)
        zh, en = _names(results)
        label_zh, label_en = clause.label["zh-TW"], clause.label["en"]
        kpi_ids = tuple(r.kpi.id for r in results)
        what_zh = f"{zh}" if ids else f"本期未達之指標（{zh}）"
        what_en = en if ids else f"KPIs ({en})"
        if run < needed:
            left = needed - run
            run_en = "the first miss in a row" if run == 1 else f"{run} consecutive {per_en} so far"
            out.append(
                Consequence(
                    "termination_warning",
                    "warning",
                    loc(
                        f"{what_zh}本{per_zh}未達最低門檻（連續第{run}{per_zh}）；再連續{left}{per_zh}未達者，即符合{label_zh}之終止要件，"
                        f"惟甲方仍須先依該項所定程序要求改善計畫，且乙方於改善計畫執行期間屆滿後仍未達成，始得以{KPI_TERMINATION_NOTICE_DAYS}日前之書面通知終止。",
                        f"{what_en} missed the minimum threshold ({run_en}); {left} more consecutive "
                        f"miss{'es' if left != 1 else ''} would meet the condition in {label_en}, and even then "
                        f"{ctx.terms.s('en')} may terminate only after the procedure there: an improvement plan, a miss "
                        f"after its implementation period, and {KPI_TERMINATION_NOTICE_DAYS} days' written notice.",
                    ),
                    clause,
                    kpi_ids=kpi_ids,
                )
            )
            continue
        out.append(_termination_procedure(ctx, card, clause, what_zh, what_en, run, needed, kpi_ids))
    return out


def _termination_procedure(
    ctx: Context,
    card: Scorecard,
    clause: Citation,
    what_zh: str,
    what_en: str,
    run: int,
    needed: int,
    kpi_ids: tuple[str, ...],
) -> Consequence:
    per_zh, per_en = ctx.per(card)
    review = ctx.deal.performance_review
    report_days = review.report_days if review is not None else 15
    s_en, p_en = ctx.terms.s("en"), ctx.terms.p("en")
    label_zh, label_en = clause.label["zh-TW"], clause.label["en"]
    days = KPI_TERMINATION_NOTICE_DAYS
    steps = (
        Step(
            loc(
                f"各該期間之績效評估均應已完成，並於期間屆滿後{report_days}日內以書面送交評分表（乙方得於收受後{SCORECARD_OBJECTION_DAYS}日內異議）。",
                f"Each of those periods must have been reviewed, with the written scorecard delivered within {report_days} "
                f"days after the period ({p_en} may object within {SCORECARD_OBJECTION_DAYS} days of receiving it).",
            ),
            ctx.cite("performance_review"),
        ),
        *_plan_steps(ctx),
        Step(
            loc(
                "因甲方未履行本契約之義務、不可抗力或其他不可歸責於乙方之事由而未達成之期間，不計入連續未達之期間。",
                f"A period missed because of {s_en}'s own failure to perform, force majeure or another cause not "
                f"attributable to {p_en} does not count towards the run.",
            ),
            ctx.cite("improvement_plan"),
        ),
        Step(
            loc(
                f"乙方於改善計畫所定執行期間屆滿後仍未達成者，甲方始得以{days}日前之書面通知終止本契約；雙方均不負損害賠償責任。",
                f"Only if {p_en} still falls short after the plan's implementation period may {s_en} terminate, by "
                f"{days} days' written notice; neither party is then liable for damages.",
            ),
            clause,
        ),
        notice_step(ctx, loc("終止通知", "The termination notice")),
        Step(
            loc(
                "終止後之存貨、客戶移轉及結算，依該條款辦理。",
                "Stock, customers and the final settlement are then handled under that clause.",
            ),
            ctx.cite("post_termination"),
        ),
    )
    return Consequence(
        "termination_right",
        "critical",
        loc(
            f"{what_zh}已連續{run}{per_zh}未達最低門檻（{label_zh}約定連續{needed}{per_zh}），已符合該項之終止要件；"
            f"但甲方尚不得逕行終止本契約，須依下列程序（已辦理者免）：",
            f"{what_en} missed the minimum threshold in {run} consecutive {per_en} ({label_en} requires {needed}), which "
            f"meets that clause's condition for termination; {s_en} may not terminate yet, but only after the "
            "following procedure (steps already taken need not be repeated):",
        ),
        clause,
        kpi_ids=kpi_ids,
        steps=steps,
    )


def _improvement_plan(ctx: Context, card: Scorecard) -> Consequence | None:
    missed = [r for r in card.results if r.status == "missed"]
    below_par = card.complete and card.score < 100
    if not missed and not below_par:
        return None
    zh, en = _names(missed)
    why_zh = f"{zh}未達最低門檻" if missed else ""
    why_en = f"{en} missed the minimum threshold" if missed else ""
    if below_par:
        why_zh += ("，且" if why_zh else "") + f"加權績效分數 {card.score} 分未達 100 分"
        why_en += (", and " if why_en else "") + f"the weighted score of {card.score} is below 100"
    steps = _plan_steps(ctx)
    return Consequence(
        "improvement_plan",
        "action",
        loc(
            f"{why_zh}：甲方得以書面通知乙方提出改善計畫。",
            f"{why_en[:1].upper()}{why_en[1:]}: {ctx.terms.s('en')} may require {ctx.terms.p('en')} by written "
            "notice to submit an improvement plan.",
        ),
        ctx.cite("improvement_plan"),
        due=steps[0].due,
        kpi_ids=tuple(r.kpi.id for r in missed),
        steps=steps,
    )


def _incentive(ctx: Context, card: Scorecard, settlement: Settlement | None) -> Consequence | None:
    review = ctx.deal.performance_review
    incentive = review.incentive if review is not None else None
    if incentive is None or not card.complete or card.score < incentive.score_at_least:
        return None
    threshold = format_number(incentive.score_at_least)
    rate = format_number(incentive.bonus_rate)
    p_en = ctx.terms.p("en")
    if ctx.deal.profit_sharing is not None:
        amount = settlement.incentive_amount if settlement is not None else None
        money = money_text(amount, ctx.deal.pricing.currency) if amount is not None else None
        pay = ctx.cite("statements_and_payment")
        text = loc(
            f"加權績效分數 {card.score} 分，達 {threshold} 分門檻：乙方取得計算基礎金額 {rate}% 之績效獎勵金"
            f"{'（' + money + '）' if money else ''}，不受分潤上限之限制，依{pay.label['zh-TW']}結算及給付。",
            f"Weighted score {card.score} reaches {threshold}: {p_en} earns a performance bonus of {rate}% of the "
            f"basis{' (' + money + ')' if money else ''}, outside the profit-share cap, settled and paid under {pay.label['en']}.",
        )
    else:
        amount = None
        text = loc(
            f"加權績效分數 {card.score} 分，達 {threshold} 分門檻：乙方取得經雙方確認之銷售或交易金額 {rate}% 之績效獎勵金，"
            "甲方應於評估結果確認後三十日內給付。",
            f"Weighted score {card.score} reaches {threshold}: {p_en} earns a performance bonus of {rate}% of the "
            "sales or transaction value agreed by the parties, payable within thirty days after the review results are agreed.",
        )
    return Consequence("incentive", "info", text, ctx.cite("incentives"), amount=amount)


def derive(
    deal: Deal,
    actuals: Actuals,
    card: Scorecard,
    settlement: Settlement | None,
    labels: Mapping[str, Localized],
    review_date: dt.date,
    terms: PartyTerms = GENERIC_TERMS,
) -> tuple[Consequence, ...]:
    """Every consequence the agreement attaches to this review, most serious first."""
    ctx = Context(deal, Citer(labels), terms, review_date)
    out: list[Consequence] = []
    for r in card.results:
        if r.status == "no_data":
            out.append(_data_missing(ctx, r))
        elif r.status == "at_risk":
            out.append(_watch(ctx, r))
        elif r.status == "missed":
            effect = _table_effect(ctx, r)
            if effect is not None:
                out.append(effect)
    out.extend(_termination(ctx, card))
    for extra in (_improvement_plan(ctx, card), _incentive(ctx, card, settlement)):
        if extra is not None:
            out.append(extra)
    if settlement is not None:
        out.extend(settlement_notes(ctx, actuals, settlement))
    out.extend(minimum_commitment(ctx, actuals, card.period))
    out.extend(deadlines(ctx, card.period, settlement))
    return tuple(sorted(out, key=lambda c: SEVERITY_ORDER[c.severity]))
