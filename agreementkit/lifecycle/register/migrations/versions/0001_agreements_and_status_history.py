"""Agreements and their status history.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``agreements`` and ``status_events``."""
    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("deal_file", sa.String(1000), nullable=False),
        sa.Column("deal_text", sa.Text(), nullable=False),
        sa.Column("deal_sha256", sa.String(64), nullable=False),
        sa.Column("partner", sa.String(400), nullable=False),
        sa.Column("partner_tax_id", sa.String(40), nullable=True),
        sa.Column("supplier", sa.String(400), nullable=False),
        sa.Column("agreement_type", sa.String(40), nullable=False),
        sa.Column("title", sa.String(400), nullable=True),
        sa.Column("number", sa.String(60), nullable=True),
        sa.Column("languages", sa.String(20), nullable=False),
        sa.Column("effective_date", sa.Date(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("amends_id", sa.Integer(), nullable=True),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("registered_by", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_agreements"),
        sa.UniqueConstraint("deal_sha256", name="uq_agreements_deal_sha256"),
        sa.ForeignKeyConstraint(["amends_id"], ["agreements.id"], name="fk_agreements_amends_id_agreements"),
    )
    op.create_table(
        "status_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=True),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("override", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_status_events"),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreements.id"], name="fk_status_events_agreement_id_agreements"
        ),
    )
    op.create_index("ix_status_events_agreement_id", "status_events", ["agreement_id"])


def downgrade() -> None:
    """Drop both tables."""
    op.drop_index("ix_status_events_agreement_id", table_name="status_events")
    op.drop_table("status_events")
    op.drop_table("agreements")
