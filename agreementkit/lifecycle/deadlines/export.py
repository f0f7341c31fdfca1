"""Deadlines as text: a rich table for people, JSON for programs (its shape is in docs/deadlines.md)."""

from __future__ import annotations

import io
import json
from typing import Any

from agreementkit.lifecycle.deadlines.model import KIND_NAMES, Deadline
from agreementkit.lifecycle.deadlines.service import DueResult
from agreementkit.locale.formatting import date_text
from agreementkit.models.common import Lang

JSON_VERSION = 1
HEADERS: dict[Lang, tuple[str, ...]] = {
    "zh-TW": ("日期", "契約", "事項", "條款", "說明"),
    "en": ("date", "agreement", "deadline", "clause", "details"),
}


def shown_date(d: Deadline, lang: Lang) -> str:
    """The deadline's date as the agreement writes dates (民國 when its date_style is roc)."""
    return date_text(d.date, lang, d.agreement.date_style)


def business_day_text(d: Deadline, lang: Lang) -> str | None:
    """'falls on Saturday; next business day 17 January 2028' (information: the date is not moved)."""
    note = d.business_day
    if note is None:
        return None
    when = date_text(note.suggested, lang, d.agreement.date_style)
    if lang == "zh-TW":
        if note.direction == "previous":
            return f"此日為{note.reason['zh-TW']}（非營業日）；以電子郵件通知者，宜於前一營業日{when}前送達"
        return f"此日為{note.reason['zh-TW']}（非營業日）；次一營業日為{when}（契約未約定順延）"
    if note.direction == "previous":
        return (
            f"falls on {note.reason['en']}, not a business day; an email then counts as received the next "
            f"business day, so have it arrive by {when}"
        )
    return f"falls on {note.reason['en']}, not a business day; next business day {when} (the agreement does not move it)"


def details(d: Deadline, lang: Lang) -> str:
    """What the deadline is, with the business-day hint when there is one."""
    hint = business_day_text(d, lang)
    if hint is None:
        return d.what[lang]
    return d.what[lang] + ("；" if lang == "zh-TW" else "; ") + hint


def deadline_json(d: Deadline, lang: Lang) -> dict[str, Any]:
    """One deadline as a JSON object."""
    a, note = d.agreement, d.business_day
    return {
        "date": d.date.isoformat(),
        "date_text": shown_date(d, lang),
        "kind": d.kind,
        "kind_name": KIND_NAMES[d.kind][lang],
        "key": d.key,
        "agreement": {
            "identity": a.identity,
            "number": a.number,
            "partner": a.partner,
            "register_id": a.register_id,
            "deal_file": a.deal_file,
        },
        "clause": {
            "id": d.citation.clause_id,
            "label": d.citation.label[lang],
            "numbered": d.citation.numbered,
        },
        "details": d.what[lang],
        "business_day": None
        if note is None
        else {
            "is_business_day": False,
            "reason": note.reason[lang],
            "suggested": note.suggested.isoformat(),
            "direction": note.direction,
            "moved": False,
            "text": business_day_text(d, lang),
        },
    }


def due_json(result: DueResult, lang: Lang) -> str:
    """``due --format json``: the window, the agreements searched and every deadline in date order."""
    data = {
        "version": JSON_VERSION,
        "today": result.request.today.isoformat(),
        "within_days": result.request.within_days,
        "until": result.horizon.isoformat(),
        "lang": lang,
        "source": "register" if result.from_register else "files",
        "agreements": len(result.sources),
        "notes": list(result.notes),
        "deadlines": [deadline_json(d, lang) for d in result.deadlines],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def due_table(result: DueResult, lang: Lang, width: int = 120) -> str:
    """``due``: a table of the deadlines (rich), one row each, in date order."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for i, name in enumerate(HEADERS[lang]):
        table.add_column(name, overflow="fold", no_wrap=i == 0, ratio=4 if i == 4 else None)
    for d in result.deadlines:
        table.add_row(
            shown_date(d, lang),
            d.agreement.label,
            KIND_NAMES[d.kind][lang],
            d.citation.label[lang],
            details(d, lang),
        )
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False, emoji=False, markup=False).print(
        table
    )
    return buffer.getvalue()
