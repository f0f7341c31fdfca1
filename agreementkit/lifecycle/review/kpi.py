"""KPI evaluation: attainment, weighted score, status and trend. Pure functions, no I/O.

* **Attainment** is what the KPI clause (``kpi_schedule``) says: higher is better → ``actual ÷ target``;
  lower is better → ``target ÷ actual`` (8 h target, 6 h actual → 133.3 %), rounded to 0.1 %. The
  clause sets no ceiling; only a zero actual of a lower-is-better KPI (an infinite ratio) is counted
  as :data:`ATTAINMENT_CAP`.
* **Weighted score** is Σ weight × attainment / 100 (100 = every target met exactly), rounded to 0.01;
  the rounded figure is the one shown and the one compared with the incentive's ``score_at_least``.
* **Status**: *met* when the target is reached, *at risk* when only the threshold is, *missed* when
  the threshold is not reached (the worst acceptable value is still acceptable).
* A KPI with no figure for the period is *no data*: it scores 0 and is never counted as a miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Literal

from agreementkit.lifecycle.review.actuals import Actuals
from agreementkit.lifecycle.review.periods import Period
from agreementkit.models.deal import Deal, Kpi

Status = Literal["met", "at_risk", "missed", "no_data"]
Trend = Literal["improving", "declining", "stable", "first"]
ATTAINMENT_CAP = Decimal(200)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class KpiResult:
    """One KPI in one period."""

    kpi: Kpi
    period: Period
    actual: Decimal | None
    attainment: Decimal | None
    contribution: Decimal
    status: Status
    row: int | None = None
    derived_from_lines: bool = False


@dataclass(frozen=True)
class KpiTrend:
    """One KPI across the review periods up to the one reviewed."""

    kpi_id: str
    points: tuple[KpiResult, ...]
    trend: Trend
    consecutive_misses: int


@dataclass(frozen=True)
class Scorecard:
    """Every KPI of the deal evaluated for ``period``, with its history."""

    period: Period
    results: tuple[KpiResult, ...]
    score: Decimal
    periods: tuple[Period, ...]
    scores: tuple[Decimal, ...]
    trends: tuple[KpiTrend, ...]

    @property
    def complete(self) -> bool:
        """Whether every KPI has a figure for the period."""
        return all(r.status != "no_data" for r in self.results)

    def result(self, kpi_id: str) -> KpiResult:
        """The result of KPI ``kpi_id``."""
        return next(r for r in self.results if r.kpi.id == kpi_id)

    def trend(self, kpi_id: str) -> KpiTrend:
        """The trend of KPI ``kpi_id``."""
        return next(t for t in self.trends if t.kpi_id == kpi_id)


def attainment(kpi: Kpi, actual: Decimal) -> Decimal:
    """Attainment in % of the target (see module doc), rounded to 0.1."""
    # Figures and targets are bounded (10^-12 .. 10^15), so a ratio has at most ~30 integer digits;
    # the wider context keeps the rounding exact instead of raising InvalidOperation at 28 digits.
    with localcontext() as ctx:
        ctx.prec = 60
        return _attainment(kpi, actual)


def _attainment(kpi: Kpi, actual: Decimal) -> Decimal:
    target = kpi.target
    if target == 0:
        ok = actual <= 0 if kpi.direction == "lower_is_better" else actual >= 0
        value = HUNDRED if ok else Decimal(0)
    elif kpi.direction == "higher_is_better":
        value = actual / target * HUNDRED
    elif actual <= 0:
        value = ATTAINMENT_CAP
    else:
        value = target / actual * HUNDRED
    return max(value, Decimal(0)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def status(kpi: Kpi, actual: Decimal) -> Status:
    """met / at_risk / missed for ``actual`` against the KPI's target and threshold."""
    if kpi.direction == "higher_is_better":
        if actual >= kpi.target:
            return "met"
        return "at_risk" if actual >= kpi.threshold else "missed"
    if actual <= kpi.target:
        return "met"
    return "at_risk" if actual <= kpi.threshold else "missed"


def evaluate_kpi(
    kpi: Kpi, period: Period, actual: Decimal | None, row: int | None = None, derived: bool = False
) -> KpiResult:
    """Evaluate one KPI's actual (None when not reported)."""
    if actual is None:
        return KpiResult(kpi, period, None, None, Decimal(0), "no_data", row, derived)
    att = attainment(kpi, actual)
    with localcontext() as ctx:
        ctx.prec = 60
        contribution = kpi.weight * att / HUNDRED
    return KpiResult(kpi, period, actual, att, contribution, status(kpi, actual), row, derived)


def weighted_score(results: tuple[KpiResult, ...] | list[KpiResult]) -> Decimal:
    """Σ weight × attainment / 100, rounded half up to 0.01."""
    with localcontext() as ctx:
        ctx.prec = 60
        total = sum((r.contribution for r in results), Decimal(0))
        return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _actual(
    deal: Deal, actuals: Actuals, kpi: Kpi, period: Period
) -> tuple[Decimal | None, int | None, bool]:
    reported = actuals.value(kpi.id, period)
    if reported is not None:
        return reported.value, reported.row, False
    if kpi.metric == "net_sales" and kpi.unit == deal.pricing.currency:
        lines = actuals.lines_in(period, "net_sales")
        if lines:
            return sum((ln.amount for ln in lines), Decimal(0)), None, True
    return None, None, False


def evaluate_period(deal: Deal, actuals: Actuals, period: Period) -> tuple[KpiResult, ...]:
    """Every KPI of the deal evaluated for ``period``."""
    results = []
    for kpi in deal.kpis:
        value, row, derived = _actual(deal, actuals, kpi, period)
        results.append(evaluate_kpi(kpi, period, value, row, derived))
    return tuple(results)


def _trend(points: list[KpiResult], kpi: Kpi) -> Trend:
    known = [p for p in points if p.actual is not None]
    if len(known) < 2 or points[-1].actual is None:
        return "first"
    last, before = known[-1].actual, known[-2].actual
    assert last is not None and before is not None
    if last == before:
        return "stable"
    better = last > before if kpi.direction == "higher_is_better" else last < before
    return "improving" if better else "declining"


def consecutive_misses(points: list[KpiResult]) -> int:
    """How many review periods in a row, ending with the last point, the KPI was missed.

    A period with no figure, or a gap between periods, ends the run: a miss is never presumed.
    """
    count = 0
    expected: Period | None = None
    for point in reversed(points):
        if point.status != "missed" or (expected is not None and point.period != expected):
            break
        count += 1
        expected = point.period.previous()
    return count


def evaluate(deal: Deal, actuals: Actuals, period: Period) -> Scorecard:
    """The scorecard for ``period`` with the history of every review period up to it in the file."""
    periods = sorted({p for p in actuals.review_periods() if p <= period} | {period})
    by_period = {p: evaluate_period(deal, actuals, p) for p in periods}
    trends = []
    for i, kpi in enumerate(deal.kpis):
        points = [by_period[p][i] for p in periods]
        trends.append(KpiTrend(kpi.id, tuple(points), _trend(points, kpi), consecutive_misses(points)))
    return Scorecard(
        period=period,
        results=by_period[period],
        score=weighted_score(by_period[period]),
        periods=tuple(periods),
        scores=tuple(weighted_score(by_period[p]) for p in periods),
        trends=tuple(trends),
    )
