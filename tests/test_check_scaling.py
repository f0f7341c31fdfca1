"""The checker stays linear in input size: sentence lookups by bisection, long paragraphs split."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agreementkit.check import patterns
from agreementkit.check.model import Block
from agreementkit.check.patterns import Sentences
from agreementkit.check.structure import (
    SPLIT_CHARS,
    RawParagraph,
    build_blocks,
    is_cjk,
    join_lines,
    split_long,
)

_END = patterns._SENTENCE_END
_ENUM = patterns._ENUMERATOR


def reference_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a match as the scan first defined it (a rescan from the text's start)."""
    lo = 0
    for m in _END.finditer(text, 0, start):
        lo = m.end()
    m2 = _END.search(text, end)
    return lo, (m2.end() if m2 else len(text))


def reference_item(text: str, start: int, end: int) -> tuple[int, int]:
    lo, hi = reference_bounds(text, start, end)
    head = lo
    for m in _ENUM.finditer(text, lo, start):
        head = m.start()
    tail = _ENUM.search(text, end, hi)
    return head, (tail.start() if tail else hi)


# texts built from the pieces that matter: sentence marks, abbreviations, enumerators, spaces
_PIECES = st.sampled_from(
    ["a", "no", "No", "x", "word", " ", "  ", "\n", ".", ";", "。", "；", "(i) ", "(ii)", "(a) ", "(12) ", ",", ":", "e.g.", "3.5"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.data())
def test_bisection_bounds_equal_the_rescan(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    found = Sentences(text)
    assert found.bounds(start, end) == reference_bounds(text, start, end)
    assert found.item(start, end) == reference_item(text, start, end)


def test_bounds_on_a_real_sentence() -> None:
    text = "This Agreement may be terminated. Either party may (i) terminate on notice; or (ii) not."
    m = re.search("terminate on", text)
    assert m is not None
    lo, hi = Sentences(text).bounds(m.start(), m.end())
    assert text[lo:hi] == " Either party may (i) terminate on notice;"
    head, tail = Sentences(text).item(m.start(), m.end())
    assert text[head:tail] == "(i) terminate on notice;"


def reference_join(lines: list[str]) -> str:
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
        elif is_cjk(out[-1]) or is_cjk(line[0]):
            out += line
        elif out.endswith("-") and out[-2:-1].isalpha() and line[0].islower():
            out = out[:-1] + line
        else:
            out += " " + line
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["-", "a-", "termi-", "nation", "本契約", "x", "", "  ", "B", "--", "a", "。"]), max_size=12))
def test_join_lines_equals_plain_concatenation(lines: list[str]) -> None:
    assert join_lines(lines) == reference_join(lines)


class _CountingPattern:
    """Delegates to a compiled pattern and adds up how many characters each call was asked to scan."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scanned = 0

    def _count(self, text: str, pos: int = 0, endpos: int | None = None) -> None:
        self.scanned += (len(text) if endpos is None else min(endpos, len(text))) - pos

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        self._count(text, pos, endpos)
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        self._count(text, pos, endpos)
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        self._count(text, pos, endpos)
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos)


def _one_paragraph(sentences: int) -> list[Block]:
    sentence = (
        "The Distributor shall not assign or transfer this Agreement without the prior written consent of the "
        "Supplier, and either party may terminate this Agreement for convenience upon ninety days notice; "
    )
    return build_blocks([RawParagraph(sentence * sentences)])


def test_sentence_bounds_are_found_once_per_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sentence ends are scanned a bounded number of times per character, not once per match."""
    blocks = _one_paragraph(90)  # ~18,000 characters in one block, hundreds of matches
    assert len(blocks) == 1
    counter = _CountingPattern(patterns._SENTENCE_END)
    monkeypatch.setattr(patterns, "_SENTENCE_END", counter)
    found = patterns.scan(blocks)
    assert sum(len(m) for m in found.matches.values()) + sum(len(m) for m in found.excluded.values()) > 100
    # the rescan-per-match code asked for ~100x the text; finding the ends once costs ~1x per source text
    assert counter.scanned <= 4 * len(blocks[0].text)


def test_long_paragraph_becomes_bounded_blocks_with_all_its_text() -> None:
    blocks = _one_paragraph(1000)  # ~200,000 characters
    assert all(len(b.text) <= SPLIT_CHARS for b in blocks)
    assert len(blocks) >= 40
    assert "".join(b.text for b in blocks).replace(" ", "") == _one_paragraph(1)[0].text.replace(" ", "") * 1000
    assert [b.location.paragraph for b in blocks] == list(range(len(blocks)))


def test_split_long_without_spaces_or_punctuation() -> None:
    text = "甲" * 45_000
    pieces = split_long(text, 20_000)
    assert [len(p) for p in pieces] == [20_000, 20_000, 5_000]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .;。\n"), max_size=400), st.integers(10, 60))
def test_split_long_keeps_every_character(text: str, limit: int) -> None:
    pieces = split_long(text, limit)
    assert all(len(p) <= limit for p in pieces)
    assert "".join(pieces).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
