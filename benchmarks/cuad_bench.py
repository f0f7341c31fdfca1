"""Measure the checker's clause finding on CUAD contracts: per-topic precision / recall / F1.

    python benchmarks/cuad_bench.py [--bench-dir ../shared/bench/cuad-dev] [--json]

Each contract goes through the same path as ``agreementkit check FILE --format json``; its
``topics`` list is scored against the CUAD labels (a topic is present when any of its CUAD
categories is). Macro-F1 is over topics with at least 5 positive contracts. The contracts
are also split in two halves by a hash of the file name: the patterns were tuned while
reading only the "tune" half's labelled spans, so the "held-out" half is an honest estimate
for contracts the checker has never seen. Finally a ~100-page contract is timed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from agreementkit.check.service import CheckOptions, check_path  # noqa: E402

TOPIC_CATEGORIES: dict[str, tuple[str, ...]] = {
    "exclusivity": ("Exclusivity",),
    "non_compete": ("Non-Compete",),
    "minimum_commitment": ("Minimum Commitment",),
    "volume_restriction": ("Volume Restriction",),
    "revenue_sharing": ("Revenue/Profit Sharing",),
    "price_restriction": ("Price Restrictions",),
    "most_favored_nation": ("Most Favored Nation",),
    "license_grant": ("License Grant",),
    "ip_ownership": ("IP Ownership Assignment",),
    "termination_for_convenience": ("Termination For Convenience",),
    "renewal": ("Renewal Term",),
    "renewal_notice": ("Notice Period To Terminate Renewal",),
    "expiration": ("Expiration Date",),
    "post_termination": ("Post-Termination Services",),
    "anti_assignment": ("Anti-Assignment",),
    "change_of_control": ("Change Of Control",),
    "audit_rights": ("Audit Rights",),
    "governing_law": ("Governing Law",),
    "liability_cap": ("Cap On Liability",),
    "insurance": ("Insurance",),
    "non_solicit": ("No-Solicit Of Customers", "No-Solicit Of Employees"),
    "liquidated_damages": ("Liquidated Damages",),
    "rofr": ("Rofr/Rofo/Rofn",),
    "warranty_duration": ("Warranty Duration",),
}
MIN_POSITIVES = 5


def split_of(file: str) -> str:
    """'tune' or 'held-out', fixed by a hash of the file name."""
    return "tune" if zlib.crc32(file.encode()) % 2 == 0 else "held-out"


def gold_topics(labels: dict[str, dict[str, object]]) -> set[str]:
    """Topic ids present according to CUAD's labels."""
    lower = {k.lower(): v for k, v in labels.items()}
    return {
        topic
        for topic, cats in TOPIC_CATEGORIES.items()
        if any(bool(lower.get(c.lower(), {}).get("present")) for c in cats)
    }


def score(rows: list[tuple[set[str], set[str]]]) -> tuple[dict[str, dict[str, float]], float]:
    """Per-topic P/R/F1/support and the macro-F1 over topics with >= MIN_POSITIVES positives."""
    table: dict[str, dict[str, float]] = {}
    for topic in TOPIC_CATEGORIES:
        tp = sum(1 for g, p in rows if topic in g and topic in p)
        fp = sum(1 for g, p in rows if topic not in g and topic in p)
        fn = sum(1 for g, p in rows if topic in g and topic not in p)
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        table[topic] = {"precision": prec, "recall": rec, "f1": f1, "positives": tp + fn, "tp": tp, "fp": fp, "fn": fn}
    scored = [v["f1"] for v in table.values() if v["positives"] >= MIN_POSITIVES]
    return table, (statistics.mean(scored) if scored else 0.0)


def detected(path: Path) -> set[str]:
    """Topic ids the checker reports present for ``path``."""
    result = check_path(path, CheckOptions())
    return {t.id for t in result.topics if t.present}


def hundred_pages(contracts: Path) -> tuple[float, int]:
    """Seconds to check a ~100-page contract (≈ 350,000 characters, built from the longest ones)."""
    import tempfile

    texts = sorted((p.read_text(encoding="utf-8") for p in contracts.glob("*.txt")), key=len, reverse=True)
    text = texts[0]
    i = 1
    while len(text) < 350_000:
        text += "\n\n" + texts[i]
        i += 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hundred-pages.txt"
        path.write_text(text[:350_000], encoding="utf-8")
        check_path(path, CheckOptions())  # warm up (compile patterns)
        start = time.perf_counter()
        check_path(path, CheckOptions())
        return time.perf_counter() - start, 350_000


def main() -> int:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-dir", type=Path, default=ROOT.parent / "shared" / "bench" / "cuad-dev")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list false positives / negatives per topic")
    args = parser.parse_args()
    labels_path = args.bench_dir / "labels.jsonl"
    if not labels_path.is_file():
        print(f"no labels at {labels_path}", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in labels_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows: dict[str, list[tuple[set[str], set[str]]]] = {"all": [], "tune": [], "held-out": []}
    files: list[tuple[str, set[str], set[str]]] = []
    start = time.perf_counter()
    for rec in records:
        gold = gold_topics(rec["labels"])
        pred = detected(args.bench_dir / "contracts" / rec["file"]) & set(TOPIC_CATEGORIES)
        rows["all"].append((gold, pred))
        rows[split_of(rec["file"])].append((gold, pred))
        files.append((rec["file"], gold, pred))
    per_contract = (time.perf_counter() - start) / max(len(records), 1)

    table, macro = score(rows["all"])
    _, macro_tune = score(rows["tune"])
    held_table, macro_held = score(rows["held-out"])
    print(f"{'topic':30} {'P':>6} {'R':>6} {'F1':>6} {'pos':>4}   held-out F1")
    for topic, v in table.items():
        mark = "" if v["positives"] >= MIN_POSITIVES else "  (<5, not in macro)"
        print(
            f"{topic:30} {v['precision']:6.2f} {v['recall']:6.2f} {v['f1']:6.2f} {int(v['positives']):4}"
            f"   {held_table[topic]['f1']:6.2f}{mark}"
        )
    print(f"\ncontracts: {len(records)} (tune {len(rows['tune'])}, held-out {len(rows['held-out'])})")
    print(f"macro-F1 (topics with >= {MIN_POSITIVES} positives): all {macro:.3f}   "
          f"tune half {macro_tune:.3f}   held-out half {macro_held:.3f}")
    print(f"seconds per contract: {per_contract:.3f}")
    seconds, chars = hundred_pages(args.bench_dir / "contracts")
    print(f"100-page contract ({chars:,} characters): {seconds:.3f} s")
    if args.errors:
        for topic in TOPIC_CATEGORIES:
            fps = [f for f, g, p in files if topic in p and topic not in g and split_of(f) == "tune"]
            fns = [f for f, g, p in files if topic in g and topic not in p and split_of(f) == "tune"]
            print(f"\n## {topic}\n  FP: {fps}\n  FN: {fns}")
    if args.json:
        print(json.dumps({"macro_f1": macro, "macro_f1_tune": macro_tune, "macro_f1_held_out": macro_held,
                          "seconds_per_contract": per_contract, "hundred_pages_seconds": seconds, "topics": table},
                         indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
