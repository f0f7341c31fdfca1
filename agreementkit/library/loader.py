"""Finds and loads clause files, outlines and playbooks: the user's folder first, then the bundled one.

Layout of a library folder::

    <category>/<clause_id>.yaml     one clause (the file name is its id)
    jurisdictions.yaml              statute, court, tax and invoice wording (see library.jurisdictions)
    outlines/<agreement type>.yaml  one outline per agreement type
    playbooks/<name>.yaml           checker playbooks

A user's folder (``--library``) may hold any of these; a clause, outline or playbook there
replaces the bundled one with the same id, and a jurisdiction, country or institution in its
jurisdictions.yaml replaces the bundled entry with the same code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from agreementkit.deal.validation import validate_document
from agreementkit.deal.yamlio import load_yaml_bytes
from agreementkit.errors import AgreementKitError, LibraryError
from agreementkit.library import filecache
from agreementkit.library.jurisdictions import JurisdictionTable, load_table
from agreementkit.library.lawcontext import law_context, tax_context
from agreementkit.library.resources import bundled_dir
from agreementkit.models.clause import ClauseFile, Outline
from agreementkit.models.deal import Deal

SPECIAL_FOLDERS = ("outlines", "playbooks")

M = TypeVar("M", bound=BaseModel)


def _load_checked(model: type[M], path: Path, raw: bytes, what: str) -> M:
    """Parse a library file quickly; only when it is invalid, parse again for line numbers."""
    try:
        return validate_document(model, load_yaml_bytes(raw, path, what, with_lines=False), what)
    except AgreementKitError:
        pass
    try:
        return validate_document(model, load_yaml_bytes(raw, path, what), what)
    except AgreementKitError as exc:  # a bad library file is a library problem, not the user's deal
        raise LibraryError(f"{path}: invalid {what}: {'; '.join(exc.lines())}") from None


@functools.lru_cache(maxsize=4096)
def _load_cached(model: type[M], path: Path, file_stamp: filecache.Stamp, what: str) -> M:
    """A library file parsed and validated once per process for each (path, mtime, size).

    Before parsing, the on-disk cache (:mod:`agreementkit.library.filecache`, keyed on the file's
    bytes) is asked; an invalid file raises, and a raised error is never cached.
    """
    del file_stamp  # part of the cache key only
    raw = filecache.read_source(path, what)
    cached = filecache.get(model, raw)
    if cached is not None:
        return cached
    parsed = _load_checked(model, path, raw, what)
    filecache.put(model, raw, parsed)
    return parsed


def load_library_file(model: type[M], path: Path, what: str) -> M:
    """``path`` validated as ``model``, from the per-process cache unless the file changed since."""
    return cast(M, _load_cached(model, path, filecache.stamp(path), what))


@dataclass
class Library:
    """An index of clause, outline and playbook files across the search folders."""

    folders: list[Path]
    user_folder: Path | None = None
    clause_paths: dict[str, Path] = field(default_factory=dict)
    outline_paths: dict[str, Path] = field(default_factory=dict)
    playbook_paths: dict[str, Path] = field(default_factory=dict)
    _clauses: dict[str, ClauseFile] = field(default_factory=dict)
    _outlines: dict[str, Outline] = field(default_factory=dict)

    @classmethod
    def open(cls, user_folder: Path | None = None) -> Library:
        """The bundled library, overlaid by ``user_folder`` when given."""
        folders = [bundled_dir("clause_library")]
        if user_folder is not None:
            if not user_folder.is_dir():
                raise LibraryError(f"{user_folder}: clause library folder not found (--library)")
            folders.append(user_folder)
        lib = cls(folders, user_folder)
        for folder in folders:  # later folders override earlier ones
            lib._index(folder)
        return lib

    def _index(self, folder: Path) -> None:
        seen: dict[str, Path] = {}
        for path in sorted(folder.rglob("*.yaml")):
            rel = path.relative_to(folder)
            top = rel.parts[0] if len(rel.parts) > 1 else ""
            if top == "outlines":
                self.outline_paths[path.stem] = path
            elif top == "playbooks":
                self.playbook_paths[path.stem] = path
            elif len(rel.parts) == 2:
                if path.stem in seen:
                    raise LibraryError(
                        f"{path}: clause id {path.stem!r} is also defined in {seen[path.stem]}"
                    )
                seen[path.stem] = path
                self.clause_paths[path.stem] = path

    def jurisdictions(self) -> JurisdictionTable:
        """The jurisdiction table: bundled, overlaid by the user folder's jurisdictions.yaml."""
        return load_table(self.user_folder)

    def context(self, deal: Deal, outline: Outline) -> dict[str, Any]:
        """What clause expressions (``when``, ``from``) see: ``deal``, ``outline``, ``law``, ``tax``."""
        table = self.jurisdictions()
        return {"deal": deal, "outline": outline, "law": law_context(table, deal), "tax": tax_context(table, deal)}

    def clause_ids(self) -> list[str]:
        """Every clause id, sorted."""
        return sorted(self.clause_paths)

    def clause(self, clause_id: str) -> ClauseFile:
        """Load (once) and validate the clause ``clause_id``."""
        if clause_id not in self._clauses:
            path = self.clause_paths.get(clause_id)
            if path is None:
                raise LibraryError(f"unknown clause id {clause_id!r}; run 'agreementkit library list'")
            clause = load_library_file(ClauseFile, path, "clause file")
            if clause.id != clause_id:
                raise LibraryError(
                    f"{path}: the clause id {clause.id!r} must match the file name {clause_id!r}"
                )
            if path.parent.name != clause.category:
                raise LibraryError(
                    f"{path}: category {clause.category!r} must match its folder {path.parent.name!r}"
                )
            self._clauses[clause_id] = clause
        return self._clauses[clause_id]

    def outline(self, agreement_type: str) -> Outline:
        """Load (once) and validate the outline for ``agreement_type``."""
        if agreement_type not in self._outlines:
            path = self.outline_paths.get(agreement_type)
            if path is None:
                raise LibraryError(f"no outline for agreement type {agreement_type!r} in {self.folders}")
            outline = load_library_file(Outline, path, "outline")
            self._outlines[agreement_type] = outline
        return self._outlines[agreement_type]
