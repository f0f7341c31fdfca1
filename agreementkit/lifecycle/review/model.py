"""The result of one review, shared by the service that computes it and the documents that show it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from agreementkit.lifecycle.review.actuals import Actuals
from agreementkit.lifecycle.review.citations import GENERIC_TERMS, PartyTerms
from agreementkit.lifecycle.review.consequence_model import Consequence
from agreementkit.lifecycle.review.kpi import Scorecard
from agreementkit.lifecycle.review.periods import Period
from agreementkit.lifecycle.review.settlement import Settlement
from agreementkit.models.agreement import Localized
from agreementkit.models.deal import Deal

LangMode = Literal["zh-TW", "en", "bilingual"]


@dataclass(frozen=True)
class Review:
    """Everything one review found; ``outputs`` lists the files written, if any."""

    deal: Deal
    deal_name: str
    actuals: Actuals
    period: Period
    review_date: dt.date
    scorecard: Scorecard
    settlement: Settlement | None
    settlement_note: Localized | None
    consequences: tuple[Consequence, ...]
    clause_labels: Mapping[str, Localized]
    citation_note: str | None = None
    terms: PartyTerms = GENERIC_TERMS
    outputs: tuple[Path, ...] = ()
    timings: Mapping[str, float] = field(default_factory=dict)

    @property
    def termination_right(self) -> bool:
        """Whether this review meets the condition of the KPI termination clause.

        Not a right to terminate at once: the consequence lists the procedure that must come first.
        """
        return any(c.kind == "termination_right" for c in self.consequences)
