"""Batch drafting: one base deal and a partner table → one agreement per row, in parallel.

Each row is validated like a deal file (errors name the batch file, the row and the column),
assembled and rendered in a worker process that opened the clause library once, and written
atomically; a bad row never stops the others and never leaves a partial file. Rows whose output
files all exist are skipped unless ``force``. The worker processes ignore Ctrl-C, so an interrupt
lets the rows in progress finish their (atomic) writes and starts no new one.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agreementkit.drafting.batch_rows import Column, output_stem, resolve_columns, row_deal
from agreementkit.errors import AgreementKitError, InputError, Problem
from agreementkit.fileio.input import MAX_ACTUALS_BYTES
from agreementkit.fileio.table import CsvBroken, read_table_rows

MAX_BATCH_ROWS = 100_000


@dataclass(frozen=True)
class BatchRequest:
    """What ``agreementkit draft BASE --batch TABLE`` asked for."""

    base_path: Path
    batch_path: Path
    out_dir: Path
    formats: tuple[str, ...] = ("docx",)
    lang: str | None = None
    library_dir: Path | None = None
    force: bool = False
    jobs: int = 1
    east_asian_font: str | None = None


@dataclass(frozen=True)
class RowOutcome:
    """What became of one row: ``drafted``, ``skipped`` (outputs exist) or ``failed``."""

    line: int
    status: str
    paths: tuple[Path, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass
class BatchResult:
    """Every row's outcome, in row order once finished."""

    outcomes: list[RowOutcome] = field(default_factory=list)
    interrupted: bool = False

    def count(self, status: str) -> int:
        """How many rows ended as ``status``."""
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def exit_code(self) -> int:
        """0 when no row failed, 1 otherwise."""
        return 1 if self.count("failed") else 0


@dataclass(frozen=True)
class _Job:
    line: int
    cells: tuple[str, ...]
    targets: tuple[tuple[str, Path], ...]


@dataclass(frozen=True)
class _Context:
    """What every row shares; sent once to each worker process."""

    base: dict[str, Any]
    columns: tuple[Column, ...]
    request: BatchRequest


_WORKER: dict[str, Any] = {}


def _init_worker(context: _Context, ignore_interrupt: bool) -> None:
    """Open the clause library once per process; let the parent alone decide about Ctrl-C."""
    from agreementkit.library.loader import Library

    if ignore_interrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["context"] = context
    _WORKER["library"] = Library.open(context.request.library_dir)


def _draft_row(job: _Job) -> RowOutcome:
    """Validate, assemble, render and write one row; every user-facing failure becomes its outcome."""
    from agreementkit.drafting.assemble import assemble
    from agreementkit.drafting.service import RENDERERS, DraftRequest, languages_for
    from agreementkit.fileio.output import write_files

    context: _Context = _WORKER["context"]
    request = context.request
    try:
        deal = row_deal(context.base, context.columns, job.cells, request.batch_path, job.line)
        agreement = assemble(deal, _WORKER["library"], languages_for(deal, request.lang))
        draft_request = DraftRequest(request.base_path, request.out_dir, request.lang, request.formats,
                                     request.library_dir, request.force, request.east_asian_font)
        rendered = [(path, RENDERERS[fmt](agreement, draft_request)) for fmt, path in job.targets]
        written = write_files(rendered, force=request.force)
    except AgreementKitError as exc:
        problems = exc.problems or [Problem(exc.message, str(request.batch_path), job.line)]
        located = tuple(p if p.file else Problem(p.message, str(request.batch_path), job.line, p.field, p.column)
                        for p in problems)
        return RowOutcome(job.line, "failed", problems=located)
    return RowOutcome(job.line, "drafted", tuple(written))


