"""Amendments beyond the one v2 example: every example deal × combinations of edits a channel
manager makes (notice periods, KPIs added and removed, tiers, optional clauses switched on and
off, territory, products, a clause moved), each amended and checked: Accept All on the redline
gives the new draft's text, Reject All the old one's, the 對照表 has a row for every change and the
amendment agreement an article for each.

CI runs a fixed sample; `AMEND_MATRIX=full python -m pytest tests/test_amend_matrix.py` runs all.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import os
import re
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from agreementkit.deal.load import load_deal
from agreementkit.drafting.assemble import assemble
from agreementkit.library.loader import Library
from agreementkit.lifecycle.amend.attribution import attribute
from agreementkit.lifecycle.amend.compare import compare_agreements
from agreementkit.lifecycle.amend.document import AmendmentInfo, build_amendment
from agreementkit.lifecycle.amend.fields import deal_changes
from agreementkit.lifecycle.amend.redline import redline_docx
from agreementkit.lifecycle.amend.table_model import build_table
from agreementkit.models.deal import Deal
from agreementkit.render.docx import render_docx
from tests.redline_tools import body_texts, document_xml, resolve

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("distributor-zh-TW.yaml", "reseller-en.yaml", "alliance-bilingual.yaml")
Edit = Callable[[dict[str, Any]], bool]


def _longer_cure(d: dict[str, Any]) -> bool:
    exit_ = d.setdefault("exit", {})
    exit_["cure_days"] = (exit_.get("cure_days") or 30) + 15
    return True


def _notice(d: dict[str, Any]) -> bool:
    renewal = (d.get("term") or {}).get("renewal")
    if not renewal:
        return False
    renewal["non_renewal_notice_days"] = renewal.get("non_renewal_notice_days", 90) + 30
    return True


def _drop_last_kpi(d: dict[str, Any]) -> bool:
    kpis = d.get("kpis") or []
    if len(kpis) < 2:
        return False
    gone = kpis.pop()
    kpis[0]["weight"] = Decimal(str(kpis[0]["weight"])) + Decimal(str(gone["weight"]))
    return True


def _add_kpi(d: dict[str, Any]) -> bool:
    kpis = d.get("kpis") or []
    if not kpis:
        return False
    new = copy.deepcopy(kpis[0])
    new["id"] = "added_kpi"
    new["name"] = {"zh-TW": "通路活動參與率", "en": "Channel programme participation"}
    new["metric"] = "campaign_participation"
    new["unit"] = "percent"
    new["target"], new["threshold"] = Decimal(90), Decimal(70)
    new["direction"] = "higher_is_better"
    half = Decimal(str(kpis[0]["weight"])) / 2
    kpis[0]["weight"] = half
    new["weight"] = half
    kpis.append(new)
    return True


def _top_tier(d: dict[str, Any]) -> bool:
    sharing = d.get("profit_sharing")
    if not sharing:
        return False
    last = sharing["tiers"][-1]
    sharing["tiers"].append(
        {"threshold": Decimal(str(last["threshold"])) * 2 + 1000000, "rate": Decimal(str(last["rate"])) + 1}
    )
    return True


def _drop_tier(d: dict[str, Any]) -> bool:
    sharing = d.get("profit_sharing")
    if not sharing or len(sharing["tiers"]) < 3:
        return False
    sharing["tiers"].pop()
    return True


def _toggle_convenience(d: dict[str, Any]) -> bool:
    exit_ = d.setdefault("exit", {})
    exit_["convenience_notice_days"] = None if exit_.get("convenience_notice_days") else 90
    return True


def _add_region(d: dict[str, Any]) -> bool:
    d["territory"]["regions"].append({"zh-TW": "澎湖縣", "en": "Penghu County"})
    return True


def _move_clause(d: dict[str, Any]) -> bool:
    d["agreement"]["clause_placement"] = [{"clause": "_last_of_first_multi_", "article": "_last_article_"}]
    return True


def _exclusivity(d: dict[str, Any]) -> bool:
    appointment = d["appointment"]
    appointment["exclusivity"] = "non_exclusive" if appointment["exclusivity"] != "non_exclusive" else "sole"
    if appointment["exclusivity"] == "non_exclusive":
        appointment["minimum_commitment"] = None
    return True


def _cadence(d: dict[str, Any]) -> bool:
    communication = d.setdefault("communication", {})
    communication["meeting_cadence"] = "weekly" if communication.get("meeting_cadence") != "weekly" else "monthly"
    return True


EDITS: dict[str, Edit] = {
    "cure": _longer_cure,
    "notice": _notice,
    "drop_kpi": _drop_last_kpi,
    "add_kpi": _add_kpi,
    "top_tier": _top_tier,
    "drop_tier": _drop_tier,
    "convenience": _toggle_convenience,
    "region": _add_region,
    "move": _move_clause,
    "exclusivity": _exclusivity,
    "meetings": _cadence,
}

# Every pair of edits and each edit alone, per example: 11 + 55 = 66 combinations × 3 examples.
COMBOS = [(e,) for e in EDITS] + list(itertools.combinations(EDITS, 2))
CASES = [(example, combo) for example in EXAMPLES for combo in COMBOS]
SAMPLE = CASES if os.environ.get("AMEND_MATRIX") == "full" else CASES[::23]


def _codes(model: Any, seen: set[Any]) -> set[str]:
    """Every coded value (Literal member with an underscore or a lowercase word) the deal model allows."""
    found: set[str] = set()
    if model in seen:
        return found
    seen.add(model)
    for info in getattr(model, "model_fields", {}).values():
        stack = [info.annotation]
        while stack:
            tp = stack.pop()
            if typing.get_origin(tp) is typing.Literal:
                found.update(v for v in typing.get_args(tp) if isinstance(v, str) and re.fullmatch(r"[a-z]+(?:_[a-z]+)+", v))
            elif isinstance(tp, type) and hasattr(tp, "model_fields"):
                found |= _codes(tp, seen)
            stack.extend(typing.get_args(tp))
            if isinstance(tp, types.UnionType):
                stack.extend(tp.__args__)
    return found


CODES = _codes(Deal, set()) | {"goods", "software", "services", "sole", "exclusive", "weekly", "monthly", "quarterly"}


def _resolve_move(deal: Deal, data: dict[str, Any], library: Library) -> None:
    """Fill the placeholder move with a real clause and article of this deal's outline."""
    placements = data["agreement"].get("clause_placement") or []
    if not placements or placements[0]["clause"] != "_last_of_first_multi_":
        return
    agreement = assemble(deal, library)
    multi = next(a for a in agreement.articles if len(a.clauses) > 1)
    target = agreement.articles[-1] if agreement.articles[-1].id != multi.id else agreement.articles[-2]
    placements[0] = {"clause": multi.clauses[-1].id, "article": target.id}


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.open(None)


