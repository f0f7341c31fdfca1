"""Build the review report and the settlement statement (report model) and their JSON from a Review."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from agreementkit.lifecycle.review import chart
from agreementkit.lifecycle.review.citations import Citer
from agreementkit.lifecycle.review.consequence_model import Consequence, Step
from agreementkit.lifecycle.review.kpi import ATTAINMENT_CAP, KpiResult, attainment
from agreementkit.lifecycle.review.periods import Period
from agreementkit.lifecycle.review.report_model import (
    Figure,
    Para,
    ReportDocument,
    RowStyle,
    Section,
    TableBlock,
)
from agreementkit.lifecycle.review.settlement import Settlement, money_text
from agreementkit.locale.formatting import CURRENCY_ZH, format_number, money
from agreementkit.models.common import Lang
from agreementkit.models.deal import Deal, Kpi

if TYPE_CHECKING:
    from agreementkit.lifecycle.review.model import LangMode, Review

STATUS: dict[str, dict[Lang, str]] = {
    "met": {"zh-TW": "達標", "en": "met"},
    "at_risk": {"zh-TW": "觀察", "en": "at risk"},
    "missed": {"zh-TW": "未達", "en": "missed"},
    "no_data": {"zh-TW": "無資料", "en": "no data"},
}
TREND: dict[str, dict[Lang, str]] = {
    "improving": {"zh-TW": "改善", "en": "improving"},
    "declining": {"zh-TW": "退步", "en": "declining"},
    "stable": {"zh-TW": "持平", "en": "stable"},
    "first": {"zh-TW": "—", "en": "—"},
}
SEVERITY: dict[str, dict[Lang, str]] = {
    "critical": {"zh-TW": "重大", "en": "Critical"},
    "warning": {"zh-TW": "注意", "en": "Warning"},
    "action": {"zh-TW": "待辦", "en": "Action"},
    "info": {"zh-TW": "資訊", "en": "Info"},
}
NO_STYLE: RowStyle = ""
KIND_ZH = {"rebate": "回饋金", "commission": "佣金", "revenue_share": "營收分配"}
KIND_EN = {"rebate": "Rebate", "commission": "Commission", "revenue_share": "Revenue Share"}
UNIT: dict[str, dict[Lang, str]] = {
    "count": {"zh-TW": "", "en": ""},
    "score": {"zh-TW": "分", "en": ""},
    "hours": {"zh-TW": "小時", "en": " h"},
    "days": {"zh-TW": "日", "en": " days"},
    "percent": {"zh-TW": "%", "en": "%"},
}


class _T:
    """Texts in the document's language mode: zh-TW, en, or both (English beneath the Chinese)."""

    def __init__(self, mode: LangMode) -> None:
        self.mode = mode
        self.lang: Lang = "en" if mode == "en" else "zh-TW"

    def __call__(self, zh: str, en: str, sep: str = "\n") -> str:
        if self.mode == "zh-TW":
            return zh
        if self.mode == "en":
            return en
        return zh if zh == en else f"{zh}{sep}{en}"

    def loc(self, value: Mapping[Lang, str], sep: str = "\n") -> str:
        return self(value["zh-TW"], value["en"], sep)

    def short(self, zh: str, en: str) -> str:
        return self(zh, en, " / ")


def _value(kpi: Kpi, value: Decimal | None, currency: str, t: _T) -> str:
    if value is None:
        return "—"
    if kpi.unit in ("TWD", "USD"):
        return money_text(value, kpi.unit).split("$", 1)[-1]
    unit = UNIT[kpi.unit]
    return f"{format_number(value)}{t(unit['zh-TW'], unit['en'], '')}"


def _date(value: dt.date, t: _T) -> str:
    return t(f"{value.year}年{value.month}月{value.day}日", value.isoformat(), " / ")


