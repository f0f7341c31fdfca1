"""Batch drafting benchmark: N partner rows → N DOCX, beside a python-docx floor in the same pool.

Run from the repository root:  python benchmarks/batch_bench.py [--rows 1000] [--jobs 2] [--json out.json]

The table is examples/partners.csv repeated to ``--rows`` rows with unique output names. The
floor writes, in a process pool of the same size, one DOCX per row with plain python-docx holding
the same paragraphs as our draft of the base deal (no numbering, styles, bookmarks or tables):
what writing that much Word costs at least. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
BASE = REPO / "examples" / "distributor-zh-TW.yaml"
PARTNERS = REPO / "examples" / "partners.csv"


def make_table(rows: int, path: Path) -> None:
    """examples/partners.csv repeated to ``rows`` rows, each with its own output name."""
    source = list(csv.reader(PARTNERS.open(encoding="utf-8", newline="")))
    header, body = source[0], source[1:]
    out_at = header.index("output")
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for i in range(rows):
            row = list(body[i % len(body)])
            row[out_at] = f"{i:05d}-{row[out_at]}"
            writer.writerow(row)


def ours(table: Path, out: Path, jobs: int) -> tuple[float, int, int]:
    """Seconds, DOCX drafted, rows failed."""
    from agreementkit.drafting.batch import BatchRequest, run

    start = time.perf_counter()
    result = run(BatchRequest(BASE, table, out, ("docx",), jobs=jobs))
    return time.perf_counter() - start, result.count("drafted"), result.count("failed")


_PARAGRAPHS: list[str] = []


def _floor_init(paragraphs: list[str]) -> None:
    _PARAGRAPHS[:] = paragraphs


def _floor_one(target: str) -> None:
    import docx

    document = docx.Document()
    for text in _PARAGRAPHS:
        document.add_paragraph(text)
    document.save(target)


def floor(rows: int, out: Path, jobs: int) -> float:
    """Seconds for python-docx alone to write ``rows`` documents of the same paragraphs."""
    from agreementkit.deal.load import load_deal
    from agreementkit.drafting.assemble import assemble
    from agreementkit.library.loader import Library

    agreement = assemble(load_deal(BASE), Library.open())
    paragraphs = [b.text("zh-TW") for c in agreement.clauses() for b in c.blocks if hasattr(b, "text")]
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_floor_init, initargs=(paragraphs,)) as pool:
        list(pool.map(_floor_one, [str(out / f"{i:05d}.docx") for i in range(rows)], chunksize=8))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "partners.csv"
        make_table(args.rows, table)
        seconds, drafted, failed = ours(table, Path(tmp) / "ours", args.jobs)
        floor_seconds = floor(args.rows, Path(tmp) / "floor", args.jobs)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    figures = {
        "rows": args.rows, "jobs": args.jobs, "drafted": drafted, "failed": failed,
        "seconds": round(seconds, 2), "docx_per_second": round(drafted / seconds, 2),
        "floor_seconds": round(floor_seconds, 2), "floor_docx_per_second": round(args.rows / floor_seconds, 2),
        "ratio_to_floor": round(seconds / floor_seconds, 2), "peak_worker_mb": round(peak_mb, 1),
    }  # fmt: skip
    print(f"batch of {args.rows} on {args.jobs} processes: {drafted} drafted, {failed} failed in {seconds:.1f} s "
          f"= {figures['docx_per_second']} DOCX/s; python-docx floor {figures['floor_docx_per_second']} DOCX/s "
          f"(ratio {figures['ratio_to_floor']}×); peak worker {figures['peak_worker_mb']} MB")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
