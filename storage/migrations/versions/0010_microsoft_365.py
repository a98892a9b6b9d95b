"""Microsoft 365 (issue 17): a team meeting's Outlook event id, and each person's choice to
show their telework day as a Teams status note

Revision ID: 0010
Revises: 0013
Create Date: 2026-12-02 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('calendar_event_id', sa.Text(), nullable=True))
    with op.batch_alter_table('user_preference', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('teams_status', sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table('user_preference', schema=None) as batch_op:
        batch_op.drop_column('teams_status')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_column('calendar_event_id')
