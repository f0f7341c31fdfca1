"""The one entry point the CLI calls: check a deal file or a document and collect every finding."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from agreementkit.check.model import SEVERITY_ORDER, Finding, Kind, TopicResult


@dataclass(frozen=True)
class CheckOptions:
    """What the user asked for on the command line."""

    playbook: Path | None = None
    agreement_type: str | None = None
    strict: bool = False
    library_dir: Path | None = None


@dataclass
class CheckResult:
    """Everything the report shows."""

    file: str
    kind: Kind
    language: str
    agreement_type: str | None
    playbook: str
    ours: bool
    topics: list[TopicResult]
    findings: list[Finding] = field(default_factory=list)
    strict: bool = False

    def count(self, severity: str) -> int:
        """How many findings have ``severity``."""
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def exit_code(self) -> int:
        """0 nothing blocks; 1 a blocker (or, with --strict, a warning)."""
        if self.count("blocker") or (self.strict and self.count("warning")):
            return 1
        return 0

    def sorted_findings(self) -> list[Finding]:
        """Findings by severity, then rule id."""
        return sorted(self.findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.rule))


class _LibraryTopics:
    """Adapter: clause ids and topics from the clause library (unknown or broken clause ⇒ None)."""

    def __init__(self, library_dir: Path | None) -> None:
        from agreementkit.library import Library

        self.lib = Library.open(library_dir)

    def clause_ids(self) -> list[str]:
        return self.lib.clause_ids()

    def topic_of(self, clause_id: str) -> str | None:
        from agreementkit.errors import AgreementKitError

        try:
            return self.lib.clause(clause_id).topic
        except AgreementKitError:
            return None


def check_path(path: Path, options: CheckOptions) -> CheckResult:
    """Check ``path`` (a deal file, DOCX, PDF or text) and return topics and findings.

    Raises InputError (exit 2) when the file cannot be used.
    """
    if path.suffix.lower() in (".yaml", ".yml"):
        from agreementkit.check.deal_lint import check_deal

        return check_deal(path, options)
    from agreementkit.check.locate import find_topics
    from agreementkit.check.readers import read_document

    doc = read_document(path)
    library = _LibraryTopics(options.library_dir) if doc.ours else None
    topics = find_topics(doc, library)
    result = CheckResult(
        file=str(path),
        kind=doc.kind,
        language=doc.language,
        agreement_type=options.agreement_type or doc.agreement_type,
        playbook="",
        ours=doc.ours,
        topics=topics,
        strict=options.strict,
    )
    return result
