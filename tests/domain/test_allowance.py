"""在宅勤務等手当: which days count and who is eligible. Every expected figure is recomputed
here from a hand-written holiday list (not the project's calendar)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from domain.allowance import (
    AllowanceRules,
    Eligibility,
    MonthAssessment,
    PlaceCategory,
    PlaceSince,
    TeleworkDay,
    TeleworkOrder,
    assess_month,
    data_range,
    ledger_days,
    may_replace_ordered,
    period_start,
    place_on,
)
from domain.policy import default_policy
from domain.schedule import EntryStatus

TZ = ZoneInfo("Asia/Tokyo")
CALENDAR = default_policy().work_calendar()
RULES = default_policy().allowance
# Closed weekdays from 2026-09 to 2027-03, written out by hand (祝日・振替休日・年末年始).
CLOSED = {
    date(2026, 9, 21),  # 敬老の日
    date(2026, 9, 22),  # 国民の休日
    date(2026, 9, 23),  # 秋分の日
    date(2026, 10, 12),  # スポーツの日
    date(2026, 11, 3),  # 文化の日
    date(2026, 11, 23),  # 勤労感謝の日
    *(date(2026, 12, d) for d in (29, 30, 31)),
    *(date(2027, 1, d) for d in (1, 2, 3)),
    date(2027, 1, 11),  # 成人の日
    date(2027, 2, 11),  # 建国記念の日
    date(2027, 2, 23),  # 天皇誕生日
    date(2027, 3, 22),  # 春分の日の振替休日 (3/21 is a Sunday)
}
HOME = {"A": [PlaceSince("A", PlaceCategory.HOME, date(2026, 4, 1))]}


def weekdays_in(first: date, last: date, wanted: set[int]) -> list[date]:
    days = []
    day = first
    while day <= last:
        if day.weekday() in wanted and day not in CLOSED:
            days.append(day)
        day += timedelta(days=1)
    return days


def by_month(days: list[date]) -> dict[tuple[int, int], int]:
    counts: dict[tuple[int, int], int] = {}
    for day in days:
        counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + 1
    return counts


def order(made: date, start: date, until: date, weekdays: tuple[str, ...]) -> TeleworkOrder:
    return TeleworkOrder(
        "A", "C1", start, until, datetime(made.year, made.month, made.day, 10, tzinfo=TZ), weekdays
    )


def test_the_defaults_follow_the_rule() -> None:
    assert RULES.threshold_days == 10 and RULES.period_months == 3
    assert set(RULES.eligible_places) == {
        PlaceCategory.HOME,
        PlaceCategory.FAMILY_HOME,
        PlaceCategory.PAID_LODGING,
        PlaceCategory.APPROVED,
    }
    assert not RULES.count_requested and RULES.whole_days_only


def test_each_day_is_classified() -> None:
    places = {
        "A": [PlaceSince("A", PlaceCategory.HOME, date(2026, 12, 1))],
        "B": [PlaceSince("B", PlaceCategory.OTHER, date(2026, 1, 1))],
    }
    days = [
        TeleworkDay("A", date(2026, 11, 30), True, True),  # before the place was recorded
        TeleworkDay("A", date(2026, 12, 1), True, True),  # counts
        TeleworkDay("A", date(2026, 12, 2), False, True),  # half day
        TeleworkDay("A", date(2026, 12, 3), True, False),  # only requested
        TeleworkDay("A", date(2026, 12, 5), True, True),  # Saturday
        TeleworkDay("B", date(2026, 12, 1), True, True),  # a satellite office
    ]
    ledger = ledger_days(days, [], places, RULES, CALENDAR)
    assert [(d.employee_id, d.day.day, d.why_not) for d in ledger] == [
        ("A", 30, "no_place"),
        ("A", 1, None),
        ("A", 2, "part_day"),
        ("A", 3, "not_ordered"),
        ("A", 5, "closed_day"),
        ("B", 1, "place"),
    ]
    requested = AllowanceRules(count_requested=True)
    assert ledger_days(days[3:4], [], places, requested, CALENDAR)[0].counted


def test_a_day_an_order_covers_counts_as_ordered() -> None:
    standing = order(date(2026, 11, 20), date(2026, 12, 1), date(2027, 2, 26), ("tue",))
    [day] = ledger_days(
        [TeleworkDay("A", date(2026, 12, 8), True, False)], [standing], HOME, RULES, CALENDAR
    )
    assert day.ordered and day.counted


def test_place_history_applies_from_its_day() -> None:
    history = [
        PlaceSince("A", PlaceCategory.HOME, date(2026, 4, 1)),
        PlaceSince("A", PlaceCategory.OTHER, date(2026, 12, 10)),
    ]
    assert place_on(history, date(2026, 12, 9)) is PlaceCategory.HOME
    assert place_on(history, date(2026, 12, 10)) is PlaceCategory.OTHER
    assert place_on(history, date(2026, 3, 31)) is None


def test_four_days_a_week_ordered_is_eligible_and_the_average_is_recomputed() -> None:
    # Ordered on 9/15, Monday to Thursday from 9/16 to 3/31: the period starts in October.
    standing = order(
        date(2026, 9, 15), date(2026, 9, 16), date(2027, 3, 31), ("mon", "tue", "wed", "thu")
    )
    planned = weekdays_in(date(2026, 9, 16), date(2027, 3, 31), {0, 1, 2, 3})
    days = [TeleworkDay("A", d, True, True) for d in planned]
    counts = by_month(planned)
    assert counts[(2026, 10)] == 16 and counts[(2026, 11)] == 15 and counts[(2026, 12)] == 16
    [september] = assess_month(date(2026, 9, 1), ["A"], days, [standing], HOME, RULES, CALENDAR)
    assert (september.eligibility, september.reason) == (Eligibility.NO, "before_period")
    assert september.whole_days == counts[(2026, 9)]
    [december] = assess_month(date(2026, 12, 1), ["A"], days, [standing], HOME, RULES, CALENDAR)
    expected = round((counts[(2026, 10)] + counts[(2026, 11)] + counts[(2026, 12)]) / 3, 2)
    assert december.average == expected == 15.67
    assert december.whole_days == 16
    assert december.window == (
        (date(2026, 10, 1), 16),
        (date(2026, 11, 1), 15),
        (date(2026, 12, 1), 16),
    )
    assert (december.eligibility, december.reason) == (Eligibility.YES, "above")
    assert december.period_start == date(2026, 10, 1)


def test_the_first_month_of_the_period_is_judged_on_the_days_ordered_ahead() -> None:
    standing = order(date(2026, 9, 15), date(2026, 9, 16), date(2027, 3, 31), ("mon", "tue", "wed"))
    planned = weekdays_in(date(2026, 9, 16), date(2027, 3, 31), {0, 1, 2})
    days = [TeleworkDay("A", d, True, True) for d in planned]
    counts = by_month(planned)
    [october] = assess_month(date(2026, 10, 1), ["A"], days, [standing], HOME, RULES, CALENDAR)
    window = [counts[(2026, 10)], counts[(2026, 11)], counts[(2026, 12)]]
    assert [d for _, d in october.window] == window == [11, 11, 12]
    assert october.average == round(34 / 3, 2) == 11.33
    # More than 10 + the margin (1): eligible.
    assert (october.eligibility, october.reason) == (Eligibility.YES, "above")
    first, last = data_range(date(2026, 10, 1), RULES)
    assert (first, last) == (date(2026, 8, 1), date(2026, 12, 31))


def test_an_average_of_exactly_ten_is_not_more_than_ten() -> None:
    standing = order(date(2026, 9, 1), date(2026, 9, 1), date(2027, 3, 31), ("mon",))
    # Exactly 10 ordered whole days in each of October, November and December.
    days = [
        TeleworkDay("A", d, True, True)
        for month in ((2026, 10), (2026, 11), (2026, 12))
        for d in weekdays_in(date(*month, 1), date(*month, 28), {0, 1, 2, 3, 4})[:10]
    ]
    [december] = assess_month(date(2026, 12, 1), ["A"], days, [standing], HOME, RULES, CALENDAR)
    assert december.average == 10
    assert (december.eligibility, december.reason) == (Eligibility.NO, "below")
    assert december.values["threshold"] == "10"
    # One more day in November: 31 / 3 = 10.33, more than 10 by less than the margin.
    extra = TeleworkDay("A", date(2026, 11, 30), True, True)
    [again] = assess_month(
        date(2026, 12, 1), ["A"], [*days, extra], [standing], HOME, RULES, CALENDAR
    )
    assert again.average == 10.33
    assert (again.eligibility, again.reason) == (Eligibility.BORDERLINE, "just_above")


def test_leave_on_ordered_days_and_a_cancelled_order() -> None:
    standing = order(
        date(2026, 9, 15), date(2026, 9, 16), date(2027, 3, 31), ("mon", "tue", "wed", "thu")
    )
    planned = weekdays_in(date(2026, 10, 1), date(2026, 12, 31), {0, 1, 2, 3})
    # Leave replaced the ordered telework up to 12/15 (9 days): they are gone.
    worked = [d for d in planned if not (d.month == 12 and d.day <= 15)]
    days = [TeleworkDay("A", d, True, True) for d in worked]
    counts = by_month(worked)
    [december] = assess_month(date(2026, 12, 1), ["A"], days, [standing], HOME, RULES, CALENDAR)
    assert december.whole_days == counts[(2026, 12)] == 7
    assert december.average == round((16 + 15 + 7) / 3, 2) == 12.67
    assert december.eligibility is Eligibility.YES
    cancelled = TeleworkOrder(
        "A",
        "C1",
        standing.start,
        standing.until,
        standing.made_at,
        standing.weekdays,
        cancelled_at=datetime(2026, 9, 20, tzinfo=TZ),
    )
    [none] = assess_month(date(2026, 12, 1), ["A"], days, [cancelled], HOME, RULES, CALENDAR)
    assert (none.eligibility, none.reason, none.period_start) == (Eligibility.NO, "no_order", None)


def test_an_order_needs_days_and_may_be_replaced_only_by_leave() -> None:
    with pytest.raises(ValueError, match="weekdays or days"):
        TeleworkOrder("A", "C1", date(2026, 12, 1), date(2026, 12, 31), datetime.now(TZ))
    with pytest.raises(ValueError, match="ends before"):
        TeleworkOrder("A", "C1", date(2026, 12, 2), date(2026, 12, 1), datetime.now(TZ), ("mon",))
    assert may_replace_ordered(EntryStatus.LEAVE) and may_replace_ordered(EntryStatus.NO_HOURS)
    assert not may_replace_ordered(EntryStatus.OFFICE)
    assert not may_replace_ordered(EntryStatus.TELEWORK)


def test_order_working_days_skip_closed_days() -> None:
    standing = TeleworkOrder(
        "A",
        "C1",
        date(2026, 12, 21),
        date(2027, 1, 8),
        datetime.now(TZ),
        ("mon", "tue"),
        days=(date(2027, 1, 7),),
    )
    expected = [d for d in weekdays_in(date(2026, 12, 21), date(2027, 1, 8), {0, 1})]
    assert standing.working_days(CALENDAR) == sorted([*expected, date(2027, 1, 7)])
    assert date(2026, 12, 29) not in standing.working_days(CALENDAR)


def test_an_order_made_on_the_first_of_a_month_starts_the_period_that_month() -> None:
    """給実甲第1319号 第1項1: the month after the day of the order, or that month when the
    order was made on its first day."""
    on_the_first = order(date(2026, 10, 1), date(2026, 10, 1), date(2027, 3, 31), ("mon",))
    later = order(date(2026, 10, 2), date(2026, 10, 5), date(2027, 3, 31), ("mon",))
    last = date(2027, 3, 31)
    assert period_start([on_the_first], "A", last, date(2026, 4, 1)) == date(2026, 10, 1)
    assert period_start([later], "A", last, date(2026, 4, 1)) == date(2026, 11, 1)


def test_a_move_between_ministries_restarts_the_period_and_the_window() -> None:
    """給実甲第1319号 第1項2: A moved in from another 府省 on 12/10. The order made on 9/15
    counts as made on the day of the move, so the new period starts in January and its
    window is January to March: days before the move never count. A four-day order ending
    on 1/29 is eligible in January without the move (Nov–Jan) and not with it."""
    standing = order(
        date(2026, 9, 15), date(2026, 9, 16), date(2027, 1, 29), ("mon", "tue", "wed", "thu")
    )
    planned = weekdays_in(date(2026, 9, 16), date(2027, 1, 29), {0, 1, 2, 3})
    days = [TeleworkDay("A", d, True, True) for d in planned]
    counts = by_month(planned)
    moves = {"A": date(2026, 12, 10)}

    def january(moved: dict[str, date] | None) -> MonthAssessment:
        [result] = assess_month(
            date(2027, 1, 1), ["A"], days, [standing], HOME, RULES, CALENDAR, moved
        )
        return result

    before = january(None)
    assert [m for m, _ in before.window] == [date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1)]
    assert before.eligibility is Eligibility.YES
    after = january(moves)
    assert after.period_start == date(2027, 1, 1)
    assert [m for m, _ in after.window] == [date(2027, 1, 1), date(2027, 2, 1), date(2027, 3, 1)]
    assert after.average == round(counts[(2027, 1)] / 3, 2)
    assert (after.eligibility, after.reason) == (Eligibility.NO, "below")
    [december] = assess_month(
        date(2026, 12, 1), ["A"], days, [standing], HOME, RULES, CALENDAR, moves
    )
    after_move = [d for d in planned if date(2026, 12, 10) <= d <= date(2026, 12, 31)]
    assert (december.reason, december.whole_days) == ("before_period", len(after_move))
    # Only an order made after the move: made on the 1st of February, the period starts then.
    fresh = order(date(2027, 2, 1), date(2027, 2, 1), date(2027, 4, 30), ("mon",))
    moved = date(2026, 12, 10)
    assert period_start([fresh], "A", date(2027, 2, 28), date(2026, 12, 1), moved) == date(
        2027, 2, 1
    )
    # An order that ended before the move does not start a period after it.
    ended = order(date(2026, 9, 15), date(2026, 9, 16), date(2026, 12, 9), ("mon",))
    assert period_start([ended], "A", date(2027, 2, 28), date(2026, 12, 1), moved) is None
