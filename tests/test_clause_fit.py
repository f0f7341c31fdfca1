"""Every clause and variant appears only where it fits the agreement type and the deal.

Each deal is drafted from an example (the bilingual alliance, so both languages have text) with its
type and the blocks that type needs changed, then read back from the assembled Agreement: the tests
look at the text a lawyer would read, not at which clause ids were chosen.

Facts tested (see the derived properties on ``Deal``): a partner holds stock only as a distributor or
reseller of physical goods; only a distributor or reseller buys the Products; a referral partner, an
alliance partner and an agent without authority to conclude never sell them.
"""

from __future__ import annotations

import copy
import functools
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from agreementkit.deal.yamlio import load_yaml
from agreementkit.drafting.assemble import assemble
from agreementkit.library.loader import Library
from agreementkit.models.agreement import Agreement, Paragraph, Ref, Span
from agreementkit.models.common import Lang
from agreementkit.models.deal import Deal

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LIB = Library.open()
TYPES = ("distributor", "reseller", "referral", "agency", "strategic_alliance")
KINDS = ("goods", "software", "services")
LANGS: tuple[Lang, ...] = ("zh-TW", "en")
BASE: dict[str, Any] = load_yaml(EXAMPLES / "alliance-bilingual.yaml", "deal file").data
KPIS: list[dict[str, Any]] = BASE["kpis"]


def deal_data(agreement_type: str, kinds: tuple[str, ...] = ("goods",), **overrides: Any) -> dict[str, Any]:
    """A deal of ``agreement_type`` whose products have ``kinds``, with every stock-related option on.

    Sell-off days, buy-back, demo units, site visits, sub-partners, online sales, a minimum commitment
    measured in purchases and credit-note payment are all switched on, so that any clause that
    ignores the type or the kind of product shows itself in the text.
    """
    data = copy.deepcopy(BASE)
    data["agreement"]["type"] = agreement_type
    data["products"] = [
        {"name": {"zh-TW": f"產品{i}", "en": f"Product {i}"}, "code": f"P{i}", "list_price": 1000}
        | ({} if kind == "goods" else {"kind": kind})  # goods is the default
        for i, kind in enumerate(kinds, start=1)
    ]
    data["territory"]["online_sales"] = "allowed"
    data["territory"]["reserved_customers"] = {"zh-TW": "政府機關", "en": "government agencies"}
    data["appointment"] = {
        "exclusivity": "exclusive",
        "sub_partners_allowed": True,
        "non_compete": True,
        "minimum_commitment": {"amount": 1000000, "period": "year", "measure": "purchases"},
    }
    data["support"] = {"training_hours_per_year": 10, "demo_units": True, "support_response_hours": 8}
    data["performance_review"]["methods"] = ["data_analysis", "review_meeting", "site_visit"]
    data["performance_review"]["incentive"] = {"score_at_least": 110, "bonus_rate": 1}
    data["kpis"] = copy.deepcopy(KPIS)
    data["exit"]["kpi_failure_periods"] = 2
    data["exit"]["post_termination"] = {"inventory_buyback": True, "sell_off_days": 60}
    ps = data["profit_sharing"]
    ps.update(payment_form="credit_note", market_development_fund={"percent": 1})
    if agreement_type in ("distributor", "reseller"):
        data["pricing"] = {"basis": "discount_off_list", "discount_percent": 20, "delivery_terms": "FCA Hsinchu"}
        ps.update(kind="rebate", basis="net_purchases")
    elif agreement_type == "agency":
        # A deal as a new user might fill it in: a purchase price and a purchases commitment for an
        # agent, who buys nothing. The draft must not repeat those contradictions.
        data["pricing"] = {"basis": "discount_off_list", "discount_percent": 20}
        ps.update(kind="commission", basis="net_sales")
    else:
        data["appointment"].pop("minimum_commitment")
        data["appointment"]["exclusivity"] = "non_exclusive"
        ps.update(kind="commission" if agreement_type == "referral" else "revenue_share", basis="net_revenue")
    for key, value in overrides.items():
        section, _, field = key.partition("__")
        data[section][field] = value
    return data


