"""Dates and times as a Japanese reader sees them on screen and paper: one format everywhere."""

from __future__ import annotations

from datetime import date, datetime

_WEEKDAYS = "月火水木金土日"


def _as_date(value: date | datetime | str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])


def _as_datetime(value: datetime | str) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def japanese_day(value: date | datetime | str, *, weekday: bool = True) -> str:
    """2026年12月7日（月）; `weekday=False` drops the （月） where a column is narrow."""
    day = _as_date(value)
    text = f"{day.year}年{day.month}月{day.day}日"
    return f"{text}（{_WEEKDAYS[day.weekday()]}）" if weekday else text


def japanese_time(value: datetime | str) -> str:
    """2026年12月7日 09:05, for a stored ISO time stamp (seconds and time zone dropped)."""
    moment = _as_datetime(value)
    return f"{japanese_day(moment, weekday=False)} {moment.hour:02d}:{moment.minute:02d}"


def japanese_day_or(value: date | datetime | str | None, empty: str = "—", **kw: bool) -> str:
    """japanese_day, or `empty` for a missing or unreadable value (an old row, a blank cell)."""
    if not value:
        return empty
    try:
        return japanese_day(value, **kw)
    except ValueError:
        return empty
