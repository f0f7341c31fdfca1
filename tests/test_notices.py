"""Notice letters: the dates they compute, the clauses they cite, and the notices they refuse.

Every expected date is worked out by hand in a comment from the clause's own counting rule
("within N days after receipt": the day of receipt is not counted, 民法第一百二十條第二項; a last
day that is a Sunday or holiday moves to the next working day, 第一百二十二條), and every expected
clause number is the one the drafted example agreement gives the clause.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from agreementkit.cli import main
from agreementkit.deal.load import load_deal
from agreementkit.errors import NoticeRefused
from agreementkit.lifecycle.notices.body import Particulars
from agreementkit.lifecycle.notices.context import NoticeContext
from agreementkit.lifecycle.notices.model import Letter, NoticeKind
from agreementkit.lifecycle.notices.review_input import load_review
from agreementkit.lifecycle.notices.service import NoticeRequest, compose
from agreementkit.lifecycle.review.citations import Citer
from agreementkit.lifecycle.review.service import clause_labels, contract_terms
from tests.conftest import BILINGUAL_ALLIANCE, EN_RESELLER, EXAMPLES, ZH_DISTRIBUTOR

ACTUALS = EXAMPLES / "distributor-zh-TW-actuals.csv"
BREACH = "貴公司自2027年2月起於經銷區域外之網路平台銷售本產品，違反網路銷售之約定。"


def letter(
    kind: NoticeKind, deal_path: Path, on: dt.date, facts: Particulars | None = None, **request: object
) -> Letter:
    deal = load_deal(deal_path)
    return compose(NoticeRequest(kind, deal_path, on, **request), deal, facts or Particulars())  # type: ignore[arg-type]


def text(value: Letter, lang: str = "zh-TW") -> str:
    return "\n".join([value.subject[lang], *(p[lang] for p in value.paragraphs)])  # type: ignore[index]


@pytest.fixture(scope="module")
def reviews(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The distributor's 2027-Q3 and 2027-Q4 review JSON, as `agreementkit review` writes them."""
    out = tmp_path_factory.mktemp("reviews")
    paths = {}
    for period in ("2027-Q3", "2027-Q4"):
        args = ["review", str(ZH_DISTRIBUTOR), "--actuals", str(ACTUALS), "--period", period,
                "--format", "json", "-o", str(out)]  # fmt: skip
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        paths[period] = out / f"distributor-zh-TW-{period}-review.json"
    return paths


def test_cure_notice_names_the_cure_period_end_and_cites_the_clause_that_sets_it() -> None:
    # The clause that sets the cure period is termination_for_cause; where the drafted agreement puts it:
    label = clause_labels(load_deal(ZH_DISTRIBUTOR))[0]["termination_for_cause"]
    assert label["zh-TW"] == "第十八條第一項"
    # Sent by email on Wednesday 2027-03-10, a business day: it arrives that day (notices clause).
    # 30 days after receipt, the day of receipt not counted: 11-31 March is 21 days, 1-9 April 9 more,
    # so the period ends on Friday 2027-04-09 (a working day) = 中華民國116年4月9日.
    cure = letter("cure", ZH_DISTRIBUTOR, dt.date(2027, 3, 10), Particulars(reason=BREACH))
    assert cure.key_date("cure_end") == dt.date(2027, 4, 9)
    body = text(cure)
    assert "中華民國116年4月9日" in body
    assert "第十八條第一項" in cure.subject["zh-TW"]
    assert "收受通知後30日內改正" in body  # what the clause says
    assert "自收受之翌日起算30日" in body  # how it counts
    assert BREACH in body
    assert [c.label["zh-TW"] for c in cure.citations] == ["第十八條第一項", "第二十一條第二項"]


def test_a_cure_period_ending_on_a_holiday_runs_to_the_next_working_day() -> None:
    # 2027-03-05 (Friday) + 30 days = Sunday 2027-04-04 (兒童節); 4-6 April are holidays too
    # (Children's Day observed, 清明節), so under 民法第一百二十二條 the period ends on Wednesday 2027-04-07.
    cure = letter("cure", ZH_DISTRIBUTOR, dt.date(2027, 3, 5), Particulars(reason=BREACH))
    assert cure.key_date("cure_end") == dt.date(2027, 4, 7)
    assert "民法第一百二十二條" in text(cure)


def test_the_letter_goes_to_the_notice_address_and_contact_by_the_clauses_method() -> None:
    cure = letter("cure", ZH_DISTRIBUTOR, dt.date(2027, 3, 10), Particulars(reason=BREACH))
    assert cure.addressee.name["zh-TW"] == "北辰通路股份有限公司"
    assert cure.addressee.address["zh-TW"] == "新北市板橋區文化路一段 100 號 12 樓"
    assert cure.addressee.attention == {"zh-TW": "張雅婷　採購經理", "en": "張雅婷, 採購經理"}
    # a breach notice sent by email must also go by registered mail (the notices clause, 第二十一條第二項)
    assert cure.delivery["zh-TW"] == "掛號郵件並以電子郵件（purchasing@beichen.example.tw）寄送"
    assert "第二十一條第二項" in cure.paragraphs[-1]["zh-TW"]
    assert cure.sender.representative["zh-TW"] == "董事長　林志明"


