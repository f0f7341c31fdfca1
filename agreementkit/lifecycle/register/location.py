"""Where the register lives: ``--db`` (a path or an SQLAlchemy URL), else $AGREEMENTKIT_DB, else the user data dir."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from agreementkit.errors import RegisterError

ENV_VAR = "AGREEMENTKIT_DB"
DEFAULT_FILE_NAME = "register.sqlite3"


def default_db_path() -> Path:
    """The per-user SQLite file, e.g. ``~/.local/share/agreementkit/register.sqlite3`` on Linux."""
    import platformdirs

    return Path(platformdirs.user_data_dir("agreementkit", appauthor=False)) / DEFAULT_FILE_NAME


def is_url(value: str) -> bool:
    """Whether ``value`` is an SQLAlchemy URL (``postgresql+psycopg://...``, ``sqlite:///...``) rather than a path."""
    scheme, sep, _ = value.partition("://")
    return bool(sep) and bool(scheme) and all(c.isalnum() or c in "+-." for c in scheme)


def resolve_db(db: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The SQLAlchemy URL of the register named by ``db``, the environment or the default location.

    A plain path becomes an SQLite URL to its absolute path; the folder is created when the
    database is opened (:func:`sqlite_path`), not here.
    """
    env = os.environ if environ is None else environ
    value = db if db else env.get(ENV_VAR) or None
    if value is None:
        return _sqlite_url(default_db_path())
    if is_url(value):
        return value
    path = Path(value).expanduser()
    if path.is_dir():
        source = "--db" if db else f"${ENV_VAR}"
        raise RegisterError(f"{path}: is a folder; {source} must name the register's database file or URL")
    return _sqlite_url(path)


def _sqlite_url(path: Path) -> str:
    from sqlalchemy.engine import URL

    return URL.create("sqlite", database=str(path.absolute())).render_as_string(hide_password=False)


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL (None for in-memory databases and other dialects)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def shown(url: str) -> str:
    """``url`` fit for a message: the password hidden, an SQLite URL shown as its file."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        path = sqlite_path(url)
        return str(path) if path is not None else make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unreadable database URL>"
