"""The bundled clause library: every clause validates, every variant renders from its sample in both
languages exactly as its golden file says, and the five outlines assemble real deals.

Golden files live in tests/golden/clauses/<id>.<variant>.<lang>.txt; run with UPDATE_GOLDEN=1 to
rewrite them after a deliberate wording change (and review the diff like any other text change).
Cross-reference and table markers are written as [ref:<id>] and [table:<name>] in the golden files.
"""

from __future__ import annotations

import copy
import functools
import os
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from agreementkit.check.topics import is_topic
from agreementkit.deal.yamlio import load_yaml
from agreementkit.drafting.assemble import _split_blocks, assemble
from agreementkit.library.clauses import _check_type, choose_variant, render_text
from agreementkit.library.jinja import REF_CLOSE, REF_OPEN, TABLE_CLOSE, TABLE_OPEN
from agreementkit.library.loader import Library
from agreementkit.models.clause import ClauseFile
from agreementkit.models.common import LANGS, Lang, Text
from agreementkit.models.deal import Deal

GOLDEN = Path(__file__).parent / "golden" / "clauses"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "distributor-zh-TW.yaml"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
TYPES = ("distributor", "reseller", "referral", "agency", "strategic_alliance")
EXTRA: dict[Lang, dict[str, str]] = {
    "zh-TW": {"S": "甲方", "P": "乙方", "date_style": "western"},
    "en": {"S": "Supplier", "P": "Distributor", "date_style": "western"},
}

LIB = Library.open()
CLAUSE_IDS = LIB.clause_ids()
CASES = [
    (cid, variant.id, lang)
    for cid in CLAUSE_IDS
    for variant in LIB.clause(cid).variants
    for lang in LANGS
]

CJK = "\u3400-\u9fff"
ASCII_PUNCT_BETWEEN_CJK = re.compile(f"[{CJK}][,;:][{CJK}]")
# 第五條 typed into the text; statute citations (民法第五百六十一條, 施行細則第八條) are fine.
TYPED_ARTICLE = re.compile(r"(?<![法則])第[〇零一二三四五六七八九十百千\d]+條")
TYPED_ITEM = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\(\w\)|\d+(?:\.\d+)*[.)]?\s)", re.M)
TYPED_CLAUSE_EN = re.compile(r"\bClause \d")
# A clause becomes 第四條第三項 when it shares its article, so 本條 / 前項 inside it would point at the
# wrong text: paragraphs within a clause are referred to as 前述 / 下述 instead.
POSITIONAL_ZH = re.compile(r"本條|本項|前項|次項|前二項|後項")
REF_IN_SOURCE = re.compile(r"""ref\(\s*["']([a-z0-9_]+)["']\s*\)""")


