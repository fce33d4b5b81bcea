"""When the year's statutory forms are due, and when they must be filed electronically.

Sources (FORMS.md §1.4, §1.5): the 給与所得の源泉徴収票, 給与支払報告書 and 支払調書 of a year are
due on 31 January of the next year (所得税法第226条, 地方税法第317条の6); a deadline on a
Saturday, Sunday, 祝日 or 12/29–1/3 moves to the next day (国税通則法第10条第2項, 地方税法第20条の5
第2項): 令和7年分 → 2026-02-02, 令和8年分 → 2027-02-01. e-Filing (e-Tax, 光ディスク or 認定クラウド)
is required per kind of form when that kind numbered 100 or more two years before; 30 or more
for submissions from 2027-01-01 (令和6年度改正)."""

from __future__ import annotations

from datetime import date

from app.domain.individual_requests.deadlines import next_office_day

EFILING_THRESHOLD = 100
EFILING_THRESHOLD_FROM_2027 = 30
THRESHOLD_CHANGE = date(2027, 1, 1)


def annual_due_date(year: int) -> date:
    """The due date of the forms of `year` (西暦), rolled forward past a closed day."""
    return next_office_day(date(year + 1, 1, 31))


def efiling_threshold(submitted_on: date) -> int:
    return EFILING_THRESHOLD_FROM_2027 if submitted_on >= THRESHOLD_CHANGE else EFILING_THRESHOLD


def efiling_required(count_two_years_before: int, submitted_on: date) -> bool:
    """Whether this kind of form must be filed electronically, from the number of the same
    kind that was due two years before the year of submission."""
    return count_two_years_before >= efiling_threshold(submitted_on)
