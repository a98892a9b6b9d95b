"""The dialog-state document store, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import json

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.dialog_state import (
    HASH_MARKER,
    KEY_MAX_LENGTH,
    DialogStateStore,
    ETagConflict,
    stored_key,
)


@pytest.fixture
def store(engine: AsyncEngine) -> DialogStateStore:
    return DialogStateStore(engine)


async def _raw_rows(engine: AsyncEngine) -> dict[str, tuple[str, str]]:
    async with engine.connect() as conn:
        rows = (await conn.execute(text("SELECT key, etag, document FROM dialog_state"))).all()
    return {row.key: (row.etag, row.document) for row in rows}


async def test_missing_keys_are_absent(store: DialogStateStore) -> None:
    assert await store.read(["nope"]) == {}
    assert await store.read([]) == {}


async def test_round_trip_keeps_japanese_text_readable(
    store: DialogStateStore, engine: AsyncEngine
) -> None:
    document = {"name": "山田 太郎", "days": ["月曜日", "水曜日"], "n": 3, "ok": True, "x": None}

    etags = await store.write({"conv/1": (document, None)})

    assert await store.read(["conv/1", "other"]) == {"conv/1": (document, etags["conv/1"])}
    stored_etag, stored_text = (await _raw_rows(engine))["conv/1"]
    assert stored_etag == etags["conv/1"]
    assert "山田 太郎" in stored_text  # ensure_ascii=False: the column is readable
    assert json.loads(stored_text) == document


async def test_every_write_gets_a_new_etag(store: DialogStateStore) -> None:
    first = (await store.write({"k": ({"v": 1}, None)}))["k"]
    second = (await store.write({"k": ({"v": 2}, first)}))["k"]

    assert second != first
    assert await store.read(["k"]) == {"k": ({"v": 2}, second)}


async def test_stale_etag_conflicts_and_writes_nothing(store: DialogStateStore) -> None:
    first = (await store.write({"k": ({"v": 1}, None)}))["k"]
    second = (await store.write({"k": ({"v": 2}, first)}))["k"]

    with pytest.raises(ETagConflict) as raised:
        await store.write({"k": ({"v": 3}, first)})

    assert raised.value.key == "k"
    assert await store.read(["k"]) == {"k": ({"v": 2}, second)}


async def test_conditional_write_of_a_missing_key_conflicts(store: DialogStateStore) -> None:
    with pytest.raises(ETagConflict):
        await store.write({"k": ({"v": 1}, "some-etag")})

    assert await store.read(["k"]) == {}


async def test_one_conflict_rolls_back_the_whole_batch(store: DialogStateStore) -> None:
    etags = await store.write({"a": ({"v": 1}, None), "b": ({"v": 1}, None)})
    await store.write({"b": ({"v": 2}, etags["b"])})  # "b" moves on; etags["b"] is now stale

    with pytest.raises(ETagConflict) as raised:
        await store.write(
            {
                "a": ({"v": 10}, etags["a"]),  # would succeed on its own
                "b": ({"v": 10}, etags["b"]),  # stale
                "c": ({"v": 10}, None),  # new, unconditional
            }
        )

    assert raised.value.key == "b"
    after = await store.read(["a", "b", "c"])
    assert {key: doc for key, (doc, _) in after.items()} == {"a": {"v": 1}, "b": {"v": 2}}
    assert after["a"][1] == etags["a"]


@pytest.mark.parametrize("expected", [None, "*"])
async def test_none_or_wildcard_overwrites(store: DialogStateStore, expected: str | None) -> None:
    await store.write({"k": ({"v": 1}, None)})

    etags = await store.write({"k": ({"v": 2}, expected)})

    assert await store.read(["k"]) == {"k": ({"v": 2}, etags["k"])}


async def test_delete(store: DialogStateStore) -> None:
    await store.write({"a": ({"v": 1}, None), "b": ({"v": 2}, None)})

    await store.delete(["a", "unknown"])
    await store.delete([])

    assert list(await store.read(["a", "b"])) == ["b"]


async def test_concurrent_conditional_writers_exactly_one_wins(store: DialogStateStore) -> None:
    etag = (await store.write({"k": ({"writer": None}, None)}))["k"]

    async def writer(n: int) -> str | None:
        try:
            return (await store.write({"k": ({"writer": n}, etag)}))["k"]
        except ETagConflict:
            return None

    results = await asyncio.gather(*(writer(n) for n in range(8)))

    winners = [(n, new_etag) for n, new_etag in enumerate(results) if new_etag is not None]
    assert len(winners) == 1
    ((n, new_etag),) = winners
    assert await store.read(["k"]) == {"k": ({"writer": n}, new_etag)}


async def test_two_writers_from_the_same_etag(store: DialogStateStore) -> None:
    etag = (await store.write({"k": ({"v": 0}, None)}))["k"]

    results = await asyncio.gather(
        store.write({"k": ({"v": 1}, etag)}),
        store.write({"k": ({"v": 2}, etag)}),
        return_exceptions=True,
    )

    conflicts = [r for r in results if isinstance(r, ETagConflict)]
    successes = [r for r in results if isinstance(r, dict)]
    assert len(conflicts) == 1
    assert len(successes) == 1


def test_long_keys_are_hashed_deterministically_with_a_readable_prefix() -> None:
    long_a = "msteams/conversations/" + "a" * 600
    long_b = long_a[:-1] + "b"

    assert stored_key("short") == "short"
    assert stored_key("x" * KEY_MAX_LENGTH) == "x" * KEY_MAX_LENGTH
    assert stored_key(long_a) == stored_key(long_a)
    assert stored_key(long_a) != stored_key(long_b)
    assert len(stored_key(long_a)) == KEY_MAX_LENGTH
    assert stored_key(long_a).startswith("msteams/conversations/aaa")
    # A short key cannot pose as the hashed form of another: it is hashed in turn.
    assert stored_key(stored_key(long_a)) != stored_key(long_a)
    assert HASH_MARKER in stored_key("short" + HASH_MARKER)


async def test_long_keys_round_trip(store: DialogStateStore) -> None:
    long_a = "msteams/conversations/" + "会" * 600
    long_b = long_a + "!"

    await store.write({long_a: ({"v": "a"}, None), long_b: ({"v": "b"}, None)})

    read = await store.read([long_a, long_b])
    assert {key: doc for key, (doc, _) in read.items()} == {long_a: {"v": "a"}, long_b: {"v": "b"}}
    await store.delete([long_a])
    assert list(await store.read([long_a, long_b])) == [long_b]


async def test_non_json_documents_are_refused(store: DialogStateStore) -> None:
    with pytest.raises(TypeError):
        await store.write({"k": ({"v": object()}, None)})
    with pytest.raises(ValueError, match="Out of range float"):
        await store.write({"k": ({"v": float("nan")}, None)})

    assert await store.read(["k"]) == {}
