"""The drafting service: deal file → Agreement → one file per requested format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from agreementkit.deal.validation import dotted
from agreementkit.errors import InputError, Problem, ValidationFailed
from agreementkit.models.agreement import Agreement
from agreementkit.models.common import LANGS, Lang
from agreementkit.models.deal import Deal, missing_text_message

if TYPE_CHECKING:
    from agreementkit.deal.yamlio import LoadedYaml
    from agreementkit.library.loader import Library
from agreementkit.render.formats import parse_format_list

FORMATS = ("docx", "pdf", "html")


@dataclass(frozen=True)
class DraftRequest:
    """What the user asked ``agreementkit draft`` for."""

    deal_path: Path
    out_dir: Path
    lang: str | None = None
    formats: tuple[str, ...] = ("docx",)
    library_dir: Path | None = None
    force: bool = False
    east_asian_font: str | None = None
    options: dict[str, object] = field(default_factory=dict)


def parse_formats(value: str) -> tuple[str, ...]:
    """'docx,pdf' → ('docx', 'pdf'); unknown names are an InputError."""
    return parse_format_list(value, RENDERERS)


def languages_for(deal: Deal, lang: str | None, loaded: LoadedYaml | None = None) -> tuple[Lang, ...]:
    """The output languages: ``--lang`` if given, else the deal's.

    A language the deal lacks text for is refused with every field that lacks it, each with its
    line — the deal's own language check, run for the requested languages.
    """
    if lang is None:
        return deal.agreement.languages
    langs: tuple[Lang, ...] = LANGS if lang == "bilingual" else ("en",) if lang == "en" else ("zh-TW",)
    missing = deal.missing_texts(langs)
    if missing:
        file = str(loaded.path) if loaded is not None else None
        raise ValidationFailed(
            f"the deal lacks text needed for --lang {lang}: {len(missing)} field(s) to complete, "
            "or draft in the deal's own language",
            [
                Problem(missing_text_message(m_lang), file, loaded.line_of(path) if loaded else None, dotted(path))
                for path, m_lang in missing
            ],
        )
    return langs


def _render_docx(agreement: Agreement, request: DraftRequest) -> bytes:
    from agreementkit.render.docx import DocxOptions, render_docx

    options = (
        DocxOptions(east_asian_font=request.east_asian_font) if request.east_asian_font else DocxOptions()
    )
    return render_docx(agreement, options)


def _render_pdf(agreement: Agreement, request: DraftRequest) -> bytes:
    from agreementkit.render.pdf import PdfAttachment, render_pdf

    given = request.options.get("fonts", ())
    fonts = tuple(Path(str(f)) for f in given) if isinstance(given, tuple | list) else ()
    pdfa = bool(request.options.get("pdfa", False))
    attachments: tuple[PdfAttachment, ...] = ()
    if pdfa:  # PDF/A-3b carries the deal file, so the signed PDF holds its machine-readable terms
        try:
            attachments = (PdfAttachment(request.deal_path.name, request.deal_path.read_bytes()),)
        except OSError as exc:
            raise InputError(f"{request.deal_path}: cannot read the deal file: {exc.strerror}") from None
    return render_pdf(agreement, fonts=fonts, pdfa=pdfa, attachments=attachments)


def _render_html(agreement: Agreement, request: DraftRequest) -> bytes:
    from agreementkit.render.html import render_html

    return render_html(agreement).encode("utf-8")


RENDERERS: dict[str, Callable[[Agreement, DraftRequest], bytes]] = {
    "docx": _render_docx,
    "pdf": _render_pdf,
    "html": _render_html,
}


def output_path(request: DraftRequest, fmt: str) -> Path:
    """out/<deal file stem>[.<lang>].<fmt>."""
    suffix = f".{request.lang}" if request.lang else ""
    return request.out_dir / f"{request.deal_path.stem}{suffix}.{fmt}"


@dataclass(frozen=True)
class Prepared:
    """A deal read, checked and assembled, before anything is written."""

    deal: Deal
    loaded: LoadedYaml
    agreement: Agreement
    library: Library
    targets: tuple[tuple[str, Path], ...]
    warnings: tuple[Problem, ...] = ()


def prepare(request: DraftRequest) -> Prepared:
    """Validate the deal, refuse outputs that exist, and assemble the agreement; writes nothing."""
    from agreementkit.deal.comments import cut_values
    from agreementkit.deal.load import load_deal_located
    from agreementkit.drafting.assemble import assemble
    from agreementkit.fileio.output import ensure_writable
    from agreementkit.library.loader import Library

    deal, loaded = load_deal_located(request.deal_path)
    targets = tuple((fmt, output_path(request, fmt)) for fmt in request.formats)
    for _fmt, path in targets:  # refuse before doing any work, so nothing is half-written
        ensure_writable(path, request.force)
    library = Library.open(request.library_dir)
    agreement = assemble(deal, library, languages_for(deal, request.lang, loaded))
    return Prepared(deal, loaded, agreement, library, targets, tuple(cut_values(request.deal_path)))


def write(prepared: Prepared, request: DraftRequest) -> list[Path]:
    """Render every requested format of the prepared agreement and write each atomically."""
    from agreementkit.fileio.output import write_files

    rendered = [(path, RENDERERS[fmt](prepared.agreement, request)) for fmt, path in prepared.targets]
    return write_files(rendered, force=request.force)  # all or nothing, no clobber


def draft(request: DraftRequest) -> list[Path]:
    """Validate the deal, assemble the agreement and write every requested format atomically."""
    return write(prepare(request), request)
