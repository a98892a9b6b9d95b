"""The public pages (/, /privacy, /terms): served in Japanese and English, simple accessible
HTML, linked from the app package, and a privacy page that keeps up with the tables."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlmodel import SQLModel

import storage.campaigns
import storage.ledger_tables
import storage.meeting_tables
import storage.org
import storage.preferences
import storage.schedule
import storage.tables  # noqa: F401 - every table registers itself in SQLModel.metadata
from bot.app import build_router
from bot.cli.manifest import listing_for_package
from bot.core.settings import load_settings
from bot.teams.pages import LANGS, PAGES, markdown_source, render_page
from manifest.build import build_manifest

ROOT = Path(__file__).resolve().parents[3]
ORGANISATION = {
    "TELEWORK_PUBLIC_DOMAIN": "telework.soumu.go.jp",
    "TELEWORK_ORGANISATION_NAME": "総務省",
    "TELEWORK_ORGANISATION_NAME_EN": "Ministry of Internal Affairs and Communications",
    "TELEWORK_CONTACT": "人事課 テレワーク推進係 (telework@soumu.go.jp)",
}


class Outline(HTMLParser):
    """What an accessibility check looks at: the document's language, headings, landmarks,
    links, scripts and images."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.tags: list[str] = []
        self.links: list[dict[str, str | None]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if tag == "a":
            self.links.append(values)
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def outline(html: str) -> Outline:
    parsed = Outline()
    parsed.feed(html)
    return parsed


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", list(PAGES))
async def test_each_page_in_each_language(path: str, lang: str, bot_client: Any) -> None:
    client = await bot_client(**ORGANISATION)
    response = await client.get(path, params={"lang": lang})
    assert response.status == 200
    assert response.content_type == "text/html" and response.charset == "utf-8"
    assert response.headers["Content-Language"] == lang
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    body = await response.text()
    page = outline(body)
    assert page.lang == lang
    assert page.tags.count("h1") == 1 and page.title.strip()
    assert {"main", "nav", "header", "footer"} <= set(page.tags)
    assert "script" not in page.tags and "img" not in page.tags and "iframe" not in page.tags
    assert page.links[0]["href"] == "#main"  # the skip link comes first
    other = "en" if lang == "ja" else "ja"
    switch = [link for link in page.links if link.get("hreflang") == other]
    assert switch and switch[0]["href"] == f"{path}?lang={other}"
    assert "{{" not in body
    organisation = ORGANISATION[
        "TELEWORK_ORGANISATION_NAME" if lang == "ja" else "TELEWORK_ORGANISATION_NAME_EN"
    ]
    assert organisation in body


async def test_the_style_is_the_only_thing_the_page_may_load(bot_client: Any) -> None:
    client = await bot_client(TELEWORK_ACCENT_COLOR="#00753a")
    response = await client.get("/privacy")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    body = await response.text()
    [style] = re.findall(r"<style>(.*?)</style>", body, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy
    assert "--accent:#00753A" in style


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("", "ja"),
        ("en-US,en;q=0.9", "en"),
        ("ja-JP,ja;q=0.9,en;q=0.8", "ja"),
        ("fr-FR, en;q=0.5", "en"),
        ("fr", "ja"),
        ("en;q=0.5, ja;q=0.8", "ja"),
        ("en;q=abc", "ja"),
    ],
)
async def test_the_language_follows_the_browser(
    accept: str, expected: str, bot_client: Any
) -> None:
    client = await bot_client()
    response = await client.get("/", headers={"Accept-Language": accept})
    assert response.headers["Content-Language"] == expected
    assert response.headers["Vary"] == "Accept-Language"
    assert outline(await response.text()).lang == expected
    chosen = await client.get("/", params={"lang": "en"}, headers={"Accept-Language": accept})
    assert chosen.headers["Content-Language"] == "en" and "Vary" not in chosen.headers


async def test_configured_values_are_escaped(bot_client: Any) -> None:
    client = await bot_client(
        TELEWORK_ORGANISATION_NAME="<script>x</script>",
        TELEWORK_CONTACT='<a href="javascript:alert(1)">[click](https://evil.example)</a>',
    )
    body = await (await client.get("/privacy", params={"lang": "ja"})).text()
    assert "<script>" not in body and "&lt;script&gt;x&lt;/script&gt;" in body
    assert 'href="javascript' not in body and "https://evil.example" not in [
        link.get("href") for link in outline(body).links
    ]


async def test_without_an_organisation_the_pages_say_so_plainly(bot_client: Any) -> None:
    client = await bot_client()
    body = await (await client.get("/", params={"lang": "en"})).text()
    assert "the organisation that deployed this bot" in body
    assert "your organisation&#x27;s telework secretariat" in body


async def test_the_package_links_to_pages_the_bot_serves(bot_client: Any) -> None:
    settings = load_settings(_env_file=None, **ORGANISATION)
    router = build_router()
    manifest, _ = build_manifest(
        app_id="9f8c3c55-2d37-4b61-9a0e-4e2b3c1d0a11",
        version="1.0.0",
        listing=listing_for_package(settings, dev=False),
        command_lists=router.manifest_command_lists("en"),
        command_lists_ja=router.manifest_command_lists("ja"),
    )
    client = await bot_client(**ORGANISATION)
    developer = manifest["developer"]
    for key in ("websiteUrl", "privacyUrl", "termsOfUseUrl"):
        url = urlsplit(developer[key])
        assert url.scheme == "https" and url.hostname == "telework.soumu.go.jp"
        response = await client.get(url.path)
        assert response.status == 200, key
        assert outline(await response.text()).lang == "ja"