def _party(deal: Deal, role: str, t: _T) -> str:
    party = deal.parties.supplier if role == "supplier" else deal.parties.partner
    tax = f"（統一編號 {party.tax_id}）" if party.tax_id else ""
    return t(
        f"{party.name.get('zh-TW')}{tax}",
        f"{party.name.get('en')}" + (f" (UBN {party.tax_id})" if party.tax_id else ""),
    )


def _meta(review: Review, t: _T, extra: list[tuple[str, str]]) -> TableBlock:
    deal, terms = review.deal, review.terms
    title = deal.agreement.title
    contract = deal.agreement.number or review.deal_name
    if title is not None:
        contract = f"{t.loc({'zh-TW': title.get('zh-TW'), 'en': title.get('en')}, ' / ')} {contract}"
    rows = [
        (t.short("契約", "Agreement"), contract),
        (t.short(f"甲方（{terms.supplier['zh-TW']}）", terms.supplier["en"]), _party(deal, "supplier", t)),
        (t.short(f"乙方（{terms.partner['zh-TW']}）", terms.partner["en"]), _party(deal, "partner", t)),
        (
            t.short("期間", "Period"),
            f"{t.short(review.period.label('zh-TW'), review.period.label('en'))}（{review.period.start.isoformat()} – {review.period.end.isoformat()}）",
        ),
        *extra,
        (t.short("資料來源", "Figures from"), review.actuals.source.replace("\\", "/").rsplit("/", 1)[-1]),
    ]
    return TableBlock(
        (t.short("項目", "Item"), t.short("內容", "Details")), tuple(rows), widths=(1, 3), kind="meta"
    )


def _cite(c: Consequence, t: _T) -> str:
    zh, en = c.citation.label["zh-TW"], c.citation.label["en"]
    return t(f"依據：{zh}", f"under {en}", " / ")


def _step_paras(steps: tuple[Step, ...], t: _T) -> list[Para]:
    """The procedure that remains, one numbered paragraph per step with the clause that imposes it."""
    out = []
    for i, step in enumerate(steps, start=1):
        zh, en = step.citation.label["zh-TW"], step.citation.label["en"]
        out.append(Para(t(f"（{i}）{step.text['zh-TW']}", f"({i}) {step.text['en']}"), "step", "",
                        t(f"依據：{zh}", f"under {en}", " / ")))  # fmt: skip
    return out


def _consequence_paras(review: Review, t: _T) -> list[Para]:
    out = []
    for c in review.consequences:
        out.append(
            Para(
                t.loc(c.text),
                c.severity,
                t.short(SEVERITY[c.severity]["zh-TW"], SEVERITY[c.severity]["en"]),
                _cite(c, t),
            )
        )
        out.extend(_step_paras(c.steps, t))
    if not out:
        out.append(Para(t("本期無契約上之後續效果。", "No contractual consequence arises this period.")))
    return out


def _kpi_label(kpi: Kpi, t: _T) -> str:
    unit = f"（{kpi.unit}）" if kpi.unit in ("TWD", "USD") else ""
    return t.loc(
        {
            "zh-TW": kpi.name.get("zh-TW") + unit,
            "en": kpi.name.get("en") + unit.replace("（", " (").replace("）", ")"),
        }
    )


def _chart_data(review: Review, lang: Lang) -> chart.KpiChartData:
    card = review.scorecard

    def name(k: Kpi) -> str:
        return k.name.get(lang)

    bars = tuple(
        chart.KpiBar(name(r.kpi), r.attainment or Decimal(0), attainment(r.kpi, r.kpi.threshold), r.status)
        for r in card.results
    )
    series = tuple((name(tr.points[0].kpi), tuple(p.attainment for p in tr.points)) for tr in card.trends)
    zh = lang == "zh-TW"
    return chart.KpiChartData(
        title_bars=f"{review.period.label(lang)}　目標與實績"
        if zh
        else f"Target vs actual, {review.period.label(lang)}",
        title_trend="各期達成率趨勢" if zh else "Attainment trend",
        axis_attainment="達成率（%，目標＝100）" if zh else "attainment (%, target = 100)",
        target_label="目標" if zh else "target",
        threshold_label="門檻" if zh else "threshold",
        score_label="加權分數" if zh else "weighted score",
        bars=bars,
        periods=tuple(str(p) for p in card.periods),
        series=series,
        scores=card.scores,
    )


