"""Column widths that never split a word: a table's proportions, widened where a word needs it.

A schedule table gives its columns as proportions. In a narrow column a header such as "Period"
or an amount such as "NT$3,500,000" does not fit and the renderer breaks it mid-word ("Peri/od").
:func:`fit_widths` estimates the widest unbreakable word of each column (CJK characters count
one em, Latin letters about half) and gives that column at least that much, taking the space
from columns that have room to spare.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

# Words a line may not break inside: runs of non-space characters up to a hyphen (a line may
# break after one), except that each CJK ideograph (and CJK punctuation) is a word of its own.
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_WORDS = re.compile(rf"[{_CJK}]|[^\s{_CJK}-]+-?|-")
_NARROW = set("ilj.,:;'|!()[]{}/-")


def text_width_em(word: str) -> float:
    """Approximate width of ``word`` in em of the table's font."""
    width = 0.0
    for ch in word:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            width += 1.0
        elif ch in _NARROW:
            width += 0.3
        elif ch in "mwMW%@":
            width += 0.85
        elif ch.isupper() or ch == "$":
            width += 0.68
        else:
            width += 0.55
    return width


def widest_word_em(texts: Iterable[str]) -> float:
    """The widest unbreakable word among ``texts``, in em."""
    return max((text_width_em(w) for t in texts for w in _WORDS.findall(t)), default=0.0)


def fit_widths(
    proportions: Sequence[float],
    columns: Sequence[Iterable[str]],
    total_mm: float,
    font_mm: float,
    padding_mm: float,
) -> list[float]:
    """Column widths in mm summing to ``total_mm``: ``proportions``, raised so each column's widest
    word fits (``font_mm`` is the font size, ``padding_mm`` a cell's left + right padding)."""
    n = len(proportions)
    if n == 0:
        return []
    given = [p if p > 0 else 0.0 for p in proportions]
    scale = sum(given) or float(n)
    widths = [total_mm * (p if sum(given) else 1.0) / scale for p in given]
    need = [widest_word_em(col) * font_mm + padding_mm + 0.5 for col in columns]
    if sum(need) >= total_mm:  # cannot fit every word: share the width by need
        return [total_mm * x / sum(need) for x in need]
    for _ in range(n):
        short = [i for i in range(n) if widths[i] < need[i] - 1e-9]
        if not short:
            break
        deficit = sum(need[i] - widths[i] for i in short)
        for i in short:
            widths[i] = need[i]
        slack = {i: widths[i] - need[i] for i in range(n) if i not in short and widths[i] > need[i]}
        room = sum(slack.values())
        for i, s in slack.items():
            widths[i] -= deficit * s / room
    return widths
