"""A policy in plain words, Japanese or English (``telework-bot policy check FILE``)."""

from __future__ import annotations

from pathlib import Path

from bot.cli.rule_words import PLACE_WORDS
from domain.org import ExemptReason
from domain.periods import PeriodKind
from domain.policy import Category, Policy, load_policy

_EVERY_JA = {
    PeriodKind.FISCAL_YEAR: "年度ごとに",
    PeriodKind.MONTH: "毎月",
    PeriodKind.WEEK: "毎週",
    PeriodKind.DAY: "毎日",
}
_PER_JA = {
    PeriodKind.FISCAL_YEAR: "1年度あたり",
    PeriodKind.MONTH: "1か月あたり",
    PeriodKind.WEEK: "1週あたり",
    PeriodKind.DAY: "1日あたり",
}
_PERIOD_EN = {
    PeriodKind.FISCAL_YEAR: "fiscal year",
    PeriodKind.MONTH: "month",
    PeriodKind.WEEK: "week",
    PeriodKind.DAY: "day",
}
_EXEMPT_JA = {
    ExemptReason.DIET_WORK: "国会業務",
    ExemptReason.COUNTER_SERVICE: "窓口業務",
    ExemptReason.OTHER: "その他",
}
_EXEMPT_EN = {
    ExemptReason.DIET_WORK: "Diet work",
    ExemptReason.COUNTER_SERVICE: "counter service",
    ExemptReason.OTHER: "other",
}
_WEEKDAY_JA = {
    "mon": "月",
    "tue": "火",
    "wed": "水",
    "thu": "木",
    "fri": "金",
    "sat": "土",
    "sun": "日",
}
_WEEKDAY_EN = {
    "mon": "Mon",
    "tue": "Tue",
    "wed": "Wed",
    "thu": "Thu",
    "fri": "Fri",
    "sat": "Sat",
    "sun": "Sun",
}


_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def render_summary(policy: Policy, lang: str) -> str:
    """The summary in ``lang``: "en" for English, anything else Japanese."""
    lines = _english(policy) if lang == "en" else _japanese(policy)
    return "\n".join(lines + _rules_2026(policy, lang))


def _rules_2026(p: Policy, lang: str) -> list[str]:
    """The 2026 rules' settings (issue 18): 勤務間インターバル and 在宅勤務等手当."""
    w, a = p.worktime, p.allowance
    places = ("、" if lang == "ja" else ", ").join(
        PLACE_WORDS[place][lang == "en"] for place in a.eligible_places
    )
    if lang == "en":
        interval = f"{w.interval_hours:g} h" if w.interval_check else "off"
        allowance = (
            f"ordered whole days averaging more than {a.threshold_days:g} a month over "
            f"{a.period_months} months; places: {places}"
            + ("; requested days count" if a.count_requested else "")
            + ("" if a.whole_days_only else "; half days count")
            + "; a move from another ministry (roster 府省着任日) starts a new period"
            if a.enabled
            else "off"
        )
        return [f"Rest between working days: {interval}", f"Telework allowance: {allowance}"]
    interval = f"{w.interval_hours:g}時間" if w.interval_check else "確認しない"
    allowance = (
        f"命令による終日の在宅勤務が{a.period_months}か月平均で月{a.threshold_days:g}日超"
        f"（場所: {places}）"
        + ("、申請・承認の日も数える" if a.count_requested else "")
        + ("" if a.whole_days_only else "、半日も数える")
        + "、府省間異動（名簿の府省着任日）で期間は新たに始まる"
        if a.enabled
        else "確認しない"
    )
    return [f"勤務間インターバル: {interval}", f"在宅勤務等手当: {allowance}"]


def _hm(t: object) -> str:
    return f"{t:%H:%M}"


