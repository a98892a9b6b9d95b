"""A JSON document store with e-tags, behind botbuilder's dialog-state ``Storage``.

It knows nothing of botbuilder (``dialogs/sql_storage.py`` adapts it): documents are plain JSON
objects, never pickles, so nothing a user could have shaped is ever unpickled.

Concurrency is optimistic. Every write gives the row a fresh e-tag; a conditional write names
the e-tag it last read and succeeds only if the row still has it. The check is made by the
database (``UPDATE … WHERE key = :k AND etag = :expected`` and its row count), so it holds across
processes and on both backends: PostgreSQL re-checks the ``WHERE`` after a concurrent writer
commits, and SQLite serialises writers with ``BEGIN IMMEDIATE`` (see ``storage/engine.py``).

Keys longer than the ``dialog_state.key`` column (512 characters) are stored under a hashed form:
their first characters (for a human reading the table), ``#sha256:`` and the SHA-256 of the whole
key in UTF-8. A key that itself contains ``#sha256:`` is hashed too, whatever its length, so a
short key can never pose as the hashed form of another.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Table, delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from storage.engine import READ_ONLY
from storage.sql import dialect_insert
from storage.tables import DialogState, utcnow

KEY_MAX_LENGTH = 512
HASH_MARKER = "#sha256:"
_HASH_PREFIX_LENGTH = KEY_MAX_LENGTH - len(HASH_MARKER) - 64

WILDCARD_ETAG = "*"
"""The e-tag that, like ``None``, asks for an unconditional write."""

Document = dict[str, Any]

_table: Table = DialogState.metadata.tables["dialog_state"]


class ETagConflict(KeyError):
    """A conditional write found another e-tag (or no row) under ``key``; nothing was written.

    A ``KeyError``, as botbuilder's ``MemoryStorage`` raises on a conflict, so the botbuilder
    adapter in ``dialogs/`` can let it through without importing this module.
    """

    def __init__(self, key: str) -> None:
        super().__init__(f"e-tag conflict on dialog state key {key!r}")
        self.key = key

    def __str__(self) -> str:
        return str(self.args[0])  # KeyError would show the repr


def stored_key(key: str) -> str:
    """The form of ``key`` kept in the ``key`` column: itself, or a hashed form if too long."""
    if len(key) <= KEY_MAX_LENGTH and HASH_MARKER not in key:
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    return f"{key[:_HASH_PREFIX_LENGTH]}{HASH_MARKER}{digest}"


def _dumps(key: str, document: Document) -> str:
    if not isinstance(document, dict):
        raise TypeError(f"document for {key!r} must be a dict, not {type(document).__name__}")
    # Sorted keys make equal documents equal text; allow_nan=False keeps it strict JSON.
    return json.dumps(
        document, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )


def _loads(key: str, text: str) -> Document:
    document = json.loads(text)
    if not isinstance(document, dict):
        raise ValueError(f"dialog state {key!r} is not a JSON object")
    return document


def _new_etag() -> str:
    return uuid.uuid4().hex


class DialogStateStore:
    """JSON documents under string keys, each with an e-tag that changes on every write.

    ``read`` returns ``{key: (document, etag)}`` for the keys that exist. ``write`` takes
    ``{key: (document, expected_etag)}``: an expected e-tag of ``None`` or ``"*"`` overwrites
    (or creates) unconditionally; any other value writes only if the row still has that e-tag,
    else raises :class:`ETagConflict` — also when the row does not exist. All changes of one
    call commit together or not at all. ``delete`` ignores keys that do not exist.
    """

    def __init__(self, engine: AsyncEngine, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._engine = engine
        self._clock = clock

    async def read(self, keys: Iterable[str]) -> dict[str, tuple[Document, str]]:
        by_stored = {stored_key(key): key for key in keys}
        if not by_stored:
            return {}
        statement = select(_table.c.key, _table.c.etag, _table.c.document).where(
            _table.c.key.in_(by_stored)
        )
        async with self._engine.connect() as conn:
            await conn.execution_options(**READ_ONLY)
            rows = (await conn.execute(statement)).all()
        return {
            by_stored[row.key]: (_loads(by_stored[row.key], row.document), row.etag) for row in rows
        }

    async def write(self, changes: Mapping[str, tuple[Document, str | None]]) -> dict[str, str]:
        """Write ``changes`` in one transaction; return the new e-tag of each key."""
        if not changes:
            return {}
        now = self._clock()
        prepared = sorted(
            (
                (stored_key(key), key, _dumps(key, document), expected)
                for key, (document, expected) in changes.items()
            ),
            key=lambda change: change[0],
        )
        new_etags: dict[str, str] = {}
        # Rows are touched in key order, so two batches on PostgreSQL cannot deadlock.
        async with self._engine.begin() as conn:
            for column_key, key, text, expected in prepared:
                etag = _new_etag()
                if expected is None or expected == WILDCARD_ETAG:
                    await self._upsert(conn, column_key, etag, text, now)
                else:
                    result = await conn.execute(
                        update(_table)
                        .where(_table.c.key == column_key, _table.c.etag == expected)
                        .values(etag=etag, document=text, updated_at=now)
                    )
                    if result.rowcount != 1:
                        raise ETagConflict(key)  # leaving the block rolls the batch back
                new_etags[key] = etag
        return new_etags

    async def delete(self, keys: Iterable[str]) -> None:
        column_keys = sorted({stored_key(key) for key in keys})
        if not column_keys:
            return
        async with self._engine.begin() as conn:
            await conn.execute(delete(_table).where(_table.c.key.in_(column_keys)))

    @staticmethod
    async def _upsert(
        conn: AsyncConnection, column_key: str, etag: str, text: str, now: datetime
    ) -> None:
        values = {"key": column_key, "etag": etag, "document": text, "updated_at": now}
        dialect = conn.dialect.name
        insert = dialect_insert(dialect, _table).values(values)
        statement = insert.on_conflict_do_update(
            index_elements=[_table.c.key], set_=_replacing(insert.excluded)
        )
        await conn.execute(statement)


def _replacing(excluded: Any) -> dict[str, Any]:
    return {
        "etag": excluded.etag,
        "document": excluded.document,
        "updated_at": excluded.updated_at,
    }
