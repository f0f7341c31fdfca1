"""Which deal field caused which clause change: apply each field change alone and see what moves.

Exact where it can be: the old deal with one change applied is drafted again and compared with the
old agreement. A change that cannot stand alone (a new KPI whose weights only add up to 100 % with
the other KPI changes) is applied together with the other changes of its deal section.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import ValidationError

from agreementkit.errors import AgreementKitError
from agreementkit.lifecycle.amend.compare import block_key
from agreementkit.lifecycle.amend.fields import FieldChange, PathPart
from agreementkit.models.agreement import Agreement
from agreementkit.models.deal import CrossFieldError, Deal

Builder = Callable[[Deal], Agreement]


def _child(container: Any, part: PathPart) -> tuple[Any, Any]:
    """(container, key) addressing ``part`` inside ``container``; "[id]" finds a list item by id/code."""
    if isinstance(part, str) and part.startswith("[") and isinstance(container, list):
        wanted = part[1:-1]
        for index, item in enumerate(container):
            if isinstance(item, dict) and wanted in (item.get("id"), item.get("code")):
                return container, index
        return container, None
    return container, part


def apply_change(data: dict[str, Any], change: FieldChange) -> None:
    """Apply ``change`` to a deal dump in place."""
    node: Any = data
    for part in change.path[:-1]:
        parent, key = _child(node, part)
        if key is None:
            return
        node = parent[key]
    last = change.path[-1]
    parent, key = _child(node, last)
    if change.kind == "removed":
        if isinstance(parent, list) and key is not None:
            del parent[key]
        elif isinstance(parent, dict):
            parent.pop(last, None)
        return
    if isinstance(parent, list):
        if key is None or (isinstance(key, int) and key >= len(parent)):
            parent.append(copy.deepcopy(change.new))
        else:
            parent[key] = copy.deepcopy(change.new)
    else:
        parent[last] = copy.deepcopy(change.new)


def _clause_texts(agreement: Agreement) -> dict[str, tuple[tuple[str, ...], ...]]:
    return {
        c.id: (*(block_key(b, agreement.languages) for b in c.blocks), (a.id,))
        for a in agreement.articles
        for c in a.clauses
    }


def _affected(old: Agreement, trial: Agreement) -> set[str]:
    before, after = _clause_texts(old), _clause_texts(trial)
    return {cid for cid in before.keys() | after.keys() if before.get(cid) != after.get(cid)}


def _try(old_dump: dict[str, Any], changes: Sequence[FieldChange], build: Builder) -> Agreement | None:
    data = copy.deepcopy(old_dump)
    for change in changes:
        apply_change(data, change)
    try:
        return build(Deal.model_validate(data))
    except (ValidationError, CrossFieldError, AgreementKitError, ValueError):
        return None


def attribute(
    old_deal: Deal, old: Agreement, changes: Sequence[FieldChange], build: Builder
) -> dict[str, list[FieldChange]]:
    """Map clause id → the field changes that alter it (a change may alter several clauses)."""
    old_dump = old_deal.model_dump(mode="python", by_alias=True)
    result: dict[str, list[FieldChange]] = {}
    for change in changes:
        trial = _try(old_dump, [change], build)
        if trial is None:
            section = change.path[0]
            trial = _try(old_dump, [c for c in changes if c.path[0] == section], build)
        if trial is None:
            continue
        for cid in sorted(_affected(old, trial)):
            result.setdefault(cid, []).append(change)
    return result
