"""``agreementkit review``: a period's actual figures → KPI review report and settlement statement."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from agreementkit.cli.errors import handle_errors


@click.command()
@click.argument("deal", type=click.Path(path_type=Path))
@click.option(
    "--actuals",
    required=True,
    type=click.Path(path_type=Path),
    help="CSV (or .xlsx) of actual figures: period, type, item, value[, note].",
)
@click.option(
    "--period", required=True, help="The review period, e.g. 2027-Q1 (or 2027-H1 for half-yearly reviews)."
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder for the documents.",
)
@click.option(
    "--lang",
    type=click.Choice(["zh-TW", "en", "bilingual"]),
    default=None,
    help="Language of the documents (default: the agreement's).",
)
@click.option(
    "--format",
    "formats",
    default="docx,pdf,json",
    show_default=True,
    help="Comma-separated formats: docx, pdf, json, csv (formula-safe tables for spreadsheets).",
)
@click.option(
    "--review-date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Date the review is delivered (default: period end + the agreement's report days).",
)
@click.option("--library", "library_dir", type=click.Path(path_type=Path), help="Your own clause folder.")
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@handle_errors
def review(
    deal: Path,
    actuals: Path,
    period: str,
    out_dir: Path,
    lang: str | None,
    formats: str,
    review_date: dt.datetime | None,
    library_dir: Path | None,
    force: bool,
) -> None:
    """Score a period's KPIs, settle the profit share and list the consequences the agreement triggers."""
    from agreementkit.lifecycle.review.service import ReviewRequest, parse_formats, run_review

    result = run_review(ReviewRequest(
        deal_path=deal, actuals_path=actuals, period=period, out_dir=out_dir,
        lang=lang,  # type: ignore[arg-type]
        formats=parse_formats(formats), force=force, library_dir=library_dir,
        review_date=review_date.date() if review_date else None,
    ))  # fmt: skip
    card, s = result.scorecard, result.settlement
    click.echo(f"{result.period}: weighted KPI score {card.score}")
    for r in card.results:
        click.echo(f"  {r.kpi.id:20} {r.status:8} {r.attainment if r.attainment is not None else '-'}%")
    if s is not None:
        click.echo(f"settlement {s.period}: {s.currency} {s.total_payable:,} payable (basis {s.basis:,})")
    for c in result.consequences:
        if c.severity != "info":
            click.echo(f"{c.severity}: {c.text['en']} [{c.citation.label['en']}]")
            for i, step in enumerate(c.steps, start=1):
                click.echo(f"  ({i}) {step.text['en']} [{step.citation.label['en']}]")
    if result.citation_note:
        click.echo(f"note: {result.citation_note}", err=True)
    for path in result.outputs:
        click.echo(f"wrote {path}")
    click.echo(f"done in {result.timings.get('total', 0):.2f} s")
