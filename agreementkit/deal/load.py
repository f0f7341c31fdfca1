"""Load and validate a deal file."""

from __future__ import annotations

from pathlib import Path

from agreementkit.deal.validation import validate_document
from agreementkit.deal.yamlio import LoadedYaml, load_yaml, load_yaml_bytes
from agreementkit.models.deal import Deal


def load_deal(path: Path) -> Deal:
    """Read ``path`` and return the validated Deal, or raise ValidationFailed with every problem."""
    return load_deal_located(path)[0]


def load_deal_located(path: Path) -> tuple[Deal, LoadedYaml]:
    """The validated Deal and the loaded YAML it came from (for the line of each field)."""
    loaded = load_yaml(path, "deal file")
    return validate_document(Deal, loaded, "deal file"), loaded


def parse_deal(raw: bytes, path: Path) -> Deal:
    """Validate a deal file's bytes already read (``path`` names it in messages), as :func:`load_deal`."""
    return validate_document(Deal, load_yaml_bytes(raw, path, "deal file"), "deal file")
