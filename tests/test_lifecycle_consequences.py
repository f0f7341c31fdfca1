"""Consequences state no more than the agreement grants: the remaining procedure, each step cited.

Issue 10 item 4: the 2027-Q4 report said 甲方「依第十八條第三項取得終止權」 and quoted 18.1's cure period,
though 18.3 first requires an improvement plan, a miss after its period and 30 days' notice.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from agreementkit.deal.load import load_deal
from agreementkit.drafting.assemble import assemble
from agreementkit.library.loader import Library
from agreementkit.lifecycle.review.actuals import load_actuals
from agreementkit.lifecycle.review.documents import review_document, statement_document
from agreementkit.lifecycle.review.model import Review
from agreementkit.lifecycle.review.periods import parse_period
from agreementkit.lifecycle.review.service import compute_review, contract_terms
from agreementkit.locale.numerals import chinese_number
from agreementkit.models.agreement import Paragraph

ROOT = Path(__file__).resolve().parent.parent
DEAL = ROOT / "examples" / "distributor-zh-TW.yaml"
RESELLER = ROOT / "examples" / "reseller-en.yaml"
ACTUALS = ROOT / "examples" / "distributor-zh-TW-actuals.csv"


def variant(tmp_path: Path, base: Path, edit: Callable[[Any], None], name: str = "deal.yaml") -> Path:
    """A copy of ``base`` with ``edit`` applied to its YAML mapping."""
    yaml = YAML()
    data = yaml.load(base.read_text(encoding="utf-8"))
    edit(data)
    out = tmp_path / name
    buf = io.StringIO()
    yaml.dump(data, buf)
    out.write_text(buf.getvalue(), encoding="utf-8")
    return out


def review_for(deal_path: Path, actuals_path: Path, period: str) -> Review:
    deal = load_deal(deal_path)
    labels, terms, note = contract_terms(deal)
    assert note is None, note
    return compute_review(deal, load_actuals(actuals_path, deal), parse_period(period), labels, terms=terms)


def clause_texts(deal_path: Path) -> dict[str, str]:
    """Clause id → its drafted zh-TW text (what the review must not contradict)."""
    agreement = assemble(load_deal(deal_path), Library.open(None))
    out = {}
    for clause in agreement.clauses():
        parts = []
        for block in clause.blocks:
            if isinstance(block, Paragraph):
                parts.append(
                    "".join(getattr(i, "text", None) or i.label["zh-TW"] for i in block.content["zh-TW"])
                )
        out[clause.id] = "".join(parts)
    return out


def all_texts(review: Review) -> str:
    parts = []
    for c in review.consequences:
        parts += [c.text["zh-TW"], c.text["en"]] + [
            t for s in c.steps for t in (s.text["zh-TW"], s.text["en"])
        ]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def q4() -> Review:
    return review_for(DEAL, ACTUALS, "2027-Q4")


def test_q4_states_the_procedure_not_an_acquired_right(q4: Review) -> None:
    right = next(c for c in q4.consequences if c.kind == "termination_right")
    assert "取得終止權" not in right.text["zh-TW"] and "now has the right" not in right.text["en"]
    assert "尚不得逕行終止" in right.text["zh-TW"]
    cited = [s.citation.clause_id for s in right.steps]
    assert cited[0] == "performance_review" and cited[1] == "improvement_plan"
    assert cited.index("termination_for_kpi_failure") > cited.index("improvement_plan")
    assert "notices" in cited and "post_termination" in cited
    assert all(s.citation.numbered for s in right.steps)
    termination = next(s for s in right.steps if s.citation.clause_id == "termination_for_kpi_failure")
    assert (
        "改善計畫所定執行期間屆滿後" in termination.text["zh-TW"]
        and "30日前之書面通知" in termination.text["zh-TW"]
    )


def test_q4_does_not_borrow_the_breach_cure_period(q4: Review) -> None:
    """18.1's 30-day cure is for breaches; a KPI miss under 18.3 has no cure notice."""
    assert not any(c.citation.clause_id == "termination_for_cause" for c in q4.consequences)
    assert not any(s.citation.clause_id == "termination_for_cause" for c in q4.consequences for s in c.steps)
    assert "催告" not in all_texts(q4) and "notice to cure" not in all_texts(q4)


