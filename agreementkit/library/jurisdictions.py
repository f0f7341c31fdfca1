"""The jurisdiction table: statute, court, tax and invoice wording per governing law and country.

The table lives in ``jurisdictions.yaml`` at the top of a library folder (the bundled
``clause_library/`` and, optionally, the user's ``--library`` folder, whose entries replace the
bundled entries with the same code). API:

- :func:`load_table` ``(folder=None) -> JurisdictionTable`` — the whole table: ``jurisdictions``
  (by governing-law code: TW, SG, HK, JP, US-NY, US-CA, EN), ``countries`` (by ISO 3166 party
  country code), ``institutions`` (by arbitration institution code) and ``neutral`` wording.
- :func:`load_jurisdictions` ``(folder=None) -> Mapping[str, Jurisdiction]`` and
  :func:`load_countries` ``(folder=None) -> Mapping[str, Country]``: the two halves on their own.
- ``Jurisdiction.markers`` / ``Country.tax_markers``: :class:`Phrases`, read as ``markers["zh-TW"]``
  or ``markers.get("en")`` (a tuple of strings): phrases that only a draft under that governing
  law (resp. with a party in that country) may contain, matched as plain substrings of the
  draft's text in that language. ``JurisdictionTable.foreign_markers(law, lang)`` and
  ``.foreign_tax_markers(countries, lang)`` give the phrases a given draft must not contain.
- ``Jurisdiction.arbitration_statute``, ``.court_basis``, ``.data_protection``, ``.trade_secrets``,
  ``.electronic_signatures``, ``.interim_relief``: :class:`Wording` or ``None`` when the library
  has no verified wording (the clauses then stay neutral). ``Country.tax`` / ``.invoice`` /
  ``.credit_note`` likewise.
- ``Jurisdiction.place_in(text)``: whether a seat or court given as free text lies there.

What a clause sees of this for one deal is built by :mod:`agreementkit.library.lawcontext`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import Field, model_validator

from agreementkit.deal.validation import validate_document
from agreementkit.deal.yamlio import load_yaml_bytes
from agreementkit.errors import AgreementKitError, LibraryError
from agreementkit.library import filecache
from agreementkit.library.filecache import Stamp, stamp
from agreementkit.library.resources import bundled_dir
from agreementkit.models.common import Lang, Strict, Text

TABLE_FILE = "jurisdictions.yaml"


class Wording(Text):
    """Library wording: required in both languages."""

    @model_validator(mode="after")
    def _both_languages(self) -> Wording:
        if self.zh_TW is None or self.en is None:
            raise ValueError("library wording needs both zh-TW and en")
        return self


class Phrases(Strict):
    """Phrases per language (markers, place names)."""

    zh_TW: tuple[str, ...] = Field(default=(), alias="zh-TW")
    en: tuple[str, ...] = ()

    def get(self, lang: Lang) -> tuple[str, ...]:
        """The phrases of ``lang``."""
        return self.zh_TW if lang == "zh-TW" else self.en

    def __getitem__(self, lang: Lang) -> tuple[str, ...]:
        """``markers["zh-TW"]``: the phrases of ``lang``, as with a mapping."""
        if lang not in ("zh-TW", "en"):
            raise KeyError(lang)
        return self.get(lang)

    def all(self) -> tuple[str, ...]:
        """Every phrase of both languages."""
        return self.zh_TW + self.en


class Jurisdiction(Strict):
    """One governing law: what the library may cite under it."""

    country: str = Field(min_length=2, max_length=2, description="ISO country whose parties it concerns")
    name: Wording
    laws_of: Wording = Field(description="'the laws of …' as the governing-law clause names them")
    places: Phrases = Field(default_factory=Phrases, description="Names that place a seat or court here")
    arbitration_statute: Wording | None = None
    arbitration_statute_international_only: bool = False
    court_basis: Wording | None = None
    interim_relief: Wording | None = None
    data_protection: Wording | None = None
    trade_secrets: Wording | None = None
    electronic_signatures: Wording | None = None
    markers: Phrases = Field(default_factory=Phrases)

    def place_in(self, text: Text | str | None) -> bool:
        """Whether ``text`` (a seat or court, in either language) names a place in this jurisdiction."""
        if text is None:
            return False
        values = [text] if isinstance(text, str) else [v for v in (text.zh_TW, text.en) if v]
        for value in values:
            folded = value.casefold()
            if any(p.casefold() in folded for p in self.places.all()):
                return True
        return False

    def wordings(self) -> list[Wording]:
        """Every piece of wording this jurisdiction contributes to drafts."""
        fields = (
            self.laws_of,
            self.arbitration_statute,
            self.court_basis,
            self.interim_relief,
            self.data_protection,
            self.trade_secrets,
            self.electronic_signatures,
        )
        return [w for w in fields if w is not None]


class Country(Strict):
    """A party country: its tax and invoice wording (used for domestic deals only)."""

    name: Wording
    tax: Wording | None = None
    invoice: Wording | None = None
    credit_note: Wording | None = None
    tax_markers: Phrases = Field(default_factory=Phrases)

    def wordings(self) -> list[Wording]:
        """Every piece of wording this country contributes to drafts."""
        return [w for w in (self.tax, self.invoice, self.credit_note) if w is not None]


class Institution(Strict):
    """A known arbitration institution: its full name (with 'the' where English needs it), rules, home seat."""

    name: Wording
    rules: Wording | None = Field(default=None, description="Null: 'its arbitration rules' in force")
    seat: Wording


class Neutral(Strict):
    """Wording used where the table has nothing specific."""

    tax: Wording
    invoice: Wording
    credit_note: Wording
    interim_relief: Wording

    def wordings(self) -> list[Wording]:
        """Every neutral wording."""
        return [self.tax, self.invoice, self.credit_note, self.interim_relief]


class JurisdictionTable(Strict):
    """The whole table (one file, or the bundled one overlaid by a user's)."""

    jurisdictions: dict[str, Jurisdiction] = Field(default_factory=dict)
    countries: dict[str, Country] = Field(default_factory=dict)
    institutions: dict[str, Institution] = Field(default_factory=dict)
    neutral: Neutral | None = None

    def jurisdiction(self, code: str) -> Jurisdiction:
        """The entry for governing-law ``code``; a library error names the file to fix."""
        found = self.jurisdictions.get(code)
        if found is None:
            raise LibraryError(f"{TABLE_FILE}: no entry for governing law {code!r}; add it under 'jurisdictions'")
        return found

    def neutral_wording(self) -> Neutral:
        """The neutral wording (the bundled table always has it)."""
        if self.neutral is None:
            raise LibraryError(f"{TABLE_FILE}: the 'neutral' wording is missing")
        return self.neutral

    def foreign_markers(self, law: str, lang: Lang) -> set[str]:
        """Markers of every jurisdiction but ``law``: phrases a draft under ``law`` must not contain."""
        own = set(self.jurisdictions[law].markers.get(lang)) if law in self.jurisdictions else set()
        return {
            m for code, j in self.jurisdictions.items() if code != law for m in j.markers.get(lang)
        } - own

    def foreign_tax_markers(self, countries: Iterable[str], lang: Lang) -> set[str]:
        """Tax markers of every country none of ``countries`` is."""
        present = set(countries)
        own = {m for c in present if c in self.countries for m in self.countries[c].tax_markers.get(lang)}
        return {
            m for code, c in self.countries.items() if code not in present for m in c.tax_markers.get(lang)
        } - own

    def overlaid(self, other: JurisdictionTable) -> JurisdictionTable:
        """This table with ``other``'s entries replacing those with the same code."""
        return JurisdictionTable(
            jurisdictions={**self.jurisdictions, **other.jurisdictions},
            countries={**self.countries, **other.countries},
            institutions={**self.institutions, **other.institutions},
            neutral=other.neutral or self.neutral,
        )


def _read(path: Path) -> JurisdictionTable:
    """The table in ``path``: from the on-disk cache (keyed on its bytes) when there, else parsed and kept."""
    what = "jurisdiction table"
    raw = filecache.read_source(path, what)
    cached = filecache.get(JurisdictionTable, raw)
    if cached is not None:
        return cached
    try:
        table = validate_document(JurisdictionTable, load_yaml_bytes(raw, path, what), what)
    except LibraryError:
        raise
    except AgreementKitError as exc:  # a bad table is a library problem, not the user's deal
        raise LibraryError(f"{path}: invalid {what}: {'; '.join(exc.lines())}") from None
    filecache.put(JurisdictionTable, raw, table)
    return table


@functools.lru_cache(maxsize=16)
def _load(folder: Path | None, stamps: tuple[Stamp | None, ...]) -> JurisdictionTable:
    """The table once per process for each (folder, the files' mtime and size)."""
    del stamps  # part of the cache key only
    bundled = bundled_dir("clause_library") / TABLE_FILE
    if not bundled.is_file():
        raise LibraryError(f"{bundled}: the bundled jurisdiction table is missing")
    table = _read(bundled)
    if folder is not None:
        user = folder / TABLE_FILE
        if user.is_file():
            table = table.overlaid(_read(user))
    return table


def load_table(folder: Path | None = None) -> JurisdictionTable:
    """The bundled table, overlaid by ``folder``/jurisdictions.yaml when that file exists."""
    folder = folder.resolve() if folder is not None else None
    files = [bundled_dir("clause_library") / TABLE_FILE, *([folder / TABLE_FILE] if folder is not None else [])]
    return _load(folder, tuple(stamp(f) if f.is_file() else None for f in files))


def load_jurisdictions(folder: Path | None = None) -> Mapping[str, Jurisdiction]:
    """Every governing law's entry, by code (TW, SG, HK, JP, US-NY, US-CA, EN)."""
    return load_table(folder).jurisdictions


def load_countries(folder: Path | None = None) -> Mapping[str, Country]:
    """Every party country's entry, by ISO 3166 alpha-2 code."""
    return load_table(folder).countries
