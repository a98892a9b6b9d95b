"""府省着任日 in the roster (issue 18): the day a person moved in from another 府省等; the
在宅勤務等手当's period does not reach back across it

Revision ID: 0018
Revises: 0008
Create Date: 2026-12-02 11:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0018'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('staff') as batch:
        batch.add_column(sa.Column('ministry_since', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('staff') as batch:
        batch.drop_column('ministry_since')
