"""A small document model for the review report and the settlement statement.

Plain frozen dataclasses, already in the output language(s): both renderers (DOCX and HTML/PDF)
read only this, so the two formats always show the same figures. A ``\\n`` inside a text is a line
break (used to put the English beneath the Chinese in bilingual documents).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

ParaStyle = Literal["body", "lead", "note", "step", "info", "action", "warning", "critical"]
RowStyle = Literal["", "subtotal", "total", "note", "met", "at_risk", "missed", "no_data"]


@dataclass(frozen=True)
class Para:
    """A paragraph; ``tag`` is a short bold label shown before the text (e.g. 【終止權】)."""

    text: str
    style: ParaStyle = "body"
    tag: str = ""
    cite: str = ""


@dataclass(frozen=True)
class TableBlock:
    """A real table: header row, body rows, numeric (right-aligned) columns, relative widths."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    widths: tuple[float, ...] = ()
    row_styles: tuple[RowStyle, ...] = ()
    caption: str = ""
    kind: Literal["data", "meta", "signature"] = "data"

    def style(self, index: int) -> RowStyle:
        """The style of body row ``index``."""
        return self.row_styles[index] if index < len(self.row_styles) else ""


@dataclass(frozen=True)
class Figure:
    """A chart with a caption and alt text, drawn only when a renderer asks for it.

    ``draw`` renders the chart as PNG, which the DOCX and the PDF both embed. It runs at most
    once, on first use, so a JSON-only run draws nothing and a run writing DOCX and PDF draws
    each chart once.
    """

    draw: Callable[[], bytes] = field(compare=False, repr=False)
    caption: str
    alt: str
    width_cm: float = 16.5

    @functools.cached_property
    def png(self) -> bytes:
        """The chart as PNG."""
        return self.draw()


Block = Para | TableBlock | Figure


@dataclass(frozen=True)
class Section:
    """A headed section."""

    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ReportDocument:
    """One document: the KPI review report or the settlement statement."""

    kind: Literal["review", "statement"]
    lang: Literal["zh-TW", "en", "bilingual"]
    title: str
    subtitle: str
    meta: TableBlock
    sections: tuple[Section, ...]
    footer: str
    author: str
    subject: str
    keywords: tuple[str, ...] = field(default_factory=tuple)
    date: str = "2026-01-01"

    @property
    def html_lang(self) -> str:
        """The ``lang`` attribute of the document."""
        return "en" if self.lang == "en" else "zh-TW"

    def figures(self) -> list[Figure]:
        """Every figure, in order."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, Figure)]

    def texts(self) -> list[str]:
        """Every piece of text (for font coverage checks)."""
        out = [self.title, self.subtitle, self.footer, *self.meta.header]
        out += [c for r in self.meta.rows for c in r]
        for section in self.sections:
            out.append(section.heading)
            for b in section.blocks:
                if isinstance(b, Para):
                    out += [b.text, b.tag, b.cite]
                elif isinstance(b, TableBlock):
                    out += [*b.header, b.caption, *(c for r in b.rows for c in r)]
                else:
                    out += [b.caption]
        return out
