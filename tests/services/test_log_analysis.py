"""Access-log analysis: counts per day and member from SQL aggregates, the three anomaly rules
(after hours incl. holidays, bursts, bulk outputs) and their acknowledgement."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app import errors
from app.domain.log_rules import AFTER_HOURS, BULK_OUTPUT, BURST
from app.services import audit, auth, log_analysis, settings
from app.session import Session
from storage import audit_repo
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    JST,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
)


@pytest.fixture
def members(office: Office) -> Office:
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD)
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    return office


def _sign_in(office: Office, login: str, password: str) -> Session:
    return auth.sign_in(office.data, login, password, office.clock)


def _event(office: Office, session: Session, at: datetime, action: str, target: str = "") -> None:
    office.clock._now = at
    with session.vault.write() as writer:
        audit.record(writer, session, action, target=target)


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=JST)


def _actions(office: Office, action: str) -> list[audit_repo.AuditRecord]:
    return [e for e in audit_repo.entries(office.manager.vault.conn) if e.action == action]


def test_counts_per_day_and_member_over_the_period(members: Office) -> None:
    clerk = _sign_in(members, "tanto", CLERK_PASSWORD)
    boss = members.manager
    # Tuesday 1 and Wednesday 2 December, in working hours.
    _event(members, clerk, _at(1, 10), "number.revealed", "person:1")
    _event(members, clerk, _at(1, 11), "number.copied", "person:1")
    _event(members, clerk, _at(1, 12), "notice.purpose_printed", "person:1")
    _event(members, boss, _at(2, 10), "number.revealed", "person:2")
    _event(members, boss, _at(2, 10, 5), "number.form_printed", "person:2")
    _event(members, boss, _at(2, 11), "person.updated", "person:2")  # not counted
    _event(members, clerk, _at(5, 10), "number.revealed", "person:1")  # after the period
    members.clock._now = _at(2, 9)
    with pytest.raises(errors.SignInFailed):
        auth.sign_in(members.data, "tanto", "wrong-password-1", members.clock)
    # A failed try is written into the log at the member's next sign-in.
    _sign_in(members, "tanto", CLERK_PASSWORD).close()
    clerk.close()

    result = log_analysis.analyse(members.manager, date(2026, 12, 1), date(2026, 12, 3))

    assert [(c.key, c.reveals, c.outputs, c.failed) for c in result.by_day] == [
        ("2026-12-01", 2, 1, 0),
        ("2026-12-02", 2, 1, 1),
    ]
    by_user = {c.key: (c.reveals, c.outputs, c.failed) for c in result.by_user}
    assert by_user == {"kanri": (2, 1, 0), "tanto": (2, 1, 1)}
    assert result.total() == log_analysis.Counts("", 4, 2, 1)
    assert result.names["tanto"] == "職員 Tanto"
    assert result.flags == ()
    logged = _actions(members, "audit.analyzed")
    assert len(logged) == 1 and '"from":"2026-12-01"' in logged[0].detail.replace(" ", "")


def test_reveals_after_hours_on_weekends_and_holidays_are_flagged(members: Office) -> None:
    clerk = _sign_in(members, "tanto", CLERK_PASSWORD)
    _event(
        members, clerk, datetime(2026, 11, 23, 10, tzinfo=JST), "number.revealed"
    )  # 勤労感謝の日
    _event(members, clerk, datetime(2026, 11, 24, 10, tzinfo=JST), "number.revealed")  # Tuesday
    _event(members, clerk, datetime(2026, 11, 24, 19, 30, tzinfo=JST), "number.copied")
    _event(members, clerk, datetime(2026, 11, 24, 7, 59, tzinfo=JST), "number.revealed")
    _event(members, clerk, datetime(2026, 11, 28, 10, tzinfo=JST), "number.revealed")  # Sat
    _event(members, clerk, datetime(2026, 11, 28, 11, tzinfo=JST), "person.updated")
    clerk.close()

    flags = log_analysis.analyse(members.manager, date(2026, 11, 23), date(2026, 11, 30)).flags

    assert [(f.rule, f.at[:16], f.count) for f in flags] == [
        (AFTER_HOURS, "2026-11-23T10:00", 1),
        (AFTER_HOURS, "2026-11-24T07:59", 2),
        (AFTER_HOURS, "2026-11-28T10:00", 1),
    ]
    assert "勤労感謝の日" in flags[0].what
    assert "土曜日" in flags[2].what
    rules = log_analysis.rules_of(members.manager)
    assert "8時から19時" in rules.describe(AFTER_HOURS)

    settings.change(members.manager, "work_saturday", "オン")
    settings.change(members.manager, "work_start_hour", "7")
    flags = log_analysis.analyse(members.manager, date(2026, 11, 23), date(2026, 11, 30)).flags
    assert [(f.at[:10], f.count) for f in flags] == [("2026-11-23", 1), ("2026-11-24", 1)]


def test_many_reveals_in_a_short_time_are_one_flag(members: Office) -> None:
    settings.change(members.manager, "reveal_burst_count", "5")
    settings.change(members.manager, "reveal_burst_minutes", "10")
    clerk = _sign_in(members, "tanto", CLERK_PASSWORD)
    for minute in (0, 2, 4, 6, 8, 9):  # six within ten minutes
        _event(members, clerk, _at(1, 10, minute), "number.revealed", f"person:{minute}")
    for minute in (0, 3, 6, 9):  # four: below the rule
        _event(members, clerk, _at(2, 10, minute), "number.revealed", f"person:{minute}")
    for minute in (0, 11, 22, 33, 44):  # five, but spread over the hour
        _event(members, clerk, _at(3, 14, minute), "number.revealed", f"person:{minute}")
    clerk.close()

    flags = log_analysis.analyse(members.manager, date(2026, 12, 1), date(2026, 12, 3)).flags

    assert [(f.rule, f.actor_name, f.at[:16], f.until[:16], f.count) for f in flags] == [
        (BURST, "tanto", "2026-12-01T10:08", "2026-12-01T10:09", 6)
    ]
    assert "10分間に5回以上" in log_analysis.rules_of(members.manager).describe(BURST)


def test_a_bulk_output_is_flagged(members: Office) -> None:
    settings.change(members.manager, "bulk_output_persons", "3")
    boss = members.manager
    members.clock._now = _at(1, 10)
    with boss.vault.write() as writer:
        audit.record_all(
            writer, boss, [("number.form_printed", f"person:{i}", {}) for i in range(4)]
        )
        audit.record_all(writer, boss, [("notice.purpose_printed", "person:9", {})])
    members.clock._now = _at(1, 11)
    with boss.vault.write() as writer:
        audit.record_all(
            writer, boss, [("verification.printed", f"person:{i}", {}) for i in (1, 2)]
        )

    flags = log_analysis.analyse(boss, date(2026, 12, 1), date(2026, 12, 1)).flags

    assert [(f.rule, f.count) for f in flags] == [(BULK_OUTPUT, 4)]
    assert "4人分" in flags[0].what


def test_only_the_supervisor_or_manager_acknowledges_with_a_note(members: Office) -> None:
    clerk = _sign_in(members, "tanto", CLERK_PASSWORD)
    _event(members, clerk, _at(1, 22), "number.revealed")
    (flag,) = log_analysis.analyse(members.manager, date(2026, 12, 1), date(2026, 12, 1)).flags
    with pytest.raises(errors.PermissionDenied):
        log_analysis.analyse(clerk, date(2026, 12, 1), date(2026, 12, 1))
    with pytest.raises(errors.PermissionDenied):
        log_analysis.acknowledge(clerk, flag, "見ました")
    clerk.close()
    auditor = _sign_in(members, "kansa", AUDITOR_PASSWORD)
    assert len(log_analysis.analyse(auditor, date(2026, 12, 1), date(2026, 12, 1)).flags) == 1
    with pytest.raises(errors.PermissionDenied):
        log_analysis.acknowledge(auditor, flag, "見ました")
    auditor.close()
    assert len(_actions(members, "access.denied")) == 3

    supervisor = _sign_in(members, "sekinin", SUPERVISOR_PASSWORD)
    with pytest.raises(errors.InvalidInput):
        log_analysis.acknowledge(supervisor, flag, "  ")
    with pytest.raises(errors.InvalidInput, match="数字の並び") as caught:
        log_analysis.acknowledge(supervisor, flag, "番号 1234 5678 9018 を確認")
    assert "1234" not in str(caught.value)
    ack = log_analysis.acknowledge(supervisor, flag, "決算の残業。本人に確認済み")
    assert ack.acknowledged_by_name == "sekinin"
    with pytest.raises(errors.InvalidInput, match="確認済み"):
        log_analysis.acknowledge(supervisor, flag, "二度目")
    supervisor.close()

    (again,) = log_analysis.analyse(members.manager, date(2026, 11, 30), date(2026, 12, 2)).flags
    assert again.acknowledgement is not None
    assert again.acknowledgement.note == "決算の残業。本人に確認済み"
    logged = _actions(members, "audit.flag_acknowledged")
    assert [e.actor_name for e in logged] == ["sekinin"]
    assert flag.key in logged[0].detail and "残業" not in logged[0].detail


def test_a_period_ending_before_it_starts_is_refused(members: Office) -> None:
    with pytest.raises(errors.InvalidInput):
        log_analysis.analyse(members.manager, date(2026, 12, 2), date(2026, 12, 1))
