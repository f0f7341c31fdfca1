"""Drafts cite only the governing law's statutes and a domestic deal's tax terms.

The repros of issue 10 item 1 (Hong Kong law with HKIAC arbitration naming Taiwan's Arbitration Act
and Personal Data Protection Act; the Singapore reseller relying on the Government Uniform Invoice),
the English style fixes of item 6, and a sweep over every governing law x language x agreement type
that checks the jurisdiction table's markers.
"""

from __future__ import annotations

import copy
import functools
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from agreementkit.cli import main
from agreementkit.deal.yamlio import load_yaml
from agreementkit.drafting.assemble import assemble
from agreementkit.library.jurisdictions import TABLE_FILE, load_table
from agreementkit.library.loader import Library
from agreementkit.models.agreement import Agreement, Paragraph, Table
from agreementkit.models.common import Lang
from agreementkit.models.deal import GOVERNING_LAWS, Deal

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LIB = Library.open()
TABLE = load_table()
TYPES = ("distributor", "reseller", "referral", "agency", "strategic_alliance")

# Where each governing law's own institution sits, so that its arbitration statute is named.
HOME_FORUM: dict[str, Any] = {
    "TW": {"institution": "CAA"},
    "SG": {"institution": "SIAC"},
    "HK": {"institution": "HKIAC"},
    "JP": {"institution": "JCAA"},
    "US-NY": {"institution": "ICDR"},
    "US-CA": {"institution": {"zh-TW": "美國仲裁協會國際爭議解決中心", "en": "International Centre for Dispute Resolution"},
              "seat": {"zh-TW": "舊金山", "en": "San Francisco"}},
    "EN": {"institution": "LCIA"},
}
HOME_COURT: dict[str, Any] = {
    "TW": {"zh-TW": "臺灣臺北地方法院", "en": "the Taiwan Taipei District Court"},
    "SG": {"zh-TW": "新加坡高等法院", "en": "the High Court of Singapore"},
    "HK": {"zh-TW": "香港高等法院原訟法庭", "en": "the Court of First Instance of the High Court of Hong Kong"},
    "JP": {"zh-TW": "東京地方裁判所", "en": "the Tokyo District Court"},
    "US-NY": {"zh-TW": "紐約州紐約郡之州法院或聯邦法院", "en": "the state or federal courts in New York County, New York"},
    "US-CA": {"zh-TW": "加州舊金山郡之州法院或聯邦法院", "en": "the state or federal courts in San Francisco County, California"},
    "EN": {"zh-TW": "英格蘭及威爾斯法院", "en": "the courts of England and Wales in London"},
}

# Taiwanese wording that must not appear under another governing law with a foreign partner, written
# broader than the table's markers (which must stay clear of other jurisdictions' statute names).
TAIWAN_WORDS: dict[Lang, tuple[str, ...]] = {
    "zh-TW": ("個人資料保護法", "中華民國法律", "中華民國仲裁法", "民事訴訟法", "營業秘密法", "電子簽章法",
              "統一發票", "營業稅", "公平交易法", "民法第", "假扣押"),
    "en": ("Personal Data Protection Act", "Republic of China", "Arbitration Act of Taiwan", "Code of Civil Procedure",
           "Trade Secrets Act", "Electronic Signatures Act", "Government Uniform Invoice", "business tax",
           "Fair Trade Act", "Civil Code", "provisional attachment"),
}
OTHER_STATUTES = ("新加坡2012年個人資料保護法令", "Personal Data Protection Act 2012")


@functools.cache
def _example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(EXAMPLES / name).data
    return data


def _as_type(data: dict[str, Any], agreement_type: str) -> None:
    """Turn a resale example into ``agreement_type`` the way a user would."""
    data["agreement"]["type"] = agreement_type
    if agreement_type in ("referral", "strategic_alliance"):
        data["pricing"] = {"basis": "not_applicable", "currency": data["pricing"].get("currency", "TWD")}
        data["profit_sharing"].update(kind="commission", basis="net_revenue", payment_form="bank_transfer")
        data["appointment"] = {"exclusivity": "non_exclusive"}
    if agreement_type == "agency":
        data["appointment"]["acts_in_supplier_name"] = True
        data["profit_sharing"].update(kind="commission", basis="net_sales", method="whole_tier",
                                      payment_form="bank_transfer")


def _partner_in(data: dict[str, Any], country: str) -> None:
    partner = data["parties"]["partner"]
    partner["country"] = country
    if country != "TW":
        partner.pop("tax_id", None)
        partner["registration"] = "REG-2027-01"
    elif "tax_id" not in partner:
        partner.pop("registration", None)
        partner["tax_id"] = "12345675"


def make_deal(lang: Lang, agreement_type: str, law: str, forum: str = "arbitration",
              partner_country: str | None = None) -> Deal:
    """The zh-TW distributor or the English reseller example under ``law``, as ``agreement_type``."""
    data = copy.deepcopy(_example("distributor-zh-TW.yaml" if lang == "zh-TW" else "reseller-en.yaml"))
    _as_type(data, agreement_type)
    data["governing_law"] = law
    _partner_in(data, partner_country or TABLE.jurisdictions[law].country)
    dispute = data["dispute_resolution"]
    dispute.pop("mediation", None)
    if forum == "arbitration":
        dispute.update(method="arbitration", arbitration={**HOME_FORUM[law], "language": lang})
        dispute.pop("court", None)
    else:
        dispute.update(method="court", court=HOME_COURT[law])
        dispute.pop("arbitration", None)
    return Deal.model_validate(data)


