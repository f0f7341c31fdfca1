"""The notice service: deal file + kind + options → the letter, rendered and written.

:func:`run_notice` is the one function the CLI calls; :func:`compose` is the part without file
output (tests and other programs use it).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from agreementkit.errors import InputError, NoticeRefused
from agreementkit.lifecycle.notices.body import Particulars
from agreementkit.lifecycle.notices.context import NoticeContext
from agreementkit.lifecycle.notices.letter import build_letter
from agreementkit.lifecycle.notices.model import Ground, Letter, LetterMode, NoticeKind, Role
from agreementkit.lifecycle.review.citations import Citer
from agreementkit.lifecycle.review.service import contract_terms
from agreementkit.models.agreement import Localized
from agreementkit.models.common import LANGS
from agreementkit.models.deal import Deal
from agreementkit.render.formats import parse_format_list

FORMATS = ("docx", "pdf")
MAX_REASON_CHARS = 2000


@dataclass(frozen=True)
class NoticeRequest:
    """What the CLI asks for."""

    kind: NoticeKind
    deal_path: Path
    date: dt.date
    out_dir: Path = Path(".")
    formats: tuple[str, ...] = FORMATS
    lang: LetterMode | None = None
    sender: Role = "supplier"
    ground: Ground | None = None
    reason: str | None = None
    review_path: Path | None = None
    cure_notice: dt.date | None = None
    plan_notice: dt.date | None = None
    force: bool = False
    library_dir: Path | None = None


def check_reason(reason: str | None) -> None:
    """``--reason`` is one paragraph of text: line breaks become spaces, other control characters are refused."""
    if reason is None:
        return
    bad = sorted({f"U+{ord(ch):04X}" for ch in reason if unicodedata.category(ch) in ("Cc", "Cs", "Co") and not ch.isspace()})
    if bad:
        raise InputError(f"--reason: contains control or private-use characters ({', '.join(bad)}); give plain text")
    if len(reason) > MAX_REASON_CHARS:
        raise InputError(f"--reason: {len(reason)} characters; at most {MAX_REASON_CHARS} (one paragraph of the letter)")


def parse_formats(text: str) -> tuple[str, ...]:
    """'docx,pdf' → ('docx', 'pdf'); InputError for an unknown format."""
    return parse_format_list(text, FORMATS)


def _title(deal: Deal, library_dir: Path | None) -> Localized:
    from agreementkit.library.loader import Library

    if deal.agreement.title is not None:
        return {lang: deal.agreement.title.get(lang) for lang in LANGS}
    outline = Library.open(library_dir).outline(deal.agreement.type)
    return {lang: outline.title.get(lang) for lang in LANGS}


def compose(request: NoticeRequest, deal: Deal, particulars: Particulars) -> Letter:
    """The letter for an already loaded deal (no file output)."""
    labels, terms, note = contract_terms(deal, request.library_dir)
    if note is not None:
        raise NoticeRefused(f"{request.deal_path}: {note}; a notice must cite the drafted agreement's clause numbers")
    from agreementkit.drafting.service import languages_for

    # A letter in a language the deal lacks text for is refused as a draft in it would be.
    languages_for(deal, request.lang)
    mode: LetterMode = request.lang or deal.agreement.language
    ctx = NoticeContext(deal, Citer(labels), terms, _title(deal, request.library_dir), request.date,
                        request.sender, mode)  # fmt: skip
    return build_letter(request.kind, ctx, particulars)


def output_paths(request: NoticeRequest, letter: Letter) -> dict[str, Path]:
    """``<deal>-<kind>[-<ground>]-<date>.<ext>`` in the output folder."""
    ground = f"-{letter.ground}" if letter.ground else ""
    stem = f"{request.deal_path.stem}-{request.kind}{ground}-{request.date.isoformat()}"
    return {fmt: request.out_dir / f"{stem}.{fmt}" for fmt in request.formats}


def render(letter: Letter, formats: tuple[str, ...]) -> dict[str, bytes]:
    """The letter in each requested format."""
    out: dict[str, bytes] = {}
    if "docx" in formats:
        from agreementkit.lifecycle.notices.render_docx import render_docx

        out["docx"] = render_docx(letter)
    if "pdf" in formats:
        from agreementkit.lifecycle.notices.render_html import render_pdf

        out["pdf"] = render_pdf(letter)
    return out


def run_notice(request: NoticeRequest) -> Letter:
    """Load the deal (and review), draft the letter or refuse it, render and write it atomically."""
    from agreementkit.deal.load import load_deal
    from agreementkit.fileio.output import ensure_writable, write_files
    from agreementkit.lifecycle.notices.review_input import load_review

    if request.ground is not None and request.kind != "termination":
        raise InputError(f"--ground applies to termination notices only, not to a {request.kind} notice")
    if request.kind == "termination" and request.ground is None:
        raise InputError("a termination notice needs --ground breach|convenience|kpi|insolvency|change-of-control")
    check_reason(request.reason)
    deal = load_deal(request.deal_path)
    review = load_review(request.review_path, deal) if request.review_path is not None else None
    facts = Particulars(request.reason, request.ground, request.cure_notice, request.plan_notice, review)
    letter = compose(request, deal, facts)
    paths = output_paths(request, letter)
    for path in paths.values():
        ensure_writable(path, request.force)
    data = render(letter, request.formats)
    written = write_files([(paths[fmt], data[fmt]) for fmt in request.formats], force=request.force)
    return replace(letter, outputs=tuple(written))
