"""Reading an activity: mentions stripped in linear time (the old regular expressions took
minutes on a 256 KB body), the bot's own mention found without regular expressions, and the
kind of conversation (never "personal" when the payload says group, team or thread)."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from botbuilder.schema import Activity, ChannelAccount
from hypothesis import given
from hypothesis import strategies as st

from bot.teams.activity import (
    bot_mention_names,
    conversation_scope,
    conversation_type,
    message_text,
    readable_text,
)
from tests.bot.conftest import teams_fixture

BODY_LIMIT = 256 * 1024


class Context:
    """What ``message_text`` reads of a TurnContext."""

    def __init__(self, activity: Activity) -> None:
        self.activity = activity


def activity(name: str, **fields: Any) -> Activity:
    data = teams_fixture(name)
    data.update(fields)
    return Activity().deserialize(data)


def old_readable_text(raw: str) -> str:
    """The replaced implementation (quadratic), for comparison on small inputs."""
    at_tag = re.compile(r"<at[^>]*>(.*?)</at>", re.IGNORECASE | re.DOTALL)
    without = at_tag.sub(lambda m: f" {m.group(1).lstrip('@')} ", raw)
    return " ".join(re.sub(r"<[^>]+>", " ", without).split())


@pytest.mark.parametrize(
    "body",
    [
        "<at>" * (BODY_LIMIT // 4),
        "<at>x" * (BODY_LIMIT // 5),
        "<at></at>" * (BODY_LIMIT // 9),
        "<" * BODY_LIMIT,
        "<a" * (BODY_LIMIT // 2),
    ],
)
def test_a_256_kb_body_is_read_in_well_under_a_second(body: str) -> None:
    message = Activity(type="message", text=body, recipient=ChannelAccount(id="28:bot", name="Bot"))
    started = time.perf_counter()
    message_text(Context(message))  # type: ignore[arg-type]
    assert time.perf_counter() - started < 0.5  # the old code: ~2 s at 28 KB, minutes here


@given(st.text(alphabet=st.sampled_from(list("<>/@ atATx\n")), max_size=60))
def test_same_text_as_the_old_regular_expressions(raw: str) -> None:
    assert readable_text(raw) == old_readable_text(raw)


def test_channel_mention_of_the_bot_is_dropped_others_unwrapped() -> None:
    channel = activity("02_channel_message_bot_mention")
    assert bot_mention_names(channel) == {"Teams TestBot"}
    assert message_text(Context(channel)) == "Hello Jingjing Xia"  # type: ignore[arg-type]
    group = activity("03_groupchat_message_user_mention")
    text = message_text(Context(group))  # type: ignore[arg-type]
    assert text == "Hey Pranav Smith check out this message"


def test_the_bot_name_is_never_used_as_a_pattern() -> None:
    # botbuilder's remove_recipient_mention runs re.sub(name, "", text): a name such as this
    # one backtracks exponentially on the text (and "(" alone raises).
    name = "(a|aa)*$x("
    bot = {"id": "28:bot", "name": name}
    message = Activity().deserialize(
        {
            "type": "message",
            "text": f"<at>{name}</at> ヘルプ " + "a" * 40,
            "recipient": bot,
            "entities": [{"type": "mention", "mentioned": bot, "text": f"<at>{name}</at>"}],
        }
    )
    started = time.perf_counter()
    assert message_text(Context(message)) == "ヘルプ " + "a" * 40  # type: ignore[arg-type]
    assert time.perf_counter() - started < 0.5


def test_the_bot_is_dropped_by_its_name_without_an_entity() -> None:
    message = activity("03_groupchat_message_user_mention", text="<at>stlrgload100</at> help")
    assert message_text(Context(message)) == "help"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "kind", "scope"),
    [
        ("01_personal_message", "personal", "personal"),
        ("02_channel_message_bot_mention", "channel", "team"),
        # No conversationType and no isGroup in this documented payload: the thread id says
        # it is a group chat (before, it counted as personal, and its conversation was saved
        # as the sender's 1:1 address for personal messages).
        ("03_groupchat_message_user_mention", "groupChat", "groupChat"),
        ("13_message_with_value_messageback", "channel", "team"),
        ("14_invoke_card_action_no_name", "channel", "team"),
    ],
)
def test_kind_of_conversation(name: str, kind: str, scope: str) -> None:
    assert conversation_type(activity(name)) == kind
    assert conversation_scope(activity(name)) == scope


def test_a_kind_teams_may_add_later_is_not_personal() -> None:
    meeting = activity(
        "01_personal_message", conversation={"id": "x", "conversationType": "meeting"}
    )
    assert conversation_scope(meeting) == "groupChat"