def _texts(agreement: Agreement, lang: Lang) -> list[str]:
    parts: list[str] = [agreement.title[lang]]
    parts += [p.text(lang) for p in agreement.preamble]
    tables: list[Table] = [agreement.key_terms]
    for clause in agreement.clauses():
        for block in clause.blocks:
            if isinstance(block, Paragraph):
                parts.append(block.text(lang))
            else:
                tables.append(block)
    for table in tables:
        parts += [table.caption[lang], *(c[lang] for c in table.header), *(c[lang] for r in table.rows for c in r)]
    return parts


def draft_text(deal: Deal, lang: Lang) -> str:
    """Every word of the drafted agreement in ``lang``."""
    return "\n".join(_texts(assemble(deal, LIB, (lang,)), lang))


def clause_text(deal: Deal, lang: Lang, clause_id: str) -> str:
    """One drafted clause in ``lang``."""
    agreement = assemble(deal, LIB, (lang,))
    clause = next(c for c in agreement.clauses() if c.id == clause_id)
    return "\n".join(b.text(lang) for b in clause.blocks if isinstance(b, Paragraph))


def _countries(deal: Deal) -> set[str]:
    return {deal.parties.supplier.country, deal.parties.partner.country}


# --- the repros ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_hong_kong_law_with_hkiac_cites_no_taiwanese_statute(lang: Lang) -> None:
    deal = make_deal(lang, "referral", "HK")
    text = draft_text(deal, lang)
    if lang == "zh-TW":
        assert "仲裁法" not in text and "個人資料保護法" not in text
        assert "香港國際仲裁中心" in text and "香港仲裁條例（第609章）" in text
        assert "香港個人資料（私隱）條例（第486章）" in text
    else:
        assert "Arbitration Act" not in text and "Personal Data Protection Act" not in text
        assert "administered by the Hong Kong International Arbitration Centre under the HKIAC Administered " \
               "Arbitration Rules" in text
        assert "the Arbitration Ordinance (Cap. 609) of Hong Kong" in text
        assert "Personal Data (Privacy) Ordinance (Cap. 486)" in text


def test_the_singapore_reseller_relies_on_no_taiwanese_invoice_or_tax() -> None:
    deal = Deal.model_validate(_example("reseller-en.yaml"))
    text = draft_text(deal, "en")
    assert "Government Uniform Invoice" not in text and "business tax" not in text and "VAT" not in text
    assert "an invoice complying with applicable tax law" in text
    assert "withhold" in text  # a cross-border payment says who handles withholding tax


def test_the_singapore_reseller_names_its_institution_with_the_article() -> None:
    deal = Deal.model_validate(_example("reseller-en.yaml"))
    text = clause_text(deal, "en", "dispute_resolution")
    assert "administered by the Chinese Arbitration Association, Taipei" in text
    # Taiwanese law, Taipei seat: the seat's statute is named
    assert "governed by the Arbitration Act of the Republic of China (Taiwan)" in text


def test_the_taiwanese_distributor_keeps_its_taiwanese_wording() -> None:
    deal = Deal.model_validate(_example("distributor-zh-TW.yaml"))
    text = draft_text(deal, "zh-TW")
    for phrase in ("以中華民國法律為準據法", "仲裁程序並適用中華民國仲裁法", "依法開立統一發票予乙方", "未含營業稅",
                   "依個人資料保護法第四條規定視同甲方", "施行細則第八條", "營業秘密法", "電子簽章法",
                   "假扣押、假處分或其他保全程序", "公平交易法", "中華民國貿易法"):
        assert phrase in text, phrase
    assert "扣繳" not in text  # a domestic deal has no withholding paragraph


def test_a_taiwanese_court_keeps_its_code_of_civil_procedure_basis() -> None:
    deal = Deal.model_validate(_example("alliance-bilingual.yaml"))
    assert "雙方同意依民事訴訟法第二十四條規定，以臺灣新竹地方法院為第一審管轄法院" in clause_text(
        deal, "zh-TW", "dispute_resolution")
    assert "under Article 24 of the Code of Civil Procedure of the Republic of China (Taiwan)" in clause_text(
        deal, "en", "dispute_resolution")


def test_a_seat_outside_the_governing_laws_jurisdiction_names_no_statute() -> None:
    data = copy.deepcopy(_example("reseller-en.yaml"))
    data["governing_law"] = "EN"
    data["dispute_resolution"]["arbitration"] = {"institution": "SIAC", "language": "en"}
    text = clause_text(Deal.model_validate(data), "en", "dispute_resolution")
    assert "the arbitration law of the seat" in text
    assert "Arbitration Act" not in text and "International Arbitration Act" not in text
    assert "The seat of the arbitration is Singapore" in text