def draft(data: dict[str, Any], langs: tuple[Lang, ...] = LANGS) -> tuple[Deal, Agreement]:
    """Validate and assemble ``data``."""
    deal = Deal.model_validate(data)
    return deal, assemble(deal, LIB, langs)


def paragraph_text(block: Paragraph, lang: Lang) -> str:
    """A paragraph as read: cross-references as their labels."""
    return "".join(i.text if isinstance(i, Span) else i.label[lang] for i in block.content[lang])


def paragraphs(agreement: Agreement, lang: Lang) -> list[tuple[str, str]]:
    """(clause id, paragraph text) for the preamble and every clause paragraph."""
    out = [("preamble", paragraph_text(p, lang)) for p in agreement.preamble]
    for clause in agreement.clauses():
        out += [(clause.id, paragraph_text(b, lang)) for b in clause.blocks if isinstance(b, Paragraph)]
    return out


def full_text(agreement: Agreement, lang: Lang) -> str:
    return "\n".join(text for _, text in paragraphs(agreement, lang))


def sentences(agreement: Agreement, lang: Lang) -> list[tuple[str, str]]:
    """(clause id, sentence or clause of a sentence) split at full stops and semicolons."""
    splitter = re.compile(r"[。；]" if lang == "zh-TW" else r"(?<=[.;])\s+")
    return [(cid, s.strip()) for cid, text in paragraphs(agreement, lang) for s in splitter.split(text) if s.strip()]


STOCK_WORDS: dict[Lang, re.Pattern[str]] = {
    "zh-TW": re.compile(r"庫存|存貨|倉儲|倉庫|出清|庫齡"),
    "en": re.compile(r"(?i)\binventor(?:y|ies)\b|\bstocks?\b|\bsell[- ]off\b|\bwarehouses?\b"),
}
GOODS_WORDS: dict[Lang, re.Pattern[str]] = {
    "zh-TW": re.compile(r"展示機|材料或製造瑕疵|製造瑕疵|危險負擔|交貨地點|商品檢驗|召回|維修零件|安裝、維修"),
    "en": re.compile(
        r"(?i)demonstration units|materials or workmanship|manufacturing defect|\brisk in\b|place of delivery"
        r"|product inspection|\brecall\b|spare parts|installation, repair"
    ),
}
BUYER_WORDS: dict[Lang, re.Pattern[str]] = {
    "zh-TW": re.compile(r"乙方向甲方購買本產品之價格|淨進貨額|銷貨折讓|貨款|訂單與供貨|調整交期及供貨安排"),
    "en": re.compile(
        r"(?i)price the \w+(?: \w+)? pays|Net Purchases|sales allowance|owes for the Products|orders and supply"
        r"|delivery and supply arrangements"
    ),
}
JARGON = re.compile(r"具體、可衡量|可衡量|可達成|\bSMART\b|(?i:\bmeasurable\b|time-bound)")
PARTNER_SELLS: dict[Lang, re.Pattern[str]] = {
    # 乙方得／應 … 銷售 in one clause of a sentence, without a negation.
    "zh-TW": re.compile(r"乙方(?:得|應)(?:(?!不得)[^，。；])*銷售"),
}


def partner_sells_en(sentence: str, partner: str) -> bool:
    """The partner is allowed or required to sell in ``sentence`` (not: shall not sell)."""
    match = re.search(rf"\b{partner} (may|shall)\b(?! not)(.*)", sentence)
    return bool(match and re.search(r"\b(?:re)?sell\b", match.group(2)) and " not " not in match.group(2))


# --- the repros of issue 10, item 2 -------------------------------------------------------------


@pytest.mark.parametrize("agreement_type", ["strategic_alliance", "agency"])
def test_no_sell_off_exception_where_no_sell_off_exists(agreement_type: str) -> None:
    """Alliance and agency drafts said 「但依第十七條第一項出清庫存所必要者」 with no sell-off provision."""
    _, agreement = draft(deal_data(agreement_type))
    text = full_text(agreement, "zh-TW")
    assert "出清" not in text
    assert "sell off" not in full_text(agreement, "en").lower()


