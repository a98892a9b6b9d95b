"""Logs are structured, carry ids, and never contain the user's text at INFO."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from bot.core.logs import configure_logging
from bot.core.settings import LogFormat
from tests.bot.conftest import RecordingConnector, teams_fixture


async def test_json_turn_log_has_ids_and_no_text(
    bot_client: Any, connector: RecordingConnector, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(LogFormat.JSON, "INFO")
    try:
        client = await bot_client()
        data = teams_fixture("01_personal_message")
        data["serviceUrl"] = connector.url
        data["text"] = "秘密の相談内容 secret-text-42"
        assert (await client.post("/api/messages", json=data)).status == 201
        lines = [
            json.loads(line)
            for line in capsys.readouterr().err.splitlines()
            if line.startswith("{")
        ]
    finally:
        logging.getLogger().handlers.clear()
    turns = [line for line in lines if line.get("event") == "turn"]
    assert len(turns) == 1
    turn = turns[0]
    assert turn["conversation_id"] == data["conversation"]["id"]
    assert turn["user_id"] == data["from"]["id"]
    assert turn["tenant_id"] == "72f988bf-86f1-41af-91ab-2d7cd011db47"
    assert turn["text_length"] == len(data["text"])
    assert all("secret-text-42" not in json.dumps(line, ensure_ascii=False) for line in lines)
