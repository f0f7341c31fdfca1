"""Cross-validate the checker's English clause finding on cuad-dev + cuad-extra, grouped by company.

    python benchmarks/cuad_grouped_cv.py [--dev ../shared/bench/cuad-dev] [--extra ../shared/bench/cuad-extra]
                                         [--folds 5] [--json FILE]

All 339 labelled CUAD contracts (104 channel contracts of cuad-dev, 235 others of cuad-extra) are
split into folds by company (:func:`agreementkit.check.training.company_of`): a company's contracts
are always in one fold, so no fold is scored by a model that saw another contract of the same
company. Each fold's model, and its per-topic decision rules (chosen by an inner cross-validation
over the training folds, grouped the same way), is trained without the fold. The scores are on
cuad-dev's contracts only (channel contracts: what users check); cuad-extra's are printed too.

Printed per topic: precision, recall, F1 and positives; macro-F1 over topics with >= 5 positives,
micro-F1, and evidence overlap: the share of true-positive topics whose evidence (the model's best
sentence, which leads the checker's evidence) overlaps a span the experts labelled for the topic.
The patterns alone are scored too (no training): they were written after reading cuad-dev, so on
cuad-dev they are not unseen; cuad-extra is closer to unseen for them. Needs ``pip install '.[train]'``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from agreementkit.check.training import (  # noqa: E402
    CUAD_TOPICS,
    LabelledContract,
    company_of,
    contract_folds,
    load_bench,
    train,
)

MIN_POSITIVES = 5
Prediction = tuple[set[str], dict[str, int]]  # topics present, each topic's evidence row


def table(contracts: Sequence[LabelledContract], predicted: Sequence[set[str]]) -> dict[str, dict[str, float]]:
    """Per-topic precision, recall, F1 and positives."""
    out: dict[str, dict[str, float]] = {}
    for topic in CUAD_TOPICS:
        tp = sum(1 for c, p in zip(contracts, predicted, strict=True) if topic in c.gold and topic in p)
        fp = sum(1 for c, p in zip(contracts, predicted, strict=True) if topic not in c.gold and topic in p)
        fn = sum(1 for c, p in zip(contracts, predicted, strict=True) if topic in c.gold and topic not in p)
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[topic] = {"precision": prec, "recall": rec, "f1": f1, "positives": tp + fn, "tp": tp, "fp": fp, "fn": fn}
    return out


def summary(scores: dict[str, dict[str, float]]) -> dict[str, float]:
    """Macro-F1 over topics with >= MIN_POSITIVES positives, and micro-F1 over all topics."""
    scored = [v["f1"] for v in scores.values() if v["positives"] >= MIN_POSITIVES]
    tp = sum(v["tp"] for v in scores.values())
    wrong = sum(v["fp"] + v["fn"] for v in scores.values())
    return {"macro_f1": statistics.mean(scored) if scored else 0.0, "micro_f1": 2 * tp / (2 * tp + wrong) if tp else 0.0,
            "topics_in_macro": len(scored)}


def overlap(contracts: Sequence[LabelledContract], predictions: Sequence[Prediction]) -> tuple[int, int]:
    """(true-positive topics, of them those whose evidence sentence overlaps a labelled span)."""
    scored = hits = 0
    for c, (present, rows) in zip(contracts, predictions, strict=True):
        for topic in present & c.gold:
            scored += 1
            r = rows.get(topic, -1)
            aligned = c.row_topics[r] if 0 <= r < len(c.row_topics) else None
            hits += bool(aligned and topic in aligned)
    return scored, hits


def print_table(title: str, contracts: Sequence[LabelledContract], predicted: Sequence[set[str]],
                evidence: tuple[int, int] | None) -> dict[str, object]:
    """Print one per-topic table and return its figures."""
    scores = table(contracts, predicted)
    figures = summary(scores)
    print(f"\n## {title} ({len(contracts)} contracts)\n")
    print(f"{'topic':30} {'P':>6} {'R':>6} {'F1':>6} {'pos':>4}")
    for topic, v in scores.items():
        mark = "" if v["positives"] >= MIN_POSITIVES else f"  (<{MIN_POSITIVES}, not in macro)"
        print(f"{topic:30} {v['precision']:6.2f} {v['recall']:6.2f} {v['f1']:6.2f} {int(v['positives']):4}{mark}")
    line = f"macro-F1 {figures['macro_f1']:.3f} over {figures['topics_in_macro']} topics   micro-F1 {figures['micro_f1']:.3f}"
    result: dict[str, object] = {**figures, "topics": scores}
    if evidence is not None:
        ratio = evidence[1] / evidence[0] if evidence[0] else 0.0
        line += f"   evidence overlap {ratio:.3f} ({evidence[1]}/{evidence[0]})"
        result["evidence_overlap"] = ratio
    print(line)
    return result


def cross_validate(contracts: Sequence[LabelledContract], k: int) -> list[Prediction]:
    """Each contract's prediction by a model (and rules) trained without its company's fold."""
    folds = contract_folds(contracts, k)
    by_company: dict[str, set[int]] = {}
    for c, f in zip(contracts, folds, strict=True):
        by_company.setdefault(company_of(c.name), set()).add(f)
    assert all(len(f) == 1 for f in by_company.values()), "a company in two folds"
    predictions: list[Prediction] = [(set(), {}) for _ in contracts]
    for fold in range(k):
        start = time.perf_counter()
        model = train([c for c, f in zip(contracts, folds, strict=True) if f != fold], k - 1)
        for i, (c, f) in enumerate(zip(contracts, folds, strict=True)):
            if f == fold:
                decided = model.decide(c.rows, c.pattern_topics)
                predictions[i] = ({t for t, (p, _) in decided.items() if p}, {t: r for t, (_, r) in decided.items()})
        print(f"  fold {fold + 1}/{k}: {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return predictions


def main(argv: Sequence[str] | None = None) -> int:
    """Run the grouped cross-validation and print the tables."""
    bench = ROOT.parent / "shared" / "bench"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=bench / "cuad-dev")
    parser.add_argument("--extra", type=Path, default=bench / "cuad-extra")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    for folder in (args.dev, args.extra):
        if not (folder / "labels.jsonl").is_file():
            print(f"no labels at {folder / 'labels.jsonl'}", file=sys.stderr)
            return 2
    start = time.perf_counter()
    dev = load_bench(args.dev)
    extra = load_bench(args.extra)
    print(f"loaded {len(dev)} + {len(extra)} contracts in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    contracts = dev + extra
    predictions = cross_validate(contracts, args.folds)
    n = len(dev)
    figures = {
        "patterns_dev": print_table("patterns alone, cuad-dev (patterns written after reading these: not unseen)",
                                    dev, [set(c.pattern_topics) for c in dev], None),
        "patterns_extra": print_table("patterns alone, cuad-extra (closer to unseen for the patterns)",
                                      extra, [set(c.pattern_topics) for c in extra], None),
        "cv_dev": print_table(f"grouped {args.folds}-fold CV, cuad-dev (channel contracts)", dev,
                              [p for p, _ in predictions[:n]], overlap(dev, predictions[:n])),
        "cv_extra": print_table(f"grouped {args.folds}-fold CV, cuad-extra", extra,
                                [p for p, _ in predictions[n:]], overlap(extra, predictions[n:])),
    }
    print(f"\n{len({company_of(c.name) for c in contracts})} companies, {time.perf_counter() - start:.0f} s in all")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
