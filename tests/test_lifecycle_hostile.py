"""Formula cells in actuals stay text, and the CSV export neutralises them (issue 11).

The review's hostile cases themselves (tests/data/hostile/review/cases.yaml) run in
tests/test_hostile_corpus.py with every other area.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from agreementkit.cli import main

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "data" / "hostile" / "review"


def test_formula_cells_are_neutralised_in_the_csv_export(tmp_path: Path) -> None:
    args = ["review", str(ROOT / "examples" / "distributor-zh-TW.yaml"), "--actuals",
            str(HOSTILE / "csv-formula-text.csv"), "--period", "2027-Q4", "-o", str(tmp_path), "--format", "csv,json"]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    statement = next(tmp_path.glob("*-statement.csv")).read_text(encoding="utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in statement and "'@SUM(A1:A9)" in statement
    assert "'+HYPERLINK" in statement and "'-2+3" in statement
    cells = [cell for line in statement.splitlines() for cell in line.split(",")]
    assert not any(c.lstrip('"').startswith(("=", "+", "@")) for c in cells)
    data = (next(tmp_path.glob("*-statement.json"))).read_text(encoding="utf-8")
    assert "=cmd|' /C calc'!A0" in data  # elsewhere kept verbatim, as text
