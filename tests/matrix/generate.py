"""Matrix deals: a covering array over the dimensions that change what a draft must say.

Each combination becomes a deal built from an example deal file (loaded as data, then varied):
structure and figures come from the example that fits the agreement type, parties, places,
forums and products from :mod:`tests.matrix.texts`, so every text exists in the languages the
draft needs. The array holds every pair of dimension values and every triple of governing
law × dispute route × language (the three that decide statutes, institutions and wording).

Run ``python -m tests.matrix.generate --out DIR`` to write every deal (or ``--sample 30``) as
YAML, for drafting one by hand: ``agreementkit draft DIR/m042-....yaml -o out``.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import functools
import sys
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from agreementkit.deal.yamlio import load_yaml
from agreementkit.models.deal import Deal, Product
from tests.matrix.pairwise import Row, covering_array, pair_coverage_sample
from tests.matrix.texts import (
    CITY,
    COMPANIES,
    CONTACT_PEOPLE,
    COURTS,
    CURRENCY,
    DELIVERY_TERMS,
    FOREIGN_OF,
    INSTITUTIONS,
    KPI_TEXTS,
    LAW_COUNTRY,
    MEDIATION,
    PRODUCTS,
    PURPOSE,
    REGIONS,
    Bi,
    Company,
    text_data,
)

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"

AGREEMENT_TYPES = ("distributor", "reseller", "referral", "agency", "strategic_alliance")
LANGUAGES = ("zh-TW", "en", "bilingual")
ROUTES = (*INSTITUTIONS, "court")
EXCLUSIVITY = ("exclusive", "sole", "non_exclusive")
PROFIT_KINDS = ("rebate", "commission", "revenue_share", "none")
SOLD = ("goods", "software", "services")
KPIS = ("on", "off")
# Where the parties are: both in the governing law's country; a Taiwanese supplier and a partner
# there (abroad when the law is Taiwan's); a supplier from abroad and a partner there.
PARTIES = ("local", "tw_supplier", "cross")


def governing_laws() -> tuple[str, ...]:
    """Every governing-law code the deal model accepts, read from the model itself."""
    return tuple(_literal_values(Deal.model_fields["governing_law"].annotation))


def factors() -> dict[str, tuple[str, ...]]:
    """The matrix dimensions and their values, in the order the rows list them."""
    return {
        "type": AGREEMENT_TYPES,
        "language": LANGUAGES,
        "law": governing_laws(),
        "route": ROUTES,
        "exclusivity": EXCLUSIVITY,
        "profit": PROFIT_KINDS,
        "sold": SOLD,
        "kpis": KPIS,
        "parties": PARTIES,
    }


# Profit-sharing kinds that make commercial sense per type: a referral partner or an agent is
# paid for what it brings (never a purchase rebate, never nothing); an alliance partner buys
# nothing, so it earns no rebate; distributors and resellers buy and resell.
PROFIT_FOR_TYPE: dict[str, frozenset[str]] = {
    "distributor": frozenset({"rebate", "revenue_share", "none"}),
    "reseller": frozenset({"rebate", "commission", "revenue_share", "none"}),
    "referral": frozenset({"commission", "revenue_share"}),
    "agency": frozenset({"commission", "revenue_share"}),
    "strategic_alliance": frozenset({"commission", "revenue_share", "none"}),
}


def allowed(row: Mapping[str, str]) -> bool:
    """The matrix's constraint over a (partial) row."""
    if "type" in row and "profit" in row:
        return row["profit"] in PROFIT_FOR_TYPE[row["type"]]
    return True


TRIPLES: tuple[tuple[str, str, str], ...] = (("law", "route", "language"),)


