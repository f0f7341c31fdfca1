"""The register's tables (SQLAlchemy 2 ORM). The migrations in ``migrations/versions`` build exactly these.

``agreements`` keeps each registered deal file's text and its parsed identity; ``status_events``
every status change with its time (UTC), OS user and note; ``documents`` the SHA-256 of each file
registered with an agreement (signed PDF, DOCX) so a later look can say whether it was changed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, Date, DateTime, ForeignKey, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with constraint names that are the same on SQLite and PostgreSQL."""

    metadata = MetaData(naming_convention=NAMING)


class AgreementRow(Base):
    """One registered agreement (an amendment is an agreement that ``amends_id`` another)."""

    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    deal_file: Mapped[str] = mapped_column(String(1000))
    deal_text: Mapped[str] = mapped_column(Text)
    deal_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    partner: Mapped[str] = mapped_column(String(400))
    partner_tax_id: Mapped[str | None] = mapped_column(String(40))
    supplier: Mapped[str] = mapped_column(String(400))
    agreement_type: Mapped[str] = mapped_column(String(40))
    title: Mapped[str | None] = mapped_column(String(400))
    number: Mapped[str | None] = mapped_column(String(60))
    languages: Mapped[str] = mapped_column(String(20))
    effective_date: Mapped[dt.date] = mapped_column(Date)
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    amends_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"))
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    registered_by: Mapped[str] = mapped_column(String(200))


class StatusEventRow(Base):
    """One status change; the first event of an agreement has no ``from_status``."""

    __tablename__ = "status_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    user: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    override: Mapped[bool] = mapped_column(Boolean, default=False)


class DocumentRow(Base):
    """A file registered with an agreement, by absolute path and SHA-256 (added in schema 0002)."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"), index=True)
    path: Mapped[str] = mapped_column(String(2000))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
