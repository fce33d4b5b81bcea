"""The anomaly rules of the access-log analysis (規程第13条 点検, SPEC §6): what each flag
means, in words an auditor reads, and the pure parts of finding them (holidays, grouping a
run of reveals into one episode). The counting itself is SQL (storage/log_analysis_repo)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import jpholiday

AFTER_HOURS = "after_hours"
BURST = "burst"
BULK_OUTPUT = "bulk_output"

RULE_LABELS = {
    AFTER_HOURS: "勤務時間外の個人番号の表示",
    BURST: "短時間の多数の表示",
    BULK_OUTPUT: "大量の出力",
}

# The reveal-like actions (a number shown, copied, given to its owner or printed on a form),
# the failed sign-ins; the outputs are the access log's "output" group.
REVEAL_ACTIONS = ("number.revealed", "number.copied", "number.disclosed", "number.form_printed")
FAILED_ACTIONS = ("signin.failed",)

_WEEKDAYS = "月火水木金土日"


@dataclass(frozen=True)
class Rules:
    """The settings the rules read."""

    start_hour: int
    end_hour: int
    saturday: bool  # Saturday is a working day
    burst_count: int
    burst_minutes: int
    bulk_persons: int

    def workdays(self) -> tuple[int, ...]:
        """strftime('%w') numbers of the working days (1 Monday … 5 Friday, 6 Saturday)."""
        return (1, 2, 3, 4, 5, 6) if self.saturday else (1, 2, 3, 4, 5)

    def describe(self, rule: str) -> str:
        if rule == AFTER_HOURS:
            days = "月〜土曜日" if self.saturday else "月〜金曜日"
            return (
                f"{days}（祝日・休日を除く）の{self.start_hour}時から{self.end_hour}時の"
                "ほかに、個人番号を表示・コピー・出力した"
            )
        if rule == BURST:
            return f"{self.burst_minutes}分間に{self.burst_count}回以上、個人番号を表示した"
        return f"1回の出力で{self.bulk_persons}人以上の記録を出力した"


@dataclass(frozen=True)
class Flag:
    rule: str
    actor_name: str
    at: str  # the first event's timestamp (ISO)
    until: str  # the last event's
    count: int  # events (after hours, burst) or persons (bulk output)
    what: str  # the facts in words
    acknowledgement: object | None = None  # storage's Acknowledgement once acknowledged
    # A bulk output's entry in the outputs register (出力番号), when it has one.
    output_id: int | None = None

    @property
    def key(self) -> str:
        """Stable across analyses of any period that contains it."""
        moment = self.at[:10] if self.rule == AFTER_HOURS else self.at
        return f"{self.rule}:{self.actor_name}:{moment}"


def holidays(first: date, last: date) -> list[str]:
    """ISO days of the national holidays (and substitute holidays) between, inclusive."""
    return [day.isoformat() for day, _ in jpholiday.between(first, last)]


def off_day_reason(day: date, rules: Rules) -> str:
    """Why a day is not a working day ('' for a working day)."""
    if jpholiday.is_holiday(day):
        return str(jpholiday.is_holiday_name(day))
    if day.isoweekday() % 7 not in rules.workdays():
        return f"{_WEEKDAYS[day.weekday()]}曜日"
    return ""


def episodes(ends: Iterable[tuple[str, str, int]], minutes: int) -> list[tuple[str, str, str, int]]:
    """(actor, first window end, last window end, most events in a window) of each run of
    overlapping windows,
    from the (actor, ts, count) of each event that ends a full window, in actor then time
    order: one flag per run instead of one per event."""
    span = timedelta(minutes=minutes)
    found: list[tuple[str, str, str, int]] = []
    for actor, ts, count in ends:
        at = datetime.fromisoformat(ts)
        if found and found[-1][0] == actor and at - datetime.fromisoformat(found[-1][2]) <= span:
            _, first, _, most = found[-1]
            found[-1] = (actor, first, ts, max(most, count))
        else:
            found.append((actor, ts, ts, count))
    return found