def _japanese(p: Policy) -> list[str]:
    cal = p.calendar
    end_month = (cal.fiscal_year_start_month + 10) % 12 + 1
    fiscal = (
        f"{cal.fiscal_year_start_month}月1日〜翌年{end_month}月末"
        if cal.fiscal_year_start_month != 1
        else "1月1日〜12月31日"
    )
    lines = [
        f"テレワーク方針: {p.name}",
        f"年度: {fiscal}（タイムゾーン {cal.time_zone}）",
        "休業日: 土日、国民の祝日・休日"
        + ("、年末年始（12月29日〜1月3日）" if cal.year_end_closure else "")
        + f"、組織の休業日 {len(cal.closures)}日",
        "区分と目標（複数の区分に当たる職員には、それぞれの目標が適用されます）:",
    ]
    for cid, category in p.categories.items():
        lines.extend(_category_ja(cid, category))
    months = p.eligibility.conditional_appointment_months
    lines.append(
        f"対象外: 採用後{months}か月の条件付採用期間中の職員" if months else "対象外: なし"
    )
    reasons = "、".join(_EXEMPT_JA[r] for r in p.exemptions.reasons) or "なし"
    lines.append(f"計画の対象外（目標・声かけなし、実施可能職員数に含めない業務）: {reasons}")
    c = p.counting
    lines.append(
        "数え方: 終日 = 1回・1人日、"
        f"半日 = {c.half_day_occasions}回・{c.half_day_person_days:g}人日"
    )
    lines.append(
        f"時間単位: 標準勤務時間（{_hm(c.standard_working_day)}）の半分以下は半日、超えれば終日"
        f"（「15時から」のような申請は{_hm(c.working_day_end)}まで）"
    )
    judged = "平均で判定" if p.aims.on_average else "期間ごとに判定"
    lines.append(f"目安: {judged}（勤務日が{p.aims.min_working_days}日以上の期間を数える）")
    covered = "・".join("常勤" if e == "full_time" else "非常勤" for e in p.employment.covered)
    lines.append(f"計画の対象: {covered or 'なし'}の職員")
    a = p.approval
    if not a.required:
        lines.append("承認: 不要")
    elif a.deadline == "previous_working_day":
        lines.append(f"承認: 必要（前の勤務日の{_hm(a.deadline_time)}までに申請）")
    elif a.deadline == "same_day":
        lines.append(f"承認: 必要（当日{_hm(a.deadline_time)}まで申請可）")
    else:
        lines.append("承認: 必要（期限なし）")
    if a.required:
        chiefs = "事務局"
        if a.chief_requests == "next_level":
            chiefs = "上位の管理職（局・部）、不在なら事務局"
        lines.append(f"課室長自身の申請の承認: {chiefs}")
    lines.append(f"事後の申告: {p.declarations.retroactive_working_days}勤務日前まで")
    lines.append(
        "閉庁日のテレワーク: "
        + (
            "記録のみ（実績に数えない）"
            if p.declarations.allow_telework_on_closed_days
            else "登録不可"
        )
    )
    n = p.nudges
    if n.enabled:
        days = "勤務日の" if n.working_days_only else ""
        lines.append(
            f"声かけの時間帯: {days}{_hm(n.working_hours_start)}〜{_hm(n.working_hours_end)}"
        )
    else:
        lines.append("声かけ: 行わない")
    f = p.fatigue
    lines.append(
        f"声かけの上限: 1人あたり週{f.max_per_week}回（テレワークウィークは週"
        f"{f.max_per_week_telework_week}回）"
        + ("、1日1回まで" if f.one_per_day else "")
        + (
            f"、{f.back_off_after_ignored}回続けて反応がなければ次は{f.back_off_days}日後"
            if f.back_off_after_ignored
            else ""
        )
    )
    lines.append(f"報告: 要配慮の区分は{p.reports.care_min_group_size}人未満の集計を表示しない")
    return lines


def _category_ja(cid: str, c: Category) -> list[str]:
    t = c.target
    every = _EVERY_JA[t.period]
    goal = (
        f"{every}{t.count}回以上" if t.strength == "minimum" else f"{every}{t.count}回程度（目安）"
    )
    sensitive = "、要配慮" if c.sensitive else ""
    out = [f"  - {c.name_ja}（{cid}{sensitive}）: {goal}", f"      該当: {c.when}"]
    if c.exempt:
        out.append("      この目標の対象外: " + "、".join(_EXEMPT_JA[r] for r in c.exempt))
    rule = c.nudge
    if rule is not None:
        parts = []
        if rule.from_month is not None:
            parts.append(f"{rule.from_month}月以降")
        if rule.from_day is not None:
            parts.append(f"毎月{rule.from_day}日以降")
        if rule.weekdays:
            parts.append("・".join(_WEEKDAY_JA[d] for d in rule.weekdays) + "曜日")
        if rule.stop_when_met:
            parts.append("目標未達の間")
        parts.append(f"{_PER_JA[t.period]}最大{rule.max_per_period}回")
        out.append("      声かけ: " + "、".join(parts))
    return out


