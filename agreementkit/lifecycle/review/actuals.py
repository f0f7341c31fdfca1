"""Read a partner's actual figures (CSV or .xlsx).

One row per figure, with a header row naming these columns (any order, case-insensitive)::

    period  2027-Q1 (KPI rows: the review period; revenue lines: a month, quarter, half-year or year)
    type    kpi | net_sales | net_purchases | net_revenue
    item    for kpi rows: the KPI's id, metric or name from the deal file;
            for revenue lines: what the line is (product code, invoice number, "returns" ...)
    value   a number; thousands separators are allowed; revenue lines may be negative (returns, credits)
    note    optional free text, carried onto the statement

Revenue lines whose ``type`` is the profit-sharing basis (``net_purchases`` for the example) make up
the settlement; ``net_sales`` lines also give the ``net_sales`` KPI its value when no ``kpi`` row does.
Every bad row is reported at once as ``FILE:ROW:COLUMN: message``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from agreementkit.errors import InputError, Problem, ValidationFailed
from agreementkit.fileio.input import MAX_ACTUALS_BYTES
from agreementkit.fileio.table import CsvBroken, read_table_rows
from agreementkit.lifecycle.review.periods import Period, PeriodKind, parse_period
from agreementkit.models.common import LANGS
from agreementkit.models.deal import Deal, Kpi

MAX_ROWS = 100_000
LINE_TYPES = ("net_sales", "net_purchases", "net_revenue")
COLUMNS = ("period", "type", "item", "value", "note")
REQUIRED = ("period", "type", "item", "value")
BOUNDED_UNITS = {"percent": Decimal(100)}


@dataclass(frozen=True)
class KpiActual:
    """One KPI's actual value for one review period."""

    period: Period
    kpi_id: str
    value: Decimal
    row: int


@dataclass(frozen=True)
class RevenueLine:
    """One revenue line (positive, or negative for returns and credits) in the settlement basis."""

    period: Period
    basis: str
    item: str
    amount: Decimal
    note: str
    row: int


@dataclass(frozen=True)
class Actuals:
    """Every figure in an actuals file, validated against the deal."""

    source: str
    kpi_values: tuple[KpiActual, ...]
    lines: tuple[RevenueLine, ...]

    def review_periods(self) -> list[Period]:
        """Periods that have KPI values, in order."""
        return sorted({k.period for k in self.kpi_values})

    def value(self, kpi_id: str, period: Period) -> KpiActual | None:
        """The KPI's reported value for ``period``, if any."""
        for k in self.kpi_values:
            if k.kpi_id == kpi_id and k.period == period:
                return k
        return None

    def lines_in(self, period: Period, basis: str) -> list[RevenueLine]:
        """Revenue lines of ``basis`` that fall inside ``period``, in file order."""
        return [ln for ln in self.lines if ln.basis == basis and period.contains(ln.period)]

    def has_period(self, period: Period) -> bool:
        """Whether anything at all was reported inside ``period``."""
        return any(period.contains(k.period) for k in self.kpi_values) or any(
            period.contains(ln.period) for ln in self.lines
        )


def review_kind(deal: Deal) -> PeriodKind:
    """The period kind KPIs are reviewed in (quarter or half_year)."""
    review = deal.performance_review
    return review.period if review is not None else "quarter"


def _kpi_lookup(deal: Deal) -> dict[str, str]:
    """Every way a row may name a KPI (id, metric when unique, zh-TW / en name) → KPI id, case-folded."""
    lookup: dict[str, str] = {}
    metrics = [k.metric for k in deal.kpis]
    for k in deal.kpis:
        lookup[k.id.casefold()] = k.id
        if metrics.count(k.metric) == 1:
            lookup.setdefault(k.metric.casefold(), k.id)
        for lang in LANGS:
            if k.name.has(lang):
                lookup.setdefault(k.name.get(lang).strip().casefold(), k.id)
    return lookup


