"""Document defects: placeholders left in, empty signature fields, broken cross-references,
numbering gaps, and cover-page amounts or dates that the body contradicts."""

from __future__ import annotations

import itertools
import re

from agreementkit.check.model import Block, Document, Evidence, Finding, block_quote
from agreementkit.check.readers.docx import BOOKMARK_PREFIX

_PLACEHOLDER = re.compile(
    r"\{\{[^{}]{0,80}\}\}|\[\s*(?:TBD|TBC|TBA|待定|待補|填入|insert[^\]]{0,40}|●|•|…)\s*\]|\[\s{0,3}\]|＿{2,}|【[\s　]*】|"
    r"(?<![A-Za-z0-9])XX+(?![A-Za-z0-9])|[○〇]{2,}|\bTBD\b"
)
_SIGNATURE_LINE = re.compile(
    r"^\s*(?:by|name|title|date|signature|signed|its|簽(?:名|章|署)|日期|蓋章|用印|印鑑)\s*[:：]", re.I
)
_SIGNATURE_START = re.compile(r"IN WITNESS WHEREOF|立(?:契約|合約|協議)(?:書)?人|簽署欄|^signatures?$", re.I)
_SIG_FIELD = re.compile(
    r"^\s*(甲方|乙方|公司名稱|名稱|代表人|負責人|法定代理人|統一編號|地址|name|company|title|representative)"
    r"\s*[:：]\s*[_＿\s　]*$",
    re.I,
)
_ZH_NUMS = {"零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_ARTICLE_REF = re.compile(r"第\s*([一二三四五六七八九十百零〇兩0-9]+)\s*條")
_EN_ARTICLE_REF = re.compile(r"\b(?:Article|Section|Clause)\s+(\d{1,3})\b")
_DATE = re.compile(
    r"(?:民國|中華民國)?\s*\d{2,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|"
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s*\d{4}\b"
)
_AMOUNT = re.compile(r"(?:NT\$|US\$|\$|新臺幣|新台幣|USD|TWD)\s*[0-9][0-9,]*(?:\.\d+)?(?:\s*元)?")


def zh_number(text: str) -> int | None:
    """第十二條 → 12; Arabic digits pass through; None if not a number."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _ZH_NUMS:
            current = _ZH_NUMS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def placeholders(doc: Document) -> list[Finding]:
    """Template placeholders and blanks left in the text (signature lines excepted)."""
    out: list[Finding] = []
    for block in doc.blocks:
        if _SIGNATURE_LINE.match(block.text):
            continue
        m = _PLACEHOLDER.search(block.text)
        if m:
            out.append(
                Finding(
                    "blocker",
                    "placeholder",
                    f"leftover placeholder {m.group(0)!r}: fill it in or delete it",
                    evidence=(Evidence(block.location, block_quote(block, m.start(), m.end())),),
                )
            )
    return out[:20]


def empty_signature_fields(doc: Document) -> list[Finding]:
    """Party name / representative lines of the signature block left empty."""
    start = next((i for i, b in enumerate(doc.blocks) if _SIGNATURE_START.search(b.text)), None)
    if start is None:
        return []
    out: list[Finding] = []
    for block in doc.blocks[start:]:
        cells = [c.strip() for c in block.text.split("|")] if block.in_table else [block.text]
        for cell in cells:
            if _SIG_FIELD.match(cell):
                out.append(
                    Finding(
                        "blocker",
                        "empty-signature-field",
                        f"signature block field is empty: {cell.strip().rstrip('：: _＿')}",
                        topic="signatures",
                        evidence=(Evidence(block.location, block_quote(block)),),
                    )
                )
    return out


def broken_references(doc: Document) -> list[Finding]:
    """REF fields to bookmarks that no longer exist, and 第N條 / Article N beyond the last article."""
    out: list[Finding] = []
    for target, location in doc.ref_targets:
        if target.startswith(BOOKMARK_PREFIX) and target not in doc.bookmarks:
            out.append(
                Finding(
                    "blocker",
                    "broken-reference",
                    f"cross-reference to a clause that no longer exists ({target})",
                    evidence=(Evidence(location, _text_at(doc, location.paragraph) or target),),
                )
            )
    articles = _article_numbers(doc.blocks) if not doc.ours else []  # ours: REF fields are exact
    if articles:
        last = max(n for n, _ in articles)
        pattern = _ZH_ARTICLE_REF if doc.language == "zh-TW" else _EN_ARTICLE_REF
        for block in doc.blocks:
            if block.is_heading:
                continue
            for m in pattern.finditer(block.text):
                n = zh_number(m.group(1))
                before = block.text[max(0, m.start() - 12) : m.start()]
                after = block.text[m.end() : m.end() + 12]
                elsewhere = "法" in before or re.match(r"\s*(?:\(\w\))*\s*of\b", after) or "Act" in after
                if n is not None and n > last and not elsewhere:
                    out.append(
                        Finding(
                            "warning",
                            "broken-reference",
                            f"refers to {m.group(0)}, but the document has only {last} articles",
                            evidence=(Evidence(block.location, block_quote(block, m.start(), m.end())),),
                        )
                    )
    return out[:20]


def _text_at(doc: Document, index: int) -> str:
    return block_quote(doc.blocks[index]) if 0 <= index < len(doc.blocks) else ""


def _article_numbers(blocks: list[Block]) -> list[tuple[int, Block]]:
    out: list[tuple[int, Block]] = []
    seen: set[str] = set()
    for block in blocks:
        label = block.location.article
        if not label or label in seen or block.location.clause:
            continue
        if not (block.is_heading or block.text.startswith(label[:2])):
            continue
        m = re.match(r"^(?:第([一二三四五六七八九十百零〇兩0-9]+)條|(?:Article|Section) (\d{1,3}))$", label)
        if not m:
            continue
        n = zh_number(m.group(1)) if m.group(1) else int(m.group(2))
        if n is not None:
            seen.add(label)
            out.append((n, block))
    return out


def numbering_gaps(doc: Document) -> list[Finding]:
    """Typed article numbers that skip or repeat (第三條 after 第一條)."""
    out: list[Finding] = []
    numbers = _article_numbers(doc.blocks)
    for (prev, _), (n, block) in itertools.pairwise(numbers):
        if n != prev + 1 and n > prev:
            out.append(
                Finding(
                    "warning",
                    "numbering-gap",
                    f"article numbering jumps from {prev} to {n}",
                    evidence=(Evidence(block.location, block_quote(block)),),
                )
            )
    return out


def _norm(value: str) -> str:
    return re.sub(r"[\s,，]", "", value)


def cover_mismatches(doc: Document) -> list[Finding]:
    """Dates and amounts on the cover / key-terms table that the body states differently."""
    first_article = next((i for i, b in enumerate(doc.blocks) if b.location.article), None)
    if not first_article:
        return []
    cover, body = doc.blocks[:first_article], doc.blocks[first_article:]
    body_text = _norm("\n".join(b.text for b in body))
    out: list[Finding] = []
    for block in cover:
        parts = re.split(r"\s*[|：:]\s*", block.text, maxsplit=1)
        if len(parts) != 2 or not 2 <= len(parts[0]) <= 20:
            continue
        label, value = parts
        for pattern in (_DATE, _AMOUNT):
            m = pattern.search(value)
            if not m or _norm(m.group(0)) in body_text:
                continue
            key = re.sub(r"(?:日期|金額|期間|日|date|amount)$", "", label.strip(), flags=re.I)
            key = key[:2] if re.match(r"[\u4e00-\u9fff]", key) else key[:12]
            if len(key) < 2:
                continue
            for other in body:
                if key.lower() in other.text.lower():
                    m2 = pattern.search(other.text)
                    if m2 and _norm(m2.group(0)) != _norm(m.group(0)):
                        out.append(
                            Finding(
                                "blocker",
                                "cover-mismatch",
                                f"{label.strip()}: the cover says {m.group(0)!r} but the body says {m2.group(0)!r}",
                                evidence=(
                                    Evidence(block.location, block_quote(block)),
                                    Evidence(other.location, block_quote(other, m2.start(), m2.end())),
                                ),
                            )
                        )
                        break
    return out


def find_defects(doc: Document) -> list[Finding]:
    """Every document defect."""
    return [
        *placeholders(doc),
        *empty_signature_fields(doc),
        *broken_references(doc),
        *numbering_gaps(doc),
        *cover_mismatches(doc),
    ]
