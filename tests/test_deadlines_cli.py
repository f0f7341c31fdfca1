"""`agreementkit due` and `agreementkit calendar` over the three registered examples.

The expected dates are computed by hand from the deal files (examples/*.yaml); the arithmetic is in
the comments. Today is fixed at 2028-06-01 and the window is 400 days: 2028-06-01 + 400 days =
2029-07-06 (June 1 → June 30 is 29 days, then Jul 31, Aug 31, Sep 30, Oct 31, Nov 30, Dec 31,
Jan 31, Feb 28, Mar 31, Apr 30, May 31, Jun 30 = 394 days, + 6 → July 6).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar

from agreementkit.cli import main
from agreementkit.deal.load import load_deal
from agreementkit.lifecycle.review.service import clause_labels
from tests.conftest import BILINGUAL_ALLIANCE, EN_RESELLER, EXAMPLES, ZH_DISTRIBUTOR

TODAY = "2028-06-01"
WINDOW = ("--within", "400d", "--today", TODAY)
DEALS = (ZH_DISTRIBUTOR, EN_RESELLER, BILINGUAL_ALLIANCE)

D = dt.date
EXPECTED: set[tuple[str, str, str, dt.date]] = {
    # AK-2027-001 (distributor-zh-TW.yaml): effective 2027-01-01, initial_months 24 → the initial
    # term ends 2028-12-31; renewal 12 months, non_renewal_notice_days 90.
    # Non-renewal: 2028-12-31 − 90 days (Dec 31 → Dec 1 is 30, → Nov 1 is 60, → Oct 2 is 90).
    ("AK-2027-001", "non_renewal_notice", "term-0", D(2028, 10, 2)),
    ("AK-2027-001", "renewal", "term-1", D(2029, 1, 1)),  # the day after 2028-12-31
    # (the first renewal term's own deadline, 2029-12-31 − 90 = 2029-10-02, is after 2029-07-06)
    # Quarterly reviews, report_days 15: period end + 15.
    ("AK-2027-001", "kpi_review_end", "2028-Q2", D(2028, 6, 30)),
    ("AK-2027-001", "scorecard_due", "2028-Q2", D(2028, 7, 15)),
    ("AK-2027-001", "kpi_review_end", "2028-Q3", D(2028, 9, 30)),
    ("AK-2027-001", "scorecard_due", "2028-Q3", D(2028, 10, 15)),
    ("AK-2027-001", "kpi_review_end", "2028-Q4", D(2028, 12, 31)),
    ("AK-2027-001", "scorecard_due", "2028-Q4", D(2029, 1, 15)),
    ("AK-2027-001", "kpi_review_end", "2029-Q1", D(2029, 3, 31)),
    ("AK-2027-001", "scorecard_due", "2029-Q1", D(2029, 4, 15)),
    ("AK-2027-001", "kpi_review_end", "2029-Q2", D(2029, 6, 30)),  # its scorecard, 07-15, is outside
    # Quarterly rebate: statement_days 15 after the quarter, payment_days 30 after the statement.
    ("AK-2027-001", "statement_due", "2028-Q2", D(2028, 7, 15)),
    ("AK-2027-001", "payment_due", "2028-Q2", D(2028, 8, 14)),  # Jul 15 + 16 = Jul 31, + 14 = Aug 14
    ("AK-2027-001", "statement_due", "2028-Q3", D(2028, 10, 15)),
    ("AK-2027-001", "payment_due", "2028-Q3", D(2028, 11, 14)),  # Oct 15 + 16 = Oct 31, + 14
    ("AK-2027-001", "statement_due", "2028-Q4", D(2029, 1, 15)),
    ("AK-2027-001", "payment_due", "2028-Q4", D(2029, 2, 14)),  # Jan 15 + 16 = Jan 31, + 14
    ("AK-2027-001", "statement_due", "2029-Q1", D(2029, 4, 15)),
    ("AK-2027-001", "payment_due", "2029-Q1", D(2029, 5, 15)),  # Apr 15 + 15 = Apr 30, + 15
    # RS-2027-014 (reseller-en.yaml): effective 2027-03-01 for 36 months → ends 2030-02-28,
    # automatic: false (no renewal; its renewal request, 2030-02-28 − 60 = 2029-12-30, is outside).
    # Half-yearly reviews, report_days 20; half-yearly rebate, statement_days 20, payment_days 30.
    ("RS-2027-014", "kpi_review_end", "2028-H1", D(2028, 6, 30)),
    ("RS-2027-014", "scorecard_due", "2028-H1", D(2028, 7, 20)),
    ("RS-2027-014", "kpi_review_end", "2028-H2", D(2028, 12, 31)),
    ("RS-2027-014", "scorecard_due", "2028-H2", D(2029, 1, 20)),
    ("RS-2027-014", "kpi_review_end", "2029-H1", D(2029, 6, 30)),
    ("RS-2027-014", "statement_due", "2028-H1", D(2028, 7, 20)),
    ("RS-2027-014", "payment_due", "2028-H1", D(2028, 8, 19)),  # Jul 20 + 11 = Jul 31, + 19
    ("RS-2027-014", "statement_due", "2028-H2", D(2029, 1, 20)),
    ("RS-2027-014", "payment_due", "2028-H2", D(2029, 2, 19)),  # Jan 20 + 11 = Jan 31, + 19
    # SA-2027-003 (alliance-bilingual.yaml): effective 2027-04-01 for 24 months → ends 2029-03-31;
    # renews 24 months, 90 days' notice: 2029-03-31 − 90 (Mar 31 → Feb 28 is 31, → Jan 31 is 59,
    # → Dec 31 is 90) = 2028-12-31.
    ("SA-2027-003", "non_renewal_notice", "term-0", D(2028, 12, 31)),
    ("SA-2027-003", "renewal", "term-1", D(2029, 4, 1)),
    # Quarterly reviews (the KPIs are set per quarter), report_days not given → 15 (the schema's
    # default); 2028-Q1's scorecard (Apr 15) is before today, 2029-Q2's (Jul 15) after the window.
    ("SA-2027-003", "kpi_review_end", "2028-Q2", D(2028, 6, 30)),
    ("SA-2027-003", "scorecard_due", "2028-Q2", D(2028, 7, 15)),
    ("SA-2027-003", "kpi_review_end", "2028-Q3", D(2028, 9, 30)),
    ("SA-2027-003", "scorecard_due", "2028-Q3", D(2028, 10, 15)),
    ("SA-2027-003", "kpi_review_end", "2028-Q4", D(2028, 12, 31)),
    ("SA-2027-003", "scorecard_due", "2028-Q4", D(2029, 1, 15)),
    ("SA-2027-003", "kpi_review_end", "2029-Q1", D(2029, 3, 31)),
    ("SA-2027-003", "scorecard_due", "2029-Q1", D(2029, 4, 15)),
    ("SA-2027-003", "kpi_review_end", "2029-Q2", D(2029, 6, 30)),
    # Quarterly revenue share, statement_days 15, payment_days 30 (same arithmetic as AK-2027-001).
    ("SA-2027-003", "statement_due", "2028-Q2", D(2028, 7, 15)),
    ("SA-2027-003", "payment_due", "2028-Q2", D(2028, 8, 14)),
    ("SA-2027-003", "statement_due", "2028-Q3", D(2028, 10, 15)),
    ("SA-2027-003", "payment_due", "2028-Q3", D(2028, 11, 14)),
    ("SA-2027-003", "statement_due", "2028-Q4", D(2029, 1, 15)),
    ("SA-2027-003", "payment_due", "2028-Q4", D(2029, 2, 14)),
    ("SA-2027-003", "statement_due", "2029-Q1", D(2029, 4, 15)),
    ("SA-2027-003", "payment_due", "2029-Q1", D(2029, 5, 15)),
}


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A register with the three examples, active."""
    url = str(tmp_path / "register.sqlite3")
    for deal in DEALS:
        result = cli("register", "--db", url, "add", str(deal), "--status", "active")
        assert result.exit_code == 0, result.output
    return url


