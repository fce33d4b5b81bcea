"""Japanese date formatting: Gregorian (西暦) with the Japanese era (和暦) alongside."""

from __future__ import annotations

import datetime

# (first day of the era, era name), newest first.
_ERAS: tuple[tuple[datetime.date, str], ...] = (
    (datetime.date(2019, 5, 1), "令和"),
    (datetime.date(1989, 1, 8), "平成"),
)


def wareki_date(day: datetime.date) -> str:
    """Return e.g. 「令和8年11月23日」; an era's first year is 元年, as on official forms."""
    for start, era in _ERAS:
        if day >= start:
            year = day.year - start.year + 1
            year_text = "元" if year == 1 else str(year)
            return f"{era}{year_text}年{day.month}月{day.day}日"
    raise ValueError(f"date before the Heisei era is not supported: {day.isoformat()}")


def seireki_date(day: datetime.date) -> str:
    """Return e.g. 「2026年11月23日」."""
    return f"{day.year}年{day.month}月{day.day}日"


def japanese_date(day: datetime.date) -> str:
    """Return e.g. 「2026年11月23日（令和8年11月23日）」."""
    return f"{seireki_date(day)}（{wareki_date(day)}）"