def review_document(review: Review, mode: LangMode) -> ReportDocument:
    """The KPI review report: scorecard, chart, trend, consequences with clause citations."""
    t = _T(mode)
    deal, card = review.deal, review.scorecard
    cur = deal.pricing.currency
    incentive = deal.performance_review.incentive if deal.performance_review else None
    counts = {s: sum(1 for r in card.results if r.status == s) for s in STATUS}
    meta = _meta(
        review,
        t,
        [
            (t.short("評估日", "Review date"), _date(review.review_date, t)),
            (
                t.short("加權績效分數", "Weighted score"),
                f"{card.score}"
                + (
                    t(
                        f"（獎勵門檻 {format_number(incentive.score_at_least)}）",
                        f" (incentive at {format_number(incentive.score_at_least)})",
                    )
                    if incentive
                    else ""
                ),
            ),
        ],
    )
    summary = t(
        f"本期加權績效分數為 {card.score} 分（各項目標全數達成為 100 分）：達標 {counts['met']} 項、觀察 {counts['at_risk']} 項、未達門檻 {counts['missed']} 項"
        + (f"、無資料 {counts['no_data']} 項" if counts["no_data"] else "")
        + "。",
        f"The weighted score for the period is {card.score} (100 = every target met exactly): {counts['met']} met, {counts['at_risk']} at risk, {counts['missed']} missed"
        + (f", {counts['no_data']} without data" if counts["no_data"] else "")
        + ".",
    )
    lead = [Para(summary, "lead")]
    for c in review.consequences:
        if c.severity == "critical" and c.kind == "termination_right":
            lead.append(
                Para(t.loc(c.text), "critical", t.short("終止要件", "Termination condition met"), _cite(c, t))
            )
            lead.extend(_step_paras(c.steps, t))

    header = (
        t.short("績效指標", "KPI"), t.short("目標", "Target"), t.short("門檻", "Threshold"), t.short("實績", "Actual"),
        t.short("達成率", "Attainment"), t.short("權重", "Weight"), t.short("加權得分", "Weighted"), t.short("狀態", "Status"), t.short("趨勢", "Trend"),
    )  # fmt: skip
    rows: list[tuple[str, ...]] = []
    styles: list[RowStyle] = []
    for r in card.results:
        k = r.kpi
        direction = t("（越低越好）", " (lower is better)", "") if k.direction == "lower_is_better" else ""
        actual = _value(k, r.actual, cur, t) + (t("＊", "*", "") if r.derived_from_lines else "")
        kpi_trend = card.trend(k.id)
        rows.append((
            _kpi_label(k, t) + direction, _value(k, k.target, cur, t), _value(k, k.threshold, cur, t), actual,
            f"{r.attainment}%" if r.attainment is not None else "—", f"{format_number(k.weight)}%",
            format_number(r.contribution, 2), t.short(STATUS[r.status]["zh-TW"], STATUS[r.status]["en"]),
            t.short(TREND[kpi_trend.trend]["zh-TW"], TREND[kpi_trend.trend]["en"]),
        ))  # fmt: skip
        styles.append(r.status)
    rows.append((t.short("加權績效分數", "Weighted score"), "", "", "", "", "100%", f"{card.score}", "", ""))
    styles.append("total")
    scorecard = TableBlock(
        header,
        tuple(rows),
        frozenset({1, 2, 3, 4, 5, 6}),
        (2.6, 1.45, 1.45, 1.45, 1.15, 0.9, 1.1, 1.0, 1.0),
        tuple(styles),
    )

    clang = chart.chart_lang(t.lang)
    data = _chart_data(review, clang)
    figure = Figure(
        functools.partial(chart.kpi_chart, data),
        t("圖一　各項績效指標目標與實績（達成率，目標＝100%）及各期趨勢", "Figure 1. Target vs actual for each KPI (attainment, target = 100%) and the trend across periods"),
        "; ".join(f"{b.label}: {b.attainment}%" for b in data.bars),
    )  # fmt: skip

    trend_header = (
        t.short("績效指標", "KPI"),
        *(str(p) for p in card.periods),
        t.short("連續未達", "Misses in a row"),
    )
    trend_rows = []
    for tr in card.trends:
        k = tr.points[0].kpi
        cells = [
            f"{_value(k, p.actual, cur, t)}\n{t.short(STATUS[p.status]['zh-TW'], STATUS[p.status]['en'])}"
            for p in tr.points
        ]
        trend_rows.append((_kpi_label(k, t), *cells, str(tr.consecutive_misses)))
    trend_rows.append((t.short("加權績效分數", "Weighted score"), *(f"{s}" for s in card.scores), ""))
    n = len(card.periods)
    trend = TableBlock(
        trend_header,
        tuple(trend_rows),
        frozenset(range(1, n + 2)),
        (3.0, *([1.6] * n), 1.1),
        (*[NO_STYLE] * len(card.trends), "total"),
    )

    method = [
        Para(
            t(
                f"達成率（依績效指標條款）：愈高愈佳之指標為「實際值÷目標值」，愈低愈佳之指標為「目標值÷實際值」（實際值為零者以 {ATTAINMENT_CAP}% 計），四捨五入至 0.1%。加權績效分數為各指標達成率乘以權重之合計，四捨五入至 0.01；各指標恰好達成目標者為 100。",
                f"Attainment (as the KPI clause defines it): actual ÷ target when higher is better, target ÷ actual when lower is better (a zero actual counts as {ATTAINMENT_CAP}%), rounded to 0.1%. The weighted score is the sum of attainment × weight, rounded to 0.01; every target met exactly gives 100.",
            ),
            "note",
        ),
        Para(
            t(
                "狀態：達目標者為「達標」；未達目標但達門檻者為「觀察」；未達門檻者為「未達」。連續未達以相連之評估期間計算，缺漏資料之期間不視為未達。",
                "Status: 'met' when the target is reached, 'at risk' when only the threshold is, 'missed' below the threshold. Consecutive misses count adjoining review periods; a period without data is never presumed missed.",
            ),
            "note",
        ),
    ]
    if any(r.derived_from_lines for r in card.results):
        method.append(
            Para(
                t("＊ 依本期 net_sales 營收明細加總。", "* Added up from the period's net_sales lines."),
                "note",
            )
        )
    if review.citation_note:
        method.append(
            Para(
                t(
                    "條次：本契約無法組成，以下條款以名稱引用。",
                    "Clause numbers: the agreement could not be assembled, so clauses are cited by name.",
                ),
                "note",
            )
        )

    sections = [
        Section(t.short("摘要", "Summary"), tuple(lead)),
        Section(t.short("績效計分表", "Scorecard"), (scorecard, figure)),
        Section(t.short("各期趨勢", "Trend across periods"), (trend,)),
        Section(
            t.short("契約上之後續效果", "What the agreement now grants or requires"),
            tuple(_consequence_paras(review, t)),
        ),
    ]
    if review.settlement is not None:
        s = review.settlement
        sections.append(
            Section(
                t.short("本期結算", "Settlement"),
                (
                    Para(
                        t(
                            f"本期{KIND_ZH[s.kind]}應付總額 {money(s.total_payable, cur, 'zh-TW')}，詳見同期對帳單。",
                            f"The {KIND_EN[s.kind].lower()} payable for the period is {money(s.total_payable, cur, 'en')}; see the statement for the worked calculation.",
                        )
                    ),
                ),
            )
        )
    sections.append(Section(t.short("計算說明", "Method"), tuple(method)))
    return ReportDocument(
        kind="review", lang=mode,
        title=t.short(f"{review.terms.partner['zh-TW']}績效評估報告", f"{review.terms.partner['en']} KPI Review Report"),
        subtitle=t.short(review.period.label("zh-TW"), review.period.label("en")),
        meta=meta, sections=tuple(sections),
        footer=t.short(f"{deal.agreement.number or review.deal_name}　{review.period.label('zh-TW')}績效評估", f"{deal.agreement.number or review.deal_name} KPI review {review.period}"),
        author=deal.parties.supplier.name.get(t.lang), subject=t.short("績效評估", "KPI review"),
        keywords=("KPI", str(review.period), deal.agreement.number or review.deal_name),
        date=review.review_date.isoformat(),
    )  # fmt: skip