def test_a_domestic_japanese_deal_uses_japanese_tax_terms() -> None:
    data = copy.deepcopy(_example("distributor-zh-TW.yaml"))
    data["governing_law"] = "JP"
    for role in ("supplier", "partner"):
        party = data["parties"][role]
        party.pop("tax_id")
        party.update(country="JP", registration="JP-1")
    text = draft_text(Deal.model_validate(data), "zh-TW")
    assert "消費稅" in text and "適格請求書" in text
    assert "營業稅" not in text and "統一發票" not in text


def test_english_dispute_clause_writes_every_number_the_same_way() -> None:
    data = copy.deepcopy(_example("reseller-en.yaml"))
    data["dispute_resolution"]["mediation"] = "Mediation Center of the Chinese Arbitration Association"
    text = clause_text(Deal.model_validate(data), "en", "dispute_resolution")
    assert not re.search(r"\b(ten|fifteen|thirty|sixty|ninety) days\b", text), text
    assert "within 30 days" in text and "15 days after the referral" in text and "within 60 days" in text
    assert "mediation by the Mediation Center of the Chinese Arbitration Association" in text


def test_a_user_table_override_reaches_the_draft(tmp_path: Path) -> None:
    (tmp_path / TABLE_FILE).write_text(
        "jurisdictions:\n"
        "  HK:\n"
        "    country: HK\n"
        "    name: {zh-TW: 香港特別行政區, en: Hong Kong}\n"
        "    laws_of: {zh-TW: 香港特別行政區法律, en: the laws of Hong Kong as amended}\n",
        encoding="utf-8",
    )
    text = clause_text(make_deal("en", "reseller", "HK"), "en", "governing_law")
    assert "the laws of Hong Kong as amended" not in text  # the bundled library
    lib = Library.open(tmp_path)
    agreement = assemble(make_deal("en", "reseller", "HK"), lib, ("en",))
    clause = next(c for c in agreement.clauses() if c.id == "governing_law")
    assert "governed by the laws of Hong Kong as amended" in clause.blocks[0].text("en")  # type: ignore[union-attr]


# --- the deal file: institutions by code ---------------------------------------------------------


def test_an_institution_code_drafts_from_the_cli_and_free_text_needs_a_seat(tmp_path: Path, example_copy: Any) -> None:
    deal = example_copy(replace={
        "governing_law: TW": "governing_law: HK",
        "    institution: 中華民國仲裁協會\n    seat: 臺北市\n": "    institution: HKIAC\n",
    })
    result = CliRunner().invoke(main, ["draft", str(deal), "-o", str(tmp_path / "out"), "--format", "html"])
    assert result.exit_code == 0, result.output
    bad = example_copy(replace={"    seat: 臺北市\n": ""}, name="no-seat.yaml")
    result = CliRunner().invoke(main, ["draft", str(bad), "-o", str(tmp_path / "out2")])
    assert result.exit_code == 2
    assert "dispute_resolution.arbitration" in result.output and "needs 'seat'" in result.output
    assert "Traceback" not in result.output


# --- every governing law x language x agreement type ---------------------------------------------

SWEEP = [(law, lang, t) for law in GOVERNING_LAWS for lang in ("zh-TW", "en") for t in TYPES]


@pytest.mark.parametrize(("law", "lang", "agreement_type"), SWEEP, ids=["-".join(c) for c in SWEEP])
def test_drafts_contain_no_other_jurisdictions_markers(law: str, lang: Lang, agreement_type: str) -> None:
    forum = "arbitration" if TYPES.index(agreement_type) % 2 == 0 else "court"
    deal = make_deal(lang, agreement_type, law, forum)
    text = draft_text(deal, lang)
    leaked = sorted(m for m in TABLE.foreign_markers(law, lang) if m in text)
    assert not leaked, f"{law}/{lang}/{agreement_type}: other jurisdictions' wording {leaked}"
    tax_leaks = sorted(m for m in TABLE.foreign_tax_markers(_countries(deal), lang) if m in text)
    assert not tax_leaks, f"tax terms of a country no party is in: {tax_leaks}"

    own = TABLE.jurisdictions[law]
    assert own.laws_of.get(lang) in text
    if deal.parties.supplier.country != deal.parties.partner.country:
        # a cross-border deal uses the neutral tax and invoice wording, no country's own
        every_tax_marker = {m for c in TABLE.countries.values() for m in c.tax_markers.get(lang)}
        assert not [m for m in every_tax_marker if m in text]
    if forum == "arbitration" and own.arbitration_statute is not None:
        assert own.arbitration_statute.get(lang) in text, "the seat's own statute should be named"
    if forum == "court" and own.court_basis is not None:
        assert own.court_basis.get(lang) in text
    if own.data_protection is not None:
        assert own.data_protection.get(lang) in text
    if law != "TW":
        stripped = text
        for other in OTHER_STATUTES:
            stripped = stripped.replace(other, "")
        taiwanese = [w for w in TAIWAN_WORDS[lang] if w in stripped]
        assert not taiwanese, f"Taiwanese wording under {law} law: {taiwanese}"
