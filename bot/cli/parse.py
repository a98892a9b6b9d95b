"""``telework-bot parse``: how the bot understands a message (no side effects)."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.wiring import SettingsSource, fail, policy_or_exit, settings_or_exit


def register(cli: typer.Typer, settings: SettingsSource = settings_or_exit) -> None:
    """Add ``parse``."""

    @cli.command("parse")
    def parse_command(
        text: Annotated[str, typer.Argument(help="The message, as a user would type it.")],
        today: Annotated[
            str | None, typer.Option(help="The date to interpret against (YYYY-MM-DD).")
        ] = None,
        lang: Annotated[str | None, typer.Option(help="ja or en (the user's language).")] = None,
    ) -> None:
        """Print how the bot understands a message, as one JSON object (no side effects)."""
        import json
        from datetime import UTC, date, datetime

        from dialogs.understanding import parse

        policy = policy_or_exit(settings())
        calendar = policy.work_calendar()
        try:
            day = date.fromisoformat(today) if today else calendar.local_date(datetime.now(UTC))
        except ValueError:
            fail(f"--today {today!r} is not YYYY-MM-DD")
        if lang not in (None, "ja", "en"):
            fail("--lang must be ja or en")
        meaning = parse(
            text,
            today=day,
            lang=lang,
            calendar=calendar,
            retroactive_days=policy.declarations.retroactive_working_days,
        )
        typer.echo(json.dumps(meaning.to_json(), ensure_ascii=False))
