"""subject date of birth index

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23

The referral page lists other referrals about the same adult: the same subject key, or a
similar name with the same date of birth. Indexing the answered date of birth keeps that
second search to the few referrals sharing it instead of reading every referral's fields.
The expression must stay SUBJECT_DOB of ingest_service/store/models.py.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_referrals_subject_dob"
EXPRESSION = {
    "postgresql": "CAST(fields ->> 'subject_dob' AS VARCHAR)",
    "sqlite": "CAST(JSON_EXTRACT(fields, '$.\"subject_dob\"') AS VARCHAR)",
}


def upgrade() -> None:
    expression = EXPRESSION[op.get_bind().dialect.name]
    op.execute(f"CREATE INDEX {NAME} ON referrals (({expression}))")


def downgrade() -> None:
    op.execute(f"DROP INDEX {NAME}")
