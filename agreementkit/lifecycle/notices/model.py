"""The letter as a small IR: sender, addressee, date, subject, numbered paragraphs, citations, signature.

Every text is :data:`Localized` (``{"zh-TW": …, "en": …}``); the renderers pick the language(s) of
the letter (:attr:`Letter.mode`): a zh-TW letter laid out as 主旨／說明 (一、二、…), an English
one as a subject line and numbered paragraphs, a bilingual one side by side as the drafts are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from agreementkit.lifecycle.review.citations import Citation
from agreementkit.models.agreement import Localized
from agreementkit.models.common import Lang

NoticeKind = Literal["renewal", "non-renewal", "cure", "termination", "improvement-plan"]
NOTICE_KINDS: tuple[NoticeKind, ...] = ("renewal", "non-renewal", "cure", "termination", "improvement-plan")
Ground = Literal["breach", "convenience", "kpi", "insolvency", "change-of-control"]
GROUNDS: tuple[Ground, ...] = ("breach", "convenience", "kpi", "insolvency", "change-of-control")
LetterMode = Literal["zh-TW", "en", "bilingual"]
Role = Literal["supplier", "partner"]


@dataclass(frozen=True)
class PartyBlock:
    """A party as a letter shows it: the sender's letterhead or the addressee block."""

    role: Role
    label: Localized  # 甲方 / the Supplier
    name: Localized
    address: Localized
    attention: Localized | None  # the notice contact: 張雅婷 採購經理
    email: str | None
    phone: str | None
    representative: Localized  # 董事長 林志明


@dataclass(frozen=True)
class KeyDate:
    """A date the letter computes: the cure period's end, the agreement's end, the plan's due date."""

    key: str
    label: Localized
    date: dt.date


@dataclass(frozen=True)
class Letter:
    """One notice letter, ready to render."""

    kind: NoticeKind
    ground: Ground | None
    mode: LetterMode
    date: dt.date
    date_text: Localized
    reference: str
    agreement_title: Localized
    agreement_number: str | None
    sender: PartyBlock
    addressee: PartyBlock
    delivery: Localized
    subject: Localized
    paragraphs: tuple[Localized, ...]
    citations: tuple[Citation, ...]
    dates: tuple[KeyDate, ...]
    outputs: tuple[Path, ...] = field(default=())

    @property
    def languages(self) -> tuple[Lang, ...]:
        """The languages the letter is written in, the leading one first."""
        return ("zh-TW", "en") if self.mode == "bilingual" else (self.mode,)

    def key_date(self, key: str) -> dt.date | None:
        """The computed date named ``key``, or None."""
        return next((d.date for d in self.dates if d.key == key), None)


def doc_title(kind: NoticeKind, ground: Ground | None) -> Localized:
    """The letter's heading word: 終止通知書 / Notice of Termination."""
    titles: dict[str, Localized] = {
        "renewal": {"zh-TW": "續約通知書", "en": "Notice of Intention to Renew"},
        "non-renewal": {"zh-TW": "不續約通知書", "en": "Notice of Non-Renewal"},
        "cure": {"zh-TW": "違約改正通知書", "en": "Notice of Breach and Demand to Remedy"},
        "termination": {"zh-TW": "終止契約通知書", "en": "Notice of Termination"},
        "improvement-plan": {"zh-TW": "改善計畫通知書", "en": "Notice Requiring an Improvement Plan"},
    }
    return titles[kind]
