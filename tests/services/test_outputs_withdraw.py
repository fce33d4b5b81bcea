"""A copy rendered for the preview and closed without printing or saving is withdrawn
(取消（出力せず）): by the member who made it or the manager, only while 確認待ち, logged; it is
never overdue. A confirmation must fit where the paper went."""

from __future__ import annotations

import json

import pytest

from app import errors
from app.services import auth, dashboard, outputs, settings
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD, Office, add_member
from tests.services.test_numbers import ALL_SCOPES, _events
from tests.services.test_outputs import _print, manager  # noqa: F401  (fixture)


def _member(office: Office, login: str, role: str, password: str):
    add_member(office, login, [role], password, scopes=ALL_SCOPES)
    return auth.sign_in(office.data, login, password, office.clock)


def test_the_maker_withdraws_an_output_once_and_it_is_logged(office: Office) -> None:
    clerk = _member(office, "tanto", "clerk", CLERK_PASSWORD)
    output_id = _print(clerk).output_id
    assert output_id is not None
    revealed = len(_events(office, "number.form_printed"))
    entry = outputs.withdraw(clerk, output_id)
    assert entry.row.state == "withdrawn" and not entry.overdue
    assert entry.row.confirmed_by_name == clerk.user.display_name
    assert entry.row.made_by == clerk.user.id
    ((actor, target, detail),) = _events(office, "output.withdrawn")
    assert (actor, target) == ("tanto", f"output:{output_id}")
    assert json.loads(detail)["destination"] == "税務署"
    # The numbers were on screen: the per-person events of the rendering stay.
    assert len(_events(office, "number.form_printed")) == revealed >= 1
    with pytest.raises(errors.InvalidInput, match="取り消されています"):
        outputs.withdraw(clerk, output_id)
    with pytest.raises(errors.InvalidInput, match="取り消されています"):
        outputs.confirm(clerk, output_id, "submitted")
    assert len(_events(office, "output.withdrawn")) == 1


def test_another_clerk_is_refused_and_logged_the_manager_may(
    office: Office,
    manager,  # noqa: F811
) -> None:
    clerk = _member(office, "tanto", "clerk", CLERK_PASSWORD)
    supervisor = _member(office, "sekinin", "supervisor", SUPERVISOR_PASSWORD)
    output_id = _print(clerk).output_id
    assert output_id is not None
    with pytest.raises(errors.PermissionDenied):
        outputs.withdraw(supervisor, output_id)
    ((actor, target, detail),) = _events(office, "access.denied")
    assert (actor, target) == ("sekinin", f"output:{output_id}")
    assert json.loads(detail) == {"reason": "not_maker"}
    assert outputs.entries(clerk)[0].row.state == "out"
    assert outputs.withdraw(manager, output_id).row.state == "withdrawn"


def test_a_confirmed_output_cannot_be_withdrawn(office: Office, manager) -> None:  # noqa: F811
    output_id = _print(manager).output_id
    assert output_id is not None
    outputs.confirm(manager, output_id, "submitted")
    with pytest.raises(errors.InvalidInput, match="既に確認"):
        outputs.withdraw(manager, output_id)
    assert _events(office, "output.withdrawn") == []


def test_a_withdrawn_output_is_neither_overdue_nor_open(office: Office, manager) -> None:  # noqa: F811
    kept = _print(manager).output_id
    gone = _print(manager).output_id
    assert kept is not None and gone is not None
    outputs.withdraw(manager, gone)
    settings.change(manager, "output_confirm_days", "3")
    office.clock.advance(days=30)
    assert [e.row.id for e in outputs.overdue(manager)] == [kept]
    assert dashboard.summary(manager).outputs_overdue == (kept,)
    assert [e.row.id for e in outputs.entries(manager, open_only=True)] == [kept]
    listed = {e.row.id: e for e in outputs.entries(manager)}
    assert listed[gone].row.state == "withdrawn" and not listed[gone].overdue


def test_the_register_pdf_shows_the_withdrawn_state(office: Office, manager) -> None:  # noqa: F811
    from tests.services.test_forms import _text

    output_id = _print(manager).output_id
    assert output_id is not None
    outputs.withdraw(manager, output_id)
    text = "".join(_text(outputs.register_pdf(manager)).split())
    assert "取消（出力せず）" in text or "取消(出力せず)" in text


def test_a_confirmation_must_fit_the_destination(office: Office, manager) -> None:  # noqa: F811
    to_office = _print(manager).output_id
    to_sharoushi = _print(manager, order=outputs.Order("社会保険労務士")).output_id
    assert to_office is not None and to_sharoushi is not None
    with pytest.raises(errors.InvalidInput, match="税務署への出力は「交付済」にできません"):
        outputs.confirm(manager, to_office, "delivered")
    assert outputs.entries(manager)[0].row.state == "out"
    assert _events(office, "output.confirmed") == []
    assert outputs.confirm(manager, to_office, "submitted").row.state == "submitted"
    assert outputs.confirm(manager, to_sharoushi, "delivered").row.state == "delivered"
