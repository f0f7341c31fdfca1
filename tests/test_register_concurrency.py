"""Nothing lost: concurrent agreementkit processes on one register (separate OS processes, not threads)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from agreementkit.lifecycle.register.engine import make_engine
from agreementkit.lifecycle.register.location import resolve_db, sqlite_path
from tests.conftest import REPO, ZH_DISTRIBUTOR
from tests.helpers_register import db_url, listed, matrix_deals, run, shown

__all__ = ["db_url"]

PROCESSES = 20
# A guard against a hung process, not a speed test.
GUARD_S = 600


def _launch(db: str, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "agreementkit", "register", "--db", db, *args],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def _wait_all(procs: list[subprocess.Popen[bytes]]) -> list[tuple[int, str]]:
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=GUARD_S)
        out.append((proc.returncode, (stdout + stderr).decode("utf-8", "replace")))
    return out


def test_twenty_concurrent_adds_leave_twenty_rows(db_url: str, tmp_path: Path) -> None:
    deals = matrix_deals(tmp_path / "deals", PROCESSES)
    # A fresh database: the processes also race to create the schema.
    results = _wait_all([_launch(db_url, "add", str(p), "--document", str(p)) for p in deals])
    assert [code for code, _ in results] == [0] * PROCESSES, [o for c, o in results if c]
    rows = listed(db_url)
    assert len(rows) == PROCESSES
    assert sorted(Path(r["deal_file"]).name for r in rows) == sorted(p.name for p in deals)
    assert len({r["id"] for r in rows}) == PROCESSES
    for row in rows:
        record = shown(db_url, row["id"])
        assert len(record["history"]) == 1 and [d["state"] for d in record["documents"]] == ["same"]
    path = sqlite_path(resolve_db(db_url))
    if path is not None:
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT count(*) FROM agreements").fetchone()[0] == PROCESSES
            assert conn.execute("SELECT count(*) FROM status_events").fetchone()[0] == PROCESSES
    else:
        engine = make_engine(resolve_db(db_url))
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM status_events")).scalar_one() == PROCESSES
        engine.dispose()


def test_concurrent_imports_of_one_folder_register_each_deal_once(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "deals"
    deals = matrix_deals(folder, 6)
    results = _wait_all([_launch(db_url, "import", str(folder)) for _ in range(4)])
    assert [code for code, _ in results] == [0] * 4, results
    assert len(listed(db_url)) == len(deals)
    registered = sum(int(out.split(" registered,")[0].rsplit("\n", 1)[-1]) for _, out in results)
    assert registered == len(deals)


def test_concurrent_status_changes_apply_once(db_url: str) -> None:
    assert run(db_url, "add", str(ZH_DISTRIBUTOR)).exit_code == 0
    results = _wait_all([_launch(db_url, "set-status", "1", "in_review", "--note", f"p{i}") for i in range(6)])
    codes = sorted(code for code, _ in results)
    assert codes == [0] + [12] * 5, results
    assert all("already in_review" in out for code, out in results if code == 12)
    history = shown(db_url, 1)["history"]
    assert [(h["from"], h["to"]) for h in history] == [(None, "draft"), ("draft", "in_review")]


def test_a_killed_import_leaves_all_or_nothing(db_url: str, tmp_path: Path) -> None:
    import signal

    folder = tmp_path / "deals"
    deals = matrix_deals(folder, 30)
    assert run(db_url, "add", str(ZH_DISTRIBUTOR)).exit_code == 0  # the schema exists; one row before
    proc = _launch(db_url, "import", str(folder))
    # Kill it while it works, most likely mid-transaction (the import prints only after its commit;
    # should it have finished first, the outcome is "all" - both must leave a sound register).
    import time

    time.sleep(2.0)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=GUARD_S)
    count = len(listed(db_url))
    assert count in (1, 1 + len(deals))
    path = sqlite_path(resolve_db(db_url))
    if path is not None:
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert run(db_url, "import", str(folder)).exit_code == 0
    assert len(listed(db_url)) == 1 + len(deals)
