"""The review and the statement as CSV tables for spreadsheets (formula-safe, see fileio.spreadsheet)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from agreementkit.fileio.spreadsheet import csv_bytes

if TYPE_CHECKING:
    from agreementkit.lifecycle.review.model import Review


def _n(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def review_csv(review: Review) -> bytes:
    """One row per KPI: the scorecard of the period."""
    rows: list[list[object]] = [[
        "period", "kpi", "name_zh", "name_en", "unit", "direction", "target", "threshold", "actual",
        "attainment_percent", "weight_percent", "weighted", "status", "consecutive_misses", "source_row",
    ]]  # fmt: skip
    card = review.scorecard
    for r in card.results:
        k = r.kpi
        rows.append([
            str(review.period), k.id, k.name.get("zh-TW"), k.name.get("en"), k.unit, k.direction, _n(k.target),
            _n(k.threshold), _n(r.actual), _n(r.attainment), _n(k.weight), _n(r.contribution), r.status,
            card.trend(k.id).consecutive_misses, "" if r.row is None else r.row,
        ])  # fmt: skip
    rows.append(
        [
            str(review.period),
            "weighted_score",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "100",
            _n(card.score),
            "",
            "",
            "",
        ]
    )
    return csv_bytes(rows)


def statement_csv(review: Review) -> bytes:
    """One row per revenue line of the settlement basis, then the computed amounts."""
    rows: list[list[object]] = [["section", "row", "period", "basis", "item", "note", "amount", "currency"]]
    s = review.settlement
    if s is None:
        return csv_bytes(rows)
    for ln in s.basis_lines:
        rows.append(
            ["basis_line", ln.row, str(ln.period), ln.basis, ln.item, ln.note, _n(ln.amount), s.currency]
        )
    for key, value in (
        ("gross_basis", s.gross_basis), ("basis_amount", s.basis), ("share_payable", s.share_payable),
        ("incentive_amount", s.incentive_amount), ("tax_amount", s.tax_amount), ("total_payable", s.total_payable),
    ):  # fmt: skip
        rows.append(["total", "", str(s.period), "", key, "", _n(value), s.currency])
    return csv_bytes(rows)
