"""Language detection and heading recognition shared by every reader.

Readers hand over paragraphs in reading order; :func:`build_blocks` recognises article and
clause headings in both languages (第五條、一、 / ARTICLE 5, Section 5, 5. Term, 5.2 …) and
gives each block its location: article label and heading, clause number, paragraph index, page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from agreementkit.check.model import Block, Location

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_ZH_NUM = "一二三四五六七八九十百零〇兩0-9０-９"

# 第五條, also bracketed as 【第五條 價格】
_ZH_ARTICLE = re.compile(rf"^\s*【?\s*第\s*([{_ZH_NUM}]+)\s*條\s*[：:、．.　 ]*(.*?)】?\s*$", re.S)
# 壹、貳、參 … : the financial numerals many Taiwanese contracts number their articles with
_ZH_UPPER = re.compile(r"^\s*([壹貳參叁肆伍陸柒捌玖拾]{1,3})\s*[、．.]\s*(.*)$", re.S)
_ZH_CHAPTER = re.compile(rf"^\s*第\s*([{_ZH_NUM}]+)\s*[章節]\s*[：:、．.　 ]*(.*)$", re.S)
_ZH_ITEM = re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、．]\s*(.*)$", re.S)
_EN_ARTICLE = re.compile(r"^\s*(ARTICLE|Article|SECTION|Section|CLAUSE|Clause)\s+(\d{1,3}|[IVXLC]{1,6})(?:\.0)?\b\.?[:\s.\-–—]*(.*)$", re.S)
_EN_NUM = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+(.*)$", re.S)
_EN_SUB = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(.*)$", re.S)
_ANNEX = re.compile(
    r"^\s*((?:附件|附表|附錄)\s*[一二三四五六七八九十0-9A-Za-z]*|(?:SCHEDULE|Schedule|EXHIBIT|Exhibit|ANNEX|Annex|"
    r"APPENDIX|Appendix|ATTACHMENT|Attachment)\s*[A-Z0-9]{0,4}\b)[\s:：.\-–—]*(.*)$",
    re.S,
)
_PAGE_NUMBER = re.compile(r"(?:-\s*)?\d{1,4}(?:\s*-)?|(?:Page|PAGE) \d+(?: of \d+)?|第\s*\d+\s*頁.*")
_INLINE_TITLE = re.compile(r"^([A-Z][A-Za-z'’/&,\- ]{2,70}?)[.:]\s+\S")


def detect_language(text: str) -> str:
    """'zh-TW' when Chinese characters dominate the sample, else 'en'."""
    sample = text[:20000]
    cjk = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "zh-TW" if cjk and cjk * 4 >= latin * 0.5 else "en"


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a CJK ideograph or full-width punctuation (no space when joining lines)."""
    return bool(_CJK.match(char)) or "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef"


def join_lines(lines: Iterable[str]) -> str:
    """Join wrapped lines of one paragraph: no space between CJK characters, one space otherwise."""
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


@dataclass(frozen=True)
class Heading:
    """A recognised heading: level 1 article / annex, level 2 clause; label and title."""

    level: int
    label: str
    title: str | None
    inline: bool  # True when body text follows the heading in the same paragraph


def _short_title(rest: str) -> tuple[str | None, bool]:
    rest = rest.strip()
    if not rest:
        return None, False
    if len(rest) <= 40 and not re.search(r"[。；]", rest) and not rest.endswith((".", ";", ",")):
        return rest, False
    if len(rest) <= 90 and rest.isupper():
        return rest, False
    m = _INLINE_TITLE.match(rest)
    if m and len(m.group(1).split()) <= 8:
        return m.group(1).strip(), True
    m2 = re.match(r"^([^\s。，；：]{2,12})[：:　]", rest)
    if m2:
        return m2.group(1), True
    m3 = re.match(r"^[（(【]([^）)】。，；]{2,16})[）)】]\s*\S", rest)  # 第十一條（督導及稽核）甲方得…
    if m3:
        return m3.group(1), True
    return None, True


