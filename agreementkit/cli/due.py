"""``agreementkit due``: the deadlines that follow from the agreements' own terms, with their clauses."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from agreementkit.cli.errors import handle_errors

F = TypeVar("F", bound=Callable[..., Any])
DATE = click.DateTime(formats=["%Y-%m-%d"])


def selection_options(default_within: str) -> Callable[[F], F]:
    """The options ``due`` and ``calendar`` share: which agreements, which window, which events."""

    def decorate(func: F) -> F:
        for option in reversed(
            [
                click.argument("deals", nargs=-1, type=click.Path(path_type=Path), metavar="[DEAL.yaml ...]"),
                click.option(
                    "--within",
                    default=default_within,
                    show_default=True,
                    help="Window from --today: 90d, 12w.",
                ),
                click.option(
                    "--partner", default=None, help="Only this partner (any part of the name, or 統一編號)."
                ),
                click.option(
                    "--db",
                    default=None,
                    metavar="PATH|URL",
                    help="Register database (when no DEAL files are given; see `register --help`).",
                ),
                click.option(
                    "--today", type=DATE, default=None, help="Count from this day [default: today]."
                ),
                click.option(
                    "--cure-notice",
                    type=DATE,
                    default=None,
                    help="Day a breach notice was received: adds the cure-period end (one agreement).",
                ),
                click.option(
                    "--plan-notice",
                    type=DATE,
                    default=None,
                    help="Day an improvement-plan notice was received: adds the plan's due date (one agreement).",
                ),
                click.option(
                    "--lang",
                    type=click.Choice(["zh-TW", "en"]),
                    default=None,
                    help="Language [default: English if every agreement is, else zh-TW].",
                ),
                click.option(
                    "--library",
                    "library_dir",
                    type=click.Path(path_type=Path),
                    help="Your own clause folder.",
                ),
            ]
        ):
            func = option(func)
        return func

    return decorate


def collect_from_options(
    deals: tuple[Path, ...],
    within: str,
    partner: str | None,
    db: str | None,
    today: dt.datetime | None,
    cure_notice: dt.datetime | None,
    plan_notice: dt.datetime | None,
    library_dir: Path | None,
) -> Any:
    """Parse the shared options and collect the deadlines (a ``DueResult``)."""
    from agreementkit.lifecycle.deadlines.model import Events
    from agreementkit.lifecycle.deadlines.service import DueRequest, collect, parse_within

    request = DueRequest(
        deal_paths=deals,
        db=db,
        partner=partner,
        today=today.date() if today else dt.date.today(),
        within_days=parse_within(within),
        events=Events(
            cure_notice_received=cure_notice.date() if cure_notice else None,
            improvement_plan_notice_received=plan_notice.date() if plan_notice else None,
        ),
        library_dir=library_dir,
    )
    return collect(request)


@click.command()
@selection_options("90d")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
def due(
    deals: tuple[Path, ...],
    within: str,
    partner: str | None,
    db: str | None,
    today: dt.datetime | None,
    cure_notice: dt.datetime | None,
    plan_notice: dt.datetime | None,
    lang: str | None,
    library_dir: Path | None,
    fmt: str,
) -> None:
    """List the deadlines of the register's signed and active agreements (or of DEAL files) in a window.

    Each is computed from the agreement's own terms and cites the clause that sets it: non-renewal
    notice, renewal, expiry, KPI review ends and scorecards, settlement statements and payments, and
    the cure-period or improvement-plan end when --cure-notice / --plan-notice gives the start.
    """
    from agreementkit.lifecycle.deadlines.export import due_json, due_table
    from agreementkit.lifecycle.deadlines.service import default_lang

    result = collect_from_options(deals, within, partner, db, today, cure_notice, plan_notice, library_dir)
    shown = lang or default_lang(result.sources)
    if fmt == "json":
        click.echo(due_json(result, shown))  # type: ignore[arg-type]
        return
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    window = f"{result.request.today.isoformat()} … {result.horizon.isoformat()}"
    if not result.deadlines:
        where = "the deal files" if deals else "the register's signed and active agreements"
        click.echo(f"no deadlines {window} in {where} ({len(result.sources)} agreement(s))")
        return
    width = max(100, shutil.get_terminal_size((140, 24)).columns)
    click.echo(due_table(result, shown, width), nl=False)  # type: ignore[arg-type]
    click.echo(f"{len(result.deadlines)} deadline(s) {window}, {len(result.sources)} agreement(s)")
