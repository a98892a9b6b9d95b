"""delivery deadlines and conversations that do not work: a delivery may carry the instant after
which it is pointless (retries stop there), and a conversation reference that answered 403/404
is marked not working, with when, the HTTP status and the reason, until the person writes again

Revision ID: 0009
Revises: 0013
Create Date: 2026-12-02 08:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0009'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('delivery', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deadline_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('conversation_ref', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('not_working_since', sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column('not_working_status', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('not_working_reason', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('conversation_ref', schema=None) as batch_op:
        batch_op.drop_column('not_working_reason')
        batch_op.drop_column('not_working_status')
        batch_op.drop_column('not_working_since')
    with op.batch_alter_table('delivery', schema=None) as batch_op:
        batch_op.drop_column('deadline_at')
