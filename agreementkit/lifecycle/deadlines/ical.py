"""Deadlines as an iCalendar file (RFC 5545) that Outlook and Google Calendar import.

Each deadline is an all-day event with reminders 30 and 7 days before. Its UID is a digest of the
agreement's identity, the deadline's kind and its date-independent key, so importing a newer file
(an amendment moved the date) updates the event instead of adding a second one. Nothing depends on
the clock: DTSTAMP is the agreement's signing (else effective) date and SEQUENCE its amendment
number, so the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from icalendar import Alarm, Calendar, Event

from agreementkit.lifecycle.deadlines.export import details
from agreementkit.lifecycle.deadlines.model import KIND_NAMES, Deadline
from agreementkit.models.common import Lang

PRODID = "-//agreementkit//deadlines//EN"
REMINDER_DAYS = (30, 7)
UID_DOMAIN = "agreementkit"


def event_uid(d: Deadline) -> str:
    """The deadline's stable UID: agreement identity + kind + key, never its date."""
    digest = hashlib.sha256(f"{d.agreement.identity}\x1f{d.kind}\x1f{d.key}".encode()).hexdigest()
    return f"{d.kind}-{digest[:24]}@{UID_DOMAIN}"


def _stamp(d: Deadline) -> dt.datetime:
    day = d.agreement.dtstamp_date or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def summary(d: Deadline, lang: Lang) -> str:
    """'Non-renewal notice deadline — AK-2027-001 新竹科技'."""
    return f"{KIND_NAMES[d.kind][lang]} — {d.agreement.label}"


def description(d: Deadline, lang: Lang) -> str:
    """The details, the clause that sets the deadline and the deal file."""
    clause = "條款" if lang == "zh-TW" else "Clause"
    deal = "契約檔" if lang == "zh-TW" else "Deal file"
    return f"{details(d, lang)}\n{clause}: {d.citation.label[lang]}\n{deal}: {d.agreement.deal_file}"


def _event(d: Deadline, lang: Lang) -> Event:
    event = Event()
    event.add("uid", event_uid(d))
    event.add("dtstamp", _stamp(d))
    event.add("sequence", d.agreement.amendment)
    event.add("dtstart", d.date)
    event.add("dtend", d.date + dt.timedelta(days=1))
    event.add("summary", summary(d, lang))
    event.add("description", description(d, lang))
    event.add("categories", [d.kind])
    event.add("transp", "TRANSPARENT")
    for days in REMINDER_DAYS:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary(d, lang))
        alarm.add("trigger", dt.timedelta(days=-days))
        event.add_component(alarm)
    return event


def calendar_bytes(deadlines: Sequence[Deadline], lang: Lang) -> bytes:
    """The deadlines, in date order, as the bytes of one .ics file."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "agreementkit 契約期限" if lang == "zh-TW" else "agreementkit deadlines")
    for d in sorted(deadlines, key=lambda x: x.sort_key):
        cal.add_component(_event(d, lang))
    data: bytes = cal.to_ical()
    return data
