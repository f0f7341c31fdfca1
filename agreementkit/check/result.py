"""What a check was asked for and what it found: the types the service, deal lint and reports share."""

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
