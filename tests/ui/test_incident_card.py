"""The dashboard's card of open leak incidents: shown while one is open, with the next 速報
or 確報 deadline, alarmed once it has passed; its button opens the incidents page; hidden
from a clerk and when nothing is open."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QWidget

from app.bootstrap import Workspace
from app.domain.incidents import Checklist, IncidentKind
from app.services import incidents
from tests.conftest import CLERK_PASSWORD, Office, add_member
from tests.ui.conftest import open_window
from ui.tasks import DatabaseThread


@pytest.fixture
def incident_office(office: Office) -> Office:
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    known = office.clock.now() - timedelta(days=1)
    incidents.register(
        office.manager,
        title="源泉徴収票の誤送付",
        kind=IncidentKind.LEAK,
        discovered_at=known,
        known_at=known,
        checklist=Checklist(unlawful_purpose=True, persons=1),
    )
    return office


def _card(page) -> QWidget:
    return page.findChild(QWidget, "incidentsCard")


def _text(page, name: str) -> str:
    return _card(page).findChild(QWidget, name).text()


def test_the_card_shows_the_next_report_and_opens_the_incidents(
    qtbot, incident_office: Office, db: DatabaseThread
) -> None:
    incident_office.manager.close()
    workspace = Workspace(incident_office.data.data_dir, incident_office.clock)
    window = open_window(qtbot, workspace, db)
    page = window.show_page("dashboard")
    qtbot.waitUntil(lambda: _card(page) in page.shown_cards, timeout=10000)
    assert page.shown_cards[0] is _card(page) and _card(page).isVisible()
    assert _text(page, "incidentsCount") == "1件"
    # Known on 2026-11-22: the 速報 target is day 5, 2026-11-26.
    assert "速報" in _text(page, "incidentsDetail")
    assert "2026年11月26日" in _text(page, "incidentsDetail")
    # A 第2号 event: the 確報 within 60 days (day 60 is 2027-01-20).
    assert "確報の期限は2027年1月20日" in _text(page, "incidentsDetail")
    assert _card(page).property("attention") == "true"
    assert _card(page).property("alert") != "true"
    # Past the target: alarmed.
    workspace.clock.advance(days=10)
    page.load()
    qtbot.waitUntil(lambda: _card(page).property("alert") == "true", timeout=10000)
    assert "過ぎています" in _text(page, "incidentsDetail")
    _card(page).findChild(QWidget, "incidentsButton").click()
    assert window.current_page() is window.page_by_key["incidents"]


def test_no_card_without_an_open_incident_or_for_a_clerk(
    qtbot, incident_office: Office, db: DatabaseThread
) -> None:
    manager = incident_office.manager
    (found,) = incidents.list_incidents(manager)
    incidents.set_checklist(manager, found.id, Checklist(encrypted=True))
    incidents.close(manager, found.id)
    manager.close()
    workspace = Workspace(incident_office.data.data_dir, incident_office.clock)
    window = open_window(qtbot, workspace, db)
    page = window.show_page("dashboard")
    with qtbot.waitSignal(_card(page).wanted, timeout=10000) as answered:
        page.load()
    assert answered.args == [False]
    assert page.shown_cards and _card(page) not in page.shown_cards
    assert not _card(page).isVisible()
    window.close()
    clerk = open_window(qtbot, workspace, db, "tanto", CLERK_PASSWORD)
    page = clerk.show_page("dashboard")
    qtbot.waitUntil(lambda: page.summary is not None, timeout=10000)
    assert _card(page) not in page.shown_cards
    assert date(2026, 11, 23) == workspace.clock.now().date()
