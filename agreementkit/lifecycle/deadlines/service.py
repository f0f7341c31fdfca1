"""The deadlines service: which agreements, which window, their deadlines and the clause labels.

:func:`collect` is the one function ``agreementkit due`` and ``agreementkit calendar`` call.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from agreementkit.errors import InputError
from agreementkit.library.loader import Library
from agreementkit.lifecycle.deadlines.compute import compute_deadlines
from agreementkit.lifecycle.deadlines.model import Deadline, Events
from agreementkit.lifecycle.deadlines.sources import Source, from_files, from_register
from agreementkit.lifecycle.review.periods import MAX_YEAR, MIN_YEAR
from agreementkit.lifecycle.review.service import clause_labels
from agreementkit.models.common import Lang

MAX_WITHIN_DAYS = 3660  # ten years: far enough for any renewal window, near enough to list
_WITHIN = re.compile(r"^\s*(\d{1,6})\s*([dw]?)\s*$", re.IGNORECASE)


def parse_within(text: str, option: str = "--within") -> int:
    """``90d`` / ``12w`` / ``90`` → days; InputError with a hint otherwise."""
    match = _WITHIN.match(text)
    if not match:
        raise InputError(f"{option}: {text!r} is not a span of days; write e.g. 90d or 12w")
    days = int(match[1]) * (7 if match[2].lower() == "w" else 1)
    if days > MAX_WITHIN_DAYS:
        raise InputError(f"{option}: {text!r} is more than {MAX_WITHIN_DAYS} days; give a shorter span")
    return days


@dataclass(frozen=True)
class DueRequest:
    """What ``due`` / ``calendar`` ask for."""

    deal_paths: tuple[Path, ...] = ()
    db: str | None = None
    partner: str | None = None
    today: dt.date = field(default_factory=dt.date.today)
    within_days: int = 90
    events: Events = field(default_factory=Events)
    library_dir: Path | None = None


@dataclass(frozen=True)
class DueResult:
    """The deadlines found, in date order, with what was searched and any note on citations."""

    request: DueRequest
    sources: tuple[Source, ...]
    deadlines: tuple[Deadline, ...]
    notes: tuple[str, ...] = ()

    @property
    def horizon(self) -> dt.date:
        """The last day of the window."""
        return self.request.today + dt.timedelta(days=self.request.within_days)

    @property
    def from_register(self) -> bool:
        """Whether the agreements came from the register (no deal files were given)."""
        return not self.request.deal_paths


def default_lang(sources: Sequence[Source]) -> Lang:
    """English when every agreement is in English, else zh-TW."""
    if sources and all(s.deal.agreement.language == "en" for s in sources):
        return "en"
    return "zh-TW"


def _check(request: DueRequest) -> None:
    today = request.today
    if today.year < MIN_YEAR or today.year + request.within_days // 365 + 1 > MAX_YEAR:
        raise InputError(f"--today: {today.isoformat()} is outside {MIN_YEAR}–{MAX_YEAR}; check the date")


def collect(request: DueRequest) -> DueResult:
    """The deadlines of the requested agreements inside the window, in date order."""
    _check(request)
    if request.deal_paths:
        sources = from_files(request.deal_paths, request.partner)
    else:
        sources = from_register(request.db, request.partner)
    if request.events != Events() and len(sources) != 1:
        raise InputError(
            f"--cure-notice / --plan-notice apply to one agreement, and {len(sources)} match; give one DEAL.yaml or narrow with --partner"
        )
    found: list[Deadline] = []
    notes = []
    library = Library.open(request.library_dir)  # once: it caches the clauses it has read
    for source in sources:
        labels, note = clause_labels(source.deal, library=library)
        if note:
            notes.append(f"{source.ref.label}: {note}")
        found += compute_deadlines(
            source.deal, source.ref, labels, request.today, request.within_days, request.events
        )
    found.sort(key=lambda d: d.sort_key)
    return DueResult(request, tuple(sources), tuple(found), tuple(notes))
