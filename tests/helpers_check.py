"""Checking a text through the CLI, shared by the check tests that read the JSON report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from agreementkit.cli import main


def check_topics(tmp_path: Path, text: str) -> dict[str, dict[str, Any]]:
    """``agreementkit check`` of ``text`` (as contract.txt) in JSON: each topic's entry by its id."""
    path = tmp_path / "contract.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return {t["id"]: t for t in json.loads(result.output)["topics"]}
