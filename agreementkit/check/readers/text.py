"""Read plain text or Markdown: paragraphs are separated by blank lines; headings are recognised."""

from __future__ import annotations

import re
from pathlib import Path

from agreementkit.check.model import Document
from agreementkit.check.structure import (
    MAX_DOCUMENT_CHARS,
    Heading,
    RawParagraph,
    build_blocks,
    detect_language,
    join_lines,
    parse_heading,
    too_long,
)
from agreementkit.errors import InputError

MAX_TEXT_BYTES = 20 * 1024 * 1024
_FIELD = re.compile(r"^[^：:，。,.]{1,12}[：:]")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


# Byte-order marks, longest first: UTF-32 LE's (FF FE 00 00) begins like UTF-16 LE's (FF FE).
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)


def _unmarked_encoding(data: bytes) -> tuple[str, str] | None:
    """UTF-32 or UTF-16 without a byte-order mark, told by where the zero bytes fall in the first 4 KB.

    Latin text in UTF-32 LE has three zero bytes after each letter, in UTF-16 LE one; a text
    with zero bytes in any other pattern is binary.
    """
    sample = data[:4096]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    # UTF-32: the top byte of every unit is zero, and the next one (planes 1-16) nearly always
    for top, plane, name in ((0, 1, "utf-32-be"), (3, 2, "utf-32-le")):
        units = sample[top::4]
        if len(data) % 4 == 0 and units.count(0) == len(units) and sample[plane::4].count(0) * 10 >= len(units) * 9:
            return name, "UTF-32"
    # UTF-16: zero high bytes (Latin letters, digits, spaces) on one side only
    for high, name in ((0, "utf-16-be"), (1, "utf-16-le")):
        zeros, other = sample[high::2].count(0), sample[1 - high :: 2].count(0)
        if len(data) % 2 == 0 and zeros * 4 >= len(sample) // 2 and other * 4 < zeros:
            return name, "UTF-16"
    return None


def decode(data: bytes, path: Path) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 or UTF-32 (with a BOM, or Latin text without), or Big5 (cp950).

    InputError when none fits: a text that says (by its BOM or its zero bytes) it is UTF-16 or
    UTF-32 but does not decode as such is refused, never read as another encoding's garbage.
    """
    marked = next(((enc, label) for bom, enc, label in _BOMS if data.startswith(bom)), None)
    found = marked or _unmarked_encoding(data)
    if found is not None:
        encoding, label = found
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}: looks like {label} text but byte {exc.start} is not valid {label}; save it as UTF-8"
            ) from None
    if b"\x00" in data[:4096]:
        raise InputError(
            f"{path}: a binary file (or UTF-16 text without a byte-order mark), not a DOCX, PDF or text "
            "document; save text as UTF-8"
        )
    for encoding in ("utf-8-sig", "cp950"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: not a text file we can read (save it as UTF-8), nor a DOCX or PDF")


# Words a title-case English heading may keep in lower case ("Limitation of Liability").
_MINOR_WORDS = frozenset(["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"])


def _english_title(title: str) -> bool:
    """Whether ``title`` reads as an English heading title ("Term", "Governing Law", "TERMINATION").

    Every word but the minor ones starts with a capital, at most eight words, no sentence
    punctuation inside: "The Distributor shall buy" or "Assignment. Neither party may" are text.
    """
    words = title.rstrip(".:").split()
    return (
        0 < len(words) <= 8
        and len(title) <= 60
        and words[0][0].isupper()
        and all(w[0].isupper() or w in _MINOR_WORDS for w in words)
        and not re.search(r"[.;,]", title.rstrip(".:"))
    )


def _stands_alone(line: str, heading: Heading) -> bool:
    """Whether a heading line is a whole heading (a short title, no clause text after it).

    Chinese: a title of at most 20 characters ("２．期限", "第五条 付款"). English: a numbered
    title-case title ("5. Term", "Section 7 Governing Law"). A title with a comma, or a line ending
    in one, is the start of a wrapped sentence, not a title.
    """
    title = heading.title
    if heading.inline or line.endswith(("，", ",", "、")):
        return False
    if heading.style:
        return title is None or (len(title) <= 20 and not re.search(r"[，,、]", title))
    return title is not None and _english_title(title)


def paragraphs_of(text: str) -> list[RawParagraph]:
    """Split text into paragraphs: blank lines and heading lines break; wrapped lines are joined."""
    out: list[RawParagraph] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append(RawParagraph(join_lines(current)))
            current.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        md = _MD_HEADING.match(line)
        if md:
            flush()
            level = min(len(md.group(1)), 2)
            out.append(RawParagraph(md.group(2).strip(), style_level=level))
            continue
        if not line:
            flush()
            continue
        heading = parse_heading(line)
        if line.startswith(("|", "- ", "* ")) or heading is not None:
            flush()
        if heading is not None and _stands_alone(line, heading):
            out.append(RawParagraph(line))  # "２．期限" / "5. Term" on a line of its own: not joined to its body
            continue
        if len(line) < 60 and _FIELD.match(line):  # "甲方：…", "Name: …" lines stand alone
            flush()
            out.append(RawParagraph(line))
            continue
        current.append(line.lstrip("-* ") if line.startswith(("- ", "* ")) else line)
    flush()
    return out


def read_text(path: Path, data: bytes) -> Document:
    """Read ``data`` (the bytes of ``path``) as plain text or Markdown."""
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(f"{path}: refused: {len(data)} bytes of text (more than {MAX_TEXT_BYTES})")
    text = decode(data, path)
    if len(text) > MAX_DOCUMENT_CHARS:
        raise too_long(path)
    if not text.strip():
        raise InputError(f"{path}: the file has no text")
    raw = paragraphs_of(text)
    language = detect_language(text)
    return Document(str(path), "text", build_blocks(raw, language), language)
