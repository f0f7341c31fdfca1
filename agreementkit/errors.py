"""The one root of every user-facing error.

Domain code raises these; only the CLI turns them into a message and an exit code.
Each error knows where it happened (file, line, field path) so the message can say
what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One located problem: ``FILE:LINE: field.path: message``."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
            where += ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        field = f"{self.field}: " if self.field else ""
        return f"{where}{field}{self.message}"


class AgreementKitError(Exception):
    """Root of every error a user can act on. ``exit_code`` is what the CLI returns."""

    exit_code = 2

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems: list[Problem] = list(problems or [])

    def lines(self) -> list[str]:
        """The lines to print: one per problem, or the message alone."""
        if self.problems:
            return [str(p) for p in self.problems]
        return [self.message]


class InputError(AgreementKitError):
    """A file the user gave us is missing, unreadable or invalid (exit 2)."""

    exit_code = 2


class ValidationFailed(InputError):
    """A deal, clause, playbook or data file did not validate; carries every problem found."""


class LibraryError(AgreementKitError):
    """The clause library (bundled or user's) is inconsistent: bad clause file, unknown id (exit 3)."""

    exit_code = 3


class TemplateRenderError(LibraryError):
    """A clause or template failed to render; names the clause id, language and line."""


class OutputExistsError(AgreementKitError):
    """An output file exists and ``--force`` was not given (exit 4)."""

    exit_code = 4


class RenderError(AgreementKitError):
    """A renderer could not produce its document, e.g. a glyph missing from the chosen fonts (exit 5)."""

    exit_code = 5


class RegisterError(AgreementKitError):
    """The agreement register's database cannot be opened or written: bad URL, server down, locked (exit 10)."""

    exit_code = 10


class RegisterSchemaTooNew(RegisterError):
    """The register database was written by a newer agreementkit; this one refuses to touch it (exit 11)."""

    exit_code = 11


class RegisterRefused(RegisterError):
    """The register refuses a change: unknown agreement ID, status change the state machine forbids (exit 12)."""

    exit_code = 12


class NoticeRefused(AgreementKitError):
    """A notice the agreement gives no basis for, or one that would be late (exit 6).

    The message names the clause the agreement lacks or the deadline the notice missed.
    """

    exit_code = 6
