"""Japanese date formatting (西暦 with 和暦) used on printed documents."""

from __future__ import annotations

import datetime

import pytest

from reports.wareki import japanese_date, seireki_date, wareki_date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 11, 23), "令和8年11月23日"),
        (datetime.date(2020, 1, 1), "令和2年1月1日"),
        (datetime.date(2019, 5, 1), "令和元年5月1日"),
        (datetime.date(2019, 4, 30), "平成31年4月30日"),
        (datetime.date(1989, 1, 8), "平成元年1月8日"),
    ],
)
def test_wareki_date(day: datetime.date, expected: str) -> None:
    assert wareki_date(day) == expected


def test_japanese_date_puts_wareki_in_full_width_brackets() -> None:
    day = datetime.date(2026, 11, 23)
    assert seireki_date(day) == "2026年11月23日"
    assert japanese_date(day) == "2026年11月23日（令和8年11月23日）"


def test_dates_before_heisei_are_rejected() -> None:
    with pytest.raises(ValueError, match="1989-01-07"):
        wareki_date(datetime.date(1989, 1, 7))