@dataclass(frozen=True)
class Combination:
    """One row of the matrix: its position and its value per dimension."""

    index: int
    values: tuple[tuple[str, str], ...]

    def __getitem__(self, name: str) -> str:
        return dict(self.values)[name]

    @property
    def id(self) -> str:
        """A stable, readable id such as ``m042-referral-en-HK-HKIAC-sole-commission-software-kpi-local``."""
        v = dict(self.values)
        kpi = "kpi" if v["kpis"] == "on" else "nokpi"
        return "-".join(
            [f"m{self.index:03d}", v["type"], v["language"], v["law"], v["route"], v["exclusivity"],
             v["profit"], v["sold"], kpi, v["parties"]]
        )

    def __str__(self) -> str:
        return self.id


@functools.cache
def combinations() -> tuple[Combination, ...]:
    """The full matrix, deterministic."""
    rows = covering_array(factors(), allowed, TRIPLES)
    return tuple(Combination(i, tuple(row.items())) for i, row in enumerate(rows, start=1))


def sample(size: int) -> tuple[Combination, ...]:
    """``size`` combinations of the full matrix that together cover the most value pairs."""
    full = combinations()
    rows: list[Row] = [dict(c.values) for c in full]
    return tuple(full[i] for i in pair_coverage_sample(rows, size))


# --- the product-kind dimension, applied only where the deal model has a field for it ---------

KIND_SYNONYMS: dict[str, tuple[str, ...]] = {
    "goods": ("goods", "physical_goods", "physical", "hardware", "product", "products", "tangible"),
    "software": ("software", "saas", "subscription", "license", "licence", "digital"),
    "services": ("services", "service", "professional_services"),
}


