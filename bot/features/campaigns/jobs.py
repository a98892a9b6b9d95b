"""Campaigns as a scheduled job: each working morning, every active campaign's due steps
(``domain.campaigns.Timeline``) become ledger rows, re-runnably.

Who gets what: announcements and reminders go to the audience's *eligible* staff (past the
conditional appointment period, not taken out of the plan by ``[exemptions] reasons``: Diet and
counter work only lose the weekly aim; inactive people are not in the roster's active set),
minus those who paused reminders (unless the campaign is mandatory); reminders also skip people
on leave today and anyone with telework declared in the campaign already. Chiefs get the
designation request, the mid-week nudge when their section has no teleworker yet, and their
section's results; admins get every section's results. Chat admin/chief flows are in
``bot.features.campaigns.chat``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.core.reminders import ReminderServices
from bot.features.campaigns.cards import (
    designation_card,
    midweek_card,
    results_card,
    section_name,
    staff_card,
    template_values,
)
from bot.ui.messages import language_of
from bot.ui.texts import Lang
from domain.campaigns import Campaign, Step, Timeline, section_results
from domain.delivery import Firing, NewDelivery
from domain.nudges import FatigueGuard, ReminderPreference
from domain.org import OrgChart, StaffMember, sections_of
from domain.policy import Policy
from storage.nudge_facts import ScheduleFacts

log = logging.getLogger(__name__)


@dataclass
class Audience:
    """Who a campaign addresses on a day."""

    members: dict[str, StaffMember] = field(default_factory=dict)
    eligible: dict[str, StaffMember] = field(default_factory=dict)
    section_of: dict[str, str] = field(default_factory=dict)  # member → section code
    sections: dict[str, list[str]] = field(default_factory=dict)  # section → members
    chiefs: dict[str, list[str]] = field(default_factory=dict)  # section → chiefs
    rule_sections: set[str] = field(default_factory=set)


def audience_of(
    campaign: Campaign,
    staff: Mapping[str, StaffMember],
    chart: OrgChart,
    policy: Policy,
    on: date,
) -> Audience:
    """The campaign's audience among active ``staff`` on ``on``."""
    units: set[str] | None = None
    if campaign.audience:
        units = {
            u.code for code in campaign.audience if code in chart for u in chart.units_under(code)
        }
    sections = sections_of(staff, chart)
    out = Audience()
    for emp, member in sorted(staff.items()):
        if not member.active or (units is not None and member.org_unit not in units):
            continue
        out.members[emp] = member
        if not policy.is_exempt(member) and on >= policy.eligibility.eligible_from(
            member.hire_date
        ):
            out.eligible[emp] = member
        if emp in sections:
            out.section_of[emp] = sections[emp]
            out.sections.setdefault(sections[emp], []).append(emp)
    for emp, member in sorted(staff.items()):
        section = sections.get(emp)
        if member.is_section_chief and section in out.sections:
            out.chiefs.setdefault(section, []).append(emp)
    for code in campaign.rule_units:
        if code in chart:
            for unit in chart.units_under(code):
                if unit.code in out.sections:
                    out.rule_sections.add(unit.code)
    return out


