"""Train the sentence model of :mod:`agreementkit.check.learned` on contracts labelled in CUAD's format.

    python -m agreementkit.check.training --bench-dir ../shared/bench/cuad-dev \
        [-o agreementkit/check/data/topic_model.json.gz]

Each contract is read by the checker's own reader and scanned by its own patterns, so training
sees exactly the sentences and features the checker sees. A sentence is a positive example of a
topic when it overlaps one of the experts' spans for that topic. Each topic's decision rule and
threshold are chosen on out-of-fold predictions (k-fold over contracts, never over sentences),
then the model is fitted on every contract. Needs scikit-learn (``pip install '.[train]'``).
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from agreementkit.check.learned import RULES, Decision, SentenceRow, TopicModel, sentence_rows
from agreementkit.check.patterns import scan
from agreementkit.check.readers import read_document

# Topic id -> CUAD categories (a topic is present when any of them is); see cuad-dev/README.md.
CUAD_TOPICS: dict[str, tuple[str, ...]] = {
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
THRESHOLDS = tuple(round(0.1 * i, 1) for i in range(1, 10))
DEFAULT_C = 4.0
DEFAULT_PRUNE = 0.3


@dataclass(frozen=True)
class LabelledContract:
    """One contract as the checker sees it, with the experts' labels."""

    name: str
    rows: list[SentenceRow]
    row_topics: list[frozenset[str] | None]  # per sentence; None where it could not be aligned
    pattern_topics: frozenset[str]  # what the patterns alone find
    gold: frozenset[str]


def gold_topics(labels: dict[str, Any]) -> frozenset[str]:
    """Topic ids CUAD's labels say are present."""
    lower = {k.lower(): v for k, v in labels.items()}
    return frozenset(
        topic for topic, cats in CUAD_TOPICS.items() if any(lower.get(c.lower(), {}).get("present") for c in cats)
    )


def _squeezed(text: str) -> tuple[str, list[int]]:
    """``text`` with whitespace runs squeezed to one space, and each kept character's original offset."""
    out: list[str] = []
    offsets: list[int] = []
    space = True
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space:
                out.append(" ")
                offsets.append(i)
            space = True
        else:
            out.append(ch)
            offsets.append(i)
            space = False
    return "".join(out), offsets


def load_contract(path: Path, labels: dict[str, Any]) -> LabelledContract:
    """Read, scan and label one CUAD contract (spans are offsets into the raw text)."""
    raw = path.read_text(encoding="utf-8")
    flat, offsets = _squeezed(raw)
    lower = {k.lower(): v for k, v in labels.items()}
    spans: dict[str, list[tuple[int, int]]] = {}
    for topic, cats in CUAD_TOPICS.items():
        for cat in cats:
            for a, b in lower.get(cat.lower(), {}).get("spans", []):
                spans.setdefault(topic, []).append((bisect.bisect_left(offsets, a), bisect.bisect_left(offsets, b)))
    found = scan(read_document(path).blocks)
    rows = sentence_rows(found)
    row_topics: list[frozenset[str] | None] = []
    cursor = 0
    for row in rows:
        sentence = " ".join(found.blocks[row.block].text[row.start : row.end].split())
        pos = flat.find(sentence, cursor)
        if pos == -1:
            pos = flat.find(sentence[:30], cursor)
        if pos == -1 or not sentence:
            row_topics.append(None)
            continue
        cursor = pos + 1
        end = pos + len(sentence)
        row_topics.append(
            frozenset(
                t
                for t, sp in spans.items()
                if any(min(end, b) - max(pos, a) > min(20, (b - a) // 2, (end - pos) // 2) for a, b in sp)
            )
        )
    return LabelledContract(path.name, rows, row_topics, frozenset(found.evidence()), gold_topics(labels))


def load_bench(bench_dir: Path) -> list[LabelledContract]:
    """Every contract of a CUAD-format folder (``labels.jsonl`` + ``contracts/``)."""
    lines = (bench_dir / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return [load_contract(bench_dir / "contracts" / r["file"], r["labels"]) for r in records]


def design_matrix(rows: Sequence[SentenceRow], vocabulary: dict[str, int]) -> Any:
    """The sparse matrix a model is fitted on: one row per sentence, ``1/sqrt(n features)`` per feature.

    Features outside ``vocabulary`` still count in ``n`` (the runtime model does not know them either).
    """
    from scipy.sparse import csr_matrix

    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for r in rows:
        cols = [vocabulary[f] for f in r.features if f in vocabulary]
        indices.extend(cols)
        data.extend([1.0 / np.sqrt(len(r.features))] * len(cols) if cols else [])
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocabulary)))