def _literal_values(annotation: Any) -> list[str]:
    """String values of a Literal inside ``annotation`` (through Optional, Annotated, unions)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return [a for a in typing.get_args(annotation) if isinstance(a, str)]
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        return [v for arg in typing.get_args(annotation) for v in _literal_values(arg)]
    return []


def _kind_mapping(annotation: Any) -> dict[str, str] | None:
    values = _literal_values(annotation)
    mapping: dict[str, str] = {}
    for ours, names in KIND_SYNONYMS.items():
        hit = next((v for v in values if v.lower() in names), None)
        if hit is None:
            return None
        mapping[ours] = hit
    return mapping


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


@dataclass(frozen=True)
class KindField:
    """Where the deal says what is sold: ``products[*].<name>`` or ``<section>.<name>``."""

    section: str  # "products" for a per-product field, else the Deal field holding it
    name: str
    per_product: bool
    values: Mapping[str, str]  # our dimension value → the model's literal

    def describe(self) -> str:
        """``products[*].kind`` or ``products.kind``."""
        return f"{self.section}[*].{self.name}" if self.per_product else f"{self.section}.{self.name}"


@functools.cache
def kind_field() -> KindField | None:
    """The deal field for goods / software / services, found in the pydantic model, or None."""
    for fname, finfo in Product.model_fields.items():
        mapping = _kind_mapping(finfo.annotation)
        if mapping:
            return KindField("products", fname, True, mapping)
    for section, sinfo in Deal.model_fields.items():
        mapping = _kind_mapping(sinfo.annotation)
        if mapping:
            return KindField(section, "", False, mapping)
        for model in _models_in(sinfo.annotation):
            if model is Product:
                continue
            for fname, finfo in model.model_fields.items():
                mapping = _kind_mapping(finfo.annotation)
                if mapping:
                    return KindField(section, fname, False, mapping)
    return None


# --- building one deal ---------------------------------------------------------------------

EXAMPLE_FOR_TYPE: dict[str, str] = {
    "distributor": "distributor-zh-TW.yaml",
    "reseller": "reseller-en.yaml",
    "referral": "reseller-en.yaml",
    "agency": "distributor-zh-TW.yaml",
    "strategic_alliance": "alliance-bilingual.yaml",
}

TIER_STEP: dict[str, int] = {"TWD": 3_000_000, "JPY": 12_000_000}
MONEY_SCALE: dict[str, float] = {"TWD": 1.0, "JPY": 4.0}


@functools.cache
def _example(name: str) -> dict[str, Any]:
    data = load_yaml(EXAMPLES / name, "example deal", with_lines=False).data
    assert isinstance(data, dict), f"{name}: an example deal must be a mapping"
    return data


def _scale(amount: float, currency: str) -> int:
    """An amount given in TWD terms, scaled to ``currency`` so figures stay plausible."""
    factor = MONEY_SCALE.get(currency, 1 / 30)
    return max(1, round(amount * factor / 1000) * 1000) if amount >= 1000 else round(amount)


def _party(company: Company, languages: str) -> dict[str, Any]:
    party: dict[str, Any] = {
        "name": text_data(company.name),
        "country": company.country,
        "address": company.address.data(),
        "representative": {"name": company.representative.data(), "title": company.title.data()},
        "notice_contact": {
            "name": company.representative.data(),
            "title": company.title.data(),
            "email": f"legal@{company.email_domain}",
        },
    }
    if company.tax_id:
        party["tax_id"] = company.tax_id
    if company.registration:
        party["registration"] = company.registration
    return party


def _companies(law: str, placement: str) -> tuple[Company, Company]:
    home = LAW_COUNTRY[law]
    if placement == "local":
        return COMPANIES[home][0], COMPANIES[home][1]
    if placement == "tw_supplier":
        partner_country = home if home != "TW" else FOREIGN_OF["TW"]
        return COMPANIES["TW"][0], COMPANIES[partner_country][1]
    return COMPANIES[FOREIGN_OF[home]][0], COMPANIES[home][1]


def _kpis(combo: Combination, base: dict[str, Any], currency: str) -> list[dict[str, Any]]:
    money_units = {"TWD", "USD"}
    kpis: list[dict[str, Any]] = []
    for source in base.get("kpis", []):
        kpi = copy.deepcopy(source)
        metric = kpi["metric"]
        if kpi["unit"] in money_units:
            if currency in money_units:
                factor = (1 / 30 if currency == "USD" else 30.0) if kpi["unit"] != currency else 1.0
                kpi["target"] = round(float(kpi["target"]) * factor)
                kpi["threshold"] = round(float(kpi["threshold"]) * factor)
                kpi["unit"] = currency
            else:  # no KPI unit for this currency: count units instead of money
                metric = kpi["metric"] = "units_sold"
                kpi.update(unit="count", target=400, threshold=300)
        name, data_source = KPI_TEXTS.get(metric, KPI_TEXTS["new_customers"])
        kpi["name"] = name.data()
        kpi["data_source"] = data_source.data()
        kpis.append(kpi)
    return kpis


def _profit_sharing(combo: Combination, base: dict[str, Any], currency: str) -> dict[str, Any] | None:
    kind = combo["profit"]
    if kind == "none":
        return None
    step = TIER_STEP.get(currency, 100_000)
    shared = base.get("profit_sharing") or {}
    rates = {"rebate": (0, 2, 3.5), "commission": (8, 10, 12), "revenue_share": (10, 15, 20)}[kind]
    basis = {"rebate": "net_purchases" if combo["type"] == "distributor" else "net_sales",
             "commission": "net_sales", "revenue_share": "net_revenue"}[kind]
    ps: dict[str, Any] = {
        "kind": kind,
        "basis": basis,
        "method": "marginal" if combo.index % 2 else "whole_tier",
        "period": "quarter" if combo.index % 3 else "half_year",
        "tiers": [{"threshold": i * step, "rate": r} for i, r in enumerate(rates)],
        "statement_days": shared.get("statement_days", 15),
        "payment_days": shared.get("payment_days", 30),
        "payment_form": "credit_note" if kind == "rebate" and combo["type"] == "distributor" else "bank_transfer",
        "audit_rights": True,
    }
    if kind == "rebate" and combo["type"] == "distributor" and combo.index % 2 == 0:
        ps["market_development_fund"] = {"percent": 1, "cap": step // 10, "claim_days": 60}
    return ps


def _set_kind(deal: dict[str, Any], sold: str) -> None:
    field = kind_field()
    if field is None:
        return
    value = field.values[sold]
    if field.per_product:
        for product in deal["products"]:
            product[field.name] = value
        return
    if field.name == "":
        deal[field.section] = value
        return
    section = deal.get(field.section)
    if isinstance(section, list):  # a list became a model holding it: wrap the list
        list_fields = [
            n for m in _models_in(Deal.model_fields[field.section].annotation)
            for n, f in m.model_fields.items() if typing.get_origin(f.annotation) is list
        ]
        deal[field.section] = {list_fields[0]: section, field.name: value} if list_fields else section
    elif isinstance(section, dict):
        section[field.name] = value
    else:
        deal[field.section] = {field.name: value}


def build_deal(combo: Combination) -> dict[str, Any]:
    """The deal (plain data, as a deal file holds it) for ``combo``."""
    kind, lang, law, sold = combo["type"], combo["language"], combo["law"], combo["sold"]
    base = copy.deepcopy(_example(EXAMPLE_FOR_TYPE[kind]))
    supplier, partner = _companies(law, combo["parties"])
    currency = CURRENCY[partner.country]
    goods = sold == "goods"
    buys = kind in ("distributor", "reseller")
    i = combo.index
    effective = dt.date(2027, 1 + i % 12, 1)

    agreement: dict[str, Any] = {
        "type": kind,
        "number": f"MX-2027-{i:03d}",
        "version": "1.0",
        "language": lang,
        "date_style": "roc" if lang == "zh-TW" and "TW" in (supplier.country, partner.country) and i % 2 else "western",
        "effective_date": effective,
        "signing_date": effective - dt.timedelta(days=14),
        "signing_place": CITY[supplier.country].data(),
        "purpose": PURPOSE[kind].data(),
    }
    if lang == "bilingual":
        agreement["prevailing_language"] = "zh-TW" if i % 2 else "en"

    products = [
        {"name": text_data(name), "code": code, "list_price": _scale(price, currency)}
        for name, code, price in PRODUCTS[sold]
    ]

    appointment: dict[str, Any] = {
        "exclusivity": combo["exclusivity"],
        "sub_partners_allowed": False,
        "non_compete": combo["exclusivity"] == "exclusive",
    }
    if kind == "agency":
        appointment["acts_in_supplier_name"] = bool(i % 2)
    if combo["exclusivity"] != "non_exclusive":
        appointment["minimum_commitment"] = {
            "amount": 40 * TIER_STEP.get(currency, 100_000) // 10,
            "period": "year",
            "measure": "purchases" if buys else "net_sales",
            "consequence": "loss_of_exclusivity",
        }

    pricing: dict[str, Any] = {"currency": currency, "tax": "excluded", "payment_days": 30 if i % 2 else 45}
    if buys:
        pricing.update(basis="discount_off_list", discount_percent=30 if kind == "distributor" else 25,
                       price_change_notice_days=30, order_acceptance_days=5, late_interest_percent_per_year=5)
        if goods:
            pricing.update(lead_time_days=14, delivery_terms=DELIVERY_TERMS[lang])
    else:
        pricing["basis"] = "not_applicable"

    kpis = _kpis(combo, base, currency) if combo["kpis"] == "on" else []
    review = base.get("performance_review") if kpis else None
    if review is not None and kind != "distributor":
        review = {k: v for k, v in review.items() if k != "incentive"}

    contacts = {
        "supplier": {"name": CONTACT_PEOPLE[0][0].data(), "title": CONTACT_PEOPLE[0][1].data(),
                     "email": f"channel@{supplier.email_domain}"},
        "partner": {"name": CONTACT_PEOPLE[1][0].data(), "title": CONTACT_PEOPLE[1][1].data(),
                    "email": f"partners@{partner.email_domain}"},
    }
    communication = {
        **{k: v for k, v in base["communication"].items() if k not in ("contacts", "platform")},
        "contacts": contacts,
        "platform": Bi("雙方共用之夥伴入口網站", "the shared partner portal").data(),
    }

    support = dict(base.get("support") or {})
    support["demo_units"] = goods and bool(support.get("demo_units"))

    exit_: dict[str, Any] = {
        "cure_days": 30,
        "convenience_notice_days": 90 if i % 2 else None,
        "kpi_failure_periods": 2 if kpis and i % 2 == 0 else None,
        "insolvency": True,
        "change_of_control": True,
        "post_termination": {
            "inventory_buyback": goods and buys,
            "buyback_price_percent": 80,
            "sell_off_days": 60 if goods and buys and i % 2 else 0,
            "customer_handover_days": 30,
            "final_settlement_days": 60,
        },
    }

    route = combo["route"]
    dispute: dict[str, Any] = {"negotiation_days": 30, "escalation": True}
    if law == "TW" and i % 3 == 0:
        dispute["mediation"] = MEDIATION.data()
    if route == "court":
        dispute.update(method="court", court=COURTS[law].data())
    else:
        institution, seat = INSTITUTIONS[route]
        if route == "ICC":  # ICC arbitrations sit wherever the parties choose: the law's country here
            seat = CITY[LAW_COUNTRY[law]]
        arb_lang = "en" if lang == "en" else "zh-TW" if lang == "zh-TW" else ("zh-TW" if i % 2 else "en")
        dispute.update(method="arbitration", arbitration={
            "institution": institution.data(), "seat": seat.data(), "language": arb_lang,
            "arbitrators": 1 if i % 2 else 3,
        })

    deal: dict[str, Any] = {
        "agreement": agreement,
        "parties": {"supplier": _party(supplier, lang), "partner": _party(partner, lang)},
        "term": base["term"],
        "territory": {
            "regions": [r.data() for r in REGIONS[partner.country]],
            "online_sales": ("within_territory", "allowed", "prohibited")[i % 3],
        },
        "products": products,
        "appointment": appointment,
        "pricing": pricing,
        "communication": communication,
        "support": support,
        "confidentiality": base.get("confidentiality", {"survival_years": 3}),
        "data_protection": {
            "personal_data_shared": True,
            "partner_role": "processor" if buys and i % 2 else "independent",
            "breach_notice_hours": 72,
        },
        "exit": exit_,
        "dispute_resolution": dispute,
        "governing_law": law,
    }
    if kind == "distributor" and i % 2:
        deal["territory"]["reserved_customers"] = Bi(
            "中央政府機關及甲方自行簽約之全國性連鎖通路客戶",
            "central government agencies and nationwide chains that contract with the Supplier directly",
        ).data()
    ps = _profit_sharing(combo, base, currency)
    if ps is not None:
        deal["profit_sharing"] = ps
    if kpis:
        deal["kpis"] = kpis
        deal["performance_review"] = review
    _set_kind(deal, sold)
    return _plain_numbers(deal)


def _plain_numbers(value: Any) -> Any:
    """Decimals (the YAML loader's numbers) as int or float, so the deal dumps back to YAML."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _plain_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_numbers(v) for v in value]
    return value


def validated(combo: Combination) -> Deal:
    """``combo``'s deal as the validated model (raises pydantic's ValidationError if invalid)."""
    return Deal.model_validate(build_deal(combo))


def write_deal(combo: Combination, folder: Path) -> Path:
    """Write ``combo``'s deal file into ``folder`` as ``<id>.yaml`` and return its path."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    path = folder / f"{combo.id}.yaml"
    with path.open("w", encoding="utf-8") as out:
        out.write(f"# drafting matrix combination {combo.id}\n")
        yaml.dump(build_deal(combo), out)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Write the matrix's deal files: ``python -m tests.matrix.generate --out DIR [--sample N]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, required=True, help="folder for the deal files")
    parser.add_argument("--sample", type=int, default=0, help="only this many (the CI sample's rule)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    combos = sample(args.sample) if args.sample else combinations()
    for combo in combos:
        write_deal(combo, args.out)
    field = kind_field()
    where = field.describe() if field else "no field yet (the dimension only picks the products)"
    print(f"{len(combos)} deal files in {args.out}; goods/software/services: {where}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
