"""Read a DOCX (ours or anyone's) into ordered blocks, with bookmarks, styles and REF targets.

Parses the zip parts directly with the safe XML parser rather than through python-docx, so a
hostile file never reaches a permissive parser and big documents read fast.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from agreementkit.check.model import Document, Location
from agreementkit.check.readers.safety import open_zip, parse_xml, read_entry
from agreementkit.check.structure import RawParagraph, build_blocks, detect_language
from agreementkit.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P, T, TAB, BR, CR = f"{W}p", f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"
TR, TC, TXBX = f"{W}tr", f"{W}tc", f"{W}txbxContent"
BS, BE = f"{W}bookmarkStart", f"{W}bookmarkEnd"
INSTR, FLD = f"{W}instrText", f"{W}fldSimple"
BOOKMARK_PREFIX = "ak_"
ARTICLE_PREFIX = "ak_art_"
_REF = re.compile(r"\b(?:REF|PAGEREF|NOTEREF)\s+(\S+)")
_HEADING_NAME = re.compile(r"^(?:heading|標題)\s*(\d)$", re.I)


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


def read_docx(path: Path) -> Document:
    """Read ``path`` as a Word document; InputError (exit 2) for anything unusable."""
    with open_zip(path, "DOCX") as zf:
        names = set(zf.namelist())
        if "word/document.xml" not in names:
            raise InputError(f"{path}: a zip file but not a Word document (no word/document.xml)")
        data = read_entry(zf, "word/document.xml", path)
        assert data is not None
        root = parse_xml(data, f"{path}: word/document.xml")
        levels = _style_levels(zf, path)
        props = _properties(zf, path)
    body = root.find(f"{W}body")
    if body is None:
        raise InputError(f"{path}: the Word document has no body")

    raw: list[RawParagraph] = []
    refs: list[tuple[str, int]] = []
    open_marks: dict[str, str] = {}  # bookmark id -> name
    all_marks: set[str] = set()
    current_clause: str | None = None
    current_article: str | None = None

    def start(el: Any) -> None:
        nonlocal current_clause, current_article
        name = el.get(f"{W}name") or ""
        if not name or name.startswith("_"):
            return
        all_marks.add(name)
        open_marks[el.get(f"{W}id") or name] = name
        if name.startswith(ARTICLE_PREFIX):
            current_article = name
        elif name.startswith(BOOKMARK_PREFIX):
            current_clause = name  # at most one clause bookmark at a time

    def end(el: Any) -> None:
        nonlocal current_clause, current_article
        name = open_marks.pop(el.get(f"{W}id") or "", None)
        if name is not None and name == current_clause:
            current_clause = None
        if name is not None and name == current_article:
            current_article = None

    def marks() -> tuple[str, ...]:
        return tuple(m for m in (current_article, current_clause) if m)

    def instr_refs(el: Any) -> None:
        texts = [i.text or "" for i in el.iter(INSTR)] + [f.get(f"{W}instr") or "" for f in el.iter(FLD)]
        for target in _REF.findall(" ".join(texts)):
            refs.append((target, len(raw)))

    for el in body.iter(P, BS, BE, TR):
        tag = el.tag
        if tag == BS:
            start(el)
        elif tag == BE:
            end(el)
        elif tag == TR:
            cells = []
            for tc in el.iter(TC):
                cells.append(" ".join(_text(p).strip() for p in tc.iter(P)).strip())
            for bs in el.iter(BS):
                start(bs)
            instr_refs(el)
            text = " | ".join(c for c in cells if c)
            if text:
                raw.append(RawParagraph(text, in_table=True, bookmarks=marks()))
        else:  # paragraph
            parent = el.getparent()
            if parent is not None and parent.tag == TC:
                continue  # read with its table row
            for bs in el.iter(BS):
                start(bs)
            instr_refs(el)
            style_el = el.find(f"{W}pPr/{W}pStyle")
            level = levels.get(style_el.get(f"{W}val") or "") if style_el is not None else None
            lvl_el = el.find(f"{W}pPr/{W}outlineLvl")
            if level is None and lvl_el is not None and (lvl_el.get(f"{W}val") or "9") in "012":
                level = int(lvl_el.get(f"{W}val") or 0) + 1
            raw.append(RawParagraph(_text(el), style_level=level if level in (1, 2) else None, bookmarks=marks()))

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
