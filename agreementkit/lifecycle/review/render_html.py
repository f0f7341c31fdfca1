"""Report model → HTML (sandboxed Jinja, autoescaped) → PDF (WeasyPrint, imported lazily).

The layout lives in ``templates/review/`` (HTML and CSS, no fonts). The chart is embedded as a PNG
``data:`` URI (the one the DOCX embeds) so the PDF needs nothing from outside. PDF output goes through the project's PDF
renderer (:mod:`agreementkit.render.pdf`: explicit Traditional Chinese fonts, glyph coverage
check, a URL fetcher that serves nothing but the template folder and fonts, reproducible bytes);
if that module is unavailable a minimal WeasyPrint call with the same fetch policy is used.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from agreementkit.library.resources import bundled_dir
from agreementkit.lifecycle.review.report_model import Figure, Para, ReportDocument, TableBlock

FALLBACK_FONTS = '"Noto Sans CJK TC", "Noto Sans TC", "Noto Serif CJK TC", sans-serif'


def template_dir() -> Path:
    """The folder of the review templates."""
    return bundled_dir("templates") / "review"


def _br(text: str) -> Markup:
    return Markup("<br>").join(escape(part) for part in str(text).split("\n"))


def _table(t: TableBlock) -> dict[str, Any]:
    total = sum(t.widths) if t.widths else 0
    return {
        "type": "table", "kind": t.kind, "header": list(t.header), "rows": [list(r) for r in t.rows],
        "numeric": sorted(t.numeric), "caption": t.caption,
        "widths": [round(w / total * 100, 2) for w in t.widths] if total else [],
        "styles": [t.style(i) for i in range(len(t.rows))],
    }  # fmt: skip


def _block(b: Para | TableBlock | Figure) -> dict[str, Any]:
    if isinstance(b, Para):
        return {"type": "para", "text": b.text, "style": b.style, "tag": b.tag, "cite": b.cite}
    if isinstance(b, TableBlock):
        return _table(b)
    # The same 200-dpi PNG as the DOCX: the chart is drawn once per run, and WeasyPrint lays out
    # matplotlib's SVG (every glyph a path) about 0.5 s slower a chart than it embeds a PNG.
    src = "data:image/png;base64," + base64.b64encode(b.png).decode("ascii")
    return {"type": "figure", "src": src, "alt": b.alt, "caption": b.caption}


def render_html(report: ReportDocument) -> str:
    """The document as a self-contained HTML page."""
    from agreementkit.library.jinja import make_env

    folder = template_dir()
    env = make_env(autoescape=True)
    template = env.from_string((folder / "report.html.j2").read_text(encoding="utf-8"))
    sections = [{"heading": s.heading, "blocks": [_block(b) for b in s.blocks]} for s in report.sections]
    return template.render(
        doc=report, meta=_table(report.meta), sections=sections, br=_br,
        css=Markup((folder / "review.css").read_text(encoding="utf-8")),
    )  # fmt: skip


def render_pdf(report: ReportDocument) -> bytes:
    """The document as PDF bytes."""
    html = render_html(report)
    try:
        from agreementkit.render.fonts import select_fonts
        from agreementkit.render.pdf import html_to_pdf
    except ImportError:
        return _fallback_pdf(html)
    return html_to_pdf(html, select_fonts(), template_dir(), source_date=f"{report.date}T00:00:00Z")


def _fallback_pdf(html: str) -> bytes:  # pragma: no cover - used only without agreementkit.render.pdf
    import weasyprint

    def fetch(url: str, *args: Any, **kwargs: Any) -> Any:
        if url.startswith("data:"):
            return weasyprint.default_url_fetcher(url, *args, **kwargs)
        raise ValueError(f"agreementkit refuses to fetch {url!r}")

    css = weasyprint.CSS(string=f"html, body, table, td, th {{ font-family: {FALLBACK_FONTS}; }}")
    data: bytes = weasyprint.HTML(string=html, base_url=None, url_fetcher=fetch).write_pdf(
        stylesheets=[css], pdf_identifier=True
    )
    return data
