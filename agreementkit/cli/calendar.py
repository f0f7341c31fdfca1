"""``agreementkit calendar``: the deadlines as an iCalendar (.ics) file for Outlook and Google Calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from agreementkit.cli.due import collect_from_options, selection_options
from agreementkit.cli.errors import handle_errors


@click.command()
@selection_options("365d")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("deadlines.ics"),
    show_default=True,
    help="The .ics file to write.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@handle_errors
def calendar(
    deals: tuple[Path, ...],
    within: str,
    partner: str | None,
    db: str | None,
    today: dt.datetime | None,
    cure_notice: dt.datetime | None,
    plan_notice: dt.datetime | None,
    lang: str | None,
    library_dir: Path | None,
    output: Path,
    force: bool,
) -> None:
    """Write the deadlines `due` lists as all-day events with reminders 30 and 7 days before.

    UIDs stay the same from run to run (agreement + deadline, not its date), so importing a newer
    file updates the events instead of duplicating them.
    """
    from agreementkit.fileio.output import write_bytes
    from agreementkit.lifecycle.deadlines.ical import calendar_bytes
    from agreementkit.lifecycle.deadlines.service import default_lang

    result = collect_from_options(deals, within, partner, db, today, cure_notice, plan_notice, library_dir)
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    write_bytes(output, calendar_bytes(result.deadlines, lang or default_lang(result.sources)), force)  # type: ignore[arg-type]
    click.echo(
        f"wrote {output}: {len(result.deadlines)} event(s) {result.request.today.isoformat()} … "
        f"{result.horizon.isoformat()}, {len(result.sources)} agreement(s)"
    )
