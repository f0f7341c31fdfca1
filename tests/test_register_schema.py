"""The register's schema: migrations build the ORM tables, older databases migrate, newer ones are refused."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import text

from agreementkit.lifecycle.register.engine import (
    SCHEMA_HEAD,
    SCHEMA_REVISIONS,
    alembic_config,
    make_engine,
    upgrade,
)
from agreementkit.lifecycle.register.location import resolve_db
from tests.conftest import EN_RESELLER, ZH_DISTRIBUTOR
from tests.helpers_register import db_url, listed, run, shown

__all__ = ["db_url"]


def test_known_revisions_are_the_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    chain = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert tuple(chain) == SCHEMA_REVISIONS
    assert script.get_current_head() == SCHEMA_HEAD


def test_migrations_build_exactly_the_orm_tables(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from agreementkit.lifecycle.register.tables import Base

    assert run(db_url, "list").exit_code == 0  # first use: migrated to head
    engine = make_engine(resolve_db(db_url))
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    engine.dispose()
    assert diff == []
    assert version == SCHEMA_HEAD


def test_an_older_database_is_migrated_keeping_its_rows(db_url: str) -> None:
    engine = make_engine(resolve_db(db_url))
    deal_text = ZH_DISTRIBUTOR.read_text(encoding="utf-8")
    with engine.connect() as conn, conn.begin():
        upgrade(conn, SCHEMA_REVISIONS[0])
        conn.execute(
            text(
                "INSERT INTO agreements (deal_file, deal_text, deal_sha256, partner, partner_tax_id, supplier,"
                " agreement_type, title, number, languages, effective_date, signed_on, status, amends_id,"
                " registered_at, registered_by) VALUES (:f, :t, :h, '北辰通路股份有限公司', '12345675',"
                " '晴川智能科技股份有限公司', 'distributor', NULL, 'AK-2027-001', 'zh-TW', :eff, NULL, 'active', NULL,"
                " :at, 'olduser')"
            ),
            {"f": str(ZH_DISTRIBUTOR), "t": deal_text, "h": "0" * 64, "eff": dt.date(2027, 1, 1),
             "at": dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)},
        )  # fmt: skip
        conn.execute(
            text(
                "INSERT INTO status_events (agreement_id, from_status, to_status, at, \"user\", note, override)"
                " VALUES (1, NULL, 'active', :at, 'olduser', 'registered before documents existed', :f)"
            ),
            {"at": dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC), "f": False},
        )
        tables_before = set(_tables(conn))
    engine.dispose()
    assert "documents" not in tables_before
    record = shown(db_url, 1)  # opening it migrates
    assert record["partner"] == "北辰通路股份有限公司" and record["deal_text"] == deal_text
    assert record["history"][0]["note"] == "registered before documents existed"
    assert record["documents"] == []
    assert run(db_url, "add", str(EN_RESELLER), "--document", str(EN_RESELLER)).exit_code == 0
    assert shown(db_url, 2)["documents"][0]["state"] == "same"
    engine = make_engine(resolve_db(db_url))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == SCHEMA_HEAD
    engine.dispose()


def _tables(conn) -> list[str]:  # type: ignore[no-untyped-def]
    from sqlalchemy import inspect

    return inspect(conn).get_table_names()


def test_a_newer_database_is_refused_and_left_alone(db_url: str) -> None:
    assert run(db_url, "add", str(ZH_DISTRIBUTOR)).exit_code == 0
    engine = make_engine(resolve_db(db_url))
    with engine.connect() as conn, conn.begin():
        conn.execute(text("UPDATE alembic_version SET version_num = '0999_from_the_future'"))
    engine.dispose()
    for args in (["list"], ["show", "1"], ["add", str(EN_RESELLER)], ["set-status", "1", "signed"]):
        result = run(db_url, *args)
        assert result.exit_code == 11, (args, result.output)
        assert "0999_from_the_future" in result.stderr and "upgrade agreementkit" in result.stderr
        assert "Traceback" not in result.output
    engine = make_engine(resolve_db(db_url))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0999_from_the_future"
        assert conn.execute(text("SELECT count(*) FROM agreements")).scalar_one() == 1
        assert conn.execute(text("SELECT status FROM agreements")).scalar_one() == "draft"
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    assert run(str(db), "add", str(ZH_DISTRIBUTOR)).exit_code == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    engine = make_engine(resolve_db(str(db)))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() >= 10_000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    engine.dispose()
    assert len(listed(str(db))) == 1
