"""Cure notices and terminations for breach, for convenience and for insolvency or change of control.

The wording and the periods follow the drafted clauses: termination_for_cause ("以書面載明違約事實，
通知違約方於收受通知後N日內改正；違約方屆期未改正者，他方得以書面通知終止本契約"),
termination_for_convenience ("於N日前以書面通知他方終止本契約"; the agency variant keeps three
months as a floor) and termination_other_events ("得以書面通知立即終止本契約").
"""

from __future__ import annotations

from agreementkit.errors import NoticeRefused
from agreementkit.lifecycle.deadlines.calendar_math import add_days, add_months, next_business_day
from agreementkit.lifecycle.deadlines.term import current_term
from agreementkit.lifecycle.notices.body import Body, Particulars
from agreementkit.lifecycle.notices.context import NoticeContext, days_after_receipt, loc
from agreementkit.lifecycle.notices.model import KeyDate
from agreementkit.lifecycle.review.citations import Citation
from agreementkit.models.agreement import Localized

AGENCY_FLOOR_DAYS = 92  # the agency variant states days from 92 on, else three months


def in_force(ctx: NoticeContext) -> None:
    """Refuse a cure or termination notice for an agreement not in force on receipt."""
    if current_term(ctx.deal, ctx.receipt) is None:
        start = ctx.deal.agreement.effective_date
        when = "not yet in force" if ctx.receipt < start else "no longer in force"
        raise NoticeRefused(f"on {ctx.receipt.isoformat()} the agreement is {when} (effective {start.isoformat()})")


def _reason(facts: Particulars, what: str) -> str:
    if not facts.reason or not facts.reason.strip():
        raise NoticeRefused(f"a {what} must state the facts (--reason \"…\"): the clause requires the notice to describe them")
    return " ".join(facts.reason.split())


def _post(ctx: NoticeContext) -> tuple[tuple[Localized, ...], tuple[Citation, ...]]:
    if not ctx.cite.has("post_termination"):
        return (), ()
    c = ctx.cite("post_termination")
    return (loc(
        f"本契約終止後之存貨、客戶移轉及結算等事項，請依本契約{c.label['zh-TW']}之約定辦理。",
        f"Stock, customers and the final settlement are to be handled under {c.label['en']}.",
    ),), (c,)  # fmt: skip


def cure(ctx: NoticeContext, facts: Particulars) -> Body:
    """違約改正通知: the breach, the cure period from receipt, and what follows if it is not cured."""
    in_force(ctx)
    clause = ctx.clause("termination_for_cause", "termination-for-breach")
    reason = _reason(facts, "cure notice")
    days = ctx.deal.exit.cure_days
    period = days_after_receipt(ctx, ctx.receipt, days)
    got, end = ctx.day(ctx.receipt), ctx.day(period.end)
    paragraphs = (
        loc(
            f"依本契約{clause.label['zh-TW']}約定，一方違反本契約之約定者，他方得以書面載明違約事實，通知違約方於收受通知後{days}日內改正；"
            "違約方屆期未改正者，他方得以書面通知終止本契約。",
            f"Under {clause.label['en']}, if a party breaches the Agreement the other may give written notice describing the "
            f"breach and requiring it to be remedied within {days} days after receipt; if it is not remedied in time, the "
            "other party may terminate the Agreement by written notice.",
        ),
        loc(f"違約事實：{reason}", f"The breach: {reason}"),
        loc(
            f"請貴公司於收受本函後{days}日內改正上述違約情事，並以書面告知本公司改正情形。改正期間{period.note['zh-TW']}；"
            f"本函於{got['zh-TW']}送達者，改正期間至{end['zh-TW']}屆滿。",
            f"Please remedy the breach within {days} days after receiving this letter and tell us in writing how you have "
            f"done so. The period is {period.note['en']}; if this letter reaches you on {got['en']}, it ends on {end['en']}.",
        ),
        loc(
            f"貴公司屆期未改正者，本公司得依本契約{clause.label['zh-TW']}以書面通知終止本契約，並保留依法令及本契約請求損害賠償之權利。",
            f"If the breach is not remedied in time, we may terminate the Agreement by written notice under "
            f"{clause.label['en']}, and we reserve our right to claim damages under the law and the Agreement.",
        ),
    )
    return Body(
        subject=loc(
            f"貴公司違反本契約，請於收受本函後{days}日內（至遲{end['zh-TW']}）改正；屆期未改正者，本公司得依本契約{clause.label['zh-TW']}終止本契約，請查照。",
            f"Notice of breach under {clause.label['en']}: remedy within {days} days of receipt (by {end['en']})",
        ),
        paragraphs=paragraphs,
        citations=(clause,),
        dates=(
            KeyDate("receipt", loc("本函送達日（電子郵件）", "This letter takes effect (email)"), ctx.receipt),
            KeyDate("cure_end", loc("改正期間屆滿日", "Cure period ends on"), period.end),
        ),
    )


