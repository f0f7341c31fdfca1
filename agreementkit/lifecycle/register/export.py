"""The register as text: a table for people (rich when installed), JSON for programs, CSV for spreadsheets."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

from agreementkit.fileio.spreadsheet import csv_bytes
from agreementkit.lifecycle.register.model import AgreementRecord, RegisteredAgreement

COLUMNS = ("id", "status", "partner", "type", "number", "effective", "signed_on", "amends", "superseded_by", "file")


TABLE_HEADERS = {"signed_on": "signed", "superseded_by": "superseded by"}


def _row(a: RegisteredAgreement) -> list[str]:
    return [
        str(a.id),
        a.status,
        a.partner,
        a.agreement_type,
        a.number or "",
        a.effective_date.isoformat(),
        a.signed_on.isoformat() if a.signed_on else "",
        str(a.amends_id) if a.amends_id else "",
        str(a.superseded_by) if a.superseded_by else "",
        a.deal_name,
    ]


def agreement_json(a: RegisteredAgreement, with_text: bool = False) -> dict[str, Any]:
    """One agreement as a JSON object (the deal text only when ``with_text``)."""
    data: dict[str, Any] = {
        "id": a.id,
        "status": a.status,
        "partner": a.partner,
        "partner_tax_id": a.partner_tax_id,
        "supplier": a.supplier,
        "type": a.agreement_type,
        "title": a.title,
        "number": a.number,
        "languages": list(a.languages),
        "effective_date": a.effective_date.isoformat(),
        "signed_on": a.signed_on.isoformat() if a.signed_on else None,
        "amends": a.amends_id,
        "superseded_by": a.superseded_by,
        "deal_file": a.deal_file,
        "deal_sha256": a.deal_sha256,
        "registered_at": a.registered_at.isoformat(),
        "registered_by": a.registered_by,
    }
    if with_text:
        data["deal_text"] = a.deal_text
    return data


def list_json(agreements: Sequence[RegisteredAgreement]) -> str:
    """The agreements as a JSON array."""
    return json.dumps([agreement_json(a) for a in agreements], ensure_ascii=False, indent=2)


def list_csv(agreements: Sequence[RegisteredAgreement]) -> bytes:
    """The agreements as formula-safe CSV (UTF-8 with BOM), one row each under a header."""
    return csv_bytes([COLUMNS, *(_row(a) for a in agreements)])


def list_table(agreements: Sequence[RegisteredAgreement], width: int = 120) -> str:
    """The agreements as a text table; rich draws it when installed, else plain columns."""
    rows = [_row(a) for a in agreements]
    columns = COLUMNS[:-1]  # the table leaves out the file column to stay readable
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # pragma: no cover - rich is a dependency, this is for trimmed installs
        lines = ["  ".join(columns)]
        lines += ["  ".join(r[: len(columns)]) for r in rows]
        return "\n".join(lines) + "\n"
    # Columns blank in every row (no amendments, nothing signed yet) are left out to save width.
    keep = [i for i, name in enumerate(columns) if name in ("id", "status", "partner") or any(r[i] for r in rows)]
    table = Table(show_lines=False, header_style="bold")
    for i in keep:
        name = columns[i]
        # Only the partner's name wraps; IDs, statuses, types, numbers and dates stay on one line.
        table.add_column(
            TABLE_HEADERS.get(name, name), overflow="fold", no_wrap=name != "partner",
            min_width=12 if name == "partner" else None,
        )  # fmt: skip
    for r in rows:
        table.add_row(*(r[i] for i in keep))
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False, emoji=False, markup=False).print(table)
    return buffer.getvalue()


def record_json(record: AgreementRecord) -> str:
    """``register show --format json``: the agreement, history and document checks."""
    data = agreement_json(record.agreement, with_text=True)
    data["amendments"] = list(record.amendments)
    data["history"] = [
        {
            "from": e.from_status,
            "to": e.to_status,
            "at": e.at.isoformat(),
            "user": e.user,
            "note": e.note,
            "override": e.override,
        }
        for e in record.history
    ]
    data["documents"] = [
        {"path": d.path, "sha256": d.sha256, "size": d.size, "state": d.state, "current_sha256": d.current_sha256}
        for d in record.documents
    ]
    return json.dumps(data, ensure_ascii=False, indent=2)


_STATE_WORDS = {
    "same": "same as registered",
    "changed": "CHANGED since registered",
    "missing": "MISSING",
    "unreadable": "UNREADABLE",
}


def record_text(record: AgreementRecord) -> str:
    """``register show``: a readable summary of one agreement."""
    a = record.agreement
    lines = [
        f"Agreement {a.id}: {a.title or a.agreement_type} [{a.status}]",
        f"  partner      {a.partner}" + (f" (統一編號 {a.partner_tax_id})" if a.partner_tax_id else ""),
        f"  supplier     {a.supplier}",
        f"  type         {a.agreement_type}; languages {', '.join(a.languages)}" + (f"; no. {a.number}" if a.number else ""),
        f"  effective    {a.effective_date.isoformat()}",
        f"  signed on    {a.signed_on.isoformat() if a.signed_on else '-'}",
        f"  deal file    {a.deal_file} (sha256 {a.deal_sha256[:12]}…)",
        f"  registered   {a.registered_at:%Y-%m-%d %H:%M:%S} UTC by {a.registered_by}",
    ]
    if a.amends_id:
        lines.append(f"  amends       agreement {a.amends_id}")
    if record.amendments:
        lines.append(f"  amended by   {', '.join(str(i) for i in record.amendments)}")
    if a.superseded_by:
        lines.append(f"  terms now    those of agreement {a.superseded_by} (signed amendment)")
    lines.append("History:")
    for e in record.history:
        change = f"{e.from_status} → {e.to_status}" if e.from_status else f"registered as {e.to_status}"
        extra = " (override)" if e.override else ""
        note = f": {e.note}" if e.note else ""
        lines.append(f"  {e.at:%Y-%m-%d %H:%M:%S} UTC  {e.user}  {change}{extra}{note}")
    if record.documents:
        lines.append("Documents:")
        for d in record.documents:
            lines.append(f"  {_STATE_WORDS[d.state]:26} {d.path} (sha256 {d.sha256[:12]}…)")
    return "\n".join(lines) + "\n"
