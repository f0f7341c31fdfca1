"""Agreement → HTML: the print layout that :mod:`agreementkit.render.pdf` turns into a PDF.

The HTML is built from the Agreement alone, through the Jinja template ``templates/html/
agreement.html.j2`` (autoescaped, sandboxed) and the print stylesheet ``agreement.css`` that the
template inlines, so the HTML file is complete on its own. Numbers come from the Agreement:
article headings use ``Article.label`` (第一條 / Article 1), clause numbers are 一、 / 1.1 from
``Clause.number``, items are （一）/(a) and sub-items 1. / (i), counted per clause like the DOCX's
list numbering. Fonts are not named here: the PDF renderer adds its own font stylesheet.

A bilingual agreement is a sequence of two-column rows, one per paragraph (article heading,
clause heading, body paragraph or list item), so each Chinese paragraph sits beside its English
counterpart. Amounts, percentages and e-mail addresses are marked as unbreakable runs so a line
never splits "NT$3,500,000" or an address.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agreementkit.errors import RenderError
from agreementkit.locale.formatting import date_text
from agreementkit.locale.numerals import chinese_number
from agreementkit.locale.terms import LABELS as TERMS
from agreementkit.locale.terms import closing_date, prevailing_note, witness_sentence
from agreementkit.models.agreement import Agreement, Article, Block, Clause, Paragraph, Ref, Table
from agreementkit.models.common import Lang
from agreementkit.render.widths import fit_widths

TEMPLATE_NAME = "agreement.html.j2"
STYLESHEET_NAME = "agreement.css"

#: Fixed texts of the layout (labels, not legal text), per language: the term table's, plus the
#: page footer as CSS content.
LABELS: Mapping[str, Mapping[Lang, str]] = {
    **TERMS,
    "page": {"zh-TW": '"第 " counter(page) " 頁，共 " counter(pages) " 頁"',
             "en": '"Page " counter(page) " of " counter(pages)'},
}

#: Runs a line must not break inside: amounts with their currency, percentages, e-mail addresses.
UNBREAKABLE = re.compile(
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|(?:NT\$|US\$|HK\$|S\$|RMB ?|EUR ?|JPY ?)?\d[\d,]*(?:\.\d+)?(?: ?%|％)?"
)


# --------------------------------------------------------------------------- numbering


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("a") + rem) + out
    return out


def item_marker(level: int, n: int, lang: Lang) -> str:
    """The marker of the ``n``-th item at ``level``: （一）/(a) at 1, 1./(i) at 2."""
    if level == 1:
        return f"（{chinese_number(n)}）" if lang == "zh-TW" else f"({_letters(n)})"
    return f"{n}." if lang == "zh-TW" else f"({_roman(n)})"


def clause_number(clause: Clause, lang: Lang) -> str:
    """一、 (zh-TW) or 5.2 (en): the number shown before a clause heading."""
    return f"{chinese_number(clause.number)}、" if lang == "zh-TW" else f"{clause.article_number}.{clause.number}"


def article_heading(article: Article, lang: Lang) -> str:
    """第一條　經銷權之授與 / Article 1  Appointment — the text pdftotext and the DOCX both show."""
    sep = "\u3000" if lang == "zh-TW" else " "
    return f"{article.label[lang]}{sep}{article.heading[lang]}"


# --------------------------------------------------------------------------- view model


@dataclass
class Inline:
    """A run of text, linked to a bookmark when it is a cross-reference; ``nobr`` keeps it on one line."""

    text: str
    href: str | None = None
    nobr: bool = False


@dataclass
class ParaView:
    """One paragraph in one language, with its item marker."""

    level: int
    marker: str
    parts: list[Inline]


@dataclass
class Segment:
    """Consecutive paragraphs (per language) or one table, in a clause's order."""

    paragraphs: dict[str, list[ParaView]] = field(default_factory=dict)
    table: dict[str, Any] | None = None

    @property
    def rows(self) -> list[dict[str, ParaView]]:
        """The paragraphs paired by position: row i holds paragraph i in every language."""
        langs = list(self.paragraphs)
        if not langs:
            return []
        return [{lang: self.paragraphs[lang][i] for lang in langs} for i in range(len(self.paragraphs[langs[0]]))]


