"""A sentence model learned from labelled contracts, beside the hand-written patterns.

Patterns know how a clause is usually worded; the model knows which words, headings and
pattern hits go together in the sentences that experts labelled (CUAD). It is a logistic
regression per topic over a sentence's words, word pairs, the words of its article heading
and the topics whose patterns matched it. A document's score for a topic is its best
sentence's probability.

Each topic carries the decision rule chosen by cross-validation when the model was trained
(``agreementkit/check/training.py``): ``pattern`` (the patterns alone), ``model`` (the best
sentence reaches the threshold), ``both`` (a pattern match confirmed by the model) or
``either``. The model ships with the package as ``data/topic_model.json.gz``; nothing is
downloaded.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from itertools import pairwise
from typing import Any, Literal, cast

import numpy as np

from agreementkit.check.model import Evidence, block_quote
from agreementkit.check.patterns import PatternScan, compiled_topics, sentence_spans

MODEL_FORMAT = "agreementkit-topic-model/1"
MODEL_RESOURCE = ("data", "topic_model.json.gz")
Rule = Literal["pattern", "model", "both", "either"]
RULES: tuple[Rule, ...] = ("pattern", "both", "model", "either")
_TOKEN = re.compile(r"[a-z]+|\d+")


def words(text: str) -> list[str]:
    """Lower-case word tokens of ``text``; every number becomes ``#``."""
    return ["#" if t[0].isdigit() else t for t in _TOKEN.findall(text.lower())]


def sentence_features(
    sentence: str,
    heading: str | None,
    pattern_topics: Iterable[str],
    heading_topics: Iterable[str],
    excluded_topics: Iterable[str] = (),
) -> tuple[str, ...]:
    """The features of one sentence, sorted and unique.

    Words, adjacent word pairs, ``h:`` + each word of the article heading, ``p:`` + each topic
    whose body pattern matched inside the sentence, ``x:`` + each topic whose match there an
    exclude pattern vetoed, and ``ph:`` + each topic the heading names.
    """
    tokens = words(sentence)
    feats = set(tokens)
    feats.update(f"{a} {b}" for a, b in pairwise(tokens))
    if heading:
        feats.update("h:" + w for w in words(heading))
    feats.update("p:" + t for t in pattern_topics)
    feats.update("ph:" + t for t in heading_topics)
    feats.update("x:" + t for t in excluded_topics)
    return tuple(sorted(feats))


@dataclass(frozen=True)
class SentenceRow:
    """One sentence of a scanned document: its block, its span in the block's text, its features."""

    block: int
    start: int
    end: int
    features: tuple[str, ...]


def sentence_rows(found: PatternScan) -> list[SentenceRow]:
    """Every sentence of an English scan with its features (pattern hits come from ``found``)."""
    hits: dict[int, list[tuple[int, str]]] = {}
    for topic_id, matches in found.matches.items():
        for m in matches:
            hits.setdefault(m.block, []).append((m.start, topic_id))
    vetoed: dict[int, list[tuple[int, str]]] = {}
    for topic_id, matches in found.excluded.items():
        for m in matches:
            vetoed.setdefault(m.block, []).append((m.start, topic_id))
    heading_rules = [(t.id, t.heading) for t in compiled_topics() if t.heading is not None]
    named: dict[str, list[str]] = {}
    rows: list[SentenceRow] = []
    for bi, text in enumerate(found.lowered):
        heading = found.blocks[bi].location.heading
        if heading and heading not in named:
            named[heading] = [tid for tid, pattern in heading_rules if pattern.search(heading)]
        heading_topics = named.get(heading, []) if heading else []
        block_hits = hits.get(bi, [])
        block_vetoed = vetoed.get(bi, [])
        for lo, hi in sentence_spans(text):
            inside = {tid for start, tid in block_hits if lo <= start < hi}
            out = {tid for start, tid in block_vetoed if lo <= start < hi}
            feats = sentence_features(text[lo:hi], heading, inside, heading_topics, out)
            rows.append(SentenceRow(bi, lo, hi, feats))
    return rows


@dataclass(frozen=True)
class Decision:
    """How a topic is decided: which rule, and the model's probability threshold."""

    rule: Rule
    threshold: float

    def present(self, by_pattern: bool, probability: float) -> bool:
        """Whether the topic counts as present, given the patterns' verdict and the best probability."""
        by_model = probability >= self.threshold
        if self.rule == "pattern":
            return by_pattern
        if self.rule == "model":
            return by_model
        if self.rule == "both":
            return by_pattern and by_model
        return by_pattern or by_model


