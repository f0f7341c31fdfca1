"""The review's hostile-input corpus (tests/data/hostile/review/cases.yaml) through the CLI.

Every case: the documented exit code, its message, no traceback, nothing written unless exit 0.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from agreementkit.cli import main

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "tests" / "data" / "hostile" / "review"
CASES: list[dict[str, Any]] = YAML(typ="safe").load((HERE / "cases.yaml").read_text(encoding="utf-8"))


def run_case(case: dict[str, Any], tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.chdir(ROOT)  # paths without a placeholder are relative to the repository root
    file = str(HERE / case["file"]) if case["file"] else ""
    args = [str(a).replace("{file}", file).replace("{tmp}", str(tmp)) for a in case["args"]]
    return CliRunner().invoke(main, args)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_hostile_review_case(case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run_case(case, out, monkeypatch)
    text = result.output
    assert result.exit_code == case["exit"], text
    assert "Traceback" not in text
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert re.search(case["message"], text), text
    if case["exit"] != 0:
        assert not any(out.iterdir()), "nothing may be written on failure"


def test_formula_cells_are_neutralised_in_the_csv_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = next(c for c in CASES if c["file"] == "csv-formula-text.csv")
    result = run_case(case, tmp_path, monkeypatch)
    assert result.exit_code == 0, result.output
    statement = next(tmp_path.glob("*-statement.csv")).read_text(encoding="utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in statement and "'@SUM(A1:A9)" in statement
    assert "'+HYPERLINK" in statement and "'-2+3" in statement
    cells = [cell for line in statement.splitlines() for cell in line.split(",")]
    assert not any(c.lstrip('"').startswith(("=", "+", "@")) for c in cells)
