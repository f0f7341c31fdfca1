"""Opening the register's database: SQLite pragmas, one transaction per command, schema checks.

SQLite runs in WAL mode (readers never block the writer) with a busy timeout, and every
transaction starts with ``BEGIN IMMEDIATE``, so concurrent commands queue for the write lock
instead of failing half-way. On PostgreSQL the first-use migration takes a transaction-level
advisory lock so that two commands starting together do not both create the tables.

The schema is versioned by Alembic. :data:`SCHEMA_REVISIONS` lists the revisions this package
knows, oldest first (a test checks it against the migration scripts); a database at an older one
is migrated on first use, inside the same transaction, and one at a revision we do not know was
written by a newer agreementkit and is refused.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from agreementkit.errors import RegisterError, RegisterSchemaTooNew
from agreementkit.lifecycle.register.location import shown, sqlite_path

SCHEMA_REVISIONS: tuple[str, ...] = ("0001", "0002")
SCHEMA_HEAD = SCHEMA_REVISIONS[-1]
BUSY_TIMEOUT_MS = 60_000
_PG_MIGRATION_LOCK = 0x61676B72  # "agkr": the advisory lock id the first-use migration holds


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is switched off so that "begin" below decides.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """An Engine for ``url``; for SQLite the folder is created and the pragmas above are set."""
    try:
        path = sqlite_path(url)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise RegisterError(f"{path.parent}: cannot create the register's folder: {exc.strerror or exc}") from None
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, poolclass=_null_pool())
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        return create_engine(url, poolclass=_null_pool())
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise RegisterError(
            f"{shown(url)}: not a database URL agreementkit can use ({_first_line(exc)}); "
            "give a file path, or a URL such as postgresql+psycopg://user@host/dbname"
        ) from None


def _null_pool() -> Any:
    from sqlalchemy.pool import NullPool

    # One connection per command: nothing lingers between CLI runs or test cases.
    return NullPool


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def database_error(url: str, exc: SQLAlchemyError) -> RegisterError:
    """A RegisterError naming the database for an error from the driver."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    reason = _first_line(original) if original is not None else _first_line(exc)
    if "locked" in reason or "busy" in reason:
        reason += f" (another agreementkit command held it longer than {BUSY_TIMEOUT_MS // 1000} s; try again)"
    return RegisterError(f"register database {shown(url)}: {reason}")


def current_revision(conn: Connection) -> str | None:
    """The Alembic revision the database is at, or None for an empty database."""
    from sqlalchemy import inspect

    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def ensure_schema(conn: Connection, url: str) -> None:
    """Bring the database on ``conn`` (inside its transaction) to :data:`SCHEMA_HEAD`, or refuse a newer one."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
    revision = current_revision(conn)
    if revision == SCHEMA_HEAD:
        return
    if revision is not None and revision not in SCHEMA_REVISIONS:
        raise RegisterSchemaTooNew(
            f"register database {shown(url)} has schema revision {revision}, newer than this agreementkit "
            f"knows (up to {SCHEMA_HEAD}); upgrade agreementkit (pip install -U agreementkit) to use it. "
            "Nothing was changed."
        )
    upgrade(conn, SCHEMA_HEAD)


def upgrade(conn: Connection, revision: str) -> None:
    """Run the bundled Alembic migrations on ``conn`` up to ``revision`` (inside the caller's transaction)."""
    from alembic import command

    command.upgrade(alembic_config(conn), revision)


def alembic_config(conn: Connection | None = None) -> Any:
    """The Alembic configuration of the bundled migrations, bound to ``conn`` when given."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "agreementkit.lifecycle.register:migrations")
    config.attributes["connection"] = conn
    return config


@contextlib.contextmanager
def transaction(engine: Engine, url: str) -> Iterator[Connection]:
    """One transaction on a checked, migrated schema: committed if the block succeeds, else rolled back."""
    try:
        with engine.connect() as conn, conn.begin():
            ensure_schema(conn, url)
            yield conn
    except SQLAlchemyError as exc:
        raise database_error(url, exc) from None
