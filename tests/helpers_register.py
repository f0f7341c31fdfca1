"""Register test helpers: one database per test, on SQLite and (when configured) on PostgreSQL.

Set ``AGREEMENTKIT_TEST_PG_URL`` (e.g. ``postgresql+psycopg://postgres@127.0.0.1/agreementkit_test``)
to run every register test against PostgreSQL too; each test gets a schema of its own there, dropped
afterwards, so tests never see each other's rows. Without the variable the PostgreSQL cases skip.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from agreementkit.cli import main

PG_ENV = "AGREEMENTKIT_TEST_PG_URL"
BACKENDS = ["sqlite", "postgresql"]


def _pg_schema_url(base: str, schema: str) -> str:
    from sqlalchemy.engine import make_url

    url = make_url(base)
    return url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty register database URL (an SQLite file, or a PostgreSQL schema of its own)."""
    if request.param == "sqlite":
        yield str(tmp_path / "register.sqlite3")
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"PostgreSQL not configured (set {PG_ENV})")
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, poolclass=NullPool)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _pg_schema_url(base, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def run(db: str, *args: str, env: dict[str, str] | None = None) -> Result:
    """``agreementkit register --db DB ARGS`` through click's CliRunner."""
    return CliRunner().invoke(main, ["register", "--db", db, *args], env=env, catch_exceptions=False)


def listed(db: str, *args: str) -> list[dict[str, Any]]:
    """``register list --format json`` parsed."""
    result = run(db, "list", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def shown(db: str, agreement_id: int) -> dict[str, Any]:
    """``register show ID --format json`` parsed."""
    result = run(db, "show", str(agreement_id), "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def matrix_deals(folder: Path, count: int) -> list[Path]:
    """``count`` varied deal files from the drafting matrix, written into ``folder``."""
    from tests.matrix.generate import sample, write_deal

    folder.mkdir(parents=True, exist_ok=True)
    return [write_deal(combo, folder) for combo in sample(count)]
