"""Employment type in the roster (issue 14 item 12): 常勤 (full_time, the default) or 非常勤
(non_full_time); the plan covers full-time staff.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 09:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('staff') as batch:
        batch.add_column(
            sa.Column(
                'employment',
                sqlmodel.sql.sqltypes.AutoString(length=16),
                nullable=False,
                server_default='full_time',
            )
        )


def downgrade() -> None:
    with op.batch_alter_table('staff') as batch:
        batch.drop_column('employment')
