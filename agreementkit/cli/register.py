"""``agreementkit register``: the agreements a company has, their status history and documents."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import Any

import click

from agreementkit.cli.errors import handle_errors

STATUS_CHOICES = ("draft", "in_review", "signed", "active", "expired", "terminated")
TYPE_CHOICES = ("distributor", "reseller", "referral", "agency", "strategic_alliance")
DATE = click.DateTime(formats=["%Y-%m-%d"])


def _db_here(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        ctx.obj = value


# --db is accepted after the sub-command too (`register list --db team.sqlite3`).
db_option = click.option(
    "--db", expose_value=False, callback=_db_here, metavar="PATH|URL", help="Register database (see `register --help`)."
)


def _open(ctx: click.Context) -> Any:
    from agreementkit.lifecycle.register import open_register

    return open_register(ctx.obj)


@click.group()
@click.option(
    "--db",
    envvar=None,
    default=None,
    metavar="PATH|URL",
    help="Register database: an SQLite file or an SQLAlchemy URL (postgresql+psycopg://...). "
    "Default: $AGREEMENTKIT_DB, else the user data folder.",
)
@click.pass_context
def register(ctx: click.Context, db: str | None) -> None:
    """Keep every agreement: status with its history, the deal as registered, document hashes."""
    ctx.obj = db


@register.command("add")
@db_option
@click.argument("deal", type=click.Path(path_type=Path))
@click.option("--status", type=click.Choice(STATUS_CHOICES), default=None, help="Status to register with [default: draft].")
@click.option("--signed-on", type=DATE, default=None, help="Date signed (default: the deal's signing_date once signed).")
@click.option("--document", "documents", multiple=True, type=click.Path(path_type=Path), help="A file to fingerprint (repeatable).")
@click.option("--amends", type=int, default=None, metavar="ID", help="The agreement this deal amends.")
@click.option("--note", default=None, help="Note kept with the first history entry.")
@click.pass_context
@handle_errors
def add(
    ctx: click.Context,
    deal: Path,
    status: str | None,
    signed_on: dt.datetime | None,
    documents: tuple[Path, ...],
    amends: int | None,
    note: str | None,
) -> None:
    """Register DEAL (a deal file); the same text again is a no-op (or adds its new --document files)."""
    with _open(ctx) as reg, reg.transaction() as tx:
        outcome = tx.add(deal, status, signed_on.date() if signed_on else None, documents, amends, note)
    a = outcome.agreement
    if outcome.created:
        verb = "registered"
    elif outcome.documents_added:
        verb = f"already registered; {outcome.documents_added} document(s) added to"
    else:
        verb = "already registered, unchanged:"
    click.echo(f"{verb} agreement {a.id} [{a.status}] {a.partner} ({a.agreement_type})")


@register.command("list")
@db_option
@click.option("--status", "statuses", multiple=True, type=click.Choice(STATUS_CHOICES), help="Only these statuses (repeatable).")
@click.option("--partner", default=None, help="Partner name (any part) or 統一編號.")
@click.option("--type", "types", multiple=True, type=click.Choice(TYPE_CHOICES), help="Only these agreement types.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.pass_context
@handle_errors
def list_(ctx: click.Context, statuses: tuple[str, ...], partner: str | None, types: tuple[str, ...], fmt: str) -> None:
    """List registered agreements."""
    from agreementkit.lifecycle.register.export import list_csv, list_json, list_table

    with _open(ctx) as reg:
        agreements = reg.agreements(list(statuses), partner, list(types))
    if not agreements and fmt == "table":
        what = "matching agreements" if statuses or partner or types else "agreements"
        click.echo(f"no {what} in the register {reg.location}")
    elif fmt == "json":
        click.echo(list_json(agreements))
    elif fmt == "csv":
        click.echo(list_csv(agreements), nl=False)
    else:
        click.echo(list_table(agreements, width=max(80, shutil.get_terminal_size((120, 24)).columns)), nl=False)


@register.command("show")
@db_option
@click.argument("agreement_id", type=int, metavar="ID")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
@handle_errors
def show(ctx: click.Context, agreement_id: int, fmt: str) -> None:
    """Show one agreement, its history, and whether each registered document is unchanged on disk."""
    from agreementkit.lifecycle.register.export import record_json, record_text

    with _open(ctx) as reg, reg.transaction() as tx:
        record = tx.show(agreement_id)
    click.echo(record_json(record) if fmt == "json" else record_text(record), nl=fmt == "json")


@register.command("set-status")
@db_option
@click.argument("agreement_id", type=int, metavar="ID")
@click.argument("status", type=click.Choice(STATUS_CHOICES))
@click.option("--note", default=None, help="Why; kept in the history.")
@click.option("--signed-on", type=DATE, default=None, help="Date signed, when the status becomes signed.")
@click.option("--override", is_flag=True, help="Accept a change the normal life cycle does not allow (needs --note).")
@click.pass_context
@handle_errors
def set_status(
    ctx: click.Context, agreement_id: int, status: str, note: str | None, signed_on: dt.datetime | None, override: bool
) -> None:
    """Change agreement ID's status (draft ⇄ in_review → signed → active → expired | terminated)."""
    with _open(ctx) as reg, reg.transaction() as tx:
        before = tx.get(agreement_id).status
        a = tx.set_status(agreement_id, status, note, override, signed_on.date() if signed_on else None)
    click.echo(f"agreement {a.id}: {before} → {a.status}")


@register.command("import")
@db_option
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--status", type=click.Choice(STATUS_CHOICES), default=None, help="Status of new registrations [default: draft].")
@click.pass_context
@handle_errors
def import_(ctx: click.Context, folder: Path, status: str | None) -> None:
    """Register every deal file (*.yaml, *.yml) in FOLDER; report each failure and go on.

    Files already registered with the same text are left unchanged, so importing again is a no-op.
    Exits 2 when any file failed (the others are registered).
    """
    with _open(ctx) as reg, reg.transaction() as tx:
        report = tx.import_dir(folder, status)
    for path, a in report.added:
        click.echo(f"registered {path.name} as agreement {a.id}")
    for path, a in report.unchanged:
        click.echo(f"unchanged  {path.name} (agreement {a.id})")
    for path, lines in report.failed:
        click.echo(f"error: {path}: not registered", err=True)
        for line in lines:
            click.echo(f"  {line}", err=True)
    click.echo(f"{len(report.added)} registered, {len(report.unchanged)} unchanged, {len(report.failed)} failed")
    if report.failed:
        sys.exit(2)
