"""The dashboard's card of overdue safeguard records: shown once the next training or account
review is past its day, last among the cards, opening the 点検・研修 page; hidden from a clerk."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from app.bootstrap import Workspace
from app.services import training
from tests.conftest import CLERK_PASSWORD, Office, add_member
from tests.ui.conftest import open_window
from ui.tasks import DatabaseThread


def _card(page) -> QWidget:
    return page.findChild(QWidget, "recordsCard")


def test_a_late_training_gets_a_card_that_opens_the_page(
    qtbot, office: Office, db: DatabaseThread
) -> None:
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    training.record(
        office.manager,
        held_on=date(2025, 11, 1),
        title="研修",
        attendees=[training.Attendee(None, "職員")],
    )
    office.manager.close()
    workspace = Workspace(office.data.data_dir, office.clock)
    window = open_window(qtbot, workspace, db)
    page = window.show_page("dashboard")
    with qtbot.waitSignal(_card(page).wanted, timeout=10000) as answered:
        page.load()
    assert answered.args == [True]
    assert page.shown_cards[-1] is _card(page) and _card(page).isVisible()
    assert _card(page).findChild(QWidget, "recordsCount").text() == "1件"
    detail = _card(page).findChild(QWidget, "recordsDetail").text()
    assert detail == "次回の研修：期限 2026年11月1日（日）"
    assert _card(page).property("alert") == "true"
    _card(page).findChild(QWidget, "recordsButton").click()
    assert window.current_page() is window.page_by_key["inspection"]
    window.close()
    clerk = open_window(qtbot, workspace, db, "tanto", CLERK_PASSWORD)
    page = clerk.show_page("dashboard")
    qtbot.waitUntil(lambda: page.summary is not None, timeout=10000)
    assert _card(page) not in page.shown_cards