def fit(
    contracts: Sequence[LabelledContract],
    topics: Sequence[str] = tuple(CUAD_TOPICS),
    c: float = DEFAULT_C,
    prune: float = DEFAULT_PRUNE,
) -> TopicModel:
    """Fit one logistic regression per topic on the aligned sentences of ``contracts``.

    Features seen in only one sentence are dropped; weights smaller than ``prune`` are set to
    zero (they change probabilities by little and would make the shipped file large). Decisions
    default to ``model`` at 0.5 until :func:`choose_decisions` replaces them.
    """
    from sklearn.linear_model import LogisticRegression

    rows = [(r, t) for k in contracts for r, t in zip(k.rows, k.row_topics, strict=True) if t is not None]
    counts: dict[str, int] = {}
    for r, _ in rows:
        for f in r.features:
            counts[f] = counts.get(f, 0) + 1
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= 2))}
    x = design_matrix([r for r, _ in rows], vocabulary)
    weights = np.zeros((len(vocabulary), len(topics)))
    intercepts = np.full(len(topics), -10.0)
    for j, topic in enumerate(topics):
        y = np.array([topic in t for _, t in rows])
        if y.sum() < 2:
            continue
        lr = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=2000, random_state=0)
        lr.fit(x, y)
        coef = lr.coef_[0].copy()
        coef[np.abs(coef) < prune] = 0.0
        weights[:, j] = coef
        intercepts[j] = float(lr.intercept_[0])
    keep = np.flatnonzero(np.abs(weights).sum(axis=1) > 0)
    names = sorted(vocabulary, key=vocabulary.__getitem__)
    return TopicModel(
        tuple(topics),
        {names[i]: n for n, i in enumerate(keep)},
        weights[keep],
        intercepts,
        {t: Decision("model", 0.5) for t in topics},
        {"c": c, "prune": prune, "contracts": len(contracts), "sentences": len(rows)},
    )


def folds_of(n: int, k: int, seed: int = 0) -> list[int]:
    """A fold number for each of ``n`` contracts: balanced, shuffled with a fixed seed."""
    folds = [i % k for i in range(n)]
    random.Random(seed).shuffle(folds)
    return folds


_COMPANY_SUFFIXES = ("incorporated", "corporation", "company", "corp", "inc", "llc", "ltd", "plc", "co", "lp", "sa")


def company_of(file: str) -> str:
    """The company a CUAD file name belongs to, normalised (``CANOPETROLEUM_INC_12_13_2007-EX-…`` → ``canopetroleum``).

    CUAD names a file ``<Company>_<filing date>_…`` or ``<Company>_-_<title>``: the company is
    what comes before the first all-digit part (or before ``_-_``), in lower-case letters and
    digits, without a trailing Inc / Corp / LLC / Ltd / ….
    """
    stem = file.rsplit(".", 1)[0]
    head = stem.split("_-_", 1)[0] if "_-_" in stem else stem
    parts: list[str] = []
    for part in head.split("_"):
        piece = part.split("-", 1)[0]
        if not piece or piece.isdigit():
            break
        parts.append(piece)
        if "-" in part:
            break
    name = "".join(ch for ch in "".join(parts or [head]).lower() if ch.isalnum())
    stripped = True
    while stripped:
        stripped = False
        for suffix in _COMPANY_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix) + 2:
                name = name[: -len(suffix)]
                stripped = True
                break
    return name