def test_sell_off_exception_follows_the_sell_off_period() -> None:
    """The trade-mark exception for selling off stock exists exactly when post_termination grants one."""
    with_period = full_text(draft(deal_data("distributor"))[1], "zh-TW")
    assert "出清期間" in with_period and "出清庫存所必要者" in with_period
    without = deal_data("distributor")
    without["exit"]["post_termination"]["sell_off_days"] = 0
    assert "出清" not in full_text(draft(without)[1], "zh-TW")


def test_agency_insurance_does_not_insure_stock() -> None:
    """Agency 第十三條 insured 「倉儲之本產品」 though an agent holds no stock."""
    _, agreement = draft(deal_data("agency"))
    insurance = [t for cid, t in paragraphs(agreement, "zh-TW") if cid == "insurance"]
    assert insurance and not any("倉儲" in t for t in insurance)
    assert not any("warehouse" in t for cid, t in paragraphs(agreement, "en") if cid == "insurance")


def test_software_reseller_gets_no_spare_parts_or_inventory_report() -> None:
    """The subscription reseller example promised spare parts and asked for an inventory report."""
    deal, agreement = draft(load_yaml(EXAMPLES / "reseller-en.yaml", "deal file").data, ("en",))
    assert deal.product_kinds == ("software",) and not deal.partner_holds_stock
    text = full_text(agreement, "en")
    assert "spare parts" not in text
    assert "inventory" not in text.lower() and "stock age" not in text
    assert "activate" in text  # the ordering clause speaks of activation instead of delivery


def test_referral_partner_never_sells() -> None:
    """The referral draft let the partner "promote or sell the Products" while 2.3 bars collecting payment."""
    _, agreement = draft(deal_data("referral"))
    en = full_text(agreement, "en")
    assert "promote or sell" not in en
    assert "推廣或銷售" not in full_text(agreement, "zh-TW")
    assert not [s for _, s in sentences(agreement, "en") if partner_sells_en(s, "Referral Partner")]


def test_alliance_states_no_partnership_once_and_sells_nothing() -> None:
    """第二條一 and 二 both said there is no partnership; 乙方 could sell online though it buys nothing."""
    _, agreement = draft(deal_data("strategic_alliance"))
    zh = full_text(agreement, "zh-TW")
    assert zh.count("合夥") == 1
    assert full_text(agreement, "en").lower().count("partnership") == 1
    assert "乙方不向甲方購買本產品" in zh
    assert not PARTNER_SELLS["zh-TW"].findall(zh)
    assert not [s for _, s in sentences(agreement, "en") if partner_sells_en(s, "Alliance Partner")]


def test_kpi_clause_has_no_checklist_jargon() -> None:
    _, agreement = draft(deal_data("distributor"))
    for lang in LANGS:
        assert not JARGON.search(full_text(agreement, lang))


def test_survival_lists_references_in_ascending_order() -> None:
    _, agreement = draft(deal_data("distributor"))
    survival = next(c for c in agreement.clauses() if c.id == "survival")
    block = next(b for b in survival.blocks if isinstance(b, Paragraph))
    refs = [i.target for i in block.content["en"] if isinstance(i, Ref)]
    numbers = {c.id: (c.article_number, c.number) for c in agreement.clauses()}
    assert len(refs) >= 4
    assert [numbers[r] for r in refs] == sorted(numbers[r] for r in refs)


# --- every type × kind × language ----------------------------------------------------------------

MATRIX = [(t, k, lang) for t in TYPES for k in KINDS for lang in LANGS]




@functools.cache
def drafted(agreement_type: str, kinds: tuple[str, ...]) -> tuple[Deal, Agreement]:
    """One bilingual draft per type and product mix, shared by the language cases."""
    return draft(deal_data(agreement_type, kinds))


