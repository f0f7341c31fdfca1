"""Deadlines for every deal of the drafting matrix (tests/matrix), with varied terms, and their invariants.

Each of the 168 deals gets a term varied by its index (month-end effective dates, 1- to 36-month
terms, no / by-agreement / automatic / capped renewal) so the arithmetic meets its edge cases.
The cited clause numbers are checked against the drafted agreement for a sample (assembling is
the slow part): 12 deals by default, all with MATRIX=full.
"""

from __future__ import annotations

import calendar as cal
import datetime as dt
import itertools
import os
from collections import defaultdict

import pytest
from icalendar import Calendar

from agreementkit.drafting.assemble import assemble
from agreementkit.library.loader import Library
from agreementkit.lifecycle.deadlines.calendar_math import is_business_day
from agreementkit.lifecycle.deadlines.compute import compute_deadlines
from agreementkit.lifecycle.deadlines.ical import calendar_bytes, event_uid
from agreementkit.lifecycle.deadlines.model import ACTION_KINDS, RECEIPT_KINDS, Deadline
from agreementkit.lifecycle.deadlines.sources import make_ref
from agreementkit.models.deal import Deal, Renewal
from tests.matrix.generate import Combination, combinations, sample, validated

WITHIN = 1500
ALL = combinations()
LABELLED = ALL if os.environ.get("MATRIX", "").strip().lower() == "full" else sample(12)


def varied(combo: Combination) -> Deal:
    """The combination's deal with a term chosen by its index."""
    deal = validated(combo)
    i = combo.index
    year, month = 2027 + i % 2, 1 + i % 12
    effective = dt.date(year, month, cal.monthrange(year, month)[1] - (i // 12) % 3)  # 29th–31st
    renewal = [
        None,
        Renewal(automatic=False, renewal_months=12, non_renewal_notice_days=60),
        Renewal(renewal_months=(1, 6, 12, 24)[i % 4], non_renewal_notice_days=(0, 30, 90, 120)[i % 4]),
        Renewal(renewal_months=12, non_renewal_notice_days=45, max_renewals=1 + i % 3),
    ][i % 4]
    agreement = deal.agreement.model_copy(update={"effective_date": effective, "signing_date": None})
    term = deal.term.model_copy(update={"initial_months": (1, 12, 13, 24, 36)[i % 5], "renewal": renewal})
    return deal.model_copy(update={"agreement": agreement, "term": term})


def deadlines_of(deal: Deal, labels: dict[str, dict[str, str]] | None = None) -> list[Deadline]:
    today = deal.agreement.effective_date - dt.timedelta(days=10)
    ref = make_ref(deal, f"{deal.agreement.number}.yaml")
    return compute_deadlines(deal, ref, labels or {}, today, WITHIN)  # type: ignore[arg-type]


def check_invariants(deal: Deal, found: list[Deadline]) -> None:
    today = deal.agreement.effective_date - dt.timedelta(days=10)
    horizon = today + dt.timedelta(days=WITHIN)
    assert found == sorted(found, key=lambda d: d.sort_key)
    assert all(today <= d.date <= horizon for d in found)
    by: dict[str, dict[str, dt.date]] = defaultdict(dict)
    for d in found:
        assert d.key not in by[d.kind], f"{d.kind} {d.key} twice"
        by[d.kind][d.key] = d.date
        # A business-day hint exactly when an action or receipt deadline falls on a non-business day.
        needs_hint = (d.kind in ACTION_KINDS or d.kind in RECEIPT_KINDS) and not is_business_day(d.date)
        assert (d.business_day is not None) == needs_hint
        if d.business_day is not None:
            assert is_business_day(d.business_day.suggested)
            assert (d.business_day.suggested < d.date) == (d.kind in RECEIPT_KINDS)
    renewal = deal.term.renewal
    for key, notice in by["non_renewal_notice"].items():
        assert renewal is not None and renewal.automatic
        assert notice >= deal.agreement.effective_date or renewal.non_renewal_notice_days > 0
        index = int(key.removeprefix("term-"))
        renews = by["renewal"].get(f"term-{index + 1}")
        if renews is not None:  # the term's last day is the day before the renewal
            assert (renews - notice).days == renewal.non_renewal_notice_days + 1
    for expiry in by["expiry"].values():
        assert all(n < expiry for n in by["non_renewal_notice"].values())
        assert all(r <= expiry for r in by["renewal_request"].values())
        assert all(r <= expiry for r in by["renewal"].values())
    if renewal is None or not renewal.automatic:
        assert not by["renewal"] and not by["non_renewal_notice"]
    review, ps = deal.performance_review, deal.profit_sharing
    for key, end in by["kpi_review_end"].items():
        assert (end + dt.timedelta(days=1)).day == 1  # a calendar period ends on a month end
        if key in by["scorecard_due"] and review is not None:
            assert (by["scorecard_due"][key] - end).days == review.report_days
    for key, statement in by["statement_due"].items():
        if key in by["payment_due"] and ps is not None:
            assert (by["payment_due"][key] - statement).days == ps.payment_days
    if review is None:
        assert not by["kpi_review_end"] and not by["scorecard_due"]
    if ps is None:
        assert not by["statement_due"] and not by["payment_due"]


def test_every_matrix_deal_has_consistent_deadlines() -> None:
    everything: list[Deadline] = []
    for combo in ALL:
        deal = varied(combo)
        found = deadlines_of(deal)
        assert found, combo.id  # every term has at least its end or renewal within four years
        check_invariants(deal, found)
        everything += found
    uids = [event_uid(d) for d in everything]
    assert len(set(uids)) == len(uids)
    # icalendar takes ~3 ms an event each way: the round trip is checked on the first ten deals' events.
    some = [d for d in everything if d.agreement.identity in {f"MX-2027-{c.index:03d}" for c in ALL[:10]}]
    assert len(some) > 50
    events = Calendar.from_ical(calendar_bytes(some, "en")).walk("VEVENT")
    assert sorted(str(e["UID"]) for e in events) == sorted(event_uid(d) for d in some)


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.open(None)


@pytest.mark.parametrize("combo", LABELLED, ids=lambda c: c.id)
def test_cited_clause_numbers_exist_in_the_drafted_agreement(combo: Combination, library: Library) -> None:
    deal = varied(combo)
    labels = {c.id: dict(c.label) for c in assemble(deal, library).clauses()}
    found = deadlines_of(deal, labels)
    check_invariants(deal, found)
    for d in found:
        assert d.citation.numbered, f"{d.kind} cites {d.citation.clause_id}, which the agreement lacks"
        assert d.citation.label == labels[d.citation.clause_id]
    kinds = {d.kind for d in found}
    assert kinds & {"expiry", "renewal"}  # the term always shows how it ends or renews


def test_varied_terms_cover_the_edge_cases() -> None:
    deals = [varied(c) for c in ALL]
    assert {d.agreement.effective_date.day for d in deals} >= {29, 30, 31}
    assert dt.date(2028, 2, 29) in {d.agreement.effective_date for d in deals}  # a leap day
    kinds = {
        None if d.term.renewal is None else (d.term.renewal.automatic, d.term.renewal.max_renewals is None)
        for d in deals
    }
    assert kinds == {None, (False, True), (True, True), (True, False)}
    assert list(itertools.islice((d for d in deals if d.term.initial_months == 1), 1))
