"""``agreementkit review`` per output format: cold CLI seconds and peak memory, median of fresh processes.

    python benchmarks/review_bench.py [--deal examples/distributor-zh-TW.yaml]
        [--actuals examples/distributor-zh-TW-actuals.csv] [--period 2027-Q1] [--runs 3] [--json out.json]

Each format set (``json``, ``csv``, ``docx``, ``pdf``, ``docx,pdf``, ``docx,pdf,json``) is run as a
user runs it — ``python -m agreementkit review … --format F --force`` in a new process, into a fresh
folder — and timed from process start to exit. Peak memory is the child's maximum resident set
(``wait4``). The floor is ``--format json`` in the same run; issue 15's target is
``docx,pdf`` ≤ 2× ``json`` and ≤ 300 MB. Nothing is asserted: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMAT_SETS = ("json", "csv", "docx", "pdf", "docx,pdf", "docx,pdf,json")


def run_once(args: argparse.Namespace, formats: str, out_dir: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one cold ``agreementkit review`` writing ``formats``."""
    command = [
        sys.executable, "-m", "agreementkit", "review", str(args.deal), "--actuals", str(args.actuals),
        "--period", args.period, "--format", formats, "-o", str(out_dir), "--force",
    ]  # fmt: skip
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"review --format {formats} failed:\n{stderr}")
    return seconds, usage.ru_maxrss / 1024


def measure(args: argparse.Namespace) -> list[dict[str, object]]:
    """Median seconds and peak memory for every format set."""
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        run_once(args, "json", Path(tmp) / "warmup")  # page cache, .pyc files
        for formats in FORMAT_SETS:
            runs = [run_once(args, formats, Path(tmp) / f"{formats}-{i}") for i in range(args.runs)]
            rows.append(
                {
                    "formats": formats,
                    "seconds": statistics.median(r[0] for r in runs),
                    "peak_mb": max(r[1] for r in runs),
                }
            )
    return rows


def main() -> None:
    """Measure, print a table with each set's ratio to ``--format json``, optionally write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deal", type=Path, default=ROOT / "examples" / "distributor-zh-TW.yaml")
    parser.add_argument("--actuals", type=Path, default=ROOT / "examples" / "distributor-zh-TW-actuals.csv")
    parser.add_argument("--period", default="2027-Q1")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    args.deal, args.actuals = args.deal.resolve(), args.actuals.resolve()
    rows = measure(args)
    floor = float(next(r["seconds"] for r in rows if r["formats"] == "json"))  # type: ignore[arg-type]
    print(f"{'--format':<15} {'seconds':>8} {'× json':>7} {'peak MB':>8}")
    for row in rows:
        seconds = float(row["seconds"])  # type: ignore[arg-type]
        row["ratio_to_json"] = seconds / floor
        print(f"{row['formats']:<15} {seconds:>8.2f} {seconds / floor:>7.2f} {float(row['peak_mb']):>8.0f}")  # type: ignore[arg-type]
    print(
        f"target: docx,pdf ≤ 2.0× json (here {float(next(r['ratio_to_json'] for r in rows if r['formats'] == 'docx,pdf')):.2f}×)"
    )  # type: ignore[arg-type]
    if args.json:
        args.json.write_text(json.dumps({"runs": args.runs, "rows": rows}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
