"""Accept or reject every tracked change in a DOCX's document.xml, as Word's Accept All / Reject All do.

Written for the tests from the WordprocessingML rules, independently of the redline writer: a
deleted (or moved-away) paragraph mark joins the paragraph with the next one, so a paragraph whose
mark and content are both removed disappears.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _unwrap(element: Any) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for child in list(element):
        parent.insert(index, child)
        index += 1
    parent.remove(element)


def resolve(document_xml: bytes, accept: bool) -> Any:
    """document.xml with every revision accepted (or rejected)."""
    root = etree.fromstring(document_xml)
    drop = ("del", "moveFrom") if accept else ("ins", "moveTo")
    keep = ("ins", "moveTo") if accept else ("del", "moveFrom")
    # Rows marked as removed go entirely.
    for row in list(root.iter(q("tr"))):
        marks = [m.tag for m in row.findall("w:trPr/*", NS)]
        if any(m in (q(t) for t in drop) for m in marks):
            row.getparent().remove(row)
    for paragraph in list(root.iter(q("p"))):
        rpr = paragraph.find("w:pPr/w:rPr", NS)
        mark_removed = rpr is not None and any(rpr.find(f"w:{t}", NS) is not None for t in drop)
        for tag in drop:
            for element in list(paragraph.iter(q(tag))):
                if element.getparent() is not None and element.getparent().tag != q("rPr"):
                    element.getparent().remove(element)
        for tag in keep:
            for element in list(paragraph.iter(q(tag))):
                if element.getparent() is not None and element.getparent().tag != q("rPr"):
                    _unwrap(element)
        if not accept:
            for deleted in list(paragraph.iter(q("delText"))):
                deleted.tag = q("t")
            for deleted in list(paragraph.iter(q("delInstrText"))):
                deleted.tag = q("instrText")
        if mark_removed and not "".join(paragraph.itertext()).strip():
            paragraph.getparent().remove(paragraph)
    return root


def body_texts(root: Any) -> list[str]:
    """The text of every paragraph in the body (table cells included), in order."""
    body = root.find("w:body", NS)
    texts = []
    for paragraph in body.iter(q("p")):
        text = "".join(t.text or "" for t in paragraph.iter(q("t")))
        if text.strip():
            texts.append(text)
    return texts


def document_xml(docx: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")