def test_non_renewal_on_the_deadline_is_drafted_and_names_the_end_of_the_term() -> None:
    # Initial term 2027-01-01 .. 2028-12-31 (24 months); notice at least 90 days before the end:
    # 2028-12-31 − 90 days = 2028-10-02 (31 days back to 11-30, 30 to 10-31, 29 more to 10-02).
    notice = letter("non-renewal", ZH_DISTRIBUTOR, dt.date(2028, 10, 2))
    assert notice.key_date("notice_deadline") == dt.date(2028, 10, 2)
    assert notice.key_date("agreement_end") == dt.date(2028, 12, 31)
    assert "中華民國117年12月31日" in notice.subject["zh-TW"]
    assert "第十七條第二項" in notice.subject["zh-TW"]


def test_a_late_non_renewal_notice_is_refused_with_the_deadline_it_missed() -> None:
    with pytest.raises(NoticeRefused) as refused:
        letter("non-renewal", ZH_DISTRIBUTOR, dt.date(2028, 10, 3))
    message = refused.value.message
    assert "had to be received by 2028-10-02" in message
    assert "Clause 17.2" in message
    # and it says what happens instead: the renewal term, and the next deadline (2029-12-31 − 90 days)
    assert "renews on 2029-01-01 until 2029-12-31" in message
    assert "next non-renewal deadline is 2029-10-02" in message
    assert refused.value.exit_code == 6


def test_termination_for_convenience_is_refused_when_the_deal_has_none(example_copy) -> None:  # type: ignore[no-untyped-def]
    deal = example_copy(ZH_DISTRIBUTOR, {"  convenience_notice_days: 180\n": ""})
    with pytest.raises(NoticeRefused, match="no right to terminate for convenience"):
        letter("termination", deal, dt.date(2027, 6, 1), Particulars(ground="convenience"))


def test_termination_for_convenience_gives_the_notice_period() -> None:
    # 180 days' notice received on Tuesday 2027-06-01: 30 days of June, 31+31+30+31+30 (Jul-Nov) = 183,
    # so 180 days end on 2027-11-28.
    notice = letter("termination", ZH_DISTRIBUTOR, dt.date(2027, 6, 1), Particulars(ground="convenience"))
    assert notice.key_date("agreement_end") == dt.date(2027, 11, 28)
    assert "第十八條第四項" in notice.subject["zh-TW"]


def test_renewal_notice_is_refused_when_renewal_is_automatic_and_drafted_when_it_is_not() -> None:
    with pytest.raises(NoticeRefused, match=r"renews automatically under Clause 17\.2"):
        letter("renewal", ZH_DISTRIBUTOR, dt.date(2027, 6, 1))
    # The reseller runs 36 months from 2027-03-01 to 2030-02-28 and does not renew by itself; a wish
    # to renew must be received 60 days before: 2030-02-28 − 60 days = 2029-12-30 (28 back to 01-31, 31 to 12-31, 1 more).
    notice = letter("renewal", EN_RESELLER, dt.date(2029, 12, 3))
    assert notice.key_date("agreement_end") == dt.date(2030, 2, 28)
    assert notice.key_date("notice_deadline") == dt.date(2029, 12, 30)
    assert "Clause 17.2" in notice.subject["en"]
    with pytest.raises(NoticeRefused, match="had to be received by 2029-12-30"):
        letter("renewal", EN_RESELLER, dt.date(2029, 12, 31))


def test_improvement_plan_notice_lists_the_misses_of_the_review(reviews: dict[str, Path]) -> None:
    facts = Particulars(review=load_review(reviews["2027-Q3"], load_deal(ZH_DISTRIBUTOR)))
    # The Q3 review is dated 2027-10-15 (period end + 15 report days). Notice on Friday 2027-10-15;
    # 30 days after receipt: 16-31 October 16 days, 1-14 November 14 → Sunday 2027-11-14, so the
    # plan is due on Monday 2027-11-15 (民法第一百二十二條).
    notice = letter("improvement-plan", ZH_DISTRIBUTOR, dt.date(2027, 10, 15), facts)
    assert notice.key_date("plan_due") == dt.date(2027, 11, 15)
    body = text(notice)
    assert "2027-Q3" in notice.subject["zh-TW"] and "第十條第三項" in notice.subject["zh-TW"]
    # the two KPIs the review found missed, with their figures; not the ones at risk
    assert "「季度銷售金額」：目標值 NT$3,500,000，最低門檻 NT$2,800,000，實績 NT$2,650,000" in body
    assert "「客戶滿意度」：目標值 4.5分，最低門檻 4分，實績 3.9分" in body
    assert "新增商用客戶數" not in body
    assert "79.00" in body


