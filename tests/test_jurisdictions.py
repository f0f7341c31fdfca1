"""The jurisdiction table: its schema, its coverage of the deal model, marker consistency, the user
override, and the per-deal ``law`` / ``tax`` objects clauses read."""

from __future__ import annotations

import copy
from itertools import permutations
from pathlib import Path
from typing import Any

import pytest

from agreementkit.deal.yamlio import load_yaml
from agreementkit.errors import LibraryError
from agreementkit.library.jurisdictions import (
    TABLE_FILE,
    JurisdictionTable,
    load_countries,
    load_jurisdictions,
    load_table,
)
from agreementkit.library.lawcontext import law_context, tax_context, with_article
from agreementkit.library.loader import Library
from agreementkit.models.common import LANGS, Text
from agreementkit.models.deal import GOVERNING_LAWS, INSTITUTION_CODES, Deal

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TABLE = load_table()


def _deal(**changes: Any) -> Deal:
    """The zh-TW distributor example with top-level or dotted-path changes."""
    data = copy.deepcopy(load_yaml(EXAMPLES / "distributor-zh-TW.yaml").data)
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = data
        for key in parents:
            node = node[key]
        if value is None:
            node.pop(last, None)
        else:
            node[last] = value
    return Deal.model_validate(data)


def _foreign_partner(country: str) -> dict[str, Any]:
    partner = copy.deepcopy(load_yaml(EXAMPLES / "distributor-zh-TW.yaml").data["parties"]["partner"])
    partner.pop("tax_id")
    partner.update(country=country, registration="REG-1")
    return partner


# --- the table itself --------------------------------------------------------------------------


def test_the_bundled_table_covers_every_governing_law_and_institution_of_the_deal_model() -> None:
    assert set(load_jurisdictions()) == set(GOVERNING_LAWS)
    assert set(TABLE.institutions) == set(INSTITUTION_CODES)
    countries = load_countries()
    for code, jurisdiction in TABLE.jurisdictions.items():
        assert jurisdiction.country in countries, f"{code}: country {jurisdiction.country} has no entry"
    assert TABLE.neutral is not None


@pytest.mark.parametrize("code", GOVERNING_LAWS)
def test_every_jurisdiction_has_markers_in_both_languages(code: str) -> None:
    jurisdiction = TABLE.jurisdictions[code]
    for lang in LANGS:
        assert jurisdiction.markers.get(lang), f"{code}: no {lang} markers"
        assert jurisdiction.laws_of.get(lang)


def _shared(wording: Text, code: str) -> bool:
    """Wording another jurisdiction uses word for word (the US Federal Arbitration Act)."""
    return any(wording in other.wordings() for other_code, other in TABLE.jurisdictions.items() if other_code != code)


def _inside_another(text: str, code: str) -> bool:
    """Taiwan's 個人資料保護法 is part of Singapore's 個人資料保護法令, so only its article citations
    (個人資料保護法第…) can be its marker."""
    return any(
        text in w.get(lang) for c, j in TABLE.jurisdictions.items() if c != code for w in j.wordings() for lang in LANGS
    )


@pytest.mark.parametrize("code", GOVERNING_LAWS)
def test_each_statute_the_table_names_is_caught_by_its_own_markers(code: str) -> None:
    """Otherwise a leak of that statute into another jurisdiction's draft would go unnoticed."""
    jurisdiction = TABLE.jurisdictions[code]
    for wording in (jurisdiction.laws_of, jurisdiction.arbitration_statute, jurisdiction.data_protection,
                    jurisdiction.court_basis, jurisdiction.trade_secrets, jurisdiction.electronic_signatures):
        if wording is None or _shared(wording, code):
            continue
        for lang in LANGS:
            text = wording.get(lang)
            if _inside_another(text, code):
                continue
            assert any(m in text for m in jurisdiction.markers.get(lang)), f"{code}: no {lang} marker in {text!r}"


@pytest.mark.parametrize(("one", "other"), list(permutations(GOVERNING_LAWS, 2)))
def test_no_marker_occurs_in_another_jurisdictions_wording(one: str, other: str) -> None:
    markers = TABLE.jurisdictions[one].markers
    wordings = TABLE.jurisdictions[other].wordings() + TABLE.neutral_wording().wordings()
    wordings += [w for country in TABLE.countries.values() for w in country.wordings()]
    wordings += [w for inst in TABLE.institutions.values() for w in (inst.name, inst.rules, inst.seat) if w]
    for lang in LANGS:
        for marker in markers.get(lang):
            for wording in wordings:
                assert marker not in wording.get(lang), f"{one} marker {marker!r} in {other}'s {wording.get(lang)!r}"


