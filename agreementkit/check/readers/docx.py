"""Read a DOCX (ours or anyone's) into ordered blocks, with bookmarks, styles and REF targets.

Parses the zip parts directly with the safe XML parser rather than through python-docx, so a
hostile file never reaches a permissive parser and big documents read fast.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree

from agreementkit.check.model import Document, Location
from agreementkit.check.readers.safety import (
    MAX_ENTRY_BYTES,
    BoundedEntry,
    open_entry,
    open_zip,
    parse_xml,
    read_entry,
    refuse_doctype_in_tree,
    refuse_dtd,
    xml_encoding,
)
from agreementkit.check.structure import (
    MAX_DOCUMENT_CHARS,
    RawParagraph,
    build_blocks,
    detect_language,
    too_long,
)
from agreementkit.errors import InputError
from agreementkit.fileio.xmlsafe import PARSER_OPTIONS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P, T, TAB, BR, CR = f"{W}p", f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"
TR, TC, TXBX = f"{W}tr", f"{W}tc", f"{W}txbxContent"
BS, BE = f"{W}bookmarkStart", f"{W}bookmarkEnd"
INSTR, FLD = f"{W}instrText", f"{W}fldSimple"
BODY = f"{W}body"
_ITEMS = frozenset((P, TR, BS, BE))
BOOKMARK_PREFIX = "ak_"
ARTICLE_PREFIX = "ak_art_"
_REF = re.compile(r"\b(?:REF|PAGEREF|NOTEREF)\s+(\S+)")
_HEADING_NAME = re.compile(r"^(?:heading|標題)\s*(\d)$", re.I)
# document.xml is streamed, so its size costs time, not memory; past this it is not an agreement
MAX_DOCUMENT_XML_BYTES = MAX_ENTRY_BYTES
MAX_ELEMENTS_PER_ITEM = 20_000
_SNIFF_BYTES = 64 * 1024


def _style_levels(zf: Any, path: Path) -> dict[str, int]:
    data = read_entry(zf, "word/styles.xml", path)
    if data is None:
        return {}
    root = parse_xml(data, f"{path}: word/styles.xml")
    levels: dict[str, int] = {}
    for style in root.iter(f"{W}style"):
        sid = style.get(f"{W}styleId") or ""
        name_el = style.find(f"{W}name")
        name = name_el.get(f"{W}val", "") if name_el is not None else ""
        m = _HEADING_NAME.match(name.strip()) or _HEADING_NAME.match(sid)
        if m:
            levels[sid] = int(m.group(1))
            continue
        lvl = style.find(f"{W}pPr/{W}outlineLvl")
        if lvl is not None and (lvl.get(f"{W}val") or "9").isdigit() and int(lvl.get(f"{W}val") or 9) < 9:
            levels[sid] = int(lvl.get(f"{W}val") or 0) + 1
    return levels


def _properties(zf: Any, path: Path) -> dict[str, str]:
    props: dict[str, str] = {}
    core = read_entry(zf, "docProps/core.xml", path)
    if core is not None:
        root = parse_xml(core, f"{path}: docProps/core.xml")
        for el in root:
            tag = el.tag.split("}")[-1] if isinstance(el.tag, str) else ""
            if tag in ("keywords", "category", "title", "subject"):
                props[tag] = (el.text or "").strip()
    custom = read_entry(zf, "docProps/custom.xml", path)
    if custom is not None:
        root = parse_xml(custom, f"{path}: docProps/custom.xml")
        for el in root:
            name = (el.get("name") or "").strip()
            value = "".join(el.itertext()).strip()
            if name:
                props[f"custom:{name}"] = value
    return props


def _text(p: Any) -> str:
    parts: list[str] = []
    for el in p.iter(T, TAB, BR, CR):
        if el.tag == T:
            parts.append(el.text or "")
        elif el.tag == TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _agreement_type(props: dict[str, str]) -> str | None:
    for key, value in props.items():
        if key == "category" or (key.startswith("custom:") and "type" in key.lower()):
            v = value.strip().lower().replace(" ", "_").replace("-", "_")
            if v in ("distributor", "reseller", "referral", "agency", "strategic_alliance"):
                return v
    return None


class _Prefixed:
    """A stream that first returns ``head`` (already read for sniffing), then the rest of ``raw``."""

    def __init__(self, head: bytes, raw: BoundedEntry) -> None:
        self.head = head
        self.raw = raw

    def read(self, size: int = -1) -> bytes:
        if self.head:
            out, self.head = (self.head, b"") if size < 0 or size >= len(self.head) else (self.head[:size], self.head[size:])
            return out
        return self.raw.read(size)


class _Body:
    """What the body yields as it streams past: paragraphs, REF targets and bookmarks."""

    def __init__(self, path: Path, levels: dict[str, int]) -> None:
        self.path = path
        self.levels = levels
        self.raw: list[RawParagraph] = []
        self.refs: list[tuple[str, int]] = []
        self.open_marks: dict[str, str] = {}  # bookmark id -> name
        self.all_marks: set[str] = set()
        self.current_clause: str | None = None
        self.current_article: str | None = None
        self.chars = 0

    def start(self, el: Any) -> None:
        name = el.get(f"{W}name") or ""
        if not name or name.startswith("_"):
            return
        self.all_marks.add(name)
        self.open_marks[el.get(f"{W}id") or name] = name
        if name.startswith(ARTICLE_PREFIX):
            self.current_article = name
        elif name.startswith(BOOKMARK_PREFIX):
            self.current_clause = name  # at most one clause bookmark at a time

    def end(self, el: Any) -> None:
        name = self.open_marks.pop(el.get(f"{W}id") or "", None)
        if name is not None and name == self.current_clause:
            self.current_clause = None
        if name is not None and name == self.current_article:
            self.current_article = None

    def marks(self) -> tuple[str, ...]:
        return tuple(m for m in (self.current_article, self.current_clause) if m)

    def instr_refs(self, el: Any) -> None:
        texts = [i.text or "" for i in el.iter(INSTR)] + [f.get(f"{W}instr") or "" for f in el.iter(FLD)]
        for target in _REF.findall(" ".join(texts)):
            self.refs.append((target, len(self.raw)))

    def add(self, para: RawParagraph) -> None:
        self.chars += len(para.text)
        if self.chars > MAX_DOCUMENT_CHARS:
            raise too_long(self.path)
        self.raw.append(para)

    def element(self, el: Any) -> None:
        """One body element, in document order (as ``body.iter(P, BS, BE, TR)`` yields them)."""
        tag = el.tag
        if tag == BS:
            self.start(el)
        elif tag == BE:
            self.end(el)
        elif tag == TR:
            cells = []
            for tc in el.iter(TC):
                cells.append(" ".join(_text(p).strip() for p in tc.iter(P)).strip())
            for bs in el.iter(BS):
                self.start(bs)
            self.instr_refs(el)
            text = " | ".join(c for c in cells if c)
            if text:
                self.add(RawParagraph(text, in_table=True, bookmarks=self.marks()))
        else:  # paragraph
            parent = el.getparent()
            if parent is not None and parent.tag == TC:
                return  # read with its table row
            for bs in el.iter(BS):
                self.start(bs)
            self.instr_refs(el)
            style_el = el.find(f"{W}pPr/{W}pStyle")
            level = self.levels.get(style_el.get(f"{W}val") or "") if style_el is not None else None
            lvl_el = el.find(f"{W}pPr/{W}outlineLvl")
            if level is None and lvl_el is not None and (lvl_el.get(f"{W}val") or "9") in "012":
                level = int(lvl_el.get(f"{W}val") or 0) + 1
            self.add(RawParagraph(_text(el), style_level=level if level in (1, 2) else None, bookmarks=self.marks()))


def _stream_body(zf: Any, path: Path, body: _Body) -> None:
    """Stream ``word/document.xml`` into ``body``, keeping only the paragraph or row being read.

    Each top-level paragraph or table row is handled when it closes (with the paragraphs, rows
    and bookmarks inside it, in document order) and then cleared, so memory stays flat however
    long the document is; the bytes inflated are bounded by :data:`MAX_DOCUMENT_XML_BYTES`.
    """
    where = f"{path}: word/document.xml"
    entry = open_entry(zf, "word/document.xml", path, MAX_DOCUMENT_XML_BYTES)
    assert entry is not None
    with entry:
        head = entry.read(_SNIFF_BYTES)
        refuse_dtd(head, xml_encoding(head, where), where)
        events = etree.iterparse(_Prefixed(head, entry), events=("start", "end"), **PARSER_OPTIONS)
        pending: list[Any] = []  # P / TR / bookmarks inside the open top-level paragraph or row
        depth = 0  # open P / TR elements
        in_body = seen_body = checked = False
        inside = 0  # elements started inside the open top-level paragraph or row
        try:
            for event, el in events:
                if not checked:
                    refuse_doctype_in_tree(el, where)
                    checked = True
                tag = el.tag
                if event == "start":
                    if tag == BODY:
                        in_body = seen_body = True
                    elif in_body and tag in _ITEMS:
                        if depth:
                            inside += 1
                            if inside > MAX_ELEMENTS_PER_ITEM:
                                raise InputError(
                                    f"{where}: refused: one paragraph or table row holds more than "
                                    f"{MAX_ELEMENTS_PER_ITEM:,} paragraphs, rows and bookmarks; not a normal Word document"
                                )
                        if depth or tag in (P, TR):
                            pending.append(el)
                        else:
                            body.element(el)  # a bookmark between paragraphs
                        if tag in (P, TR):
                            depth += 1
                    elif depth:
                        inside += 1
                        if inside > MAX_ELEMENTS_PER_ITEM * 20:
                            raise InputError(
                                f"{where}: refused: one paragraph or table row holds more than "
                                f"{MAX_ELEMENTS_PER_ITEM * 20:,} XML elements; not a normal Word document"
                            )
                    continue
                if tag == BODY:
                    in_body = False
                if in_body and tag in (P, TR):
                    depth -= 1
                    if depth == 0:
                        for item in pending:
                            body.element(item)
                        pending.clear()
                        inside = 0
                if depth == 0:
                    el.clear(keep_tail=True)
                    parent = el.getparent()
                    if parent is not None:
                        while el.getprevious() is not None:
                            del parent[0]
        except etree.XMLSyntaxError as exc:
            raise InputError(f"{where}: damaged XML ({exc.msg})") from None
    if not seen_body:
        raise InputError(f"{path}: the Word document has no body")


def read_docx(path: Path, data: bytes) -> Document:
    """Read the Word document ``data`` (the bytes of ``path``); InputError (exit 2) for anything unusable."""
    with open_zip(path, "DOCX", data) as zf:
        names = set(zf.namelist())
        if "word/document.xml" not in names:
            raise InputError(f"{path}: a zip file but not a Word document (no word/document.xml)")
        levels = _style_levels(zf, path)
        props = _properties(zf, path)
        body = _Body(path, levels)
        _stream_body(zf, path, body)
    raw, refs, all_marks = body.raw, body.refs, body.all_marks

    language = detect_language("\n".join(r.text for r in raw[:400]))
    # paragraph indexes shift when empty paragraphs are dropped; map raw index -> block index
    blocks = build_blocks(raw, language)
    index_of: dict[int, int] = {}
    bi = 0
    for ri, para in enumerate(raw):
        index_of[ri] = bi
        if para.text.strip():
            bi += 1
    ref_targets = [
        (target, blocks[min(index_of.get(ri, 0), len(blocks) - 1)].location if blocks else Location(0))
        for target, ri in refs
    ]
    ours = "agreementkit" in props.get("keywords", "").lower() or any(
        m.startswith(BOOKMARK_PREFIX) for m in all_marks
    )
    return Document(
        path=str(path),
        kind="docx",
        blocks=blocks,
        language=language,
        ours=ours,
        agreement_type=_agreement_type(props),
        bookmarks=all_marks,
        ref_targets=ref_targets,
    )
