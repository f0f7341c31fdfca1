"""Text previews of clause files for ``agreementkit library show``."""

from __future__ import annotations

from typing import Any

from agreementkit.library.clauses import render_text
from agreementkit.library.jinja import REF_CLOSE, REF_OPEN, TABLE_CLOSE, TABLE_OPEN
from agreementkit.library.loader import Library
from agreementkit.models.clause import ClauseFile
from agreementkit.models.common import LANGS, Lang

SAMPLE_LABELS: dict[Lang, dict[str, str]] = {
    "zh-TW": {"S": "甲方", "P": "乙方", "date_style": "western"},
    "en": {"S": "Supplier", "P": "Partner", "date_style": "western"},
}


def sample_values(clause: ClauseFile, variant_id: str) -> dict[str, Any]:
    """The clause's sample variables with the overrides that select ``variant_id``."""
    values = dict(clause.sample.variables)
    values.update(clause.sample.variants.get(variant_id, {}))
    return values


def readable(text: str) -> str:
    """Show reference and table markers as [→ id] and [table: name]."""
    return (
        text.replace(REF_OPEN, "[→ ")
        .replace(REF_CLOSE, "]")
        .replace(TABLE_OPEN, "[table: ")
        .replace(TABLE_CLOSE, "]")
    )


def describe_clause(library: Library, clause_id: str, lang: str | None = None) -> str:
    """Where the clause comes from, its variables, and every variant rendered from its sample."""
    clause = library.clause(clause_id)
    langs: tuple[Lang, ...] = LANGS if lang is None else ("en",) if lang == "en" else ("zh-TW",)
    lines = [
        f"{clause.id} — {clause.title.zh_TW} / {clause.title.en}",
        f"file:     {library.clause_paths[clause_id]}",
        f"category: {clause.category}    topic: {clause.topic}",
        f"applies:  {', '.join(clause.applies_to) if clause.applies_to else 'every agreement type'}",
        f"when:     {clause.when}",
    ]
    if clause.variables:
        lines.append("variables:")
        for name, var in clause.variables.items():
            optional = ", optional" if var.optional else ""
            lines.append(f"  {name} ({var.type}{optional}) ← {var.source}")
    if clause.note:
        lines.append(f"note: {clause.note}")
    for variant in clause.variants:
        lines.append("")
        lines.append(f"--- variant {variant.id} (when {variant.when}) ---")
        values = sample_values(clause, variant.id)
        for one in langs:
            lines.append(f"[{one}]")
            lines.append(readable(render_text(clause, variant, one, values, SAMPLE_LABELS[one])))
    return "\n".join(lines)
