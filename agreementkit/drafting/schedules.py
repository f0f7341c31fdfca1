"""Schedule tables built from the deal: products, KPIs, profit-share tiers, contacts, key terms.

Each builder returns a :class:`Table` whose cells hold both languages; clause bodies place them
with ``{{ table("name") }}``.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from agreementkit.locale.formatting import (
    CURRENCY_SYMBOL,
    PERIOD_NOUNS,
    date_text,
    format_number,
    money,
    months_text,
    percent,
)
from agreementkit.locale.numerals import chinese_number
from agreementkit.models.agreement import Localized, Table
from agreementkit.models.common import LANGS, Text
from agreementkit.models.deal import Deal, Kpi, Person

# (zh-TW, en singular, en plural) after a figure; a count's noun depends on what is counted.
UNIT_WORDS: dict[str, tuple[str, str, str]] = {
    "score": ("分", "point", "points"),
    "hours": ("小時", "hour", "hours"),
    "days": ("日", "day", "days"),
}
COUNT_WORDS: dict[str, tuple[str, str, str]] = {
    "new_customers": ("家", "customer", "customers"),
    "certified_staff": ("人", "person", "persons"),
    "units_sold": ("件", "unit", "units"),
    "campaign_participation": ("次", "campaign", "campaigns"),
}
CONSEQUENCE_NAMES: dict[str, Localized] = {
    "none": {"zh-TW": "無", "en": "None"},
    "improvement_plan": {"zh-TW": "提出改善計畫", "en": "Improvement plan"},
    "tier_change": {"zh-TW": "調整回饋級距", "en": "Tier change"},
    "loss_of_exclusivity": {"zh-TW": "喪失獨家權", "en": "Loss of exclusivity"},
    "termination_right": {
        "zh-TW": "改善計畫；連續未達得終止",
        "en": "Improvement plan; termination right if repeated",
    },
}
EXCLUSIVITY_NAMES: dict[str, Localized] = {
    "exclusive": {"zh-TW": "獨家", "en": "Exclusive"},
    "sole": {"zh-TW": "獨家（甲方保留自行銷售權）", "en": "Sole (Supplier may also sell)"},
    "non_exclusive": {"zh-TW": "非獨家", "en": "Non-exclusive"},
}


def _same(text: str) -> Localized:
    return {"zh-TW": text, "en": text}


def _loc(text: Text | None) -> Localized:
    if text is None:
        return _same("—")
    return {lang: text.get(lang) for lang in LANGS}


def _pair(zh: str, en: str) -> Localized:
    return {"zh-TW": zh, "en": en}


def kpi_value(kpi: Kpi, value: Decimal) -> Localized:
    """A KPI figure with its unit as a reader says it: NT$3,500,000, 95%, 12 家 / 12 customers, 8 hours.

    A count names what it counts (customers, persons, units, campaigns); a count of anything
    else (metric ``other`` …) is the bare figure, since the KPI's name says what is counted.
    """
    figure = format_number(value)
    if kpi.unit == "percent":
        return _same(f"{figure}%")
    if kpi.unit in ("TWD", "USD"):
        return _same(f"{CURRENCY_SYMBOL[kpi.unit]}{figure}")
    words = COUNT_WORDS.get(kpi.metric) if kpi.unit == "count" else UNIT_WORDS.get(kpi.unit)
    if words is None:
        return _same(figure)
    zh, one, many = words
    return _pair(f"{figure} {zh}", f"{figure} {one if value == 1 else many}")


def _rates_text(rates: list[str], lang: str) -> str:
    """0%、3%及5% / 0%, 3% or 5%."""
    if len(rates) == 1:
        return rates[0]
    if lang == "zh-TW":
        return "、".join(rates[:-1]) + "或" + rates[-1]
    return ", ".join(rates[:-1]) + " or " + rates[-1]


def products_table(deal: Deal) -> Table:
    """The products covered, with codes and list prices."""
    currency = deal.pricing.currency
    rows = tuple(
        (
            _loc(p.name),
            _same(p.code or "—"),
            _same(money(p.list_price, currency, "en")) if p.list_price is not None else _same("—"),
        )
        for p in deal.products
    )
    return Table(
        id="products",
        caption=_pair("產品清單", "Products"),
        header=(
            _pair("產品名稱", "Product"),
            _pair("型號", "Code"),
            _pair("建議售價（未稅）", "List price (excl. tax)"),
        ),
        rows=rows,
        widths=(0.55, 0.2, 0.25),
        numeric_columns=frozenset({2}),
    )


def kpis_table(deal: Deal) -> Table:
    """The KPI schedule: SMART by construction (metric, target, threshold, period, source, weight, consequence)."""
    rows: list[tuple[Localized, ...]] = []
    for kpi in deal.kpis:
        direction = (
            _pair("愈高愈佳", "higher is better")
            if kpi.direction == "higher_is_better"
            else _pair("愈低愈佳", "lower is better")
        )
        target = kpi_value(kpi, kpi.target)
        threshold = kpi_value(kpi, kpi.threshold)
        rows.append(
            (
                {
                    lang: f"{kpi.name.get(lang)}（{direction[lang]}）"
                    if lang == "zh-TW"
                    else f"{kpi.name.get(lang)} ({direction[lang]})"
                    for lang in LANGS
                },
                target,
                threshold,
                {lang: PERIOD_NOUNS[kpi.period][lang] for lang in LANGS},
                _loc(kpi.data_source),
                _same(percent(kpi.weight, "en")),
                CONSEQUENCE_NAMES[kpi.consequence],
            )
        )
    return Table(
        id="kpis",
        caption=_pair("績效指標表", "KPI Schedule"),
        header=(
            _pair("指標", "KPI"),
            _pair("目標值", "Target"),
            _pair("最低門檻", "Threshold"),
            _pair("評估期間", "Period"),
            _pair("資料來源", "Data source"),
            _pair("權重", "Weight"),
            _pair("未達門檻之效果", "If below threshold"),
        ),
        rows=tuple(rows),
        widths=(0.18, 0.155, 0.155, 0.075, 0.19, 0.075, 0.17),
        numeric_columns=frozenset({1, 2, 5}),
    )


BASIS_NAMES: dict[str, Localized] = {
    "net_sales": {"zh-TW": "淨銷售額", "en": "Net Sales"},
    "net_purchases": {"zh-TW": "淨進貨額", "en": "Net Purchases"},
    "net_revenue": {"zh-TW": "淨營收", "en": "Net Revenue"},
}
KIND_NAMES: dict[str, Localized] = {
    "rebate": {"zh-TW": "回饋金", "en": "Rebate"},
    "commission": {"zh-TW": "佣金", "en": "Commission"},
    "revenue_share": {"zh-TW": "營收分潤", "en": "Revenue Share"},
}


def tiers_table(deal: Deal) -> Table:
    """Profit-share tiers: the range of the period's basis (named as the clause names it) and the rate."""
    sharing = deal.profit_sharing
    if sharing is None:
        raise ValueError("the deal has no profit_sharing block")
    currency = deal.pricing.currency
    basis, kind, period = BASIS_NAMES[sharing.basis], KIND_NAMES[sharing.kind], PERIOD_NOUNS[sharing.period]
    rows = []
    for i, tier in enumerate(sharing.tiers):
        upper = sharing.tiers[i + 1].threshold if i + 1 < len(sharing.tiers) else None
        low = money(tier.threshold, currency, "en")
        if upper is None:
            rng = _pair(f"{low} 以上", f"{low} or more")
        else:
            high = money(upper, currency, "en")
            rng = _pair(f"{low} 以上，未達 {high}", f"{low} or more, but less than {high}")
        rows.append((_pair(f"第{chinese_number(i + 1)}級", f"Tier {i + 1}"), rng, _same(percent(tier.rate, "en"))))
    return Table(
        id="tiers",
        caption=_pair(f"{kind['zh-TW']}級距表", f"{kind['en']} Tiers"),
        header=(
            _pair("級距", "Tier"),
            _pair(f"每{period['zh-TW']}{basis['zh-TW']}", f"{basis['en']} per {period['en']}"),
            _pair(f"{kind['zh-TW']}比率", f"{kind['en']} rate"),
        ),
        rows=tuple(rows),
        widths=(0.15, 0.65, 0.2),
        numeric_columns=frozenset({2}),
    )


