"""Decide which clause topics a document holds: pattern scan first, then the learned sentence model."""

from __future__ import annotations

from collections.abc import Collection

from agreementkit.check.learned import apply_model
from agreementkit.check.model import Block, Evidence
from agreementkit.check.patterns import MAX_EVIDENCE, scan


def classify(
    blocks: list[Block],
    topics: Collection[str] | None = None,
    skip_blocks: Collection[int] = (),
    max_evidence: int = MAX_EVIDENCE,
    use_keys: bool = True,
) -> dict[str, list[Evidence]]:
    """Topics found in ``blocks`` (optionally only ``topics``), each with its evidence.

    Patterns decide first (see :func:`scan`); for English text, the learned sentence model
    (:mod:`agreementkit.check.learned`) then confirms, adds or vetoes the topics it was
    trained on, as its per-topic decision rule says.
    """
    # every topic is scanned: the model reads all pattern hits of a sentence, not only the asked ones
    found = scan(blocks, None, skip_blocks, use_keys)
    evidence = found.evidence(max_evidence)
    if found.use_en:
        evidence = apply_model(found, evidence, topics)
    return evidence if topics is None else {t: ev for t, ev in evidence.items() if t in topics}
