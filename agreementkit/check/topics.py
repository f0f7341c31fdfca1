"""The topic registry: every clause topic the checker knows, its category and its names.

Categories follow the mission's five (rights, obligations, profit sharing, exit, KPIs) plus
``general`` for the boilerplate every agreement carries. Ids are stable: they appear in the
JSON report, in playbooks and in clause files (``topic:``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Category = Literal["rights", "obligations", "profit_sharing", "exit", "kpi", "general"]

CATEGORY_NAMES: dict[str, tuple[str, str]] = {
    "rights": ("權利", "Rights"),
    "obligations": ("義務", "Obligations"),
    "profit_sharing": ("利潤分配", "Profit sharing"),
    "exit": ("退出機制", "Exit"),
    "kpi": ("績效指標", "KPIs"),
    "general": ("一般條款", "General"),
}


@dataclass(frozen=True)
class Topic:
    """One fine topic: id, category and its zh-TW / English names."""

    id: str
    category: Category
    zh: str
    en: str

    def name(self, lang: str) -> str:
        """The topic's name in ``lang`` ('zh-TW' or 'en')."""
        return self.zh if lang == "zh-TW" else self.en


_T = Topic
TOPICS: tuple[Topic, ...] = (
    # rights
    _T("appointment", "rights", "指定／授權經銷", "Appointment"),
    _T("exclusivity", "rights", "獨家性", "Exclusivity"),
    _T("territory", "rights", "區域", "Territory"),
    _T("products", "rights", "產品範圍", "Products"),
    _T("license_grant", "rights", "授權使用", "Licence grant"),
    _T("ip_ownership", "rights", "智慧財產權歸屬", "IP ownership"),
    _T("rofr", "rights", "優先承購／優先議約權", "Right of first refusal / offer"),
    _T("most_favored_nation", "rights", "最惠待遇", "Most favoured nation"),
    # obligations
    _T("partner_obligations", "obligations", "經銷商義務", "Partner obligations"),
    _T("vendor_support", "obligations", "供應商支援", "Vendor support"),
    _T("non_compete", "obligations", "競業禁止", "Non-compete"),
    _T("non_solicit", "obligations", "禁止招攬", "Non-solicitation"),
    _T("reporting", "obligations", "報告義務", "Reporting"),
    _T("ordering", "obligations", "訂購與交貨", "Ordering and delivery"),
    _T("volume_restriction", "obligations", "數量限制", "Volume restriction"),
    _T("price_restriction", "obligations", "價格限制", "Price restriction"),
    _T("confidentiality", "obligations", "保密", "Confidentiality"),
    _T("data_protection", "obligations", "個人資料保護", "Data protection"),
    _T("communication", "obligations", "溝通機制", "Communication and governance"),
    _T("warranty_duration", "obligations", "保固期間", "Warranty duration"),
    _T("liability_cap", "obligations", "責任限制", "Cap on liability"),
    _T("indemnity", "obligations", "賠償責任", "Indemnity"),
    _T("insurance", "obligations", "保險", "Insurance"),
    _T("liquidated_damages", "obligations", "違約金", "Liquidated damages"),
    # profit sharing
    _T("pricing", "profit_sharing", "價格與折扣", "Pricing"),
    _T("payment_terms", "profit_sharing", "付款條件", "Payment terms"),
    _T("revenue_sharing", "profit_sharing", "利潤分配／回饋金", "Revenue / profit sharing"),
    _T("mdf", "profit_sharing", "行銷發展基金", "Market development funds"),
    _T("audit_rights", "profit_sharing", "查帳權", "Audit rights"),
    # exit
    _T("expiration", "exit", "契約期間", "Term and expiration"),
    _T("renewal", "exit", "續約", "Renewal"),
    _T("renewal_notice", "exit", "不續約通知期間", "Notice period to stop renewal"),
    _T("termination_for_cause", "exit", "違約終止", "Termination for cause"),
    _T("termination_for_convenience", "exit", "任意終止", "Termination for convenience"),
    _T("kpi_termination", "exit", "未達績效終止", "Termination for KPI failure"),
    _T("change_of_control", "exit", "控制權變更", "Change of control"),
    _T("post_termination", "exit", "終止後事項", "Post-termination"),
    _T("survival", "exit", "存續條款", "Survival"),
    _T("anti_assignment", "exit", "禁止轉讓", "Anti-assignment"),
    # KPIs
    _T("minimum_commitment", "kpi", "最低採購／銷售承諾", "Minimum commitment"),
    _T("kpi_targets", "kpi", "績效指標", "KPI targets"),
    _T("performance_review", "kpi", "績效評估", "Performance review"),
    _T("incentives", "kpi", "獎勵措施", "Incentives"),
    # general
    _T("parties", "general", "當事人", "Parties"),
    _T("definitions", "general", "定義", "Definitions"),
    _T("force_majeure", "general", "不可抗力", "Force majeure"),
    _T("notices", "general", "通知", "Notices"),
    _T("entire_agreement", "general", "完整合意", "Entire agreement"),
    _T("amendments", "general", "修訂", "Amendments"),
    _T("severability", "general", "可分離性", "Severability"),
    _T("waiver", "general", "棄權", "Waiver"),
    _T("language", "general", "語言", "Language"),
    _T("counterparts", "general", "副本", "Counterparts"),
    _T("dispute_resolution", "general", "爭議解決", "Dispute resolution"),
    _T("governing_law", "general", "準據法", "Governing law"),
    _T("signatures", "general", "簽署", "Signatures"),
)

TOPIC_BY_ID: dict[str, Topic] = {t.id: t for t in TOPICS}

# A clause of one topic also covers these (e.g. our renewal clause states the non-renewal notice).
IMPLIED_TOPICS: dict[str, tuple[str, ...]] = {
    "renewal": ("renewal_notice",),
}


def topic(topic_id: str) -> Topic:
    """The registered topic ``topic_id``; KeyError for an unknown id."""
    return TOPIC_BY_ID[topic_id]


def is_topic(topic_id: str) -> bool:
    """Whether ``topic_id`` is registered."""
    return topic_id in TOPIC_BY_ID