def _basis_chart(review: Review, s: Settlement, lang: Lang) -> chart.BasisChartData:
    deal = review.deal
    ps = deal.profit_sharing
    assert ps is not None
    periods: list[Period] = []
    p = s.period
    for _ in range(8):
        if not review.actuals.has_period(p) and p != s.period:
            break
        periods.insert(0, p)
        p = p.previous()
    values = tuple(
        max(sum((ln.amount for ln in review.actuals.lines_in(q, ps.basis)), Decimal(0)), Decimal(0))
        for q in periods
    )
    zh = lang == "zh-TW"
    thresholds = tuple(
        (
            f"{'第' + str(i + 1) + '級' if zh else 'tier ' + str(i + 1)} {format_number(tier.rate)}%",
            tier.threshold,
        )
        for i, tier in enumerate(ps.tiers)
    )
    basis_zh = {"net_sales": "銷售淨額", "net_purchases": "進貨淨額", "net_revenue": "營收淨額"}[ps.basis]
    return chart.BasisChartData(
        title=f"各期{basis_zh}與級距門檻" if zh else f"{ps.basis.replace('_', ' ').capitalize()} per period against the tier thresholds",
        axis=f"{basis_zh}（{deal.pricing.currency}）" if zh else deal.pricing.currency,
        periods=tuple(str(q) for q in periods), values=values, current=len(periods) - 1, thresholds=thresholds,
    )  # fmt: skip


