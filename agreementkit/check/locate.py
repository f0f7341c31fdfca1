"""Decide which topics a document contains: clause bookmarks first (our DOCX), then the classifier.

In a DOCX we generated, each clause is wrapped by a bookmark ``ak_<clause_id>``; a lawyer's
edits keep it, and deleting the clause deletes it. For topics our clause library drafts, the
bookmarks are authoritative and the classifier only reads text outside them (a clause the
lawyer added by hand). Topics the library never drafts as a clause of their own (e.g.
exclusivity inside the appointment clause) are always left to the classifier.
"""

from __future__ import annotations

from typing import Protocol

from agreementkit.check.classify import classify
from agreementkit.check.model import Document, Evidence, TopicResult, block_quote
from agreementkit.check.readers.docx import ARTICLE_PREFIX, BOOKMARK_PREFIX
from agreementkit.check.topics import IMPLIED_TOPICS, TOPICS, is_topic

BOOKMARK_MAX = 40


class ClauseTopics(Protocol):
    """What we need from the clause library: clause ids and each clause's topic."""

    def clause_ids(self) -> list[str]: ...

    def topic_of(self, clause_id: str) -> str | None: ...


def bookmark_name(clause_id: str) -> str:
    """The Word bookmark our DOCX renderer puts around clause ``clause_id``."""
    return (BOOKMARK_PREFIX + clause_id)[:BOOKMARK_MAX]


def bookmark_topics(doc: Document, library: ClauseTopics) -> tuple[dict[str, list[Evidence]], set[int]]:
    """Topics shown by clause bookmarks that still hold text, and the blocks they cover."""
    by_mark = {bookmark_name(cid): cid for cid in library.clause_ids()}
    found: dict[str, list[Evidence]] = {}
    covered: set[int] = set()
    first = next((i for i, b in enumerate(doc.blocks) if b.bookmarks), len(doc.blocks))
    covered.update(range(first))  # our cover page and key-terms table only summarise the clauses
    for index, block in enumerate(doc.blocks):
        if any(m.startswith(BOOKMARK_PREFIX) for m in block.bookmarks):
            covered.add(index)  # our own article headings and clauses
        for mark in block.bookmarks:
            if mark.startswith(ARTICLE_PREFIX) or mark not in by_mark:
                continue
            topic_id = library.topic_of(by_mark[mark])
            if topic_id is None or not is_topic(topic_id):
                continue
            for tid in (topic_id, *IMPLIED_TOPICS.get(topic_id, ())):
                evidence = found.setdefault(tid, [])
                if len(evidence) < 3 and not any(e.location.article == block.location.article for e in evidence):
                    evidence.append(Evidence(block.location, block_quote(block)))
    return found, covered


def library_topics(library: ClauseTopics) -> set[str]:
    """Every topic some library clause drafts (bookmarks are authoritative for these)."""
    topics: set[str] = set()
    for cid in library.clause_ids():
        tid = library.topic_of(cid)
        if tid:
            topics.add(tid)
            topics.update(IMPLIED_TOPICS.get(tid, ()))
    return topics


def find_topics(doc: Document, library: ClauseTopics | None) -> list[TopicResult]:
    """Every registered topic with its status and evidence, in registry order."""
    found: dict[str, list[Evidence]] = {}
    sources: dict[str, str] = {}
    if doc.ours and library is not None:
        marks, covered = bookmark_topics(doc, library)
        if marks:
            drafted = library_topics(library)
            for tid, ev in marks.items():
                found[tid], sources[tid] = ev, "bookmark"
            others = {t.id for t in TOPICS} - drafted
            for tid, ev in classify(doc.blocks, topics=others).items():
                found.setdefault(tid, ev)
                sources.setdefault(tid, "classifier")
            rest = drafted - set(found)
            for tid, ev in classify(doc.blocks, topics=rest, skip_blocks=covered).items():
                found.setdefault(tid, ev)
                sources.setdefault(tid, "classifier")
            return _results(found, sources)
    for tid, ev in classify(doc.blocks).items():
        found[tid], sources[tid] = ev, "classifier"
    return _results(found, sources)


def _results(found: dict[str, list[Evidence]], sources: dict[str, str]) -> list[TopicResult]:
    return [TopicResult(t.id, t.id in found, sources.get(t.id, ""), found.get(t.id, [])) for t in TOPICS]
