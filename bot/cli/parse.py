"""``telework-bot parse``: how the bot understands a message (no side effects)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.wiring import fail, policy_file_or_exit, policy_file_setting


def register(
    cli: typer.Typer, policy_file: Callable[[], Path | None] = policy_file_setting
) -> None:
    """Add ``parse``. It needs one setting, ``TELEWORK_POLICY_FILE``, and reads only that
    (``policy_file``): building every setting costs pydantic-settings' import, a fifth of
    the start budget (issue 16)."""

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

        policy = policy_file_or_exit(policy_file())
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
