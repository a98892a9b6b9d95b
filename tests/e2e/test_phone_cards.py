"""The main cards on a phone: the Playground at a 320-px-wide viewport, in headless Chromium.

For each main card (welcome, help, the declare read-back and its saved answer, the board, my
progress, the meeting form, the report) the page is measured where the Playground's Adaptive
Card renderer drew it: every text wraps inside the card and between words (an English word
split over two lines means a column too narrow for a phone), no button is cut off or
shortened with an ellipsis, and no row holds more than three buttons. A screenshot of each is saved
(``<tmp>/phone/<card>.png``; the path is printed) for a person to look at.

The Playground's page is built for desktops: its chat pane has a minimum width of 600 px and
lets a card grow to about 450 px. :data:`PHONE_CSS` lifts those minimums and keeps the bot's
message inside the viewport, as Teams on a phone does; the card itself is drawn by the
Playground's renderer untouched. The card ends up about 230 px wide inside its padding,
narrower than on a real 320-px phone, so what fits here fits there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    from playwright.sync_api import Browser, Locator, Page, Route

# A phone's width; tall enough that the tallest card (help) fits whole in one screenshot (the
# chat pane scrolls inside the page, which element screenshots do not follow).
PHONE = {"width": 320, "height": 4000}
PHONE_CSS = (
    "*{min-width:0 !important;max-width:100% !important}"
    ".fai-OutputCard{max-width:calc(100vw - 56px) !important}"
)
MAX_BUTTONS_IN_ROW = 3

# What a card must not do at this width, measured in the page (0.5 px of rounding allowed).
MEASURE = """card => {
  const problems = [];
  const box = card.getBoundingClientRect();
  const inside = r => r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
  if (box.right > window.innerWidth + 0.5) problems.push(`card ends at ${box.right}px`);
  for (const block of card.querySelectorAll('.ac-textBlock, .ac-factset')) {
    const text = block.innerText.trim().slice(0, 40);
    if (block.scrollWidth > block.clientWidth + 1) problems.push(`text cut off: ${text}`);
    if (!inside(block.getBoundingClientRect())) problems.push(`text outside: ${text}`);
    // Text wraps between words: a word of Latin letters split over two lines means the column
    // is too narrow (Japanese may break between any two characters).
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[A-Za-z][A-Za-z'’]{1,19}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) problems.push(`word broken over two lines: ${match[0]}`);
      }
    }
  }
  for (const set of card.querySelectorAll('.ac-actionSet')) {
    const rows = new Map();
    for (const button of set.querySelectorAll('button')) {
      const r = button.getBoundingClientRect();
      const title = button.getAttribute('title') || button.innerText;
      if (!inside(r)) problems.push(`button cut off: ${title}`);
      for (const label of button.querySelectorAll('div')) {
        if (label.scrollWidth > label.clientWidth + 1) problems.push(`button title shortened: ${title}`);
      }
      const top = Math.round(r.top);
      rows.set(top, (rows.get(top) || 0) + 1);
    }
    for (const count of rows.values()) {
      if (count > MAX_IN_ROW) problems.push(`${count} buttons in a row`);
    }
  }
  return [...new Set(problems)];
}""".replace("MAX_IN_ROW", str(MAX_BUTTONS_IN_ROW))


@dataclass(frozen=True)
class MainCard:
    """A card to look at: what to type (or which button to press) and a text it shows."""

    name: str
    shows: str
    say: str = ""
    press: str = ""


# Japanese first (the demo user writes Japanese), then the same cards in English, whose button
# titles are longer. Each declares another day, so each read-back is a fresh one.
MAIN_CARDS = [
    MainCard("welcome-ja", "テレワーク・ボットへようこそ"),
    MainCard("help-ja", "使い方", say="ヘルプ"),
    MainCard("declare-ja", "以下の内容で登録しますか？", say="来週の水曜 テレワーク"),
    MainCard("saved-ja", "登録しました", press="登録する"),
    MainCard("board-ja", "の予定", say="ボード"),
    MainCard("progress-ja", "テレワークの目標・目安の進捗", say="進捗"),
    MainCard("meeting-ja", "チーム会議を設定します", say="会議を設定"),
    MainCard("report-ja", "テレワーク実施状況", say="レポート"),
]
TO_ENGLISH = ("言語 English", "I will answer in English from now on.")
MAIN_CARDS_EN = [
    MainCard("help-en", "How to use telework-bot", say="help"),
    MainCard("declare-en", "Shall I save this?", say="telework next Thursday"),
    MainCard("saved-en", "Saved", press="Save"),
    MainCard("board-en", " on ", say="board"),
    MainCard("progress-en", "Your telework targets", say="my progress"),
    MainCard("meeting-en", "Schedule a team meeting", say="schedule a team meeting"),
    MainCard("report-en", "Telework report", say="report"),
]


@pytest.fixture
def phone(
    browser: Browser,
    playground: PlaygroundProcess,
    bot_server: BotServer,
    request: pytest.FixtureRequest,
) -> Iterator[Page]:
    unexpected: list[str] = []

    def only_loopback(route: Route) -> None:
        if not any(f"//{host}/" in route.request.url for host in EXPECTED_EXTERNAL):
            unexpected.append(route.request.url)
        route.abort()

    context = browser.new_context(viewport=PHONE, locale="en-US")  # type: ignore[arg-type]
    context.route(lambda url: not LOOPBACK.match(url), only_loopback)
    tab = context.new_page()
    try:
        yield tab
        assert not unexpected, f"the page tried to reach the network: {unexpected}"
    finally:
        context.close()
        report_logs_on_failure(request, bot_server, playground)


def _wait_for(page: Page, step: MainCard, cards_before: int) -> Locator:
    from playwright.sync_api import expect

    cards = page.locator(".ac-adaptiveCard")
    if not step.press:  # a new message: wait for one more card than before
        expect(cards).to_have_count(cards_before + 1, timeout=WAIT_MS)
        card = cards.nth(cards_before)
    else:  # Action.Execute: the answer replaces the card in place
        card = cards.filter(has_text=step.shows).last
    expect(card).to_contain_text(step.shows, timeout=WAIT_MS)
    return card


def test_the_main_cards_fit_a_phone(
    phone: Page, playground: PlaygroundProcess, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    shots = tmp_path / "phone"
    shots.mkdir()
    phone.goto(playground.url)
    expect(phone.locator(".ac-adaptiveCard").first).to_be_visible(timeout=WAIT_MS)
    hide_log = phone.get_by_role("button", name="Hide log panel")
    if hide_log.count():
        hide_log.click()
    phone.add_style_tag(content=PHONE_CSS)
    composer = phone.locator("[data-lexical-editor=true]")

    def say(words: str) -> None:
        composer.click()
        phone.keyboard.type(words)
        phone.keyboard.press("Enter")

    found: dict[str, list[str]] = {}
    for step in [*MAIN_CARDS, None, *MAIN_CARDS_EN]:
        if step is None:  # from here on the bot answers in English
            say(TO_ENGLISH[0])
            expect(phone.get_by_text(TO_ENGLISH[1]).last).to_be_visible(timeout=WAIT_MS)
            continue
        before = phone.locator(".ac-adaptiveCard").count()
        if step.say:
            say(step.say)
        elif step.press:
            phone.get_by_role("button", name=step.press).last.click()
        else:
            before -= 1  # the welcome card is already there
        card = _wait_for(phone, step, before)
        card.scroll_into_view_if_needed()
        phone.mouse.move(0, 0)
        phone.wait_for_timeout(300)  # the card's entrance animation
        card.screenshot(path=str(shots / f"{step.name}.png"))
        problems: list[Any] = card.evaluate(MEASURE)
        found[step.name] = [str(p) for p in problems]
    print(f"phone screenshots: {shots}")
    assert list(found) == [c.name for c in [*MAIN_CARDS, *MAIN_CARDS_EN]]
    assert {name: p for name, p in found.items() if p} == {}, f"see {shots}"
    # The measurement sees what it is meant to: a card-like block with a line that does not
    # wrap and four buttons in one row is reported.
    phone.evaluate(
        """() => {
          const card = document.createElement('div');
          card.id = 'measure-check';
          card.style.width = '240px';
          card.innerHTML = '<div class="ac-textBlock" style="overflow:hidden;white-space:nowrap">'
            + 'x'.repeat(200) + '</div>'
            + '<div class="ac-textBlock" style="width:40px;overflow-wrap:break-word">reminders</div>'
            + '<div class="ac-actionSet" style="display:flex">'
            + '<button title="a">a</button><button title="b">b</button>'
            + '<button title="c">c</button><button title="d">d</button></div>';
          document.body.prepend(card);
        }"""
    )
    bad: list[Any] = phone.locator("#measure-check").evaluate(MEASURE)
    assert any(p.startswith("text cut off") for p in bad), bad
    assert "4 buttons in a row" in bad, bad
    assert "word broken over two lines: reminders" in bad, bad