def statement_document(review: Review, mode: LangMode) -> ReportDocument:
    """The settlement statement: basis lines, worked calculation, total in words, chart, sign-off."""
    t = _T(mode)
    deal, s = review.deal, review.settlement
    cur = deal.pricing.currency
    ps = deal.profit_sharing
    kind_zh = KIND_ZH[ps.kind] if ps else "分潤"
    kind_en = KIND_EN[ps.kind] if ps else "Profit Share"
    label = review.clause_labels

    cite = Citer(label)

    def clause(cid: str | None) -> str:
        return "" if cid is None else t.loc(cite(cid).label, " / ")

    if s is None:
        note = review.settlement_note or {"zh-TW": "本期無結算。", "en": "Nothing is settled this period."}
        meta = _meta(review, t, [])
        only = (Section(t.short("結算", "Settlement"), (Para(t.loc(note)),)),)
        return ReportDocument(
            "statement",
            mode,
            t.short(f"{kind_zh}對帳單", f"{kind_en} Statement"),
            t.short(review.period.label("zh-TW"), review.period.label("en")),
            meta,
            only,
            t.short("對帳單", "Statement"),
            deal.parties.supplier.name.get(t.lang),
            t.short("對帳單", "Statement"),
        )
    method = (
        t("累進（各級距分別計算）", "marginal (each tier's rate on the part inside it)")
        if s.method == "marginal"
        else t(
            "全額適用（達到級距之費率適用於全部金額）",
            "whole tier (the rate reached applies to the whole basis)",
        )
    )
    tax = {"added": t("未稅價另加 5% 營業稅", "prices exclude tax; 5% business tax added"),
           "included": t("含稅價（已含 5% 營業稅）", "prices include 5% business tax"),
           "none": t("不適用我國營業稅", "no Taiwanese business tax")}[s.tax_mode]  # fmt: skip
    form = (
        t("開立折讓單", "credit note") if s.payment_form == "credit_note" else t("銀行匯款", "bank transfer")
    )
    meta = _meta(review, t, [
        (t.short("結算期間", "Settlement period"), t.short(s.period.label("zh-TW"), s.period.label("en"))),
        (t.short("計算方式", "Method"), method),
        (t.short("幣別／稅別", "Currency / tax"), f"{cur}（{CURRENCY_ZH[cur]}）；{tax}" if t.mode != "en" else f"{cur}; {tax}"),
        (t.short("對帳單期限", "Statement due"), _date(s.statement_due, t)),
        (t.short("付款期限／方式", "Payment due / form"), f"{_date(s.payment_due, t)}；{form}"),
    ])  # fmt: skip
    basis_rows = []
    for ln in s.basis_lines:
        basis_rows.append((str(ln.row), str(ln.period), ln.item, ln.note, money_text(ln.amount, cur)))
    basis_rows.append(("", "", t.short("合計", "Total"), "", money_text(s.gross_basis, cur)))
    basis_table = TableBlock(
        (t.short("列", "Row"), t.short("期間", "Period"), t.short("項目", "Item"), t.short("說明", "Note"), t.short("金額", "Amount")),
        tuple(basis_rows), frozenset({0, 4}), (0.6, 1.0, 2.4, 3.0, 1.6), (*[NO_STYLE] * len(s.basis_lines), "total"),
        caption=t("列號為實績檔案中之列次，可逐筆勾稽。", "Row numbers are the rows of the actuals file, so each line can be ticked."),
    )  # fmt: skip
    calc_rows = []
    calc_styles: list[RowStyle] = []
    row_style: dict[str, RowStyle] = {"subtotal": "subtotal", "total": "total", "note": "note"}
    for i, step in enumerate((x for x in s.lines if x.key != "basis_line"), start=1):
        amount = money_text(step.amount, cur) if step.amount is not None else ""
        calc_rows.append((str(i), t.loc(step.label), step.calculation, amount, clause(step.clause)))
        calc_styles.append(row_style.get(step.emphasis, ""))
    calc = TableBlock(
        ("#", t.short("項目", "Step"), t.short("計算", "Calculation"), t.short("金額", "Amount"), t.short("條款", "Clause")),
        tuple(calc_rows), frozenset({0, 3}), (0.4, 2.6, 3.2, 1.5, 1.3), tuple(calc_styles),
    )  # fmt: skip
    total_para = Para(t(
        f"本期{kind_zh}應付總額：{money(s.total_payable, cur, 'zh-TW')}" + ("（含營業稅）" if s.tax_mode == "added" else "") + "。",
        f"Total {kind_en.lower()} payable for the period: {money(s.total_payable, cur, 'en')}" + (" including business tax" if s.tax_mode == "added" else "") + ".",
    ), "lead")  # fmt: skip
    clang = chart.chart_lang(t.lang)
    data = _basis_chart(review, s, clang)
    figure = Figure(
        functools.partial(chart.basis_chart, data),
        t(
            "圖一　各期計算基礎與級距門檻",
            "Figure 1. Settlement basis per period against the tier thresholds",
        ),
        "; ".join(f"{p}: {v}" for p, v in zip(data.periods, data.values, strict=True)),
    )
    notes = [
        Para(t("計算基礎：本期實績檔案中與利潤分配基礎相同類別之營收明細合計；退貨及折讓以負數列示並予扣除；合計為負數時以零計。",
               "Basis: the period's revenue lines of the profit-sharing basis; returns and credits are negative lines and are deducted; a negative total counts as zero."), "note"),
        Para(t("進位：各應付金額先以精確值計算，再依幣別四捨五入一次（新臺幣至元）；上限適用於級距分潤，不含績效獎勵。",
               "Rounding: each payable amount is computed exactly, then rounded half up once to the currency unit (the 元 for NT$); the cap limits the tiered share, not the incentive."), "note"),
        Para(t("營業稅：價格未稅且雙方均為我國營業人時，另計 5% 營業稅（以折讓單給付者併同調整銷項稅額）；價格含稅者，金額已含稅。行銷發展基金須檢附憑證請領，不計入本期應付總額。",
               "Business tax: when prices exclude tax and both parties are Taiwanese businesses, 5% business tax is added (a credit note adjusts the output tax with it); when prices include tax, amounts already include it. The market development fund is claimed against proof and is not part of the total."), "note"),
    ]  # fmt: skip
    sign = TableBlock(
        (
            t.short("甲方確認", f"For the {review.terms.supplier['en']}"),
            t.short("乙方確認", f"For the {review.terms.partner['en']}"),
        ),
        (
            (
                t("簽章：", "Signature:") + "\n\n" + t("日期：", "Date:"),
                t("簽章：", "Signature:") + "\n\n" + t("日期：", "Date:"),
            ),
        ),
        widths=(1, 1),
        kind="signature",
    )
    sections = (
        Section(t.short("應付總額", "Amount payable"), (total_para,)),
        Section(t.short("計算基礎明細", "Basis lines"), (basis_table,)),
        Section(t.short("計算過程", "Worked calculation"), (calc, figure)),
        Section(t.short("說明", "Notes"), tuple(notes)),
        Section(t.short("雙方確認", "Agreed"), (sign,)),
    )
    return ReportDocument(
        kind="statement", lang=mode,
        title=t.short(f"{kind_zh}對帳單", f"{kind_en} Statement"),
        subtitle=t.short(s.period.label("zh-TW"), s.period.label("en")),
        meta=meta, sections=sections,
        footer=t.short(f"{deal.agreement.number or review.deal_name}　{s.period.label('zh-TW')}{kind_zh}對帳單", f"{deal.agreement.number or review.deal_name} {kind_en.lower()} statement {s.period}"),
        author=deal.parties.supplier.name.get(t.lang), subject=t.short(f"{kind_zh}對帳單", f"{kind_en} statement"),
        keywords=(kind_en, str(s.period), deal.agreement.number or review.deal_name),
        date=review.review_date.isoformat(),
    )  # fmt: skip


