"""Score clause finding on real Chinese contracts labelled by reading (``../shared/bench/zh-dev`` layout).

    python benchmarks/check_zh_real.py [--dir ../shared/bench/zh-dev] [--errors] [--json]

The folder holds ``NN-slug.txt`` contracts, ``index.jsonl`` (``file``, ``script``: Traditional |
Simplified, …) and ``labels.jsonl`` (``{"file", "topics": {topic: {"present": bool, …}}}``). Each
contract goes through the same path as ``agreementkit check FILE``; for every labelled topic the
prediction is the topic's status in the report. Printed: per-topic precision / recall / F1 over
contracts, macro-F1 over topics with at least 3 positive contracts, micro-F1 over all labelled
(contract, topic) pairs, the same split by script and by tuning split, and seconds per contract.

Tuning split (fixed before the texts were read): the patterns may be tuned on every contract
except those whose number (``NN-``) is a multiple of 3 — in zh-dev 03, 06 and 09, the "held-out"
part, whose figure is the honest one. ``--errors`` lists only the tuned contracts' errors. With
3 held-out contracts few topics reach 3 positives, so the held-out macro-F1 is over topics with at
least one positive.
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

from agreementkit.check.result import CheckOptions  # noqa: E402
from agreementkit.check.service import check_path  # noqa: E402

MIN_POSITIVES = 3
Row = tuple[str, dict[str, bool], set[str]]  # file, gold per labelled topic, predicted topics


def split_of(file: str) -> str:
    """'held-out' for contracts numbered with a multiple of 3 (``03-…``, ``06-…``), else 'tuned'."""
    number = file.split("-", 1)[0]
    return "held-out" if number.isdigit() and int(number) % 3 == 0 else "tuned"


def load(folder: Path) -> tuple[list[dict[str, object]], dict[str, str]]:
    """The labels of ``folder`` and each file's script."""
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    scripts = {}
    index = folder / "index.jsonl"
    if index.exists():
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                scripts[record["file"]] = str(record.get("script", ""))
    return labels, scripts


def figures(rows: list[Row], min_positives: int = MIN_POSITIVES) -> dict[str, object]:
    """Per-topic P/R/F1, macro-F1 (topics with >= MIN_POSITIVES positives) and micro P/R/F1."""
    topics = sorted({t for _, gold, _ in rows for t in gold})
    table: dict[str, dict[str, float]] = {}
    tp_all = fp_all = fn_all = 0
    for topic in topics:
        tp = sum(1 for _, g, p in rows if g.get(topic) is True and topic in p)
        fp = sum(1 for _, g, p in rows if g.get(topic) is False and topic in p)
        fn = sum(1 for _, g, p in rows if g.get(topic) is True and topic not in p)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        table[topic] = {"precision": prec, "recall": rec, "f1": f1, "positives": tp + fn}
    scored = [v["f1"] for v in table.values() if v["positives"] >= min_positives]
    prec = tp_all / (tp_all + fp_all) if tp_all + fp_all else 1.0
    rec = tp_all / (tp_all + fn_all) if tp_all + fn_all else 1.0
    micro = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "macro_f1": statistics.mean(scored) if scored else None,  # None: no topic has enough positives
        "micro_f1": micro,
        "micro_precision": prec,
        "micro_recall": rec,
        "topics": table,
    }


def main() -> None:
    """Score the folder and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", type=Path, default=ROOT.parent / "shared" / "bench" / "zh-dev")
    parser.add_argument("--errors", action="store_true", help="list each contract's misses and false alarms")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    labels, scripts = load(args.dir)
    rows: list[Row] = []
    start = time.perf_counter()
    for record in labels:
        name = str(record["file"])
        gold = {t: bool(v["present"]) for t, v in dict(record["topics"]).items()}  # type: ignore[call-overload]
        result = check_path(args.dir / name, CheckOptions())
        rows.append((name, gold, {t.id for t in result.topics if t.present}))
    seconds = (time.perf_counter() - start) / max(len(rows), 1)
    report: dict[str, object] = {"all": figures(rows), "seconds_per_contract": seconds}
    for script in sorted(set(scripts.values()) - {""}):
        subset = [r for r in rows if scripts.get(r[0]) == script]
        report[script] = {**figures(subset), "contracts": len(subset)}
    for part in ("tuned", "held-out"):
        subset = [r for r in rows if split_of(r[0]) == part]
        if subset:
            report[part] = {**figures(subset, MIN_POSITIVES if part == "tuned" else 1), "contracts": len(subset)}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    overall = report["all"]
    assert isinstance(overall, dict)
    print(f"{'topic':<28} {'P':>5} {'R':>5} {'F1':>5} {'pos':>4}")
    for topic, v in overall["topics"].items():
        print(f"{topic:<28} {v['precision']:5.2f} {v['recall']:5.2f} {v['f1']:5.2f} {int(v['positives']):4d}")
    for key in ("all", *sorted(set(scripts.values()) - {""}), "tuned", "held-out"):
        if key not in report:
            continue
        part = report[key]
        assert isinstance(part, dict)
        macro = "  n/a" if part["macro_f1"] is None else f"{part['macro_f1']:.3f}"
        print(
            f"{key:<12} macro-F1 {macro}  micro-F1 {part['micro_f1']:.3f}  "
            f"(P {part['micro_precision']:.3f}, R {part['micro_recall']:.3f})"
        )
    print(f"{seconds:.2f} s per contract")
    if args.errors:
        for name, gold, pred in rows:
            if split_of(name) == "held-out":
                continue
            missed = sorted(t for t, v in gold.items() if v and t not in pred)
            extra = sorted(t for t, v in gold.items() if not v and t in pred)
            print(f"{name}: missed {missed} false {extra}")


if __name__ == "__main__":
    main()
