"""The Playground's web UI in headless Chromium: declare by typing, confirm with the card's
button, and read what the page shows.

Chromium is Debian's (``apt-get install chromium``), driven by the ``playwright`` package;
Playwright's own browser download is not used. Requests leaving loopback are refused: the
Playground's page asks a Microsoft CDN for fonts (expected, aborted); anything else fails
the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from bot.cli.playground import PlaygroundProcess
from tests.e2e.conftest import (
    EXPECTED_EXTERNAL,
    LOOPBACK,
    WAIT_MS,
    BotServer,
    report_logs_on_failure,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route


@pytest.fixture
def page(
    browser: Browser,
    playground: PlaygroundProcess,
    bot_server: BotServer,
    request: pytest.FixtureRequest,
) -> Iterator[Page]:
    unexpected: list[str] = []

    def only_loopback(route: Route) -> None:
        url = route.request.url
        if not any(f"//{host}/" in url for host in EXPECTED_EXTERNAL):
            unexpected.append(url)
        route.abort()

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    context.route(lambda url: not LOOPBACK.match(url), only_loopback)
    tab = context.new_page()
    try:
        yield tab
        assert not unexpected, f"the page tried to reach the network: {unexpected}"
    finally:
        context.close()
        report_logs_on_failure(request, bot_server, playground)


def test_declare_by_typing_and_confirm_with_the_card_button(
    page: Page, playground: PlaygroundProcess
) -> None:
    from playwright.sync_api import expect

    page.goto(playground.url)
    # Opening the Playground installs the bot in the personal chat: the welcome card comes.
    expect(page.get_by_text("テレワーク・ボットへようこそ")).to_be_visible(timeout=WAIT_MS)

    composer = page.locator("[data-lexical-editor=true]")
    composer.click()
    page.keyboard.type("明日テレワーク")
    page.keyboard.press("Enter")

    read_back = page.locator(".ac-adaptiveCard", has_text="以下の内容で登録しますか？")
    expect(read_back).to_be_visible(timeout=WAIT_MS)
    day = re.search(r"\d{1,2}/\d{1,2}\(.\)", read_back.inner_text())
    assert day is not None, read_back.inner_text()

    read_back.get_by_role("button", name="登録する").click()

    # The answer replaces the read-back card in place (Action.Execute's invoke response).
    saved = page.locator(".ac-adaptiveCard", has_text="登録しました")
    expect(saved).to_be_visible(timeout=WAIT_MS)
    expect(saved).to_contain_text(day.group(0).split("(")[0])
    expect(page.get_by_role("button", name="登録する")).to_have_count(0)

    composer.click()
    page.keyboard.type("私の予定")
    page.keyboard.press("Enter")
    schedule = page.locator(".ac-adaptiveCard", has_text="今後2週間のあなたの予定")
    expect(schedule).to_contain_text(day.group(0), timeout=WAIT_MS)
