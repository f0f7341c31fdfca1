"""Measure clause finding on hand-written Traditional-Chinese agreements (tests/data/zh_contracts).

    python benchmarks/zh_bench.py [--errors]

The eleven files were written for this purpose in varied styles (formal 第X條, 一、二、 items,
Markdown, a bilingual excerpt, an informal agreement, schedules) and are not produced by our
templates. ``labels.json`` lists the scored topics each file contains.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from agreementkit.check.service import CheckOptions, check_path  # noqa: E402

SCORED = (
    "appointment", "exclusivity", "territory", "minimum_commitment", "volume_restriction", "payment_terms",
    "revenue_sharing", "price_restriction", "most_favored_nation", "license_grant", "ip_ownership",
    "audit_rights", "confidentiality", "data_protection", "non_compete", "non_solicit", "warranty_duration",
    "liability_cap", "insurance", "liquidated_damages", "rofr", "expiration", "renewal", "renewal_notice",
    "termination_for_cause", "termination_for_convenience", "kpi_termination", "change_of_control",
    "post_termination", "anti_assignment", "kpi_targets", "performance_review", "force_majeure",
    "governing_law", "dispute_resolution",
)


def main() -> int:
    """Score every labelled file and print per-topic and micro / macro figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "tests" / "data" / "zh_contracts")
    parser.add_argument("--errors", action="store_true", help="list false positives / negatives")
    args = parser.parse_args()
    labels = {k: set(v) for k, v in json.loads((args.dir / "labels.json").read_text(encoding="utf-8")).items()
              if not k.startswith("_")}
    rows = []
    start = time.perf_counter()
    for name, gold in sorted(labels.items()):
        result = check_path(args.dir / name, CheckOptions())
        pred = {t.id for t in result.topics if t.present} & set(SCORED)
        rows.append((name, gold, pred))
    seconds = (time.perf_counter() - start) / len(rows)
    tp = sum(len(g & p) for _, g, p in rows)
    fp = sum(len(p - g) for _, g, p in rows)
    fn = sum(len(g - p) for _, g, p in rows)
    print(f"{'topic':30} {'P':>6} {'R':>6} {'F1':>6} {'pos':>4}")
    f1s = []
    for topic in SCORED:
        t_tp = sum(1 for _, g, p in rows if topic in g and topic in p)
        t_fp = sum(1 for _, g, p in rows if topic not in g and topic in p)
        t_fn = sum(1 for _, g, p in rows if topic in g and topic not in p)
        prec = t_tp / (t_tp + t_fp) if t_tp + t_fp else 1.0
        rec = t_tp / (t_tp + t_fn) if t_tp + t_fn else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if t_tp + t_fn:
            f1s.append(f1)
            print(f"{topic:30} {prec:6.2f} {rec:6.2f} {f1:6.2f} {t_tp + t_fn:4}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    micro = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"\nfiles: {len(rows)}; labelled topic occurrences: {tp + fn}")
    print(f"micro: precision {precision:.3f} recall {recall:.3f} F1 {micro:.3f}")
    print(f"macro-F1 over topics present in at least one file: {statistics.mean(f1s):.3f}")
    print(f"seconds per file: {seconds:.3f}")
    if args.errors:
        for name, gold, pred in rows:
            print(f"{name}: FP {sorted(pred - gold)} FN {sorted(gold - pred)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
