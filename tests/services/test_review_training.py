"""Review attack: a training attendee given as an account was stored with whatever name the
caller sent and with any id, so the record could credit one account with another person's
attendance, or an account that does not exist (the self-inspection counts these records)."""

from __future__ import annotations

from datetime import date

import pytest

from app import errors
from app.services import training
from app.session import Session
from tests.conftest import Office


def _record(session: Session, attendees: list[training.Attendee]) -> training.Training:
    return training.record(
        session, held_on=date(2026, 11, 1), title="年末調整の研修", attendees=attendees
    )


def test_an_account_attends_under_its_own_name(office: Office) -> None:
    (me,) = training.attendee_choices(office.manager)
    held = _record(office.manager, [training.Attendee(me.staff_id, "別人 太郎")])
    assert held.attendees == (training.Attendee(me.staff_id, me.name),)


def test_an_unknown_account_is_refused_and_nothing_is_recorded(office: Office) -> None:
    with pytest.raises(errors.InvalidInput, match="参加者"):
        _record(office.manager, [training.Attendee(9999, "架空 一郎")])
    assert training.list_trainings(office.manager) == []


def test_someone_without_an_account_keeps_the_typed_name(office: Office) -> None:
    held = _record(office.manager, [training.Attendee(None, "臨時 一郎")])
    assert held.attendees == (training.Attendee(None, "臨時 一郎"),)
