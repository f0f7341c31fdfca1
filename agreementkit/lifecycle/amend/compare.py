"""Compare two assembled Agreements clause by clause, paragraph by paragraph and cell by cell.

Clauses are matched by id, so renumbering alone is not a change. A clause whose position among
the clauses both versions share changed (found with a longest common subsequence of their order),
or that now sits in another article, is a move; a move can also carry text changes. Inside a
clause, blocks are aligned with difflib's matcher on their text; tables are matched by id and
compared row by row and cell by cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from agreementkit.models.agreement import Agreement, Article, Block, Clause, Paragraph, Table
from agreementkit.models.common import Lang

ClauseKind = Literal["modified", "added", "deleted", "moved"]
BlockKind = Literal["changed", "added", "deleted"]


@dataclass(frozen=True)
class RowChange:
    """One table row that changed: ``old``/``new`` are row indexes (None for an added/deleted row)."""

    kind: BlockKind
    old: int | None
    new: int | None


@dataclass(frozen=True)
class BlockChange:
    """One paragraph or table of a clause that changed, with its index in each version."""

    kind: BlockKind
    old_index: int | None
    new_index: int | None
    old: Block | None
    new: Block | None
    rows: tuple[RowChange, ...] = ()


@dataclass(frozen=True)
class ClauseChange:
    """What happened to one clause; ``moved`` is set for a move, which may also change text."""

    kind: ClauseKind
    clause_id: str
    old: Clause | None
    new: Clause | None
    blocks: tuple[BlockChange, ...] = ()
    heading_changed: bool = False

    @property
    def text_changed(self) -> bool:
        """Whether the wording changed (always true for an added or deleted clause)."""
        return self.kind in ("added", "deleted") or bool(self.blocks) or self.heading_changed


@dataclass(frozen=True)
class Comparison:
    """Every clause change between two versions, in the new version's order (deletions where they stood)."""

    old: Agreement
    new: Agreement
    changes: tuple[ClauseChange, ...]
    renumbered: bool = False
    languages: tuple[Lang, ...] = field(default=())

    @property
    def unchanged(self) -> bool:
        """Whether the two versions say the same thing."""
        return not self.changes


def block_key(block: Block, languages: Sequence[Lang]) -> tuple[str, ...]:
    """What a block says in every drafted language; a table is keyed by its id and every cell."""
    if isinstance(block, Paragraph):
        return ("p", str(block.level), *(block.text(lang) for lang in languages))
    cells = [cell[lang] for row in (block.header, *block.rows) for cell in row for lang in languages]
    return ("t", block.id, *cells)


def _row_key(row: tuple[object, ...], languages: Sequence[Lang]) -> tuple[str, ...]:
    return tuple(cell[lang] for cell in row for lang in languages)  # type: ignore[index]


def _table_rows(old: Table, new: Table, languages: Sequence[Lang]) -> tuple[RowChange, ...]:
    old_keys = [_row_key(r, languages) for r in old.rows]
    new_keys = [_row_key(r, languages) for r in new.rows]
    changes: list[RowChange] = []
    matcher = SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        changes.extend(RowChange("changed", i1 + k, j1 + k) for k in range(paired))
        changes.extend(RowChange("deleted", i, None) for i in range(i1 + paired, i2))
        changes.extend(RowChange("added", None, j) for j in range(j1 + paired, j2))
    return tuple(changes)


def _same_kind(old: Block, new: Block) -> bool:
    if isinstance(old, Table) and isinstance(new, Table):
        return old.id == new.id
    return isinstance(old, Paragraph) and isinstance(new, Paragraph)


def compare_blocks(
    old: Sequence[Block], new: Sequence[Block], languages: Sequence[Lang]
) -> tuple[BlockChange, ...]:
    """The changed, added and deleted blocks that turn ``old`` into ``new``."""
    old_keys = [block_key(b, languages) for b in old]
    new_keys = [block_key(b, languages) for b in new]
    changes: list[BlockChange] = []
    matcher = SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        i, j = i1, j1
        while i < i2 and j < j2 and tag == "replace" and _same_kind(old[i], new[j]):
            a, b = old[i], new[j]
            rows = _table_rows(a, b, languages) if isinstance(a, Table) and isinstance(b, Table) else ()
            changes.append(BlockChange("changed", i, j, a, b, rows))
            i, j = i + 1, j + 1
        changes.extend(BlockChange("deleted", k, None, old[k], None) for k in range(i, i2))
        changes.extend(BlockChange("added", None, k, None, new[k]) for k in range(j, j2))
    return tuple(changes)


def _lcs_ids(old_ids: list[str], new_ids: list[str]) -> set[str]:
    matcher = SequenceMatcher(a=old_ids, b=new_ids, autojunk=False)
    kept: set[str] = set()
    for block in matcher.get_matching_blocks():
        kept.update(old_ids[block.a : block.a + block.size])
    return kept


def _article_of(agreement: Agreement) -> dict[str, Article]:
    return {c.id: a for a in agreement.articles for c in a.clauses}


def compare_agreements(old: Agreement, new: Agreement) -> Comparison:
    """Compare ``old`` and ``new``; both must be drafted in the same languages."""
    languages = tuple(lang for lang in new.languages if lang in old.languages) or new.languages
    old_clauses = {c.id: c for c in old.clauses()}
    new_clauses = {c.id: c for c in new.clauses()}
    old_articles, new_articles = _article_of(old), _article_of(new)
    common_old = [cid for cid in old_clauses if cid in new_clauses]
    common_new = [cid for cid in new_clauses if cid in old_clauses]
    in_order = _lcs_ids(common_old, common_new)

    changes: list[ClauseChange] = []
    pending_deletions = [cid for cid in old_clauses if cid not in new_clauses]

    def flush_deletions(before_old_position: int | None) -> None:
        # Deleted clauses are reported where they stood, just before the next clause that follows them.
        order = list(old_clauses)
        while pending_deletions and (
            before_old_position is None or order.index(pending_deletions[0]) < before_old_position
        ):
            cid = pending_deletions.pop(0)
            changes.append(ClauseChange("deleted", cid, old_clauses[cid], None))

    old_order = list(old_clauses)
    for cid, clause in new_clauses.items():
        if cid not in old_clauses:
            changes.append(ClauseChange("added", cid, None, clause))
            continue
        if cid in in_order:
            flush_deletions(old_order.index(cid))
        previous = old_clauses[cid]
        blocks = compare_blocks(previous.blocks, clause.blocks, languages)
        heading_changed = any(previous.heading[lang] != clause.heading[lang] for lang in languages)
        moved = cid not in in_order or old_articles[cid].id != new_articles[cid].id
        if moved:
            changes.append(ClauseChange("moved", cid, previous, clause, blocks, heading_changed))
        elif blocks or heading_changed:
            changes.append(ClauseChange("modified", cid, previous, clause, blocks, heading_changed))
    flush_deletions(None)

    old_labels = {cid: c.label for cid, c in old_clauses.items()}
    renumbered = any(old_labels[cid] != c.label for cid, c in new_clauses.items() if cid in old_labels)
    return Comparison(old, new, tuple(changes), renumbered, languages)
