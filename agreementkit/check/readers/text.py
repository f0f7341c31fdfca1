"""Read plain text or Markdown: paragraphs are separated by blank lines; headings are recognised."""

from __future__ import annotations

import re
from pathlib import Path

from agreementkit.check.model import Document
from agreementkit.check.structure import (
    RawParagraph,
    build_blocks,
    detect_language,
    join_lines,
    parse_heading,
)
from agreementkit.errors import InputError

MAX_TEXT_BYTES = 20 * 1024 * 1024
_FIELD = re.compile(r"^[^：:，。,.]{1,12}[：:]")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def decode(data: bytes, path: Path) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or Big5 (cp950); InputError otherwise."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "cp950"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: not a text file we can read (save it as UTF-8), nor a DOCX or PDF")


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
        if line.startswith(("|", "- ", "* ")) or parse_heading(line) is not None:
            flush()
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
    if b"\x00" in data[:4096] and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(f"{path}: a binary file, not a DOCX, PDF or text document")
    text = decode(data, path)
    if not text.strip():
        raise InputError(f"{path}: the file has no text")
    raw = paragraphs_of(text)
    language = detect_language(text)
    return Document(str(path), "text", build_blocks(raw, language), language)
