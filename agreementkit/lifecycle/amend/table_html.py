"""The 修正條文對照表 as HTML and PDF: the same three columns as the Word table, the header row
repeated on every page, additions underlined and removals struck through, 說明 spanning a
clause's rows. Layout lives in ``templates/amend/``; fonts, glyph check and fetch policy are the
project's PDF renderer's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from agreementkit.library.resources import bundled_dir
from agreementkit.lifecycle.amend.table_model import Cell, ComparisonTable, cell_lines


def template_dir() -> Path:
    """The folder of the 對照表 templates."""
    return bundled_dir("templates") / "amend"


def _cell(content: Cell, table: ComparisonTable) -> list[dict[str, Any]]:
    return [
        {"lang": lang, "heading": content.heading.get(lang, ""), "lines": cell_lines(content, lang)}
        for lang in table.languages
    ]


def _rows(table: ComparisonTable) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for row in table.rows:
        view: dict[str, Any] = {"new": _cell(row.new, table), "old": _cell(row.old, table), "span": 0}
        if not row.continues or not rows:
            view["span"] = 1
            view["explanation"] = [(lang, row.explanation.get(lang, ())) for lang in table.languages]
            rows.append(view)
            continue
        owner = next(r for r in reversed(rows) if r["span"])
        owner["span"] += 1
        rows.append(view)
    return rows


def render_table_html(table: ComparisonTable, date: dt.date, subject: str) -> str:
    """The 對照表 as a self-contained HTML page (values escaped by the sandboxed environment)."""
    from markupsafe import Markup

    from agreementkit.library.jinja import make_env

    folder = template_dir()
    lead = table.languages[0]
    env = make_env(autoescape=True)
    template = env.from_string((folder / "comparison.html.j2").read_text(encoding="utf-8"))
    return template.render(
        title="　".join(table.title[lang] for lang in table.languages),
        lang="zh-TW" if lead == "zh-TW" else "en",
        headers=["／".join(table.headers[lang][i] for lang in table.languages) for i in range(3)],
        rows=_rows(table),
        subject=subject,
        date=date.isoformat(),
        css=Markup((folder / "comparison.css").read_text(encoding="utf-8")),
    )


def render_table_pdf(table: ComparisonTable, date: dt.date, subject: str) -> bytes:
    """The 對照表 as PDF bytes, reproducible for the same input."""
    from agreementkit.render.fonts import select_fonts
    from agreementkit.render.pdf import html_to_pdf

    html = render_table_html(table, date, subject)
    return html_to_pdf(html, select_fonts(), template_dir(), source_date=f"{date.isoformat()}T00:00:00Z")
