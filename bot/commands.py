"""The command table: one declarative list drives routing, help, "did you mean" and the
Teams manifest's ``commandLists``."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bot.texts import Lang

ALL_SCOPES = frozenset({"personal", "team", "groupChat"})
# Anything that shows a person's own record, categories, targets, approvals, reports or
# deliveries, or declares or cancels their days, is answered in a 1:1 chat only: no
# category name or care status may ever appear in a group chat or a channel.
PERSONAL = frozenset({"personal"})
MENU_LIMIT = 10


@dataclass(frozen=True)
class Command:
    """One thing a user can ask for by name, button or menu."""

    id: str
    words: dict[Lang, tuple[str, ...]]
    title: dict[Lang, str]
    description: dict[Lang, str]
    example: dict[Lang, str]
    scopes: frozenset[str] = field(default=PERSONAL)  # where it is answered (fail closed)
    in_menu: bool = True  # listed in the Teams command menu (at most 10 per scope)


@dataclass(frozen=True)
class Match:
    """A command found in a message, with whatever followed its name."""

    command: Command
    argument: str


COMMANDS: tuple[Command, ...] = (
    Command(
        id="help",
        words={"ja": ("ヘルプ", "使い方", "つかいかた", "help"), "en": ("help", "?", "commands")},
        title={"ja": "ヘルプ", "en": "help"},
        description={"ja": "使い方とコマンドの一覧を表示します", "en": "Show what I can do"},
        example={"ja": "ヘルプ", "en": "help"},
        scopes=ALL_SCOPES,
    ),
    Command(
        id="progress",
        words={
            "ja": ("目標", "進捗", "達成状況", "私の進捗"),
            "en": ("my status", "my progress", "progress", "status"),
        },
        title={"ja": "目標", "en": "my status"},
        description={
            "ja": "テレワーク目標に対するあなたの進捗を表示します",
            "en": "Show your progress against your telework targets",
        },
        example={"ja": "進捗", "en": "my progress"},
        scopes=PERSONAL,
    ),
    Command(
        id="form",
        words={"ja": ("予定登録", "登録フォーム", "フォーム"), "en": ("declare", "form")},
        title={"ja": "予定登録", "en": "declare"},
        description={
            "ja": "フォームでテレワーク・出勤・休暇・出張を登録します",
            "en": "Declare telework, office, leave or a trip with a form",
        },
        example={"ja": "予定登録（または「明日テレワーク」）", "en": 'declare (or "WFH tomorrow")'},
        scopes=PERSONAL,
    ),
    Command(
        id="board",
        words={"ja": ("ボード", "課の予定", "課のボード"), "en": ("board", "team board")},
        title={"ja": "ボード", "en": "board"},
        description={
            "ja": "今日の課室のメンバーの予定（テレワーク・出勤・休暇など）を表示します",
            "en": "Show who in your section teleworks, is in the office or away today",
        },
        example={
            "ja": "ボード（または「明日誰がテレワーク？」）",
            "en": 'board (or "who is WFH tomorrow?")',
        },
        # The section's schedule (leave, pending approvals) is for the section, its chief
        # and admins (domain.org.can_view_section), not for whoever is in a chat or team.
        scopes=PERSONAL,
    ),
    Command(
        id="schedule",
        words={"ja": ("私の予定", "自分の予定", "予定確認"), "en": ("my schedule", "schedule")},
        title={"ja": "私の予定", "en": "my schedule"},
        description={
            "ja": "今後2週間のあなたの予定を表示します",
            "en": "Show your next two weeks",
        },
        example={"ja": "私の予定", "en": "my schedule"},
        scopes=PERSONAL,
    ),
    Command(
        id="approvals",
        words={"ja": ("承認待ち", "承認一覧", "申請一覧"), "en": ("approvals", "pending requests")},
        title={"ja": "承認待ち", "en": "approvals"},
        description={
            "ja": "課室長：課室の承認待ちの申請を表示し、承認・差し戻しします",
            "en": "Section chiefs: review and approve your section's requests",
        },
        example={"ja": "承認待ち", "en": "approvals"},
        scopes=PERSONAL,
    ),
    Command(
        id="reminders",
        words={"ja": ("通知設定", "通知の設定"), "en": ("reminders", "reminder settings")},
        title={"ja": "通知設定", "en": "reminders"},
        description={
            "ja": "お知らせの停止・再開、週次まとめ（金曜）の設定",
            "en": "Pause or resume reminders; the Friday summary",
        },
        example={"ja": "通知設定（または「2週間止めて」「通知を再開」）", "en": "reminders"},
        scopes=PERSONAL,
    ),
    Command(
        id="campaign",
        words={"ja": ("キャンペーン", "テレワークウィーク"), "en": ("campaign", "campaigns")},
        title={"ja": "キャンペーン", "en": "campaign"},
        description={
            "ja": "テレワーク・ウィーク等の確認（事務局：作成・取消）",
            "en": "Campaigns such as Telework Week (admins: create, cancel)",
        },
        example={"ja": "キャンペーン", "en": "campaign"},
        scopes=PERSONAL,
    ),
    Command(
        id="report",
        words={
            "ja": ("レポート", "実施状況レポート", "実施状況"),
            "en": ("report", "telework report"),
        },
        title={"ja": "レポート", "en": "report"},
        description={
            "ja": "事務局・課室長：テレワーク実施状況のレポートを表示します",
            "en": "Admins and section chiefs: the telework report",
        },
        example={
            "ja": "レポート（または「レポート 7月」「レポート 2025」）",
            "en": 'report (or "report 2025")',
        },
        scopes=PERSONAL,
    ),
    Command(
        id="deliveries",
        words={"ja": ("配信状況",), "en": ("deliveries",)},
        title={"ja": "配信状況", "en": "deliveries"},
        description={
            "ja": "事務局：お知らせの配信状況（送信済・未送信・失敗）を表示します",
            "en": "Admins: progress of proactive messages (sent / pending / failed)",
        },
        example={"ja": "配信状況 12", "en": "deliveries 12"},
        scopes=PERSONAL,
        in_menu=False,  # admins only
    ),
    Command(
        id="meeting",
        words={
            "ja": ("会議を設定", "会議設定", "チーム会議"),
            "en": ("schedule a team meeting", "team meeting"),
        },
        title={"ja": "会議を設定", "en": "team meeting"},
        description={
            "ja": "参加者の予定から候補日時を提案し、日程調整・招待まで行います",
            "en": "Find a time from everyone's schedule, poll and invite",
        },
        example={
            "ja": "会議を設定（グループでは「@ボット 会議を設定 @参加者」）",
            "en": "schedule a team meeting",
        },
        scopes=ALL_SCOPES,  # team-type telework: set up in the group chat or channel itself
    ),
    Command(
        id="meetings",
        words={"ja": ("会議一覧", "私の会議"), "en": ("my meetings",)},
        title={"ja": "会議一覧", "en": "my meetings"},
        description={
            "ja": "設定した会議の日程調整・出欠の状況を表示します",
            "en": "Your polls and upcoming meetings",
        },
        example={"ja": "会議一覧", "en": "my meetings"},
        scopes=PERSONAL,
        in_menu=False,  # reached from the meeting cards and help
    ),
    Command(
        id="team_day",
        words={"ja": ("チームテレワーク日",), "en": ("team telework day",)},
        title={"ja": "チームテレワーク日", "en": "team telework day"},
        description={
            "ja": "来週、課室のテレワークが最も多い日を提案します（課室長は課室に提案できます）",
            "en": "Next week's day when most of your section teleworks; chiefs can propose it",
        },
        example={"ja": "チームテレワーク日", "en": "team telework day"},
        scopes=PERSONAL,
        in_menu=False,  # in help
    ),
    Command(
        id="language",
        words={"ja": ("言語", "げんご"), "en": ("language", "lang")},
        title={"ja": "言語", "en": "language"},
        description={
            "ja": "表示言語を切り替えます（日本語 / English）",
            "en": "Switch the language I answer in (English / 日本語)",
        },
        example={"ja": "言語 English", "en": "language 日本語"},
        scopes=ALL_SCOPES,  # the speaker's own language preference, nothing else
        in_menu=False,  # in help; the menu holds ten
    ),
)

BY_ID: dict[str, Command] = {command.id: command for command in COMMANDS}

# Card button verbs: routed like commands (with the same scope rule), but not typed, listed
# in help or in the manifest. Scheduling a team meeting is the one thing done in groups.
ACTIONS: Mapping[str, frozenset[str]] = {
    "declare_confirm": PERSONAL,
    "declare_dismiss": PERSONAL,
    "declare_form": PERSONAL,
    "declare_form_submit": PERSONAL,
    "cancel_confirm": PERSONAL,
    "cancel_keep": PERSONAL,
    "recurring_confirm": PERSONAL,
    "recurring_cancel_confirm": PERSONAL,
    "approve": PERSONAL,
    "reject": PERSONAL,
    # team-type telework meetings (bot.meetings.MEETING_ACTIONS): polls, tallies and
    # invitations are posted in the group chat or channel the meeting was set up in
    "meeting_candidates": ALL_SCOPES,
    "meeting_poll": ALL_SCOPES,
    "meeting_vote": ALL_SCOPES,
    "meeting_tally": ALL_SCOPES,
    "meeting_finalise": ALL_SCOPES,
    "meeting_change": ALL_SCOPES,
    "meeting_cancel": ALL_SCOPES,
    "meeting_cancel_confirm": ALL_SCOPES,
    "meeting_rsvp": ALL_SCOPES,
    "team_day_propose": PERSONAL,
    # reminders, nudges and campaigns
    "reminders_pause": PERSONAL,
    "reminders_resume": PERSONAL,
    "nudge_snooze": PERSONAL,
    "digest_on": PERSONAL,
    "digest_off": PERSONAL,
    "campaign_preview": PERSONAL,
    "campaign_create": PERSONAL,
    "campaign_cancel": PERSONAL,
    "campaign_cancel_confirm": PERSONAL,
    "campaign_designate": PERSONAL,
}

# What free text may ask for outside a 1:1 chat (dialogs.understanding's intents): help, and
# a message not understood at all. Every other intent reads or writes the person's own
# record or their section's (declare, cancel, presence, "who is teleworking", "where is X",
# "my schedule", section rates): personal only, as is any intent not listed here.
INTENT_SCOPES: Mapping[str, frozenset[str]] = {
    "help": ALL_SCOPES,
    "unknown": ALL_SCOPES,
}


def intent_scopes(intent: str) -> frozenset[str]:
    return INTENT_SCOPES.get(intent, PERSONAL)


def normalise(value: str) -> str:
    """NFKC (full-width → half-width), lower case, collapsed whitespace."""
    return " ".join(unicodedata.normalize("NFKC", value).lower().split())


def find_command(text: str, commands: Iterable[Command] = COMMANDS) -> Match | None:
    """The command whose name starts ``text`` (longest name first), or None."""
    value = normalise(text)
    candidates = sorted(
        (
            (normalise(word), command)
            for command in commands
            for words in command.words.values()
            for word in words
        ),
        key=lambda pair: -len(pair[0]),
    )
    for word, command in candidates:
        if value == word:
            return Match(command, "")
        if value.startswith(word):
            rest = value[len(word) :]
            # ASCII names need a word boundary ("helpful" is not "help"); Japanese ones do not.
            if not word.isascii() or rest.startswith(" "):
                return Match(command, rest.strip())
    return None


def suggest(text: str, commands: Iterable[Command] = COMMANDS) -> Command | None:
    """The closest command name to ``text`` for a "did you mean", if any is close enough."""
    value = normalise(text)
    if not value:
        return None
    names: dict[str, Command] = {}
    for command in commands:
        for words in command.words.values():
            for word in words:
                if len(word) > 1:
                    names[normalise(word)] = command
    first_word = value.split(" ", 1)[0]
    for probe in (value, first_word):
        close = difflib.get_close_matches(probe, list(names), n=1, cutoff=0.6)
        if close:
            return names[close[0]]
    return None


def manifest_command_lists(lang: Lang = "en") -> list[dict[str, object]]:
    """``bots[0].commandLists`` for the Teams manifest, generated from the table."""
    lists: list[dict[str, object]] = []
    for scope in ("personal", "team", "groupChat"):
        entries = [
            {"title": c.title[lang][:32], "description": c.description[lang][:128]}
            for c in COMMANDS
            if scope in c.scopes and c.in_menu
        ]
        if len(entries) > MENU_LIMIT:
            raise ValueError(f"{len(entries)} menu commands for {scope}; Teams shows {MENU_LIMIT}")
        if entries:
            lists.append({"scopes": [scope], "commands": entries})
    return lists
