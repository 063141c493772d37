"""users signing in with OpenID are found by an indexed subject digest

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24

Accounts of people who sign in with OpenID Connect kept the digest of their issuer and
subject inside the password hash, found by a scan of every user. It moves to its own unique
column; the password hash keeps a marker that no password matches.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_PREFIX = "!oidc:"
MARKER = "!oidc"


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("oidc_subject", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_users_oidc_subject"), ["oidc_subject"])
    users = sa.table(
        "users",
        sa.column("id", sa.Integer),
        sa.column("password_hash", sa.String),
        sa.column("oidc_subject", sa.String),
    )
    bind = op.get_bind()
    marked = users.c.password_hash.like(f"{OLD_PREFIX}%")
    for user_id, password_hash in bind.execute(
        sa.select(users.c.id, users.c.password_hash).where(marked)
    ).all():
        digest = password_hash.removeprefix(OLD_PREFIX)
        bind.execute(
            users.update()
            .where(users.c.id == user_id)
            .values(oidc_subject=digest, password_hash=MARKER)
        )


def downgrade() -> None:
    users = sa.table(
        "users",
        sa.column("password_hash", sa.String),
        sa.column("oidc_subject", sa.String),
    )
    op.get_bind().execute(
        users.update()
        .where(users.c.oidc_subject.is_not(None))
        .values(password_hash=sa.literal(OLD_PREFIX) + users.c.oidc_subject)
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_users_oidc_subject"), type_="unique")
        batch_op.drop_column("oidc_subject")
