"""The redline: the new agreement's DOCX with real Word tracked changes against the old one.

We render both versions with the normal renderer, then mark up the new document's XML: each
clause is found by its bookmark, its body elements are matched to the Agreement's blocks, and
every change from the comparison becomes ``w:ins`` / ``w:del`` (word level in English, character
level in Chinese), whole inserted or deleted paragraphs and table rows carry a revision mark on
their paragraph mark or row, and a moved clause becomes ``w:moveFrom`` at its old place and
``w:moveTo`` at its new one. Numbering is automatic, so accepting or rejecting every change gives
exactly one version with its own numbers; REF fields in unchanged text are kept as fields.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from agreementkit.errors import RenderError
from agreementkit.lifecycle.amend.compare import BlockChange, ClauseChange, Comparison
from agreementkit.lifecycle.amend.textdiff import diff_text
from agreementkit.models.agreement import Agreement, Clause, Paragraph, Ref, Span, Table
from agreementkit.models.common import Lang

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
AUTHOR = "agreementkit"
_SKIPPED_STYLES = ("Heading1", "Heading2", "Heading3", "AKCaption")
# One private character stands for a whole REF field while diffing, so a field is never split.
_FIELD_BASE = 0xF0000


def q(tag: str) -> str:
    """Clark name of a WordprocessingML tag: q("p") → {ns}p."""
    return f"{{{W}}}{tag}"


@dataclass
class _Revisions:
    """Hands out revision ids and stamps author and date on each revision element."""

    date: str
    next_id: int = 9000
    move_names: list[str] = field(default_factory=list)

    def mark(self, tag: str) -> Any:
        element = etree.Element(q(tag))
        element.set(q("id"), str(self.next_id))
        element.set(q("author"), AUTHOR)
        element.set(q("date"), self.date)
        self.next_id += 1
        return element


@dataclass(frozen=True)
class _ClauseElements:
    heading: Any | None
    blocks: list[Any]
    all: list[Any]


def _style(element: Any) -> str:
    style = element.find("w:pPr/w:pStyle", NS)
    return "" if style is None else str(style.get(q("val")))


def _clause_elements(body: Any, clause: Clause) -> _ClauseElements:
    """The body elements between a clause's bookmark start and end, split into heading and blocks."""
    children = list(body)
    start = end = None
    mark_id = None
    for index, child in enumerate(children):
        if start is None:
            for bm in child.iter(q("bookmarkStart")):
                if bm.get(q("name")) == clause.bookmark:
                    start, mark_id = index, bm.get(q("id"))
                    break
        if start is not None and any(be.get(q("id")) == mark_id for be in child.iter(q("bookmarkEnd"))):
            end = index
            break
    if start is None or end is None:
        raise RenderError(f"redline: clause {clause.id!r} has no bookmark in the rendered document")
    elements = children[start : end + 1]
    heading = elements[0] if clause.show_heading and elements[0].tag == q("p") else None
    blocks = [
        e
        for e in elements
        if e is not heading
        and (e.tag == q("tbl") or (e.tag == q("p") and _style(e) not in _SKIPPED_STYLES and _has_text(e)))
    ]
    if len(blocks) != len(clause.blocks):
        raise RenderError(
            f"redline: clause {clause.id!r} renders {len(blocks)} paragraphs/tables for {len(clause.blocks)} blocks"
        )
    return _ClauseElements(heading, blocks, elements)


def _has_text(paragraph: Any) -> bool:
    """Whether a paragraph carries text; spacer paragraphs around tables do not."""
    return any((t.text or "").strip() for t in paragraph.iter(q("t")))


def _run_properties(paragraph: Any) -> Any | None:
    for run in paragraph.iter(q("r")):
        rpr = run.find("w:rPr", NS)
        if rpr is not None and run.find("w:t", NS) is not None:
            return rpr
    return None


