"""Reading back what a matrix draft produced: DOCX paragraphs, bookmarks and REF fields; HTML text and ids.

Plain readers with no judgement; :mod:`tests.matrix.checks` decides what is wrong.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REF = re.compile(r"^\s*(?:REF|PAGEREF|NOTEREF)\s+([^\s\\]+)")


@dataclass(frozen=True)
class DocxParagraph:
    """One paragraph of the DOCX (body, tables, headers, footers) in document order."""

    part: str
    style: str  # the style id, e.g. Heading1, AKHeading1EN
    text: str


@dataclass
class DocxContent:
    """What the checks need of a DOCX."""

    paragraphs: list[DocxParagraph] = field(default_factory=list)
    bookmarks: set[str] = field(default_factory=set)
    ref_targets: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # internal hyperlinks (w:hyperlink w:anchor)

    def text(self) -> str:
        """Every paragraph's text, one per line."""
        return "\n".join(p.text for p in self.paragraphs)


def read_docx(data: bytes) -> DocxContent:
    """Paragraphs (with style ids), bookmark names, REF targets and link anchors of a DOCX."""
    from lxml import etree

    content = DocxContent()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)]
        names.sort(key=lambda n: (n != "word/document.xml", n))
        for name in names:
            root = etree.fromstring(archive.read(name))
            part = name.removeprefix("word/").removesuffix(".xml")
            for mark in root.iter(f"{W}bookmarkStart"):
                content.bookmarks.add(mark.get(f"{W}name", ""))
            for instr in root.iter(f"{W}instrText"):
                match = _REF.match(instr.text or "")
                if match:
                    content.ref_targets.append(match.group(1))
            for simple in root.iter(f"{W}fldSimple"):
                match = _REF.match(simple.get(f"{W}instr", ""))
                if match:
                    content.ref_targets.append(match.group(1))
            for link in root.iter(f"{W}hyperlink"):
                anchor = link.get(f"{W}anchor")
                if anchor:
                    content.anchors.append(anchor)
            for para in root.iter(f"{W}p"):
                style_el = para.find(f"{W}pPr/{W}pStyle")
                style = style_el.get(f"{W}val", "") if style_el is not None else ""
                pieces: list[str] = []
                for node in para.iter(f"{W}t", f"{W}tab", f"{W}br"):
                    if node.tag == f"{W}t":
                        pieces.append(node.text or "")
                    else:
                        pieces.append(" " if node.tag == f"{W}tab" else "\n")
                content.paragraphs.append(DocxParagraph(part, style, "".join(pieces)))
    return content


class _HtmlReader(HTMLParser):
    _SKIP = frozenset({"style", "script", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.headings: list[tuple[str, str]] = []  # (class attribute, text) of h2 / h3
        self.texts: list[str] = []
        self._skip = 0
        self._heading: tuple[str, str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in self._SKIP:
            self._skip += 1
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("href", "").startswith("#"):
            self.hrefs.append(values["href"][1:])
        if tag in ("h2", "h3") and self._heading is None:
            self._heading = (tag, values.get("class", ""), [])

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        if self._heading is not None and tag == self._heading[0]:
            self.headings.append((self._heading[1], "".join(self._heading[2]).strip()))
            self._heading = None
        if tag in ("p", "div", "h1", "h2", "h3", "td", "th", "li", "section", "br", "tr"):
            self.texts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.texts.append(data)
        if self._heading is not None:
            self._heading[2].append(data)


@dataclass(frozen=True)
class HtmlContent:
    """Visible text, element ids, internal link targets and headings of the HTML rendition."""

    text: str
    ids: frozenset[str]
    hrefs: tuple[str, ...]
    headings: tuple[tuple[str, str], ...]


def read_html(html: str) -> HtmlContent:
    """Parse the HTML the PDF is made from."""
    reader = _HtmlReader()
    reader.feed(html)
    reader.close()
    return HtmlContent("".join(reader.texts), frozenset(reader.ids), tuple(reader.hrefs), tuple(reader.headings))
