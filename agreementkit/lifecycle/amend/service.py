"""``agreementkit amend``: two versions of a deal → amendment agreement, 對照表, redline and JSON."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agreementkit.errors import InputError
from agreementkit.lifecycle.amend.attribution import attribute
from agreementkit.lifecycle.amend.compare import ClauseChange, Comparison, compare_agreements
from agreementkit.lifecycle.amend.document import AmendmentInfo, amendment_title, build_amendment
from agreementkit.lifecycle.amend.fields import FieldChange, deal_changes
from agreementkit.lifecycle.amend.table_model import ComparisonTable, block_text, build_table
from agreementkit.models.agreement import Agreement
from agreementkit.models.common import LANGS, Lang
from agreementkit.models.deal import Deal

AMEND_FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class AmendRequest:
    """What the user asked ``agreementkit amend`` for."""

    old_path: Path
    new_path: Path
    out_dir: Path
    lang: str | None = None
    formats: tuple[str, ...] = ("docx",)
    effective_date: dt.date | None = None
    library_dir: Path | None = None
    force: bool = False


@dataclass(frozen=True)
class AmendResult:
    """The files written (none when the versions say the same thing)."""

    written: tuple[Path, ...]
    changes: int


def _same_parties(old: Deal, new: Deal) -> None:
    if old.agreement.type != new.agreement.type:
        raise InputError(
            f"agreement.type: the old version is a {old.agreement.type} agreement and the new one a "
            f"{new.agreement.type} agreement; an amendment cannot change the kind of agreement — draft a new one"
        )
    for role in ("supplier", "partner"):
        before, after = getattr(old.parties, role), getattr(new.parties, role)
        same_id = (before.tax_id or before.registration) == (after.tax_id or after.registration)
        if not same_id and before.name != after.name:
            raise InputError(
                f"parties.{role}: the two versions name different parties; an amendment is between the same parties"
            )


def _effective_date(request: AmendRequest, old: Deal, new: Deal) -> dt.date:
    if request.effective_date is not None:
        return request.effective_date
    if new.agreement.effective_date != old.agreement.effective_date:
        return new.agreement.effective_date
    raise InputError(
        f"{request.new_path}: agreement.effective_date is the same in both versions; "
        "give the amendment's effective date with --effective-date YYYY-MM-DD"
    )


def _languages(request: AmendRequest, old: Deal, new: Deal) -> tuple[Lang, ...]:
    from agreementkit.drafting.service import languages_for

    languages_for(old, request.lang)  # the old version must have the texts too
    return languages_for(new, request.lang)


def _outputs(request: AmendRequest, langs: tuple[Lang, ...]) -> dict[str, Path]:
    stem = request.new_path.stem
    folder = request.out_dir
    names: dict[str, Path] = {f"amendment.{fmt}": folder / f"{stem}.amendment.{fmt}" for fmt in request.formats}
    names["comparison.docx"] = folder / f"{stem}.comparison.docx"
    if "pdf" in request.formats:
        names["comparison.pdf"] = folder / f"{stem}.comparison.pdf"
    if len(langs) == 2:
        for lang in langs:
            names[f"redline.{lang}.docx"] = folder / f"{stem}.redline.{lang}.docx"
    else:
        names["redline.docx"] = folder / f"{stem}.redline.docx"
    names["json"] = folder / f"{stem}.amendment.json"
    return names


def comparison_json(
    comparison: Comparison,
    causes: Mapping[str, Sequence[FieldChange]],
    table: ComparisonTable,
    fields: Sequence[FieldChange],
    info: AmendmentInfo,
) -> dict[str, Any]:
    """The comparison as plain data: what changed, old and new text, and the deal fields behind it."""
    langs = comparison.languages
    explanations = {row.clause_id: row.explanation for row in table.rows if not row.continues}

    def label(clause: Any) -> dict[str, str] | None:
        return None if clause is None else {lang: clause.label[lang] for lang in langs}

    def change_data(change: ClauseChange) -> dict[str, Any]:
        if change.kind in ("added", "deleted"):
            clause = change.new or change.old
            assert clause is not None
            side = "new_text" if change.kind == "added" else "old_text"
            blocks: list[dict[str, Any]] = [{side: {lang: block_text(b, lang) for lang in langs}} for b in clause.blocks]
        else:
            blocks = [
                {
                    "kind": b.kind,
                    "old_index": b.old_index,
                    "new_index": b.new_index,
                    "old_text": {lang: block_text(b.old, lang) for lang in langs} if b.old is not None else None,
                    "new_text": {lang: block_text(b.new, lang) for lang in langs} if b.new is not None else None,
                }
                for b in change.blocks
            ]
        clause = change.new or change.old
        assert clause is not None
        return {
            "clause": change.clause_id,
            "kind": change.kind,
            "heading": {lang: clause.heading[lang] for lang in langs},
            "old_label": label(change.old),
            "new_label": label(change.new),
            "blocks": blocks,
            "deal_fields": [c.dotted for c in causes.get(change.clause_id, ())],
            "explanation": {lang: list(lines) for lang, lines in explanations.get(change.clause_id, {}).items()},
        }

    return {
        "amendment_number": info.number,
        "effective_date": info.effective_date.isoformat(),
        "old_version": comparison.old.version,
        "new_version": comparison.new.version,
        "agreement_number": comparison.new.number,
        "languages": list(langs),
        "renumbered": comparison.renumbered,
        "changes": [change_data(c) for c in comparison.changes],
        "deal_changes": [
            {"field": c.dotted, "kind": c.kind, "old": _plain(c.old), "new": _plain(c.new)} for c in fields
        ],
    }


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def amend(request: AmendRequest) -> AmendResult:
    """Compare the two deals and write every amendment document atomically; nothing when unchanged."""
    from agreementkit.deal.load import load_deal
    from agreementkit.drafting.assemble import assemble
    from agreementkit.fileio.output import ensure_writable, write_bytes
    from agreementkit.library.loader import Library
    from agreementkit.lifecycle.amend.table_docx import render_table_docx
    from agreementkit.render.docx import render_docx

    old_deal, new_deal = load_deal(request.old_path), load_deal(request.new_path)
    _same_parties(old_deal, new_deal)
    langs = _languages(request, old_deal, new_deal)
    library = Library.open(request.library_dir)
    old, new = assemble(old_deal, library, langs), assemble(new_deal, library, langs)
    comparison = compare_agreements(old, new)
    if comparison.unchanged:
        return AmendResult((), 0)

    info = AmendmentInfo(
        number=new_deal.agreement.amendment or (old_deal.agreement.amendment or 0) + 1,
        effective_date=_effective_date(request, old_deal, new_deal),
        date_style=new_deal.agreement.date_style,
        original_date=old_deal.agreement.signing_date or old_deal.agreement.effective_date,
    )
    outputs = _outputs(request, langs)
    for path in outputs.values():  # refuse before doing any work, so nothing is half-written
        ensure_writable(path, request.force)

    fields = deal_changes(old_deal, new_deal)
    causes = attribute(old_deal, old, fields, lambda deal: assemble(deal, library, langs))
    title = {
        lang: f"{amendment_title(old, info.number)[lang]}{'　修正條文對照表' if lang == 'zh-TW' else ' — Comparison Table'}"
        for lang in LANGS
    }
    table = build_table(comparison, causes, old_deal, new_deal, title)
    amendment = build_amendment(comparison, info)

    rendered: list[tuple[Path, bytes]] = []
    for key, path in outputs.items():
        if key == "amendment.docx":
            rendered.append((path, render_docx(amendment)))
        elif key == "amendment.pdf":
            from agreementkit.render.pdf import render_pdf

            rendered.append((path, render_pdf(amendment)))
        elif key == "comparison.docx":
            rendered.append((path, render_table_docx(table, info.effective_date, old.subject[langs[0]])))
        elif key == "comparison.pdf":
            from agreementkit.lifecycle.amend.table_html import render_table_pdf

            rendered.append((path, render_table_pdf(table, info.effective_date, old.subject[langs[0]])))
        elif key.startswith("redline."):
            rendered.append((path, _redline(key, old_deal, new_deal, library, langs, info, comparison)))
        elif key == "json":
            payload = comparison_json(comparison, causes, table, fields, info)
            rendered.append((path, (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")))
    for path, data in rendered:
        write_bytes(path, data, force=request.force)
    return AmendResult(tuple(path for path, _ in rendered), len(comparison.changes))


def _redline(
    key: str,
    old_deal: Deal,
    new_deal: Deal,
    library: Any,
    langs: tuple[Lang, ...],
    info: AmendmentInfo,
    comparison: Comparison,
) -> bytes:
    """A redline per language: tracked changes are read one language at a time."""
    from agreementkit.drafting.assemble import assemble
    from agreementkit.lifecycle.amend.redline import redline_docx
    from agreementkit.render.docx import render_docx

    if len(langs) == 2:
        lang: Lang = "zh-TW" if key == "redline.zh-TW.docx" else "en"
        old: Agreement = assemble(old_deal, library, (lang,))
        new: Agreement = assemble(new_deal, library, (lang,))
        comparison = compare_agreements(old, new)
    else:
        old, new = comparison.old, comparison.new
    return redline_docx(comparison, render_docx(old), render_docx(new), info.effective_date)
