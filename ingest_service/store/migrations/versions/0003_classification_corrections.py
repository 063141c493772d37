"""classification corrections

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "classification_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("allegation_types", JSON, nullable=False),
        sa.Column("sector", sa.String(length=64), nullable=False),
        sa.Column("replaced", JSON, nullable=False),
        sa.Column("replaced_model_version", sa.String(length=255), nullable=True),
        sa.Column("corrected_by", sa.String(length=255), nullable=False),
        sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
        sa.Column("reviewed_by", sa.String(length=255), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referrals.id"],
            name=op.f("fk_classification_corrections_referral_id_referrals"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_classification_corrections")),
    )
    with op.batch_alter_table("classification_corrections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_classification_corrections_referral_id"), ["referral_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_classification_corrections_reviewed"), ["reviewed"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("classification_corrections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_classification_corrections_reviewed"))
        batch_op.drop_index(batch_op.f("ix_classification_corrections_referral_id"))

    op.drop_table("classification_corrections")
