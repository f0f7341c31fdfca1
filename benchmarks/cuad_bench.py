"""Measure the checker's clause finding on CUAD contracts: per-topic precision / recall / F1.

    python benchmarks/cuad_bench.py [--bench-dir ../shared/bench/cuad-dev] [--cv] [--json] [--errors]

Each contract goes through the same path as ``agreementkit check FILE --format json``; its
``topics`` list is scored against the CUAD labels (a topic is present when any of its CUAD
categories is). Macro-F1 is over topics with at least 5 positive contracts.

The shipped sentence model was trained on all of these contracts, so the first table is not an
estimate for new contracts. ``--cv`` gives that estimate: 5-fold cross-validation over
contracts, where each fold's model (and its per-topic decision rules, chosen by an inner 4-fold
cross-validation) is trained without the fold it is scored on. The hand-written patterns were
tuned while reading only the "tune" half's labelled spans (halves fixed by a hash of the file
name), so the cross-validated figure on the "held-out" half is the one that has seen nothing of
its contracts. Finally a ~100-page contract is timed. ``--cv`` needs ``pip install '.[train]'``.
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

from agreementkit.check.result import CheckOptions  # noqa: E402
from agreementkit.check.service import check_path  # noqa: E402
from agreementkit.check.training import CUAD_TOPICS, gold_topics  # noqa: E402

TOPIC_CATEGORIES = CUAD_TOPICS
MIN_POSITIVES = 5


def split_of(file: str) -> str:
    """'tune' or 'held-out', fixed by a hash of the file name."""
    return "tune" if zlib.crc32(file.encode()) % 2 == 0 else "held-out"


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


def detected(path: Path) -> dict[str, list[str]]:
    """Topic ids the checker reports present for ``path``, each with its evidence quotes."""
    result = check_path(path, CheckOptions())
    return {t.id: [e.quote for e in t.evidence] for t in result.topics if t.present}


def _squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` with whitespace runs as one space, and each kept character's offset in ``text``."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            out.append(" ")
        else:
            out.append(ch)
        offsets.append(i)
    return "".join(out), offsets


def quote_span(quote: str, flat: str, offsets: list[int]) -> tuple[int, int] | None:
    """Where ``quote`` lies in the raw text (its longest piece between ellipses), or ``None``."""
    pieces = sorted((" ".join(x.split()) for x in quote.split("\u2026")), key=len, reverse=True)
    for needle in pieces:
        i = flat.find(needle) if len(needle) >= 12 else -1
        if i != -1:
            return offsets[i], offsets[i + len(needle) - 1] + 1
    return None


def evidence_overlap(raw: str, labels: dict[str, object], found: dict[str, list[str]],
                     gold: set[str]) -> tuple[int, int, int]:
    """For the true-positive topics of one contract: (scored, first quote overlaps a label span, quote not found).

    A topic counts when the first quote of its evidence overlaps any labelled span of its CUAD
    categories (a heading-only quote, which rarely lies inside the span, counts against it).
    """
    flat, offsets = _squeeze(raw)
    lower = {k.lower(): v for k, v in labels.items()}
    scored = hits = lost = 0
    for topic in sorted(gold & set(found)):
        if topic not in TOPIC_CATEGORIES or not found[topic]:
            continue
        spans = [tuple(sp) for c in TOPIC_CATEGORIES[topic]
                 for sp in lower.get(c.lower(), {}).get("spans", [])]  # type: ignore[union-attr]
        if not spans:
            continue
        scored += 1
        where = quote_span(found[topic][0], flat, offsets)
        if where is None:
            lost += 1
        elif any(a < where[1] and where[0] < b for a, b in spans):
            hits += 1
    return scored, hits, lost


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


def cross_validated(bench_dir: Path, k: int = 5) -> dict[str, set[str]]:
    """Topics predicted for each contract by models trained without its fold (nested for the rules)."""
    from agreementkit.check.training import folds_of, load_bench, train

    contracts = load_bench(bench_dir)
    folds = folds_of(len(contracts), k)
    predicted: dict[str, set[str]] = {}
    for fold in range(k):
        model = train([c for c, f in zip(contracts, folds, strict=True) if f != fold], k - 1)
        for contract, f in zip(contracts, folds, strict=True):
            if f == fold:
                decided = model.decide(contract.rows, contract.pattern_topics)
                predicted[contract.name] = {t for t, (present, _) in decided.items() if present}
        print(f"  fold {fold + 1}/{k} done", file=sys.stderr)
    return predicted


def print_table(title: str, rows: dict[str, list[tuple[set[str], set[str]]]]) -> dict[str, float]:
    """Per-topic figures over all contracts, the held-out column, and the macro-F1 of each part."""
    table, macro = score(rows["all"])
    held_table, macro_held = score(rows["held-out"])
    _, macro_tune = score(rows["tune"])
    print(f"\n## {title}\n")
    print(f"{'topic':30} {'P':>6} {'R':>6} {'F1':>6} {'pos':>4}   held-out F1")
    for topic, v in table.items():
        mark = "" if v["positives"] >= MIN_POSITIVES else "  (<5, not in macro)"
        print(
            f"{topic:30} {v['precision']:6.2f} {v['recall']:6.2f} {v['f1']:6.2f} {int(v['positives']):4}"
            f"   {held_table[topic]['f1']:6.2f}{mark}"
        )
    print(f"macro-F1 (topics with >= {MIN_POSITIVES} positives): all {macro:.3f}   "
          f"tune half {macro_tune:.3f}   held-out half {macro_held:.3f}")
    return {"all": macro, "tune": macro_tune, "held_out": macro_held}


def main() -> int:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-dir", type=Path, default=ROOT.parent / "shared" / "bench" / "cuad-dev")
    parser.add_argument("--cv", action="store_true", help="also cross-validate the model (a few minutes)")
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
    overlap = [0, 0, 0]
    for rec in records:
        gold = set(gold_topics(rec["labels"]))
        path = args.bench_dir / "contracts" / rec["file"]
        found = detected(path)
        pred = set(found) & set(TOPIC_CATEGORIES)
        for i, n in enumerate(evidence_overlap(path.read_text(encoding="utf-8"), rec["labels"], found, gold)):
            overlap[i] += n
        rows["all"].append((gold, pred))
        rows[split_of(rec["file"])].append((gold, pred))
        files.append((rec["file"], gold, pred))
    per_contract = (time.perf_counter() - start) / max(len(records), 1)
    figures: dict[str, object] = {"shipped": print_table("shipped checker (its model has seen these contracts)", rows)}
    if args.cv:
        predicted = cross_validated(args.bench_dir)
        cv_rows: dict[str, list[tuple[set[str], set[str]]]] = {"all": [], "tune": [], "held-out": []}
        for name, gold, _ in files:
            cv_rows["all"].append((gold, predicted[name]))
            cv_rows[split_of(name)].append((gold, predicted[name]))
        figures["cross_validated"] = print_table("5-fold cross-validation: contracts the model has not seen", cv_rows)
    print(f"\ncontracts: {len(records)} (tune {len(rows['tune'])}, held-out {len(rows['held-out'])})")
    print(f"seconds per contract (checking and scoring evidence): {per_contract:.3f}")
    ratio = overlap[1] / overlap[0] if overlap[0] else 0.0
    print(f"evidence overlap (shipped checker, true positives whose first quote overlaps a labelled span): "
          f"{ratio:.3f} ({overlap[1]}/{overlap[0]}; quote not located in the text: {overlap[2]})")
    figures["evidence_overlap"] = ratio
    seconds, chars = hundred_pages(args.bench_dir / "contracts")
    print(f"100-page contract ({chars:,} characters): {seconds:.3f} s")
    if args.errors:
        for topic in TOPIC_CATEGORIES:
            fps = [f for f, g, p in files if topic in p and topic not in g and split_of(f) == "tune"]
            fns = [f for f, g, p in files if topic in g and topic not in p and split_of(f) == "tune"]
            print(f"\n## {topic}\n  FP: {fps}\n  FN: {fns}")
    if args.json:
        print(json.dumps({**figures, "seconds_per_contract": per_contract, "hundred_pages_seconds": seconds},
                         indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
