"""What a notice rule returns: the subject, the paragraphs of its own, the clauses cited and the dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from agreementkit.lifecycle.notices.model import Ground, KeyDate
from agreementkit.lifecycle.notices.review_input import ReviewFile
from agreementkit.lifecycle.review.citations import Citation
from agreementkit.models.agreement import Localized


@dataclass(frozen=True)
class Body:
    """The part of a letter that depends on its kind (the opening and the delivery are common)."""

    subject: Localized
    paragraphs: tuple[Localized, ...]
    citations: tuple[Citation, ...]
    dates: tuple[KeyDate, ...]


@dataclass(frozen=True)
class Particulars:
    """What the user tells a rule beyond the deal: the reason, the ground, earlier notices, the review."""

    reason: str | None = None
    ground: Ground | None = None
    cure_notice: dt.date | None = None  # when the cure notice a termination for breach follows was given
    plan_notice: dt.date | None = None  # when the improvement-plan notice a KPI termination follows was given
    review: ReviewFile | None = None
