"""The bot's public pages: ``/`` (what the bot is and who runs it), ``/privacy`` and ``/terms``.

Teams shows the app package's ``websiteUrl``, ``privacyUrl`` and ``termsOfUseUrl`` to everyone
who installs the app; ``telework-bot manifest build`` points them here by default. The texts
are Markdown files next to this module (``<page>.<lang>.md``, Japanese and English), rendered
once at start-up with markdown-it-py (CommonMark, raw HTML off) into small, accessible HTML
pages: the page's language declared, one ``h1``, a skip link, a labelled navigation, readable
on a phone, no script, no external resource.

``{{organisation}}``, ``{{contact}}`` and ``{{app_name}}`` in the Markdown text are replaced
with the configured values (escaped). The language is ``?lang=ja|en``, else the browser's
``Accept-Language``, else Japanese.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib import resources
from typing import Final

from aiohttp import web
from markdown_it import MarkdownIt

from bot.core.listing import AppListing

LANGS: Final = ("ja", "en")
PAGES: Final = {"/": "index", "/privacy": "privacy", "/terms": "terms"}
_HERE = resources.files(__name__)
_LANGUAGE_TAG = re.compile(r"([A-Za-z]{1,8})(?:-[A-Za-z0-9]{1,8})*")
_QUALITY = re.compile(r"0(?:\.\d{0,3})?|1(?:\.0{0,3})?")  # RFC 9110 qvalue

# Shown where a deployment has not configured the value.
_FALLBACK = {
    "ja": {
        "organisation": "この Bot を導入した組織",
        "contact": "組織のテレワーク推進担当（事務局）",
    },
    "en": {
        "organisation": "the organisation that deployed this bot",
        "contact": "your organisation's telework secretariat",
    },
}
_CHROME = {
    "ja": {
        "skip": "本文へ移動",
        "nav": "ページ",
        "index": "概要",
        "privacy": "プライバシー",
        "terms": "利用条件",
        "other": "English",
        "run_by": "運用：",
    },
    "en": {
        "skip": "Skip to the content",
        "nav": "Pages",
        "index": "About",
        "privacy": "Privacy",
        "terms": "Terms of use",
        "other": "日本語",
        "run_by": "Run by ",
    },
}

_CSS = """\
:root{color-scheme:light dark;--accent:%(accent)s}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Yu Gothic UI",\
"Noto Sans JP",sans-serif;font-size:1rem;line-height:1.75;color:#1b1b1b;background:#fff}
header,main,footer{max-width:44rem;margin:0 auto;padding:0 1rem}
header{border-top:.4rem solid var(--accent);padding-top:.75rem}
.app{font-weight:700;margin:0}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:.5rem 0;padding:0}
a{color:#0b4ea2;text-underline-offset:.15em}
a:focus-visible,.skip:focus{outline:3px solid #1b1b1b;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
h1{font-size:1.6rem;line-height:1.35}h2{font-size:1.25rem;margin-top:2rem}
table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%%}
th,td{border:1px solid #8a8a8a;padding:.4rem .6rem;text-align:left;vertical-align:top}
code{overflow-wrap:anywhere}
footer{margin-top:3rem;padding-bottom:2rem;font-size:.9rem;color:#4a4a4a}
@media (prefers-color-scheme:dark){body{color:#eee;background:#111}a{color:#8ab4f8}
th,td{border-color:#777}footer{color:#bbb}a:focus-visible{outline-color:#eee}}
"""


@dataclass(frozen=True)
class Page:
    """A rendered page: its HTML and the style hash its Content-Security-Policy allows."""

    html: str
    style_hash: str


def markdown_source(name: str, lang: str) -> str:
    """The Markdown text of page ``name`` (index, privacy, terms) in ``lang``."""
    return (_HERE / f"{name}.{lang}.md").read_text(encoding="utf-8")


def _renderer() -> MarkdownIt:
    # CommonMark with tables; raw HTML in the Markdown is shown as text, never passed through.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _values(listing: AppListing, lang: str) -> dict[str, str]:
    fallback = _FALLBACK[lang]
    return {
        "organisation": listing.organisation(lang) or fallback["organisation"],
        "contact": listing.contact or fallback["contact"],
        "app_name": listing.names(lang)["name_full"],
    }


def _links(listing: AppListing) -> dict[str, str]:
    """Where the navigation points: the URLs the app package names, else the bot's own."""
    return {
        "index": listing.website_url or "/",
        "privacy": listing.privacy_url or "/privacy",
        "terms": listing.terms_url or "/terms",
    }


def _with_lang(link: str, lang: str) -> str:
    """Our own pages keep the reader's language; a page elsewhere is linked as configured."""
    return f"{link}?lang={lang}" if link.startswith("/") else link


def render_page(name: str, lang: str, listing: AppListing) -> Page:
    """Page ``name`` in ``lang`` as a complete HTML document."""
    values = {key: html.escape(value) for key, value in _values(listing, lang).items()}
    body = _renderer().render(markdown_source(name, lang))
    for key, value in values.items():
        body = body.replace("{{" + key + "}}", value)
    title = re.search(r"<h1>(.*?)</h1>", body, re.DOTALL)
    heading = re.sub(r"<[^>]+>", "", title.group(1)) if title else values["app_name"]
    chrome = _CHROME[lang]
    other = "en" if lang == "ja" else "ja"
    own = next(k for k, v in PAGES.items() if v == name)
    links = _links(listing)
    items = "".join(
        f'<li><a href="{html.escape(_with_lang(links[page], lang), quote=True)}"'
        + (' aria-current="page"' if page == name else "")
        + f">{chrome[page]}</a></li>"
        for page in ("index", "privacy", "terms")
    )
    items += (
        f'<li><a href="{own}?lang={other}" hreflang="{other}" lang="{other}">'
        f"{chrome['other']}</a></li>"
    )
    css = _CSS % {"accent": listing.accent_color}
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    document = f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading} | {values["app_name"]}</title>
<style>{css}</style>
</head>
<body>
<a class="skip" href="#main">{chrome["skip"]}</a>
<header>
<p class="app">{values["app_name"]}</p>
<nav aria-label="{chrome["nav"]}"><ul>{items}</ul></nav>
</header>
<main id="main">
{body}</main>
<footer><p>{chrome["run_by"]}{values["organisation"]}</p></footer>
</body>
</html>
"""
    return Page(document, f"sha256-{digest}")


def choose_lang(request: web.Request) -> tuple[str, bool]:
    """``(lang, negotiated)``: ``?lang=`` when valid, else the browser's preference between
    Japanese and English (``Accept-Language``), else Japanese."""
    asked = request.query.get("lang", "")
    if asked in LANGS:
        return asked, False
    best, best_q = "ja", 0.0
    for part in request.headers.get("Accept-Language", "").split(",")[:20]:
        tag, *parameters = part.split(";")
        match = _LANGUAGE_TAG.fullmatch(tag.strip())
        if match is None:
            continue
        q = 1.0
        for parameter in parameters:
            name, _, value = parameter.strip().partition("=")
            if name.strip().lower() == "q":
                q = float(value) if _QUALITY.fullmatch(value.strip()) else -1.0
        primary = match.group(1).lower()
        if primary in LANGS and q > best_q:
            best, best_q = primary, q
    return best, True


def add_pages(app: web.Application, listing: AppListing) -> None:
    """Serve ``/``, ``/privacy`` and ``/terms`` on ``app`` (rendered once, here)."""
    rendered = {
        (name, lang): render_page(name, lang, listing) for name in PAGES.values() for lang in LANGS
    }

    def handler(name: str) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def page(request: web.Request) -> web.Response:
            lang, negotiated = choose_lang(request)
            found = rendered[(name, lang)]
            headers = {
                "Content-Language": lang,
                "Content-Security-Policy": (
                    f"default-src 'none'; style-src '{found.style_hash}'; base-uri 'none'; "
                    "form-action 'none'; frame-ancestors 'none'"
                ),
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer",
                "Cache-Control": "public, max-age=300",
            }
            if negotiated:
                headers["Vary"] = "Accept-Language"
            return web.Response(
                text=found.html, content_type="text/html", charset="utf-8", headers=headers
            )

        return page

    for path, name in PAGES.items():
        app.router.add_get(path, handler(name))
