"""How the review names the parties and cites the agreement's clauses.

Labels come from the assembled agreement (``{"improvement_plan": {"zh-TW": "第十條第三項", "en":
"Clause 10.3"}}``); a clause the agreement does not contain is cited by name and flagged. The
parties are called what the agreement calls them — 經銷商 / the Distributor, 代理商 / the Agent — never
a generic word the contract does not use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from agreementkit.models.agreement import Localized
from agreementkit.models.common import Lang

CLAUSE_NAMES: dict[str, Localized] = {
    "profit_sharing": {"zh-TW": "利潤分配", "en": "Profit Sharing"},
    "statements_and_payment": {"zh-TW": "結算及給付", "en": "Statements and Payment"},
    "market_development_fund": {"zh-TW": "行銷發展基金", "en": "Market Development Fund"},
    "kpi_schedule": {"zh-TW": "關鍵績效指標", "en": "Key Performance Indicators"},
    "incentives": {"zh-TW": "績效獎勵", "en": "Performance Incentives"},
    "performance_review": {"zh-TW": "績效評估", "en": "Performance Review"},
    "improvement_plan": {"zh-TW": "改善計畫", "en": "Improvement Plan"},
    "termination_for_kpi_failure": {
        "zh-TW": "未達績效之終止",
        "en": "Termination for Sustained Under-Performance",
    },
    "termination_for_cause": {"zh-TW": "違約終止", "en": "Termination for Cause"},
    "minimum_commitment": {"zh-TW": "最低承諾額", "en": "Minimum Commitment"},
    "notices": {"zh-TW": "通知", "en": "Notices"},
    "post_termination": {"zh-TW": "終止後之處理", "en": "Consequences of Termination"},
}


@dataclass(frozen=True)
class Citation:
    """The clause a statement rests on: its id and label (its number if the agreement has it)."""

    clause_id: str
    label: Localized
    numbered: bool


class Citer:
    """Cites clauses by the labels of the assembled agreement, by name when a clause is absent."""

    def __init__(self, labels: Mapping[str, Localized]) -> None:
        self.labels = dict(labels)

    def has(self, clause_id: str) -> bool:
        """Whether the agreement contains the clause."""
        return clause_id in self.labels

    def __call__(self, clause_id: str) -> Citation:
        if clause_id in self.labels:
            return Citation(clause_id, self.labels[clause_id], True)
        name = CLAUSE_NAMES.get(clause_id, {"zh-TW": clause_id, "en": clause_id})
        return Citation(
            clause_id, {"zh-TW": f"「{name['zh-TW']}」條款", "en": f"the {name['en']} clause"}, False
        )


@dataclass(frozen=True)
class PartyTerms:
    """What the agreement calls each party (its outline's labels)."""

    supplier: Localized
    partner: Localized

    def s(self, lang: Lang) -> str:
        """The supplier in running text: 甲方 / the Supplier."""
        return "甲方" if lang == "zh-TW" else f"the {self.supplier['en']}"

    def p(self, lang: Lang) -> str:
        """The partner in running text: 乙方 / the Distributor."""
        return "乙方" if lang == "zh-TW" else f"the {self.partner['en']}"


# Only when neither the agreement nor the library's outline could be read.
GENERIC_TERMS = PartyTerms({"zh-TW": "供應商", "en": "Supplier"}, {"zh-TW": "通路夥伴", "en": "Partner"})
