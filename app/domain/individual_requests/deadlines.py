"""When a request must be answered: the office's target for 「遅滞なく」 and the two weeks of
第39条 after which the requester may sue, counted from the day the request reached us."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

# Holidays are computed by rule (振替休日 and 国民の休日 included); pure computation with no I/O,
# the one third-party import of app/domain. A change in the holiday law needs a new jpholiday.
import jpholiday

from app.domain.display_dates import japanese_day
from app.domain.individual_requests.articles import APPI_39

# The law sets no number of days (「遅滞なく」); SPEC.md §5 sets the office's target at 14 days.
DEFAULT_TARGET_DAYS = 14
DUE_SOON_DAYS = 3
TWO_WEEKS = timedelta(days=14)

# Office days are the convention for the target: not Saturday, Sunday or a 祝日, and not the usual
# 年末年始 closing of 12/29–1/3. A fixed convention for now; an office with other closing days
# will want it as a setting later.
YEAR_END_CLOSED: frozenset[tuple[int, int]] = frozenset(
    {(12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)}
)


class DeadlineState(StrEnum):
    OK = "ok"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    SUIT_POSSIBLE = "suit_possible"


def is_office_day(day: date) -> bool:
    return (
        day.weekday() < 5
        and (day.month, day.day) not in YEAR_END_CLOSED
        and not jpholiday.is_holiday(day)
    )


def last_office_day_by(day: date, not_before: date) -> date:
    """The day itself if the office is open then, else the last open day before it (but never
    before `not_before`, which is returned when no open day lies between)."""
    while day > not_before and not is_office_day(day):
        day -= timedelta(days=1)
    return day


def next_office_day(day: date) -> date:
    """The day itself if the office is open then, else the first open day after it."""
    while not is_office_day(day):
        day += timedelta(days=1)
    return day


@dataclass(frozen=True)
class Deadlines:
    received_on: date
    target_days: int
    # The office's target: received_on + target_days, moved on to the next office day, but never
    # past two_weeks_on where 第39条 applies (then the last office day by it).
    target_on: date
    # The last day of the two weeks of 第39条: the period starts the day after receipt (民法第140条,
    # the first day is not counted), so it ends on received_on + 14, and from the next day the
    # requester may sue. Never shifted to an office day: the law counts calendar days, and a
    # warning that comes a day early (民法第142条 could move an end on a holiday) costs nothing.
    two_weeks_on: date
    # False for a notice of purpose, which 第39条 does not name (RequestKind.may_sue_after_two_weeks).
    suit_applies: bool = True

    def days_left(self, today: date) -> int:
        """Days from today to target_on: 0 on the day itself, negative once it has passed."""
        return (self.target_on - today).days

    def state(self, today: date) -> DeadlineState:
        # The suit mark comes first: after it, being late is no longer only our own target missed.
        if self.suit_applies and today > self.two_weeks_on:
            return DeadlineState.SUIT_POSSIBLE
        left = self.days_left(today)
        if left < 0:
            return DeadlineState.OVERDUE
        if left <= DUE_SOON_DAYS:
            return DeadlineState.DUE_SOON
        return DeadlineState.OK

    def label(self, today: date) -> str:
        state = self.state(today)
        left = self.days_left(today)
        target = japanese_day(self.target_on)
        if state is DeadlineState.SUIT_POSSIBLE:
            return (
                f"請求が届いてから2週間（{japanese_day(self.two_weeks_on)}まで）が過ぎました。"
                f"本人は訴えを起こすことができます（{APPI_39}）。すぐに決定して通知してください。"
            )
        if state is DeadlineState.OVERDUE:
            return f"期限（{target}）を{-left}日過ぎています。遅滞なく決定して通知してください。"
        if left == 0:
            return f"今日が期限です（{target}）。"
        if state is DeadlineState.DUE_SOON:
            return f"まもなく期限です：あと{left}日（{target}）。"
        return f"期限まであと{left}日（{target}）。"


def deadlines(
    received_on: date, target_days: int = DEFAULT_TARGET_DAYS, *, suit_applies: bool = True
) -> Deadlines:
    if target_days < 0:
        raise ValueError(f"目標日数は0日以上にしてください（{target_days}日が指定されました）。")
    two_weeks_on = received_on + TWO_WEEKS
    target_on = next_office_day(received_on + timedelta(days=target_days))
    if suit_applies and target_on > two_weeks_on:
        # Our target never lies past the day after which the requester may sue: moving it on
        # to an office day (or a long target set in settings) would plan to answer too late.
        target_on = last_office_day_by(two_weeks_on, received_on)
    return Deadlines(received_on, target_days, target_on, two_weeks_on, suit_applies)
