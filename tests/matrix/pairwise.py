"""A deterministic covering-array builder: every pair of factor values (and chosen triples) at least once.

Greedy in the manner of AETG with a single candidate per row: a row starts from the first
interaction still uncovered and every other factor takes the value that covers the most
uncovered interactions with the values already chosen. Ties go to the value whose pairs with
the values already chosen occur least so far (so the array is balanced, not merely covering),
then to the value used least, then to the first listed. A constraint predicate over partial
rows keeps impossible or meaningless combinations out; interactions no valid row can hold are
not required.

Written here rather than taken from PyPI: allpairspy (last release 2023) has no notion of
mixed strength, and the whole algorithm is about a hundred lines.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import combinations, product

Row = dict[str, str]
Interaction = tuple[tuple[str, str], ...]
Constraint = Callable[[Mapping[str, str]], bool]


def _interactions(
    factors: Mapping[str, Sequence[str]], names: Sequence[str], allowed: Constraint
) -> list[Interaction]:
    out: list[Interaction] = []
    for values in product(*(factors[n] for n in names)):
        partial = dict(zip(names, values, strict=True))
        if allowed(partial):
            out.append(tuple(zip(names, values, strict=True)))
    return out


def required_interactions(
    factors: Mapping[str, Sequence[str]],
    allowed: Constraint,
    triples: Sequence[tuple[str, str, str]] = (),
) -> list[Interaction]:
    """Every allowed pair of values of two factors, plus every allowed triple of each named triple."""
    names = list(factors)
    found: list[Interaction] = []
    for triple in triples:
        found.extend(_interactions(factors, triple, allowed))
    for pair in combinations(names, 2):
        found.extend(_interactions(factors, pair, allowed))
    return found


def _covered_by(row: Mapping[str, str], interaction: Interaction) -> bool:
    return all(row.get(name) == value for name, value in interaction)


def covering_array(
    factors: Mapping[str, Sequence[str]],
    allowed: Constraint,
    triples: Sequence[tuple[str, str, str]] = (),
) -> list[Row]:
    """Rows (factor → value) covering every allowed pair and every allowed triple of ``triples``.

    Deterministic: the same factors give the same rows in the same order. Raises ValueError when
    a row cannot be completed (a constraint that contradicts itself).
    """
    names = list(factors)
    uncovered = required_interactions(factors, allowed, triples)
    pending = set(uncovered)
    usage: dict[tuple[str, str], int] = {}
    pair_usage: dict[tuple[tuple[str, str], tuple[str, str]], int] = {}
    rows: list[Row] = []
    by_factor: dict[str, list[Interaction]] = {n: [] for n in names}
    for inter in uncovered:
        for name, _ in inter:
            by_factor[name].append(inter)
    while pending:
        seed = next(i for i in uncovered if i in pending)
        row: Row = dict(seed)
        for name in names:
            if name in row:
                continue
            best: tuple[int, int, int, int] | None = None
            best_value = ""
            for index, value in enumerate(factors[name]):
                trial = {**row, name: value}
                if not allowed(trial):
                    continue
                gain = sum(
                    1
                    for inter in by_factor[name]
                    if inter in pending
                    and all(n in trial for n, _ in inter)
                    and _covered_by(trial, inter)
                )
                seen = sum(pair_usage.get(((n, v), (name, value)), 0) for n, v in row.items())
                score = (gain, -seen, -usage.get((name, value), 0), -index)
                if best is None or score > best:
                    best, best_value = score, value
            if best is None:
                raise ValueError(f"no value of {name!r} fits the row {row}")
            row[name] = best_value
        rows.append({n: row[n] for n in names})
        for item in row.items():
            usage[item] = usage.get(item, 0) + 1
            for other in row.items():
                if other != item:
                    pair_usage[(other, item)] = pair_usage.get((other, item), 0) + 1
        pending -= {i for i in pending if _covered_by(row, i)}
    return rows


def pair_coverage_sample(rows: Sequence[Row], size: int) -> list[int]:
    """Indices of ``size`` rows chosen greedily so that together they cover the most value pairs.

    Deterministic (ties go to the earlier row); the indices come back in ascending order.
    """
    if size >= len(rows):
        return list(range(len(rows)))
    names = list(rows[0]) if rows else []
    row_pairs = [
        {((a, row[a]), (b, row[b])) for a, b in combinations(names, 2)} for row in rows
    ]
    covered: set[tuple[tuple[str, str], tuple[str, str]]] = set()
    chosen: list[int] = []
    for _ in range(size):
        best_index = max(
            (i for i in range(len(rows)) if i not in chosen),
            key=lambda i: (len(row_pairs[i] - covered), -i),
        )
        chosen.append(best_index)
        covered |= row_pairs[best_index]
    return sorted(chosen)


def missing_interactions(rows: Sequence[Row], required: Sequence[Interaction]) -> list[Interaction]:
    """The required interactions no row covers (empty for a correct covering array)."""
    return [i for i in required if not any(_covered_by(r, i) for r in rows)]