def _read_table(request: BatchRequest) -> tuple[int, list[str], list[tuple[int, list[str]]]]:
    name = str(request.batch_path)
    rows: list[tuple[int, list[str]]] = []
    try:
        for line, cells in read_table_rows(request.batch_path, name, max_bytes=MAX_ACTUALS_BYTES,
                                           max_rows=MAX_BATCH_ROWS + 1, what="batch file"):
            if any(c.strip() for c in cells):
                rows.append((line, cells))
            if len(rows) > MAX_BATCH_ROWS + 1:
                raise InputError(f"{name}: more than {MAX_BATCH_ROWS:,} rows; split the batch")
    except CsvBroken as exc:
        raise InputError(f"{name}:{exc.line}: {exc.message}") from None
    if not rows:
        raise InputError(f"{name}: the batch file is empty; give a header row of deal fields and one row per partner")
    (header_line, header), body = rows[0], rows[1:]
    if not body:
        raise InputError(f"{name}: only a header row; add one row per partner")
    return header_line, header, body


def plan(request: BatchRequest) -> tuple[_Context, list[_Job], list[RowOutcome]]:
    """Read the base deal and the table, resolve the columns, name every row's outputs; writes nothing.

    Returns the shared context, the rows to draft and the rows skipped because their outputs exist.
    """
    from agreementkit.deal.load import load_deal_located
    from agreementkit.fileio.output import check_target

    _deal, loaded = load_deal_located(request.base_path)
    header_line, header, body = _read_table(request)
    columns = resolve_columns(header, loaded.data, str(request.batch_path), header_line)
    context = _Context(loaded.data, tuple(columns), request)
    jobs: list[_Job] = []
    skipped: list[RowOutcome] = []
    used: set[str] = set()
    for line, cells in body:
        stem = output_stem(cells, header, columns, line, request.base_path.stem)
        if stem.casefold() in used:
            stem = f"{stem}-{line}"
        used.add(stem.casefold())
        targets = tuple((fmt, request.out_dir / f"{stem}.{fmt}") for fmt in request.formats)
        for _fmt, path in targets:
            check_target(path, True)  # a device, folder or link is refused even with --force
        if not request.force and all(path.exists() for _fmt, path in targets):
            skipped.append(RowOutcome(line, "skipped", tuple(path for _fmt, path in targets)))
            continue
        jobs.append(_Job(line, tuple(cells), targets))
    return context, jobs, skipped


def run(request: BatchRequest, on_row: Callable[[RowOutcome], None] | None = None,
        on_start: Callable[[int], None] | None = None) -> BatchResult:
    """Draft every row of the batch; ``on_row`` hears each outcome as it happens.

    A KeyboardInterrupt stops starting rows, waits for those in progress, and is raised again
    with the result so far in :class:`BatchInterrupted`.
    """
    context, jobs, skipped = plan(request)
    result = BatchResult(list(skipped))
    if on_start is not None:
        on_start(len(jobs) + len(skipped))
    for outcome in skipped:
        if on_row is not None:
            on_row(outcome)
    try:
        for outcome in _outcomes(context, jobs, request.jobs):
            result.outcomes.append(outcome)
            if on_row is not None:
                on_row(outcome)
    except KeyboardInterrupt:
        result.interrupted = True
        result.outcomes.sort(key=lambda o: o.line)
        raise BatchInterrupted(result) from None
    result.outcomes.sort(key=lambda o: o.line)
    return result


def _outcomes(context: _Context, jobs: Sequence[_Job], workers: int) -> Iterator[RowOutcome]:
    if workers <= 1 or len(jobs) <= 1:
        _init_worker(context, ignore_interrupt=False)
        for job in jobs:
            yield _draft_row(job)
        return
    executor = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=_init_worker,
                                   initargs=(context, True))
    pending: set[Future[RowOutcome]] = set()
    queue = iter(jobs)
    try:
        for job in queue:  # keep a few rows per worker in flight, so an interrupt leaves little to wait for
            pending.add(executor.submit(_draft_row, job))
            if len(pending) >= workers * 4:
                break
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
                nxt = next(queue, None)
                if nxt is not None:
                    pending.add(executor.submit(_draft_row, nxt))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


class BatchInterrupted(AgreementKitError):
    """Ctrl-C during a batch: the rows finished so far are kept; nothing is half-written."""

    exit_code = 130

    def __init__(self, result: BatchResult) -> None:
        super().__init__(
            f"interrupted: {result.count('drafted')} drafted before the interrupt, the rest not started; "
            "run the same command again to continue (finished rows are skipped)"
        )
        self.result = result


def default_jobs() -> int:
    """One worker per available core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)
