"""Batch drafting benchmark: N partner rows → N DOCX (or PDF), beside a floor in the same pool.

Run from the repository root::

    python benchmarks/batch_bench.py [--rows 1000] [--jobs 2] [--json out.json]
    python benchmarks/batch_bench.py --format pdf --rows 100

The table is examples/partners.csv repeated to ``--rows`` rows with unique output names. The
floor runs in a process pool of the same size, one document per row:

- DOCX: plain python-docx holding the same paragraphs as our draft of the base deal (no
  numbering, styles, bookmarks or tables): what writing that much Word costs at least;
- PDF: WeasyPrint alone typesetting our HTML of the base deal with the same fonts (no glyph
  check, default fetcher): what our PDF costs at least with this engine.

Nothing here is asserted.
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


def ours(table: Path, out: Path, jobs: int, fmt: str) -> tuple[float, int, int]:
    """Seconds, documents drafted, rows failed."""
    from agreementkit.drafting.batch import BatchRequest, run

    start = time.perf_counter()
    result = run(BatchRequest(BASE, table, out, (fmt,), jobs=jobs))
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


_HTML: list[str] = []


def _pdf_floor_init(html: str) -> None:
    _HTML[:] = [html]


def _pdf_floor_one(target: str) -> None:
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    from agreementkit.render.fonts import select_fonts
    from agreementkit.render.html import template_dir

    config = FontConfiguration()
    css = weasyprint.CSS(string=select_fonts().css(), font_config=config)
    weasyprint.HTML(string=_HTML[0], base_url=template_dir().as_uri() + "/").write_pdf(
        target, stylesheets=[css], font_config=config
    )


def pdf_floor(rows: int, out: Path, jobs: int) -> float:
    """Seconds for WeasyPrint alone to typeset our HTML of the base deal ``rows`` times."""
    from agreementkit.deal.load import load_deal
    from agreementkit.drafting.assemble import assemble
    from agreementkit.library.loader import Library
    from agreementkit.render.html import render_html

    html = render_html(assemble(load_deal(BASE), Library.open()))
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_pdf_floor_init, initargs=(html,)) as pool:
        list(pool.map(_pdf_floor_one, [str(out / f"{i:05d}.pdf") for i in range(rows)], chunksize=2))
    return time.perf_counter() - start


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
    parser.add_argument("--format", choices=("docx", "pdf"), default="docx")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "partners.csv"
        make_table(args.rows, table)
        seconds, drafted, failed = ours(table, Path(tmp) / "ours", args.jobs, args.format)
        floor_of = pdf_floor if args.format == "pdf" else floor
        floor_seconds = floor_of(args.rows, Path(tmp) / "floor", args.jobs)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    fmt, floor_name = args.format, ("WeasyPrint-alone" if args.format == "pdf" else "python-docx")
    figures = {
        "format": fmt, "rows": args.rows, "jobs": args.jobs, "drafted": drafted, "failed": failed,
        "seconds": round(seconds, 2), f"{fmt}_per_second": round(drafted / seconds, 2),
        "floor_seconds": round(floor_seconds, 2), f"floor_{fmt}_per_second": round(args.rows / floor_seconds, 2),
        "ratio_to_floor": round(seconds / floor_seconds, 2), "peak_worker_mb": round(peak_mb, 1),
    }  # fmt: skip
    label = fmt.upper()
    print(f"batch of {args.rows} on {args.jobs} processes: {drafted} drafted, {failed} failed in {seconds:.1f} s "
          f"= {figures[f'{fmt}_per_second']} {label}/s; {floor_name} floor {figures[f'floor_{fmt}_per_second']} "
          f"{label}/s (ratio {figures['ratio_to_floor']}×); peak worker {figures['peak_worker_mb']} MB")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
