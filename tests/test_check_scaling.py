"""The checker stays linear in input size: sentence lookups by bisection, long paragraphs split."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from agreementkit.check import patterns
from agreementkit.check.patterns import Sentences
from agreementkit.check.structure import is_cjk, join_lines

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
