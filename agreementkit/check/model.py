"""Plain data the checker passes between its stages: blocks read from a document, evidence, findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["blocker", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"blocker": 0, "warning": 1, "info": 2}
Kind = Literal["docx", "pdf", "text", "deal"]


@dataclass(frozen=True)
class Location:
    """Where a block sits: article label and heading, clause number, paragraph index, PDF page."""

    paragraph: int
    article: str | None = None
    heading: str | None = None
    clause: str | None = None
    page: int | None = None
    field: str | None = None
    line: int | None = None

    def describe(self) -> str:
        """A short human label, e.g. ``Article 12 Termination, ¶ 40, p. 7``."""
        parts: list[str] = []
        if self.field:
            parts.append(self.field + (f" (line {self.line})" if self.line else ""))
            return ", ".join(parts)
        if self.article:
            parts.append(f"{self.article} {self.heading}".strip() if self.heading else self.article)
        elif self.heading:
            parts.append(self.heading)
        if self.clause and self.clause != self.article:
            parts.append(f"§ {self.clause}")
        parts.append(f"¶ {self.paragraph + 1}")
        if self.page is not None:
            parts.append(f"p. {self.page}")
        return ", ".join(parts)

    def to_json(self) -> dict[str, Any]:
        """The location as a JSON object (only the keys that are known)."""
        data = {
            "paragraph": self.paragraph + 1,
            "article": self.article,
            "heading": self.heading,
            "clause": self.clause,
            "page": self.page,
            "field": self.field,
            "line": self.line,
        }
        return {k: v for k, v in data.items() if v is not None}


@dataclass(frozen=True)
class Block:
    """One paragraph (or table row) of a document, in reading order."""

    text: str
    location: Location
    is_heading: bool = False
    in_table: bool = False
    bookmarks: tuple[str, ...] = ()
    # the text as written when ``text`` is a conversion (Simplified → Traditional Chinese)
    original: str | None = None

    @property
    def written(self) -> str:
        """The block's text as the document has it."""
        return self.text if self.original is None else self.original


@dataclass
class Document:
    """A document turned into ordered blocks, plus what its container told us."""

    path: str
    kind: Kind
    blocks: list[Block]
    language: str = "en"
    ours: bool = False
    agreement_type: str | None = None
    bookmarks: set[str] = field(default_factory=set)
    ref_targets: list[tuple[str, Location]] = field(default_factory=list)
    pages: int | None = None

    @property
    def text(self) -> str:
        """All block texts joined by newlines."""
        return "\n".join(b.text for b in self.blocks)


@dataclass(frozen=True)
class Evidence:
    """Why we believe something: where, and a short quote."""

    location: Location
    quote: str

    def to_json(self) -> dict[str, Any]:
        """JSON form: ``{"where", "location", "quote"}``."""
        return {"where": self.location.describe(), "location": self.location.to_json(), "quote": self.quote}


@dataclass
class TopicResult:
    """A topic's status in one document, with evidence when present."""

    id: str
    present: bool
    source: str = ""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class Finding:
    """One problem for the report: severity, rule id, message, optional topic and evidence."""

    severity: Severity
    rule: str
    message: str
    topic: str | None = None
    evidence: tuple[Evidence, ...] = ()
    cite: str | None = None


def quote(text: str, start: int = 0, end: int | None = None, width: int = 160) -> str:
    """A short quote of ``text`` around ``start:end``, collapsed whitespace, at most ``width`` chars."""
    end = start if end is None else end
    lo = max(0, start - width // 3)
    # begin at a sentence start when one is near
    for mark in (". ", "。", "；", "; "):
        pos = text.rfind(mark, lo, start)
        if pos != -1:
            lo = pos + len(mark)
            break
    snippet = " ".join(text[lo : max(end, lo) + width].split())
    if len(snippet) > width:
        snippet = snippet[: width - 1].rstrip() + "…"
    return ("…" if lo > 0 else "") + snippet


def block_quote(block: Block, start: int = 0, end: int | None = None, width: int = 160) -> str:
    """A quote of ``block`` as written around ``block.text[start:end]`` (see :func:`quote`).

    When the block was converted (Simplified → Traditional) and the conversion changed its length,
    the offsets are carried over in proportion: a phrase such as 隨身碟 for U盘 shifts them by a
    character or two, well inside the quote's width.
    """
    if block.original is None or len(block.original) == len(block.text):
        return quote(block.written, start, end, width)
    ratio = len(block.original) / max(len(block.text), 1)
    end = start if end is None else end
    return quote(block.original, round(start * ratio), round(end * ratio), width)