def _text_run(text: str, rpr: Any | None, deleted: bool = False) -> Any:
    run = etree.Element(q("r"))
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    t = etree.SubElement(run, q("delText" if deleted else "t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _field_groups(paragraph: Any) -> list[list[Any]]:
    """The runs of every complex field (begin … end) in the paragraph, in order."""
    groups: list[list[Any]] = []
    current: list[Any] | None = None
    depth = 0
    for child in paragraph:
        if child.tag != q("r"):
            continue
        char = child.find("w:fldChar", NS)
        kind = None if char is None else char.get(q("fldCharType"))
        if kind == "begin":
            depth += 1
            if depth == 1:
                current = []
        if current is not None:
            current.append(child)
        if kind == "end":
            depth -= 1
            if depth == 0 and current is not None:
                groups.append(current)
                current = None
    return groups


def _field_result(group: Sequence[Any]) -> str:
    """The text a field shows: the runs between its ``separate`` and ``end`` characters."""
    shown: list[str] = []
    after_separate = False
    for run in group:
        char = run.find("w:fldChar", NS)
        if char is not None and char.get(q("fldCharType")) == "separate":
            after_separate = True
        elif after_separate:
            shown.extend(t.text or "" for t in run.iter(q("t")))
    return "".join(shown)


def _tokens(paragraph: Paragraph, lang: Lang) -> tuple[str, list[Ref]]:
    """The paragraph's text with each reference replaced by one private character."""
    out: list[str] = []
    refs: list[Ref] = []
    for inline in paragraph.content.get(lang, ()):
        if isinstance(inline, Span):
            out.append(inline.text)
        elif inline.relative:  # 本條第二項 is rendered as text, not as a field
            out.append(inline.label[lang])
        else:
            refs.append(inline)
            out.append(chr(_FIELD_BASE + len(refs) - 1))
    return "".join(out), refs


def _wrap(tag: str, runs: Sequence[Any], revisions: _Revisions) -> Any:
    wrapper = revisions.mark(tag)
    for run in runs:
        wrapper.append(run)
    return wrapper


def _as_deleted(run: Any) -> Any:
    run = copy.deepcopy(run)
    for t in run.iter(q("t")):
        t.tag = q("delText")
    for instr in run.iter(q("instrText")):
        instr.tag = q("delInstrText")
    return run


def _mark_paragraph(paragraph: Any, tag: str, revisions: _Revisions) -> None:
    """Put a revision mark on the paragraph mark (pPr/rPr), so the paragraph itself is inserted/deleted."""
    ppr = paragraph.find("w:pPr", NS)
    if ppr is None:
        ppr = etree.Element(q("pPr"))
        paragraph.insert(0, ppr)
    rpr = ppr.find("w:rPr", NS)
    if rpr is None:
        rpr = etree.SubElement(ppr, q("rPr"))
        # pPr/rPr must come after every other pPr child but sectPr and pPrChange.
        for later in ("sectPr", "pPrChange"):
            node = ppr.find(f"w:{later}", NS)
            if node is not None:
                node.addprevious(rpr)
                break
    rpr.insert(0, revisions.mark(tag))


def _content_runs(paragraph: Any) -> list[Any]:
    return [c for c in paragraph if c.tag != q("pPr")]


def mark_whole(paragraph: Any, kind: str, revisions: _Revisions) -> None:
    """Mark every run and the paragraph mark as inserted ("ins"), deleted ("del"), moved (moveFrom/moveTo)."""
    children = _content_runs(paragraph)
    runs = [c for c in children if c.tag == q("r")]
    for child in children:
        if child.tag == q("r"):
            index = paragraph.index(child)
            paragraph.remove(child)
            converted = _as_deleted(child) if kind in ("del", "moveFrom") else child
            wrapper = _wrap(kind, [converted], revisions)
            paragraph.insert(index, wrapper)
    del runs
    _mark_paragraph(paragraph, kind, revisions)


def _rewrite_paragraph(
    element: Any,
    old: Paragraph,
    new: Paragraph,
    lang: Lang,
    revisions: _Revisions,
    equal_tag: str | None = None,
    keep_deleted: bool = True,
) -> None:
    """Replace the runs of a rendered new paragraph with its diff against ``old``."""
    old_text, _old_refs = _tokens(old, lang)
    new_text, new_refs = _tokens(new, lang)
    groups = _field_groups(element)
    rpr = _run_properties(element)
    if len(groups) != len(new_refs):
        raise RenderError("redline: a paragraph's fields do not match its references")
    # Old references become plain text when deleted: map their private characters to labels.
    old_labels = {chr(_FIELD_BASE + i): r.label[lang] for i, r in enumerate(_old_refs)}
    new_field_index = {chr(_FIELD_BASE + i): i for i in range(len(new_refs))}
    # Make the same reference the same character in both texts, so an unchanged field is "equal".
    remap: dict[str, str] = {}
    for i, ref in enumerate(_old_refs):
        for j, candidate in enumerate(new_refs):
            same = candidate.bookmark == ref.bookmark and candidate.label[lang] == ref.label[lang]
            if same and chr(_FIELD_BASE + j) not in remap.values():
                remap[chr(_FIELD_BASE + i)] = chr(_FIELD_BASE + j)
                break
        else:
            remap[chr(_FIELD_BASE + i)] = old_labels[chr(_FIELD_BASE + i)]
    old_text = "".join(remap.get(ch, ch) for ch in old_text)
    pieces = diff_text(old_text, new_text)

    for child in _content_runs(element):
        if child.tag in (q("r"), q("hyperlink"), q("fldSimple")):
            element.remove(child)
    anchor = element.find("w:bookmarkEnd", NS)

    def emit(node: Any) -> None:
        if anchor is not None and anchor.getparent() is element:
            anchor.addprevious(node)
        else:
            element.append(node)

    for piece in pieces:
        nodes: list[Any] = []
        buffer = ""
        for ch in piece.text:
            if ch in new_field_index and piece.op != "delete":
                if buffer:
                    nodes.append(_text_run(buffer, rpr))
                    buffer = ""
                index = new_field_index[ch]
                nodes.extend(copy.deepcopy(groups[index]))
                # The field shows the article (第十八條); the rest of the label (第一項) follows as text.
                shown = _field_result(groups[index])
                label = new_refs[index].label[lang]
                if label.startswith(shown) and label != shown:
                    nodes.append(_text_run(label[len(shown) :], rpr))
            else:
                buffer += old_labels.get(ch, ch) if piece.op == "delete" else ch
        if buffer:
            nodes.append(_text_run(buffer, rpr, deleted=piece.op == "delete"))
        if piece.op == "equal":
            if equal_tag is None:
                for node in nodes:
                    emit(node)
            else:
                emit(_wrap(equal_tag, nodes, revisions))
        elif piece.op == "insert":
            emit(_wrap("ins", nodes, revisions))
        elif keep_deleted:
            emit(_wrap("del", [_as_deleted(n) for n in nodes], revisions))


def _mark_row(row: Any, tag: str, revisions: _Revisions) -> None:
    trpr = row.find("w:trPr", NS)
    if trpr is None:
        trpr = etree.Element(q("trPr"))
        tblpr = row.find("w:tblPrEx", NS)
        if tblpr is not None:
            tblpr.addnext(trpr)
        else:
            row.insert(0, trpr)
    trpr.append(revisions.mark(tag))
    for paragraph in row.iter(q("p")):
        mark_whole(paragraph, tag, revisions)


def _body_rows(table: Any) -> list[Any]:
    rows = table.findall("w:tr", NS)
    return [r for r in rows if r.find("w:trPr/w:tblHeader", NS) is None]


def _cell_paragraph(text_old: str, text_new: str, paragraph: Any, lang: Lang, revisions: _Revisions) -> None:
    old = Paragraph({lang: (Span(text_old),)})
    new = Paragraph({lang: (Span(text_new),)})
    if text_old != text_new:
        _rewrite_paragraph(paragraph, old, new, lang, revisions)


def _rewrite_table(element: Any, old_element: Any, change: BlockChange, lang: Lang, revisions: _Revisions) -> None:
    assert isinstance(change.old, Table) and isinstance(change.new, Table)
    new_rows, old_rows = _body_rows(element), _body_rows(old_element)
    for row_change in change.rows:
        if row_change.kind == "changed" and row_change.old is not None and row_change.new is not None:
            cells = new_rows[row_change.new].findall("w:tc", NS)
            for index, cell in enumerate(cells):
                paragraph = cell.find("w:p", NS)
                if paragraph is None or index >= len(change.new.rows[row_change.new]):
                    continue
                _cell_paragraph(
                    change.old.rows[row_change.old][index][lang],
                    change.new.rows[row_change.new][index][lang],
                    paragraph,
                    lang,
                    revisions,
                )
        elif row_change.kind == "added" and row_change.new is not None:
            _mark_row(new_rows[row_change.new], "ins", revisions)
    # Deleted rows: copy the old row in after the new row that follows it in old order.
    for row_change in change.rows:
        if row_change.kind != "deleted" or row_change.old is None:
            continue
        copied = copy.deepcopy(old_rows[row_change.old])
        _mark_row(copied, "del", revisions)
        position = min(row_change.old, len(new_rows))
        if position < len(new_rows):
            new_rows[position].addprevious(copied)
        elif new_rows:
            new_rows[-1].addnext(copied)
        else:
            element.append(copied)


def _insert_before(anchor: Any, elements: Sequence[Any]) -> None:
    for element in elements:
        anchor.addprevious(element)


def _old_copies(
    old_body: Any, clause: Clause, tag: str, revisions: _Revisions, article_heading: Any | None
) -> list[Any]:
    found = _clause_elements(old_body, clause)
    copies = [copy.deepcopy(e) for e in found.all]
    if article_heading is not None:
        copies.insert(0, copy.deepcopy(article_heading))
    for element in copies:
        _strip_bookmarks(element)
        for paragraph in [element] if element.tag == q("p") else list(element.iter(q("p"))):
            mark_whole(paragraph, tag, revisions)
    return copies


def _strip_bookmarks(element: Any) -> None:
    """Copies of old text must not duplicate the new document's bookmark names."""
    for tag in ("bookmarkStart", "bookmarkEnd"):
        for mark in list(element.iter(q(tag))):
            mark.getparent().remove(mark)


def _article_heading(body: Any, bookmark: str) -> Any | None:
    for child in body:
        for bm in child.iter(q("bookmarkStart")):
            if bm.get(q("name")) == bookmark:
                return child
    return None


def _move_range(tag: str, name: str, revisions: _Revisions) -> tuple[Any, Any]:
    start = revisions.mark(f"{tag}RangeStart")
    start.set(q("name"), name)
    end = etree.Element(q(f"{tag}RangeEnd"))
    end.set(q("id"), start.get(q("id")))
    return start, end


def _anchor_for(change: ClauseChange, comparison: Comparison, new_body: Any) -> Any | None:
    """Where old text goes back in: before the first following old clause that is still in place."""
    old_ids = [c.id for c in comparison.old.clauses()]
    new_clauses = {c.id: c for c in comparison.new.clauses()}
    moved = {c.clause_id for c in comparison.changes if c.kind == "moved"}
    assert change.old is not None
    for cid in old_ids[old_ids.index(change.old.id) + 1 :]:
        if cid in new_clauses and cid not in moved:
            first = _clause_elements(new_body, new_clauses[cid]).all[0]
            before = first.getprevious()
            if before is not None and _is_article_heading(before) and new_clauses[cid].number == 1:
                return before
            return first
    return None


def _is_article_heading(element: Any) -> bool:
    return element.tag == q("p") and _style(element) == "Heading1"


def _iter_changes(comparison: Comparison) -> Iterator[ClauseChange]:
    yield from comparison.changes


def redline_docx(comparison: Comparison, old_docx: bytes, new_docx: bytes, date: dt.date) -> bytes:
    """The new version's DOCX with every change against the old one tracked."""
    if comparison.new.bilingual:
        raise RenderError("redline: bilingual agreements are compared per language; draft one language")
    lang = comparison.new.languages[0]
    revisions = _Revisions(f"{date.isoformat()}T00:00:00Z")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    new_zip = zipfile.ZipFile(io.BytesIO(new_docx))
    old_zip = zipfile.ZipFile(io.BytesIO(old_docx))
    new_root = etree.fromstring(new_zip.read("word/document.xml"), parser)
    old_root = etree.fromstring(old_zip.read("word/document.xml"), parser)
    new_body, old_body = new_root.find("w:body", NS), old_root.find("w:body", NS)
    old_articles = {c.id: a for a in comparison.old.articles for c in a.clauses}
    new_article_ids = {a.id for a in comparison.new.articles}

    insertions: list[tuple[Any | None, list[Any]]] = []
    for change in _iter_changes(comparison):
        if change.kind == "added" and change.new is not None:
            for element in _clause_elements(new_body, change.new).all:
                for paragraph in [element] if element.tag == q("p") else list(element.iter(q("p"))):
                    mark_whole(paragraph, "ins", revisions)
            continue
        if change.kind == "deleted" and change.old is not None:
            article = old_articles[change.old.id]
            heading = None
            if article.id not in new_article_ids and article.clauses[0].id == change.old.id:
                heading = _article_heading(old_body, article.bookmark)
            copies = _old_copies(old_body, change.old, "del", revisions, heading)
            insertions.append((_anchor_for(change, comparison, new_body), copies))
            continue
        assert change.old is not None and change.new is not None
        new_found = _clause_elements(new_body, change.new)
        old_found = _clause_elements(old_body, change.old)
        moving = change.kind == "moved"
        if moving:
            name = f"akMove{len(revisions.move_names) + 1}"
            revisions.move_names.append(name)
            copies = _old_copies(old_body, change.old, "moveFrom", revisions, None)
            start, end = _move_range("moveFrom", name, revisions)
            if copies:
                first_p = copies[0] if copies[0].tag == q("p") else copies[0].find(".//w:p", NS)
                last_p = copies[-1] if copies[-1].tag == q("p") else copies[-1].findall(".//w:p", NS)[-1]
                first_p.insert(1 if first_p.find("w:pPr", NS) is not None else 0, start)
                last_p.append(end)
            insertions.append((_anchor_for(change, comparison, new_body), copies))
        changed = {b.new_index: b for b in change.blocks if b.new_index is not None}
        for index, element in enumerate(new_found.blocks):
            block_change = changed.get(index)
            block = change.new.blocks[index]
            if block_change is None or (block_change.kind == "changed" and block_change.old is None):
                if moving:
                    _mark_equal(element, revisions)
                continue
            if block_change.kind == "added":
                for paragraph in [element] if element.tag == q("p") else list(element.iter(q("p"))):
                    mark_whole(paragraph, "ins", revisions)
            elif isinstance(block, Table) and isinstance(block_change.old, Table):
                old_index = block_change.old_index
                assert old_index is not None
                if moving:
                    _mark_equal(element, revisions)
                _rewrite_table(element, old_found.blocks[old_index], block_change, lang, revisions)
            elif isinstance(block, Paragraph) and isinstance(block_change.old, Paragraph):
                _rewrite_paragraph(
                    element,
                    block_change.old,
                    block,
                    lang,
                    revisions,
                    equal_tag="moveTo" if moving else None,
                    keep_deleted=not moving,
                )
                if moving:
                    _mark_paragraph(element, "moveTo", revisions)
        if moving and new_found.heading is not None:
            _mark_equal(new_found.heading, revisions)
        if not moving:
            for block_change in change.blocks:
                if block_change.kind == "deleted" and block_change.old_index is not None:
                    copied = copy.deepcopy(old_found.blocks[block_change.old_index])
                    _strip_bookmarks(copied)
                    for paragraph in [copied] if copied.tag == q("p") else list(copied.iter(q("p"))):
                        mark_whole(paragraph, "del", revisions)
                    following = [b.new_index for b in change.blocks if b.new_index is not None]
                    del following
                    position = _following_new_index(change, block_change.old_index)
                    if position is None or position >= len(new_found.blocks):
                        new_found.blocks[-1].addnext(copied)
                    else:
                        new_found.blocks[position].addprevious(copied)
        if moving:
            start, end = _move_range("moveTo", revisions.move_names[-1], revisions)
            first = new_found.all[0]
            first.insert(1 if first.find("w:pPr", NS) is not None else 0, start)
            last = new_found.all[-1]
            last_p = last if last.tag == q("p") else last.findall(".//w:p", NS)[-1]
            last_p.append(end)

    _redline_outside(old_body, new_body, comparison, lang, revisions)
    for anchor, copies in insertions:
        if anchor is None:
            sect = new_body.find("w:sectPr", NS)
            target = _signature_start(new_body) or sect
            _insert_before(target, copies)
        else:
            _insert_before(anchor, copies)

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target_zip:
        for info in new_zip.infolist():
            data = new_zip.read(info.filename)
            if info.filename == "word/document.xml":
                data = etree.tostring(new_root, xml_declaration=True, encoding="UTF-8", standalone=True)
            elif info.filename == "word/settings.xml":
                data = _track_revisions_on(data, parser)
            target_zip.writestr(info, data)
    return out.getvalue()


def _clause_ranges(body: Any, agreement: Agreement) -> set[Any]:
    """Every element inside a clause or an article heading (the rest is cover, preamble, signature).

    The set holds the element proxies themselves: lxml reuses a proxy only while it is referenced,
    so ids of dropped proxies could be recycled.
    """
    inside: set[Any] = set()
    for clause in agreement.clauses():
        inside.update(_clause_elements(body, clause).all)
    for child in body:
        if _is_article_heading(child):
            inside.add(child)
    return inside


def _outside_paragraphs(body: Any, agreement: Agreement) -> list[Any]:
    inside = _clause_ranges(body, agreement)
    out: list[Any] = []
    for child in body:
        if child in inside:
            continue
        paragraphs = [child] if child.tag == q("p") else list(child.iter(q("p")))
        out.extend(p for p in paragraphs if _has_text(p))
    return out


def _plain_text(paragraph: Any) -> str:
    return "".join(t.text or "" for t in paragraph.iter(q("t")))


def _redline_outside(old_body: Any, new_body: Any, comparison: Comparison, lang: Lang, revisions: _Revisions) -> None:
    """Track changes on the cover, key terms, preamble and signature page by aligning their paragraphs."""
    from difflib import SequenceMatcher

    old_ps = _outside_paragraphs(old_body, comparison.old)
    new_ps = _outside_paragraphs(new_body, comparison.new)
    old_texts = [_plain_text(p) for p in old_ps]
    new_texts = [_plain_text(p) for p in new_ps]
    matcher = SequenceMatcher(a=old_texts, b=new_texts, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1)
        for k in range(paired):
            element = new_ps[j1 + k]
            if _field_groups(element) or _field_groups(old_ps[i1 + k]):
                continue
            _rewrite_paragraph(
                element,
                Paragraph({lang: (Span(old_texts[i1 + k]),)}),
                Paragraph({lang: (Span(new_texts[j1 + k]),)}),
                lang,
                revisions,
            )
        for k in range(j1 + paired, j2):
            mark_whole(new_ps[k], "ins", revisions)
        for k in range(i1 + paired, i2):
            copied = copy.deepcopy(old_ps[k])
            _strip_bookmarks(copied)
            mark_whole(copied, "del", revisions)
            anchor = new_ps[j2] if j2 < len(new_ps) else None
            if anchor is not None:
                anchor.addprevious(copied)


def _mark_equal(element: Any, revisions: _Revisions) -> None:
    for paragraph in [element] if element.tag == q("p") else list(element.iter(q("p"))):
        mark_whole(paragraph, "moveTo", revisions)


def _following_new_index(change: ClauseChange, old_index: int) -> int | None:
    """The new index of the first block after ``old_index`` that both versions share."""
    assert change.old is not None and change.new is not None
    mapping: dict[int, int] = {}
    changed_old = {b.old_index for b in change.blocks if b.old_index is not None}
    changed_new = {b.new_index for b in change.blocks if b.new_index is not None}
    olds = [i for i in range(len(change.old.blocks)) if i not in changed_old or any(b.old_index == i and b.kind == "changed" for b in change.blocks)]
    news = [j for j in range(len(change.new.blocks)) if j not in changed_new or any(b.new_index == j and b.kind == "changed" for b in change.blocks)]
    for i, j in zip(olds, news, strict=False):
        mapping[i] = j
    for i in range(old_index + 1, len(change.old.blocks)):
        if i in mapping:
            return mapping[i]
    return None


def _signature_start(body: Any) -> Any | None:
    """The first element after the last article: where text of a deleted last clause goes back."""
    children = list(body)
    for child in reversed(children):
        if any(bm.get(q("name"), "").startswith("ak_") for bm in child.iter(q("bookmarkEnd"))):
            return child.getnext()
    return None


def _track_revisions_on(data: bytes, parser: Any) -> bytes:
    """Turn on Track Changes, so edits a lawyer makes to the redline are tracked too."""
    root = etree.fromstring(data, parser)
    if root.find("w:trackRevisions", NS) is None:
        element = etree.Element(q("trackRevisions"))
        # settings children follow a fixed order; trackRevisions comes after the view and zoom settings.
        after = None
        for tag in ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts",
                    "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
                    "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter",
                    "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle",
                    "proofState", "formsDesign", "attachedTemplate", "linkStyles",
                    "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
                    "revisionView"):
            found = root.find(f"w:{tag}", NS)
            if found is not None:
                after = found
        if after is None:
            root.insert(0, element)
        else:
            after.addnext(element)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


__all__ = ["Agreement", "redline_docx"]
