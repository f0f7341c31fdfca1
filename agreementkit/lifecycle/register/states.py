"""The life of a registered agreement: its statuses and the changes between them.

``draft ⇄ in_review → signed → active → expired | terminated`` (table in docs/register.md):

* ``draft`` and ``in_review`` go back and forth while the text is negotiated; either may be signed.
* ``signed`` becomes ``active`` when the term starts, or ends before it does (``terminated``,
  or ``expired`` when the term ran out unused).
* ``active`` ends as ``expired`` (the term ran out without renewal) or ``terminated``.
* ``expired`` and ``terminated`` are final. Any change the diagram does not show — reinstating a
  terminated agreement, un-signing a draft — is accepted only with ``--override`` and a note saying
  why; the history marks it as an override.
"""

from __future__ import annotations

from typing import Literal, get_args

from agreementkit.errors import RegisterRefused

Status = Literal["draft", "in_review", "signed", "active", "expired", "terminated"]
STATUSES: tuple[Status, ...] = get_args(Status)

TRANSITIONS: dict[Status, frozenset[Status]] = {
    "draft": frozenset({"in_review", "signed"}),
    "in_review": frozenset({"draft", "signed"}),
    "signed": frozenset({"active", "expired", "terminated"}),
    "active": frozenset({"expired", "terminated"}),
    "expired": frozenset(),
    "terminated": frozenset(),
}
# Statuses in which the agreement has been signed: an amendment in one of these supersedes the terms.
SIGNED_STATUSES: frozenset[Status] = frozenset({"signed", "active", "expired", "terminated"})


def parse_status(value: str) -> Status:
    """``value`` as a Status, or RegisterRefused listing the statuses there are."""
    for status in STATUSES:
        if value == status:
            return status
    raise RegisterRefused(f"unknown status {value!r}; use one of: {', '.join(STATUSES)}")


def check_transition(agreement_id: int, current: Status, new: Status, override: bool, note: str | None) -> bool:
    """Whether ``current`` → ``new`` is an override; refuse it when it is not allowed at all.

    Returns False for a change the state machine allows, True for one accepted as an override.
    """
    if new == current:
        raise RegisterRefused(f"agreement {agreement_id} is already {current}; nothing to change")
    if new in TRANSITIONS[current]:
        return False
    allowed = ", ".join(sorted(TRANSITIONS[current])) or "none (it is final)"
    if not override:
        raise RegisterRefused(
            f"agreement {agreement_id}: {current} → {new} is not a normal status change "
            f"(from {current}: {allowed}); if it really happened, repeat with --override --note 'why'"
        )
    if not (note and note.strip()):
        raise RegisterRefused(f"agreement {agreement_id}: --override needs a --note saying why {current} → {new}")
    return True
