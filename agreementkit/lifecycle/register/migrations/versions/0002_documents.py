"""Documents registered with an agreement, by path and SHA-256.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``documents``."""
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(2000), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreements.id"], name="fk_documents_agreement_id_agreements"),
    )
    op.create_index("ix_documents_agreement_id", "documents", ["agreement_id"])


def downgrade() -> None:
    """Drop ``documents``."""
    op.drop_index("ix_documents_agreement_id", table_name="documents")
    op.drop_table("documents")