@lru_cache(maxsize=8192)
def parse_heading(text: str) -> Heading | None:
    """Recognise ``text`` as an article / clause / annex heading in zh-TW or English, or None."""
    if len(text) > 2000:
        text = text[:2000]
    m = _ZH_ARTICLE.match(text)
    if m:
        title, inline = _short_title(m.group(2))
        return Heading(1, f"第{m.group(1)}條", title, inline)
    m = _ZH_UPPER.match(text)
    if m:
        title, inline = _short_title(m.group(2))
        return Heading(1, m.group(1), title, inline)
    m = _ZH_CHAPTER.match(text)
    if m:
        title, inline = _short_title(m.group(2))
        return Heading(1, text.strip()[: text.find("章") + 1 or 6], title, inline)
    m = _EN_ARTICLE.match(text)
    if m:
        title, inline = _short_title(m.group(3))
        return Heading(1, f"{m.group(1).capitalize()} {m.group(2)}", title, inline)
    m = _ANNEX.match(text)
    if m and len(text) < 120:
        title, inline = _short_title(m.group(2))
        return Heading(1, " ".join(m.group(1).split()), title, inline)
    m = _EN_SUB.match(text)
    if m:
        title, inline = _short_title(m.group(2))
        return Heading(2, m.group(1), title, inline)
    m = _EN_NUM.match(text)
    if m:
        title, inline = _short_title(m.group(2))
        if title is not None and not inline:
            return Heading(1, f"Section {m.group(1)}", title, False)
        return Heading(2, m.group(1), title, inline)
    m = _ZH_ITEM.match(text)
    if m:
        title, inline = _short_title(m.group(2))
        return Heading(2, m.group(1), title, inline)
    stripped = text.strip()
    if (
        3 <= len(stripped) <= 60
        and stripped.isupper()
        and not _CJK.search(stripped)
        and len(_LATIN.findall(stripped)) * 2 > len(stripped)
        and not stripped.endswith(",")
    ):
        return Heading(1, "", stripped.title(), False)
    return None


@dataclass(frozen=True)
class RawParagraph:
    """A paragraph as a reader found it, before headings are recognised."""

    text: str
    page: int | None = None
    style_level: int | None = None  # 1 / 2 when a Word heading style says so
    in_table: bool = False
    bookmarks: tuple[str, ...] = ()


def _numbered_label(n: int, lang: str) -> str:
    from agreementkit.locale.numerals import chinese_number

    return f"第{chinese_number(n)}條" if lang == "zh-TW" else f"Article {n}"


def build_blocks(paragraphs: Iterable[RawParagraph], lang: str = "en") -> list[Block]:
    """Give every paragraph its location, tracking the current article and clause.

    A Word "Heading 1" paragraph without a typed number (ours are numbered automatically) is
    labelled by its position: 第五條 / Article 5.
    """
    blocks: list[Block] = []
    article: str | None = None
    heading: str | None = None
    clause: str | None = None
    article_count = 0
    paragraphs = list(paragraphs)
    styled = sum(1 for p in paragraphs if p.style_level == 1) >= 3  # Word headings define the articles
    for para in paragraphs:
        text = para.text.strip()
        if not text or _PAGE_NUMBER.fullmatch(text):
            continue
        found = parse_heading(text) if not para.in_table else None
        if styled and para.style_level is None and found is not None and found.level == 1:
            found = None
        is_heading = False
        if para.style_level == 1 or (found is not None and found.level == 1 and para.style_level is None):
            article_count += 1
            article = (found.label if found and found.label else None) or _numbered_label(article_count, lang)
            heading = (found.title if found else None) or (text if len(text) <= 60 else None)
            clause = None
            is_heading = found is None or not found.inline
        elif para.style_level == 2 or (found is not None and found.level == 2):
            clause = found.label if found else None
            is_heading = para.style_level == 2 or (found is not None and not found.inline and found.title is not None)
        loc = Location(len(blocks), article, heading, clause, para.page)
        blocks.append(Block(text, loc, is_heading, para.in_table, para.bookmarks))
    return blocks
