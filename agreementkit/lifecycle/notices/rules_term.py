"""Renewal and non-renewal notices: when the renewal clause allows them, and by when.

The term and its deadlines come from :mod:`agreementkit.lifecycle.deadlines.term`; the wording
follows clause_library/term/renewal.yaml (automatic variant: "屆滿N日前…書面通知他方不續約";
by-agreement variant: "有意續約者，應於期間屆滿N日前以書面通知他方").
"""

from __future__ import annotations

from agreementkit.errors import NoticeRefused
from agreementkit.lifecycle.deadlines.calendar_math import add_days
from agreementkit.lifecycle.deadlines.term import (
    TermPeriod,
    automatic_renewal,
    current_term,
    non_renewal_deadline,
    renewal_notice_days,
    term_periods,
)
from agreementkit.lifecycle.notices.body import Body
from agreementkit.lifecycle.notices.context import NoticeContext, loc
from agreementkit.lifecycle.notices.model import KeyDate
from agreementkit.lifecycle.review.citations import Citation
from agreementkit.locale.formatting import months_text
from agreementkit.models.agreement import Localized


def term_in_question(ctx: NoticeContext) -> TermPeriod:
    """The term a notice dated :attr:`NoticeContext.date` concerns: the one in force (the first before it starts)."""
    first = term_periods(ctx.deal, until=ctx.deal.agreement.effective_date)[0]
    if ctx.receipt < first.start:
        return first
    period = current_term(ctx.deal, ctx.receipt)
    if period is None:
        last = term_periods(ctx.deal, until=ctx.receipt)[-1]
        raise NoticeRefused(
            f"on {ctx.receipt.isoformat()} the agreement is no longer in force: its last term ended on "
            f"{last.end.isoformat()}"
        )
    return period


def _term_name(period: TermPeriod) -> Localized:
    if period.index == 0:
        return loc("原始期間", "the Initial Term")
    return loc(f"第{period.index}次續約期間", f"renewal term {period.index}")


def _post_termination(ctx: NoticeContext) -> tuple[Localized, ...]:
    if not ctx.cite.has("post_termination"):
        return ()
    label = ctx.cite("post_termination").label
    return (loc(
        f"本契約屆期終止後，雙方應依本契約{label['zh-TW']}之約定辦理後續事項；屆期前雙方仍應依本契約履行。",
        f"When the Agreement ends, {label['en']} applies; until then both parties continue to perform it.",
    ),)  # fmt: skip


def non_renewal(ctx: NoticeContext) -> Body:
    """不續約通知: only for an automatic renewal, received by the clause's deadline."""
    clause = ctx.clause("renewal", "renewal")
    renewal = automatic_renewal(ctx.deal)
    period = term_in_question(ctx)
    if renewal is None:
        raise NoticeRefused(
            f"the agreement does not renew automatically ({clause.label['en']}): it ends on "
            f"{period.end.isoformat()} unless both parties sign a renewal, so there is nothing to give notice of non-renewal of"
        )
    deadline = non_renewal_deadline(ctx.deal, period)
    if deadline is None:
        raise NoticeRefused(
            f"the term ending {period.end.isoformat()} is the last renewal {clause.label['en']} allows "
            f"(at most {renewal.max_renewals}); the agreement ends then without notice"
        )
    days = renewal.non_renewal_notice_days
    if ctx.receipt > deadline:
        following = term_periods(ctx.deal, until=period.end + (period.end - period.start))
        nxt = next((p for p in following if p.index == period.index + 1), None)
        after = ""
        if nxt is not None:
            nxt_deadline = non_renewal_deadline(ctx.deal, nxt)
            after = f"; the agreement renews on {nxt.start.isoformat()} until {nxt.end.isoformat()}"
            if nxt_deadline is not None:
                after += f", and the next non-renewal deadline is {nxt_deadline.isoformat()}"
        raise NoticeRefused(
            f"too late: a non-renewal notice for the term ending {period.end.isoformat()} had to be received by "
            f"{deadline.isoformat()} ({clause.label['en']}: at least {days} days before the end of the term), "
            f"and this one would arrive on {ctx.receipt.isoformat()}{after}"
        )
    name = _term_name(period)
    end, dl = ctx.day(period.end), ctx.day(deadline)
    months = months_text(renewal.renewal_months, "zh-TW"), months_text(renewal.renewal_months, "en")
    paragraphs = (
        loc(
            f"依本契約{clause.label['zh-TW']}約定，原始期間或續約期間屆滿{days}日前，任一方未以書面通知他方不續約者，"
            f"本契約自動以相同條件續約{months[0]}；任一方通知不續約者，無須附具理由，本契約於當期期間屆滿時終止。",
            f"Under {clause.label['en']}, unless either party gives written notice of non-renewal at least {days} days "
            f"before the end of the Initial Term or a renewal term, the Agreement renews automatically for {months[1]}; "
            "a party giving notice of non-renewal need not state reasons, and the Agreement then ends at the end of the current term.",
        ),
        loc(
            f"本契約{name['zh-TW']}自{ctx.day(period.start)['zh-TW']}起至{end['zh-TW']}止，不續約通知應於{dl['zh-TW']}以前送達。"
            f"本公司爰以本函通知貴公司：本契約於{name['zh-TW']}屆滿後不再續約，並於{end['zh-TW']}屆期終止。",
            f"{name['en'][:1].upper()}{name['en'][1:]} runs from {ctx.day(period.start)['en']} to {end['en']}, and notice of "
            f"non-renewal must be received by {dl['en']}. We hereby give you notice that the Agreement will not be renewed "
            f"and will end on {end['en']}.",
        ),
        *_post_termination(ctx),
    )
    return Body(
        subject=loc(
            f"本公司依本契約{clause.label['zh-TW']}通知貴公司，本契約於{end['zh-TW']}期間屆滿後不再續約，請查照。",
            f"Notice of non-renewal under {clause.label['en']}: the Agreement ends on {end['en']}",
        ),
        paragraphs=paragraphs,
        citations=_cited(clause, ctx),
        dates=(
            KeyDate("notice_deadline", loc("不續約通知期限", "Non-renewal notice deadline"), deadline),
            KeyDate("agreement_end", loc("契約終止日", "Agreement ends on"), period.end),
        ),
    )


