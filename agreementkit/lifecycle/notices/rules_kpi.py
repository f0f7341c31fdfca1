"""Notices that follow a KPI review: the improvement plan, and termination for sustained under-performance.

The review JSON carries what :mod:`agreementkit.lifecycle.review.consequences` derived: an
``improvement_plan`` consequence when a KPI was missed or the score is below 100, and a
``termination_right`` consequence only when the misses meet ``exit.kpi_failure_periods`` (else a
``termination_warning`` saying how many more it would take). These rules take that verdict and add
what only the notice can check: that the improvement plan was required first and its time has
passed, and the 30 days' notice of the termination_for_kpi_failure clause.
"""

from __future__ import annotations

from decimal import Decimal

from agreementkit.errors import NoticeRefused
from agreementkit.lifecycle.deadlines.calendar_math import add_days, next_business_day
from agreementkit.lifecycle.notices.body import Body, Particulars
from agreementkit.lifecycle.notices.context import NoticeContext, days_after_receipt, loc
from agreementkit.lifecycle.notices.model import KeyDate
from agreementkit.lifecycle.notices.review_input import KpiFigure, ReviewFile
from agreementkit.lifecycle.notices.rules_breach import in_force
from agreementkit.lifecycle.review.consequence_model import KPI_TERMINATION_NOTICE_DAYS
from agreementkit.lifecycle.review.documents import UNIT
from agreementkit.locale.formatting import CURRENCY_SYMBOL, format_number
from agreementkit.models.agreement import Localized


def _figure(value: str | None, unit: str, lang: str) -> str:
    if value is None:
        return "—" if lang == "en" else "無資料"
    number = format_number(Decimal(value))
    if unit in CURRENCY_SYMBOL:
        return f"{CURRENCY_SYMBOL[unit]}{number}"
    suffix = UNIT.get(unit, {"zh-TW": "", "en": ""})
    return f"{number}{suffix['zh-TW' if lang == 'zh-TW' else 'en']}"


def miss_line(k: KpiFigure, periods: tuple[str, ...] = ()) -> Localized:
    """「季度銷售金額」：目標值…、最低門檻…，實績…（未達）."""
    zh = (f"「{k.name.get('zh-TW')}」：目標值 {_figure(k.target, k.unit, 'zh-TW')}，最低門檻 "
          f"{_figure(k.threshold, k.unit, 'zh-TW')}，實績 {_figure(k.actual, k.unit, 'zh-TW')}，未達最低門檻")  # fmt: skip
    en = (f"'{k.name.get('en')}': target {_figure(k.target, k.unit, 'en')}, minimum threshold "
          f"{_figure(k.threshold, k.unit, 'en')}, actual {_figure(k.actual, k.unit, 'en')}: missed")  # fmt: skip
    if periods:
        zh += f"（未達之期間：{'、'.join(periods)}）"
        en += f" (missed in {', '.join(periods)})"
    return loc(zh + "。", en + ".")


def _needs_review(ctx: NoticeContext, facts: Particulars, what: str) -> ReviewFile:
    if ctx.sender_role != "supplier":
        raise NoticeRefused(f"only the supplier may give {what} (--from supplier)")
    if facts.review is None:
        raise NoticeRefused(f"{what} rests on a KPI review: give its JSON with --review FILE "
                            "(`agreementkit review … --format json` writes it)")  # fmt: skip
    review = facts.review
    if ctx.date < review.review_date:
        raise NoticeRefused(
            f"the review of {review.period} is dated {review.review_date.isoformat()}; a notice resting on it cannot "
            f"be dated before it ({ctx.date.isoformat()})"
        )
    return review


