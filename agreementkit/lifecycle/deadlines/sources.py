"""Where the agreements come from: deal files given on the command line, or the register."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from agreementkit.deal.load import load_deal, parse_deal
from agreementkit.lifecycle.deadlines.model import AgreementRef
from agreementkit.lifecycle.register import RegisteredAgreement, in_force, open_register
from agreementkit.models.deal import Deal

# The statuses whose agreements have deadlines to keep.
DUE_STATUSES = ("signed", "active")


@dataclass(frozen=True)
class Source:
    """One agreement to compute deadlines for."""

    ref: AgreementRef
    deal: Deal


def identity_of(deal: Deal) -> str:
    """A stable identity: the agreement number, else a digest of parties, type and effective date.

    An amendment keeps the original's number, so its deadlines keep their calendar UIDs and move.
    """
    a = deal.agreement
    if a.number:
        return a.number
    parts = [
        deal.parties.supplier.tax_id or deal.parties.supplier.name.get("zh-TW"),
        deal.parties.partner.tax_id or deal.parties.partner.name.get("zh-TW"),
        a.type,
        a.effective_date.isoformat(),
    ]
    return "deal-" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def make_ref(deal: Deal, deal_file: str, register_id: int | None = None) -> AgreementRef:
    """The :class:`AgreementRef` of ``deal`` read from ``deal_file``."""
    a = deal.agreement
    partner = deal.parties.partner.name.get("en" if a.language == "en" else "zh-TW")
    label = " ".join(x for x in (a.number or (f"#{register_id}" if register_id else None), partner) if x)
    return AgreementRef(
        identity=identity_of(deal),
        label=label,
        partner=partner,
        deal_file=deal_file,
        register_id=register_id,
        number=a.number,
        date_style=a.date_style,
        amendment=a.amendment or 0,
        dtstamp_date=a.signing_date or a.effective_date,
    )


def _partner_matches(deal: Deal, partner: str | None) -> bool:
    if not partner:
        return True
    needle = partner.strip().casefold()
    p = deal.parties.partner
    names = [p.name.get("zh-TW"), p.name.get("en")]
    return p.tax_id == partner.strip() or any(needle in n.casefold() for n in names)


def from_files(paths: Sequence[Path], partner: str | None = None) -> list[Source]:
    """The deal files, each validated (InputError naming the file otherwise), filtered by partner."""
    sources = []
    for path in paths:
        deal = load_deal(path)
        if _partner_matches(deal, partner):
            sources.append(Source(make_ref(deal, str(path)), deal))
    return sources


def from_register(db: str | None, partner: str | None = None) -> list[Source]:
    """The register's signed and active agreements that no signed amendment supersedes."""
    with open_register(db) as register:
        agreements: list[RegisteredAgreement] = in_force(register.agreements(list(DUE_STATUSES), partner))
    return [
        Source(make_ref(deal, a.deal_file, a.id), deal)
        for a in agreements
        for deal in [parse_deal(a.deal_text.encode("utf-8"), Path(a.deal_file))]
    ]