@pytest.mark.parametrize("period", ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"])
def test_every_cited_clause_exists_and_says_what_the_step_relies_on(period: str) -> None:
    review = review_for(DEAL, ACTUALS, period)
    texts = clause_texts(DEAL)
    for c in review.consequences:
        for cite in (c.citation, *(s.citation for s in c.steps)):
            assert cite.numbered and cite.clause_id in texts, (c.kind, cite.clause_id)
    plan_days = review.deal.performance_review.improvement_plan_days  # type: ignore[union-attr]
    wording = {  # what a step states → what the cited clause must say
        "improvement_plan": [f"收受通知後{chinese_number(plan_days)}日內", "不計入未達成之期間"],
        "termination_for_kpi_failure": ["三十日前之書面通知", "改善計畫所定執行期間屆滿後"],
        "performance_review": ["十日內", "十五日內"],
        "notices": ["掛號郵件"],
        "statements_and_payment": ["十五日內", "視為確認"],
        "minimum_commitment": ["六十日內", "視為不行使"],
        "market_development_fund": ["六十日內", "不再累積"],
    }
    used = {
        cite.clause_id for c in review.consequences for cite in (c.citation, *(s.citation for s in c.steps))
    }
    for clause_id in used & wording.keys():
        for phrase in wording[clause_id]:
            assert phrase in texts[clause_id], (clause_id, phrase)


def test_q3_warning_names_the_procedure_that_would_still_apply() -> None:
    q3 = review_for(DEAL, ACTUALS, "2027-Q3")
    warning = next(c for c in q3.consequences if c.kind == "termination_warning")
    assert "將依" not in warning.text["zh-TW"] and "改善計畫" in warning.text["zh-TW"]
    assert "first miss in a row" in warning.text["en"]


def test_any_kpi_variant_counts_misses_of_different_kpis(tmp_path: Path) -> None:
    """No KPI carries a termination right: the clause's any_kpi variant counts any miss per period."""

    def edit(data: Any) -> None:
        for kpi in data["kpis"]:
            kpi["consequence"] = "improvement_plan"

    deal = variant(tmp_path, DEAL, edit)
    assert "任一關鍵績效指標" not in clause_texts(deal)["termination_for_kpi_failure"]
    q4 = review_for(deal, ACTUALS, "2027-Q4")
    right = next(c for c in q4.consequences if c.kind == "termination_right")
    assert "已連續2季" in right.text["zh-TW"] and len(right.kpi_ids) == 3


def test_termination_kpi_without_termination_clause_is_not_a_right(tmp_path: Path) -> None:
    deal = variant(tmp_path, DEAL, lambda d: d["exit"].pop("kpi_failure_periods"))
    assert "termination_for_kpi_failure" not in clause_texts(deal)
    q4 = review_for(deal, ACTUALS, "2027-Q4")
    assert not q4.termination_right
    warning = next(c for c in q4.consequences if c.kind == "termination_warning")
    assert "未訂未達績效之終止條款" in warning.text["zh-TW"]


SHORT_YEAR = """period,type,item,value,note
2027-Q1,kpi,net_sales,3620000,
2027-Q1,net_purchases,A,1000000,
2027-Q2,net_purchases,A,1000000,
2027-Q3,net_purchases,A,1000000,
2027-Q4,kpi,net_sales,3620000,
2027-Q4,net_purchases,A,1000000,
"""


@pytest.mark.parametrize(
    ("consequence", "phrases", "lapse"),
    [
        ("loss_of_exclusivity", ["變更為非獨家", "2028年2月29日"], True),
        ("termination_right", ["30日內補足差額", "始得以書面通知終止"], True),
        ("tier_change", ["較低級別", "回復"], False),
        ("none", ["會商", "不構成乙方之違約"], False),
    ],
)
def test_minimum_commitment_shortfall_per_variant(
    tmp_path: Path, consequence: str, phrases: list[str], lapse: bool
) -> None:
    deal = variant(
        tmp_path,
        DEAL,
        lambda d: d["appointment"]["minimum_commitment"].__setitem__("consequence", consequence),
    )
    actuals = tmp_path / "a.csv"
    actuals.write_text(SHORT_YEAR, encoding="utf-8")
    review = review_for(deal, actuals, "2027-Q4")
    mc = next(c for c in review.consequences if c.kind == "minimum_commitment")
    text = mc.text["zh-TW"] + "".join(s.text["zh-TW"] for s in mc.steps)
    for phrase in phrases:
        assert phrase in text, phrase
    assert ("視為就該期間不行使" in text) is lapse
    assert "差額 NT$8,000,000" in mc.text["zh-TW"]
    drafted = clause_texts(deal)["minimum_commitment"]
    assert ("視為" in drafted and "不行使" in drafted) is lapse


def test_minimum_commitment_is_pro_rated_when_the_agreement_starts_mid_year(tmp_path: Path) -> None:
    deal = variant(tmp_path, DEAL, lambda d: d["agreement"].__setitem__("effective_date", "2027-07-01"))
    actuals = tmp_path / "a.csv"
    actuals.write_text(SHORT_YEAR.replace("2027-Q1,", "2027-Q3,", 1).replace("2027-Q1,net_purchases,A", "2027-Q3,net_purchases,B")
                       .replace("2027-Q2,net_purchases,A", "2027-Q4,net_purchases,B2"), encoding="utf-8")  # fmt: skip
    review = review_for(deal, actuals, "2027-Q4")
    mc = next(c for c in review.consequences if c.kind == "minimum_commitment")
    due = Decimal(12_000_000) * 184 / 365  # 1 July – 31 December
    assert (
        f"最低承諾額 NT${due.quantize(Decimal(1)):,}" in mc.text["zh-TW"]
        and "按實際日數比例" in mc.text["zh-TW"]
    )


def test_loss_of_exclusivity_kpi_on_a_non_exclusive_appointment(tmp_path: Path) -> None:
    def edit(data: Any) -> None:
        data["appointment"]["exclusivity"] = "non_exclusive"
        data["appointment"].pop("minimum_commitment")
        data["kpis"][1]["consequence"] = "loss_of_exclusivity"

    review = review_for(variant(tmp_path, DEAL, edit), ACTUALS, "2027-Q4")
    effect = next(c for c in review.consequences if c.kind == "loss_of_exclusivity")
    assert effect.severity == "info" and "無從適用" in effect.text["zh-TW"]
    assert effect.citation.clause_id == "kpi_schedule"


RESELLER_ACTUALS = """period,type,item,value,note
2027-H1,kpi,net_sales,80000,
2027-H1,kpi,certified_staff,3,
2027-H1,kpi,csat,8.0,
2027-H1,net_sales,INV-1,80000,
"""


@pytest.mark.parametrize(
    ("base", "edit", "zh", "en"),
    [
        (DEAL, None, "經銷商", "Distributor"),
        (RESELLER, None, "轉售商", "Reseller"),
        (DEAL, lambda d: d["agreement"].__setitem__("type", "agency"), "代理商", "Agent"),
    ],
)
def test_documents_call_the_partner_what_the_agreement_does(
    tmp_path: Path, base: Path, edit: Callable[[Any], None] | None, zh: str, en: str
) -> None:
    deal = variant(tmp_path, base, edit) if edit else base
    actuals = ACTUALS
    period = "2027-Q4"
    if base == RESELLER:
        actuals = tmp_path / "r.csv"
        actuals.write_text(RESELLER_ACTUALS, encoding="utf-8")
        period = "2027-H1"
    review = review_for(deal, actuals, period)
    for mode in ("zh-TW", "en", "bilingual"):
        docs = [review_document(review, mode), statement_document(review, mode)]  # type: ignore[arg-type]
        text = "\n".join(t for d in docs for t in d.texts())
        assert "通路夥伴" not in text and "Partner KPI" not in text and "the partner" not in text
        if mode != "en":
            assert f"乙方（{zh}）" in text and f"{zh}績效評估報告" in text
        if mode != "zh-TW":
            assert f"{en} KPI Review Report" in text
    assert f"the {en}" in all_texts(review)
