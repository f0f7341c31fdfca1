"""Load and validate a deal file."""

from __future__ import annotations

from pathlib import Path

from agreementkit.deal.validation import validate_document
from agreementkit.deal.yamlio import load_yaml
from agreementkit.models.deal import Deal


def load_deal(path: Path) -> Deal:
    """Read ``path`` and return the validated Deal, or raise ValidationFailed with every problem."""
    return validate_document(Deal, load_yaml(path, "deal file"), "deal file")
