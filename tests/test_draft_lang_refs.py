"""Drafting style: references inside their own article, reference lists in order, schedule wording."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

from agreementkit.deal.load import load_deal
from agreementkit.drafting.assemble import assemble
from agreementkit.drafting.schedules import kpi_value, kpis_table, profit_sharing_text
from agreementkit.library.loader import Library
from agreementkit.locale.numerals import chinese_number
from agreementkit.models.agreement import Agreement, Paragraph, Ref
from agreementkit.models.deal import Kpi
from agreementkit.render.docx import render_docx
from tests.conftest import BILINGUAL_ALLIANCE, EN_RESELLER, ZH_DISTRIBUTOR

LIB = Library.open()
EXAMPLES = [ZH_DISTRIBUTOR, EN_RESELLER, BILINGUAL_ALLIANCE]


def _agreement(path: Path) -> Agreement:
    return assemble(load_deal(path), LIB)


def _refs(agreement: Agreement) -> list[tuple[int, str, str, list[Ref], str]]:
    """(article number, clause id, language, refs of a paragraph, its text) for every paragraph."""
    out = []
    for article in agreement.articles:
        for clause in article.clauses:
            for block in clause.blocks:
                if isinstance(block, Paragraph):
                    for lang in agreement.languages:
                        refs = [i for i in block.content[lang] if isinstance(i, Ref)]
                        out.append((article.number, clause.id, lang, refs, block.text(lang)))
    return out


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_no_reference_names_its_own_article_by_number(example: Path) -> None:
    agreement = _agreement(example)
    relative = 0
    for number, clause_id, lang, _refs_here, text in _refs(agreement):
        own = f"第{chinese_number(number)}條" if lang == "zh-TW" else None
        if own:  # 個人資料保護法第十二條 cites a statute, not this agreement
            assert not re.search(rf"(?<![法則例]){own}", text), f"{clause_id}: {text}"
        else:
            assert not re.search(rf"\b(Article {number}(?! of the| of that)|Clause {number}\.\d+)\b", text), f"{clause_id}: {text}"
        relative += text.count("本條第") + text.count("of this Article")
    assert relative > 0  # the examples do refer within an article


def test_same_article_reference_reads_relatively() -> None:
    agreement = _agreement(ZH_DISTRIBUTOR)
    appointment = next(c for c in agreement.clauses() if c.id == "appointment")
    text = " ".join(b.text("zh-TW") for b in appointment.blocks if isinstance(b, Paragraph))
    assert "除本條第二項所定保留客戶外" in text
    english = _agreement(EN_RESELLER)
    review = next(c for c in english.clauses() if c.id == "performance_review")
    assert "KPIs set out in paragraph 1 of this Article" in review.blocks[0].text("en")  # type: ignore[union-attr]


def test_relative_reference_is_text_in_word_not_a_renumbering_field() -> None:
    agreement = _agreement(ZH_DISTRIBUTOR)
    document = Document(__import__("io").BytesIO(render_docx(agreement)))
    body = document.element.body.xml
    paragraph = next(p for p in document.paragraphs if "除本條第二項所定保留客戶外" in p.text)
    instructions = "".join(t.text or "" for t in paragraph._p.iter() if t.tag.endswith("instrText"))
    assert "REF" not in instructions  # Word would renumber it as 第二條 / 2.2 on update
    assert 'HYPERLINK \\l "ak_territory"' in instructions  # still a link to the clause
    assert "REF ak_art_" in body  # references to other articles stay Word fields


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_reference_lists_are_in_ascending_order(example: Path) -> None:
    agreement = _agreement(example)
    order = {c.id: (c.article_number, c.number) for c in agreement.clauses()}
    order.update({a.id: (a.number, 0) for a in agreement.articles})
    lists = 0
    for _number, clause_id, _lang, refs, _text in _refs(agreement):
        keys = [order[r.target] for r in refs]
        if clause_id == "survival":
            lists += 1
            assert keys == sorted(keys) and len(set(keys)) == len(keys), [r.label for r in refs]
    assert lists


def test_duplicate_survivors_are_named_once(example_copy: Callable[..., Path]) -> None:
    # data_protection and personal_data name the same clause
    deal = example_copy(ZH_DISTRIBUTOR, {"    final_settlement_days: 60\n": "    final_settlement_days: 60\n"
                                         "    surviving: [personal_data, data_protection, confidentiality]\n"})
    survival = next(c for c in _agreement(deal).clauses() if c.id == "survival")
    first = survival.blocks[0].text("zh-TW")  # type: ignore[union-attr]
    labels = re.findall(r"第[一二三四五六七八九十]+條(?:第[一二三四五六七八九十]+項)?", first)
    assert len(labels) == len(set(labels)) == 2, first


def _kpi(metric: str, unit: str) -> Kpi:
    return Kpi.model_validate({"id": "k", "name": "K", "metric": metric, "target": 12, "threshold": 1,
                               "unit": unit, "data_source": "CRM", "weight": 100})


def test_kpi_units_read_naturally() -> None:
    assert kpi_value(_kpi("new_customers", "count"), Decimal(12)) == {"zh-TW": "12 家", "en": "12 customers"}
    assert kpi_value(_kpi("certified_staff", "count"), Decimal(1)) == {"zh-TW": "1 人", "en": "1 person"}
    assert kpi_value(_kpi("other", "count"), Decimal(12)) == {"zh-TW": "12", "en": "12"}
    assert kpi_value(_kpi("response_time", "hours"), Decimal(8))["en"] == "8 hours"
    for example in EXAMPLES:
        for row in kpis_table(load_deal(example)).rows:
            for cell in row[1:3]:
                assert "件／人" not in cell["zh-TW"] and "count" not in cell["en"], cell


def test_profit_sharing_summary_is_a_sentence() -> None:
    text = profit_sharing_text(load_deal(EN_RESELLER))
    assert text["en"] == "Rebate at 0%, 3% or 5% by tier, the rate of the tier reached applying to the whole amount"
    assert "tiers" not in text["en"]
    assert profit_sharing_text(load_deal(ZH_DISTRIBUTOR))["zh-TW"] == "回饋金依級距 0%、2%、3.5%或5%（超額累進）"


def test_key_terms_summarise_only_drafted_terms(example_copy: Callable[..., Path]) -> None:
    referral = example_copy(EN_RESELLER, {"type: reseller": "type: referral"})
    agreement = _agreement(referral)
    items = [row[0]["en"] for row in agreement.key_terms.rows]
    drafted = {c.id for c in agreement.clauses()}
    assert "payment_terms" not in drafted and "Payment" not in items
    assert "minimum_commitment" not in drafted and "Minimum commitment" not in items
    assert items[2] == "Company"  # the referral outline's label for the supplier
    reseller_items = [row[0]["en"] for row in _agreement(EN_RESELLER).key_terms.rows]
    assert {"Payment", "Minimum commitment", "Profit sharing"} <= set(reseller_items)
