"""The Agreement: the assembled, numbered document every renderer reads.

Plain frozen dataclasses, built by :mod:`agreementkit.drafting.assemble` and never from the deal
directly by a renderer. Every piece of text is held per language (``{"zh-TW": ..., "en": ...}``)
so a renderer can lay out one language or both side by side. Numbers and cross-reference
labels are resolved here, before any rendering, so that every format shows the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from agreementkit.models.common import Lang

Localized = Mapping[Lang, str]


@dataclass(frozen=True)
class Span:
    """Literal text."""

    text: str


@dataclass(frozen=True)
class Ref:
    """A cross-reference to a clause or article, with its resolved label per language.

    ``relative``: the label names the target from inside its own article (本條第二項, "paragraph
    2 of this Article"), so it must stay text, not a field that Word would renumber absolutely.
    """

    target: str
    bookmark: str
    label: Localized
    article_bookmark: str = ""
    relative: bool = False


Inline = Span | Ref


@dataclass(frozen=True)
class Paragraph:
    """A paragraph per language; ``level`` 0 is body text, 1 a numbered item ((一)/(a)), 2 a sub-item."""

    content: Mapping[Lang, tuple[Inline, ...]]
    level: int = 0

    def text(self, lang: Lang) -> str:
        """The paragraph's plain text in ``lang`` with references as their labels."""
        return "".join(i.text if isinstance(i, Span) else i.label[lang] for i in self.content[lang])


@dataclass(frozen=True)
class Table:
    """A real table: a caption, a header row and body rows, each cell text per language."""

    id: str
    caption: Localized
    header: tuple[Localized, ...]
    rows: tuple[tuple[Localized, ...], ...]
    widths: tuple[float, ...] = ()
    numeric_columns: frozenset[int] = frozenset()


Block = Paragraph | Table


@dataclass(frozen=True)
class Clause:
    """One clause of the library, numbered inside its article."""

    id: str
    topic: str
    category: str
    article_number: int
    number: int
    heading: Localized
    blocks: tuple[Block, ...]
    bookmark: str
    label: Localized
    show_heading: bool = True


@dataclass(frozen=True)
class Article:
    """A numbered article (第○條 / Article n) grouping clauses."""

    id: str
    number: int
    heading: Localized
    clauses: tuple[Clause, ...]
    bookmark: str
    label: Localized


@dataclass(frozen=True)
class PartyBlock:
    """A party as it appears on the cover and in the signature block."""

    role: str
    label: Localized
    name: Localized
    tax_id: str | None
    registration: str | None
    address: Localized
    representative: Localized
    representative_title: Localized


@dataclass(frozen=True)
class Agreement:
    """The whole document in one or two languages."""

    languages: tuple[Lang, ...]
    prevailing_language: Lang | None
    agreement_type: str
    title: Localized
    number: str | None
    version: str
    effective_date: Localized
    signing_place: Localized | None
    parties: tuple[PartyBlock, ...]
    preamble: tuple[Paragraph, ...]
    key_terms: Table
    articles: tuple[Article, ...]
    subject: Localized
    keywords: tuple[str, ...]
    source_date: str = field(default="2026-01-01")
    preamble_bookmarks: tuple[str, ...] = ()  # one per preamble clause, around the parties and recitals
    signing_date: str | None = None  # ISO date the parties sign on, when the deal gives one
    date_style: str = "western"  # "western" (西元) or "roc" (民國), as the deal writes dates
    document_kind: str = "agreement"  # "agreement" or "amendment": how the document names itself

    @property
    def bilingual(self) -> bool:
        """Whether the document is laid out in both languages."""
        return len(self.languages) == 2

    def clauses(self) -> list[Clause]:
        """Every clause in document order."""
        return [c for a in self.articles for c in a.clauses]