# --------------------------------------------------------------------------- JSON


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _kpi_json(r: KpiResult) -> dict[str, Any]:
    return {
        "id": r.kpi.id, "name": {"zh-TW": r.kpi.name.get("zh-TW"), "en": r.kpi.name.get("en")},
        "metric": r.kpi.metric, "unit": r.kpi.unit, "direction": r.kpi.direction,
        "target": _dec(r.kpi.target), "threshold": _dec(r.kpi.threshold), "weight": _dec(r.kpi.weight),
        "actual": _dec(r.actual), "attainment_percent": _dec(r.attainment), "weighted": _dec(r.contribution),
        "status": r.status, "source_row": r.row, "derived_from_lines": r.derived_from_lines,
    }  # fmt: skip


def _consequence_json(c: Consequence) -> dict[str, Any]:
    return {
        "kind": c.kind, "severity": c.severity, "text": dict(c.text),
        "clause": {"id": c.citation.clause_id, "label": dict(c.citation.label), "numbered": c.citation.numbered},
        "due": c.due.isoformat() if c.due else None, "kpis": list(c.kpi_ids), "amount": _dec(c.amount),
        "steps": [{"text": dict(st.text), "clause": {"id": st.citation.clause_id, "label": dict(st.citation.label),
                   "numbered": st.citation.numbered}, "due": st.due.isoformat() if st.due else None} for st in c.steps],
    }  # fmt: skip


