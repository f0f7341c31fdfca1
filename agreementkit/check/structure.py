"""Language detection and heading recognition shared by every reader.

Readers hand over paragraphs in reading order; :func:`build_blocks` recognises article and
clause headings in both languages (第五條、第一章、壹、一、（一）、1、/ １．/ 1.1 / (1) in half- or
full-width forms / ARTICLE 5, Section 5, 5. Term, 5.2 …) and gives each block its location:
article label and heading, clause number, paragraph index, page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from agreementkit.check.model import Block, Location
from agreementkit.check.script import simplified_converter
from agreementkit.errors import InputError

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
# Simplified forms (条, 节, 两, 贰, 陆, 附录) too: the text and PDF readers find headings in lines as
# written, before a Simplified document is converted (see agreementkit.check.script)
_ZH_NUM = "一二三四五六七八九十百零〇兩两0-9０-９"

# 第五條, also bracketed as 【第五條 價格】
_ZH_ARTICLE = re.compile(rf"^\s*【?\s*第\s*([{_ZH_NUM}]+)\s*[條条]\s*[：:、．.　 ]*(.*?)】?\s*$", re.S)
# 壹、貳、參 … : the financial numerals many Taiwanese contracts number their articles with
_ZH_UPPER = re.compile(r"^\s*([壹貳贰參叁肆伍陸陆柒捌玖拾]{1,3})\s*[、．.]\s*(.*)$", re.S)
_ZH_CHAPTER = re.compile(rf"^\s*第\s*([{_ZH_NUM}]+)\s*[章節节]\s*[：:、．.　 ]*(.*)$", re.S)
_ZH_ITEM = re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、.]\s*(.*)$", re.S)
# （一）保密 / (二) 付款: the clause numbering under 一、 (or the articles, when a contract has no other)
_ZH_PAREN = re.compile(r"^\s*\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*(.*)$", re.S)
# The Chinese forms of Arabic numbering, read on the width-folded text (see _FOLD): １．期限, 3、付款方式,
# 1.期限 (no space), 1.1期限, (1)付款. What follows the number must be Chinese, so "1.5倍", "2.5%",
# "3.2.1" and English "(1) the Distributor" stay what they were (a Latin word may lead a Chinese title,
# "３．ＯＥＭ產品"); nor a unit ("1.5萬元", "2、3個月").
_ZH_AFTER_NUM = r"(?=[\u3400-\u9fff(【「“]|[A-Za-z]{1,12}[\u3400-\u9fff])(?![倍萬万元個个月年日天週周時时分秒件台套噸吨公千百億亿成])"
_ZH_NUM_ITEM = re.compile(rf"^\s*(\d{{1,2}})\s*(?:、\s*|\.(?!\d)\s*){_ZH_AFTER_NUM}(.*)$", re.S)
_ZH_NUM_SUB = re.compile(rf"^\s*(\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})\s*[.、]?\s*{_ZH_AFTER_NUM}(.*)$", re.S)
_ZH_NUM_PAREN = re.compile(rf"^\s*\(\s*(\d{{1,2}})\s*\)\s*{_ZH_AFTER_NUM}(.*)$", re.S)
# Full-width ASCII (１．, （一）, ：, ＡＲＴＩＣＬＥ) and the ideographic space, folded one character for
# one before headings are matched: the match positions hold in the text as written, whose title is kept.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_EN_ARTICLE = re.compile(r"^\s*(ARTICLE|Article|SECTION|Section|CLAUSE|Clause)\s+(\d{1,3}|[IVXLC]{1,6})(?:\.0)?\b\.?[:\s.\-–—]*(.*)$", re.S)
_EN_NUM = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+(.*)$", re.S)
_EN_SUB = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(.*)$", re.S)
_ANNEX = re.compile(
    r"^\s*((?:附件|附表|附[錄录])\s*[一二三四五六七八九十0-9A-Za-z]*|(?:SCHEDULE|Schedule|EXHIBIT|Exhibit|ANNEX|Annex|"
    r"APPENDIX|Appendix|ATTACHMENT|Attachment)\s*[A-Z0-9]{0,4}\b)[\s:：.\-–—]*(.*)$",
    re.S,
)
_PAGE_NUMBER = re.compile(r"(?:-\s*)?\d{1,4}(?:\s*-)?|(?:Page|PAGE) \d+(?: of \d+)?|第\s*\d+\s*頁.*")
# Control characters (but tab and line breaks), Unicode non-characters and lone surrogates: none
# belongs in a contract's text, and a terminal escape sequence must not reach the report.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
_SPLIT_AT = re.compile(r"[.;!?。；！？](?=\s|$)|[。；！？]")
HEADING_CHARS = 2000
# A paragraph longer than this is read as several blocks, cut at sentence ends: no real clause
# is that long (the longest of 400 benchmark contracts is under 10,000), and bounded blocks keep
# every per-block step of the checker cheap on a document that is one endless line.
MAX_BLOCK_CHARS = 20_000
# ... and is cut into pieces of about this size: the smaller the block, the fewer topics' key words
# it holds, so the fewer patterns run over it (a 1 MB single-line text checks twice as fast as with
# 20,000-character pieces).
SPLIT_CHARS = 5_000
# Text a document may hold at most: about 1,400 pages, fifteen times the longest of 400 benchmark
# contracts (340,000 characters). Readers stop reading past it, so the checker's time stays within
# seconds on any input: the scan is linear, but its regular expressions cost about a second a MB.
MAX_DOCUMENT_CHARS = 5_000_000
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
    """Join wrapped lines of one paragraph: no space between CJK characters, one space otherwise.

    A line that ends in a hyphen after a letter, followed by one starting in lower case, is a word
    broken across lines and is joined without the hyphen. Built as a list, so a paragraph of
    thousands of lines costs no more than its length.
    """
    parts: list[str] = []
    tail = ""  # the last three characters joined so far
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if parts and not (is_cjk(tail[-1]) or is_cjk(line[0])):
            if tail.endswith("-") and tail[-2:-1].isalpha() and line[0].islower():
                parts[-1] = parts[-1][:-1]
                tail = tail[:-1]
            else:
                parts.append(" ")
                tail += " "
        parts.append(line)
        tail = (tail + line)[-3:]
    return "".join(parts)


@dataclass(frozen=True)
class Heading:
    """A recognised heading: level 1 article / annex, level 2 clause; label and title."""

    level: int
    label: str
    title: str | None
    inline: bool  # True when body text follows the heading in the same paragraph
    # the numbering style, for Chinese documents whose articles are numbered 一、 or 1. (see build_blocks)
    style: str = ""


def _short_title(rest: str) -> tuple[str | None, bool]:
    rest = rest.strip()
    if not rest:
        return None, False
    if len(rest) <= 40 and not re.search(r"[。；]", rest) and not rest.endswith((".", ";", ",")):
        return rest, False
    if len(rest) <= 90 and rest.isupper() and not _CJK.search(rest):  # "AI旗艦店獲得…" is upper case for str.isupper
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


def parse_heading(text: str) -> Heading | None:
    """Recognise ``text`` as an article / clause / annex heading in zh-TW or English, or None.

    Only the first 2,000 characters are read (a heading starts a paragraph).
    """
    return _parse_heading(text[:HEADING_CHARS])


@lru_cache(maxsize=8192)
def _parse_heading(written: str) -> Heading | None:
    # every pattern runs on the width-folded text; a title is taken from the text as written
    text = written.translate(_FOLD)

    def title_of(m: re.Match[str], group: int) -> tuple[str | None, bool]:
        return _short_title(written[m.start(group) : m.end(group)])

    m = _ZH_ARTICLE.match(text)
    if m:
        title, inline = title_of(m, 2)
        return Heading(1, f"第{m.group(1)}條", title, inline, "zh_article")
    m = _ZH_UPPER.match(text)
    if m:
        title, inline = title_of(m, 2)
        return Heading(1, m.group(1), title, inline, "zh_upper")
    m = _ZH_CHAPTER.match(text)
    if m:
        title, inline = title_of(m, 2)
        return Heading(1, _chapter_label(text, m), title, inline, "zh_chapter")
    m = _EN_ARTICLE.match(text)
    if m:
        title, inline = title_of(m, 3)
        return Heading(1, f"{m.group(1).capitalize()} {m.group(2)}", title, inline)
    m = _ANNEX.match(text)
    if m and len(text) < 120:
        title, inline = title_of(m, 2)
        return Heading(1, " ".join(m.group(1).split()), title, inline)
    m = _EN_SUB.match(text)
    if m:
        title, inline = title_of(m, 2)
        return Heading(2, m.group(1), title, inline, "zh_sub" if _CJK.match(text, m.start(2)) else "")
    m = _EN_NUM.match(text)
    if m:
        title, inline = title_of(m, 2)
        style = "zh_num" if _CJK.match(text, m.start(2)) else ""
        if title is not None and not inline:
            return Heading(1, m.group(1) if style else f"Section {m.group(1)}", title, False, style)
        return Heading(2, m.group(1), title, inline, style)
    for pattern, level, style in (
        (_ZH_ITEM, 2, "zh_item"),
        (_ZH_PAREN, 2, "zh_paren"),
        (_ZH_NUM_SUB, 2, "zh_sub"),
        (_ZH_NUM_ITEM, 2, "zh_num"),
        (_ZH_NUM_PAREN, 2, "zh_num_paren"),
    ):
        m = pattern.match(text)
        if m:
            title, inline = title_of(m, 2)
            label = f"({m.group(1)})" if style in ("zh_paren", "zh_num_paren") else m.group(1)
            if style == "zh_num" and title is not None and not inline:
                return Heading(1, label, title, False, style)  # as "1. Term"
            return Heading(level, label, title, inline, style)
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


def _chapter_label(text: str, m: re.Match[str]) -> str:
    """第一章 / 第二節 as written, without spaces (the number and the word for chapter or section)."""
    return re.sub(r"\s+", "", text[m.start(0) : m.start(2)]).rstrip("：:、.")


def too_long(path: object) -> InputError:
    """The error for a document holding more than :data:`MAX_DOCUMENT_CHARS` characters of text."""
    return InputError(
        f"{path}: refused: more than {MAX_DOCUMENT_CHARS:,} characters of text (about 1,400 pages); "
        "check the agreement itself, without bulk appendices or data"
    )


def clean_text(text: str) -> str:
    """``text`` with control characters turned to spaces and non-characters to U+FFFD.

    Private-use characters (U+E000-U+F8FF, and the Big5 user-defined characters that decode to
    them) are kept: they are valid text, shown as the font has them.
    """
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: " " if m.group(0) < "\xa0" else "\ufffd", text)


def split_long(text: str, limit: int = SPLIT_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters, each stripped.

    Each cut is at the last sentence end in the second half of the window, else at the last
    white space there, else exactly at the limit (text with neither, such as a run of ideographs
    without punctuation).
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = -1
        for m in _SPLIT_AT.finditer(text, start + limit // 2, window_end):
            cut = m.end()
        if cut == -1:
            space = max(text.rfind(" ", start + limit // 2, window_end), text.rfind("\n", start + limit // 2, window_end))
            cut = space + 1 if space != -1 else window_end
        piece = text[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
    rest = text[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


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


# Chinese numbering styles, highest first: 第X條 / 壹、 articles hold 一、 items, which hold （一）, then 1.,
# 1.1 and (1) — the order of mainland and Taiwanese contracts alike.
_ARTICLE_STYLES = ("zh_article", "zh_upper")
_ITEM_STYLES = ("zh_item", "zh_paren", "zh_num", "zh_sub", "zh_num_paren")


def _zh_levels(found: Iterable[Heading | None]) -> dict[str, int]:
    """Level of each Chinese numbering style in one document, by the styles it uses.

    A contract numbered 第X條 (or 壹、) has its articles there and every other style is a clause.
    One without them has its articles at the highest style it uses at least twice (一、 …, or
    １．/ 1、 when that is all it has): otherwise a contract numbered "一、期限" or "２．期限" had no
    article or heading in any location.
    """
    counts: dict[str, int] = {}
    for heading in found:
        if heading is not None and heading.style:
            counts[heading.style] = counts.get(heading.style, 0) + 1
    levels = {style: 2 for style in _ITEM_STYLES}
    if any(counts.get(style, 0) >= 2 for style in _ARTICLE_STYLES):
        return levels
    top = next((style for style in _ITEM_STYLES if counts.get(style, 0) >= 2), None)
    if top is not None:
        levels[top] = 1
    return levels


def build_blocks(paragraphs: Iterable[RawParagraph], lang: str = "en") -> list[Block]:
    """Give every paragraph its location, tracking the current article and clause.

    A Word "Heading 1" paragraph without a typed number (ours are numbered automatically) is
    labelled by its position: 第五條 / Article 5. A paragraph longer than
    :data:`MAX_BLOCK_CHARS` becomes several blocks of the same article (see :func:`split_long`).
    """
    blocks: list[Block] = []
    article: str | None = None
    heading: str | None = None
    clause: str | None = None
    article_count = 0
    paragraphs = list(paragraphs)
    styled = sum(1 for p in paragraphs if p.style_level == 1) >= 3  # Word headings define the articles
    convert = simplified_converter("".join(p.text for p in paragraphs[:400])[:20000]) if lang == "zh-TW" else None
    prepared: list[tuple[RawParagraph, list[str], list[str], str, Heading | None]] = []
    for para in paragraphs:
        written = clean_text(para.text).strip()
        if not written or _PAGE_NUMBER.fullmatch(written):
            continue
        pieces = split_long(written) if len(written) > MAX_BLOCK_CHARS else [written]
        texts = [convert(p) for p in pieces] if convert is not None else pieces
        text = texts[0] if len(texts) == 1 else " ".join(texts)
        prepared.append((para, pieces, texts, text, parse_heading(text) if not para.in_table else None))
    levels = _zh_levels(p[4] for p in prepared) if lang == "zh-TW" and not styled else {}
    for para, pieces, texts, text, found in prepared:
        if found is not None and found.style in levels and levels[found.style] != found.level:
            promoted = levels[found.style] == 1
            found = replace(found, level=levels[found.style])
        else:
            promoted = False
        if styled and para.style_level is None and found is not None and found.level == 1:
            found = None
        is_heading = False
        if para.style_level == 1 or (found is not None and found.level == 1 and para.style_level is None):
            article_count += 1
            article = (found.label if found and found.label else None) or _numbered_label(article_count, lang)
            heading = (found.title if found else None) or (text if len(text) <= 60 and not promoted else None)
            clause = None
            is_heading = found is None or not found.inline
        elif para.style_level == 2 or (found is not None and found.level == 2):
            clause = found.label if found else None
            is_heading = para.style_level == 2 or (found is not None and not found.inline and found.title is not None)
        for n, (piece, shown) in enumerate(zip(texts, pieces, strict=True)):
            loc = Location(len(blocks), article, heading, clause, para.page)
            original = shown if shown != piece else None
            blocks.append(Block(piece, loc, is_heading and n == 0, para.in_table, para.bookmarks, original))
    return blocks