def test_kpi_termination_needs_the_misses_the_plan_and_gives_thirty_days(reviews: dict[str, Path]) -> None:
    deal = load_deal(ZH_DISTRIBUTOR)
    q3, q4 = load_review(reviews["2027-Q3"], deal), load_review(reviews["2027-Q4"], deal)
    plan = dt.date(2027, 10, 15)
    # one miss in a row: the review's own verdict says one more is needed
    with pytest.raises(NoticeRefused, match="1 more consecutive miss would meet the condition"):
        letter("termination", ZH_DISTRIBUTOR, dt.date(2027, 10, 20), Particulars(ground="kpi", review=q3, plan_notice=plan))
    # two in a row, but no improvement plan required first
    with pytest.raises(NoticeRefused, match="--plan-notice"):
        letter("termination", ZH_DISTRIBUTOR, dt.date(2028, 1, 17), Particulars(ground="kpi", review=q4))
    # a plan required on 2027-12-20 is due 2028-01-19, after the Q4 period it would rest on
    with pytest.raises(NoticeRefused, match="was due by 2028-01-19"):
        letter("termination", ZH_DISTRIBUTOR, dt.date(2028, 1, 17),
               Particulars(ground="kpi", review=q4, plan_notice=dt.date(2027, 12, 20)))  # fmt: skip
    # Monday 2028-01-17 + 30 days' notice: 14 days of January, 16 of February → 2028-02-16.
    notice = letter("termination", ZH_DISTRIBUTOR, dt.date(2028, 1, 17), Particulars(ground="kpi", review=q4, plan_notice=plan))
    assert notice.key_date("agreement_end") == dt.date(2028, 2, 16)
    body = text(notice)
    assert "第十八條第三項" in notice.subject["zh-TW"]
    assert "未達之期間：2027-Q3、2027-Q4" in body  # the periods the net-sales KPI missed


def test_termination_for_breach_waits_for_the_cure_period() -> None:
    facts = Particulars(ground="breach", reason=BREACH, cure_notice=dt.date(2027, 3, 10))
    with pytest.raises(NoticeRefused, match="runs until 2027-04-09"):
        letter("termination", ZH_DISTRIBUTOR, dt.date(2027, 4, 9), facts)
    notice = letter("termination", ZH_DISTRIBUTOR, dt.date(2027, 4, 12), facts)
    assert notice.key_date("cure_end") == dt.date(2027, 4, 9)
    assert notice.key_date("agreement_end") == dt.date(2027, 4, 12)


def test_english_and_bilingual_letters() -> None:
    # reseller: English; 2027-03-10 + 30 days → 2027-04-09, Clause 18.1 of the drafted reseller agreement
    en = letter("cure", EN_RESELLER, dt.date(2027, 3, 10), Particulars(reason="Sales outside the Territory."))
    assert en.mode == "en" and en.languages == ("en",)
    assert "Clause 18.1" in en.subject["en"] and "9 April 2027" in en.subject["en"]
    assert en.addressee.attention is not None and en.addressee.attention["en"] == "Mei Ling Tan, Commercial Manager"
    # alliance: bilingual, in force from 2027-04-01; Monday 2027-05-03 + 30 → Wednesday 2027-06-02
    both = letter("cure", BILINGUAL_ALLIANCE, dt.date(2027, 5, 3), Particulars(reason="未依約提供聯合行銷資源。"))
    assert both.languages == ("zh-TW", "en")
    assert both.key_date("cure_end") == dt.date(2027, 6, 2)
    assert "第十六條第一項" in both.subject["zh-TW"] and "Clause 16.1" in both.subject["en"]
    # the letter can be asked for in one language of a bilingual deal
    zh_only = letter("cure", BILINGUAL_ALLIANCE, dt.date(2027, 5, 3), Particulars(reason="x"), lang="zh-TW")
    assert zh_only.languages == ("zh-TW",)


def test_a_notice_before_the_agreement_is_in_force_is_refused() -> None:
    with pytest.raises(NoticeRefused, match="not yet in force"):
        letter("cure", BILINGUAL_ALLIANCE, dt.date(2027, 3, 10), Particulars(reason="x"))


@given(st.dates(min_value=dt.date(2027, 1, 1), max_value=dt.date(2028, 12, 1)), st.integers(min_value=1, max_value=120))
@settings(max_examples=200, deadline=None)
def test_days_after_receipt_leave_at_least_the_days_and_end_on_a_working_day(receipt: dt.date, days: int) -> None:
    from agreementkit.lifecycle.deadlines.calendar_math import is_business_day
    from agreementkit.lifecycle.notices.context import days_after_receipt

    ctx = _context()
    period = days_after_receipt(ctx, receipt, days)
    assert period.nominal - receipt == dt.timedelta(days=days)  # the day of receipt is not counted
    assert period.end >= period.nominal and is_business_day(period.end)
    # only rest days lie between the nominal last day and the one that replaces it
    day = period.nominal
    while day < period.end:
        assert not is_business_day(day)
        day += dt.timedelta(days=1)


@functools.cache
def _context() -> NoticeContext:
    deal = load_deal(ZH_DISTRIBUTOR)
    labels, terms, _ = contract_terms(deal)
    return NoticeContext(deal, Citer(labels), terms, {"zh-TW": "", "en": ""}, dt.date(2027, 3, 10), "supplier", "zh-TW")
