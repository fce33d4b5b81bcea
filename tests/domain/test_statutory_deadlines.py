"""The due dates of the year's statutory forms and the e-filing threshold."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.statutory_deadlines import annual_due_date, efiling_required


@pytest.mark.parametrize(
    ("year", "due"),
    [
        (2025, date(2026, 2, 2)),  # 令和7年分: 1/31 is a Saturday
        (2026, date(2027, 2, 1)),  # 令和8年分: 1/31 is a Sunday
        (2027, date(2028, 1, 31)),  # a Monday: no move
        (2020, date(2021, 2, 1)),  # 2021-01-31 was a Sunday
    ],
)
def test_the_annual_deadline_moves_past_the_weekend(year: int, due: date) -> None:
    assert annual_due_date(year) == due


def test_the_e_filing_threshold_drops_to_30_from_2027() -> None:
    assert not efiling_required(99, date(2026, 1, 30))
    assert efiling_required(100, date(2026, 1, 30))
    assert not efiling_required(29, date(2027, 1, 29))
    assert efiling_required(30, date(2027, 1, 1))
    assert not efiling_required(30, date(2026, 12, 31))
