"""Small Agreements built by hand for renderer tests (zh-TW, en or both), independent of assembly."""

from __future__ import annotations

from agreementkit.locale.numerals import chinese_number
from agreementkit.models.agreement import (
    Agreement,
    Article,
    Block,
    Clause,
    Localized,
    Paragraph,
    PartyBlock,
    Ref,
    Span,
    Table,
)
from agreementkit.models.common import Lang

LANG_SETS: dict[str, tuple[Lang, ...]] = {"zh-TW": ("zh-TW",), "en": ("en",), "bilingual": ("zh-TW", "en")}


def loc(zh: str, en: str) -> Localized:
    """Text per language."""
    return {"zh-TW": zh, "en": en}


def para(zh: str, en: str, level: int = 0) -> Paragraph:
    """A paragraph of literal text."""
    return Paragraph({"zh-TW": (Span(zh),), "en": (Span(en),)}, level)


def ref_para(before: Localized, target: str, label: Localized, after: Localized) -> Paragraph:
    """A paragraph with one cross-reference in the middle."""
    return Paragraph(
        {
            lang: (Span(before[lang]), Ref(target, f"ak_{target}", {lang: label[lang]}), Span(after[lang]))
            for lang in ("zh-TW", "en")
        }
    )


def clause(article: int, number: int, cid: str, heading: Localized, blocks: tuple[Block, ...],
           alone: bool = False) -> Clause:
    """A clause numbered like assembly numbers it."""
    label = (
        loc(f"第{chinese_number(article)}條", f"Article {article}")
        if alone
        else loc(f"第{chinese_number(article)}條第{chinese_number(number)}項", f"Clause {article}.{number}")
    )
    return Clause(cid, cid, "test", article, number, heading, blocks, f"ak_{cid}", label, show_heading=not alone)


def article(number: int, aid: str, heading: Localized, clauses: tuple[Clause, ...]) -> Article:
    """An article numbered like assembly numbers it."""
    return Article(aid, number, heading, clauses, f"ak_art_{aid}",
                   loc(f"第{chinese_number(number)}條", f"Article {number}"))


def kpi_table(rows: int = 3) -> Table:
    """A KPI schedule with ``rows`` body rows."""
    return Table(
        id="kpi",
        caption=loc("附表一：績效指標", "Schedule 1: KPIs"),
        header=(loc("指標", "Metric"), loc("目標", "Target"), loc("權重", "Weight")),
        rows=tuple(
            (loc(f"季度銷售額 {i}", f"Quarterly sales {i}"), loc(f"新臺幣 {i},000,000 元", f"NT${i},000,000"),
             loc("20%", "20%"))
            for i in range(1, rows + 1)
        ),
        widths=(0.5, 0.3, 0.2),
        numeric_columns=frozenset({2}),
    )


def make_agreement(
    langs: tuple[Lang, ...] = ("zh-TW",),
    *,
    partner_name: str = "北辰通路股份有限公司",
    extra_text: str = "",
    articles: int = 3,
    table_rows: int = 3,
) -> Agreement:
    """A distributor agreement with cover, preamble, numbered articles, items, a table and refs."""
    arts: list[Article] = [
        article(1, "appointment", loc("經銷權之授與", "Appointment"), (
            clause(1, 1, "appointment", loc("授權範圍", "Scope"), (
                para("甲方授權乙方於約定區域內經銷本約產品。" + extra_text,
                     "The Supplier appoints the Distributor to distribute the Products. " + extra_text),
                para("乙方應遵守下列事項：", "The Distributor shall:"),
                para("維持適當庫存；", "keep adequate stock;", 1),
                para("提供售後服務；", "provide after-sales service;", 1),
                para("每月回報銷售數據。", "report sales monthly.", 2),
            )),
            clause(1, 2, "territory", loc("經銷區域", "Territory"), (
                ref_para(loc("區域依", "The territory is as set out in "), "kpi-clause",
                         loc("第二條", "Article 2"), loc("之規定。", ".")),
            )),
        )),
        article(2, "kpis", loc("績效指標", "Performance indicators"), (
            clause(2, 1, "kpi-clause", loc("績效指標", "KPIs"), (
                para("雙方同意下列績效指標：", "The parties agree the following KPIs:"),
                kpi_table(table_rows),
                para("未達成時依本條處理。", "Failure is handled under this Article."),
            ), alone=True),
        )),
    ]
    for n in range(3, articles + 1):
        arts.append(article(n, f"misc{n}", loc(f"其他約定{chinese_number(n)}", f"Miscellaneous {n}"), (
            clause(n, 1, f"misc{n}-a", loc("通知", "Notices"), (
                para("本約之通知應以書面為之，並送達對方之地址。" * 3,
                     "Notices under this Agreement shall be in writing and delivered to the address. " * 3),
            )),
            clause(n, 2, f"misc{n}-b", loc("準據法", "Governing law"), (
                para("本約以中華民國法律為準據法。", "This Agreement is governed by the laws of Taiwan."),
                para("雙方應先行協商。", "The parties shall first negotiate.", 1),
                para("協商不成時提付仲裁。", "Failing that, arbitration.", 1),
            )),
        )))
    key_terms = Table(
        id="key_terms",
        caption=loc("主要條件", "Key terms"),
        header=(loc("項目", "Item"), loc("約定", "Terms")),
        rows=(
            (loc("合約期間", "Term"), loc("二十四個月", "24 months")),
            (loc("經銷區域", "Territory"), loc("臺北市、新北市", "Taipei City, New Taipei City")),
        ),
        widths=(0.28, 0.72),
    )
    parties = (
        PartyBlock("supplier", loc("甲方（供應商）", "Supplier"), loc("晴川智能科技股份有限公司", "Qingchuan Tech Co., Ltd."),
                   "24549210", None, loc("臺北市內湖區瑞光路 321 號 8 樓", "8F, No. 321, Ruiguang Rd., Taipei"),
                   loc("林志明", "Lin Chih-Ming"), loc("董事長", "Chairman")),
        PartyBlock("partner", loc("乙方（經銷商）", "Distributor"), loc(partner_name, partner_name),
                   "12345675", None, loc("新北市板橋區文化路一段 100 號", "No. 100, Sec. 1, Wenhua Rd., New Taipei"),
                   loc("王大同", "Wang Da-Tong"), loc("總經理", "President")),
    )
    return Agreement(
        languages=langs,
        prevailing_language="zh-TW" if len(langs) == 2 else None,
        agreement_type="distributor",
        title=loc("經銷合約", "Distribution Agreement"),
        number="AK-2027-001",
        version="1.0",
        effective_date=loc("民國116年1月1日", "January 1, 2027"),
        signing_place=loc("臺北市", "Taipei"),
        parties=parties,
        preamble=(para("甲乙雙方基於互惠原則，訂立本合約，條款如下：",
                       "The parties agree as follows:"),),
        key_terms=key_terms,
        articles=tuple(arts),
        subject=loc(f"晴川智能科技股份有限公司 — {partner_name}", f"Qingchuan Tech — {partner_name}"),
        keywords=("agreementkit", "distributor"),
        source_date="2026-12-15T00:00:00Z",
    )
