"""one preferences table per person: notification_preference becomes user_preference with the
language chosen in chat and the language of recent messages (moved out of the dialog-state
documents botbuilder's UserState kept per Teams user)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 12:00:00
"""

import json
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

USER_KEY_PREFIX = 'msteams/users/'


def upgrade() -> None:
    with op.batch_alter_table('notification_preference', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_preference_digest'))
    op.rename_table('notification_preference', 'user_preference')
    with op.batch_alter_table('user_preference', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True)
        )
        batch_op.add_column(
            sa.Column('written_language', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True)
        )
        batch_op.create_index(batch_op.f('ix_user_preference_digest'), ['digest'], unique=False)
    _move_languages()


def _move_languages() -> None:
    """Each Teams user's saved language (botbuilder UserState: ``{"language": "en",
    "written_language": "ja"}`` under ``msteams/users/<id>``) onto their staff record's row."""
    bind = op.get_bind()
    docs = bind.execute(
        sa.text("SELECT key, document FROM dialog_state WHERE key LIKE :prefix"),
        {'prefix': USER_KEY_PREFIX + '%'},
    ).all()
    now = datetime.now(UTC)
    for key, document in docs:
        try:
            state = json.loads(document)
        except ValueError:
            continue
        if not isinstance(state, dict):
            continue
        values = {
            column: state.get(column) if state.get(column) in ('ja', 'en') else None
            for column in ('language', 'written_language')
        }
        if any(values.values()):
            employees = bind.execute(
                sa.text(
                    "SELECT DISTINCT employee_id FROM teams_identity "
                    "WHERE teams_user_id = :user AND employee_id IS NOT NULL"
                ),
                {'user': key[len(USER_KEY_PREFIX):]},
            ).scalars().all()
            for employee_id in employees:
                _upsert_languages(bind, employee_id, values, now)
        bind.execute(sa.text("DELETE FROM dialog_state WHERE key = :key"), {'key': key})


def _upsert_languages(
    bind: sa.engine.Connection, employee_id: str, values: dict[str, str | None], now: datetime
) -> None:
    found = bind.execute(
        sa.text("SELECT 1 FROM user_preference WHERE employee_id = :id"), {'id': employee_id}
    ).first()
    if found:
        bind.execute(
            sa.text(
                "UPDATE user_preference SET language = :language, "
                "written_language = :written_language WHERE employee_id = :id"
            ),
            {**values, 'id': employee_id},
        )
    else:
        bind.execute(
            sa.text(
                "INSERT INTO user_preference (employee_id, paused_until, paused_indefinitely, "
                "snoozed_until, digest, language, written_language, updated_at) VALUES "
                "(:id, NULL, :no, NULL, :no, :language, :written_language, :now)"
            ),
            {**values, 'id': employee_id, 'no': False, 'now': now},
        )


def downgrade() -> None:
    with op.batch_alter_table('user_preference', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_preference_digest'))
        batch_op.drop_column('written_language')
        batch_op.drop_column('language')
    op.rename_table('user_preference', 'notification_preference')
    with op.batch_alter_table('notification_preference', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_notification_preference_digest'), ['digest'], unique=False
        )
