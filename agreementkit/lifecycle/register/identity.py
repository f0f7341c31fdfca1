"""A deal file read for the register: its text exactly as registered and the identity parsed from it."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from agreementkit.deal.load import parse_deal
from agreementkit.errors import AgreementKitError, InputError
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


@dataclass(frozen=True)
class DealFile:
    """A deal file's bytes, read once, with the text the register keeps and its SHA-256."""

    path: Path
    raw: bytes
    text: str
    sha256: str


def read_deal_file(path: Path) -> DealFile:
    """Read ``path`` (bounded, regular file, UTF-8) without validating it yet."""
    raw = read_regular_file(path, max_bytes=MAX_YAML_BYTES, what="deal file")
    try:
        text = raw.decode("utf-8-sig")  # the byte-order mark is not part of the text kept
    except UnicodeDecodeError:
        # parse_deal names the line that is not UTF-8.
        parse_deal(raw, path)
        raise InputError(f"{path}: deal file is not UTF-8 text; save it as UTF-8") from None
    return DealFile(path.absolute(), raw, text, text_sha256(text))


@functools.cache
def outline_title(agreement_type: str, lang: str) -> str | None:
    """The bundled outline's title for the type (what a draft is headed when the deal gives no title)."""
    from agreementkit.library.loader import Library

    try:
        title = Library.open().outline(agreement_type).title
    except AgreementKitError:
        return None
    return title.get("en" if lang == "en" else "zh-TW")


def identify(file: DealFile) -> DealIdentity:
    """Validate the deal and take its identity; InputError / ValidationFailed name the file and field."""
    deal = parse_deal(file.raw, file.path)
    info = deal.agreement
    lang = info.languages[0]
    return DealIdentity(
        path=file.path,
        text=file.text,
        sha256=file.sha256,
        partner=deal.parties.partner.name.get(lang),
        partner_tax_id=deal.parties.partner.tax_id,
        supplier=deal.parties.supplier.name.get(lang),
        agreement_type=info.type,
        title=info.title.get(lang) if info.title else outline_title(info.type, lang),
        number=info.number,
        languages=tuple(info.languages),
        effective_date=info.effective_date,
        signing_date=info.signing_date,
    )
