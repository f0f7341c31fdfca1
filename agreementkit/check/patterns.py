"""Pattern scan for clause topics: bilingual heading vocabularies and body patterns.

English text is lower-cased once and indexed by word; a topic's patterns run only on the
paragraphs that hold one of its key words (see :data:`agreementkit.check.vocab.KEYS`), so a
100-page contract is classified in well under half a second. Each match is checked against
the topic's exclude / require patterns within its sentence and kept as evidence (location
and a short quote).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from agreementkit.check.model import Block, Evidence, block_quote
from agreementkit.check.structure import parse_heading
from agreementkit.check.vocab import KEYS, VOCAB

MAX_EVIDENCE = 3
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ENUMERATOR = re.compile(r"(?:^|(?<=[\s,;:]))\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s")
_SENTENCE_END = re.compile(r"(?<!\b[A-Za-z])(?<!\bno)(?<!\bNo)[.;](?=\s|$)|[。；]")


def lower_pattern(pattern: str) -> str:
    """Lower-case a pattern's literal text, leaving escapes (``\\b``, ``\\S`` …) untouched."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


class CompiledTopic:
    """One topic's patterns, each compiled the first time it is used (English ones for lower-cased text).

    Compiling every topic's patterns up front cost a cold ``check`` about half its start-up;
    a Chinese scan never needs the English patterns, and exclude / require patterns are only
    needed once a body pattern matched. Each pattern is compiled once per process.
    """

    def __init__(self, topic_id: str, entry: Mapping[str, list[str]], keys: tuple[str, ...]) -> None:
        self.id = topic_id
        self.keys = keys
        self._entry = entry

    @cached_property
    def heading(self) -> re.Pattern[str] | None:
        """Heading words (any case)."""
        return _alt(self._entry.get("heading", []), re.I)

    @cached_property
    def en(self) -> re.Pattern[str] | None:
        """English body patterns, lower-cased to run on lower-cased text."""
        return _alt(self._entry.get("en", []), re.M, lower=True)

    @cached_property
    def zh(self) -> re.Pattern[str] | None:
        """Chinese body patterns."""
        return _alt(self._entry.get("zh", []), re.M)

    @cached_property
    def support(self) -> re.Pattern[str] | None:
        """Chinese wording a heading's section must hold for the heading alone to show the topic."""
        return _alt(self._entry.get("support", []), re.M)

    @cached_property
    def exclude(self) -> re.Pattern[str] | None:
        """Words that veto a match in the same sentence / item."""
        return _alt(self._entry.get("exclude", []), re.I)

    @cached_property
    def require(self) -> re.Pattern[str] | None:
        """Words a match's sentence must hold."""
        return _alt(self._entry.get("require", []), re.I)

    @property
    def has_en(self) -> bool:
        """Whether the topic has English body patterns (without compiling them)."""
        return bool(self._entry.get("en"))


def _alt(patterns: Iterable[str], flags: int = 0, lower: bool = False) -> re.Pattern[str] | None:
    items = [lower_pattern(p) if lower else p for p in patterns]
    return re.compile("|".join(f"(?:{p})" for p in items), flags) if items else None


@lru_cache(maxsize=1)
def compiled_topics() -> tuple[CompiledTopic, ...]:
    """Every topic of :data:`VOCAB`, in order; each pattern compiles lazily on first use."""
    return tuple(CompiledTopic(topic_id, entry, KEYS.get(topic_id, ())) for topic_id, entry in VOCAB.items())


