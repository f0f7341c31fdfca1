"""Simplified Chinese is read as Traditional: the patterns are written for 條, 終止, 軟體, not 条, 终止, 软件.

A document whose Han characters are largely Simplified is converted with OpenCC (``s2twp``:
Simplified to Taiwan Traditional, with Taiwanese phrasing such as 軟體 for 软件) before headings
are recognised and topics classified; each block keeps its text as written, and evidence quotes
that (see :func:`agreementkit.check.model.block_quote`). Traditional text is never converted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import Any

_HAN = re.compile("[\u4e00-\u9fff]")
# Share of Han characters that have another form in Traditional Chinese above which a text is
# Simplified: real Traditional contracts measure about 0.004, Simplified ones 0.30-0.39.
SIMPLIFIED_SHARE = 0.05
MIN_HAN = 50


@lru_cache(maxsize=2)
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def simplified_share(sample: str) -> float:
    """Share of the Han characters of ``sample`` that OpenCC would write differently in Traditional."""
    counts = Counter(_HAN.findall(sample))
    total = sum(counts.values())
    if not total:
        return 0.0
    chars = list(counts)
    # one character a line, so each is converted alone (no phrase spans two of them)
    converted = _converter("s2t").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        return 0.0
    changed = sum(counts[c] for c, t in zip(chars, converted, strict=True) if c != t)
    return changed / total


def simplified_converter(sample: str) -> Callable[[str], str] | None:
    """The Simplified → Traditional conversion to apply, when ``sample`` is Simplified Chinese; else None.

    None as well when OpenCC is not installed (the text is then classified as written).
    """
    if len(_HAN.findall(sample)) < MIN_HAN:
        return None
    try:
        if simplified_share(sample) < SIMPLIFIED_SHARE:
            return None
        convert: Callable[[str], str] = _converter("s2twp").convert
    except ImportError:
        return None
    return convert
