"""README screenshots from the real Microsoft 365 Agents Playground UI, in headless Chromium.

    .venv/bin/python tools/screenshots.py                 # every step, Japanese and English
    .venv/bin/python tools/screenshots.py --lang en --only declare confirm
    .venv/bin/python tools/screenshots.py --phone         # the cards alone, 320 px wide

For each language it starts the bot (``telework-bot dev --demo`` on a throw-away SQLite
database), lets a few demo colleagues declare tomorrow through ``telework-bot chat`` (so the
board is not empty), starts the pinned Playground pointed at the bot, opens it in Debian's
Chromium and walks through ``STEPS``, saving ``docs/screenshots/<step>-<lang>.png``.

To add a screenshot (a meeting poll, a report card …) append a :class:`Step` to ``STEPS``: what
to type or which button to press, in each language, and which text marks the bot's answer.

``--phone`` takes the same steps at a phone's width (320 px) and saves each card alone in
``docs/screenshots/phone/``. The Playground's page is made for desktops (its chat pane is at
least 600 px wide): :data:`PHONE_CSS` lifts those minimums and keeps the message inside the
viewport, as tests/e2e/test_phone_cards.py does, where the same cards are also measured.

Needs Node.js and ``npm ci --prefix tools/playground``, ``apt-get install chromium`` and a
Japanese font (``apt-get install fonts-ipafont-gothic``), and the ``playwright`` package.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.cli.playground import (  # noqa: E402 - after making the repository importable
    PlaygroundProcess,
    PlaygroundUnavailable,
    find_playground,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page, ViewportSize

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT: ViewportSize = {"width": 1280, "height": 820}
# A phone's width, tall enough that the longest card fits whole in one element screenshot.
PHONE_VIEWPORT: ViewportSize = {"width": 320, "height": 4000}
PHONE_CSS = (
    "*{min-width:0 !important;max-width:100% !important}"
    ".fai-OutputCard{max-width:calc(100vw - 56px) !important}"
)
WAIT_MS = 20_000
START_TIMEOUT = 60.0
LANGS = ("ja", "en")


@dataclass(frozen=True)
class Step:
    """One screenshot: type ``say`` (or press the button titled ``press`` on the last card),
    wait until a card containing ``shows`` is on the page, then take ``<name>-<lang>.png``."""

    name: str
    shows: dict[str, str]
    say: dict[str, str] = field(default_factory=dict)
    press: dict[str, str] = field(default_factory=dict)


STEPS: list[Step] = [
    Step(
        "declare",
        say={"ja": "明日テレワーク", "en": "telework tomorrow"},
        shows={"ja": "以下の内容で登録しますか？", "en": "Shall I save this?"},
    ),
    Step(
        "confirm",
        press={"ja": "登録する", "en": "Save"},
        shows={"ja": "登録しました", "en": "Saved"},
    ),
    Step(
        "board",
        say={"ja": "明日誰がテレワーク？", "en": "who is teleworking tomorrow?"},
        shows={"ja": "総務課の予定", "en": "総務課 on"},
    ),
    Step(
        "progress",
        say={"ja": "進捗", "en": "my progress"},
        shows={"ja": "テレワーク目標の進捗", "en": "Your telework targets"},
    ),
    Step(
        "meeting",
        say={"ja": "会議を設定", "en": "schedule a team meeting"},
        shows={"ja": "チーム会議を設定します", "en": "Schedule a team meeting"},
    ),
    Step(
        "report",
        say={"ja": "レポート", "en": "report"},
        shows={"ja": "テレワーク実施状況", "en": "Telework report"},
    ),
]

# Colleagues who declare tomorrow before the tour (through the terminal chat, as themselves).
COLLEAGUES: list[tuple[str, str, str, str]] = [
    # name, UPN, Entra object id, what they type
    (
        "Adele Vance",
        "adelev@example.com",
        "00000000-0000-0000-0000-0000000000022",
        "明日テレワーク",
    ),
    ("Isaiah Langer", "isaiah@example.com", "00000000-0000-0000-0000-0000000000023", "明日出勤"),
    ("Megan Bowen", "meganb@example.com", "00000000-0000-0000-0000-0000000000021", "明日休暇"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def bot_environment(database_url: str, port: int) -> dict[str, str]:
    kept = {
        k: v for k, v in os.environ.items() if not k.startswith(("TELEWORK_", "MICROSOFT_APP_"))
    }
    return {**kept, "TELEWORK_DATABASE_URL": database_url, "TELEWORK_PORT": str(port)}


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


@contextmanager
def running_bot(workdir: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """``telework-bot dev --demo`` on a fresh database; its endpoint and environment."""
    port = free_port()
    environ = bot_environment(f"sqlite+aiosqlite:///{workdir / 'telework.db'}", port)
    log = workdir / "bot.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "dev", "--no-chat", "--no-playground", "--demo"],
            cwd=workdir,
            env=environ,
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the bot did not start:\n{log.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/api/messages", environ
    finally:
        stop(process)


def seed_colleagues(workdir: Path, environ: dict[str, str]) -> None:
    for name, upn, aad, said in COLLEAGUES:
        subprocess.run(  # noqa: S603 - our own CLI, fixed arguments
            [
                sys.executable,
                "-m",
                "bot.cli",
                "chat",
                "--user-id",
                f"29:demo-{aad[-2:]}",
                "--name",
                name,
                "--upn",
                upn,
                "--aad-object-id",
                aad,
            ],
            cwd=workdir,
            env=environ,
            input=f"{said}\n#1\n/quit\n",
            text=True,
            capture_output=True,
            timeout=60,
            check=True,
        )


def take(
    page: Page, steps: Sequence[Step], lang: str, out: Path, *, phone: bool = False
) -> list[str]:
    """Walk through ``steps``; the names of the steps whose card never showed. With ``phone``
    each card is saved alone (the page at a phone's width)."""
    from playwright.sync_api import expect

    expect(page.locator(".ac-adaptiveCard").first).to_be_visible(timeout=WAIT_MS)  # welcome
    hide_log = page.get_by_role("button", name="Hide log panel")
    if hide_log.count():
        hide_log.click()
    if phone:
        page.add_style_tag(content=PHONE_CSS)
    composer = page.locator("[data-lexical-editor=true]")
    failed: list[str] = []
    for step in steps:
        if lang in step.say:
            composer.click()
            page.keyboard.type(step.say[lang])
            page.keyboard.press("Enter")
        if lang in step.press:
            page.get_by_role("button", name=step.press[lang]).last.click()
        card = page.locator(".ac-adaptiveCard", has_text=step.shows[lang]).last
        try:
            expect(card).to_be_visible(timeout=WAIT_MS)
        except AssertionError:
            path = out / f"{step.name}-{lang}.FAILED.png"
            page.screenshot(path=str(path))
            print(f"  {step.name} ({lang}): no card with {step.shows[lang]!r}; see {path}")
            failed.append(f"{step.name}-{lang}")
            continue
        card.scroll_into_view_if_needed()
        page.mouse.move(0, 0)  # no hover highlight on the buttons
        page.evaluate("document.activeElement && document.activeElement.blur()")  # no focus ring
        page.wait_for_timeout(300)  # let the card's entrance animation finish
        path = out / f"{step.name}-{lang}.png"
        if phone:
            card.screenshot(path=str(path))
        else:
            page.screenshot(path=str(path))
        (out / f"{step.name}-{lang}.FAILED.png").unlink(missing_ok=True)
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return failed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", nargs="+", choices=LANGS, default=list(LANGS))
    parser.add_argument("--only", nargs="+", choices=[s.name for s in STEPS])
    parser.add_argument("--out", type=Path, help="default: docs/screenshots (/phone)")
    parser.add_argument(
        "--phone", action="store_true", help="the cards alone at a phone's width (320 px)"
    )
    args = parser.parse_args(argv)
    if args.out is None:
        args.out = ROOT / "docs" / "screenshots" / ("phone" if args.phone else "")
    steps = [s for s in STEPS if not args.only or s.name in args.only]
    try:
        install = find_playground()
    except PlaygroundUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).exists():
        print(f"error: {CHROMIUM} is missing (apt-get install chromium)", file=sys.stderr)
        return 2
    fc_list = shutil.which("fc-list")
    if fc_list:
        fonts = subprocess.run(  # noqa: S603 - fixed arguments
            [fc_list, ":lang=ja"], capture_output=True, text=True, check=False
        )
        if not fonts.stdout.strip():
            print("warning: no Japanese font; install fonts-ipafont-gothic", file=sys.stderr)
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    failed: list[str] = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for lang in args.lang:
                print(f"{lang}:")
                with tempfile.TemporaryDirectory(prefix="telework-shots-") as tmp:
                    workdir = Path(tmp)
                    with running_bot(workdir) as (endpoint, environ):
                        seed_colleagues(workdir, environ)
                        with PlaygroundProcess(install, endpoint=endpoint, port=0) as playground:
                            viewport = PHONE_VIEWPORT if args.phone else VIEWPORT
                            context = browser.new_context(viewport=viewport, locale="en-US")
                            # Offline: the page's web fonts on Microsoft's CDN are not fetched.
                            context.route(
                                lambda url: not url.startswith("http://127.0.0.1:"),
                                lambda route: route.abort(),
                            )
                            page = context.new_page()
                            page.goto(playground.url)
                            failed += take(page, steps, lang, args.out, phone=args.phone)
                            context.close()
        finally:
            browser.close()
    if failed:
        print(
            f"error: the bot did not show the expected card for {', '.join(failed)}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
