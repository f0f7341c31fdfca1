"""What changed in the deal between two versions, and how to say it in a 說明 column.

The deal is flattened to leaf values; list items that carry an ``id`` (KPIs) or ``code``
(products) are matched by it, so adding a KPI is one addition, not a shift of every later KPI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from agreementkit.locale.formatting import date_text, money, percent
from agreementkit.locale.numerals import chinese_number
from agreementkit.models.common import Lang
from agreementkit.models.deal import Deal

PathPart = str | int
ChangeKind = Literal["changed", "added", "removed"]


@dataclass(frozen=True)
class FieldChange:
    """One deal field (or list item) whose value differs between the versions."""

    path: tuple[PathPart, ...]
    kind: ChangeKind
    old: Any
    new: Any

    @property
    def dotted(self) -> str:
        """``kpis[new_customers].target`` style path, as a deal author reads it."""
        out = ""
        for part in self.path:
            if isinstance(part, int):
                out += f"[{part}]"
            elif part.startswith("["):
                out += part
            else:
                out += ("." if out else "") + part
        return out


def _item_key(item: Any, index: int) -> PathPart:
    if isinstance(item, Mapping):
        for key in ("id", "code"):
            if isinstance(item.get(key), str):
                return f"[{item[key]}]"
    return index


def _is_text(value: Mapping[Any, Any]) -> bool:
    return bool(value) and set(value) <= {"zh-TW", "en"}


def _is_record_list(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, Mapping) and not _is_text(v) for v in value)
    )


Nodes = dict[tuple[PathPart, ...], Any]


def _walk(value: Any, path: tuple[PathPart, ...], nodes: Nodes, leaves: Nodes) -> None:
    nodes[path] = value
    if isinstance(value, Mapping) and value and not _is_text(value):
        for key, item in value.items():
            _walk(item, (*path, str(key)), nodes, leaves)
    elif _is_record_list(value):
        for index, item in enumerate(value):
            _walk(item, (*path, _item_key(item, index)), nodes, leaves)
    else:
        leaves[path] = value


def _tree(deal: Deal) -> tuple[Nodes, Nodes]:
    nodes: Nodes = {}
    leaves: Nodes = {}
    _walk(deal.model_dump(mode="python", by_alias=True), (), nodes, leaves)
    return nodes, leaves


def _first_missing(path: tuple[PathPart, ...], other_nodes: Nodes) -> tuple[PathPart, ...]:
    for length in range(1, len(path) + 1):
        if path[:length] not in other_nodes:
            return path[:length]
    return path


def deal_changes(old: Deal, new: Deal) -> list[FieldChange]:
    """Every field that differs, in the order of the new deal, then what the new deal removed."""
    old_nodes, old_leaves = _tree(old)
    new_nodes, new_leaves = _tree(new)
    changes: list[FieldChange] = []
    seen: set[tuple[PathPart, ...]] = set()
    for path, value in new_leaves.items():
        if path in old_leaves:
            if old_leaves[path] != value:
                changes.append(FieldChange(path, "changed", old_leaves[path], value))
            continue
        root = _first_missing(path, old_nodes)
        if root not in seen:
            seen.add(root)
            old_value = old_nodes.get(root[:-1]) if root[:-1] in old_leaves else None
            if root[:-1] in old_leaves:  # a leaf became a block (None → mapping)
                root = root[:-1]
                if root in seen:
                    continue
                seen.add(root)
                changes.append(FieldChange(root, "changed", old_value, new_nodes[root]))
            else:
                changes.append(FieldChange(root, "added", None, new_nodes[root]))
    for path in old_leaves:
        if path in new_leaves:
            continue
        root = _first_missing(path, new_nodes)
        if root[:-1] in new_leaves:  # a block became a leaf (mapping → None)
            root = root[:-1]
            if root not in seen:
                seen.add(root)
                changes.append(FieldChange(root, "changed", old_nodes[root], new_nodes[root]))
            continue
        if root not in seen:
            seen.add(root)
            changes.append(FieldChange(root, "removed", old_nodes[root], None))
    return changes


# What a lawyer calls a field, per language; keys are dotted paths with list items as "*".
FIELD_LABELS: dict[str, dict[Lang, str]] = {
    "term.initial_months": {"zh-TW": "契約期間", "en": "the initial term"},
    "term.renewal.renewal_months": {"zh-TW": "續約期間", "en": "the renewal term"},
    "term.renewal.non_renewal_notice_days": {"zh-TW": "不續約通知期間", "en": "the non-renewal notice period"},
    "term.renewal.automatic": {"zh-TW": "自動續約", "en": "automatic renewal"},
    "territory.regions": {"zh-TW": "約定區域", "en": "the Territory"},
    "appointment.exclusivity": {"zh-TW": "指定之性質", "en": "the nature of the appointment"},
    "appointment.minimum_commitment.amount": {"zh-TW": "最低承諾額", "en": "the minimum commitment"},
    "appointment.non_compete": {"zh-TW": "競業禁止", "en": "the non-compete covenant"},
    "pricing.discount": {"zh-TW": "價格折扣", "en": "the discount"},
    "pricing.price_change_notice_days": {"zh-TW": "價格調整通知期間", "en": "the price change notice period"},
    "pricing.payment_days": {"zh-TW": "付款期間", "en": "the payment period"},
    "profit_sharing.tiers": {"zh-TW": "回饋級距", "en": "tier"},
    "profit_sharing.tiers.*.rate": {"zh-TW": "回饋比率", "en": "the rate"},
    "profit_sharing.tiers.*.threshold": {"zh-TW": "起算門檻", "en": "the threshold"},
    "profit_sharing.cap": {"zh-TW": "回饋上限", "en": "the cap"},
    "profit_sharing.statement_days": {"zh-TW": "結算單提出期間", "en": "the statement period"},
    "profit_sharing.payment_days": {"zh-TW": "回饋給付期間", "en": "the payment period for the share"},
    "profit_sharing.market_development_fund": {"zh-TW": "行銷發展基金", "en": "the market development fund"},
    "kpis": {"zh-TW": "關鍵績效指標", "en": "key performance indicator"},
    "kpis.*.target": {"zh-TW": "目標值", "en": "the target"},
    "kpis.*.threshold": {"zh-TW": "最低門檻", "en": "the threshold"},
    "kpis.*.weight": {"zh-TW": "權重", "en": "the weight"},
    "products": {"zh-TW": "產品", "en": "product"},
    "products.*.kind": {"zh-TW": "產品類別", "en": "the kind of product"},
    "products.*.list_price": {"zh-TW": "建議售價", "en": "the list price"},
    "profit_sharing.kind": {"zh-TW": "利潤分配方式", "en": "the kind of profit sharing"},
    "profit_sharing.method": {"zh-TW": "級距計算方式", "en": "the tier method"},
    "kpis.*.consequence": {"zh-TW": "未達成之效果", "en": "the consequence of a miss"},
    "dispute_resolution.method": {"zh-TW": "爭議解決方式", "en": "the dispute resolution method"},
    "exit.cure_days": {"zh-TW": "違約改正期間", "en": "the cure period"},
    "exit.convenience_notice_days": {"zh-TW": "任意終止之通知期間", "en": "the notice period for termination for convenience"},
    "exit.kpi_failure_periods": {"zh-TW": "未達績效指標之期數", "en": "the number of missed review periods"},
    "confidentiality.survival_years": {"zh-TW": "保密義務存續期間", "en": "the survival of confidentiality"},
    "communication.meeting_cadence": {"zh-TW": "定期會議頻率", "en": "the meeting cadence"},
    "performance_review.cadence": {"zh-TW": "績效評估週期", "en": "the review cadence"},
    "performance_review.improvement_plan_days": {"zh-TW": "改善計畫期間", "en": "the improvement plan period"},
    "support.training_hours": {"zh-TW": "教育訓練時數", "en": "the training hours"},
}


def _named(**names: tuple[str, str]) -> dict[str, Mapping[Lang, str]]:
    return {value: {"zh-TW": zh, "en": en} for value, (zh, en) in names.items()}


_CADENCES = _named(weekly=("每週", "weekly"), biweekly=("每二週", "every two weeks"), monthly=("每月", "monthly"),
                   quarterly=("每季", "quarterly"), half_yearly=("每半年", "half-yearly"))
#: How a coded value of a deal field reads in the 說明 column (never the code itself).
VALUE_NAMES: Mapping[str, Mapping[str, Mapping[Lang, str]]] = {
    "appointment.exclusivity": _named(exclusive=("獨家", "exclusive"), sole=("獨家（甲方保留自行銷售權）", "sole"),
                                      non_exclusive=("非獨家", "non-exclusive")),
    "products.*.kind": _named(goods=("實體商品", "goods"), software=("軟體", "software"), services=("服務", "services")),
    "profit_sharing.kind": _named(rebate=("銷售回饋", "rebate"), commission=("佣金", "commission"),
                                  revenue_share=("營收分潤", "revenue share")),
    "profit_sharing.method": _named(whole_tier=("全額適用所達級距", "whole tier"), marginal=("分段累進", "marginal")),
    "kpis.*.consequence": _named(none=("無", "none"), improvement_plan=("提出改善計畫", "an improvement plan"),
                                 tier_change=("調整回饋級距", "a tier change"),
                                 loss_of_exclusivity=("喪失獨家權", "loss of exclusivity"),
                                 termination_right=("改善計畫；連續未達得終止", "an improvement plan, then a termination right")),
    "performance_review.cadence": _CADENCES,
    "communication.meeting_cadence": _CADENCES,
    "dispute_resolution.method": _named(arbitration=("仲裁", "arbitration"), court=("法院訴訟", "court proceedings")),
}


def _pattern(path: tuple[PathPart, ...]) -> str:
    parts = ["*" if isinstance(p, int) or p.startswith("[") else p for p in path]
    return ".".join(parts)


# Deal fields that say how the document is managed, not what the parties agreed.
META_FIELDS = frozenset({"agreement.version", "agreement.amendment", "agreement.clause_placement"})


def _label(change: FieldChange, lang: Lang, deal: Deal) -> str:
    pattern = _pattern(change.path)
    while pattern:
        if pattern in FIELD_LABELS:
            label = FIELD_LABELS[pattern][lang]
            if pattern.startswith(("kpis.*", "products.*")):
                owner = _item_name(change.path, deal, lang)
                noun = "KPI" if pattern.startswith("kpis") else "product"
                return f"「{owner}」之{label}" if lang == "zh-TW" else f"{label} of the {noun} '{owner}'"
            if pattern.startswith("profit_sharing.tiers.*"):
                index = change.path[2]
                n = index + 1 if isinstance(index, int) else 0
                return f"第{chinese_number(n)}級距之{label}" if lang == "zh-TW" else f"{label} of tier {n}"
            return label
        pattern = pattern.rpartition(".")[0]
    return change.dotted


def _item_name(path: tuple[PathPart, ...], deal: Deal, lang: Lang) -> str:
    """The name of the list item a path goes through (a KPI's name), else its id."""
    for depth, part in enumerate(path):
        if isinstance(part, str) and part.startswith("["):
            nodes, _leaves = _tree(deal)
            item = nodes.get(path[: depth + 1])
            if isinstance(item, Mapping) and item.get("name") is not None:
                return _text(item["name"], lang)
            return part[1:-1]
    return ""


def _owner_name(change: FieldChange, lang: Lang) -> str:
    item = change.new if change.kind == "added" else change.old if change.kind == "removed" else None
    if isinstance(item, Mapping) and item.get("name") is not None:
        return _text(item.get("name"), lang)
    return ""


def _text(value: Any, lang: Lang) -> str:
    if isinstance(value, Mapping):
        return str(value.get(lang) or next(iter(value.values()), ""))
    return "" if value is None else str(value)


def format_value(value: Any, path: tuple[PathPart, ...], deal: Deal, lang: Lang) -> str:
    """A value as the contract prints it: money with its currency, rates as percentages, dates."""
    name = str(path[-1]) if path else ""
    if value is None:
        return "無" if lang == "zh-TW" else "none"
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh-TW" else ("yes" if value else "no")
    if isinstance(value, dt.date):
        return date_text(value, lang, deal.agreement.date_style)
    if isinstance(value, Decimal | int) and name in ("amount", "cap", "threshold") and "kpis" not in path:
        return money(Decimal(value), deal.pricing.currency, lang, capital=False)
    if isinstance(value, Decimal) and name in ("rate", "discount", "weight", "percent"):
        return percent(value, lang)
    if name.endswith("_days") and isinstance(value, int):
        return f"{value}日" if lang == "zh-TW" else f"{value} days"
    if name.endswith("_months") and isinstance(value, int):
        return f"{value}個月" if lang == "zh-TW" else f"{value} months"
    if isinstance(value, Mapping):
        return _text(value.get("name"), lang) if "name" in value else _text(value, lang)
    if isinstance(value, list):
        return ("、" if lang == "zh-TW" else ", ").join(format_value(v, (*path, i), deal, lang) for i, v in enumerate(value))
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    names = VALUE_NAMES.get(_pattern(path))
    if isinstance(value, str) and names and value in names:
        return names[value][lang]
    return str(value)


def _tier_text(item: Mapping[str, Any], deal: Deal, lang: Lang) -> str:
    amount = money(Decimal(item["threshold"]), deal.pricing.currency, lang, capital=False)
    rate = percent(Decimal(item["rate"]), lang)
    return f"{amount}以上，{rate}" if lang == "zh-TW" else f"{amount} and above at {rate}"


def describe(change: FieldChange, old: Deal, new: Deal, lang: Lang) -> str:
    """One sentence for the 說明 column: 「最低承諾額由…調整為…」 / "the cure period is changed from … to …"."""
    deal = old if change.kind == "removed" else new
    label = _label(change, lang, deal)
    item = change.new if change.kind == "added" else change.old
    if _pattern(change.path) == "profit_sharing.tiers.*" and isinstance(item, Mapping):
        text = _tier_text(item, deal, lang)
        if lang == "zh-TW":
            return f"{'新增' if change.kind == 'added' else '刪除'}回饋級距：{text}"
        return f"A tier {'is added' if change.kind == 'added' else 'is removed'}: {text}."
    if change.kind == "added":
        name = _owner_name(change, lang) or format_value(change.new, change.path, new, lang)
        return f"新增{label}：{name}" if lang == "zh-TW" else f"A {label} is added: {name}."
    if change.kind == "removed":
        name = _owner_name(change, lang) or format_value(change.old, change.path, old, lang)
        return f"刪除{label}：{name}" if lang == "zh-TW" else f"The {label} {name} is removed."
    before = format_value(change.old, change.path, old, lang)
    after = format_value(change.new, change.path, new, lang)
    if change.new is None:
        return f"刪除{label}（原為{before}）" if lang == "zh-TW" else f"{label[0].upper()}{label[1:]} ({before}) is removed."
    if change.old is None:
        return f"新增{label}：{after}" if lang == "zh-TW" else f"{label[0].upper()}{label[1:]} is added: {after}."
    if lang == "zh-TW":
        return f"{label}由{before}調整為{after}"
    return f"{label[0].upper()}{label[1:]} is changed from {before} to {after}."
