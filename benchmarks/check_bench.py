"""``agreementkit check`` at 25 / 100 / 400 pages: cold CLI, warm, per page, peak memory.

    python benchmarks/check_bench.py [--bench-dir ../shared/bench/cuad-dev] [--runs 3] [--json out.json]

A page is 3,500 characters. Each document is built from real contract text (the CUAD contracts
of ``--bench-dir`` when present, else the Chinese agreements under ``tests/data``) in two layouts:

- ``paragraphs``: the text as written, paragraphs separated by blank lines;
- ``no-breaks``: the same text with every line break replaced by a space (one paragraph).

For each document it reports, as medians over ``--runs`` fresh processes:

- ``cold``: wall seconds of ``agreementkit check FILE --format json`` as a user runs it (Python
  start, imports, pattern and model load, reading, classification, report);
- ``warm``: seconds of a second ``check_path`` in one process (everything loaded);
- ``rss``: peak resident memory of the warm process, in MB;

then the warm seconds per page and the 400/100-page ratio (4.0 is linear). Issue 15's targets:
100 pages ≤ 0.5 s warm, linear in size; issue 12's: a cold check of a typical contract ≤ 1.0 s.
Nothing is asserted: timings depend on the machine.
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

ROOT = Path(__file__).resolve().parents[1]
PAGE = 3_500
PAGES = (25, 100, 400)
LAYOUTS = ("paragraphs", "no-breaks")

WARM_CHILD = """
import json, resource, sys, time
from pathlib import Path
from agreementkit.check.result import CheckOptions
from agreementkit.check.service import check_path
path = Path(sys.argv[1])
check_path(path, CheckOptions())
start = time.perf_counter()
result = check_path(path, CheckOptions())
seconds = time.perf_counter() - start
print(json.dumps({"warm": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "found": sum(t.present for t in result.topics)}))
"""


def source_text(bench_dir: Path) -> str:
    """Contract text to build documents from: CUAD contracts if present, else our Chinese test set."""
    contracts = bench_dir / "contracts"
    files = sorted(contracts.glob("*.txt")) if contracts.is_dir() else []
    if not files:
        files = sorted(
            p for p in (ROOT / "tests" / "data").glob("zh_contracts*/*") if p.suffix in (".txt", ".md")
        )
    if not files:
        raise SystemExit(f"no contract text found under {contracts} or tests/data/zh_contracts*")
    return "\n\n".join(p.read_text(encoding="utf-8") for p in files)


def document(text: str, pages: int, layout: str) -> str:
    """``pages`` pages of ``text`` (repeated as needed) in ``layout``."""
    size = pages * PAGE
    body = text if layout == "paragraphs" else " ".join(text.split())
    sep = "\n\n" if layout == "paragraphs" else " "
    out = body
    while len(out) < size:
        out += sep + body
    return out[:size]


def cold_seconds(path: Path) -> float:
    """Wall seconds of one ``agreementkit check PATH --format json`` in a fresh process."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "agreementkit", "check", str(path), "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    return time.perf_counter() - start


def warm_figures(path: Path) -> dict[str, float]:
    """Warm seconds and peak memory of checking ``path`` twice in one fresh process."""
    proc = subprocess.run(
        [sys.executable, "-c", WARM_CHILD, str(path)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    figures: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return figures


def measure(text: str, runs: int, folder: Path) -> list[dict[str, object]]:
    """Figures for every page count and layout."""
    rows: list[dict[str, object]] = []
    for layout in LAYOUTS:
        for pages in PAGES:
            path = folder / f"{layout}-{pages}.txt"
            path.write_text(document(text, pages, layout), encoding="utf-8")
            cold = [cold_seconds(path) for _ in range(runs)]
            warm = [warm_figures(path) for _ in range(runs)]
            rows.append(
                {
                    "layout": layout,
                    "pages": pages,
                    "chars": pages * PAGE,
                    "cold_s": statistics.median(cold),
                    "warm_s": statistics.median(w["warm"] for w in warm),
                    "rss_mb": max(w["rss_mb"] for w in warm),
                    "found": warm[0]["found"],
                }
            )
    return rows


def main() -> None:
    """Build the documents, measure them, print a table and optionally write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-dir", type=Path, default=ROOT.parent / "shared" / "bench" / "cuad-dev")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    text = source_text(args.bench_dir)
    with tempfile.TemporaryDirectory() as tmp:
        rows = measure(text, args.runs, Path(tmp))
    print(
        f"{'layout':<11} {'pages':>5} {'cold s':>7} {'warm s':>7} {'ms/page':>8} {'peak MB':>8} {'topics':>6}"
    )
    for row in rows:
        per_page = 1000 * float(row["warm_s"]) / int(row["pages"])  # type: ignore[arg-type]
        print(
            f"{row['layout']:<11} {row['pages']:>5} {row['cold_s']:>7.2f} {row['warm_s']:>7.3f} {per_page:>8.2f} "
            f"{row['rss_mb']:>8.0f} {row['found']:>6}"
        )
    summary: dict[str, float] = {}
    for layout in LAYOUTS:
        by_pages = {r["pages"]: float(r["warm_s"]) for r in rows if r["layout"] == layout}  # type: ignore[arg-type]
        summary[f"{layout}_400_over_100"] = by_pages[400] / by_pages[100]
        print(f"{layout}: 400 pages / 100 pages = {summary[f'{layout}_400_over_100']:.2f} (4.0 is linear)")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "summary": summary}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