class Sentences:
    """Sentence and enumerated-item boundaries of one text, found once; each lookup is a bisection.

    A sentence ends at ``.``/``;``/``。``/``；`` (abbreviations kept); an item starts at an
    enumerator such as ``(ii)``. Finding them once per text keeps the scan linear however long a
    paragraph is (a lookup that rescanned the text from its start was quadratic).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # every sentence-end mark is one character, so its position is enough
        self.marks = [m.start() for m in _SENTENCE_END.finditer(text)]
        enumerators = [(m.start(), m.end()) for m in _ENUMERATOR.finditer(text)]
        self.item_starts = [s for s, _ in enumerators]
        self.item_ends = [e for _, e in enumerators]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """``(lo, hi)`` of the sentence around ``text[start:end]``."""
        text = self.text
        # a mark just before ``start`` ends a sentence even when no space follows it (as when
        # the text were cut at ``start``)
        if start > 0 and _SENTENCE_END.match(text, start - 1, start):
            lo = start
        else:
            i = bisect.bisect_left(self.marks, start) - 1
            lo = self.marks[i] + 1 if i >= 0 else 0
        j = bisect.bisect_left(self.marks, end)
        hi = self.marks[j] + 1 if j < len(self.marks) else len(text)
        return lo, hi

    def item(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around a match, narrowed to its enumerated item ("(i) …, or (ii) …").

        A list such as "may terminate (i) upon 30 days' notice, or (ii) if the other party
        breaches" holds separate conditions; an exclude word in another item says nothing about
        this one.
        """
        lo, hi = self.bounds(start, end)
        head = lo
        k = bisect.bisect_right(self.item_ends, start) - 1  # last enumerator ending by ``start``
        if k >= 0 and self.item_starts[k] >= lo:
            head = self.item_starts[k]
        n = bisect.bisect_left(self.item_starts, end)  # first enumerator from ``end`` on
        tail = self.item_starts[n] if n < len(self.item_starts) and self.item_ends[n] <= hi else hi
        return head, tail


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, ends at ``.``/``;``/``。``/``；`` (abbreviations kept)."""
    spans: list[tuple[int, int]] = []
    lo = 0
    for m in _SENTENCE_END.finditer(text):
        if text[lo : m.end()].strip():
            spans.append((lo, m.end()))
        lo = m.end()
    if text[lo:].strip():
        spans.append((lo, len(text)))
    return spans


def heading_text(block: Block) -> str | None:
    """The heading a block shows: the whole block when it is a heading, else an inline title."""
    if block.is_heading and len(block.text) <= 120:
        return block.text
    if len(block.text) > 40:
        found = parse_heading(block.text)
        if found is not None and found.title:
            return found.title
    return None


#: How far a heading's section is read for supporting wording (blocks, characters).
SECTION_BLOCKS = 40
SECTION_CHARS = 20_000


def section_text(blocks: list[Block], bi: int) -> str:
    """The text of the section a heading block opens: itself and what follows, to the next heading.

    An article heading's section runs to the next article (its titled clauses included); a
    clause heading's to the next heading of any level.
    """
    head = blocks[bi]
    article = head.location.article
    is_article = article is not None and head.location.clause is None
    parts = [head.text]
    size = len(head.text)
    for block in blocks[bi + 1 : bi + 1 + SECTION_BLOCKS]:
        if block.location.article != article:
            break
        if block.is_heading and (not is_article or block.location.clause is None):
            break
        parts.append(block.text)
        size += len(block.text)
        if size >= SECTION_CHARS:
            break
    return "\n".join(parts)


#: A paragraph longer than this (text without breaks: an extracted PDF, a pasted contract) is
#: searched only near its keys, sentence by sentence, instead of whole by every topic's pattern.
LONG_BLOCK = 2_000


def key_windows(text: str, keys: tuple[str, ...], sentences: Sentences) -> list[tuple[int, int]]:
    """Merged ``(lo, hi)`` spans of ``text`` that can hold a match of a pattern whose matches all contain a key.

    Each span is the sentence around a key occurrence and one sentence either side of it: every
    match contains a key and a pattern stays inside a sentence (``[^.;]``), so a match lies in a
    span, while the text between spans is never searched.
    """
    spans: list[tuple[int, int]] = []
    size = len(text)
    for key in keys:
        i = text.find(key)
        while i != -1:
            lo, sentence_end = sentences.bounds(i, i + len(key))
            hi = sentence_end
            if lo > 0:
                lo = sentences.bounds(lo - 1, lo - 1)[0]
            if hi < size:
                hi = sentences.bounds(hi, hi)[1]
            spans.append((lo, hi))
            # later occurrences in the same sentence would give the same span
            i = text.find(key, max(i + 1, sentence_end))
    return merge_spans(spans)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(lo, hi)`` spans sorted, with overlapping or touching ones merged into one."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


class _KeyIndex:
    """Which paragraphs contain a given key anywhere (fast ``str.find`` over all text)."""

    def __init__(self, lowered: list[str]) -> None:
        self.starts: list[int] = []
        pos = 0
        for text in lowered:
            self.starts.append(pos)
            pos += len(text) + 1
        self.full = "\n".join(lowered)
        self.cache: dict[str, set[int]] = {}

    def _blocks_with(self, key: str) -> set[int]:
        if key not in self.cache:
            hits: set[int] = set()
            full, starts = self.full, self.starts
            i = full.find(key)
            while i != -1:
                block = bisect.bisect_right(starts, i) - 1
                hits.add(block)
                i = full.find(key, starts[block + 1]) if block + 1 < len(starts) else -1
            self.cache[key] = hits
        return self.cache[key]

    def blocks(self, keys: tuple[str, ...]) -> list[int]:
        hits: set[int] = set()
        for key in keys:
            hits |= self._blocks_with(key)
        return sorted(hits)


@dataclass(frozen=True)
class PatternMatch:
    """One accepted pattern match: the topic, the block it is in, and where in the block's text."""

    topic: str
    block: int
    start: int
    end: int


