"""Letter → HTML (sandboxed Jinja, autoescaped; layout in ``templates/notice/``) → PDF (WeasyPrint).

PDF output goes through the project's PDF renderer (:func:`agreementkit.render.pdf.html_to_pdf`):
explicit Traditional Chinese fonts, glyph coverage check, a fetcher that serves nothing but the
template folder and fonts, reproducible bytes.
"""

from __future__ import annotations

from pathlib import Path

from agreementkit.library.resources import bundled_dir
from agreementkit.lifecycle.notices.model import Letter, doc_title
from agreementkit.lifecycle.notices.view import sender_details, sender_names, view


def template_dir() -> Path:
    """The folder of the notice templates."""
    return bundled_dir("templates") / "notice"


def render_html(letter: Letter) -> str:
    """The letter as a self-contained HTML page."""
    from markupsafe import Markup

    from agreementkit.library.jinja import make_env

    folder = template_dir()
    lead = letter.languages[0]
    env = make_env(autoescape=True)
    template = env.from_string((folder / "letter.html.j2").read_text(encoding="utf-8"))
    return template.render(
        lang=lead, title=doc_title(letter.kind, letter.ground)[lead], author=letter.sender.name[lead],
        subject=letter.subject[lead], date=letter.date.isoformat(), reference=letter.reference,
        sender_names=sender_names(letter), sender_details=sender_details(letter),
        letters=[view(letter, lang) for lang in letter.languages],
        css=Markup((folder / "letter.css").read_text(encoding="utf-8")),
    )  # fmt: skip


def render_pdf(letter: Letter) -> bytes:
    """The letter as PDF bytes, reproducible for the same input."""
    from agreementkit.render.fonts import select_fonts
    from agreementkit.render.pdf import html_to_pdf

    html = render_html(letter)
    return html_to_pdf(html, select_fonts(), template_dir(), source_date=f"{letter.date.isoformat()}T00:00:00Z")
