"""What clause expressions see of the jurisdiction table for one deal: ``law`` and ``tax``.

Clause variables read these with ``from:`` (``from: law.data_protection``), beside ``deal`` and
``outline``. Every statute is named only where it fits the deal's facts, so that a draft never
cites another jurisdiction's law:

- ``law.arbitration.statute`` — the governing law's arbitration statute, only when the seat lies
  in that jurisdiction (the law of the seat governs an arbitration), else ``None``;
- ``law.court_basis`` — the governing law's basis for an agreed court, only for a court there;
- ``law.data_protection`` — the governing law's data-protection statute, only when a party is in
  that country;
- ``tax.*`` — a country's tax and invoice terms only when both parties are in that country,
  else the table's neutral wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agreementkit.errors import LibraryError
from agreementkit.library.jurisdictions import TABLE_FILE, Institution, Jurisdiction, JurisdictionTable
from agreementkit.models.common import Text
from agreementkit.models.deal import Arbitration, Deal

# English names of bodies that take the definite article ("the Chinese Arbitration Association").
_TAKES_THE = re.compile(
    r"\b(association|centre|center|court|chamber|institute|institution|commission|council|board|"
    r"tribunal|organi[sz]ation|federation|foundation|service|office|authority)\b",
    re.IGNORECASE,
)


def with_article(text: Text | None) -> Text | None:
    """``text`` with 'the' before an English institution name that lacks it (zh-TW unchanged)."""
    if text is None or text.en is None:
        return text
    name = text.en.strip()
    if name.lower().startswith("the ") or not _TAKES_THE.search(name):
        return text
    return Text.model_validate({"zh-TW": text.zh_TW, "en": f"the {name}"} if text.zh_TW else {"en": f"the {name}"})


@dataclass(frozen=True)
class ArbitrationTerms:
    """The arbitration as the clause states it."""

    institution: Text
    rules: Text | None
    seat: Text
    statute: Text | None
    language: str
    arbitrators: int


@dataclass(frozen=True)
class LawContext:
    """The governing law as clauses see it (``law`` in clause expressions)."""

    code: str
    name: Text
    laws_of: Text
    local: bool
    data_protection: Text | None
    trade_secrets: Text | None
    electronic_signatures: Text | None
    interim_relief: Text
    specific_interim_relief: bool
    court_basis: Text | None
    court: Text | None
    mediation: Text | None
    arbitration: ArbitrationTerms | None


@dataclass(frozen=True)
class TaxContext:
    """Tax and invoice terms for this deal (``tax`` in clause expressions)."""

    country: str | None
    country_name: Text | None
    domestic: bool
    specific: bool
    tax: Text
    invoice: Text
    credit_note: Text


def _known_institution(table: JurisdictionTable, arbitration: Arbitration) -> Institution | None:
    """The table entry a code names, or that a free-text name spells out in full."""
    chosen = arbitration.institution
    if isinstance(chosen, str):
        return table.institutions.get(chosen)

    def fold(value: str | None) -> str:
        value = (value or "").strip().casefold()
        return value[4:] if value.startswith("the ") else value

    given = {fold(chosen.zh_TW), fold(chosen.en)} - {""}
    for entry in table.institutions.values():
        if given & {fold(entry.name.zh_TW), fold(entry.name.en)}:
            return entry
    return None


def _arbitration(table: JurisdictionTable, law: Jurisdiction, deal: Deal) -> ArbitrationTerms | None:
    arbitration = deal.dispute_resolution.arbitration
    if deal.dispute_resolution.method != "arbitration" or arbitration is None:
        return None
    known = _known_institution(table, arbitration)
    institution: Text
    if isinstance(arbitration.institution, str):
        if known is None:
            raise LibraryError(
                f"{TABLE_FILE}: no entry for arbitration institution {arbitration.institution!r}; "
                "add it under 'institutions'"
            )
        institution = known.name
    else:  # the deal's own words, with the article English needs
        institution = with_article(arbitration.institution) or arbitration.institution
    seat = arbitration.seat or (known.seat if known is not None else None)
    if seat is None:
        raise LibraryError("dispute_resolution.arbitration: no seat given and no known institution's seat")
    statute = law.arbitration_statute if law.place_in(seat) else None
    domestic = deal.parties.supplier.country == deal.parties.partner.country
    if law.arbitration_statute_international_only and domestic:
        statute = None
    return ArbitrationTerms(
        institution=institution,
        rules=known.rules if known is not None else None,
        seat=seat,
        statute=statute,
        language=arbitration.language,
        arbitrators=arbitration.arbitrators,
    )


def law_context(table: JurisdictionTable, deal: Deal) -> LawContext:
    """The ``law`` object for ``deal``."""
    law = table.jurisdiction(deal.governing_law)
    neutral = table.neutral_wording()
    countries = {deal.parties.supplier.country, deal.parties.partner.country}
    local = law.country in countries
    court = deal.dispute_resolution.court if deal.dispute_resolution.method == "court" else None
    return LawContext(
        code=deal.governing_law,
        name=law.name,
        laws_of=law.laws_of,
        local=local,
        data_protection=law.data_protection if local else None,
        trade_secrets=law.trade_secrets,
        electronic_signatures=law.electronic_signatures,
        interim_relief=law.interim_relief or neutral.interim_relief,
        specific_interim_relief=law.interim_relief is not None,
        court_basis=law.court_basis if court is not None and law.place_in(court) else None,
        court=with_article(court),
        mediation=with_article(deal.dispute_resolution.mediation),
        arbitration=_arbitration(table, law, deal),
    )


def tax_context(table: JurisdictionTable, deal: Deal) -> TaxContext:
    """The ``tax`` object for ``deal``: a country's wording for a domestic deal, else neutral."""
    neutral = table.neutral_wording()
    supplier, partner = deal.parties.supplier.country, deal.parties.partner.country
    domestic = supplier == partner
    country = table.countries.get(supplier) if domestic else None
    tax = country.tax if country is not None else None
    invoice = country.invoice if country is not None else None
    credit_note = country.credit_note if country is not None else None
    return TaxContext(
        country=supplier if domestic else None,
        country_name=country.name if country is not None else None,
        domestic=domestic,
        specific=tax is not None,
        tax=tax or neutral.tax,
        invoice=invoice or neutral.invoice,
        credit_note=credit_note or neutral.credit_note,
    )