def due_json(*args: str) -> dict[str, Any]:
    result = cli("due", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def found(data: dict[str, Any]) -> set[tuple[str, str, str, dt.date]]:
    return {
        (d["agreement"]["number"], d["kind"], d["key"], dt.date.fromisoformat(d["date"]))
        for d in data["deadlines"]
    }


def test_due_over_the_register_lists_the_hand_computed_dates(db: str) -> None:
    data = due_json("--db", db, *WINDOW)
    assert data["source"] == "register" and data["agreements"] == 3
    assert (data["today"], data["until"]) == (TODAY, "2029-07-06")
    assert found(data) == EXPECTED
    assert len(data["deadlines"]) == len(EXPECTED)  # no duplicates
    dates = [d["date"] for d in data["deadlines"]]
    assert dates == sorted(dates)


def test_deal_files_without_a_register_give_the_same_dates() -> None:
    assert found(due_json(*map(str, DEALS), *WINDOW)) == EXPECTED


def test_each_deadline_cites_the_drafted_agreements_clause_number() -> None:
    data = due_json(*map(str, DEALS), *WINDOW, "--lang", "en")
    labels = {deal.agreement.number: clause_labels(deal)[0] for deal in (load_deal(p) for p in DEALS)}
    expected_clause = {
        "non_renewal_notice": "renewal",
        "renewal": "renewal",
        "kpi_review_end": "performance_review",
        "scorecard_due": "performance_review",
        "statement_due": "statements_and_payment",
        "payment_due": "statements_and_payment",
    }
    for d in data["deadlines"]:
        clause = d["clause"]
        assert clause["id"] == expected_clause[d["kind"]]
        assert clause["numbered"] is True
        assert clause["label"] == labels[d["agreement"]["number"]][clause["id"]]["en"]


def test_business_day_hint_without_moving_the_date() -> None:
    data = due_json(str(BILINGUAL_ALLIANCE), *WINDOW, "--lang", "en")
    (notice,) = [d for d in data["deadlines"] if d["kind"] == "non_renewal_notice"]
    # 2028-01-01 is a Saturday and 2028 has 366 days, so 2028-12-31 is a Sunday: a notice must be
    # received by then; by email it should arrive by the business day before, Friday 2028-12-29.
    assert notice["date"] == "2028-12-31"
    assert notice["business_day"]["reason"] == "Sunday"
    assert notice["business_day"]["suggested"] == "2028-12-29"
    assert notice["business_day"]["direction"] == "previous"
    assert notice["business_day"]["moved"] is False
    (q3,) = [d for d in data["deadlines"] if d["kind"] == "statement_due" and d["key"] == "2028-Q3"]
    assert q3["date"] == "2028-10-15" and q3["business_day"]["suggested"] == "2028-10-16"  # Sunday → Monday


def test_table_writes_roc_dates_for_a_roc_deal_and_english_dates_in_english() -> None:
    zh = cli("due", str(ZH_DISTRIBUTOR), *WINDOW)
    assert zh.exit_code == 0, zh.output
    assert "中華民國117年10月2日" in zh.stdout  # the non-renewal deadline, 2028-10-02 = 民國117年
    assert "不續約通知期限" in zh.stdout and "第十七條第二項" in zh.stdout
    en = cli("due", str(EN_RESELLER), *WINDOW)  # an English deal: English by default
    assert "20 July 2028" in en.stdout and "Scorecard due" in en.stdout
    assert "9 deadline(s) 2028-06-01 … 2029-07-06, 1 agreement(s)" in en.stdout


def test_partner_filter(db: str) -> None:
    data = due_json("--db", db, *WINDOW, "--partner", "straits")
    assert {d["agreement"]["number"] for d in data["deadlines"]} == {"RS-2027-014"}


def test_event_started_periods() -> None:
    # Cure notice received 2028-06-10, cure_days 30: June 10 + 20 = June 30, + 10 = July 10.
    # Improvement-plan notice the same day, improvement_plan_days 30: also 2028-07-10.
    data = due_json(
        str(ZH_DISTRIBUTOR), *WINDOW, "--cure-notice", "2028-06-10", "--plan-notice", "2028-06-10"
    )
    by_kind = {
        d["kind"]: d for d in data["deadlines"] if d["kind"] in ("cure_period_end", "improvement_plan_due")
    }
    assert by_kind["cure_period_end"]["date"] == "2028-07-10"
    assert by_kind["cure_period_end"]["clause"]["id"] == "termination_for_cause"
    assert by_kind["improvement_plan_due"]["date"] == "2028-07-10"
    assert by_kind["improvement_plan_due"]["clause"]["id"] == "improvement_plan"


def test_an_expiring_agreement_lists_expiry_and_renewal_request() -> None:
    # reseller-en.yaml ends 2030-02-28 (36 months from 2027-03-01) and does not renew by itself;
    # a party wishing to renew must say so 60 days before: Feb 28 → Jan 31 is 28, → Dec 31 is 59,
    # → Dec 30 is 60.
    data = due_json(str(EN_RESELLER), "--today", "2029-12-01", "--within", "120d")
    days = {d["kind"]: d["date"] for d in data["deadlines"] if d["kind"] in ("expiry", "renewal_request")}
    assert days == {"expiry": "2030-02-28", "renewal_request": "2029-12-30"}


def read_events(path: Path) -> dict[str, Any]:
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_calendar_reads_back_with_the_same_events_and_same_uids_on_rerun(db: str, tmp_path: Path) -> None:
    out = tmp_path / "dates.ics"
    result = cli("calendar", "--db", db, *WINDOW, "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    events = read_events(out)
    assert len(events) == len(EXPECTED)
    data = due_json("--db", db, *WINDOW, "--lang", "en")
    by_summary = {(e["SUMMARY"], e.decoded("DTSTART")) for e in events.values()}
    assert by_summary == {
        (
            f"{d['kind_name']} — {d['agreement']['number']} {d['agreement']['partner']}",
            dt.date.fromisoformat(d["date"]),
        )
        for d in data["deadlines"]
    }
    for event in events.values():
        start = event.decoded("DTSTART")
        assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)  # all-day
        assert event.decoded("DTEND") == start + dt.timedelta(days=1)
        triggers = sorted(a.decoded("TRIGGER") for a in event.walk("VALARM"))
        assert triggers == [dt.timedelta(days=-30), dt.timedelta(days=-7)]
    first = out.read_bytes()
    again = cli("calendar", "--db", db, *WINDOW, "-o", str(out), "--lang", "en", "--force")
    assert again.exit_code == 0, again.output
    assert out.read_bytes() == first  # same inputs, same bytes: DTSTAMP comes from the deal, not the clock
    # A later window keeps the UIDs of the deadlines both windows hold.
    later = tmp_path / "later.ics"
    cli("calendar", "--db", db, "--within", "400d", "--today", "2028-09-01", "-o", str(later), "--lang", "en")
    shared = set(read_events(later)) & set(events)
    assert shared and all(
        read_events(later)[u].decoded("DTSTART") == events[u].decoded("DTSTART") for u in shared
    )


def test_an_amendment_moves_the_event_under_the_same_uid(tmp_path: Path) -> None:
    v1, v2 = tmp_path / "v1.ics", tmp_path / "v2.ics"
    cli("calendar", str(ZH_DISTRIBUTOR), *WINDOW, "-o", str(v1))
    cli("calendar", str(EXAMPLES / "distributor-zh-TW-v2.yaml"), *WINDOW, "-o", str(v2))

    def notice(path: Path) -> tuple[str, dt.date, int]:
        ((uid, event),) = [
            (u, e) for u, e in read_events(path).items() if u.startswith("non_renewal_notice-")
        ]
        return uid, event.decoded("DTSTART"), int(event["SEQUENCE"])

    uid1, day1, seq1 = notice(v1)
    uid2, day2, seq2 = notice(v2)
    # v2 (amendment 1) gives 120 days' notice: 2028-12-31 − 120 (→ Dec 1 30, → Nov 1 60, → Oct 1 91,
    # → Sep 2 120) = 2028-09-02, under the same UID and a higher SEQUENCE so calendars update it.
    assert (uid1, day1, seq1) == (uid2, D(2028, 10, 2), 0)
    assert (day2, seq2) == (D(2028, 9, 2), 1)


def test_calendar_does_not_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "dates.ics"
    out.write_text("mine", encoding="utf-8")
    result = cli("calendar", str(ZH_DISTRIBUTOR), *WINDOW, "-o", str(out))
    assert result.exit_code == 4
    assert "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("args", "exit_code", "words"),
    [
        (("due", str(ZH_DISTRIBUTOR), "--within", "ninety"), 2, "--within: 'ninety' is not a span of days"),
        (("due", str(ZH_DISTRIBUTOR), "--within", "99999d"), 2, "more than 3660 days"),
        (("due", "no/such/deal.yaml"), 2, "no/such/deal.yaml"),
        (("due", str(ZH_DISTRIBUTOR), "--today", "2028-13-01"), 2, "--today"),
        (("calendar", str(ZH_DISTRIBUTOR), "--today", "tomorrow"), 2, "--today"),
        (("due", str(ZH_DISTRIBUTOR), str(EN_RESELLER), "--cure-notice", "2028-06-10"), 2, "one agreement"),
        (("due", "--db", "postgresql+nosuchdriver://x/y"), 10, ""),
    ],
)
def test_bad_input_is_one_readable_message_and_an_exit_code(
    args: tuple[str, ...], exit_code: int, words: str
) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == exit_code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert words in result.stderr
    assert result.stdout == ""


def test_a_signed_amendment_replaces_the_original_and_ended_agreements_drop_out(db: str) -> None:
    v2 = EXAMPLES / "distributor-zh-TW-v2.yaml"
    added = cli("register", "--db", db, "add", str(v2), "--amends", "1", "--status", "signed")
    assert added.exit_code == 0, added.output
    data = due_json("--db", db, *WINDOW)
    notices = {(d["agreement"]["register_id"], d["date"]) for d in data["deadlines"] if d["key"] == "term-0"}
    # Agreement 1 (90 days) is superseded by agreement 4 (120 days: 2028-12-31 − 120 = 2028-09-02);
    # the alliance (agreement 3) keeps its 2028-12-31.
    assert notices == {(4, "2028-09-02"), (3, "2028-12-31")}
    ended = cli("register", "--db", db, "set-status", "3", "terminated", "--note", "ended by agreement")
    assert ended.exit_code == 0, ended.output
    numbers = {d["agreement"]["number"] for d in due_json("--db", db, *WINDOW)["deadlines"]}
    assert numbers == {"AK-2027-001", "RS-2027-014"}
