"""HTML → PDF through WeasyPrint: explicit fonts checked for coverage, nothing fetched, same bytes.

WeasyPrint is imported only inside :func:`html_to_pdf`, so commands that never make a PDF do not
pay for it. The URL fetcher given to WeasyPrint serves the template folder, the chosen font files
and ``data:`` URIs and refuses everything else (``file:`` elsewhere, ``http(s):``, ``ftp:``);
a refused fetch fails the render rather than silently leaving a hole in the document.

Metadata (title, author, subject, keywords, language, dates) comes from the HTML ``<head>`` the
HTML renderer writes from the Agreement. Creation and modification dates are the Agreement's
``source_date`` (itself SOURCE_DATE_EPOCH when set), the file identifier is a hash of the
content, and font subsets are named from their glyphs, so identical input gives identical bytes.
"""

from __future__ import annotations

import datetime as dt
import gc
import html as html_lib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from agreementkit.errors import RenderError
from agreementkit.models.agreement import Agreement
from agreementkit.render.fonts import FontSet, check_coverage, select_fonts

PDFA_VARIANT = "pdf/a-3b"


@dataclass(frozen=True)
class PdfAttachment:
    """A file carried inside the PDF (the deal file, for PDF/A-3b)."""

    name: str
    data: bytes
    description: str = "Deal file: the machine-readable terms of this agreement (agreementkit)"
    relationship: str = "Source"


@dataclass
class FetchPolicy:
    """What the URL fetcher may serve: files under ``roots``, the exact ``files``, and data: URIs."""

    roots: tuple[Path, ...] = ()
    files: frozenset[Path] = frozenset()
    refused: list[str] = field(default_factory=list)

    def allowed_path(self, url: str) -> Path | None:
        """The local file ``url`` names, if the policy lets it be read; else None."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        try:
            path = Path(unquote(parts.path)).resolve()
        except (OSError, RuntimeError, ValueError):
            return None
        if path in self.files:
            return path
        for root in self.roots:
            if path.is_relative_to(root) and path.is_file():
                return path
        return None


def make_url_fetcher(policy: FetchPolicy) -> Any:
    """A WeasyPrint URL fetcher that serves only what ``policy`` allows (imports WeasyPrint)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SafeFetcher(URLFetcher):  # type: ignore[misc]
        """Serves the template folder, chosen fonts and data: URIs; refuses the rest."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                return super().fetch(url, headers)
            path = policy.allowed_path(url)
            if path is None:
                policy.refused.append(url)
                raise ValueError(f"agreementkit refuses to fetch {url!r}")
            return URLFetcherResponse(path.as_uri(), body=path.read_bytes())

    return SafeFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


def _pdf_date(iso: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _dedupe_associated_files(_document: Any, pdf: Any) -> None:
    """WeasyPrint lists each PDF/A-3 attachment twice in the catalog's /AF; keep one of each."""
    files = pdf.catalog.get("AF")
    if files:
        unique = list(dict.fromkeys(files))
        files.clear()
        files.extend(unique)


def html_to_pdf(
    html: str,
    fonts: FontSet,
    base_dir: Path,
    *,
    pdfa: bool = False,
    attachments: Sequence[PdfAttachment] = (),
    source_date: str = "2026-01-01T00:00:00Z",
) -> bytes:
    """Typeset ``html`` with exactly ``fonts``; check glyph coverage first; return the PDF bytes.

    ``base_dir`` is where relative URLs of the HTML resolve and the only folder (besides the font
    files) the fetcher reads from.
    """
    check_coverage([html_lib.unescape(html)], fonts)

    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    policy = FetchPolicy(roots=(base_dir.resolve(),), files=fonts.files)
    fetcher = make_url_fetcher(policy)
    font_config = FontConfiguration()
    base_url = base_dir.resolve().as_uri() + "/"
    when = _pdf_date(source_date)
    # WeasyPrint reports fetch failures and unknown CSS through logging; keep them off the console.
    logger = logging.getLogger("weasyprint")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        font_css = weasyprint.CSS(string=fonts.css(), base_url=base_url, url_fetcher=fetcher,
                                  font_config=font_config)
        document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
            stylesheets=[font_css], font_config=font_config
        )
        extra = [
            weasyprint.Attachment(string=a.data, name=a.name, description=a.description, created=when,
                                  modified=when, relationship=a.relationship, url_fetcher=fetcher)
            for a in attachments
        ]
        options: dict[str, Any] = {"pdf_identifier": True, "attachments": extra or None}
        if pdfa:
            options["pdf_variant"] = PDFA_VARIANT
        data: bytes = document.write_pdf(finisher=_dedupe_associated_files, **options)
        del document
    finally:
        logger.setLevel(previous)
    # WeasyPrint's layout tree is cyclic garbage. Freed now, the next document a process renders
    # (review + statement, a batch worker's next row) reuses its memory instead of adding to the
    # peak: 327 → 274 MB for the two review PDFs of the zh-TW example.
    gc.collect()
    if policy.refused:
        refused = ", ".join(sorted(set(policy.refused))[:5])
        raise RenderError(f"the document asked for resources outside the template and fonts, refused: {refused}")
    return data


def render_pdf(
    agreement: Agreement,
    *,
    fonts: Sequence[Path] = (),
    pdfa: bool = False,
    attachments: Sequence[PdfAttachment] = (),
    templates: Path | None = None,
) -> bytes:
    """The agreement as PDF bytes: HTML renderer, chosen fonts, glyph check, WeasyPrint.

    ``fonts`` are the user's own font files (``--font``); ``pdfa`` makes a PDF/A-3b file, usually
    with the deal file among ``attachments`` so the signed PDF carries its machine-readable terms.
    """
    from agreementkit.render.html import render_html, template_dir

    folder = template_dir(templates)
    html = render_html(agreement, templates)
    return html_to_pdf(
        html,
        select_fonts(fonts),
        folder,
        pdfa=pdfa,
        attachments=attachments,
        source_date=agreement.source_date,
    )