def statement_json(review: Review) -> dict[str, Any]:
    """The settlement as JSON (amounts as decimal strings)."""
    s = review.settlement
    head: dict[str, Any] = {
        "schema": "agreementkit/settlement/v1",
        "agreement": review.deal.agreement.number,
        "period": str(review.period),
    }
    if s is None:
        return {
            **head,
            "settlement": None,
            "note": dict(review.settlement_note) if review.settlement_note else None,
        }
    return {
        **head,
        "settlement": {
            "period": str(s.period), "start": s.period.start.isoformat(), "end": s.period.end.isoformat(),
            "currency": s.currency, "kind": s.kind, "basis": s.basis_name, "method": s.method,
            "basis_lines": [{"row": ln.row, "period": str(ln.period), "item": ln.item, "amount": _dec(ln.amount), "note": ln.note} for ln in s.basis_lines],
            "gross_basis": _dec(s.gross_basis), "basis_amount": _dec(s.basis),
            "tiers": [{"tier": x.index + 1, "from": _dec(x.lower), "to": _dec(x.upper), "rate_percent": _dec(x.rate), "base": _dec(x.base), "amount": _dec(x.amount)} for x in s.slices],
            "tier_reached": s.tier_reached + 1,
            "share_exact": _dec(s.share_exact), "share_rounded": _dec(s.share_rounded), "cap": _dec(s.cap),
            "share_payable": _dec(s.share_payable), "capped": s.capped,
            "incentive_rate_percent": _dec(s.incentive_rate), "incentive_amount": _dec(s.incentive_amount),
            "pretax_total": _dec(s.pretax_total), "tax_mode": s.tax_mode, "tax_amount": _dec(s.tax_amount),
            "total_payable": _dec(s.total_payable),
            "market_development_fund": {"percent": _dec(s.mdf_percent), "accrued": _dec(s.mdf_amount), "cap": _dec(s.mdf_cap),
                                        "claim_by": s.mdf_claim_deadline.isoformat() if s.mdf_claim_deadline else None},
            "statement_due": s.statement_due.isoformat(), "payment_due": s.payment_due.isoformat(), "payment_form": s.payment_form,
            "worked_lines": [{"step": ln.key, "label": dict(ln.label), "calculation": ln.calculation, "amount": _dec(ln.amount), "clause": ln.clause,
                              "clause_label": dict(review.clause_labels[ln.clause]) if ln.clause is not None and ln.clause in review.clause_labels else None} for ln in s.lines],
        },
    }  # fmt: skip


