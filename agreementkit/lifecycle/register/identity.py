"""A deal file read for the register: its text exactly as registered and the identity parsed from it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from agreementkit.deal.load import parse_deal
from agreementkit.errors import InputError
from agreementkit.fileio.input import MAX_YAML_BYTES, read_regular_file
from agreementkit.lifecycle.register.documents import text_sha256


@dataclass(frozen=True)
class DealIdentity:
    """Who and what a deal file is about, as the register lists it."""

    path: Path
    text: str
    sha256: str
    partner: str
    partner_tax_id: str | None
    supplier: str
    agreement_type: str
    title: str | None
    number: str | None
    languages: tuple[str, ...]
    effective_date: dt.date
    signing_date: dt.date | None


def read_deal(path: Path) -> DealIdentity:
    """Read and validate the deal file ``path`` once; InputError / ValidationFailed name the file and field."""
    raw = read_regular_file(path, max_bytes=MAX_YAML_BYTES, what="deal file")
    deal = parse_deal(raw, path)
    # parse_deal has accepted the bytes as UTF-8; the text kept is what it read, byte-order mark removed.
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # pragma: no cover - parse_deal refuses such files first
        raise InputError(f"{path}: deal file is not UTF-8 text") from None
    info = deal.agreement
    lang = info.languages[0]
    return DealIdentity(
        path=path.absolute(),
        text=text,
        sha256=text_sha256(text),
        partner=deal.parties.partner.name.get(lang),
        partner_tax_id=deal.parties.partner.tax_id,
        supplier=deal.parties.supplier.name.get(lang),
        agreement_type=info.type,
        title=info.title.get(lang) if info.title else None,
        number=info.number,
        languages=tuple(info.languages),
        effective_date=info.effective_date,
        signing_date=info.signing_date,
    )
