"""The agreement register: agreements, their status history and documents (SQLite or PostgreSQL).

Public API for other parts of agreementkit (the CLI composes it with the deadlines)::

    with open_register(url) as register:
        for agreement in in_force(register.agreements(status=["signed", "active"])):
            agreement.id, agreement.signed_on, agreement.deal_text, agreement.deal_name, agreement.superseded_by
"""

from __future__ import annotations

from agreementkit.lifecycle.register.model import (
    AddOutcome,
    AgreementRecord,
    DocumentCheck,
    ImportReport,
    RegisteredAgreement,
    StatusEvent,
)
from agreementkit.lifecycle.register.service import Register, RegisterSession, in_force, open_register
from agreementkit.lifecycle.register.states import STATUSES, TRANSITIONS, Status

__all__ = [
    "STATUSES",
    "TRANSITIONS",
    "AddOutcome",
    "AgreementRecord",
    "DocumentCheck",
    "ImportReport",
    "Register",
    "RegisterSession",
    "RegisteredAgreement",
    "Status",
    "StatusEvent",
    "in_force",
    "open_register",
]