def _breach_termination(ctx: NoticeContext, facts: Particulars) -> Body:
    clause = ctx.clause("termination_for_cause", "termination-for-breach")
    reason = _reason(facts, "termination for breach")
    if facts.cure_notice is None:
        raise NoticeRefused(
            f"a termination for breach follows a cure notice ({clause.label['en']}): give the date it was received "
            "with --cure-notice DATE (draft one with `notice cure`)"
        )
    days = ctx.deal.exit.cure_days
    period = days_after_receipt(ctx, next_business_day(facts.cure_notice), days)
    if ctx.receipt <= period.end:
        raise NoticeRefused(
            f"too early: the cure period of the notice of {facts.cure_notice.isoformat()} runs until "
            f"{period.end.isoformat()} ({clause.label['en']}: {days} days after receipt); a termination may be "
            f"received from {add_days(period.end, 1).isoformat()}"
        )
    post, post_cite = _post(ctx)
    sent, end = ctx.day(facts.cure_notice), ctx.day(period.end)
    paragraphs = (
        loc(f"違約事實：{reason}", f"The breach: {reason}"),
        loc(
            f"本公司已於{sent['zh-TW']}依本契約{clause.label['zh-TW']}以書面通知貴公司於收受後{days}日內改正，改正期間已於{end['zh-TW']}屆滿，"
            "貴公司迄未改正。",
            f"On {sent['en']} we required you in writing under {clause.label['en']} to remedy the breach within {days} days "
            f"after receipt; that period ended on {end['en']} and the breach has not been remedied.",
        ),
        loc(
            f"本公司爰依本契約{clause.label['zh-TW']}以本函通知貴公司終止本契約，本契約於本函送達時終止；本公司並保留依法令及本契約請求損害賠償之權利。",
            f"We therefore terminate the Agreement under {clause.label['en']} by this letter, with effect when it reaches "
            "you, and reserve our right to claim damages under the law and the Agreement.",
        ),
        *post,
    )
    return Body(
        subject=loc(
            f"貴公司違反本契約經通知屆期未改正，本公司依本契約{clause.label['zh-TW']}終止本契約，請查照。",
            f"Termination under {clause.label['en']} for a breach not remedied in time",
        ),
        paragraphs=paragraphs,
        citations=(clause, *post_cite),
        dates=(
            KeyDate("cure_end", loc("改正期間屆滿日", "Cure period ended on"), period.end),
            KeyDate("agreement_end", loc("契約終止日（本函送達時）", "Agreement ends on (on receipt)"), ctx.receipt),
        ),
    )


