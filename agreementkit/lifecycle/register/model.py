"""What the register hands out: plain frozen records, independent of the database session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from agreementkit.lifecycle.register.states import Status

DocumentState = Literal["same", "changed", "missing", "unreadable"]


@dataclass(frozen=True)
class RegisteredAgreement:
    """One registered agreement: identity, status, dates and the deal text as registered.

    ``amends_id`` is the agreement this one amends; ``superseded_by`` the latest signed amendment of
    this one, whose deal text then holds the terms (and so the deadlines) in force.
    """

    id: int
    status: Status
    partner: str
    partner_tax_id: str | None
    supplier: str
    agreement_type: str
    title: str | None
    number: str | None
    languages: tuple[str, ...]
    effective_date: dt.date
    signed_on: dt.date | None
    deal_file: str
    deal_text: str
    deal_sha256: str
    amends_id: int | None
    superseded_by: int | None
    registered_at: dt.datetime
    registered_by: str

    @property
    def deal_name(self) -> str:
        """The deal file's name, for messages about its text."""
        return Path(self.deal_file).name


@dataclass(frozen=True)
class StatusEvent:
    """One entry of an agreement's status history (``from_status`` None: registered)."""

    from_status: Status | None
    to_status: Status
    at: dt.datetime
    user: str
    note: str | None
    override: bool


@dataclass(frozen=True)
class DocumentCheck:
    """A registered document and whether the file at its path is still the registered one."""

    path: str
    sha256: str
    size: int
    added_at: dt.datetime
    state: DocumentState
    current_sha256: str | None = None


@dataclass(frozen=True)
class AgreementRecord:
    """Everything ``register show`` tells: the agreement, its history, its documents, its amendments."""

    agreement: RegisteredAgreement
    history: tuple[StatusEvent, ...]
    documents: tuple[DocumentCheck, ...]
    amendments: tuple[int, ...] = ()


@dataclass(frozen=True)
class AddOutcome:
    """The result of adding one deal file: the agreement, whether it was new, documents added to it."""

    agreement: RegisteredAgreement
    created: bool
    documents_added: int = 0


@dataclass
class ImportReport:
    """What ``register import`` did, file by file."""

    added: list[tuple[Path, RegisteredAgreement]] = field(default_factory=list)
    unchanged: list[tuple[Path, RegisteredAgreement]] = field(default_factory=list)
    failed: list[tuple[Path, list[str]]] = field(default_factory=list)
