"""The pure parts of the access-log anomaly rules: working days, holidays, a burst's runs,
a flag's stable key and each rule in words."""

from __future__ import annotations

from datetime import date

from app.domain.log_rules import (
    AFTER_HOURS,
    BULK_OUTPUT,
    BURST,
    Flag,
    Rules,
    episodes,
    holidays,
    off_day_reason,
)

RULES = Rules(
    start_hour=8, end_hour=19, saturday=False, burst_count=5, burst_minutes=10, bulk_persons=50
)


def test_holidays_and_weekends_are_no_working_days() -> None:
    assert off_day_reason(date(2026, 11, 23), RULES) == "勤労感謝の日"
    assert off_day_reason(date(2026, 5, 6), RULES) == "憲法記念日 振替休日"  # 3 May: a Sunday
    assert off_day_reason(date(2026, 11, 28), RULES) == "土曜日"
    assert off_day_reason(date(2026, 11, 29), RULES) == "日曜日"
    assert off_day_reason(date(2026, 11, 24), RULES) == ""
    saturdays = Rules(8, 19, True, 5, 10, 50)
    assert off_day_reason(date(2026, 11, 28), saturdays) == ""
    assert saturdays.workdays() == (1, 2, 3, 4, 5, 6)
    assert "2026-11-03" in holidays(date(2026, 11, 1), date(2026, 11, 30))
    assert "2026-11-23" in holidays(date(2026, 11, 1), date(2026, 11, 30))


def test_overlapping_windows_are_one_run_per_member() -> None:
    ends = [
        ("a", "2026-12-01T10:08:00+09:00", 5),
        ("a", "2026-12-01T10:09:00+09:00", 6),
        ("a", "2026-12-01T10:30:00+09:00", 5),  # more than ten minutes later: a new run
        ("b", "2026-12-01T10:31:00+09:00", 5),
    ]
    assert episodes(ends, 10) == [
        ("a", "2026-12-01T10:08:00+09:00", "2026-12-01T10:09:00+09:00", 6),
        ("a", "2026-12-01T10:30:00+09:00", "2026-12-01T10:30:00+09:00", 5),
        ("b", "2026-12-01T10:31:00+09:00", "2026-12-01T10:31:00+09:00", 5),
    ]


def test_a_flag_key_does_not_depend_on_the_period_and_each_rule_reads_in_words() -> None:
    late = Flag(
        AFTER_HOURS, "tanto", "2026-12-01T21:00:00+09:00", "2026-12-01T22:00:00+09:00", 2, ""
    )
    assert late.key == "after_hours:tanto:2026-12-01"
    burst = Flag(BURST, "tanto", "2026-12-01T10:08:00+09:00", "2026-12-01T10:09:00+09:00", 6, "")
    assert burst.key == "burst:tanto:2026-12-01T10:08:00+09:00"
    assert RULES.describe(AFTER_HOURS).startswith("月〜金曜日（祝日・休日を除く）の8時から19時")
    assert RULES.describe(BURST) == "10分間に5回以上、個人番号を表示した"
    assert RULES.describe(BULK_OUTPUT) == "1回の出力で50人以上の記録を出力した"
