"""確報 deadlines: day 1 is the day of knowing; a 30th/60th day on a weekend, holiday or the
year-end closure moves to the next open day (DOMAIN.md §6.2)."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.incident_deadlines import deadlines, is_closed, next_open_day


def test_thirty_days_count_the_day_of_knowing_as_day_one() -> None:
    # Known on Monday 2026-06-01: day 30 is Tuesday 2026-06-30, an open day.
    found = deadlines(date(2026, 6, 1), unlawful_purpose=False)
    assert found.final_days == 30
    assert found.final_day == found.final_by == date(2026, 6, 30)
    assert not found.rolled
    assert (found.preliminary_from, found.preliminary_by) == (date(2026, 6, 3), date(2026, 6, 5))


def test_a_thirtieth_day_on_a_weekend_moves_to_monday() -> None:
    # Known 2026-06-06: day 30 is Sunday 2026-07-05 -> Monday 2026-07-06.
    found = deadlines(date(2026, 6, 6), unlawful_purpose=False)
    assert found.final_day == date(2026, 7, 5) and found.final_by == date(2026, 7, 6)
    assert found.rolled


def test_golden_week_holidays_roll_the_deadline_past_them() -> None:
    # Known 2026-04-04: day 30 is Sunday 2026-05-03 (憲法記念日); 5/4 みどりの日, 5/5 こどもの日,
    # 5/6 振替休日 (5/3 fell on a Sunday) -> Thursday 2026-05-07.
    found = deadlines(date(2026, 4, 4), unlawful_purpose=False)
    assert found.final_day == date(2026, 5, 3)
    assert found.final_by == date(2026, 5, 7)


def test_the_unlawful_purpose_case_gets_sixty_days() -> None:
    # 第2号: known 2026-03-02 (Mon); day 60 is Thursday 2026-04-30.
    found = deadlines(date(2026, 3, 2), unlawful_purpose=True)
    assert found.final_days == 60
    assert found.final_by == date(2026, 4, 30)
    # The same day for an ordinary event: day 30 is Tuesday 2026-03-31.
    assert deadlines(date(2026, 3, 2), unlawful_purpose=False).final_by == date(2026, 3, 31)


def test_sixty_days_into_the_year_end_closure_move_to_january_fourth() -> None:
    # Known 2026-10-31: day 60 is Tuesday 2026-12-29, closed until 1/3; 2027-01-04 is a Monday.
    found = deadlines(date(2026, 10, 31), unlawful_purpose=True)
    assert found.final_day == date(2026, 12, 29)
    assert found.final_by == date(2027, 1, 4)


def test_a_closure_followed_by_a_weekend_rolls_on() -> None:
    # 2028-01-03 is a Monday; 1/4 Tuesday is open. 2027-12-31 (Fri) -> 2028-01-04.
    assert next_open_day(date(2027, 12, 31)) == date(2028, 1, 4)
    # Seijin no hi 2027 is Monday 1/11: Saturday 1/9 -> Tuesday 1/12.
    assert next_open_day(date(2027, 1, 9)) == date(2027, 1, 12)


@pytest.mark.parametrize(
    ("day", "closed"),
    [
        (date(2026, 12, 28), False),
        (date(2026, 12, 29), True),
        (date(2027, 1, 3), True),
        (date(2027, 1, 4), False),
        (date(2026, 11, 23), True),  # 勤労感謝の日 (Monday)
        (date(2026, 11, 24), False),
        (date(2026, 9, 22), True),  # 国民の休日 between 敬老の日 and 秋分の日
    ],
)
def test_closed_days(day: date, closed: bool) -> None:
    assert is_closed(day) is closed
