"""Shared fixtures: databases (SQLite and PostgreSQL), a frozen clock, and no stray network
(``tests/network_guard.py``: a connection to anything but loopback fails the test)."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlmodel import SQLModel

import storage.models  # noqa: F401
from storage.engine import create_engine
from storage.migrate import upgrade

pytest_plugins = ["tests.network_guard", "pytester"]

IN_CI = os.environ.get("CI", "").lower() == "true"
POSTGRES_URL = os.environ.get("TELEWORK_TEST_POSTGRES_URL", "")


def postgres_url_or_skip() -> str:
    """The PostgreSQL URL for tests: skipped with a reason locally, required in CI."""
    if not POSTGRES_URL:
        if IN_CI:
            pytest.fail("CI=true but TELEWORK_TEST_POSTGRES_URL is not set")
        pytest.skip(
            "PostgreSQL tests need TELEWORK_TEST_POSTGRES_URL (e.g. "
            "postgresql+asyncpg://postgres@127.0.0.1:5432/test)"
        )
    return POSTGRES_URL


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per session; each test copies it (migrations run once)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def migrated_postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, migrated to head, dropped at the end."""
    base = postgres_url_or_skip()
    name = f"telework_test_{uuid.uuid4().hex[:12]}"
    try:
        _admin_sql(base, f'CREATE DATABASE "{name}"')
    except Exception as exc:  # pragma: no cover - depends on the machine
        if IN_CI:
            raise
        pytest.skip(f"PostgreSQL at {base} is not reachable: {exc}")
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    yield url
    _admin_sql(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _admin_sql(base: str, statement: str) -> None:
    async def run() -> None:
        admin = create_async_engine(
            make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT"
        )
        try:
            async with admin.connect() as conn:
                await conn.execute(text(statement))
        finally:
            await admin.dispose()

    asyncio.run(run())


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, migrated_sqlite_template: Path
) -> str:
    """A migrated, empty database, on SQLite and on PostgreSQL (one test run for each)."""
    if request.param == "sqlite":
        path = tmp_path / "telework.db"
        shutil.copy(migrated_sqlite_template, path)
        return f"sqlite+aiosqlite:///{path}"
    url: str = request.getfixturevalue("migrated_postgres_url")
    _truncate_postgres(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path, migrated_sqlite_template: Path) -> str:
    """A migrated, empty SQLite database (for tests that are not about storage)."""
    path = tmp_path / "telework.db"
    shutil.copy(migrated_sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


def _truncate_postgres(url: str) -> None:
    async def run() -> None:
        engine = create_engine(url)
        try:
            names = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
            async with engine.begin() as conn:
                await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        finally:
            await engine.dispose()

    asyncio.run(run())


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a migrated, empty database (SQLite and PostgreSQL)."""
    eng = create_engine(database_url)
    yield eng
    await eng.dispose()