async def test_pages_elsewhere_are_linked_as_configured(bot_client: Any) -> None:
    client = await bot_client(TELEWORK_PRIVACY_URL="https://www.soumu.go.jp/privacy.html")
    links = outline(await (await client.get("/")).text()).links
    assert {"href": "https://www.soumu.go.jp/privacy.html"} in links
    assert {"href": "/terms?lang=ja"} in links


# --- the privacy page tells the truth about the tables ----------------------------------------

# Every table the bot keeps, and the words of the privacy page's row that describes it (ja, en).
# A new table fails the test until the privacy page says what it holds (or it is listed as
# holding nothing about people).
DESCRIBED = {
    "staff": ("職員名簿", "Staff roster"),
    "teams_identity": ("Teams の利用者情報", "Teams user details"),
    "conversation_ref": ("会話の宛先", "Conversation addresses"),
    "schedule_entry": ("テレワーク等の予定", "Telework and other plans"),
    "recurring_plan": ("毎週の繰り返し設定", "weekly repeating plans"),
    "presence": ("業務開始・終了などの報告", "Start and end of work"),
    "user_preference": ("個人の設定", "Personal settings"),
    "meeting": ("チーム型テレワークの会議", "Team-type telework meetings"),
    "meeting_participant": ("参加者の氏名・メールアドレス", "participants' names, e-mail"),
    "meeting_team": ("会議用に保存したチーム", "Saved meeting teams"),
    "section_designated_day": ("キャンペーン", "Campaigns"),
    "delivery": ("通知の配信記録", "Notification records"),
    "conversation_state": ("やりとりの途中の内容", "A conversation in progress"),
    "event": ("操作の記録（イベントログ）", "Activity record (event log)"),
    "telework_order": ("在宅勤務の命令", "Home-work orders"),
    "telework_order_entry": ("在宅勤務等手当の記録", "Telework allowance records"),
    "telework_place": ("在宅勤務の場所の区分", "kind of place the person said they work from"),
}
NOTHING_ABOUT_PEOPLE = {
    "org_unit": "the organisation chart",
    "campaign": "a campaign's dates, audience and messages (and the admin who created it)",
    "campaign_audience": "the org units a campaign addresses",
    "reminder_run": "which scheduled job ran when",
    "leader_lease": "which replica sends",
    "send_gate": "the pause after a 429",
}
# Roster columns and the words of the privacy page that name them (ja, en).
STAFF_COLUMNS = {
    "employee_id": ("職員番号", "Employee ID"),
    "name": ("氏名", "name"),
    "reading": ("よみがな", "reading of the name"),
    "email": ("メールアドレス", "e-mail address"),
    "aad_object_id": ("Entra オブジェクト ID", "Entra object ID"),
    "org_unit": ("局部・課室・係", "bureau, section and subsection"),
    "hire_date": ("採用日", "hire date"),
    "employment": ("常勤・非常勤の別", "full-time or part-time"),
    "ministry_since": ("府省着任日", "the day of a move from another ministry"),
    "is_manager": ("管理職", "manager"),
    "is_section_chief": ("課室長", "section chief"),
    "care_preschool": ("未就学の子の育児", "preschool child"),
    "care_family": ("家族の介護", "family member"),
    "exempt_reason": ("対象外業務", "exempt work"),
    "active": ("在職の別", "whether active"),
    "preferred_language": ("使用言語", "language"),
    "time_zone": ("タイムゾーン", "time zone"),
    "updated_at": ("", ""),
}


def test_every_table_is_described_on_the_privacy_page() -> None:
    tables = set(SQLModel.metadata.tables)
    assert tables == set(DESCRIBED) | set(NOTHING_ABOUT_PEOPLE), (
        "a table was added or removed: say on the privacy page what it holds"
    )
    for lang, index in (("ja", 0), ("en", 1)):
        page = markdown_source("privacy", lang)
        for table, words in DESCRIBED.items():
            assert words[index] in page, (table, lang)


def test_every_roster_column_is_named_on_the_privacy_page() -> None:
    columns = {c.name for c in SQLModel.metadata.tables["staff"].columns}
    assert columns == set(STAFF_COLUMNS), "a roster column changed: update the privacy page"
    for lang, index in (("ja", 0), ("en", 1)):
        page = markdown_source("privacy", lang)
        for column, words in STAFF_COLUMNS.items():
            assert words[index] in page, (column, lang)


def test_the_privacy_page_says_nothing_is_deleted_and_that_stays_true() -> None:
    # The page says the bot deletes nothing on its own but a conversation in progress. These
    # are the only places that issue a DELETE: that conversation state (deleted when the
    # exchange ends or expires), a chief replacing a section's designated campaign days, and
    # the demo data generators. A new one means the privacy page's "how long it is kept" must
    # be reviewed.
    deleting = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "storage").rglob("*.py")
        if "migrations" not in path.parts and re.search(r"\bdelete\(", path.read_text("utf-8"))
    )
    assert deleting == [
        "storage/campaigns.py",
        "storage/conversations.py",
        "storage/demo.py",
        "storage/demo_2026.py",  # seed-demo --rules-2026 --replace: demo data only
    ]
    assert "自動では削除しません" in markdown_source("privacy", "ja")
    assert "never deletes anything on its own" in markdown_source("privacy", "en")


@pytest.mark.parametrize("name", sorted(set(PAGES.values())))
def test_both_languages_have_the_same_sections(name: str) -> None:
    def headings(lang: str) -> int:
        return len(re.findall(r"^#{1,3} ", markdown_source(name, lang), re.MULTILINE))

    assert headings("ja") == headings("en")
    for lang in LANGS:
        settings = load_settings(_env_file=None)
        assert "{{" not in render_page(name, lang, settings).html
