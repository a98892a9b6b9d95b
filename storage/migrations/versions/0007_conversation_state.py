"""conversation state in our own table: one open exchange per chat user and conversation
(a declaration being clarified, a read-back waiting for a yes) with its expiry; the unused
dialog_state table (botbuilder's key/value storage, emptied of languages by 0006) is dropped

Revision ID: 0007
Revises: 0013
Create Date: 2026-12-02 08:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0007'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('conversation_state',
    sa.Column('user_id', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('conversation_id', sqlmodel.sql.sqltypes.AutoString(length=512), nullable=False),
    sa.Column('topic', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('user_id', 'conversation_id')
    )
    with op.batch_alter_table('conversation_state', schema=None) as batch_op:
        batch_op.create_index('ix_conversation_state_expires_at', ['expires_at'], unique=False)
    op.drop_table('dialog_state')


def downgrade() -> None:
    op.create_table('dialog_state',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=512), nullable=False),
    sa.Column('etag', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('conversation_state', schema=None) as batch_op:
        batch_op.drop_index('ix_conversation_state_expires_at')
    op.drop_table('conversation_state')