def grouped_folds(groups: Sequence[str], k: int, seed: int = 0) -> list[int]:
    """A fold number for each item such that items of one group always share a fold.

    Groups are shuffled with a fixed seed, then each goes, largest first, to the fold holding
    the fewest items so far (ties to the lowest fold number): balanced and reproducible.
    """
    sizes: dict[str, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    order = sorted(sizes)
    random.Random(seed).shuffle(order)
    order.sort(key=lambda g: -sizes[g])  # stable: the shuffle breaks ties between equal sizes
    load = [0] * k
    fold_of: dict[str, int] = {}
    for g in order:
        fold = min(range(k), key=lambda f: (load[f], f))
        fold_of[g] = fold
        load[fold] += sizes[g]
    return [fold_of[g] for g in groups]


def contract_folds(contracts: Sequence[LabelledContract], k: int) -> list[int]:
    """Folds over ``contracts`` grouped by company (:func:`company_of`): no company is in two folds."""
    return grouped_folds([company_of(c.name) for c in contracts], k)


def out_of_fold(contracts: Sequence[LabelledContract], k: int) -> list[dict[str, float]]:
    """Each contract's best probability per topic, from a model fitted without its fold (grouped by company)."""
    folds = contract_folds(contracts, k)
    best: list[dict[str, float]] = [{} for _ in contracts]
    for fold in range(k):
        model = fit([c for c, f in zip(contracts, folds, strict=True) if f != fold])
        for i, contract in enumerate(contracts):
            if folds[i] == fold:
                best[i] = {t: p for t, (p, _) in model.best(contract.rows).items()}
    return best


def f1(gold: Sequence[bool], predicted: Sequence[bool]) -> float:
    """F1 of boolean predictions (0 when nothing is right)."""
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g and p)
    wrong = sum(1 for g, p in zip(gold, predicted, strict=True) if g != p)
    return 2 * tp / (2 * tp + wrong) if tp else 0.0


def choose_decisions(contracts: Sequence[LabelledContract], best: Sequence[dict[str, float]]) -> dict[str, Decision]:
    """Per topic, the rule and threshold with the highest F1 over ``contracts`` (simplest rule on ties)."""
    decisions: dict[str, Decision] = {}
    for topic in CUAD_TOPICS:
        gold = [topic in c.gold for c in contracts]
        by_pattern = [topic in c.pattern_topics for c in contracts]
        probs = [b.get(topic, 0.0) for b in best]
        top: tuple[float, Decision] = (-1.0, Decision("pattern", 0.5))
        for rule in RULES:
            for threshold in THRESHOLDS if rule != "pattern" else (0.5,):
                d = Decision(rule, threshold)
                score = f1(gold, [d.present(q, p) for q, p in zip(by_pattern, probs, strict=True)])
                if score > top[0] + 1e-9:
                    top = (score, d)
        decisions[topic] = top[1]
    return decisions


def train(contracts: Sequence[LabelledContract], k: int = 5) -> TopicModel:
    """Choose decisions by ``k``-fold cross-validation, then fit on every contract."""
    decisions = choose_decisions(contracts, out_of_fold(contracts, k))
    model = fit(contracts)
    return replace(model, decisions=decisions, meta={**model.meta, "folds": k})


def main(argv: Sequence[str] | None = None) -> int:
    """Train on a CUAD-format folder and write the gzipped model."""
    parser = argparse.ArgumentParser(description="Train the checker's sentence model.")
    parser.add_argument("--bench-dir", type=Path, required=True, action="append",
                        help="folder with labels.jsonl and contracts/ (repeat to train on several)")
    parser.add_argument("-o", "--output", type=Path, default=Path(__file__).parent / "data" / "topic_model.json.gz")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    per_folder = [(folder, load_bench(folder)) for folder in args.bench_dir]
    contracts = [c for _folder, loaded in per_folder for c in loaded]
    model = train(contracts, args.folds)
    sources = " + ".join(f"{folder.name} ({len(loaded)} contracts)" for folder, loaded in per_folder)
    model = replace(model, meta={**model.meta, "trained_on": f"CUAD v1 (The Atticus Project, CC BY 4.0): {sources}"})
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_suffix(".tmp")
    tmp.write_bytes(model.dumps())
    tmp.replace(args.output)
    rules = ", ".join(f"{t}={d.rule}@{d.threshold}" for t, d in sorted(model.decisions.items()))
    print(f"{args.output}: {len(model.features)} features, {len(contracts)} contracts\n{rules}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