_BREAKABLE_INSIDE = re.compile(r"[,.$@%％ ]")


def split_unbreakable(text: str) -> list[Inline]:
    """``text`` as runs, with amounts, percentages and e-mail addresses as unbreakable runs."""
    out: list[Inline] = []
    pos = 0
    for m in UNBREAKABLE.finditer(text):
        # A bare number ("30") cannot break anyway; only runs with separators need the guard.
        if not _BREAKABLE_INSIDE.search(m.group()):
            continue
        if m.start() > pos:
            out.append(Inline(text[pos : m.start()]))
        out.append(Inline(m.group(), nobr=True))
        pos = m.end()
    if pos < len(text) or not out:
        out.append(Inline(text[pos:]))
    return out


def _inlines(paragraph: Paragraph, lang: Lang) -> list[Inline]:
    out: list[Inline] = []
    for i in paragraph.content.get(lang, ()):
        if isinstance(i, Ref):
            out.append(Inline(i.label[lang], i.bookmark, nobr=True))
        else:
            out.extend(split_unbreakable(i.text))
    return out


def _cell(value: Mapping[Lang, str], langs: Sequence[Lang]) -> list[dict[str, Any]]:
    """A table cell: its text per language, once if the languages agree (numbers, codes)."""
    texts = [
        {"lang": lang, "text": value.get(lang, ""), "parts": split_unbreakable(value.get(lang, ""))}
        for lang in langs
    ]
    if len(texts) == 2 and texts[0]["text"] == texts[1]["text"]:
        return texts[:1]
    return texts


#: The print layout's text width (A4 less the 25 mm and 20 mm side margins) and table font.
TEXT_WIDTH_MM = 165.0
TABLE_FONT_MM = 9.5 * 25.4 / 72 * 1.1  # 9.5 pt, a little wider for the bold header
CELL_PADDING_MM = 3.2 + 0.4


def _table(table: Table, langs: Sequence[Lang]) -> dict[str, Any]:
    n = len(table.header)
    widths = list(table.widths) if len(table.widths) == n and sum(table.widths) > 0 else [1.0] * n
    columns = [
        [table.header[c].get(lang, "") for lang in langs] + [row[c].get(lang, "") for row in table.rows for lang in langs]
        for c in range(n)
    ]
    mm = fit_widths(widths, columns, TEXT_WIDTH_MM, TABLE_FONT_MM, CELL_PADDING_MM)
    total = sum(mm) or 1.0
    return {
        "id": table.id,
        "caption": _cell(table.caption, langs),
        "widths": [f"{100 * w / total:.2f}%" for w in mm],
        "header": [_cell(h, langs) for h in table.header],
        "rows": [[_cell(c, langs) for c in row] for row in table.rows],
        "numeric": sorted(table.numeric_columns),
    }


def _segments(blocks: Sequence[Block], langs: Sequence[Lang]) -> list[Segment]:
    """Split a clause's blocks into paragraph runs and tables, numbering items per clause."""
    segments: list[Segment] = []
    counters = {lang: [0, 0] for lang in langs}
    for block in blocks:
        if isinstance(block, Table):
            segments.append(Segment(table=_table(block, langs)))
            continue
        if not segments or segments[-1].table is not None:
            segments.append(Segment(paragraphs={lang: [] for lang in langs}))
        for lang in langs:
            count = counters[lang]
            marker = ""
            if block.level == 1:
                count[0] += 1
                count[1] = 0
                marker = item_marker(1, count[0], lang)
            elif block.level >= 2:
                count[1] += 1
                marker = item_marker(2, count[1], lang)
            segments[-1].paragraphs[lang].append(ParaView(min(block.level, 2), marker, _inlines(block, lang)))
    return segments


def _clause(clause: Clause, langs: Sequence[Lang]) -> dict[str, Any]:
    return {
        "bookmark": clause.bookmark,
        "show_heading": clause.show_heading,
        "number": {lang: clause_number(clause, lang) for lang in langs},
        "heading": {lang: clause.heading[lang] for lang in langs},
        "segments": _segments(clause.blocks, langs),
    }