def improvement_plan(ctx: NoticeContext, facts: Particulars) -> Body:
    """改善計畫通知: which KPIs missed in which period, and the plan's due date."""
    in_force(ctx)
    clause = ctx.clause("improvement_plan", "improvement-plan")
    review = _needs_review(ctx, facts, "an improvement-plan notice")
    found = review.consequence("improvement_plan")
    if found is None:
        raise NoticeRefused(
            f"{review.path}: the review of {review.period} gives no ground for an improvement plan "
            f"({clause.label['en']}: a missed KPI or a weighted score below 100; the score is {review.score})"
        )
    plan = ctx.deal.performance_review
    days = plan.improvement_plan_days if plan is not None else 30
    due = days_after_receipt(ctx, ctx.receipt, days)
    missed = [review.kpi(i) for i in found.kpis]
    score_zh = f"本期加權績效分數為 {review.score} 分" + ("，未達 100 分。" if review.score and Decimal(review.score) < 100 else "。")
    score_en = f"The weighted score for the period is {review.score}" + (", below 100." if review.score and Decimal(review.score) < 100 else ".")
    got, end = ctx.day(ctx.receipt), ctx.day(due.end)
    paragraphs = (
        loc(
            f"依本契約{clause.label['zh-TW']}約定，乙方於任一評估期間未達成一項以上之關鍵績效指標，或加權績效分數未達百分之百者，"
            f"甲方得以書面通知乙方提出改善計畫；乙方應於收受通知後{days}日內，與甲方協商並以書面提出改善計畫。",
            f"Under {clause.label['en']}, if {ctx.terms.p('en')} misses one or more KPIs, or its weighted score is "
            f"below 100%, in a review period, {ctx.terms.s('en')} may require an improvement plan by written notice, "
            f"to be submitted in writing within {days} days after receipt.",
        ),
        loc(
            f"本公司就{review.period}（{ctx.day(review.start)['zh-TW']}至{ctx.day(review.end)['zh-TW']}）之績效評估結果如下：{score_zh}",
            f"Our review of {review.period} ({ctx.day(review.start)['en']} to {ctx.day(review.end)['en']}) found: {score_en}",
        ),
        *(miss_line(k) for k in missed),
        loc(
            f"請貴公司於收受本函後{days}日內，與本公司協商並以書面提出改善計畫，載明未達成之原因、具體改善措施、執行期程、負責人員及預期達成之目標。"
            f"期間{due.note['zh-TW']}；本函於{got['zh-TW']}送達者，至遲應於{end['zh-TW']}提出。",
            f"Please submit, after consulting us, a written improvement plan within {days} days after receiving this letter, "
            "stating the reasons for the shortfall, specific corrective measures, a timetable, the persons responsible and "
            f"the targets to be reached. The period is {due.note['en']}; if this letter reaches you on {got['en']}, the plan "
            f"is due by {end['en']}.",
        ),
        loc(
            "本公司將依同項約定就改善計畫提供合理之協助，雙方並應於次一評估期間檢討其執行成效。",
            "We will give the plan the reasonable support that clause provides for, and the parties will review its results "
            "in the next review period.",
        ),
    )
    return Body(
        subject=loc(
            f"貴公司{review.period}未達成本契約所定關鍵績效指標，請依本契約{clause.label['zh-TW']}於收受本函後{days}日內（至遲{end['zh-TW']}）提出改善計畫，請查照。",
            f"Improvement plan required under {clause.label['en']} after the {review.period} review, due by {end['en']}",
        ),
        paragraphs=paragraphs,
        citations=(clause,),
        dates=(KeyDate("plan_due", loc("改善計畫提出期限", "Improvement plan due by"), due.end),),
    )


