"""campaigns, campaign audiences, sections' designated days, notification preferences

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 16:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('campaign',
    sa.Column('id', BIG_ID, nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('start_day', sa.Date(), nullable=False),
    sa.Column('end_day', sa.Date(), nullable=False),
    sa.Column('messages', sa.JSON(), nullable=False),
    sa.Column('rule_units', sa.JSON(), nullable=False),
    sa.Column('announce_days_before', sa.Integer(), nullable=False),
    sa.Column('reminder_weekdays', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('mandatory', sa.Boolean(), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_state'), ['state'], unique=False)

    op.create_table('campaign_audience',
    sa.Column('campaign_id', BIG_ID, nullable=False),
    sa.Column('org_unit', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], ),
    sa.PrimaryKeyConstraint('campaign_id', 'org_unit')
    )
    op.create_table('section_designated_day',
    sa.Column('campaign_id', BIG_ID, nullable=False),
    sa.Column('section', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('designated_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('designated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], ),
    sa.PrimaryKeyConstraint('campaign_id', 'section', 'day')
    )
    op.create_table('notification_preference',
    sa.Column('employee_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('paused_until', sa.Date(), nullable=True),
    sa.Column('paused_indefinitely', sa.Boolean(), nullable=False),
    sa.Column('snoozed_until', sa.Date(), nullable=True),
    sa.Column('digest', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['staff.employee_id'], ),
    sa.PrimaryKeyConstraint('employee_id')
    )
    with op.batch_alter_table('notification_preference', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_notification_preference_digest'), ['digest'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('notification_preference', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_preference_digest'))
    op.drop_table('notification_preference')
    op.drop_table('section_designated_day')
    op.drop_table('campaign_audience')
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_state'))
    op.drop_table('campaign')