@dataclass
class CampaignDay:
    """Everything one campaign's steps need on one day, and the deliveries they make."""

    services: ReminderServices
    campaign: Campaign
    timeline: Timeline
    today: date
    audience: Audience
    chart: OrgChart
    chat: dict[str, str]
    facts: ScheduleFacts
    preferences: Mapping[str, ReminderPreference]
    designated: dict[str, list[date]]
    run_id: int | None
    staff: Mapping[str, StaffMember] = field(default_factory=dict)
    guard: FatigueGuard | None = None  # nudge fatigue (announcements and reminders)

    def steps(self, steps: list[Step]) -> list[NewDelivery]:
        out: list[NewDelivery | None] = []
        eligible = self.audience.eligible
        if Step.ANNOUNCEMENT in steps:
            out += [
                self._staff(e, Step.ANNOUNCEMENT, "announce")
                for e in eligible
                if not self._suppressed(e, Step.ANNOUNCEMENT)
            ]
        if Step.DESIGNATION in steps:
            for section, chiefs in sorted(self.audience.chiefs.items()):
                for emp in chiefs:
                    lang = self._lang(emp)
                    label = section_name(self.chart, section, lang)
                    payload = designation_card(self.campaign, self.timeline, lang, section, label)
                    out.append(self._delivery(emp, Step.DESIGNATION, "designate", payload))
        if Step.REMINDER in steps:
            done = self._teleworkers()
            out += [
                self._staff(e, Step.REMINDER, self.today.isoformat())
                for e in eligible
                if e not in done
                and not self.facts.on_leave(e, self.today)
                and not self._suppressed(e, Step.REMINDER)
            ]
        if Step.MIDWEEK in steps:
            done = self._teleworkers()
            for section, members in sorted(self.audience.sections.items()):
                if not any(m in done for m in members):
                    for emp in self.audience.chiefs.get(section, []):
                        lang = self._lang(emp)
                        label = section_name(self.chart, section, lang)
                        payload = midweek_card(self.campaign, lang, label)
                        out.append(self._delivery(emp, Step.MIDWEEK, "midweek", payload))
        if Step.RESULTS in steps:
            out += self._results()
        return [d for d in out if d is not None]

    def _results(self) -> list[NewDelivery | None]:
        results = section_results(
            self.audience.sections, self._teleworkers(), self.audience.rule_sections
        )
        by_section = {r.section: r for r in results}
        out = []
        for section, chiefs in sorted(self.audience.chiefs.items()):
            for emp in chiefs:
                own = [by_section[section]]
                payload = results_card(self.campaign, self.chart, self._lang(emp), own, total=False)
                out.append(self._delivery(emp, Step.RESULTS, "results", payload))
        admins = self.services.core.admins
        for emp, member in sorted(self.staff.items()):
            if emp.casefold() in admins or member.email.casefold() in admins:
                lang = language_of(member)
                payload = results_card(self.campaign, self.chart, lang, results, total=True)
                out.append(self._delivery(emp, Step.RESULTS, "results-all", payload))
        return out

    def _staff(self, emp: str, step: Step, key: str) -> NewDelivery | None:
        chat_id = self.chat.get(emp)
        if self.guard is not None and chat_id is not None:
            if not self.campaign.mandatory and not self.guard.allows(chat_id):
                return None  # nudge fatigue: weekly cap or one a day
            self.guard.record(chat_id)
        member = self.audience.members[emp]
        lang = language_of(member)
        section = self.audience.section_of.get(emp)
        days = self.designated.get(section, []) if section else []
        ahead = [d for d in self.timeline.days if d >= self.today]
        chosen = [d for d in days if d in ahead]
        # A reminder offers today unless the section designated a day still ahead; an
        # announcement offers the designated day, else the campaign's first day.
        day = chosen[0] if chosen else (self.today if step is Step.REMINDER else ahead[0])
        kind = "announcement" if step is Step.ANNOUNCEMENT else "reminder"
        values = template_values(
            self.campaign,
            self.timeline,
            lang,
            name=member.name,
            section=section_name(self.chart, section, lang) if section else "",
            designated=days,
        )
        template = self.campaign.messages[kind][lang]
        return self._delivery(
            emp, step, key, staff_card(self.campaign, lang, template, values, day)
        )

    def _delivery(
        self, emp: str, step: Step, key: str, payload: dict[str, Any]
    ) -> NewDelivery | None:
        chat_id = self.chat.get(emp)
        if chat_id is None:
            return None  # never talked to the bot: no conversation to write to
        return NewDelivery(chat_id, step.value, self.campaign.key(key), payload, run_id=self.run_id)

    def _suppressed(self, emp: str, step: Step) -> bool:
        preference = self.preferences.get(emp)
        return preference is not None and preference.suppresses(
            step.value, self.today, mandatory=self.campaign.mandatory
        )

    def _teleworkers(self) -> set[str]:
        working = self.services.core.calendar.is_working_day  # closed days never count
        return self.facts.teleworkers(self.campaign.start, self.campaign.end, working)

    def _lang(self, emp: str) -> Lang:
        member = self.staff.get(emp)
        return language_of(member) if member else "ja"


async def run_campaigns(services: ReminderServices, firing: Firing) -> int:
    """The daily campaign job: returns how many deliveries were added."""
    core = services.core
    policy, calendar = core.policy, core.calendar
    if not policy.nudges.may_send_at(firing.scheduled_for, calendar):
        return 0
    today = calendar.local_date(firing.scheduled_for)
    due = []
    for campaign in await services.campaigns.around(today):
        timeline = Timeline.of(campaign, calendar)
        steps = timeline.steps_on(today, calendar)
        if steps:
            due.append((campaign, timeline, steps))
    if not due:
        return 0
    staff = await core.directory.staff(active_only=True)
    chart = await core.directory.chart()
    chat = await services.facts.chat_ids()
    preferences = await services.preferences.all()
    lo = min(c.start for c, _, _ in due)
    hi = max(c.end for c, _, _ in due)
    facts = await services.facts.schedule(lo, hi, today, today)
    guard = await services.fatigue_guard(firing.scheduled_for, chat)
    deliveries: list[NewDelivery] = []
    for campaign, timeline, steps in due:
        audience = audience_of(campaign, staff, chart, policy, today)
        designated = await services.campaigns.designated_days(
            campaign.start, campaign.end, campaign_id=campaign.id
        )
        day = CampaignDay(
            services,
            campaign,
            timeline,
            today,
            audience,
            chart,
            chat,
            facts,
            preferences,
            designated,
            firing.run_id,
            staff,
            guard,
        )
        deliveries += day.steps(steps)
    added = await services.enqueue(deliveries)
    log.info("campaigns on %s: %d planned, %d new", today, len(deliveries), added)
    return added
