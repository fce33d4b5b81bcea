"""When a leak incident must be reported (漏えい等報告規則第3条, DOMAIN.md §6.2): the 速報 target
and the 確報 deadline, counted from the day the office knew of it.

The day of knowing is day 1. The 確報 is due within 30 days, 60 for a 第2号 event (unlawful
purpose); when that day falls on a Saturday, Sunday, national holiday or the year-end closure
(December 29 to January 3), the deadline moves to the next day that is none of these. The
速報 is due 「速やかに」, about 3 to 5 days from knowing: a target, not rolled forward (sooner is
always right).

Days are Japan's: a moment stored with another offset (a PC set to UTC, a time converted on
the way) is first read in Japan time, so 08:00 JST on the 2nd is the 2nd, not UTC's 1st."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import jpholiday

FINAL_DAYS = 30
FINAL_DAYS_UNLAWFUL = 60
PRELIMINARY_FROM_DAY = 3
PRELIMINARY_BY_DAY = 5
# Japan keeps one offset all year (no summer time).
JAPAN = timezone(timedelta(hours=9), "JST")


def in_japan(moment: datetime) -> datetime:
    """The moment in Japan time; a naive one is taken as Japan's wall clock already."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=JAPAN)
    return moment.astimezone(JAPAN)


def japan_day(moment: datetime) -> date:
    """The day in Japan at that moment: the day the office knew, for the deadlines."""
    return in_japan(moment).date()


def is_closed(day: date) -> bool:
    """A day government offices are closed: weekend, national holiday, December 29–January 3."""
    if day.weekday() >= 5 or jpholiday.is_holiday(day):
        return True
    return (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)


def next_open_day(day: date) -> date:
    """day itself when offices are open then, else the first open day after it."""
    while is_closed(day):
        day += timedelta(days=1)
    return day


def nth_day(known_on: date, n: int) -> date:
    """The n-th day counting the day of knowing as day 1."""
    return known_on + timedelta(days=n - 1)


@dataclass(frozen=True)
class Deadlines:
    known_on: date
    preliminary_from: date  # 速報: about day 3 …
    preliminary_by: date  # … to day 5 (a target)
    final_days: int  # 30 or 60
    final_day: date  # the 30th / 60th day itself
    final_by: date  # the deadline after the roll-forward

    @property
    def rolled(self) -> bool:
        return self.final_by != self.final_day


def deadlines(known_on: date, *, unlawful_purpose: bool) -> Deadlines:
    """The 速報 target and 確報 deadline of an incident the office knew of on known_on;
    unlawful_purpose: a 第2号 event (alone or with another 号), which gets 60 days."""
    days = FINAL_DAYS_UNLAWFUL if unlawful_purpose else FINAL_DAYS
    last = nth_day(known_on, days)
    return Deadlines(
        known_on=known_on,
        preliminary_from=nth_day(known_on, PRELIMINARY_FROM_DAY),
        preliminary_by=nth_day(known_on, PRELIMINARY_BY_DAY),
        final_days=days,
        final_day=last,
        final_by=next_open_day(last),
    )
