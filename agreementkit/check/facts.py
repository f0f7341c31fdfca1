"""Facts about a document that conditional playbook rules test (exclusive, profit sharing …)."""

from __future__ import annotations

import bisect
import re

from agreementkit.check.model import Document, Evidence, TopicResult, block_quote
from agreementkit.check.patterns import merge_spans

_PATTERNS: dict[str, re.Pattern[str]] = {
    "personal_data": re.compile(
        r"個人資料|個資|客戶(?:資料|名單|資訊)|消費者資料|personal (?:data|information)|customer (?:data|lists?|information)|"
        r"end[- ]user (?:data|information)|personally identifiable",
        re.I,
    ),
    "franchise_like": re.compile(
        r"加盟(?:金|費|主|店|體系)|franchise fee|initial (?:franchise )?fee|franchisor|franchisee|"
        r"(?:使用|授權)[^。]{0,20}(?:商標|品牌)[^。]{0,30}(?:經營(?:技術|模式|系統|know-how)|營運系統)",
        re.I,
    ),
    "cure_period": re.compile(
        r"cure period|(?:to|and) cure|remed(?:y|ied) within|improvement plan|限期(?:改正|改善|補正)|改善(?:期|計畫)|補正期",
        re.I,
    ),
    "prevailing_language": re.compile(r"(?:中文|英文)(?:版本)?為準|prevail|control(?:s|ling)? in (?:the )?(?:event|case)", re.I),
    "resale_price": re.compile(
        r"(?:轉售|零售|銷售|售)價[^。]{0,20}(?:不得(?:低於|高於)|應(?:依|按|遵守|維持)|須(?:依|按))|"
        r"(?:不得|禁止)[^。]{0,20}(?:低於|高於)[^。]{0,20}(?:建議|指定|約定)?售價|"
        r"(?:shall|will|must|may) not (?:re)?sell[^.;]{0,60}(?:below|above|less than|more than)[^.;]{0,40}price|"
        r"minimum (?:resale|advertised) price|(?:re)?sell[^.;]{0,40}at (?:the )?(?:prices?|rates?) (?:set|fixed|determined|specified) by",
        re.I,
    ),
    "agency": re.compile(r"代辦商|以甲方名義|in the name of (?:the )?(?:supplier|company|principal)|on behalf of the principal", re.I),
}


_HAN = re.compile("[\u4e00-\u9fff]")
_ASCII_LETTER = re.compile("[A-Za-z]")

_KEYS: dict[str, tuple[str, ...]] = {
    "personal_data": ("個人資料", "個資", "客戶", "消費者", "personal", "customer", "end-user", "end user"),
    "franchise_like": ("加盟", "franchis", "initial fee", "經營", "營運系統"),
    "cure_period": ("cure", "remed", "improvement plan", "限期", "改善", "補正"),
    "prevailing_language": ("為準", "prevail", "control"),
    "resale_price": ("價", "sell", "resale", "advertised price"),
    "agency": ("代辦商", "名義", "in the name of", "on behalf of the principal"),
}


#: No match of a fact pattern is longer than this (``tests/test_check_facts_windows.py`` checks it),
#: so every match lies within this many characters of a key it contains.
MAX_MATCH = 400


def _windows(lowered: str, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    """Merged spans of ``lowered`` within :data:`MAX_MATCH` characters of a key occurrence."""
    spans: list[tuple[int, int]] = []
    for key in keys:
        i = lowered.find(key)
        while i != -1:
            spans.append((max(0, i - MAX_MATCH), min(len(lowered), i + len(key) + MAX_MATCH)))
            i = lowered.find(key, i + len(key) + MAX_MATCH)  # later ones here give the same span
    return merge_spans(spans)


def first_match(pattern: re.Pattern[str], full: str, lowered: str, keys: tuple[str, ...]) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``full``, searched only near ``keys`` (every match holds one).

    The same match a search of the whole text finds: windows are disjoint and in order, each reaches
    :data:`MAX_MATCH` characters past its keys, and a match is shorter than that. Where lower-casing
    changed the text's length the offsets would not agree, and the whole text is searched.
    """
    if len(lowered) != len(full):
        return pattern.search(full)
    for lo, hi in _windows(lowered, keys):
        m = pattern.search(full, lo, hi)
        if m:
            return m
    return None


def document_facts(doc: Document, topics: list[TopicResult]) -> dict[str, list[Evidence]]:
    """Facts that hold for ``doc`` with evidence (topic evidence or a matching paragraph)."""
    present = {t.id: t.evidence for t in topics if t.present}
    facts: dict[str, list[Evidence]] = {}
    for fact, topic_ids in {
        "exclusive": ("exclusivity",),
        "profit_sharing": ("revenue_sharing", "mdf"),
        "kpis": ("kpi_targets",),
        "kpi_termination": ("kpi_termination",),
        "non_compete": ("non_compete",),
    }.items():
        for tid in topic_ids:
            if tid in present:
                facts[fact] = present[tid]
                break
    texts = [b.text for b in doc.blocks]
    starts: list[int] = []
    pos = 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    full = "\n".join(texts)
    lowered = full.lower()
    for fact, pattern in _PATTERNS.items():
        m = first_match(pattern, full, lowered, _KEYS[fact])
        if m:
            bi = bisect.bisect_right(starts, m.start()) - 1
            block = doc.blocks[bi]
            facts[fact] = [Evidence(block.location, block_quote(block, m.start() - starts[bi], m.end() - starts[bi]))]
    head = "\n".join(b.text for b in doc.blocks[:200])
    cjk = len(_HAN.findall(head))
    latin = len(_ASCII_LETTER.findall(head))
    if cjk > 500 and latin > 2000:
        facts["bilingual"] = []
    if "expiration" not in present:
        facts["no_fixed_term"] = []
    return facts