def _cited(clause: Citation, ctx: NoticeContext) -> tuple[Citation, ...]:
    out = [clause]
    if ctx.cite.has("post_termination"):
        out.append(ctx.cite("post_termination"))
    return tuple(out)


def renewal(ctx: NoticeContext) -> Body:
    """續約通知: only when the agreement does not renew by itself, received by the clause's deadline."""
    clause = ctx.clause("renewal", "renewal")
    if automatic_renewal(ctx.deal) is not None:
        raise NoticeRefused(
            f"the agreement renews automatically under {clause.label['en']} unless a party gives notice of "
            "non-renewal; the clause needs no renewal notice (use `notice non-renewal` to end it instead)"
        )
    period = term_in_question(ctx)
    days = renewal_notice_days(ctx.deal)
    deadline = add_days(period.end, -days)
    if ctx.receipt > deadline:
        raise NoticeRefused(
            f"too late: a notice of a wish to renew had to be received by {deadline.isoformat()} "
            f"({clause.label['en']}: at least {days} days before the term ends on {period.end.isoformat()}), "
            f"and this one would arrive on {ctx.receipt.isoformat()}"
        )
    end, dl = ctx.day(period.end), ctx.day(deadline)
    r = ctx.deal.term.renewal
    each_zh = f"，每次續約期間為{months_text(r.renewal_months, 'zh-TW')}" if r is not None else ""
    each_en = f", each renewal term being {months_text(r.renewal_months, 'en')}" if r is not None else ""
    paragraphs = (
        loc(
            f"依本契約{clause.label['zh-TW']}約定，本契約期間屆滿後不自動續約；任一方有意續約者，應於期間屆滿{days}日前以書面通知他方，"
            f"雙方應本於誠信協商續約條件，續約應以雙方簽署之書面為之{each_zh}。",
            f"Under {clause.label['en']}, the Agreement does not renew automatically; a party wishing to renew must notify "
            f"the other in writing at least {days} days before the end of the term, the parties then negotiate renewal "
            f"terms in good faith, and a renewal must be in writing signed by both{each_en}.",
        ),
        loc(
            f"本契約期間至{end['zh-TW']}屆滿，續約之通知應於{dl['zh-TW']}以前送達。本公司有意續約，爰以本函通知貴公司，"
            "並請貴公司與本公司聯繫，協商續約條件。",
            f"The term ends on {end['en']}, and notice of a wish to renew must be received by {dl['en']}. We wish to renew "
            "the Agreement and invite you to contact us to negotiate the renewal terms.",
        ),
        loc(
            f"雙方未於{end['zh-TW']}以前簽署續約書面者，本契約於期間屆滿時終止，任一方均不得因未續約而請求損害賠償或補償。",
            f"If no written renewal is signed by {end['en']}, the Agreement ends then, and neither party may claim damages "
            "or compensation because it was not renewed.",
        ),
    )
    return Body(
        subject=loc(
            f"本公司依本契約{clause.label['zh-TW']}通知貴公司有意於本契約期間屆滿後續約，並請協商續約條件，請查照。",
            f"Notice under {clause.label['en']} of our wish to renew the Agreement after its term ends on {end['en']}",
        ),
        paragraphs=paragraphs,
        citations=(clause,),
        dates=(
            KeyDate("notice_deadline", loc("續約通知期限", "Renewal notice deadline"), deadline),
            KeyDate("agreement_end", loc("期間屆滿日", "Term ends on"), period.end),
        ),
    )