# Figures are amounts and KPI values a person reports: bounded in magnitude and in precision at
# parse time, so no later sum, quotient or printed figure can explode (``1e-999999999`` would
# otherwise be printed with a billion digits).
MAX_MAGNITUDE = Decimal("1e15")
MAX_DECIMALS = 12
MAX_NUMBER_CHARS = 40


def parse_amount(text: str) -> Decimal:
    """'1,234,567' / '-3 000' / '4.5' → Decimal; ValueError for anything else (incl. NaN, ∞).

    Refused too: magnitudes of 10^15 or more, or below 10^-12 but not zero; digits past the
    twelfth decimal place (binary-float noise) are rounded away.
    """
    shown = text.strip()
    cleaned = shown.replace(",", "").replace("_", "").replace(" ", "").replace("\u00a0", "")
    if cleaned.startswith("(") and cleaned.endswith(")"):  # accounting negative
        cleaned = "-" + cleaned[1:-1]
    if len(cleaned) > MAX_NUMBER_CHARS:
        raise ValueError(f"{shown[:20]!r}… is too long for a figure")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"{shown!r} is not a number") from None
    if not value.is_finite():
        raise ValueError(f"{shown!r} is not a finite number")
    problem = out_of_bounds(value)
    if problem:
        raise ValueError(f"{shown!r} {problem}")
    if value == 0:
        return Decimal(0)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_DECIMALS:  # 0.30000000000000004 from a float
        value = value.quantize(Decimal(1).scaleb(-MAX_DECIMALS)).normalize()
    if int(value.as_tuple().exponent) > 0:  # 1e14 → 100000000000000, never printed as 1E+14
        value = value.quantize(Decimal(1))
    return value


def out_of_bounds(value: Decimal) -> str | None:
    """Why ``value`` is outside what a figure may be (below 10^15, at least 10^-12 unless 0), or None."""
    if value == 0:
        return None
    if value.adjusted() >= MAX_MAGNITUDE.adjusted():
        return "is too large (figures must be below 10^15)"
    if value.adjusted() < -MAX_DECIMALS:
        return f"is too small to be a reported figure (nonzero figures are at least 10^-{MAX_DECIMALS})"
    return None


MAX_TEXT_CHARS = 300
# Characters XML 1.0 cannot carry (C0 controls but tab / LF / CR, surrogates, U+FFFE / U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text_problem(text: str) -> str | None:
    """Why an item or note cannot go into the documents (a control character, too long), or None."""
    bad_char = _NOT_XML.search(text)
    if bad_char:
        return f"contains the control character U+{ord(bad_char.group()):04X}; remove it"
    if len(text) > MAX_TEXT_CHARS:
        return f"is {len(text):,} characters long; keep it under {MAX_TEXT_CHARS}"
    return None


def _read_rows(path: Path, name: str) -> Iterator[tuple[int, list[str]]]:
    return read_table_rows(path, name, max_bytes=MAX_ACTUALS_BYTES, max_rows=MAX_ROWS, what="actuals file")