def kpi_termination(ctx: NoticeContext, facts: Particulars) -> Body:
    """終止通知 for sustained under-performance: the misses, the plan that came first, 30 days' notice."""
    in_force(ctx)
    clause = ctx.clause("termination_for_kpi_failure", "termination-for-under-performance")
    review = _needs_review(ctx, facts, "a KPI termination")
    found = review.consequence("termination_right")
    needed = ctx.deal.exit.kpi_failure_periods
    if found is None:
        warning = review.consequence("termination_warning")
        why = warning.text["en"] if warning is not None else f"no KPI was missed in {needed} consecutive periods"
        raise NoticeRefused(f"{review.path}: the review of {review.period} does not meet {clause.label['en']}: {why}")
    plan_clause = ctx.cite("improvement_plan")
    if facts.plan_notice is None:
        raise NoticeRefused(
            f"{clause.label['en']} allows termination only after an improvement plan was required under "
            f"{plan_clause.label['en']}: give the date of that notice with --plan-notice DATE (draft one with "
            "`notice improvement-plan`)"
        )
    plan = ctx.deal.performance_review
    days = plan.improvement_plan_days if plan is not None else 30
    plan_due = days_after_receipt(ctx, next_business_day(facts.plan_notice), days).end
    if review.end <= plan_due:
        raise NoticeRefused(
            f"{clause.label['en']} requires a miss after the improvement plan's period: the plan required on "
            f"{facts.plan_notice.isoformat()} was due by {plan_due.isoformat()}, and the review of {review.period} "
            f"ends on {review.end.isoformat()}, before that; terminate on a later review"
        )
    notice_days = KPI_TERMINATION_NOTICE_DAYS
    ends = add_days(ctx.receipt, notice_days)
    missed = [review.kpi(i) for i in found.kpis]
    sent, due_day, got, end = ctx.day(facts.plan_notice), ctx.day(plan_due), ctx.day(ctx.receipt), ctx.day(ends)
    post = ctx.cite("post_termination") if ctx.cite.has("post_termination") else None
    paragraphs: list[Localized] = [
        loc(
            f"依本契約{clause.label['zh-TW']}約定，乙方連續{needed}個評估期間未達成所定關鍵績效指標者，甲方於完成各該期間之績效評估、"
            f"依{plan_clause.label['zh-TW']}要求乙方提出改善計畫，且乙方於改善計畫執行期間屆滿後仍未達成者，得以{notice_days}日前之書面通知終止本契約。",
            f"Under {clause.label['en']}, if the KPIs are missed in {needed} consecutive review periods, {ctx.terms.s('en')}, "
            f"having reviewed each period and required an improvement plan under {plan_clause.label['en']}, may terminate "
            f"the Agreement by {notice_days} days' written notice if they are still missed after the plan's implementation period.",
        ),
        loc(f"依本公司績效評估之結果，貴公司未達成下列指標（最近一期為{review.period}）：",
            f"Our reviews found the following KPIs missed (the latest period being {review.period}):"),
        *(miss_line(k, review.missed_periods.get(k.id, ())) for k in missed),
        loc(
            f"本公司已於{sent['zh-TW']}以書面通知貴公司提出改善計畫（至遲{due_day['zh-TW']}提出），並提供約定之協助；貴公司於改善計畫執行期間屆滿後，"
            f"{review.period}仍未達成上開指標。",
            f"On {sent['en']} we required an improvement plan in writing (due by {due_day['en']}) and gave the agreed support; "
            f"after the plan's period the KPIs were still missed in {review.period}.",
        ),
        loc(
            f"本公司爰依本契約{clause.label['zh-TW']}以本函為{notice_days}日前之書面通知，終止本契約；本函於{got['zh-TW']}送達者，本契約於{end['zh-TW']}終止。"
            "依同項約定，雙方均不負損害賠償責任。",
            f"We therefore give you {notice_days} days' written notice under {clause.label['en']} terminating the Agreement; "
            f"if this letter reaches you on {got['en']}, the Agreement ends on {end['en']}. Under that clause neither party "
            "is liable for damages.",
        ),
    ]
    if post is not None:
        paragraphs.append(loc(f"本契約終止後之事項，請依本契約{post.label['zh-TW']}之約定辦理。",
                              f"{post.label['en'][:1].upper()}{post.label['en'][1:]} applies after termination."))  # fmt: skip
    return Body(
        subject=loc(
            f"貴公司連續{needed}個評估期間未達成關鍵績效指標，經要求改善仍未達成，本公司依本契約{clause.label['zh-TW']}終止本契約，"
            f"本契約於{end['zh-TW']}終止，請查照。",
            f"Termination under {clause.label['en']} for sustained under-performance: the Agreement ends on {end['en']}",
        ),
        paragraphs=tuple(paragraphs),
        citations=(clause, plan_clause, *((post,) if post is not None else ())),
        dates=(
            KeyDate("plan_due", loc("改善計畫提出期限", "Improvement plan was due by"), plan_due),
            KeyDate("agreement_end", loc("契約終止日", "Agreement ends on"), ends),
        ),
    )