@pytest.mark.parametrize(("agreement_type", "kind", "lang"), MATRIX, ids=["-".join(c) for c in MATRIX])
def test_every_clause_fits_the_type_and_the_products(agreement_type: str, kind: str, lang: Lang) -> None:
    deal, agreement = drafted(agreement_type, (kind,))
    text = full_text(agreement, lang)

    if deal.partner_holds_stock:
        assert STOCK_WORDS[lang].search(text), "a stock-holding partner's draft lost its stock clauses"
    else:
        assert not STOCK_WORDS[lang].search(text), STOCK_WORDS[lang].search(text)
    if kind != "goods":
        assert not GOODS_WORDS[lang].search(text), GOODS_WORDS[lang].search(text)
    if not deal.partner_buys:
        assert not BUYER_WORDS[lang].search(text), BUYER_WORDS[lang].search(text)
    if not deal.partner_sells:
        if lang == "zh-TW":
            assert not PARTNER_SELLS[lang].findall(text), PARTNER_SELLS[lang].findall(text)
        else:
            partner = LIB.outline(agreement_type).partner_label.en
            assert not [s for _, s in sentences(agreement, lang) if partner_sells_en(s, partner)]
    assert not JARGON.search(text)


@pytest.mark.parametrize(("agreement_type", "kind", "lang"), MATRIX, ids=["-".join(c) for c in MATRIX])
def test_no_statement_is_made_twice(agreement_type: str, kind: str, lang: Lang) -> None:
    """No sentence of substance appears twice in a draft (e.g. 'no partnership' in two clauses)."""
    _, agreement = drafted(agreement_type, (kind,))
    counts = Counter(s for _, s in sentences(agreement, lang) if len(s) >= (20 if lang == "zh-TW" else 60))
    assert not [s for s, n in counts.items() if n > 1]
    marker = "合夥" if lang == "zh-TW" else "partnership"
    assert full_text(agreement, lang).lower().count(marker) <= 1


@pytest.mark.parametrize(("agreement_type", "lang"), [(t, lang) for t in TYPES for lang in LANGS])
def test_mixed_products_keep_each_kind_s_terms(agreement_type: str, lang: Lang) -> None:
    """A deal of goods and software keeps the goods terms for the goods and adds the software terms."""
    deal, agreement = drafted(agreement_type, ("goods", "software"))
    text = full_text(agreement, lang)
    software = {"zh-TW": "開通", "en": "activation"}[lang]
    if deal.partner_buys:
        assert GOODS_WORDS[lang].search(text) and software in text
        assert STOCK_WORDS[lang].search(text)
    else:
        assert not STOCK_WORDS[lang].search(text)


@pytest.mark.parametrize("lang", LANGS)
def test_english_text_has_no_cjk_quotes_or_line_breaks(lang: Lang) -> None:
    for agreement_type in TYPES:
        _, agreement = drafted(agreement_type, ("goods", "software"))
        for cid, text in paragraphs(agreement, lang):
            assert "\n" not in text, f"{cid}: hard line break inside a paragraph"
            if lang == "en":
                assert not re.search("[「」『』]", text), f"{cid}: full-width quotes in English text"


def test_derived_facts() -> None:
    facts = {
        (t, kinds): (d.partner_buys, d.partner_holds_stock, d.partner_sells)
        for t in TYPES
        for kinds in (("goods",), ("software",), ("services", "goods"))
        for d in [Deal.model_validate(deal_data(t, kinds))]
    }
    assert facts[("distributor", ("goods",))] == (True, True, True)
    assert facts[("reseller", ("software",))] == (True, False, True)
    assert facts[("reseller", ("services", "goods"))] == (True, True, True)
    for t in ("referral", "agency", "strategic_alliance"):
        for kinds in (("goods",), ("software",)):
            assert facts[(t, kinds)] == (False, False, False)
    agent = deal_data("agency")
    agent["appointment"]["acts_in_supplier_name"] = True
    assert Deal.model_validate(agent).partner_sells
    assert Deal.model_validate(deal_data("distributor", ("services", "goods"))).product_kinds == (
        "goods",
        "services",
    )