def test_tax_markers_occur_only_in_their_own_countrys_wording() -> None:
    for code, country in TABLE.countries.items():
        others = [w for c, o in TABLE.countries.items() if c != code for w in o.wordings()]
        others += TABLE.neutral_wording().wordings()
        others += [w for j in TABLE.jurisdictions.values() for w in j.wordings()]
        for lang in LANGS:
            for marker in country.tax_markers.get(lang):
                assert not any(marker in w.get(lang) for w in others), (code, marker)
            for wording in country.wordings():
                assert any(m in wording.get(lang) for m in country.tax_markers.get(lang)), (code, wording)


def test_foreign_markers_leave_out_the_governing_laws_own() -> None:
    foreign = TABLE.foreign_markers("HK", "zh-TW")
    assert "中華民國仲裁法" in foreign and "個人資料保護法第" in foreign
    assert not foreign & set(TABLE.jurisdictions["HK"].markers.zh_TW)
    assert "統一發票" in TABLE.foreign_tax_markers({"SG", "HK"}, "zh-TW")
    assert "統一發票" not in TABLE.foreign_tax_markers({"TW", "SG"}, "zh-TW")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("臺灣臺北地方法院", "TW"),
        (Text.model_validate({"zh-TW": "臺北市", "en": "Taipei"}), "TW"),
        ("Intellectual Property and Commercial Court", "TW"),
        ("Hong Kong", "HK"),
        ("the courts of Singapore", "SG"),
        ("London", "EN"),
        ("New York County", "US-NY"),
        ("San Francisco", "US-CA"),
        ("東京", "JP"),
    ],
)
def test_seats_and_courts_are_placed_in_their_jurisdiction(text: Text | str, code: str) -> None:
    placed = [c for c, j in TABLE.jurisdictions.items() if j.place_in(text)]
    assert placed == [code]


@pytest.mark.parametrize("text", ["Paris", "Sydney, New South Wales", "日內瓦"])
def test_unknown_places_belong_to_no_jurisdiction(text: str) -> None:
    assert not [c for c, j in TABLE.jurisdictions.items() if j.place_in(text)]


# --- the user's override -------------------------------------------------------------------------


def test_a_user_table_replaces_only_the_entries_it_names(tmp_path: Path) -> None:
    (tmp_path / TABLE_FILE).write_text(
        "countries:\n"
        "  HK:\n"
        "    name: {zh-TW: 香港, en: Hong Kong}\n"
        "    tax: {zh-TW: 測試稅, en: test levy}\n"
        "    tax_markers: {zh-TW: [測試稅], en: [test levy]}\n",
        encoding="utf-8",
    )
    table = load_table(tmp_path)
    assert table.countries["HK"].tax is not None and table.countries["HK"].tax.en == "test levy"
    assert table.countries["TW"] == TABLE.countries["TW"]
    assert table.jurisdictions == TABLE.jurisdictions
    assert Library.open(tmp_path).jurisdictions() == table
    hk_domestic = _deal(
        parties__supplier=_foreign_partner("HK"), parties__partner=_foreign_partner("HK"), governing_law="HK"
    )
    assert tax_context(table, hk_domestic).tax.get("en") == "test levy"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("jurisdictions:\n  HK:\n    country: HK\n    name: {zh-TW: 香港}\n    laws_of: {zh-TW: 香港法律, en: x}\n",
         "jurisdictions.HK.name"),
        ("institutions:\n  HKIAC:\n    name: {zh-TW: 甲, en: A}\n    seat: {zh-TW: 乙, en: B}\n    colour: red\n",
         "institutions.HKIAC.colour: unknown key"),
        ("- just a list\n", "YAML mapping"),
    ],
)
def test_a_bad_user_table_is_a_library_error_naming_file_and_field(
    tmp_path: Path, text: str, fragment: str
) -> None:
    (tmp_path / TABLE_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        load_table(tmp_path)
    assert str(tmp_path / TABLE_FILE) in caught.value.message
    assert fragment in caught.value.message
    assert caught.value.exit_code == 3


def test_an_unknown_governing_law_in_a_partial_table_is_a_library_error() -> None:
    with pytest.raises(LibraryError, match="no entry for governing law 'HK'"):
        JurisdictionTable().jurisdiction("HK")


# --- the per-deal view ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Chinese Arbitration Association, Taipei", "the Chinese Arbitration Association, Taipei"),
        ("The London Court of International Arbitration", "The London Court of International Arbitration"),
        ("JAMS", "JAMS"),
        ("Mediation Center of the Chinese Arbitration Association", "the Mediation Center of the Chinese Arbitration Association"),
    ],
)
def test_institution_names_get_the_article_english_needs(given: str, expected: str) -> None:
    result = with_article(Text.model_validate(given))
    assert result is not None and result.en == expected
    assert result.zh_TW == given  # a plain string stands for both languages; zh-TW is left alone