def _person_row(role: Localized, person: Person) -> tuple[Localized, ...]:
    return (
        role,
        _loc(person.name),
        _loc(person.title) if person.title else _same("—"),
        _same(person.email or "—"),
        _same(person.phone or "—"),
    )


def contacts_table(deal: Deal) -> Table:
    """The named relationship managers of both parties."""
    c = deal.communication.contacts
    return Table(
        id="contacts",
        caption=_pair("聯絡窗口", "Relationship managers"),
        header=(
            _pair("當事人", "Party"),
            _pair("姓名", "Name"),
            _pair("職稱", "Title"),
            _pair("電子郵件", "Email"),
            _pair("電話", "Phone"),
        ),
        rows=(
            _person_row(_pair("甲方", "Supplier"), c.supplier),
            _person_row(_pair("乙方", "Partner"), c.partner),
        ),
        widths=(0.14, 0.18, 0.22, 0.3, 0.16),
    )


def profit_sharing_text(deal: Deal) -> Localized:
    """One line on the profit share: 回饋金依級距 0%、3% 或 5%（全額累進） / Rebate at 0%, 3% or 5% by tier, …"""
    sharing = deal.profit_sharing
    if sharing is None:
        raise ValueError("the deal has no profit_sharing block")
    kind = (KIND_NAMES[sharing.kind]["zh-TW"], KIND_NAMES[sharing.kind]["en"].capitalize())
    rates = [percent(t.rate, "en") for t in sharing.tiers]
    if len(rates) == 1:
        return _pair(f"{kind[0]} {rates[0]}", f"{kind[1]} at {rates[0]}")
    if sharing.method == "whole_tier":
        zh_method, en_method = "全額累進", "the rate of the tier reached applying to the whole amount"
    else:
        zh_method, en_method = "超額累進", "each rate applying only to the part within its tier"
    return _pair(
        f"{kind[0]}依級距 {_rates_text(rates, 'zh-TW')}（{zh_method}）",
        f"{kind[1]} at {_rates_text(rates, 'en')} by tier, {en_method}",
    )


