"""在宅勤務等手当 ledger (issue 18): chiefs' telework orders (命令), the entries each order
made, and each person's place category history

Revision ID: 0013
Revises: 0006
Create Date: 2026-12-02 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0013'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table(
        'telework_order',
        sa.Column('id', BIG_ID, nullable=False),
        sa.Column('employee_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('ordered_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('from_day', sa.Date(), nullable=False),
        sa.Column('until_day', sa.Date(), nullable=False),
        sa.Column('weekdays', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column('days', sa.JSON(), nullable=False),
        sa.Column('made_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('cancelled_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.ForeignKeyConstraint(['employee_id'], ['staff.employee_id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(
        op.f('ix_telework_order_employee_id'), 'telework_order', ['employee_id'], unique=False
    )
    op.create_table(
        'telework_order_entry',
        sa.Column('entry_id', BIG_ID, nullable=False),
        sa.Column('order_id', BIG_ID, nullable=False),
        sa.ForeignKeyConstraint(['entry_id'], ['schedule_entry.id']),
        sa.ForeignKeyConstraint(['order_id'], ['telework_order.id']),
        sa.PrimaryKeyConstraint('entry_id'),
    )
    op.create_index(
        op.f('ix_telework_order_entry_order_id'),
        'telework_order_entry',
        ['order_id'],
        unique=False,
    )
    op.create_table(
        'telework_place',
        sa.Column('id', BIG_ID, nullable=False),
        sa.Column('employee_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('since', sa.Date(), nullable=False),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('recorded_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(['employee_id'], ['staff.employee_id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(
        op.f('ix_telework_place_employee_id'), 'telework_place', ['employee_id'], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f('ix_telework_place_employee_id'), table_name='telework_place')
    op.drop_table('telework_place')
    op.drop_index(op.f('ix_telework_order_entry_order_id'), table_name='telework_order_entry')
    op.drop_table('telework_order_entry')
    op.drop_index(op.f('ix_telework_order_employee_id'), table_name='telework_order')
    op.drop_table('telework_order')
