"""Clause files and outlines of the clause library.

A clause file holds legal text only (no numbering or layout): its title and body per
language as Jinja templates, the typed variables the body uses with the deal expression
each is read from, the variants with the condition that selects each, and a sample.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from agreementkit.models.common import Lang, Strict
from agreementkit.models.deal import AgreementType

VarType = Literal[
    "string",
    "integer",
    "number",
    "money",
    "percent",
    "boolean",
    "date",
    "text",
    "text_list",
    "list",
    "object",
]
ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class BiText(Strict):
    """Text required in both languages."""

    zh_TW: str = Field(alias="zh-TW", min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: Lang) -> str:
        """The text in ``lang``."""
        return self.zh_TW if lang == "zh-TW" else self.en

    def as_dict(self) -> dict[Lang, str]:
        """``{"zh-TW": ..., "en": ...}``."""
        return {"zh-TW": self.zh_TW, "en": self.en}


class Variable(Strict):
    """A typed variable; ``source`` is a Jinja expression over ``deal`` (and ``outline``)."""

    type: VarType
    source: str = Field(alias="from", min_length=1)
    optional: bool = Field(default=False, description="The value may be null")
    description: str | None = None


class Variant(Strict):
    """One wording of the clause and the condition (a Jinja expression over the variables) that selects it."""

    id: str = Field(pattern=ID_PATTERN)
    when: str = "true"
    body: BiText


class Sample(Strict):
    """Sample variable values; ``variants`` overrides them so that each variant is selected in turn."""

    variables: dict[str, Any] = Field(default_factory=dict)
    variants: dict[str, dict[str, Any]] = Field(default_factory=dict)


class ClauseFile(Strict):
    """One clause of the library."""

    id: str = Field(pattern=ID_PATTERN, max_length=60)
    category: str = Field(pattern=ID_PATTERN)
    topic: str = Field(pattern=ID_PATTERN, description="The checker topic this clause satisfies")
    title: BiText
    applies_to: list[AgreementType] | None = None
    when: str = Field(default="true", description="Jinja expression over `deal`: include the clause?")
    variables: dict[str, Variable] = Field(default_factory=dict)
    variants: list[Variant] = Field(min_length=1)
    sample: Sample
    note: str | None = Field(default=None, description="Drafting note for lawyers; never rendered")


class OutlineArticle(Strict):
    id: str = Field(pattern=ID_PATTERN)
    heading: BiText
    clauses: list[str] = Field(min_length=1)


class Outline(Strict):
    """Which clauses, in which order and under which article headings, make an agreement type."""

    type: AgreementType
    title: BiText
    partner_label: BiText = Field(description="What the partner is called: 經銷商 / Distributor …")
    supplier_label: BiText
    preamble: list[str] = Field(default_factory=list)
    articles: list[OutlineArticle] = Field(min_length=1)
