"""Campaigns (Telework Week in July, Telework Month in November, ad-hoc): the model, the
timeline of messages, safe message templates and the results per section.

Timeline (all on working days, each step idempotent per person through its ledger key
``(recipient, kind, "<campaign id>:<step or day>")``):

=======================  ======================================  ==========================
step                     when                                    to
=======================  ======================================  ==========================
announcement             ``announce_days_before`` calendar days  audience (eligible staff)
                         before the start (rolled back to a
                         working day), caught up until the start
designation request      with the announcement                   chiefs of audience sections
reminder                 each campaign working day whose         eligible audience with no
                         weekday is in ``reminder_weekdays``     telework in the campaign yet
mid-week nudge           the middle working day (≥ 3 days)       chiefs of sections with no
                                                                 teleworker yet
results                  first working day after the end         chiefs (their section) and
                         (caught up for 3 working days)          admins (every section)
=======================  ======================================  ==========================
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from domain.calendar import WorkCalendar
from domain.errors import DomainError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_CAMPAIGN_DAYS = 92
MAX_TEMPLATE_LENGTH = 2000
PLACEHOLDERS = frozenset({"name", "campaign", "start", "end", "days", "section", "designated"})
MESSAGE_KEYS = ("announcement", "reminder")
LANGS = ("ja", "en")


class CampaignError(DomainError):
    """A campaign that cannot be created as given; the message is fit for an admin."""


class CampaignKind(StrEnum):
    TELEWORK_WEEK = "telework_week"  # テレワークウィーク (July)
    TELEWORK_MONTH = "telework_month"  # テレワーク月間 (November)
    ADHOC = "adhoc"


class CampaignState(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"


class Step(StrEnum):
    """A message of the timeline; the value is the ledger kind."""

    ANNOUNCEMENT = "campaign_announcement"
    DESIGNATION = "campaign_designate"
    REMINDER = "campaign_reminder"
    MIDWEEK = "campaign_midweek"
    RESULTS = "campaign_results"


CAMPAIGN_KINDS = frozenset(s.value for s in Step)


@dataclass(frozen=True)
class Campaign:
    """One campaign. ``audience``: org unit codes (every unit below is included); empty means
    everyone. ``rule_units``: departments (局・部) that follow "at least one teleworker per
    section". ``messages``: ``{"announcement": {"ja": …, "en": …}, "reminder": {…}}``."""

    name: str
    kind: CampaignKind
    start: date
    end: date
    messages: Mapping[str, Mapping[str, str]]
    audience: tuple[str, ...] = ()
    rule_units: tuple[str, ...] = ()
    announce_days_before: int = 7
    reminder_weekdays: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri")
    mandatory: bool = False  # announcements and reminders ignore "pause reminders"
    state: CampaignState = CampaignState.ACTIVE
    id: int | None = None
    created_by: str = ""

    def key(self, step_or_day: str) -> str:
        """The ledger period key of one step (``7:announce``) or one day (``7:2026-07-06``)."""
        return f"{self.id}:{step_or_day}"

    @property
    def cancelled(self) -> bool:
        return self.state is CampaignState.CANCELLED


def telework_week_in(
    campaigns: Iterable[Campaign], start: date, end: date
) -> tuple[date, date] | None:
    """The Telework Week campaign held between ``start`` and ``end`` (the latest one, if the
    secretariat created several), as reports count it; None when there is none."""
    weeks = [
        c
        for c in campaigns
        if c.kind is CampaignKind.TELEWORK_WEEK and not c.cancelled and start <= c.start <= end
    ]
    if not weeks:
        return None
    chosen = max(weeks, key=lambda c: (c.start, c.id or 0))
    return chosen.start, chosen.end


def validate(campaign: Campaign, today: date) -> Campaign:
    """The campaign if it can be created on ``today``; ``CampaignError`` otherwise."""
    problems: list[str] = []
    if not campaign.name.strip():
        problems.append("name: required")
    if campaign.end < campaign.start:
        problems.append("end: before the start")
    elif (campaign.end - campaign.start).days + 1 > MAX_CAMPAIGN_DAYS:
        problems.append(f"dates: at most {MAX_CAMPAIGN_DAYS} days")
    if campaign.start <= today:
        problems.append("start: must be after today")
    if not 0 <= campaign.announce_days_before <= 60:
        problems.append("announce_days_before: 0–60")
    bad_days = [d for d in campaign.reminder_weekdays if d not in WEEKDAYS]
    if bad_days:
        problems.append(f"reminder_weekdays: unknown {bad_days}")
    for key in MESSAGE_KEYS:
        for lang in LANGS:
            template = campaign.messages.get(key, {}).get(lang, "")
            if not template.strip():
                problems.append(f"messages.{key}.{lang}: required")
            problems.extend(f"messages.{key}.{lang}: {p}" for p in template_problems(template))
    if problems:
        raise CampaignError("; ".join(problems))
    return campaign


