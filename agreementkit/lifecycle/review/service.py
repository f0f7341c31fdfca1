"""The review service: deal + actuals + period → scorecard, settlement, consequences, documents.

:func:`run_review` is the one function the CLI calls. :func:`compute_review` is its pure core
(no I/O), used by tests and other programs.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from agreementkit.errors import AgreementKitError, InputError, Problem, ValidationFailed
from agreementkit.lifecycle.review.actuals import Actuals, load_actuals, out_of_bounds, review_kind
from agreementkit.lifecycle.review.citations import GENERIC_TERMS, PartyTerms
from agreementkit.lifecycle.review.consequences import derive
from agreementkit.lifecycle.review.kpi import evaluate
from agreementkit.lifecycle.review.model import LangMode, Review
from agreementkit.lifecycle.review.periods import MAX_YEAR, Period, enclosing, parse_period
from agreementkit.lifecycle.review.settlement import settle
from agreementkit.models.agreement import Localized
from agreementkit.models.deal import PERIOD_MONTHS, Deal
from agreementkit.render.formats import parse_format_list

if TYPE_CHECKING:
    from agreementkit.deal.yamlio import LoadedYaml
    from agreementkit.library.loader import Library

FORMATS = ("docx", "pdf", "json", "csv")
DEFAULT_FORMATS = ("docx", "pdf", "json")


@dataclass(frozen=True)
class ReviewRequest:
    """What the CLI asks for."""

    deal_path: Path
    actuals_path: Path
    period: str
    out_dir: Path = Path(".")
    lang: LangMode | None = None
    formats: tuple[str, ...] = DEFAULT_FORMATS
    force: bool = False
    library_dir: Path | None = None
    review_date: dt.date | None = None


def clause_labels(
    deal: Deal, library_dir: Path | None = None, library: Library | None = None
) -> tuple[dict[str, Localized], str | None]:
    """Clause id → number label from the assembled agreement, and a note when it could not be assembled.

    ``library``: one already open (callers labelling many deals open it once), else ``library_dir``'s.
    """
    labels, _terms, note = contract_terms(deal, library_dir, library)
    return labels, note


def contract_terms(
    deal: Deal, library_dir: Path | None = None, library: Library | None = None
) -> tuple[dict[str, Localized], PartyTerms, str | None]:
    """Clause labels and the parties' names as the agreement has them, and a note if it could not be assembled."""
    from agreementkit.drafting.assemble import assemble
    from agreementkit.library.loader import Library

    # A library that cannot be opened (a wrong --library folder) is the user's to fix: its error stands.
    if library is None:
        library = Library.open(library_dir)
    try:
        outline = library.outline(deal.agreement.type)
        terms = PartyTerms(outline.supplier_label.as_dict(), outline.partner_label.as_dict())
    except AgreementKitError as exc:
        note = f"the agreement's outline could not be read, so clauses are cited by name ({exc.message})"
        return {}, GENERIC_TERMS, note
    try:
        agreement = assemble(deal, library)
    except AgreementKitError as exc:
        return (
            {},
            terms,
            f"the agreement could not be assembled, so clauses are cited by name ({exc.message})",
        )
    return {c.id: dict(c.label) for c in agreement.clauses()}, terms, None


def unusable_figures(deal: Deal, deal_path: Path) -> list[Problem]:
    """KPI targets and thresholds outside the bounds actual figures have (see ``actuals.out_of_bounds``)."""
    problems = []
    for i, kpi in enumerate(deal.kpis):
        for name in ("target", "threshold"):
            value: Decimal = getattr(kpi, name)
            why = out_of_bounds(value) if value.is_finite() else "is not a finite number"
            if why:
                shown = f"{value:.3g}" if value.is_finite() else str(value)
                problems.append(Problem(f"{shown} {why}; give the figure the agreement means", str(deal_path),
                                        None, f"kpis[{i}].{name}"))  # fmt: skip
    return problems


