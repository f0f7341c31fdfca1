"""Drafting benchmark: wall time to draft each example as DOCX, warm (in-process) and cold (CLI).

Run from the repository root:  python benchmarks/draft_bench.py [--runs 7] [--json out.json]

Beside each cold CLI draft, in the same run, its floor: a new Python process that imports plain
python-docx and writes the same paragraphs (no numbering, styles, bookmarks or tables) — what
writing that much Word from a cold start costs at least. Prints medians; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
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


_FLOOR_SCRIPT = (
    "import docx, json, sys\n"
    "document = docx.Document()\n"
    "for text in json.load(open(sys.argv[1], encoding='utf-8')):\n"
    "    document.add_paragraph(text)\n"
    "document.save(sys.argv[2])\n"
)


def floor(deal: Path, runs: int) -> list[float]:
    """A new process writing the draft's paragraphs with plain python-docx, each time."""
    from agreementkit.deal.load import load_deal
    from agreementkit.drafting.assemble import assemble
    from agreementkit.library.loader import Library

    agreement = assemble(load_deal(deal), Library.open())
    lang = agreement.languages[0]
    texts = [b.text(lang) for c in agreement.clauses() for b in c.blocks if hasattr(b, "text")]
    times = []
    with tempfile.TemporaryDirectory() as out:
        source = Path(out) / "paragraphs.json"
        source.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", _FLOOR_SCRIPT, str(source), str(Path(out) / "floor.docx")],
                           check=True, capture_output=True)
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
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    print(f"{'example':32} {'warm median':>12} {'cold CLI median':>16} {'python-docx floor':>18} {'ratio':>6} {'pages':>6}")
    figures = []
    for deal in EXAMPLES:
        w = statistics.median(warm(deal, args.runs))
        cold_runs = max(3, args.runs // 2)
        c = statistics.median(cold(deal, cold_runs))
        f = statistics.median(floor(deal, cold_runs))
        page_count = pages(deal)
        print(f"{deal.name:32} {w:10.3f} s {c:14.3f} s {f:16.3f} s {c / f:5.2f}× {page_count:>6}")
        figures.append({"example": deal.name, "warm_s": round(w, 3), "cold_cli_s": round(c, 3),
                        "floor_s": round(f, 3), "ratio_to_floor": round(c / f, 2), "pages": page_count})
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