@dataclass
class PatternScan:
    """Every heading and body-pattern match of the requested topics in one document."""

    blocks: list[Block]
    lowered: list[str]
    use_en: bool
    use_zh: bool
    heading_hits: dict[str, int] = field(default_factory=dict)
    matches: dict[str, list[PatternMatch]] = field(default_factory=dict)
    # matches that an exclude pattern vetoed (the learned model reads them as a signal)
    excluded: dict[str, list[PatternMatch]] = field(default_factory=dict)

    def evidence(self, max_evidence: int = MAX_EVIDENCE) -> dict[str, list[Evidence]]:
        """Topics found, each with its evidence: the heading first, then one match per paragraph."""
        found: dict[str, list[Evidence]] = {}
        for topic_id in {*self.heading_hits, *self.matches}:
            evidence: list[Evidence] = []
            seen: set[int] = set()
            if topic_id in self.heading_hits:
                bi = self.heading_hits[topic_id]
                evidence.append(Evidence(self.blocks[bi].location, block_quote(self.blocks[bi])))
                seen.add(bi)
            for m in self.matches.get(topic_id, ()):
                if len(evidence) >= max_evidence:
                    break
                if m.block in seen:
                    continue
                seen.add(m.block)
                original = self.blocks[m.block].text
                same = not self.use_en or len(original) == len(self.lowered[m.block])
                s, e = (m.start, m.end) if same else (0, 0)
                evidence.append(
                    Evidence(self.blocks[m.block].location, block_quote(self.blocks[m.block], s, e))
                )
            found[topic_id] = evidence
        return {t.id: found[t.id] for t in compiled_topics() if t.id in found}


