"""Simplified Chinese is read as Traditional: the patterns are written for 條, 終止, 軟體, not 条, 终止, 软件.

A document whose Han characters are largely Simplified is converted with OpenCC (``s2twp``:
Simplified to Taiwan Traditional, with Taiwanese phrasing such as 軟體 for 软件) before headings
are recognised and topics classified; each block keeps its text as written, and evidence quotes
that (see :func:`agreementkit.check.model.block_quote`). Traditional text is never converted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

_HAN = re.compile("[\u4e00-\u9fff]")
# Frequent characters of contracts that exist only in Simplified Chinese (each one OpenCC writes
# differently in Traditional; ambiguous ones such as 于, 准, 余, 内, 户 are left out). Telling the
# script by them needs no converter: a Traditional document never loads OpenCC.
SIMPLIFIED_ONLY = frozenset(
    "这们个为来说时会对发经与产业务员关动实现进过还没无从话国买卖价额费货运输传报证书数据计划设备质签订终负"
    "损赔偿纠纷争讼诉双协议条约应该权责违间级结统织术场开问题样长门见车东两边点线电网络联认识让转达选择专须"
    "规则项单账帐总币汇种类处义状态标销库仓储坏险竞环节优积极组扩广资审确盖复执许担办营"
)
# Share of Han characters from that set above which a text is Simplified: the 10 real contracts of
# zh-dev measure 0.18-0.28 in Simplified and 0.0 in Traditional, as do all our Traditional texts.
SIMPLIFIED_SHARE = 0.05
MIN_HAN = 50
# Words s2twp renders with a Taiwanese term of another meaning for the checker: 审核 (review,
# approve) would become 稽核 (audit), which names audit rights. Written in Traditional first,
# OpenCC leaves them as they are.
KEEP_MEANING = {"审核": "審核"}


@lru_cache(maxsize=2)
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def simplified_share(sample: str) -> float:
    """Share of the Han characters of ``sample`` that only Simplified Chinese writes (see :data:`SIMPLIFIED_ONLY`)."""
    han = _HAN.findall(sample)
    return sum(1 for c in han if c in SIMPLIFIED_ONLY) / len(han) if han else 0.0


def simplified_converter(sample: str) -> Callable[[str], str] | None:
    """The Simplified → Traditional conversion to apply, when ``sample`` is Simplified Chinese; else None.

    None as well when OpenCC is not installed (the text is then classified as written).
    """
    if len(_HAN.findall(sample)) < MIN_HAN or simplified_share(sample) < SIMPLIFIED_SHARE:
        return None
    try:
        opencc_convert: Callable[[str], str] = _converter("s2twp").convert
    except ImportError:
        return None

    def convert(text: str) -> str:
        for simplified, traditional in KEEP_MEANING.items():
            text = text.replace(simplified, traditional)
        return opencc_convert(text)

    return convert
