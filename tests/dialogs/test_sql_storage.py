"""SqlStorage against botbuilder's storage conformance checks and a real waterfall dialog.

botbuilder-python ships its ``StorageBaseTests`` only in the unreleased ``botbuilder-testing``
sources (which import the Azure storages), so the checks are restated here, one test each, with
MemoryStorage's answers where the SDK lets storages differ.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from botbuilder.core import (
    ConversationState,
    MemoryStorage,
    MessageFactory,
    StoreItem,
    TurnContext,
)
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import (
    Dialog,
    DialogInstance,
    DialogSet,
    DialogState,
    DialogTurnResult,
    DialogTurnStatus,
    PromptOptions,
    PromptValidatorContext,
    TextPrompt,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.dialogs.choices import Choice, ListStyle
from botbuilder.schema import ActivityTypes, CardAction
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from dialogs.sql_storage import (
    SqlStorage,
    StateCodec,
    UnknownStateType,
)
from storage.dialog_state import DialogStateStore, ETagConflict


@pytest.fixture
def storage(engine: AsyncEngine) -> SqlStorage:
    return SqlStorage(DialogStateStore(engine))


# --- botbuilder StorageBaseTests, restated -------------------------------------------------


async def test_return_empty_object_when_reading_unknown_key(storage: SqlStorage) -> None:
    result = await storage.read(["unknown"])

    assert result == {}


async def test_handle_null_keys_when_reading(storage: SqlStorage) -> None:
    # StorageBaseTests lets MemoryStorage (and Cosmos) answer {} here; SqlStorage does the same.
    assert await MemoryStorage().read(None) == {}
    assert await storage.read(None) == {}
    assert await storage.read([]) == {}


async def test_handle_null_keys_when_writing(storage: SqlStorage) -> None:
    with pytest.raises(ValueError) as err:
        await storage.write(None)

    assert err.value.args[0] == "Changes are required when writing"


async def test_does_not_raise_when_writing_no_items(storage: SqlStorage) -> None:
    await storage.write([])  # type: ignore[arg-type]  # the SDK's own check passes a list
    await storage.write({})


async def test_create_object(storage: SqlStorage) -> None:
    store_items = {"createPoco": {"id": 1}, "createPocoStoreItem": {"id": 2, "e_tag": "*"}}

    await storage.write(store_items)
    read: Any = await storage.read(store_items.keys())

    assert read["createPoco"]["id"] == 1
    assert read["createPocoStoreItem"]["id"] == 2
    assert read["createPocoStoreItem"]["e_tag"] is not None
    assert read["createPoco"]["e_tag"] is not None  # the check the SDK left commented out


async def test_handle_crazy_keys(storage: SqlStorage) -> None:
    key = '!@#$%^&*()_+??><":QASD~`'

    await storage.write({key: {"id": 1}})
    read: Any = await storage.read([key])

    assert read[key]["id"] == 1


async def test_update_object(storage: SqlStorage) -> None:
    original: dict[str, object] = {
        "pocoItem": {"id": 1, "count": 1},
        "pocoStoreItem": {"id": 1, "count": 1, "e_tag": "*"},
    }
    await storage.write(original)

    loaded: Any = await storage.read(["pocoItem", "pocoStoreItem"])
    poco_item = loaded["pocoItem"]
    poco_item["e_tag"] = None
    poco_store_item = loaded["pocoStoreItem"]
    assert poco_store_item["e_tag"] is not None
    stale_etag = poco_store_item["e_tag"]

    poco_item["count"] += 1
    poco_store_item["count"] += 1
    await storage.write(loaded)

    reloaded: Any = await storage.read(loaded.keys())
    assert reloaded["pocoItem"]["count"] == 2
    assert reloaded["pocoStoreItem"]["count"] == 2

    # Without an e-tag, the write succeeds.
    poco_item["count"] = 123
    poco_item["e_tag"] = None
    await storage.write({"pocoItem": poco_item})

    # With an old e-tag, it fails (the SDK's Python copy could not assert this; we can).
    poco_store_item["count"] = 123
    poco_store_item["e_tag"] = stale_etag
    with pytest.raises(ETagConflict):
        await storage.write({"pocoStoreItem": poco_store_item})

    reloaded2: Any = await storage.read(["pocoItem", "pocoStoreItem"])
    assert reloaded2["pocoItem"]["count"] == 123
    assert reloaded2["pocoStoreItem"]["count"] == 2

    # The wildcard e-tag overwrites.
    reloaded2["pocoItem"]["count"] = 100
    reloaded2["pocoItem"]["e_tag"] = None
    reloaded2["pocoStoreItem"]["count"] = 100
    reloaded2["pocoStoreItem"]["e_tag"] = "*"
    await storage.write(reloaded2)

    reloaded3: Any = await storage.read(["pocoItem", "pocoStoreItem"])
    assert reloaded3["pocoItem"]["count"] == 100
    assert reloaded3["pocoStoreItem"]["count"] == 100

    # An empty e-tag is refused.
    item4 = (await storage.read(["pocoStoreItem"]))["pocoStoreItem"]
    assert isinstance(item4, dict)
    item4["e_tag"] = ""
    with pytest.raises(Exception):  # noqa: B017 - the SDK only asks for an exception
        await storage.write({"pocoStoreItem": item4})

    final: Any = await storage.read(["pocoItem", "pocoStoreItem"])
    assert final["pocoItem"]["count"] == 100
    assert final["pocoStoreItem"]["count"] == 100


async def test_delete_object(storage: SqlStorage) -> None:
    await storage.write({"delete1": {"id": 1, "count": 1, "e_tag": "*"}})

    read: Any = await storage.read(["delete1"])
    assert read["delete1"]["e_tag"]
    assert read["delete1"]["count"] == 1

    await storage.delete(["delete1"])

    assert (await storage.read(["delete1"])).get("delete1") is None


async def test_delete_unknown_object(storage: SqlStorage) -> None:
    await storage.delete(["unknown_key"])


async def test_perform_batch_operations(storage: SqlStorage) -> None:
    await storage.write({"batch1": {"count": 10}, "batch2": {"count": 20}, "batch3": {"count": 30}})

    result: Any = await storage.read(["batch1", "batch2", "batch3"])
    assert [result[k]["count"] for k in ("batch1", "batch2", "batch3")] == [10, 20, 30]
    assert all(result[k]["e_tag"] for k in ("batch1", "batch2", "batch3"))

    await storage.delete(["batch1", "batch2", "batch3"])

    assert await storage.read(["batch1", "batch2", "batch3"]) == {}


async def test_proceeds_through_waterfall(storage: SqlStorage) -> None:
    convo_state = ConversationState(storage)
    dialogs = DialogSet(convo_state.create_property("dialogState"))

    async def exec_test(turn_context: TurnContext) -> None:
        dialog_context = await dialogs.create_context(turn_context)
        await dialog_context.continue_dialog()
        if not turn_context.responded:
            await dialog_context.begin_dialog(WaterfallDialog.__name__)
        await convo_state.save_changes(turn_context)

    async def prompt_validator(prompt_context: PromptValidatorContext) -> bool:
        attempts = prompt_context.options.number_of_attempts
        if len(prompt_context.recognized.value) > 3:
            await prompt_context.context.send_activity(f"You got it at the {attempts}rd try!")
            return True
        await prompt_context.context.send_activity(
            f"Please send a name that is longer than 3 characters. {attempts}"
        )
        return False

    async def step_1(step_context: WaterfallStepContext) -> DialogTurnResult:
        assert isinstance(step_context.active_dialog.state["stepIndex"], int)
        await step_context.context.send_activity("step1")
        return Dialog.end_of_turn

    async def step_2(step_context: WaterfallStepContext) -> DialogTurnResult:
        assert isinstance(step_context.active_dialog.state["stepIndex"], int)
        return await step_context.prompt(
            TextPrompt.__name__, PromptOptions(prompt=MessageFactory.text("Please type your name"))
        )

    async def step_3(step_context: WaterfallStepContext) -> DialogTurnResult:
        assert isinstance(step_context.active_dialog.state["stepIndex"], int)
        await step_context.context.send_activity("step3")
        return Dialog.end_of_turn

    dialogs.add(WaterfallDialog(WaterfallDialog.__name__, [step_1, step_2, step_3]))
    dialogs.add(TextPrompt(TextPrompt.__name__, prompt_validator))
    adapter = TestAdapter(exec_test)

    step = await adapter.send("hello")
    step = await step.assert_reply("step1")
    step = await step.send("hello")
    step = await step.assert_reply("Please type your name")
    for attempt in range(3):
        step = await step.send("hi")
        step = await step.assert_reply(
            f"Please send a name that is longer than 3 characters. {attempt}"
        )
    step = await step.send("Kyle")
    step = await step.assert_reply("You got it at the 3rd try!")
    await step.assert_reply("step3")


# --- e-tags as botbuilder's state uses them ------------------------------------------------


async def test_write_sets_the_new_etag_on_the_item(storage: SqlStorage) -> None:
    item: dict[str, object] = {"count": 1}
    await storage.write({"k": item})
    first = item["e_tag"]

    item["count"] = 2
    await storage.write({"k": item})  # a second save in the same turn is not a conflict

    read: Any = await storage.read(["k"])
    assert read["k"] == {"count": 2, "e_tag": item["e_tag"]}
    assert item["e_tag"] != first


async def test_a_concurrent_turn_loses_with_a_conflict(storage: SqlStorage) -> None:
    await storage.write({"k": {"turn": 0}})
    turn_a: Any = (await storage.read(["k"]))["k"]
    turn_b: Any = (await storage.read(["k"]))["k"]

    turn_a["turn"] = "a"
    await storage.write({"k": turn_a})
    turn_b["turn"] = "b"
    with pytest.raises(KeyError) as raised:  # what MemoryStorage raises on a conflict
        await storage.write({"k": turn_b})

    assert type(raised.value) is ETagConflict

    assert ((await storage.read(["k"]))["k"])["turn"] == "a"  # type: ignore[index]


async def test_store_items_keep_their_class_and_etag(storage: SqlStorage) -> None:
    await storage.write({"item": StoreItem(name="花子", count=2, e_tag="*")})

    item = (await storage.read(["item"]))["item"]

    assert type(item) is StoreItem
    assert (item.name, item.count) == ("花子", 2)  # type: ignore[attr-defined]
    assert item.e_tag  # type: ignore[attr-defined]


# --- a real dialog, persisted across storage instances -------------------------------------

NameBot = Callable[[TurnContext], Awaitable[None]]


def _name_bot(storage: SqlStorage) -> NameBot:
    """A waterfall that asks a name with a TextPrompt, then greets; state saved each turn."""
    convo_state = ConversationState(storage)
    dialogs = DialogSet(convo_state.create_property("DialogState"))

    async def ask(step: WaterfallStepContext) -> DialogTurnResult:
        step.values["asked_on"] = date(2026, 4, 1)
        return await step.prompt(
            "name", PromptOptions(prompt=MessageFactory.text("お名前は？ / Your name?"))
        )

    async def greet(step: WaterfallStepContext) -> DialogTurnResult:
        assert step.values["asked_on"] == date(2026, 4, 1)
        await step.context.send_activity(f"こんにちは、{step.result}さん")
        return await step.end_dialog()

    dialogs.add(TextPrompt("name"))
    dialogs.add(WaterfallDialog("ask-name", [ask, greet]))

    async def on_turn(turn_context: TurnContext) -> None:
        dialog_context = await dialogs.create_context(turn_context)
        result = await dialog_context.continue_dialog()
        if result.status == DialogTurnStatus.Empty:
            await dialog_context.begin_dialog("ask-name")
        await convo_state.save_changes(turn_context)

    return on_turn


async def test_waterfall_state_survives_a_fresh_storage(engine: AsyncEngine) -> None:
    first = TestAdapter(_name_bot(SqlStorage(DialogStateStore(engine))))
    step = await first.send("hello")
    await step.assert_reply("お名前は？ / Your name?")

    async with engine.connect() as conn:
        rows = (await conn.execute(text("SELECT key, document FROM dialog_state"))).all()
    assert len(rows) == 1
    document = json.loads(rows[0].document)
    assert document["DialogState"]["$type"] == "DialogState"
    assert "py/object" not in rows[0].document  # not jsonpickle

    # A new adapter, a new storage, a new dialog set: only the database remembers.
    second = TestAdapter(_name_bot(SqlStorage(DialogStateStore(engine))))
    step = await second.send("山田")
    step = await step.assert_reply("こんにちは、山田さん")
    step = await step.send("again")
    await step.assert_reply("お名前は？ / Your name?")


async def test_tampered_type_is_refused_on_read(storage: SqlStorage, engine: AsyncEngine) -> None:
    await storage.write({"conv": {"DialogState": DialogState([DialogInstance("x", {})])}})
    evil = {"DialogState": {"$type": "os.system", "command": "touch /tmp/pwned"}}
    async with engine.begin() as conn:
        await conn.execute(
            text("UPDATE dialog_state SET document = :doc WHERE key = 'conv'"),
            {"doc": json.dumps(evil)},
        )

    with pytest.raises(UnknownStateType, match=r"os\.system"):
        await storage.read(["conv"])


# --- the codec on its own ------------------------------------------------------------------


def test_codec_round_trips_botbuilder_state() -> None:
    codec = StateCodec()
    options = PromptOptions(
        prompt=MessageFactory.text("どれ？"),
        choices=[Choice("在宅", action=CardAction(type="imBack", title="在宅", value="在宅"))],
        style=ListStyle.hero_card,
        number_of_attempts=2,
    )
    state = DialogState(
        [
            DialogInstance("prompt", {"options": options, "state": {"attemptCount": 1}}),
            DialogInstance(
                "wf",
                {
                    "values": {"when": datetime(2026, 4, 1, 9, tzinfo=UTC), "pair": (1, "a")},
                    "stepIndex": 0,
                },
            ),
        ]
    )

    encoded = codec.encode({"DialogState": state, "$type": "user data"})
    decoded = codec.decode(json.loads(json.dumps(encoded)))

    assert decoded["$type"] == "user data"  # a user's "$type" key is data, not a tag
    prompt, waterfall = decoded["DialogState"].dialog_stack
    assert type(prompt) is DialogInstance
    got = prompt.state["options"]
    assert type(got) is PromptOptions
    assert got.prompt.text == "どれ？"
    assert got.prompt.type == ActivityTypes.message
    assert got.choices[0].value == "在宅"
    assert got.choices[0].action.value == "在宅"
    assert got.style is ListStyle.hero_card
    assert got.number_of_attempts == 2
    assert waterfall.state["values"] == {
        "when": datetime(2026, 4, 1, 9, tzinfo=UTC),
        "pair": (1, "a"),
    }


class _Anything:
    pass


@pytest.mark.parametrize(
    "value",
    [_Anything(), {1: "int key"}, {"x": float("inf")}, {"x": {1, 2}}, {"x": b"bytes"}],
    ids=["object", "int-key", "inf", "set", "bytes"],
)
def test_codec_refuses_unknown_values_on_write(value: object) -> None:
    with pytest.raises(TypeError):
        StateCodec().encode(value)


async def test_unknown_object_is_refused_before_anything_is_written(storage: SqlStorage) -> None:
    with pytest.raises(TypeError, match="_Anything"):
        await storage.write({"ok": {"v": 1}, "bad": {"v": _Anything()}})

    assert await storage.read(["ok", "bad"]) == {}


@pytest.mark.parametrize(
    "document",
    [
        {"$type": "builtins.eval", "source": "1"},
        {"x": [{"$type": "subprocess.Popen", "args": ["id"]}]},
        {"$type": "StoreItem", "__class__": "x"},
        {"$type": "schema.Activity", "value": "not an object"},
        {"$type": 42},
    ],
)
def test_codec_refuses_unknown_or_malformed_tags_on_read(document: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        StateCodec().decode(document)


@pytest.mark.parametrize("item", ["text", [1, 2], (1, 2), date(2026, 4, 1), ListStyle.auto])
async def test_items_must_be_dicts_or_objects(storage: SqlStorage, item: object) -> None:
    with pytest.raises(TypeError):
        await storage.write({"k": item})

    assert await storage.read(["k"]) == {}