def _sentence_case(text: str) -> str:
    """'the laws of Japan' → 'The laws of Japan' (a table cell starts a sentence)."""
    return text[:1].upper() + text[1:]


def key_terms_table(
    deal: Deal,
    title: Localized,
    partner_label: Localized,
    drafted: frozenset[str] | None = None,
    supplier_label: Localized | None = None,
    laws_of: Localized | None = None,
) -> Table:
    """The cover page's summary of the commercial terms.

    ``drafted`` holds the ids of the clauses the agreement contains: a term is summarised only
    when a clause states it (a referral agreement has no purchase discount or payment term).
    ``laws_of`` names the governing law as the jurisdiction table does ("the laws of the Hong
    Kong Special Administrative Region"); without it the deal's code is shown.
    """

    def has(clause_id: str) -> bool:
        return drafted is None or clause_id in drafted

    info = deal.agreement
    currency = deal.pricing.currency
    rows: list[tuple[Localized, Localized]] = [
        (_pair("契約名稱", "Agreement"), title),
        (
            (_pair("契約編號／版本", "Number / version"), _same(f"{info.number} / v{info.version}"))
            if info.number
            else (_pair("版本", "Version"), _same(f"v{info.version}"))
        ),
        (
            {"zh-TW": "甲方", "en": supplier_label["en"] if supplier_label else "Supplier"},
            _loc(deal.parties.supplier.name),
        ),
        (
            {"zh-TW": f"乙方（{partner_label['zh-TW']}）", "en": partner_label["en"]},
            _loc(deal.parties.partner.name),
        ),
        (
            _pair("生效日", "Effective date"),
            {lang: date_text(info.effective_date, lang, info.date_style) for lang in LANGS},
        ),
        (
            _pair("契約期間", "Initial term"),
            {lang: months_text(deal.term.initial_months, lang) for lang in LANGS},
        ),
    ]
    renewal = deal.term.renewal
    if renewal is not None and has("renewal"):
        rows.append(
            (
                _pair("續約", "Renewal"),
                _pair(
                    f"{'自動續約' if renewal.automatic else '經雙方書面同意續約'}，每次{months_text(renewal.renewal_months, 'zh-TW')}；"
                    f"不續約應於期滿前{renewal.non_renewal_notice_days}日通知",
                    f"{'Automatic' if renewal.automatic else 'By written agreement'}, "
                    f"{months_text(renewal.renewal_months, 'en')} each; "
                    f"non-renewal notice {renewal.non_renewal_notice_days} days before expiry",
                ),
            )
        )
    rows.append((_pair("授權性質", "Appointment"), EXCLUSIVITY_NAMES[deal.appointment.exclusivity]))
    rows.append(
        (
            _pair("區域", "Territory"),
            {
                lang: ("、" if lang == "zh-TW" else ", ").join(r.get(lang) for r in deal.territory.regions)
                for lang in LANGS
            },
        )
    )
    commitment = deal.appointment.minimum_commitment
    if commitment is not None and has("minimum_commitment"):
        rows.append(
            (
                _pair("最低承諾", "Minimum commitment"),
                {
                    lang: f"{money(commitment.amount, currency, 'en')} / {PERIOD_NOUNS[commitment.period][lang]}"
                    for lang in LANGS
                },
            )
        )
    if deal.pricing.discount_percent is not None and has("prices_and_discounts"):
        rows.append(
            (_pair("進貨折扣", "Discount off list"), _same(percent(deal.pricing.discount_percent, "en")))
        )
    if has("payment_terms"):
        rows.append(
            (
                _pair("付款條件", "Payment"),
                _pair(
                    f"發票日起{deal.pricing.payment_days}日內", f"{deal.pricing.payment_days} days from invoice"
                ),
            )
        )
    if deal.profit_sharing is not None and has("profit_sharing"):
        rows.append((_pair("利潤分配", "Profit sharing"), profit_sharing_text(deal)))
    if deal.kpis and has("kpi_schedule"):
        rows.append(
            (
                _pair("績效指標", "KPIs"),
                {
                    lang: ("、" if lang == "zh-TW" else ", ").join(k.name.get(lang) for k in deal.kpis)
                    for lang in LANGS
                },
            )
        )
    law = {lang: _sentence_case(laws_of[lang]) if laws_of else deal.governing_law for lang in LANGS}
    rows.append((_pair("準據法", "Governing law"), law))
    return Table(
        id="key_terms",
        caption=_pair("主要條件摘要", "Key terms"),
        header=(_pair("項目", "Item"), _pair("內容", "Terms")),
        rows=tuple(rows),
        widths=(0.28, 0.72),
    )


SCHEDULES: dict[str, Callable[[Deal], Table]] = {
    "products": products_table,
    "kpis": kpis_table,
    "tiers": tiers_table,
    "contacts": contacts_table,
}
