"""The one entry point the CLI calls: check a deal file or a document and collect every finding."""

from __future__ import annotations

from pathlib import Path

from agreementkit.check.model import (
    Block,
    Document,
    Evidence,
    Location,
)
from agreementkit.check.result import CheckOptions, CheckResult


class _LibraryTopics:
    """Adapter: clause ids and topics from the clause library (unknown or broken clause ⇒ None)."""

    def __init__(self, library_dir: Path | None) -> None:
        from agreementkit.library.loader import Library

        self.lib = Library.open(library_dir)

    def clause_ids(self) -> list[str]:
        return self.lib.clause_ids()

    def topic_of(self, clause_id: str) -> str | None:
        from agreementkit.errors import AgreementKitError

        try:
            return self.lib.clause(clause_id).topic
        except AgreementKitError:
            return None


_TYPE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("strategic_alliance", ("策略聯盟", "strategic alliance", "alliance agreement")),
    ("referral", ("轉介", "推薦合作", "推介", "referral")),
    ("agency", ("代理", "代辦", "agency agreement", "sales agent", "agent agreement")),
    ("reseller", ("轉售", "經銷商合作(轉售)", "reseller", "resale agreement", "value added reseller")),
    ("distributor", ("經銷", "distribution agreement", "distributor agreement", "distributorship")),
)


def guess_type(title: str) -> str | None:
    """The agreement type a title names (經銷 → distributor …), or None."""
    low = title.lower()
    for kind, words in _TYPE_WORDS:
        if any(w in low for w in words):
            return kind
    return None


def _missing_hints(doc: Document, library: _LibraryTopics, agreement_type: str | None) -> dict[str, list[Evidence]]:
    """For our DOCX: where a missing topic's clause would be, after the nearest clause still present."""
    from agreementkit.check.locate import bookmark_name
    from agreementkit.errors import AgreementKitError

    if agreement_type is None:
        return {}
    try:
        outline = library.lib.outline(agreement_type)
    except AgreementKitError:
        return {}
    last_block: dict[str, Block] = {}
    for block in doc.blocks:
        for mark in block.bookmarks:
            last_block[mark] = block
    hints: dict[str, list[Evidence]] = {}
    previous: Block | None = None
    for article in outline.articles:
        for cid in article.clauses:
            here = last_block.get(bookmark_name(cid))
            if here is not None:
                previous = here
                continue
            topic_id = library.topic_of(cid)
            if topic_id is None or topic_id in hints:
                continue
            heading = article.heading.get("zh-TW" if doc.language == "zh-TW" else "en")
            where = previous.location if previous is not None else Location(0)
            note = f"clause '{cid}' of article '{heading}' is gone; it stood after this paragraph"
            hints[topic_id] = [Evidence(where, note)]
    return hints


def check_path(path: Path, options: CheckOptions) -> CheckResult:
    """Check ``path`` (a deal file, DOCX, PDF or text) and return topics and findings.

    Raises InputError (exit 2) when the file cannot be used.
    """
    if path.suffix.lower() in (".yaml", ".yml"):
        from agreementkit.check.deal_lint import check_deal

        return check_deal(path, options)
    from agreementkit.check.defects import find_defects
    from agreementkit.check.facts import document_facts
    from agreementkit.check.locate import find_topics
    from agreementkit.check.playbook import load_playbook
    from agreementkit.check.readers import read_document
    from agreementkit.check.rules import apply_playbook

    doc = read_document(path)
    library = _LibraryTopics(options.library_dir)
    topics = find_topics(doc, library if doc.ours else None)
    title = " ".join(b.text for b in doc.blocks[:5])[:400]
    agreement_type = options.agreement_type or doc.agreement_type or guess_type(title)
    book = load_playbook(agreement_type, options.playbook, library.lib.playbook_paths)
    hints = _missing_hints(doc, library, agreement_type) if doc.ours else {}
    findings = apply_playbook(book, topics, document_facts(doc, topics), doc.language, hints)
    findings.extend(find_defects(doc))
    return CheckResult(
        file=str(path),
        kind=doc.kind,
        language=doc.language,
        agreement_type=agreement_type,
        playbook=book.id,
        ours=doc.ours,
        topics=topics,
        findings=findings,
        strict=options.strict,
    )
