"""A KPI review's JSON (``agreementkit review … --format json``) as the notices read it.

Only what the improvement-plan and KPI-termination notices need: the period, the review date, each
KPI's figures and status, the trend points, and the consequences that
:mod:`agreementkit.lifecycle.review.consequences` derived (the notices take its verdict on whether
the termination condition is met rather than working it out again).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agreementkit.errors import InputError
from agreementkit.fileio.input import read_regular_file
from agreementkit.models.deal import Deal

MAX_REVIEW_BYTES = 20 * 1024 * 1024
SCHEMA = "agreementkit/review/v1"


@dataclass(frozen=True)
class KpiFigure:
    """One KPI of the reviewed period."""

    id: str
    name: dict[str, str]
    unit: str
    target: str | None
    threshold: str | None
    actual: str | None
    status: str


@dataclass(frozen=True)
class ReviewConsequence:
    """One consequence of the review: its kind, text, KPIs and due date."""

    kind: str
    text: dict[str, str]
    kpis: tuple[str, ...]
    due: dt.date | None


@dataclass(frozen=True)
class ReviewFile:
    """The parts of a review JSON the notices use."""

    path: Path
    period: str
    start: dt.date
    end: dt.date
    review_date: dt.date
    score: str | None
    kpis: tuple[KpiFigure, ...]
    missed_periods: dict[str, tuple[str, ...]]  # KPI id → the periods in the file it was missed
    consequences: tuple[ReviewConsequence, ...]

    def consequence(self, kind: str) -> ReviewConsequence | None:
        """The first consequence of ``kind``, or None."""
        return next((c for c in self.consequences if c.kind == kind), None)

    def kpi(self, kpi_id: str) -> KpiFigure:
        """The KPI ``kpi_id`` of the reviewed period."""
        return next(k for k in self.kpis if k.id == kpi_id)


def _date(value: Any, path: Path, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{path}: {field}: {value!r} is not a date (YYYY-MM-DD)") from None


def _parse(data: dict[str, Any], path: Path) -> ReviewFile:
    kpis = tuple(
        KpiFigure(k["id"], dict(k["name"]), str(k["unit"]), k["target"], k["threshold"], k["actual"], k["status"])
        for k in data["scorecard"]["kpis"]
    )
    missed = {
        t["id"]: tuple(p["period"] for p in t["points"] if p["status"] == "missed") for t in data["trend"]["kpis"]
    }
    consequences = tuple(
        ReviewConsequence(c["kind"], dict(c["text"]), tuple(c["kpis"]),
                          _date(c["due"], path, "consequences.due") if c["due"] else None)
        for c in data["consequences"]
    )  # fmt: skip
    return ReviewFile(
        path=path, period=str(data["period"]), start=_date(data["start"], path, "start"),
        end=_date(data["end"], path, "end"), review_date=_date(data["review_date"], path, "review_date"),
        score=data["scorecard"]["score"], kpis=kpis, missed_periods=missed, consequences=consequences,
    )  # fmt: skip


def load_review(path: Path, deal: Deal) -> ReviewFile:
    """Read and check a review JSON against the deal it should belong to (InputError, exit 2)."""
    raw = read_regular_file(path, max_bytes=MAX_REVIEW_BYTES, what="review JSON file")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a review JSON file ({exc}); write one with `agreementkit review … --format json`") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(f"{path}: not a KPI review (expected \"schema\": \"{SCHEMA}\"); give the -review.json file")
    number = deal.agreement.number
    if data.get("agreement") != number:
        raise InputError(f"{path}: the review is of agreement {data.get('agreement')!r}, not of this deal's {number!r}")
    try:
        review = _parse(data, path)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise InputError(f"{path}: incomplete review JSON (missing or malformed {exc}); write it again with `agreementkit review`") from None
    known = {k.id for k in deal.kpis}
    unknown = [k.id for k in review.kpis if k.id not in known]
    if unknown:
        raise InputError(f"{path}: KPI {', '.join(unknown)} is not in the deal file; the review belongs to another version")
    return review
