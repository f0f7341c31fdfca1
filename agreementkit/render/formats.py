"""Parsing of option values shared by several commands."""

from __future__ import annotations

from collections.abc import Iterable

from agreementkit.errors import InputError


def parse_format_list(value: str, allowed: Iterable[str]) -> tuple[str, ...]:
    """'docx,pdf' → ('docx', 'pdf') in the given order without repeats; InputError for unknown names."""
    choices = tuple(allowed)
    names = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    unknown = [n for n in names if n not in choices]
    if unknown or not names:
        raise InputError(f"--format: unknown format {', '.join(unknown) or '(none)'}; choose from {', '.join(choices)}")
    return names
