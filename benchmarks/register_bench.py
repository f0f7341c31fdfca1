"""How the register copes with many agreements and with concurrent writers.

    python benchmarks/register_bench.py [--db URL] [--agreements 160] [--writers 20] [--json]

Figures (seconds, wall clock and CPU of this process) for, on a fresh database:

- ``import``: one ``register import`` of ``--agreements`` matrix deal files (tests/matrix) in
  one transaction (reading and validating each deal dominates);
- ``reimport``: the same folder again (every file unchanged: hashing and one lookup each);
- ``list``: ``agreements()`` of everything, and filtered by partner;
- ``concurrent-add``: ``--writers`` separate ``agreementkit register add`` processes started
  together (on one more fresh SQLite file, or on ``--db``), each a deal text not registered yet;
  wall time until all are done, and whether every row is there.

The default database is a temporary SQLite file; ``--db postgresql+psycopg://...`` measures a
server (the tables are created in it, so give an empty database). No floor is enforced: on a
machine shared with other work the wall figures include waiting for a core.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _timed(label: str, figures: dict[str, dict[str, float]], func):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    result = func()
    figures[label] = {"wall_s": round(time.perf_counter() - wall, 3), "cpu_s": round(time.process_time() - cpu, 3)}
    return result


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", default=None)
    parser.add_argument("--agreements", type=int, default=160)
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from agreementkit.lifecycle.register import open_register
    from tests.matrix.generate import combinations, write_deal

    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = work / "deals"
        folder.mkdir()
        combos = combinations()[: args.agreements]
        for combo in combos:
            write_deal(combo, folder)
        db = args.db or str(work / "bench.sqlite3")
        with open_register(db) as reg:
            with reg.transaction() as tx:
                report = _timed("import", figures, lambda: tx.import_dir(folder))
            figures["import"]["agreements"] = len(report.added)
            with reg.transaction() as tx:
                again = _timed("reimport", figures, lambda: tx.import_dir(folder))
            figures["reimport"]["unchanged"] = len(again.unchanged)
            rows = _timed("list", figures, reg.agreements)
            figures["list"]["rows"] = len(rows)
            part = rows[0].partner[:3]
            found = _timed("list-partner", figures, lambda: reg.agreements(partner=part))
            figures["list-partner"]["rows"] = len(found)

        writers_db = args.db or str(work / "writers.sqlite3")
        # New texts (a comment line apart), so the writers add rows even on an --db already imported into.
        deals = []
        for i, source in enumerate(sorted(folder.glob("*.yaml"))[: args.writers]):
            target = work / f"writer-{i:02d}.yaml"
            target.write_text(source.read_text(encoding="utf-8") + f"# writer {i} {time.time_ns()}\n", encoding="utf-8")
            deals.append(target)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        start = time.perf_counter()
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "agreementkit", "register", "--db", writers_db, "add", str(p), "--status", "signed"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            for p in deals
        ]
        codes = [p.wait() for p in procs]
        wall = time.perf_counter() - start
        with open_register(writers_db) as reg:
            signed = len(reg.agreements(status=["signed"]))
        figures["concurrent-add"] = {
            "wall_s": round(wall, 3), "writers": len(deals), "failed": sum(1 for c in codes if c), "signed_rows": signed,
        }  # fmt: skip

    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for name, values in figures.items():
            print(f"{name:16} " + "  ".join(f"{k}={v}" for k, v in values.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
