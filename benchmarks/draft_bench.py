"""Drafting benchmark: wall time to draft each example as DOCX, warm (in-process) and cold (CLI).

Run from the repository root:  python benchmarks/draft_bench.py [--runs 7]
Prints the median and the spread of several runs; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))


def warm(deal: Path, runs: int) -> list[float]:
    """Load, assemble and render in this process (library cache cold on the first run only)."""
    from agreementkit.deal.load import load_deal
    from agreementkit.drafting.assemble import assemble
    from agreementkit.library.loader import Library
    from agreementkit.render.docx import render_docx

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        agreement = assemble(load_deal(deal), Library.open())
        render_docx(agreement)
        times.append(time.perf_counter() - start)
    return times


def cold(deal: Path, runs: int) -> list[float]:
    """A new `agreementkit draft` process each time, as a user runs it."""
    times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "agreementkit", "draft", str(deal), "-o", out, "--force"],
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - start)
    return times


def pages(deal: Path) -> str:
    """Page count of the DOCX as LibreOffice lays it out (if soffice is installed)."""
    import shutil

    soffice = shutil.which("soffice")
    if soffice is None:
        return "n/a"
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "agreementkit", "draft", str(deal), "-o", out],
            check=True,
            capture_output=True,
        )
        docx = next(Path(out).glob("*.docx"))
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", out, str(docx)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        info = subprocess.run(
            ["pdfinfo", str(docx.with_suffix(".pdf"))], capture_output=True, text=True
        ).stdout
        return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"{'example':32} {'warm median':>12} {'cold CLI median':>16} {'pages':>6}")
    for deal in EXAMPLES:
        w = warm(deal, args.runs)
        c = cold(deal, max(3, args.runs // 2))
        print(
            f"{deal.name:32} {statistics.median(w):10.3f} s {statistics.median(c):14.3f} s {pages(deal):>6}"
        )


if __name__ == "__main__":
    main()