def _as_model_values(value: Any) -> Any:
    """Sample values shaped like the deal's: Text for bilingual dicts, Decimal for numbers in objects."""
    if isinstance(value, Mapping):
        if value and set(value) <= {"zh-TW", "en"}:
            return Text.model_validate(dict(value))
        return {k: _as_model_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_model_values(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


def sample_values(clause: ClauseFile, variant_id: str) -> dict[str, Any]:
    """The clause's sample merged with the variant's overrides, typed as the deal would give them."""
    raw = {**clause.sample.variables, **clause.sample.variants.get(variant_id, {})}
    assert set(raw) == set(clause.variables), (
        f"{clause.id}: sample must give exactly the declared variables; "
        f"missing {sorted(set(clause.variables) - set(raw))}, extra {sorted(set(raw) - set(clause.variables))}"
    )
    values: dict[str, Any] = {}
    for name, var in clause.variables.items():
        value = raw[name]
        if value is not None:
            if var.type == "text" and isinstance(value, str | Mapping):
                value = Text.model_validate(value)
            elif var.type in ("text_list", "list", "object"):
                value = _as_model_values(value)
        values[name] = _check_type(clause.id, name, var, value)
    return values


def readable(text: str) -> str:
    """Marker characters → [ref:id] / [table:name] so golden files are plain text."""
    text = re.sub(f"{REF_OPEN}([^{REF_CLOSE}]*){REF_CLOSE}", r"[ref:\1]", text)
    return re.sub(f"{TABLE_OPEN}([^{TABLE_CLOSE}]*){TABLE_CLOSE}", r"[table:\1]", text)


@functools.cache
def render_sample(cid: str, variant_id: str, lang: Lang) -> str:
    """Rendered once per session: the golden and the structure tests share it."""
    clause = LIB.clause(cid)
    variant = next(v for v in clause.variants if v.id == variant_id)
    return render_text(clause, variant, lang, sample_values(clause, variant_id), extra=EXTRA[lang])


# --- the clause files ----------------------------------------------------------------------------


def test_library_size_and_categories() -> None:
    clauses = [LIB.clause(cid) for cid in CLAUSE_IDS]
    assert len(clauses) >= 48
    assert len({c.category for c in clauses}) >= 20


@pytest.mark.parametrize("cid", CLAUSE_IDS)
def test_clause_file_is_consistent(cid: str) -> None:
    clause = LIB.clause(cid)
    assert is_topic(clause.topic), f"{cid}: unknown checker topic {clause.topic!r}"
    ids = [v.id for v in clause.variants]
    assert len(ids) == len(set(ids)), f"{cid}: duplicate variant ids"
    assert set(clause.sample.variants) <= set(ids), f"{cid}: sample overrides for unknown variants"
    assert clause.variants[-1].when in ("true", "True"), f"{cid}: the last variant should be the fallback"
    for variant in clause.variants:
        for lang in LANGS:
            for target in REF_IN_SOURCE.findall(variant.body.get(lang)):
                assert target in CLAUSE_IDS, f"{cid}/{variant.id}/{lang}: ref to unknown clause {target!r}"


@pytest.mark.parametrize(("cid", "variant_id", "lang"), CASES, ids=[".".join(c) for c in CASES])
def test_variant_renders_like_its_golden_file(cid: str, variant_id: str, lang: Lang) -> None:
    clause = LIB.clause(cid)
    values = sample_values(clause, variant_id)
    assert choose_variant(clause, values).id == variant_id, f"{cid}: sample does not reach variant {variant_id!r}"

    text = readable(render_sample(cid, variant_id, lang))
    assert "{{" not in text and "{%" not in text and "}}" not in text
    if lang == "zh-TW":
        assert re.search(f"[{CJK}]", text), "zh-TW text without Chinese characters"
        assert not ASCII_PUNCT_BETWEEN_CJK.search(text), ASCII_PUNCT_BETWEEN_CJK.search(text)
        assert not TYPED_ARTICLE.search(text), f"typed article number: {TYPED_ARTICLE.search(text)}"
        assert not POSITIONAL_ZH.search(text), f"positional reference: {POSITIONAL_ZH.search(text)}"
    else:
        assert not re.search(f"[{CJK}]", text.replace("代辦商", "")), "Chinese text in the English body"
        assert not TYPED_CLAUSE_EN.search(text), "typed clause number"
    assert not TYPED_ITEM.search(text), f"typed list numbering: {TYPED_ITEM.search(text)}"

    golden = GOLDEN / f"{cid}.{variant_id}.{lang}.txt"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text + "\n", encoding="utf-8")
    assert golden.exists(), f"missing {golden.name}; run with UPDATE_GOLDEN=1"
    assert text + "\n" == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("cid", CLAUSE_IDS)
def test_both_languages_have_the_same_structure(cid: str) -> None:
    """Bilingual documents pair paragraphs one by one, so zh-TW and en need the same blocks."""
    clause = LIB.clause(cid)
    for variant in clause.variants:
        shapes = {
            lang: [(kind, level, text if kind == "table" else "")
                   for kind, level, text in _split_blocks(render_sample(cid, variant.id, lang))]
            for lang in LANGS
        }
        assert shapes["zh-TW"] == shapes["en"], f"{cid}/{variant.id}: paragraphs differ between languages"


def test_no_stale_golden_files() -> None:
    expected = {f"{cid}.{vid}.{lang}.txt" for cid, vid, lang in CASES}
    present = {p.name for p in GOLDEN.glob("*.txt")}
    assert present <= expected, f"golden files without a variant: {sorted(present - expected)}"


# --- the outlines --------------------------------------------------------------------------------


@pytest.mark.parametrize("agreement_type", TYPES)
def test_outline_validates_and_names_existing_clauses(agreement_type: str) -> None:
    outline = LIB.outline(agreement_type)
    assert outline.type == agreement_type
    listed = list(outline.preamble) + [cid for art in outline.articles for cid in art.clauses]
    assert len(listed) == len(set(listed)), "a clause appears twice"
    article_ids = [art.id for art in outline.articles]
    assert len(article_ids) == len(set(article_ids))
    assert not set(article_ids) & set(CLAUSE_IDS), "article ids must differ from clause ids (refs use both)"
    for cid in listed:
        clause = LIB.clause(cid)
        assert clause.applies_to is None or agreement_type in clause.applies_to, (
            f"{cid} does not apply to {agreement_type}"
        )
    assert len(outline.articles) >= 18


def test_every_clause_is_in_an_outline() -> None:
    used: set[str] = set()
    for agreement_type in TYPES:
        outline = LIB.outline(agreement_type)
        used.update(outline.preamble)
        used.update(cid for art in outline.articles for cid in art.clauses)
    assert set(CLAUSE_IDS) <= used, f"clauses in no outline: {sorted(set(CLAUSE_IDS) - used)}"


# --- assembling real deals: every `from`, `when` and ref against the Deal model -------------------

EXAMPLE_DATA: dict[str, Any] = load_yaml(EXAMPLE, "deal file").data


def _give_english(data: dict[str, Any]) -> None:
    """A bilingual deal needs English beside every Chinese plain string the example holds."""
    info = data["agreement"]
    for key in ("signing_place", "purpose"):
        info[key] = {"zh-TW": str(info[key]), "en": f"the {key}"}
    people = [data["parties"][r][k] for r in ("supplier", "partner") for k in ("representative", "notice_contact")]
    people += [data["communication"]["contacts"][r] for r in ("supplier", "partner")]
    for person in people:
        person["name"] = {"zh-TW": str(person["name"]), "en": "A. Person"}
        person["title"] = {"zh-TW": str(person["title"]), "en": "Manager"}
    data["territory"]["reserved_customers"] = {"zh-TW": "政府機關", "en": "government agencies"}
    data["pricing"]["delivery_terms"] = {"zh-TW": "甲方倉庫交貨", "en": "FCA Supplier's warehouse"}
    data["communication"]["platform"] = {"zh-TW": "夥伴入口網站", "en": "Partner Portal"}
    disputes = data["dispute_resolution"]
    disputes["mediation"] = {"zh-TW": str(disputes["mediation"]), "en": "Mediation Center"}
    for key in ("institution", "seat"):
        disputes["arbitration"][key] = {"zh-TW": str(disputes["arbitration"][key]), "en": f"the {key}"}


def _deal(agreement_type: str, full: bool) -> Deal:
    data = copy.deepcopy(EXAMPLE_DATA)
    data["agreement"]["type"] = agreement_type
    data["agreement"]["language"] = "bilingual"
    data["agreement"]["prevailing_language"] = "zh-TW"
    data["territory"]["regions"] = [{"zh-TW": "臺北市", "en": "Taipei City"}]
    for role in ("supplier", "partner"):
        party = data["parties"][role]
        party["name"] = {"zh-TW": str(party["name"]), "en": f"{role.title()} Co., Ltd."}
        party["address"] = {"zh-TW": str(party["address"]), "en": "Taipei"}
    data["products"] = [{"name": {"zh-TW": "閘道器", "en": "Gateway"}, "code": "GW", "list_price": 1000}]
    _give_english(data)
    for kpi in data["kpis"]:
        kpi["name"] = {"zh-TW": str(kpi["name"]), "en": kpi["id"]}
        kpi["data_source"] = {"zh-TW": str(kpi["data_source"]), "en": "shared records"}
    if agreement_type in ("referral", "strategic_alliance"):
        data["pricing"] = {"basis": "not_applicable", "currency": "TWD"}
        data["profit_sharing"].update(kind="commission", basis="net_revenue", payment_form="bank_transfer")
        data["appointment"]["exclusivity"] = "non_exclusive"
        data["appointment"].pop("minimum_commitment")
    if agreement_type == "agency":
        data["appointment"]["acts_in_supplier_name"] = True
        data["profit_sharing"].update(kind="commission", basis="net_sales", method="whole_tier")
    if not full:
        for key in ("profit_sharing", "kpis", "performance_review"):
            data.pop(key)
        data["appointment"] = {"exclusivity": "non_exclusive"}
        data["exit"] = {"convenience_notice_days": None, "insolvency": False, "change_of_control": False}
        data["term"].pop("renewal")
        data["dispute_resolution"] = {"method": "court", "court": {"zh-TW": "臺灣臺北地方法院", "en": "Taipei District Court"},
                                     "escalation": False}
        data["communication"]["platform"] = None
        data["data_protection"] = {"personal_data_shared": False}
        data["governing_law"] = "SG"
    return Deal.model_validate(data)


# Every type with a full deal; the minimal deal (no optional blocks) for one resale and one
# non-resale type keeps the run under a few seconds.
ASSEMBLY_CASES = [(t, True) for t in TYPES] + [("distributor", False), ("referral", False)]


@pytest.mark.parametrize(("agreement_type", "full"), ASSEMBLY_CASES,
                         ids=[f"{t}-{'full' if f else 'minimal'}" for t, f in ASSEMBLY_CASES])
def test_outline_assembles_a_deal(agreement_type: str, full: bool) -> None:
    agreement = assemble(_deal(agreement_type, full), LIB, LANGS)
    assert len(agreement.articles) >= (18 if full else 15)
    for article in agreement.articles:
        for clause in article.clauses:
            assert clause.blocks, f"{clause.id} rendered empty"
