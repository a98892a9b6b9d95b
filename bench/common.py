"""What several benches share: a statement on the PostgreSQL server's ``postgres`` database
(creating and dropping scratch databases) and the comma-separated command-line lists."""

from __future__ import annotations

import argparse
from collections.abc import Sequence


async def admin(url: str, statement: str) -> None:
    """Run ``statement`` on the server of ``url`` in its ``postgres`` database, outside a
    transaction (CREATE/DROP DATABASE)."""
    from sqlalchemy import text  # here: bench.broadcast_serve keeps SQLAlchemy out of its start
    from sqlalchemy.engine import make_url
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(
        make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    try:
        async with engine.connect() as conn:
            await conn.execute(text(statement))
    finally:
        await engine.dispose()


def floats(value: str) -> list[float]:
    """``0,0.08,0.15`` → [0.0, 0.08, 0.15]."""
    return [float(part) for part in value.split(",") if part.strip()]


def names(value: str) -> Sequence[str]:
    """``sqlite,postgresql`` → the databases named (no others)."""
    chosen = [part.strip() for part in value.split(",") if part.strip()]
    if not set(chosen) <= {"sqlite", "postgresql"}:
        raise argparse.ArgumentTypeError("databases: sqlite, postgresql")
    return chosen