# -- templates --------------------------------------------------------------------------------


def template_problems(template: str) -> list[str]:
    """What is wrong with a message template: only ``{name}``-style known placeholders, no
    attribute or index access, no conversions or format specs, at most 2000 characters."""
    if len(template) > MAX_TEMPLATE_LENGTH:
        return [f"longer than {MAX_TEMPLATE_LENGTH} characters"]
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as exc:
        return [f"braces do not match ({exc}); write {{{{ and }}}} for literal braces"]
    problems = []
    for _literal, name, spec, conversion in fields:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            allowed = ", ".join(sorted(f"{{{p}}}" for p in PLACEHOLDERS))
            problems.append(f"unknown placeholder {{{name}}} (allowed: {allowed})")
        elif spec or conversion:
            problems.append(f"{{{name}}}: no format specs or conversions")
    return problems


class _Values(dict[str, str]):
    """The only mapping templates see: plain strings; a missing key renders as empty."""

    def __missing__(self, key: str) -> str:
        return ""


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill a template. An invalid template (never stored: ``validate`` refuses it) renders
    as itself rather than failing a broadcast."""
    if template_problems(template):
        return template
    safe = _Values({k: str(v) for k, v in values.items() if k in PLACEHOLDERS})
    return template.format_map(safe)


# -- timeline ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timeline:
    """When each step of a campaign happens, on one calendar."""

    campaign: Campaign
    days: tuple[date, ...]  # the campaign's working days
    announce_on: date
    midweek_on: date | None
    results_on: date
    reminder_days: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def of(cls, campaign: Campaign, calendar: WorkCalendar) -> Timeline:
        days = tuple(calendar.working_days(campaign.start, campaign.end))
        announce = calendar.previous_working_day(
            campaign.start - timedelta(days=campaign.announce_days_before), inclusive=True
        )
        wanted = set(campaign.reminder_weekdays)
        return cls(
            campaign=campaign,
            days=days,
            announce_on=announce,
            midweek_on=days[len(days) // 2] if len(days) >= 3 else None,
            results_on=calendar.next_working_day(campaign.end),
            reminder_days=frozenset(d for d in days if WEEKDAYS[d.weekday()] in wanted),
        )

    def steps_on(self, today: date, calendar: WorkCalendar) -> list[Step]:
        """The steps due on ``today`` (none once cancelled). One-off steps are caught up
        for a while when their day was missed; their ledger keys stop any repeat."""
        if self.campaign.cancelled or not calendar.is_working_day(today):
            return []
        steps = []
        if self.announce_on <= today < self.campaign.start:
            steps += [Step.ANNOUNCEMENT, Step.DESIGNATION]
        if today in self.reminder_days:
            steps.append(Step.REMINDER)
        if self.midweek_on is not None and self.midweek_on <= today <= self.campaign.end:
            steps.append(Step.MIDWEEK)
        if self.results_on <= today <= calendar.add_working_days(self.results_on, 3):
            steps.append(Step.RESULTS)
        return steps


# -- results ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SectionResult:
    """One section's campaign outcome: who teleworked at least once during the campaign."""

    section: str
    headcount: int
    participants: int
    rule_applies: bool  # its department follows "at least one teleworker per section"

    @property
    def rate(self) -> float:
        return self.participants / self.headcount if self.headcount else 0.0

    @property
    def rule_met(self) -> bool | None:
        """None where the rule does not apply."""
        return self.participants >= 1 if self.rule_applies else None


def section_results(
    members_by_section: Mapping[str, Iterable[str]],
    teleworkers: set[str],
    rule_sections: set[str],
) -> list[SectionResult]:
    """Results per section (sorted by code) from who teleworked during the campaign."""
    out = []
    for section in sorted(members_by_section):
        members = list(members_by_section[section])
        participants = sum(1 for m in members if m in teleworkers)
        out.append(SectionResult(section, len(members), participants, section in rule_sections))
    return out
