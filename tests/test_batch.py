"""`agreementkit draft BASE --batch TABLE`: one agreement per partner row."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agreementkit.cli import main
from agreementkit.deal.load import load_deal_located
from agreementkit.drafting.batch_rows import apply_row, resolve_column, resolve_columns, row_deal
from agreementkit.errors import ValidationFailed
from agreementkit.models.deal import Deal
from tests.conftest import EXAMPLES, REPO

BASE = EXAMPLES / "distributor-zh-TW.yaml"
PARTNERS = EXAMPLES / "partners.csv"


def _table() -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(PARTNERS.open(encoding="utf-8", newline="")))
    return rows[0], rows[1:]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    return path


def _all_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = (c.text for t in document.tables for r in t.rows for c in r.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def test_the_example_batch_drafts_one_docx_per_partner(tmp_path: Path) -> None:
    header, rows = _table()
    assert len(rows) >= 50
    result = CliRunner().invoke(main, ["draft", str(BASE), "--batch", str(PARTNERS), "-o", str(tmp_path), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert f"drafted {len(rows)}, skipped 0" in result.output
    name_at = header.index("parties.partner.name")
    out_at = header.index("output")
    base_partner = "北辰通路股份有限公司"
    for row in rows:
        text = _all_text(tmp_path / f"{row[out_at]}.docx")
        assert row[name_at] in text
        assert base_partner not in text  # nothing of the base deal's partner is left behind


def test_three_bad_rows_among_fifty_fail_alone(tmp_path: Path) -> None:
    header, rows = _table()
    rows = [list(r) for r in rows]
    rows[4][header.index("parties.partner.tax_id")] = "12345678"  # check digit wrong
    rows[19][header.index("appointment.exclusivity")] = "semi_exclusive"
    rows[32][header.index("kpis.net_sales.threshold")] = "abc"
    table = _write(tmp_path / "partners.csv", header, rows)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["draft", str(BASE), "--batch", str(table), "-o", str(out), "--format", "html", "--jobs", "2"])
    assert result.exit_code == 1, result.output
    assert f"drafted {len(rows) - 3}, skipped 0 (already drafted), failed 3 (rows 6, 21, 34)" in result.output
    assert f"{table}:6:parties.partner.tax_id: parties.partner.tax_id:" in result.output
    assert f"{table}:21:appointment.exclusivity:" in result.output
    assert f"{table}:34:kpis.net_sales.threshold:" in result.output
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == len(rows) - 3 and not [n for n in written if n.startswith(".")]


def test_an_unknown_column_is_refused_with_the_valid_names(tmp_path: Path) -> None:
    table = _write(tmp_path / "bad.csv", ["parties.partner.nmae", "kpis.nope.target", "output"], [["x", "1", "a"]])
    result = CliRunner().invoke(main, ["draft", str(BASE), "--batch", str(table), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert "parties.partner has no field 'nmae'; its fields are name, tax_id" in result.output
    assert "no item with id or code 'nope'; the base deal's are net_sales" in result.output
    assert not (tmp_path / "out").exists()


def test_rerun_skips_finished_rows_and_force_redrafts(tmp_path: Path) -> None:
    header, rows = _table()
    table = _write(tmp_path / "three.csv", header, rows[:3])
    args = ["draft", str(BASE), "--batch", str(table), "-o", str(tmp_path / "out"), "--format", "html", "--jobs", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0 and "drafted 0, skipped 3" in again.output
    forced = CliRunner().invoke(main, [*args, "--force"])
    assert forced.exit_code == 0 and "drafted 3, skipped 0" in forced.output


def test_xlsx_batch(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    header, rows = _table()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows[:2]:
        sheet.append(row)
    path = tmp_path / "partners.xlsx"
    book.save(path)
    result = CliRunner().invoke(main, ["draft", str(BASE), "--batch", str(path), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    out_at, name_at = header.index("output"), header.index("parties.partner.name")
    assert rows[1][name_at] in _all_text(tmp_path / "out" / f"{rows[1][out_at]}.docx")


def test_columns_address_nested_fields_list_items_and_languages() -> None:
    _deal, loaded = load_deal_located(EXAMPLES / "alliance-bilingual.yaml")
    base = loaded.data
    kpi_id = base["kpis"][1]["id"]
    names = ["parties.partner.name.en", "parties.partner.name.zh-TW", f"kpis.{kpi_id}.target", "territory.regions.zh-TW",
             "territory.regions.en", "exit.convenience_notice_days"]
    columns = [resolve_column(n, i, base) for i, n in enumerate(names)]
    cells = ["Acme Taiwan Ltd.", "艾克美股份有限公司", "7", "臺北市；高雄市", "Taipei City; Kaohsiung City", "-"]
    data = apply_row(base, columns, cells)
    assert data["parties"]["partner"]["name"] == {"zh-TW": "艾克美股份有限公司", "en": "Acme Taiwan Ltd."}
    assert data["kpis"][1]["target"] == "7"
    assert data["territory"]["regions"] == [{"zh-TW": "臺北市", "en": "Taipei City"}, {"zh-TW": "高雄市", "en": "Kaohsiung City"}]
    assert "convenience_notice_days" not in data["exit"]
    assert base["kpis"][1]["target"] != "7"  # the base is never changed
    deal = row_deal(base, columns, cells, Path("t.csv"), 2)
    assert deal.kpis[1].target == 7


def test_a_group_column_only_removes() -> None:
    _deal, loaded = load_deal_located(BASE)
    columns = resolve_columns(["appointment.minimum_commitment"], loaded.data, "t.csv", 1)
    with pytest.raises(ValidationFailed) as info:
        row_deal(loaded.data, columns, ["5"], Path("t.csv"), 3)
    assert str(info.value.problems[0]).startswith("t.csv:3:appointment.minimum_commitment: ")


_CELL = st.one_of(st.text(max_size=30), st.sampled_from(["-", "0", "-1", "1,000,000", "1e400", "２０", "true", "2027-02-30", "；；"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cells=st.lists(_CELL, min_size=6, max_size=6))
def test_any_cells_give_a_deal_or_located_problems(cells: list[str]) -> None:
    _deal, loaded = load_deal_located(BASE)
    names = ["parties.partner.tax_id", "kpis.net_sales.target", "territory.regions", "term.initial_months",
             "appointment.exclusivity", "agreement.effective_date"]
    columns = [resolve_column(n, i, loaded.data) for i, n in enumerate(names)]
    try:
        deal = row_deal(loaded.data, columns, cells, Path("t.csv"), 9)
    except ValidationFailed as exc:
        assert exc.problems and all(p.file == "t.csv" and p.line == 9 for p in exc.problems)
    else:
        assert isinstance(deal, Deal)


@pytest.mark.skipif(sys.platform != "linux", reason="signals to a process group")
def test_ctrl_c_stops_cleanly_and_a_rerun_finishes(tmp_path: Path) -> None:
    header, rows = _table()
    table = _write(tmp_path / "many.csv", header, rows)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-m", "agreementkit", "draft", str(BASE), "--batch", str(table), "-o", str(out), "--jobs", "2"]
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out.exists() and any(p.suffix == ".docx" for p in out.iterdir())):
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C: the whole group
    _stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr.decode()
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    finished = list(out.iterdir())
    assert not [p for p in finished if p.name.startswith(".")]  # no temporary file left
    for path in finished:
        docx.Document(str(path))  # every file there is whole
    rerun = subprocess.run(cmd, env=env, capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert f"skipped {len(finished)}".encode() in rerun.stdout
    assert len(list(out.iterdir())) == len(rows)


def test_the_summary_is_quiet_without_a_terminal(tmp_path: Path) -> None:
    header, rows = _table()
    table = _write(tmp_path / "one.csv", header, rows[:1])
    result = CliRunner().invoke(main, ["draft", str(BASE), "--batch", str(table), "-o", str(tmp_path / "o"), "--format", "html"])
    assert result.exit_code == 0
    assert result.output.strip().splitlines() == ["drafted 1, skipped 0 (already drafted), failed 0"]
