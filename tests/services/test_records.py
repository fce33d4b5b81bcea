"""Training records and account reviews: who may record and read them, the audit event in
the same transaction, the next-year task, every account pre-filled and no number kept."""

from __future__ import annotations

from datetime import date

import pytest

from app import errors
from app.domain.records import TaskKind, Verdict
from app.services import account_reviews, auth, record_tasks, training
from app.session import Session
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
)


@pytest.fixture
def staffed(office: Office) -> Office:
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD, ["kind:employee"])
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    return office


def _sign_in(office: Office, login: str, password: str) -> Session:
    return auth.sign_in(office.data, login, password, office.clock)


def _events(session: Session, action: str) -> list[tuple[str, str]]:
    return list(
        session.vault.conn.execute(
            "SELECT target, detail FROM audit_log WHERE action = ? ORDER BY seq", (action,)
        )
    )


def test_the_supervisor_records_a_training_and_the_next_one_is_due_a_year_on(
    staffed: Office,
) -> None:
    supervisor = _sign_in(staffed, "sekinin", SUPERVISOR_PASSWORD)
    try:
        (tanto,) = [a for a in training.attendee_choices(supervisor) if a.name == "職員 Tanto"]
        held = training.record(
            supervisor,
            held_on=date(2026, 11, 20),
            title="特定個人情報の取扱い研修",
            content="規程の読み合わせと漏えい時の報告の流れ",
            trainer="管理 花子",
            materials="規程集、PPCのパンフレット",
            attendees=[tanto, training.Attendee(None, "臨時 一郎")],
        )
        assert held.title == "特定個人情報の取扱い研修"
        assert [a.name for a in held.attendees] == ["職員 Tanto", "臨時 一郎"]
        (task,) = record_tasks.open_tasks(supervisor)
        assert task.kind is TaskKind.TRAINING
        assert task.due_on == date(2027, 11, 20)
        ((target, detail),) = _events(supervisor, "training.recorded")
        assert target == f"training:{held.id}"
        assert '"people":2' in detail.replace(" ", "")
    finally:
        supervisor.close()
    # A second session settles the first task and sets the next.
    held2 = training.record(
        staffed.manager,
        held_on=date(2026, 11, 22),
        title="追加研修",
        attendees=[training.Attendee(None, "臨時 一郎")],
    )
    (task,) = record_tasks.open_tasks(staffed.manager)
    assert task.due_on == date(2027, 11, 22)
    assert training.list_trainings(staffed.manager, year=2026)[0].id == held2.id


def test_a_clerk_may_not_record_or_read_training_and_the_refusal_is_logged(
    staffed: Office,
) -> None:
    clerk = _sign_in(staffed, "tanto", CLERK_PASSWORD)
    try:
        with pytest.raises(errors.PermissionDenied):
            training.record(
                clerk,
                held_on=date(2026, 11, 20),
                title="研修",
                attendees=[training.Attendee(None, "職員")],
            )
        with pytest.raises(errors.PermissionDenied):
            training.list_trainings(clerk)
        assert len(_events(clerk, "access.denied")) == 2
    finally:
        clerk.close()


def test_the_auditor_reads_but_may_not_record(staffed: Office) -> None:
    training.record(
        staffed.manager,
        held_on=date(2026, 11, 20),
        title="研修",
        attendees=[training.Attendee(None, "職員")],
    )
    auditor = _sign_in(staffed, "kansa", AUDITOR_PASSWORD)
    try:
        assert len(training.list_trainings(auditor)) == 1
        with pytest.raises(errors.PermissionDenied):
            training.record(
                auditor,
                held_on=date(2026, 11, 20),
                title="研修",
                attendees=[training.Attendee(None, "職員")],
            )
        with pytest.raises(errors.PermissionDenied):
            account_reviews.draft(auditor)
    finally:
        auditor.close()


def test_training_refuses_a_number_like_text_a_future_day_and_no_attendee(
    office: Office,
) -> None:
    good = {"title": "研修", "attendees": [training.Attendee(None, "職員")]}
    with pytest.raises(errors.InvalidInput):
        training.record(
            office.manager, held_on=date(2026, 11, 20), **{**good, "title": "123456789018"}
        )
    with pytest.raises(errors.InvalidInput):
        training.record(office.manager, held_on=date(2026, 12, 1), **good)
    with pytest.raises(errors.InvalidInput):
        training.record(office.manager, held_on=date(2026, 11, 20), title="研修", attendees=[])
    assert training.list_trainings(office.manager) == []


def test_the_account_review_lists_every_account_and_keeps_what_was_confirmed(
    staffed: Office,
) -> None:
    lines = account_reviews.draft(staffed.manager)
    assert sorted(line.login_name for line in lines) == ["kanri", "kansa", "sekinin", "tanto"]
    assert all(line.matches_roster for line in lines)
    assert all(line.verdict is Verdict.CONFIRMED for line in lines)
    verdicts = account_reviews.confirm_all(lines)
    clerk_id = next(line.staff_id for line in lines if line.login_name == "tanto")
    verdicts[clerk_id] = (Verdict.CHANGE, "給与の担当を外れたため担当範囲を見直す")
    review = account_reviews.record(
        staffed.manager,
        reviewed_on=date(2026, 11, 23),
        verdicts=verdicts,
        result_note="1件の見直しが必要",
    )
    assert review.to_change == 1
    assert review.roster_seq is not None
    (saved,) = account_reviews.list_reviews(staffed.manager, year=2026)
    assert {line.login_name: line.verdict for line in saved.lines}["tanto"] is Verdict.CHANGE
    ((target, detail),) = _events(staffed.manager, "accounts.reviewed")
    assert target == f"review:{review.id}"
    assert '"to_change":1' in detail.replace(" ", "")
    (task,) = record_tasks.open_tasks(staffed.manager)
    assert (task.kind, task.due_on) == (TaskKind.ACCOUNT_REVIEW, date(2027, 11, 23))


def test_a_review_missing_an_account_is_refused(staffed: Office) -> None:
    lines = account_reviews.draft(staffed.manager)
    verdicts = account_reviews.confirm_all(lines[:-1])
    with pytest.raises(errors.InvalidInput):
        account_reviews.record(staffed.manager, reviewed_on=date(2026, 11, 23), verdicts=verdicts)
    assert account_reviews.list_reviews(staffed.manager) == []
    assert _events(staffed.manager, "accounts.reviewed") == []


def test_the_supervisor_may_not_record_a_review(staffed: Office) -> None:
    supervisor = _sign_in(staffed, "sekinin", SUPERVISOR_PASSWORD)
    try:
        with pytest.raises(errors.PermissionDenied):
            account_reviews.record(supervisor, reviewed_on=date(2026, 11, 23), verdicts={})
        assert account_reviews.list_reviews(supervisor) == []
    finally:
        supervisor.close()
