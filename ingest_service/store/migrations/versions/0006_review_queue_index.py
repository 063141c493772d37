"""review queue order index

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23

The queue orders open referrals by urgency (a CASE over the status and the classifier's
needs_review flag), then received time. Indexing that expression lets a page of the queue
read the index instead of every open referral's classification JSON. The expression must
stay exactly QUEUE_URGENCY of ingest_service/store/models.py for the planner to use it.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_referrals_queue_order"
NEEDS_REVIEW_FLAG = {
    "postgresql": "CAST(classification ->> 'needs_review' AS BOOLEAN)",
    "sqlite": "CAST(JSON_EXTRACT(classification, '$.\"needs_review\"') AS BOOLEAN)",
}


def upgrade() -> None:
    flag = NEEDS_REVIEW_FLAG[op.get_bind().dialect.name]
    op.execute(
        f"CREATE INDEX {NAME} ON referrals ("
        "(CASE WHEN (status = 'needs_review') THEN 0"
        " WHEN (status = 'awaiting_information') THEN 1"
        f" WHEN ({flag}) THEN 2 ELSE 3 END), received_at, id)"
        " WHERE closed_at IS NULL"
    )


def downgrade() -> None:
    op.execute(f"DROP INDEX {NAME}")