def periods_apart(deal: Deal, deal_path: Path, loaded: LoadedYaml | None = None) -> list[Problem]:
    """KPIs whose period is not the review's: a scorecard cannot compare them with their targets.

    The KPI schedule gives each KPI a target for its own period; the performance-review clause
    assesses every KPI once per review period. A quarterly target cannot be met or missed by a
    half-year's figure (nor a yearly one by a quarter's) without the agreement saying how to convert it.
    """
    review = deal.performance_review
    if review is None:
        return []
    every = review.period.replace("_", "-")
    problems = []
    for i, kpi in enumerate(deal.kpis):
        if kpi.period == review.period:
            continue
        message = (
            f"KPI {kpi.id!r} has a target per {kpi.period.replace('_', '-')} but the agreement reviews "
            f"performance per {every} (performance_review.cadence: {review.cadence}); give the KPI "
            f"period: {review.period} with a target for that period, or a cadence that matches"
        )
        line = loaded.line_of(("kpis", i, "period")) if loaded else None
        problems.append(Problem(message, str(deal_path), line, f"kpis[{i}].period"))
    return problems


def check_review_date(review_date: dt.date | None, period: Period) -> None:
    """``--review-date`` must fall after the period it reviews and inside the supported years."""
    if review_date is None:
        return
    if review_date < period.end:
        raise InputError(
            f"--review-date: {review_date.isoformat()} is before the end of {period} ({period.end.isoformat()}); "
            "a review covers a finished period"
        )
    if review_date.year > MAX_YEAR:
        raise InputError(f"--review-date: the year {review_date.year} is after {MAX_YEAR}; check the date")


def settlement_period(deal: Deal, period: Period) -> tuple[Period | None, Localized | None]:
    """The profit-sharing period settled at the end of review ``period``, or why none is."""
    ps = deal.profit_sharing
    if ps is None:
        return None, {
            "zh-TW": "本契約未約定利潤分配，無結算。",
            "en": "The agreement has no profit sharing to settle.",
        }
    if PERIOD_MONTHS[ps.period] < period.months:
        raise InputError(
            f"profit sharing is settled per {ps.period.replace('_', '-')}, more often than the "
            f"{period.kind.replace('_', '-')} review; settle each {ps.period.replace('_', '-')} separately"
        )
    span = enclosing(period, ps.period)
    if span.end != period.end:
        return None, {
            "zh-TW": f"利潤分配按{span.label('zh-TW')}結算，於該期間結束時辦理；本期不結算。",
            "en": f"Profit sharing is settled for {span.label('en')} when it ends; nothing is settled now.",
        }
    return span, None


def compute_review(
    deal: Deal,
    actuals: Actuals,
    period: Period,
    labels: Mapping[str, Localized],
    review_date: dt.date | None = None,
    deal_name: str = "deal",
    citation_note: str | None = None,
    terms: PartyTerms = GENERIC_TERMS,
) -> Review:
    """Evaluate the KPIs, settle the profit share and derive the consequences (pure)."""
    review = deal.performance_review
    if review_date is None:
        review_date = period.end + dt.timedelta(days=review.report_days if review else 15)
    card = evaluate(deal, actuals, period)
    incentive = review.incentive if review is not None else None
    earned = incentive is not None and card.complete and card.score >= incentive.score_at_least
    span, note = settlement_period(deal, period)
    settlement = None
    if span is not None:
        settlement = settle(deal, actuals, span, incentive.bonus_rate if earned and incentive else None)
    consequences = derive(deal, actuals, card, settlement, labels, review_date, terms)
    return Review(
        deal=deal, deal_name=deal_name, actuals=actuals, period=period, review_date=review_date,
        scorecard=card, settlement=settlement, settlement_note=note, consequences=consequences,
        clause_labels=dict(labels), citation_note=citation_note, terms=terms,
    )  # fmt: skip


def output_paths(request: ReviewRequest, deal_name: str, period: Period) -> dict[str, Path]:
    """Where each document goes: ``<deal>-<period>-review.<ext>`` and ``-statement.<ext>``."""
    stem = f"{deal_name}-{period}"
    paths: dict[str, Path] = {}
    for fmt in request.formats:
        paths[f"review.{fmt}"] = request.out_dir / f"{stem}-review.{fmt}"
        paths[f"statement.{fmt}"] = request.out_dir / f"{stem}-statement.{fmt}"
    return paths