@dataclass(frozen=True)
class TopicModel:
    """Per-topic logistic regressions over sparse sentence features, and each topic's decision rule."""

    topics: tuple[str, ...]
    features: dict[str, int]
    weights: np.ndarray[Any, np.dtype[np.float64]]  # (features, topics)
    intercepts: np.ndarray[Any, np.dtype[np.float64]]  # (topics,)
    decisions: dict[str, Decision]
    meta: dict[str, Any]

    def probabilities(self, rows: list[SentenceRow]) -> np.ndarray[Any, np.dtype[np.float64]]:
        """``(len(rows), len(topics))`` probabilities that each sentence expresses each topic.

        A row's feature values are ``1 / sqrt(number of its features)`` (unit length), as in training.
        """
        z = np.tile(self.intercepts, (len(rows), 1))
        index = self.features
        for r, row in enumerate(rows):
            cols = [i for f in row.features if (i := index.get(f)) is not None]
            if cols:
                z[r] += self.weights[cols].sum(axis=0) / math.sqrt(len(row.features))
        return cast("np.ndarray[Any, np.dtype[np.float64]]", 1.0 / (1.0 + np.exp(-z)))

    def best(self, rows: list[SentenceRow]) -> dict[str, tuple[float, int]]:
        """Each topic's best probability over ``rows`` and that row's index (empty without rows)."""
        if not rows:
            return {}
        probs = self.probabilities(rows)
        # A sentence whose only pattern match for a topic an exclude pattern vetoed ("exclusive
        # jurisdiction", "terminate on notice if the other party breaches") is no evidence for it:
        # the hand-written exclusions know distinctions a bag of words cannot learn from few examples.
        column = {t: j for j, t in enumerate(self.topics)}
        for r, row in enumerate(rows):
            for feature in row.features:
                topic_id = feature[2:]
                if feature.startswith("x:") and topic_id in column and "p:" + topic_id not in row.features:
                    probs[r, column[topic_id]] = 0.0
        top = probs.argmax(axis=0)
        return {t: (float(probs[top[j], j]), int(top[j])) for j, t in enumerate(self.topics)}

    def decide(self, rows: list[SentenceRow], pattern_topics: Collection[str]) -> dict[str, tuple[bool, int]]:
        """For each model topic: present or not, and the best sentence's row index (-1 without rows)."""
        best = self.best(rows)
        decided: dict[str, tuple[bool, int]] = {}
        for t in self.topics:
            probability, row = best.get(t, (0.0, -1))
            decided[t] = (self.decisions[t].present(t in pattern_topics, probability), row)
        return decided

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form: only non-zero weights, as ``feature: [[topic index, weight], …]``."""
        names = sorted(self.features, key=self.features.__getitem__)
        weights: dict[str, list[list[float]]] = {}
        for name in names:
            row = self.weights[self.features[name]]
            pairs = [[j, round(float(w), 4)] for j, w in enumerate(row) if round(float(w), 4) != 0.0]
            if pairs:
                weights[name] = pairs
        return {
            "format": MODEL_FORMAT,
            "meta": self.meta,
            "topics": list(self.topics),
            "intercepts": [round(float(b), 4) for b in self.intercepts],
            "decisions": {t: {"rule": d.rule, "threshold": d.threshold} for t, d in self.decisions.items()},
            "weights": weights,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TopicModel:
        """Rebuild a model written by :meth:`to_json`; ValueError for another format."""
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not an {MODEL_FORMAT} file")
        topics = tuple(data["topics"])
        names = list(data["weights"])
        weights = np.zeros((len(names), len(topics)))
        for i, name in enumerate(names):
            for j, w in data["weights"][name]:
                weights[i, int(j)] = w
        decisions = {t: Decision(d["rule"], float(d["threshold"])) for t, d in data["decisions"].items()}
        return cls(
            topics,
            {name: i for i, name in enumerate(names)},
            weights,
            np.array(data["intercepts"], dtype=float),
            decisions,
            dict(data.get("meta", {})),
        )

    def dumps(self) -> bytes:
        """The model as reproducible gzipped JSON (fixed mtime, sorted keys)."""
        text = json.dumps(self.to_json(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return gzip.compress(text.encode("utf-8"), mtime=0)


@lru_cache(maxsize=1)
def load_model() -> TopicModel:
    """The model shipped with the package (read once)."""
    resource = files("agreementkit.check").joinpath(*MODEL_RESOURCE)
    data = json.loads(gzip.decompress(resource.read_bytes()).decode("utf-8"))
    return TopicModel.from_json(data)


def apply_model(
    found: PatternScan, evidence: dict[str, list[Evidence]], topics: Collection[str] | None
) -> dict[str, list[Evidence]]:
    """The patterns' ``evidence`` after the model's decisions for the topics it knows.

    A topic the model adds gets its best sentence as evidence; a topic it vetoes is dropped.
    """
    model = load_model()
    rows = sentence_rows(found)
    result = dict(evidence)
    for topic_id, (present, r) in model.decide(rows, set(evidence)).items():
        if topics is not None and topic_id not in topics:
            continue
        if not present:
            result.pop(topic_id, None)
        elif r >= 0:
            # the model's best sentence leads: it is the clause that creates the topic, where a
            # pattern's first hit may be a heading or a passing mention
            row = rows[r]
            block = found.blocks[row.block]
            same = len(block.text) == len(found.lowered[row.block])
            s, e = (row.start, row.end) if same else (0, 0)
            best = Evidence(block.location, block_quote(block, s, e))
            others = [ev for ev in result.get(topic_id, []) if ev.location != block.location]
            result[topic_id] = [best, *others][: max(len(result.get(topic_id, [])), 1)]
    return {t.id: result[t.id] for t in compiled_topics() if t.id in result}
