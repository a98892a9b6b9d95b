"""One Teams user talking to the bot over HTTP, and helpers to read what comes back."""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import Iterator
from typing import Any

from tests.bot.conftest import RecordingConnector, teams_fixture
from tests.cards import assert_valid_card, assert_within_budget, cards_in


class Chat:
    """One Teams user talking to the bot over HTTP."""

    def __init__(self, client: Any, connector: RecordingConnector, aad: str, user_id: str):
        self.client, self.connector = client, connector
        self.template = teams_fixture("01_personal_message")
        self.template["serviceUrl"] = connector.url
        self.template["from"]["aadObjectId"] = aad
        self.template["from"]["id"] = user_id
        self.template["conversation"]["id"] = f"a:1on1-{user_id}"
        self.template["locale"] = "ja-JP"
        self.counter = 0

    def _activity(self, **fields: Any) -> dict[str, Any]:
        self.counter += 1
        data = copy.deepcopy(self.template)
        data["id"] = f"{data['from']['id']}-{self.counter}"
        data.update(fields)
        return data

    async def say(self, text: str) -> dict[str, Any]:
        activity = self._activity(text=text)
        response = await self.client.post("/api/messages", json=activity)
        assert response.status == 201
        # The reply to this activity (proactive messages may arrive in between).
        [reply] = [
            r["body"]
            for r in self.connector.requests
            if r["method"] == "POST" and r["path"].endswith(f"/activities/{activity['id']}")
        ]
        return reply

    async def press(self, action: dict[str, Any], **inputs: Any) -> dict[str, Any]:
        """Click an Action.Execute button: the invoke response is the new card (checked against
        the 1.5 schema and the size budget, tests/cards.py) or a message."""
        value = {
            "action": {
                "type": "Action.Execute",
                "verb": action["verb"],
                "data": {**action["data"], **inputs},
            },
            "trigger": "manual",
        }
        activity = self._activity(type="invoke", name="adaptiveCard/action", value=value)
        activity.pop("text")
        response = await self.client.post("/api/messages", json=activity)
        assert response.status == 200
        body: dict[str, Any] = await response.json()
        for content in cards_in(body):  # a card in answer to the press: Teams shows it too
            assert_valid_card(content)
            assert_within_budget(content)
        return body


def card(reply: dict[str, Any]) -> dict[str, Any]:
    content: dict[str, Any] = reply["attachments"][0]["content"]
    return content


def shown(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False)


def elements(tree: Any) -> Iterator[dict[str, Any]]:
    """Every object of a card's JSON, depth first in document order."""
    if isinstance(tree, dict):
        yield tree
        for value in tree.values():
            yield from elements(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from elements(value)


def button(card_json: dict[str, Any], verb: str) -> dict[str, Any]:
    found = next(
        (
            node
            for node in elements(card_json)
            if node.get("type") == "Action.Execute" and node.get("verb") == verb
        ),
        None,
    )
    assert found is not None, f"no {verb} button in {shown(card_json)}"
    return found


def inputs(card_json: dict[str, Any]) -> list[dict[str, Any]]:
    """The card's input fields (Input.Text, Input.Date, …), in order."""
    return [n for n in elements(card_json) if str(n.get("type", "")).startswith("Input.")]


def input_field(card_json: dict[str, Any], id_: str) -> dict[str, Any]:
    found = next((n for n in inputs(card_json) if n.get("id") == id_), None)
    assert found is not None, f"no input {id_} in {shown(card_json)}"
    return found


async def wait_for(
    connector: RecordingConnector, conversation_fragment: str, count: int
) -> list[dict[str, Any]]:
    """Proactive messages arrive from the dispatcher in the background: wait (bounded)."""
    for _ in range(100):
        sent = [
            r["body"]
            for r in connector.requests
            if r["method"] == "POST"
            and conversation_fragment in r["path"]
            and r["path"].endswith("/activities")
        ]
        if len(sent) >= count:
            return sent
        await asyncio.sleep(0.05)
    raise AssertionError(f"no proactive message to {conversation_fragment}: {connector.requests}")
