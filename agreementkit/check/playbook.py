"""Playbooks: which topics an agreement type requires (blocker) or recommends (warning), plus rules.

A playbook file (``clause_library/playbooks/<name>.yaml``) may ``extends`` another; lists are
added to the parent's and a rule with the same id replaces the parent's. Users pass their own
with ``--playbook FILE`` or put one with the same name in ``--library DIR/playbooks``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from agreementkit.check.topics import is_topic
from agreementkit.errors import InputError

FACTS: dict[str, str] = {
    "exclusive": "an exclusive or sole appointment",
    "profit_sharing": "rebates, commissions, royalties or revenue shares",
    "kpis": "KPI targets",
    "kpi_termination": "a right to terminate for missed KPIs or targets",
    "cure_period": "a cure / improvement period before termination",
    "personal_data": "personal or customer data shared between the parties",
    "resale_price": "language fixing or restricting the partner's resale price",
    "franchise_like": "fees paid for the right to use a brand and an operating system",
    "non_compete": "a non-compete covenant",
    "agency": "the partner acts in the supplier's name (commercial agent, 代辦商)",
    "no_fixed_term": "no fixed term",
    "bilingual": "the agreement is in two languages",
    "prevailing_language": "a prevailing language is stated",
}

Message = dict[Literal["en", "zh-TW"], str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _check_topics(values: list[str]) -> list[str]:
    unknown = [v for v in values if not is_topic(v)]
    if unknown:
        raise ValueError(f"unknown topic id(s): {', '.join(unknown)} (see agreementkit/check/topics.py)")
    return values


def _check_facts(values: list[str]) -> list[str]:
    unknown = [v for v in values if v not in FACTS and not is_topic(v)]
    if unknown:
        raise ValueError(f"unknown fact(s): {', '.join(unknown)}; known: {', '.join(FACTS)}")
    return values


class Rule(_Strict):
    """A conditional rule: when every fact in ``when`` holds, the required topics / facts must too.

    ``when`` names facts (see :data:`FACTS`) or topic ids (true when the topic is present).
    """

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    when: list[str] = Field(min_length=1)
    require_any: list[str] = Field(default_factory=list, description="At least one of these topics")
    require_all: list[str] = Field(default_factory=list, description="Every one of these topics")
    require_facts: list[str] = Field(default_factory=list)
    severity: Literal["blocker", "warning", "info"]
    message: Message
    cite: str | None = None

    @field_validator("require_any", "require_all")
    @classmethod
    def _known_topics(cls, value: list[str]) -> list[str]:
        return _check_topics(value)

    @field_validator("when", "require_facts")
    @classmethod
    def _known_facts(cls, value: list[str]) -> list[str]:
        return _check_facts(value)


class Playbook(_Strict):
    """One agreement type's checklist."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    title: Message
    extends: str | None = None
    required: list[str] = Field(default_factory=list, description="Missing ⇒ blocker")
    recommended: list[str] = Field(default_factory=list, description="Missing ⇒ warning")
    rules: list[Rule] = Field(default_factory=list)

    @field_validator("required", "recommended")
    @classmethod
    def _known_topics(cls, value: list[str]) -> list[str]:
        return _check_topics(value)

    def merged_with(self, parent: Playbook) -> Playbook:
        """This playbook on top of ``parent``."""
        own = {r.id for r in self.rules}
        required = list(dict.fromkeys([*parent.required, *self.required]))
        recommended = [t for t in dict.fromkeys([*parent.recommended, *self.recommended]) if t not in required]
        rules = [r for r in parent.rules if r.id not in own] + list(self.rules)
        return self.model_copy(update={"required": required, "recommended": recommended, "rules": rules, "extends": None})


def _load_file(path: Path) -> Playbook:
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = 0  # load_yaml reports the missing file
    return _load_cached(path.resolve(), stamp)


@lru_cache(maxsize=64)
def _load_cached(path: Path, stamp: int) -> Playbook:
    """The playbook in ``path``: from the on-disk cache (keyed on its bytes) when there, else parsed and kept."""
    from agreementkit.deal.validation import validate_document
    from agreementkit.deal.yamlio import MAX_YAML_BYTES, load_yaml_bytes
    from agreementkit.fileio.input import read_regular_file
    from agreementkit.library import filecache

    raw = read_regular_file(path, max_bytes=MAX_YAML_BYTES, what="playbook")
    cached = filecache.get(Playbook, raw)
    if cached is not None:
        return cached
    playbook = validate_document(Playbook, load_yaml_bytes(raw, path, "playbook"), "playbook")
    filecache.put(Playbook, raw, playbook)
    return playbook


def load_playbook(
    name: str | None, user_file: Path | None, index: dict[str, Path], _depth: int = 0
) -> Playbook:
    """The playbook from ``user_file``, else ``index[name]``, else ``default``; parents merged in."""
    if _depth > 5:
        raise InputError("playbook 'extends' chain is too deep (a cycle?)")
    if user_file is not None:
        book = _load_file(user_file)
    else:
        key = name if name in index else "default"
        if key not in index:
            raise InputError("no playbook found (clause_library/playbooks/default.yaml is missing)")
        book = _load_file(index[key])
    if book.extends:
        if book.extends not in index:
            raise InputError(f"playbook {book.id!r} extends unknown playbook {book.extends!r}")
        parent = load_playbook(book.extends, None, index, _depth + 1)
        book = book.merged_with(parent)
    return book
