"""``agreementkit notice KIND DEAL.yaml``: draft a notice letter, or refuse one the agreement does not allow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from agreementkit.cli.errors import handle_errors

KINDS = ("renewal", "non-renewal", "cure", "termination", "improvement-plan")
GROUNDS = ("breach", "convenience", "kpi", "insolvency", "change-of-control")
DATE = click.DateTime(formats=["%Y-%m-%d"])


@click.command()
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("deal", type=click.Path(path_type=Path))
@click.option("--date", "date", type=DATE, default=None, help="Date of the letter (default: today).")
@click.option("--ground", type=click.Choice(GROUNDS), default=None, help="Termination only: the ground it rests on.")
@click.option("--reason", default=None, help="The facts: the breach (cure, termination for breach) or the event.")
@click.option("--review", "review_path", type=click.Path(path_type=Path), default=None,
              help="A KPI review's JSON (agreementkit review … --format json): improvement plan, KPI termination.")  # fmt: skip
@click.option("--cure-notice", type=DATE, default=None, help="Termination for breach: date of the cure notice.")
@click.option("--plan-notice", type=DATE, default=None, help="KPI termination: date of the improvement-plan notice.")
@click.option("--from", "sender", type=click.Choice(["supplier", "partner"]), default="supplier", show_default=True,
              help="Which party sends the letter.")  # fmt: skip
@click.option("--format", "formats", default="docx,pdf", show_default=True, help="Comma-separated: docx, pdf.")
@click.option("--lang", type=click.Choice(["zh-TW", "en", "bilingual"]), default=None,
              help="Language of the letter (default: the agreement's).")  # fmt: skip
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=Path("."), show_default=True,
              help="Folder for the letter.")  # fmt: skip
@click.option("--library", "library_dir", type=click.Path(path_type=Path), help="Your own clause folder.")
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@handle_errors
def notice(
    kind: str,
    deal: Path,
    date: dt.datetime | None,
    ground: str | None,
    reason: str | None,
    review_path: Path | None,
    cure_notice: dt.datetime | None,
    plan_notice: dt.datetime | None,
    sender: str,
    formats: str,
    lang: str | None,
    out_dir: Path,
    library_dir: Path | None,
    force: bool,
) -> None:
    """Draft a renewal, non-renewal, cure, termination or improvement-plan notice (exit 6 if refused)."""
    from agreementkit.lifecycle.notices.service import NoticeRequest, parse_formats, run_notice

    letter = run_notice(NoticeRequest(
        kind=kind,  # type: ignore[arg-type]
        deal_path=deal, date=date.date() if date else dt.date.today(), out_dir=out_dir,
        formats=parse_formats(formats), lang=lang,  # type: ignore[arg-type]
        sender=sender,  # type: ignore[arg-type]
        ground=ground,  # type: ignore[arg-type]
        reason=reason, review_path=review_path,
        cure_notice=cure_notice.date() if cure_notice else None,
        plan_notice=plan_notice.date() if plan_notice else None,
        force=force, library_dir=library_dir,
    ))  # fmt: skip
    click.echo(letter.subject["en"])
    for key_date in letter.dates:
        click.echo(f"  {key_date.label['en']}: {key_date.date.isoformat()}")
    click.echo(f"  cites {', '.join(c.label['en'] for c in letter.citations)}; {letter.delivery['en'].lower()}")
    for path in letter.outputs:
        click.echo(f"wrote {path}")