def parse_formats(text: str) -> tuple[str, ...]:
    """'docx,pdf' → ('docx', 'pdf'); InputError for an unknown format."""
    return parse_format_list(text, FORMATS)


def run_review(request: ReviewRequest) -> Review:
    """Load, compute, render and write the review report and the settlement statement."""
    from agreementkit.deal.load import load_deal_located
    from agreementkit.fileio.output import ensure_writable, write_files

    started = time.perf_counter()
    deal, loaded_yaml = load_deal_located(request.deal_path)
    try:
        period = parse_period(request.period)
    except ValueError as exc:
        raise InputError(f"--period: {exc}") from None
    problems = unusable_figures(deal, request.deal_path)
    if problems:
        raise ValidationFailed(f"{request.deal_path}: KPI figures the review cannot compute with", problems)
    apart = periods_apart(deal, request.deal_path, loaded_yaml)
    if apart:
        raise ValidationFailed(f"{request.deal_path}: KPIs the review cannot score", apart)
    kind = review_kind(deal)
    if not deal.kpis and deal.profit_sharing is None:
        raise InputError(f"{request.deal_path}: the deal has neither KPIs nor profit sharing to review")
    if period.kind != kind:
        raise InputError(
            f"--period: {period} is a {period.kind.replace('_', '-')}; this deal is reviewed per "
            f"{kind.replace('_', '-')} (e.g. {'2027-Q1' if kind == 'quarter' else '2027-H1'})"
        )
    check_review_date(request.review_date, period)
    actuals = load_actuals(request.actuals_path, deal)
    if not actuals.has_period(period):
        present = ", ".join(str(p) for p in actuals.review_periods()) or "none"
        raise InputError(
            f"{request.actuals_path}: no figures for {period} (KPI periods in the file: {present})"
        )
    deal_name = request.deal_path.stem
    paths = output_paths(request, deal_name, period)
    for path in paths.values():
        ensure_writable(path, request.force)
    loaded = time.perf_counter()
    labels, terms, note = contract_terms(deal, request.library_dir)
    assembled = time.perf_counter()
    result = compute_review(deal, actuals, period, labels, request.review_date, deal_name, note, terms)
    computed = time.perf_counter()
    mode: LangMode = request.lang or deal.agreement.language
    outputs = render_outputs(result, mode, request.formats)
    rendered = time.perf_counter()
    written = write_files([(paths[key], data) for key, data in outputs.items()], force=request.force)
    timings = {"load": loaded - started, "assemble": assembled - loaded, "compute": computed - assembled,
               "render": rendered - computed, "total": time.perf_counter() - started}  # fmt: skip
    return replace(result, outputs=tuple(written), timings=timings)


def render_outputs(review: Review, mode: LangMode, formats: Sequence[str]) -> dict[str, bytes]:
    """Render the requested formats of both documents: ``{"review.docx": b"...", ...}``."""
    from agreementkit.lifecycle.review import documents

    out: dict[str, bytes] = {}
    docs = {}
    if "docx" in formats or "pdf" in formats:
        docs = {
            "review": documents.review_document(review, mode),
            "statement": documents.statement_document(review, mode),
        }
    if "docx" in formats:
        from agreementkit.lifecycle.review.render_docx import render_docx

        for name, doc in docs.items():
            out[f"{name}.docx"] = render_docx(doc)
    if "pdf" in formats:
        from agreementkit.lifecycle.review.render_html import render_pdf

        for name, doc in docs.items():
            out[f"{name}.pdf"] = render_pdf(doc)
    if "csv" in formats:
        from agreementkit.lifecycle.review.export_csv import review_csv, statement_csv

        out["review.csv"] = review_csv(review)
        out["statement.csv"] = statement_csv(review)
    if "json" in formats:
        out["review.json"] = documents.to_json_bytes(documents.review_json(review))
        out["statement.json"] = documents.to_json_bytes(documents.statement_json(review))
    return out