@pytest.mark.parametrize(("example", "combo"), SAMPLE, ids=[f"{e.split('.')[0]}-{'+'.join(c)}" for e, c in SAMPLE])
def test_amendment_round_trips(example: str, combo: tuple[str, ...], library: Library) -> None:
    old_deal = load_deal(ROOT / "examples" / example)
    data = old_deal.model_dump(mode="python", by_alias=True)
    applied = [name for name in combo if EDITS[name](data)]
    if not applied:
        pytest.skip(f"{combo} does not apply to {example}")
    _resolve_move(old_deal, data, library)
    new_deal = Deal.model_validate(data)
    # e.g. top_tier then drop_tier: the tier added is removed again, and the deal is what it was
    cancelled = new_deal.model_dump(mode="json") == old_deal.model_dump(mode="json")
    for lang in old_deal.agreement.languages:
        old = assemble(old_deal, library, (lang,))
        new = assemble(new_deal, library, (lang,))
        comparison = compare_agreements(old, new)
        if cancelled:
            assert comparison.unchanged and not comparison.changes, f"{example} {applied}: changes from no change"
            continue
        assert not comparison.unchanged, f"{example} {applied}: no change found"
        old_docx, new_docx = render_docx(old), render_docx(new)
        redline = redline_docx(comparison, old_docx, new_docx, dt.date(2027, 7, 1))
        assert body_texts(resolve(document_xml(redline), True)) == body_texts(resolve(document_xml(new_docx), True))
        assert body_texts(resolve(document_xml(redline), False)) == body_texts(resolve(document_xml(old_docx), True))
        causes = attribute(old_deal, old, deal_changes(old_deal, new_deal), lambda d, lang=lang: assemble(d, library, (lang,)))
        table = build_table(comparison, causes, old_deal, new_deal, {"zh-TW": "對照表", "en": "Comparison"})
        assert {row.clause_id for row in table.rows} == {c.clause_id for c in comparison.changes}
        for row in table.rows:
            for line in row.explanation.get(lang, ()):
                # English may say "exclusive" or "weekly"; a code with an underscore is never English
                codes = CODES if lang == "zh-TW" else {c for c in CODES if "_" in c}
                shown = set(re.findall(r"[A-Za-z_]+", line)) & codes
                assert not shown, f"{example} {applied}: the 說明 column shows the code(s) {shown}: {line}"
        amendment = build_amendment(comparison, AmendmentInfo(1, dt.date(2027, 7, 1), "western", dt.date(2027, 1, 1)))
        assert len(amendment.articles) == len(comparison.changes) + 1
