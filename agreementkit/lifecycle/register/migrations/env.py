"""Alembic environment: migrations always run on the connection (and inside the transaction) we pass in."""

from __future__ import annotations

from alembic import context

from agreementkit.lifecycle.register.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs the alembic CLI by hand
    raise RuntimeError("agreementkit runs its register migrations itself: open the register with agreementkit")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
