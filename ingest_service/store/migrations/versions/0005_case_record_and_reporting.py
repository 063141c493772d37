"""case record and reporting dimensions

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "referral_allegation_types",
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("allegation_type", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referrals.id"],
            name=op.f("fk_referral_allegation_types_referral_id_referrals"),
        ),
        sa.PrimaryKeyConstraint(
            "referral_id", "allegation_type", name=op.f("pk_referral_allegation_types")
        ),
    )
    with op.batch_alter_table("referral_allegation_types", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referral_allegation_types_allegation_type"),
            ["allegation_type"],
            unique=False,
        )

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "origin",
                sa.Enum("email", "import", name="referralorigin", native_enum=False, length=32),
                nullable=False,
                server_default="email",
            )
        )
        batch_op.add_column(sa.Column("sector", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("role_category", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("district", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("referral_source", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("any_child_send", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("any_child_in_care", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("subject_key", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column(
                "contact_type",
                sa.Enum(
                    "allegation",
                    "consultation",
                    "information_only",
                    "not_for_lado",
                    name="contacttype",
                    native_enum=False,
                    length=32,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("triage_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("triaged_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("triaged_by", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("strategy_meeting_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("evaluation_meeting_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "outcome",
                sa.Enum(
                    "substantiated",
                    "unsubstantiated",
                    "unfounded",
                    "false",
                    "malicious",
                    name="caseoutcome",
                    native_enum=False,
                    length=32,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column("regulator_referrals", JSON, nullable=False, server_default="[]")
        )
        batch_op.add_column(
            sa.Column(
                "timeliness",
                sa.Enum(
                    "within_1_month",
                    "within_3_months",
                    "within_12_months",
                    "over_12_months",
                    name="timelinessband",
                    native_enum=False,
                    length=32,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("days_to_close", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_referrals_closed_at"), ["closed_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_referrals_contact_type"), ["contact_type"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_referrals_sector"), ["sector"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_subject_key"), ["subject_key"], unique=False)
    _copy_classification_into_columns()


def _copy_classification_into_columns() -> None:
    """Referrals filed before this revision get their sector and type rows from the stored JSON."""
    bind = op.get_bind()
    referrals = sa.table(
        "referrals",
        sa.column("id", sa.Integer),
        sa.column("classification", JSON),
        sa.column("sector", sa.String),
    )
    types = sa.table(
        "referral_allegation_types",
        sa.column("referral_id", sa.Integer),
        sa.column("allegation_type", sa.String),
    )
    for referral_id, classification in bind.execute(
        sa.select(referrals.c.id, referrals.c.classification)
    ).all():
        classification = classification or {}
        bind.execute(
            referrals.update()
            .where(referrals.c.id == referral_id)
            .values(sector=classification.get("sector"))
        )
        for allegation_type in sorted(set(classification.get("allegation_types") or [])):
            bind.execute(
                types.insert().values(referral_id=referral_id, allegation_type=allegation_type)
            )


def downgrade() -> None:
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_subject_key"))
        batch_op.drop_index(batch_op.f("ix_referrals_sector"))
        batch_op.drop_index(batch_op.f("ix_referrals_contact_type"))
        batch_op.drop_index(batch_op.f("ix_referrals_closed_at"))
        batch_op.drop_column("days_to_close")
        batch_op.drop_column("timeliness")
        batch_op.drop_column("regulator_referrals")
        batch_op.drop_column("outcome")
        batch_op.drop_column("evaluation_meeting_on")
        batch_op.drop_column("strategy_meeting_on")
        batch_op.drop_column("triaged_by")
        batch_op.drop_column("triaged_at")
        batch_op.drop_column("triage_note")
        batch_op.drop_column("contact_type")
        batch_op.drop_column("subject_key")
        batch_op.drop_column("any_child_in_care")
        batch_op.drop_column("any_child_send")
        batch_op.drop_column("referral_source")
        batch_op.drop_column("district")
        batch_op.drop_column("role_category")
        batch_op.drop_column("sector")
        batch_op.drop_column("origin")

    with op.batch_alter_table("referral_allegation_types", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_allegation_types_allegation_type"))

    op.drop_table("referral_allegation_types")