def _party(party: Any, langs: Sequence[Lang]) -> dict[str, Any]:
    return {
        "role": party.role,
        "label": {lang: party.label[lang] for lang in langs},
        "name": {lang: party.name[lang] for lang in langs},
        "tax_id": party.tax_id,
        "registration": party.registration,
        "address": {lang: party.address[lang] for lang in langs},
        "representative": {lang: party.representative[lang] for lang in langs},
        "title": {lang: party.representative_title[lang] for lang in langs},
    }


def view_model(agreement: Agreement) -> dict[str, Any]:
    """Everything the template shows, numbered and split by language; no deal access, no I/O."""
    langs: tuple[Lang, ...] = agreement.languages
    if not langs:
        raise RenderError("the agreement has no language to render")
    primary: Lang = langs[0]
    labels = {key: {lang: value[lang] for lang in langs} for key, value in LABELS.items() if key != "page"}
    labels["witness"] = {lang: witness_sentence(agreement.document_kind, lang) for lang in langs}
    page = " \" / \" ".join(LABELS["page"][lang] for lang in langs)
    return {
        "langs": langs,
        "primary": primary,
        "bilingual": agreement.bilingual,
        "title": {lang: agreement.title[lang] for lang in langs},
        "doc_title": " / ".join(dict.fromkeys(agreement.title[lang] for lang in langs)),
        "number": agreement.number,
        "version": agreement.version,
        "effective_date": {lang: agreement.effective_date[lang] for lang in langs},
        "signing_place": {lang: agreement.signing_place[lang] for lang in langs} if agreement.signing_place else None,
        "parties": [_party(p, langs) for p in agreement.parties],
        "key_terms": _table(agreement.key_terms, langs),
        "preamble": _segments(agreement.preamble, langs),
        "articles": [
            {
                "bookmark": a.bookmark,
                "heading": {lang: article_heading(a, lang) for lang in langs},
                "clauses": [_clause(c, langs) for c in a.clauses],
            }
            for a in agreement.articles
        ],
        "labels": labels,
        "page_footer": page,
        "author": agreement.parties[0].name[primary] if agreement.parties else "agreementkit",
        "subject": agreement.subject[primary],
        "keywords": ", ".join(agreement.keywords),
        "source_date": agreement.source_date,
        "prevailing": agreement.prevailing_language,
        "prevailing_note": (
            {lang: prevailing_note(agreement.prevailing_language, lang) for lang in langs}
            if agreement.bilingual and agreement.prevailing_language
            else None
        ),
        "signing_date": (
            {lang: date_text(dt.date.fromisoformat(agreement.signing_date), lang, agreement.date_style) for lang in langs}
            if agreement.signing_date
            else None
        ),
        "closing_date": {
            lang: closing_date(
                dt.date.fromisoformat(agreement.signing_date) if agreement.signing_date else None,
                lang,
                agreement.date_style,
            )
            for lang in langs
        },
        "colon": {lang: "：" if lang == "zh-TW" else ": " for lang in langs},
        "paren": {lang: ("（", "）") if lang == "zh-TW" else (" (", ")") for lang in langs},
    }


def template_dir(templates: Path | None = None) -> Path:
    """The folder holding ``agreement.html.j2`` and ``agreement.css`` (bundled unless given)."""
    from agreementkit.library.resources import bundled_dir

    folder = templates if templates is not None else bundled_dir("templates") / "html"
    if not (folder / TEMPLATE_NAME).is_file():
        raise RenderError(f"{folder}: no {TEMPLATE_NAME} template there")
    return folder


def render_html(agreement: Agreement, templates: Path | None = None) -> str:
    """The agreement as one self-contained HTML document (print CSS inlined), autoescaped."""
    from jinja2 import FileSystemLoader, TemplateError

    from agreementkit.library.jinja import make_env

    folder = template_dir(templates)
    env = make_env(autoescape=True)
    env.loader = FileSystemLoader(str(folder))
    try:
        template = env.get_template(TEMPLATE_NAME)
        css = (folder / STYLESHEET_NAME).read_text(encoding="utf-8")
        return template.render(doc=view_model(agreement), stylesheet=css)
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f"{folder / TEMPLATE_NAME}" + (f":{line}" if line else "")
        raise RenderError(f"{where}: HTML template failed: {exc}") from None
    except OSError as exc:
        raise RenderError(f"{folder / STYLESHEET_NAME}: cannot read stylesheet: {exc.strerror}") from None