def test_a_known_institution_brings_its_name_rules_and_home_seat() -> None:
    deal = _deal(governing_law="HK", dispute_resolution__arbitration={"institution": "HKIAC"},
                 parties__partner=_foreign_partner("HK"))
    arbitration = law_context(TABLE, deal).arbitration
    assert arbitration is not None
    assert arbitration.institution.en == "the Hong Kong International Arbitration Centre"
    assert arbitration.rules is not None and arbitration.rules.en == "the HKIAC Administered Arbitration Rules"
    assert arbitration.seat.get("zh-TW") == "香港"
    assert arbitration.statute is not None and "Cap. 609" in arbitration.statute.get("en")


def test_the_arbitration_statute_follows_the_seat_not_the_contract() -> None:
    deal = _deal(governing_law="EN", dispute_resolution__arbitration={"institution": "SIAC"})
    arbitration = law_context(TABLE, deal).arbitration
    assert arbitration is not None and arbitration.statute is None  # English law, Singapore seat


def test_singapores_international_arbitration_act_is_named_for_international_deals_only() -> None:
    sg = _foreign_partner("SG")
    cross_border = _deal(governing_law="SG", dispute_resolution__arbitration={"institution": "SIAC"},
                         parties__partner=sg)
    domestic = _deal(governing_law="SG", dispute_resolution__arbitration={"institution": "SIAC"},
                     parties__partner=sg, parties__supplier=_foreign_partner("SG"))
    assert law_context(TABLE, cross_border).arbitration.statute is not None  # type: ignore[union-attr]
    assert law_context(TABLE, domestic).arbitration.statute is None  # type: ignore[union-attr]


def test_data_protection_statute_only_where_a_party_is() -> None:
    both_tw = _deal(governing_law="JP")
    assert law_context(TABLE, both_tw).data_protection is None
    jp_partner = _deal(governing_law="JP", parties__partner=_foreign_partner("JP"))
    statute = law_context(TABLE, jp_partner).data_protection
    assert statute is not None and "Act on the Protection of Personal Information" in statute.get("en")


def test_tax_terms_are_a_countrys_own_only_for_a_domestic_deal() -> None:
    domestic = tax_context(TABLE, _deal())
    assert domestic.specific and domestic.invoice.get("zh-TW") == "統一發票"
    cross = tax_context(TABLE, _deal(parties__partner=_foreign_partner("SG")))
    assert not cross.specific and not cross.domestic
    assert cross.invoice == TABLE.neutral_wording().invoice
    jp = tax_context(TABLE, _deal(parties__partner=_foreign_partner("JP"), parties__supplier=_foreign_partner("JP")))
    assert jp.tax.get("zh-TW") == "消費稅"
    us = tax_context(TABLE, _deal(parties__partner=_foreign_partner("US"), parties__supplier=_foreign_partner("US")))
    assert us.domestic and not us.specific and us.tax == TABLE.neutral_wording().tax


def test_court_basis_only_for_a_court_in_the_governing_laws_jurisdiction() -> None:
    court = {"method": "court", "court": "臺灣臺北地方法院"}
    assert law_context(TABLE, _deal(dispute_resolution=court)).court_basis is not None
    foreign_court = {"method": "court", "court": {"zh-TW": "新加坡高等法院", "en": "the High Court of Singapore"}}
    assert law_context(TABLE, _deal(dispute_resolution=foreign_court)).court_basis is None
    assert law_context(TABLE, _deal(dispute_resolution=court, governing_law="HK")).court_basis is None
