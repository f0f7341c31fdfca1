"""The 修正條文對照表 as data: one row per changed paragraph, with the changed words marked.

Columns: 修正條文 (new wording, additions underlined) / 現行條文 (current wording, removals struck
through) / 說明 (what changed in the deal, drawn from the field changes that caused the clause
change). Renderers (DOCX, HTML) only lay this out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from agreementkit.lifecycle.amend.compare import BlockChange, ClauseChange, Comparison
from agreementkit.lifecycle.amend.fields import META_FIELDS, FieldChange, describe
from agreementkit.lifecycle.amend.textdiff import Piece, diff_text
from agreementkit.models.agreement import Block, Paragraph, Table
from agreementkit.models.common import Lang
from agreementkit.models.deal import Deal


@dataclass(frozen=True)
class Cell:
    """One cell: a heading line (the clause's number) and the text as marked pieces, per language."""

    heading: Mapping[Lang, str]
    pieces: Mapping[Lang, tuple[Piece, ...]]


@dataclass(frozen=True)
class Row:
    """One changed paragraph; ``explanation`` is empty for later rows of the same clause (merged cell)."""

    clause_id: str
    new: Cell
    old: Cell
    explanation: Mapping[Lang, tuple[str, ...]]
    continues: bool = False


@dataclass(frozen=True)
class ComparisonTable:
    """The whole 對照表."""

    title: Mapping[Lang, str]
    headers: Mapping[Lang, tuple[str, str, str]]
    rows: tuple[Row, ...]
    languages: tuple[Lang, ...]


HEADERS: dict[Lang, tuple[str, str, str]] = {
    "zh-TW": ("修正條文", "現行條文", "說明"),
    "en": ("Amended text", "Current text", "Explanation"),
}


def cell_lines(content: Cell, lang: Lang) -> list[list[tuple[str, str]]]:
    """The cell's marked pieces in ``lang`` as lines of (op, text); a table row's cells are joined
    by newlines, so a line break starts a new line."""
    lines: list[list[tuple[str, str]]] = [[]]
    for piece in content.pieces.get(lang, ()):
        for index, part in enumerate(piece.text.split("\n")):
            if index:
                lines.append([])
            if part:
                lines[-1].append((piece.op, part))
    return [line for line in lines if line]


def block_text(block: Block | None, lang: Lang, row: int | None = None) -> str:
    """A paragraph's text, or one table row's cells joined (a whole table when ``row`` is None)."""
    if block is None:
        return ""
    if isinstance(block, Paragraph):
        return block.text(lang) if lang in block.content else ""
    rows = block.rows if row is None else (block.rows[row],)
    return "\n".join("　".join(cell[lang] for cell in r) for r in rows)


def _marked(old: str, new: str, side: str) -> tuple[Piece, ...]:
    pieces = diff_text(old, new)
    keep = "delete" if side == "old" else "insert"
    return tuple(p for p in pieces if p.op in ("equal", keep))


def _label(change: ClauseChange, side: str, lang: Lang) -> str:
    clause = change.new if side == "new" else change.old
    if clause is None:
        return ""
    label = clause.label[lang]
    if side == "new" and change.kind == "moved" and change.old is not None:
        old = change.old.label[lang]
        return f"{label}（原{old}）" if lang == "zh-TW" else f"{label} (formerly {old})"
    return label


def _table_label(block: Table, row: int | None, lang: Lang) -> str:
    caption = block.caption[lang]
    if row is None:
        return caption
    return f"{caption}第{row + 1}列" if lang == "zh-TW" else f"{caption}, row {row + 1}"


def _units(change: ClauseChange) -> list[tuple[Block | None, int | None, Block | None, int | None]]:
    """(old block, old row, new block, new row) for every changed paragraph or table row."""
    if change.kind == "added" and change.new is not None:
        return [(None, None, b, None) for b in change.new.blocks]
    if change.kind == "deleted" and change.old is not None:
        return [(b, None, None, None) for b in change.old.blocks]
    units: list[tuple[Block | None, int | None, Block | None, int | None]] = []
    for block in change.blocks:
        units.extend(_block_units(block))
    return units


def _block_units(block: BlockChange) -> list[tuple[Block | None, int | None, Block | None, int | None]]:
    if isinstance(block.old, Table) and isinstance(block.new, Table) and block.rows:
        return [(block.old if r.old is not None else None, r.old, block.new if r.new is not None else None, r.new) for r in block.rows]
    return [(block.old, None, block.new, None)]


def _explain(
    change: ClauseChange, causes: Sequence[FieldChange], old: Deal, new: Deal, lang: Lang
) -> tuple[str, ...]:
    lines = [describe(c, old, new, lang) for c in causes if c.dotted not in META_FIELDS]
    if change.kind == "moved" and change.old is not None and change.new is not None:
        lines.append(
            f"{change.old.label['zh-TW']}移列為{change.new.label['zh-TW']}。"
            if lang == "zh-TW"
            else f"{change.old.label['en']} moves to become {change.new.label['en']}."
        )
    if change.kind == "deleted" and not lines:
        lines.append("本項刪除。" if lang == "zh-TW" else "The clause is deleted.")
    if not lines:
        lines.append(
            "配合本次修正，調整引用之條項及文字。" if lang == "zh-TW" else "Consequential change to references and wording."
        )
    return tuple(lines)


def build_table(
    comparison: Comparison,
    causes: Mapping[str, Sequence[FieldChange]],
    old_deal: Deal,
    new_deal: Deal,
    title: Mapping[Lang, str],
) -> ComparisonTable:
    """The 對照表 for ``comparison``; ``causes`` maps clause id → the field changes behind it."""
    langs = comparison.languages
    rows: list[Row] = []
    for change in comparison.changes:
        units: list[tuple[Block | None, int | None, Block | None, int | None]]
        if change.kind == "moved" and not change.text_changed:
            shown = change.new.blocks[:1] if change.new else ()
            units = [(b, None, b, None) for b in shown]
        else:
            units = _units(change)
        for index, (old_block, old_row, new_block, new_row) in enumerate(units):
            new_heading: dict[Lang, str] = {}
            old_heading: dict[Lang, str] = {}
            new_pieces: dict[Lang, tuple[Piece, ...]] = {}
            old_pieces: dict[Lang, tuple[Piece, ...]] = {}
            for lang in langs:
                old_text = block_text(old_block, lang, old_row)
                new_text = block_text(new_block, lang, new_row)
                new_heading[lang] = _label(change, "new", lang) if new_block is not None else ""
                old_heading[lang] = _label(change, "old", lang) if old_block is not None else ""
                if isinstance(new_block, Table):
                    new_heading[lang] += f"　{_table_label(new_block, new_row, lang)}"
                if isinstance(old_block, Table):
                    old_heading[lang] += f"　{_table_label(old_block, old_row, lang)}"
                if new_block is None:
                    new_pieces[lang] = (Piece("equal", "（刪除）" if lang == "zh-TW" else "(deleted)"),)
                else:
                    new_pieces[lang] = _marked(old_text, new_text, "new")
                if old_block is None:
                    old_pieces[lang] = (Piece("equal", "（新增）" if lang == "zh-TW" else "(new)"),)
                else:
                    old_pieces[lang] = _marked(old_text, new_text, "old")
            explanation = (
                {lang: _explain(change, causes.get(change.clause_id, ()), old_deal, new_deal, lang) for lang in langs}
                if index == 0
                else {lang: () for lang in langs}
            )
            rows.append(
                Row(
                    change.clause_id,
                    Cell(new_heading, new_pieces),
                    Cell(old_heading, old_pieces),
                    explanation,
                    continues=index > 0,
                )
            )
    return ComparisonTable(title, {lang: HEADERS[lang] for lang in langs}, tuple(rows), langs)
