"""sessions can be ended from the server, and failed sign-ins are counted in the store

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24

A session cookie carries its account's session epoch; signing out or `lado-intake users
sign-out` moves the epoch on, so every earlier cookie of that account, copies included, stops
working. Failed sign-ins were counted in each web process's memory; they move to a table
shared by every process, keyed by a digest of username and address (neither value is stored).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_epoch", sa.Integer(), nullable=False, server_default="0")
        )
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_sha256", sa.String(length=64), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    op.create_index(
        "ix_login_failures_key_sha256_failed_at",
        "login_failures",
        ["key_sha256", "failed_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_login_failures_key_sha256_failed_at", table_name="login_failures")
    op.drop_table("login_failures")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("session_epoch")