def review_json(review: Review) -> dict[str, Any]:
    """The whole review as JSON: scorecard, trend, settlement and consequences."""
    card = review.scorecard
    return {
        "schema": "agreementkit/review/v1",
        "agreement": review.deal.agreement.number, "deal": review.deal_name,
        "period": str(review.period), "start": review.period.start.isoformat(), "end": review.period.end.isoformat(),
        "review_date": review.review_date.isoformat(), "actuals": review.actuals.source.replace("\\", "/").rsplit("/", 1)[-1],
        "scorecard": {"score": _dec(card.score), "complete": card.complete, "kpis": [_kpi_json(r) for r in card.results]},
        "trend": {
            "periods": [str(p) for p in card.periods], "scores": [_dec(x) for x in card.scores],
            "kpis": [{"id": tr.kpi_id, "trend": tr.trend, "consecutive_misses": tr.consecutive_misses,
                      "points": [{"period": str(p.period), "actual": _dec(p.actual), "attainment_percent": _dec(p.attainment), "status": p.status} for p in tr.points]}
                     for tr in card.trends],
        },
        "settlement": statement_json(review)["settlement"],
        "consequences": [_consequence_json(c) for c in review.consequences],
        "termination_right": review.termination_right,
    }  # fmt: skip


def to_json_bytes(data: Mapping[str, Any]) -> bytes:
    """Stable, readable UTF-8 JSON."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


__all__: list[str] = [
    "review_document",
    "review_json",
    "statement_document",
    "statement_json",
    "to_json_bytes",
]