def load_actuals(path: Path, deal: Deal, display_name: str | None = None) -> Actuals:
    """Read and validate the actuals file against the deal; raise ValidationFailed with every bad row."""
    name = display_name or str(path)
    problems: list[Problem] = []
    kpis: dict[str, Kpi] = {k.id: k for k in deal.kpis}
    lookup = _kpi_lookup(deal)
    kind = review_kind(deal)
    header: dict[str, int] | None = None
    kpi_seen: dict[tuple[Period, str], int] = {}
    line_seen: dict[tuple[Period, str, str], int] = {}
    kpi_values: list[KpiActual] = []
    lines: list[RevenueLine] = []
    row_number = 0
    broken: list[CsvBroken] = []

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            yield from _read_rows(path, name)
        except CsvBroken as exc:  # keep the rows before it and report it with the others
            broken.append(exc)

    for sheet_row, cells in rows():
        row_number = sheet_row
        if row_number > MAX_ROWS:
            raise InputError(f"{name}: more than {MAX_ROWS:,} rows")
        if not any(c.strip() for c in cells):
            continue
        if cells and cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = {c.strip().lower(): i for i, c in enumerate(cells) if c.strip()}
            missing = [c for c in REQUIRED if c not in header]
            for column in missing:
                problems.append(
                    Problem(
                        f"missing column {column!r}; the header needs {', '.join(REQUIRED)}",
                        name,
                        row_number,
                        column=column,
                    )
                )
            for column in header:
                if column not in COLUMNS:
                    problems.append(
                        Problem(
                            f"unknown column {column!r}; columns are {', '.join(COLUMNS)}",
                            name,
                            row_number,
                            column=column,
                        )
                    )
            if problems:
                raise ValidationFailed(f"{name}: the header row is not usable", problems)
            continue

        def cell(column: str, cells: list[str] = cells, header: dict[str, int] = header) -> str:
            i = header.get(column)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        def bad(column: str, message: str, row: int = row_number) -> None:
            problems.append(Problem(message, name, row, column=column))

        period: Period | None = None
        try:
            period = parse_period(cell("period"))
        except ValueError as exc:
            bad("period", str(exc) if cell("period") else "the period is empty")
        row_type = cell("type").lower()
        item = cell("item")
        item_ok = True
        for column in ("item", "note"):
            why = text_problem(cell(column))
            if why:
                bad(column, why)
                item_ok = item_ok and column != "item"
        value: Decimal | None = None
        try:
            value = parse_amount(cell("value"))
        except ValueError as exc:
            bad("value", str(exc) if cell("value") else "the value is empty")
        if row_type == "kpi":
            kpi_id = lookup.get(item.casefold())
            if kpi_id is None and item_ok:
                known = ", ".join(kpis) or "(the deal has no KPIs)"
                bad("item", f"unknown KPI {item!r}; the deal's KPIs are {known}")
            if period is not None and period.kind != kind:
                every = kind.replace("_", "-")
                bad(
                    "period",
                    f"KPIs are reviewed per {every}; {str(period)!r} is a {period.kind.replace('_', '-')}",
                )
                period = None
            if kpi_id is not None and value is not None:
                kpi = kpis[kpi_id]
                if value < 0:
                    bad("value", f"{kpi_id} cannot be negative")
                elif kpi.unit in BOUNDED_UNITS and value > BOUNDED_UNITS[kpi.unit]:
                    bad("value", f"{kpi_id} is a percentage; {value} is above 100")
            if kpi_id is not None and period is not None:
                key = (period, kpi_id)
                if key in kpi_seen:
                    first = kpi_seen[key]
                    bad("period", f"duplicate: KPI {kpi_id} for {period} is already given on row {first}")
                else:
                    kpi_seen[key] = row_number
                    if value is not None and value >= 0:
                        kpi_values.append(KpiActual(period, kpi_id, value, row_number))
        elif row_type in LINE_TYPES:
            if not item:
                bad("item", "a revenue line needs an item (product code, invoice number ...)")
            elif period is not None and item_ok:
                line_key = (period, row_type, item.casefold())
                if line_key in line_seen:
                    bad(
                        "period",
                        f"duplicate: {row_type} line {item!r} for {period} is already given on row "
                        f"{line_seen[line_key]}; add up the figures or name the lines apart",
                    )
                else:
                    line_seen[line_key] = row_number
                    if value is not None:
                        lines.append(RevenueLine(period, row_type, item, value, cell("note"), row_number))
        else:
            bad("type", f"unknown type {cell('type')!r}; use kpi, {', '.join(LINE_TYPES)}")
    for stop in broken:
        problems.append(Problem(f"{stop.message}; nothing after this line was read", name, stop.line))
    if header is None and not problems:
        raise InputError(f"{name}: the actuals file is empty (it needs a header row: {', '.join(COLUMNS)})")
    if problems:
        count = len(problems)
        raise ValidationFailed(f"{name}: {count} bad row{'s' if count != 1 else ''} in the actuals", problems)
    return Actuals(name, tuple(kpi_values), tuple(lines))
