"""``agreementkit draft BASE --batch TABLE``: progress on a terminal, a summary, exit 0 or 1."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from agreementkit.drafting.batch import BatchRequest, BatchResult, RowOutcome, default_jobs, run
from agreementkit.drafting.service import parse_formats

MAX_FAILURES_SHOWN = 50


def run_batch(base: Path, batch: Path, out_dir: Path, lang: str | None, formats: str, library_dir: Path | None,
              east_asian_font: str | None, jobs: int | None, force: bool) -> None:
    """Draft the batch, show progress when stderr is a terminal, print the summary and exit."""
    request = BatchRequest(base, batch, out_dir, parse_formats(formats), lang, library_dir, force,
                           jobs or default_jobs(), east_asian_font)
    result = _with_progress(request) if sys.stderr.isatty() else run(request)
    _summary(result)
    sys.exit(result.exit_code)


def _with_progress(request: BatchRequest) -> BatchResult:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("drafting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  transient=True) as progress:
        task = progress.add_task("rows", total=None)

        def started(total: int) -> None:
            progress.update(task, total=total)

        def advanced(_outcome: RowOutcome) -> None:
            progress.advance(task)

        return run(request, on_row=advanced, on_start=started)


def _summary(result: BatchResult) -> None:
    failed = [o for o in result.outcomes if o.status == "failed"]
    for outcome in failed[:MAX_FAILURES_SHOWN]:
        for problem in outcome.problems:
            click.echo(str(problem), err=True)
    if len(failed) > MAX_FAILURES_SHOWN:
        click.echo(f"… and {len(failed) - MAX_FAILURES_SHOWN} more failed rows", err=True)
    rows = ", ".join(str(o.line) for o in failed[:20]) + (" …" if len(failed) > 20 else "")
    tail = f" (rows {rows})" if failed else ""
    click.echo(f"drafted {result.count('drafted')}, skipped {result.count('skipped')} (already drafted), "
               f"failed {len(failed)}{tail}")
