"""Reminder settings: the command, the buttons of the settings and nudge cards, and the
phrases that pause or resume reminders."""

from __future__ import annotations

from bot.core.jobs import Job
from bot.core.router import NoPayload, Words, on_intents, route
from bot.features.reminders import status_note
from bot.features.reminders.settings import (
    Pause,
    Snooze,
    digest_off,
    digest_off_said,
    digest_on,
    digest_on_said,
    pause,
    pause_said,
    resume,
    resume_said,
    show,
    snooze,
)
from dialogs.understanding import Intent

REMINDERS = Words(
    words={"ja": ("通知設定", "通知の設定"), "en": ("reminders", "reminder settings")},
    title={"ja": "通知設定", "en": "reminders"},
    description={
        "ja": "お知らせの停止・再開、週次まとめ（金曜）の設定",
        "en": "Pause or resume reminders; the Friday summary",
    },
    example={"ja": "通知設定（または「2週間止めて」「通知を再開」）", "en": "reminders"},
)

ROUTES = (
    route("reminders", show, NoPayload, words=REMINDERS),
    route("reminders_pause", pause, Pause),
    route("reminders_resume", resume, NoPayload),
    route("nudge_snooze", snooze, Snooze),
    route("digest_on", digest_on, NoPayload),
    route("digest_off", digest_off, NoPayload),
    route("teams_status_on", status_note.teams_status_on, NoPayload),
    route("teams_status_off", status_note.teams_status_off, NoPayload),
)

# 「Teams にも表示」: today's telework as a Teams status note (Microsoft 365, opt-in).
JOBS = (
    Job(
        status_note.JOB_ID,
        status_note.DEFAULT_CRON,
        status_note.status_job,
        wanted=status_note.connected,
    ),
)

INTENTS = (
    on_intents((Intent.PAUSE_REMINDERS,), pause_said),
    on_intents((Intent.RESUME_REMINDERS,), resume_said),
    on_intents((Intent.DIGEST_ON,), digest_on_said),
    on_intents((Intent.DIGEST_OFF,), digest_off_said),
)