def _convenience(ctx: NoticeContext) -> Body:
    days = ctx.deal.exit.convenience_notice_days
    if days is None or not ctx.cite.has("termination_for_convenience"):
        raise NoticeRefused(
            "the agreement gives no right to terminate for convenience (no termination-for-convenience clause; "
            "exit.convenience_notice_days is not set): termination needs a ground the agreement gives, "
            "e.g. --ground breach after a cure notice"
        )
    clause = ctx.cite("termination_for_convenience")
    agency_floor = ctx.deal.agreement.type == "agency" and days < AGENCY_FLOOR_DAYS
    if agency_floor:
        ends = add_months(ctx.receipt, 3)
        span = loc("三個月", "3 months'")
    else:
        ends = add_days(ctx.receipt, days)
        span = loc(f"{days}日", f"{days} days'")
    post, post_cite = _post(ctx)
    got, end = ctx.day(ctx.receipt), ctx.day(ends)
    paragraphs = (
        loc(
            f"依本契約{clause.label['zh-TW']}約定，任一方得於{span['zh-TW']}前以書面通知他方終止本契約，無須附具理由。",
            f"Under {clause.label['en']}, either party may terminate the Agreement without stating reasons by giving the "
            f"other {span['en']} written notice.",
        ),
        loc(
            f"本公司爰依上開約定通知貴公司終止本契約。通知期間自本函送達之翌日起算；本函於{got['zh-TW']}送達者，本契約於{end['zh-TW']}終止。"
            "終止前雙方仍應依本契約履行。",
            f"We therefore give you notice terminating the Agreement. The notice period runs from the day after this "
            f"letter reaches you; if it reaches you on {got['en']}, the Agreement ends on {end['en']}. Until then both "
            "parties continue to perform it.",
        ),
        *post,
    )
    return Body(
        subject=loc(
            f"本公司依本契約{clause.label['zh-TW']}通知貴公司終止本契約，本契約於{end['zh-TW']}終止，請查照。",
            f"Notice of termination under {clause.label['en']}: the Agreement ends on {end['en']}",
        ),
        paragraphs=paragraphs,
        citations=(clause, *post_cite),
        dates=(KeyDate("agreement_end", loc("契約終止日", "Agreement ends on"), ends),),
    )


def _event(ctx: NoticeContext, facts: Particulars) -> Body:
    ground = facts.ground
    enabled = ctx.deal.exit.insolvency if ground == "insolvency" else ctx.deal.exit.change_of_control
    what = "insolvency" if ground == "insolvency" else "change of control"
    if not enabled or not ctx.cite.has("termination_other_events"):
        flag = "exit.insolvency" if ground == "insolvency" else "exit.change_of_control"
        raise NoticeRefused(f"the agreement gives no right to terminate for {what} ({flag} is false, no such clause)")
    clause = ctx.cite("termination_other_events")
    reason = _reason(facts, f"termination for {what}")
    post, post_cite = _post(ctx)
    event = loc("破產、重整、清算或其他無法繼續履行之情事", "insolvency") if ground == "insolvency" else loc(
        "未經本公司事前書面同意之控制權變動", "a change of control without our prior written consent"
    )
    paragraphs = (
        loc(f"事實：{reason}", f"The facts: {reason}"),
        loc(
            f"貴公司上開情事，屬本契約{clause.label['zh-TW']}所定{event['zh-TW']}，本公司得以書面通知立即終止本契約。"
            "本公司爰以本函通知貴公司終止本契約，本契約於本函送達時終止。",
            f"These facts are {event['en']} under {clause.label['en']}, which allows us to terminate the Agreement with "
            "immediate effect by written notice. We therefore terminate the Agreement by this letter, with effect when "
            "it reaches you.",
        ),
        *post,
    )
    return Body(
        subject=loc(
            f"本公司依本契約{clause.label['zh-TW']}通知貴公司立即終止本契約，請查照。",
            f"Termination with immediate effect under {clause.label['en']}",
        ),
        paragraphs=paragraphs,
        citations=(clause, *post_cite),
        dates=(KeyDate("agreement_end", loc("契約終止日（本函送達時）", "Agreement ends on (on receipt)"), ctx.receipt),),
    )


def termination(ctx: NoticeContext, facts: Particulars) -> Body:
    """終止通知 on the ground given (a KPI termination is in :mod:`rules_kpi`)."""
    in_force(ctx)
    if facts.ground == "convenience":
        return _convenience(ctx)
    if facts.ground == "breach":
        return _breach_termination(ctx, facts)
    if facts.ground in ("insolvency", "change-of-control"):
        return _event(ctx, facts)
    raise NoticeRefused("a termination notice needs its ground: --ground breach|convenience|kpi|insolvency|change-of-control")