def scan(
    blocks: list[Block],
    topics: Collection[str] | None = None,
    skip_blocks: Collection[int] = (),
    use_keys: bool = True,
) -> PatternScan:
    """Run the heading and body patterns of ``topics`` (default: all) over ``blocks``.

    Blocks whose index is in ``skip_blocks`` are left out (e.g. text already attributed to a
    topic by a clause bookmark); :attr:`PatternScan.blocks` holds the ones kept.
    ``use_keys=False`` searches every paragraph (for tests of the key pre-filter).
    """
    kept = [b for i, b in enumerate(blocks) if i not in skip_blocks]
    texts = [b.text for b in kept]
    sample = "\n".join(texts[:300])[:50000]
    cjk = len(_CJK.findall(sample))
    use_zh = cjk >= 20
    use_en = not use_zh or len(re.findall(r"[A-Za-z]{3,}", sample)) > 2 * cjk
    lowered = [t.lower().replace("\u2010", "-").replace("\u2011", "-") for t in texts] if use_en else []
    result = PatternScan(kept, lowered, use_en, use_zh)
    index = _KeyIndex(lowered) if use_en and use_keys else None
    headings = [(i, h) for i, b in enumerate(kept) if (h := heading_text(b))]
    everything = list(range(len(kept)))
    heading_blocks = {i for i, b in enumerate(kept) if b.is_heading and len(b.text) <= 120}
    sections: dict[int, str] = {}

    def section(bi: int) -> str:
        if bi not in sections:
            sections[bi] = section_text(kept, bi)
        return sections[bi]
    found_sentences: dict[tuple[int, int], Sentences] = {}

    def sentences(source: list[str], bi: int) -> Sentences:
        key = (id(source), bi)
        if key not in found_sentences:
            found_sentences[key] = Sentences(source[bi])
        return found_sentences[key]

    for rule in compiled_topics():
        if topics is not None and rule.id not in topics:
            continue
        support = rule.support if use_zh else None
        if rule.heading is not None:
            # In Chinese, a heading is no provision ("智慧財產權" over a section on using each other's
            # marks): for a topic with supporting wording (``support`` in the vocabulary), its heading
            # counts only when the section under it holds that wording.
            for i, head in headings:
                if rule.heading.search(head) and (support is None or support.search(section(i))):
                    result.heading_hits[rule.id] = i
                    break
        # (pattern, texts, blocks to search, keys every match holds: () when the pass has none)
        passes: list[tuple[re.Pattern[str], list[str], list[int], tuple[str, ...]]] = []
        if use_en and rule.has_en:
            candidates = index.blocks(rule.keys) if index is not None and rule.keys else everything
            if candidates and rule.en is not None:  # compiled only when some paragraph may match
                passes.append((rule.en, lowered, candidates, rule.keys if index is not None else ()))
        if use_zh and rule.zh is not None:
            zh_blocks = everything
            if support is not None:
                # a body pattern matching a heading's own words ("十、競業限制之解除") is the heading again:
                # it counts only as the heading does, when the section under it holds supporting wording
                zh_blocks = [i for i in everything if i not in heading_blocks or support.search(section(i))]
            passes.append((rule.zh, texts, zh_blocks, ()))
        hits: list[PatternMatch] = []
        vetoed: list[PatternMatch] = []
        for pattern, source, candidates, keys in passes:
            for bi in candidates:
                text = source[bi]
                # each item / sentence is tested once per topic, however many matches it holds
                excluded: dict[tuple[int, int], bool] = {}
                required: dict[tuple[int, int], bool] = {}
                windows = (
                    key_windows(text, keys, sentences(source, bi))
                    if keys and len(text) > LONG_BLOCK
                    else [(0, len(text))]
                )
                for m in (m for lo, hi in windows for m in pattern.finditer(text, lo, hi)):
                    if rule.exclude is not None:
                        span = sentences(source, bi).item(m.start(), m.end())
                        if span not in excluded:
                            excluded[span] = rule.exclude.search(text[span[0] : span[1]]) is not None
                        if excluded[span]:
                            vetoed.append(PatternMatch(rule.id, bi, m.start(), m.end()))
                            continue
                    if rule.require is not None:
                        span = sentences(source, bi).bounds(m.start(), m.end())
                        if span not in required:
                            required[span] = rule.require.search(text[span[0] : span[1]]) is not None
                        if not required[span]:
                            continue
                    hits.append(PatternMatch(rule.id, bi, m.start(), m.end()))
        if hits:
            result.matches[rule.id] = hits
        if vetoed:
            result.excluded[rule.id] = vetoed
    return result