def _english(p: Policy) -> list[str]:
    cal = p.calendar
    lines = [
        f"Telework policy: {p.name}",
        f"Fiscal year: starts on 1 {_month_en(cal.fiscal_year_start_month)} "
        f"(time zone {cal.time_zone})",
        "Closed days: weekends, national holidays"
        + (", year-end closure (29 Dec – 3 Jan)" if cal.year_end_closure else "")
        + f", {len(cal.closures)} organisation closure day(s)",
        "Categories and targets (a person in several categories gets each target):",
    ]
    for cid, category in p.categories.items():
        lines.extend(_category_en(cid, category))
    months = p.eligibility.conditional_appointment_months
    lines.append(
        f"Not eligible: staff in the {months}-month conditional appointment period after hiring"
        if months
        else "Not eligible: nobody"
    )
    reasons = ", ".join(_EXEMPT_EN[r] for r in p.exemptions.reasons) or "none"
    lines.append(f"Outside the plan (no target, never nudged, not eligible): {reasons}")
    c = p.counting
    lines.append(
        "Counting: a full day = 1 occasion and 1 person-day; a half day = "
        f"{c.half_day_occasions} occasion and {c.half_day_person_days:g} person-days"
    )
    lines.append(
        f"Time ranges: a half day up to half of the standard working day "
        f"({_hm(c.standard_working_day)}), else a full day (an open range runs to "
        f"{_hm(c.working_day_end)})"
    )
    judged = "on average" if p.aims.on_average else "in every period"
    lines.append(
        f"Aims: judged {judged} (periods with at least {p.aims.min_working_days} working days)"
    )
    covered = ", ".join(e.replace("_", "-") for e in p.employment.covered)
    lines.append(f"The plan covers: {covered or 'nobody'} staff")
    a = p.approval
    if not a.required:
        lines.append("Approval: not required")
    elif a.deadline == "previous_working_day":
        lines.append(
            f"Approval: required, requested by {_hm(a.deadline_time)} on the previous working day"
        )
    elif a.deadline == "same_day":
        lines.append(f"Approval: required, same-day requests until {_hm(a.deadline_time)}")
    else:
        lines.append("Approval: required, no deadline")
    if a.required:
        chiefs = (
            "the manager above (bureau), else the admins"
            if a.chief_requests == "next_level"
            else "the admins"
        )
        lines.append(f"A section chief's own request is approved by {chiefs}")
    lines.append(
        f"Declaring after the fact: up to {p.declarations.retroactive_working_days} working days"
    )
    lines.append(
        "Telework on closed days: "
        + (
            "recorded, never counted"
            if p.declarations.allow_telework_on_closed_days
            else "refused (never counted)"
        )
    )
    n = p.nudges
    if n.enabled:
        days = " on working days" if n.working_days_only else ""
        lines.append(f"Nudges: {_hm(n.working_hours_start)}–{_hm(n.working_hours_end)}{days}")
    else:
        lines.append("Nudges: off")
    f = p.fatigue
    lines.append(
        f"Prompts per person: at most {f.max_per_week} a week "
        f"({f.max_per_week_telework_week} in a Telework Week)"
        + ("; one a day" if f.one_per_day else "")
        + (
            f"; after {f.back_off_after_ignored} unanswered nudges the next waits "
            f"{f.back_off_days} days"
            if f.back_off_after_ignored
            else ""
        )
    )
    lines.append(
        "Reports: sensitive categories are suppressed in groups smaller than "
        f"{p.reports.care_min_group_size}"
    )
    return lines


def _category_en(cid: str, c: Category) -> list[str]:
    t = c.target
    unit = _PERIOD_EN[t.period]
    goal = (
        f"at least {t.count} per {unit}"
        if t.strength == "minimum"
        else f"aim: {t.count} per {unit}"
    )
    sensitive = ", sensitive" if c.sensitive else ""
    out = [f"  - {c.name_en} ({cid}{sensitive}): {goal}", f"      who: {c.when}"]
    if c.exempt:
        out.append("      not for: " + ", ".join(_EXEMPT_EN[r] for r in c.exempt))
    rule = c.nudge
    if rule is not None:
        parts = []
        if rule.from_month is not None:
            parts.append(f"from {_month_en(rule.from_month)}")
        if rule.from_day is not None:
            parts.append(f"from day {rule.from_day} of the month")
        if rule.weekdays:
            parts.append("on " + ", ".join(_WEEKDAY_EN[d] for d in rule.weekdays))
        if rule.stop_when_met:
            parts.append("until the target is met")
        parts.append(f"at most {rule.max_per_period} per {unit}")
        out.append("      nudges: " + ", ".join(parts))
    return out


def _month_en(month: int) -> str:
    return _MONTHS_EN[month - 1]


def check_policy_file(path: str | Path, lang: str = "ja") -> str:
    """Validate a policy file and return its summary (``telework-bot policy check FILE``)."""
    return render_summary(load_policy(path), lang)
