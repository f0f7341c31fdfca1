"""Deal + kind + particulars → :class:`Letter` (pure): the rule for the kind, then the common frame.

The frame is the same for every kind: 說明一 names the agreement, the kind's own paragraphs follow,
and the last paragraph says how the letter is served (the notices clause). A rule that finds no
basis for the notice, or finds it late, raises :class:`agreementkit.errors.NoticeRefused`.
"""

from __future__ import annotations

from agreementkit.lifecycle.notices import rules_breach, rules_kpi, rules_term
from agreementkit.lifecycle.notices.body import Body, Particulars
from agreementkit.lifecycle.notices.context import NoticeContext, delivery, opening, party_block
from agreementkit.lifecycle.notices.model import Letter, NoticeKind


def body_for(kind: NoticeKind, ctx: NoticeContext, facts: Particulars) -> Body:
    """The rule of ``kind``: its subject, paragraphs, citations and dates, or NoticeRefused."""
    if kind == "renewal":
        return rules_term.renewal(ctx)
    if kind == "non-renewal":
        return rules_term.non_renewal(ctx)
    if kind == "cure":
        return rules_breach.cure(ctx, facts)
    if kind == "improvement-plan":
        return rules_kpi.improvement_plan(ctx, facts)
    if facts.ground == "kpi":
        return rules_kpi.kpi_termination(ctx, facts)
    return rules_breach.termination(ctx, facts)


def reference(ctx: NoticeContext, kind: NoticeKind) -> str:
    """Our reference: agreement number, kind, date (AK-2027-001-cure-20270305)."""
    number = ctx.deal.agreement.number or "agreement"
    return f"{number}-{kind}-{ctx.date.strftime('%Y%m%d')}"


def build_letter(kind: NoticeKind, ctx: NoticeContext, facts: Particulars) -> Letter:
    """The whole letter of ``kind`` for the deal in ``ctx``."""
    body = body_for(kind, ctx, facts)
    sender = party_block(ctx.deal, ctx.sender_role, ctx.terms)
    addressee = party_block(ctx.deal, ctx.addressee_role, ctx.terms)
    notices = ctx.clause("notices", "notices")
    line, served = delivery(ctx, addressee, notices)
    citations = tuple({c.clause_id: c for c in (*body.citations, notices)}.values())
    return Letter(
        kind=kind,
        ground=facts.ground if kind == "termination" else None,
        mode=ctx.mode,
        date=ctx.date,
        date_text=ctx.day(ctx.date),
        reference=reference(ctx, kind),
        agreement_title=ctx.title,
        agreement_number=ctx.deal.agreement.number,
        sender=sender,
        addressee=addressee,
        delivery=line,
        subject=body.subject,
        paragraphs=(opening(ctx), *body.paragraphs, served),
        citations=citations,
        dates=body.dates,
    )
