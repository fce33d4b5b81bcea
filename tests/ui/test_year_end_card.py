"""The dashboard's year-end card: shown from 1 December (the fake clock) until the forms' due
date, with the rolled-forward deadline, the slips to submit to the tax office, the employees
not entered and the e-filing obligation with its count; its button opens the year-end page."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from app.bootstrap import Workspace
from app.domain.year_end import OFFICER, SALARY, YearEndEntry
from app.services import auth, dashboard, people, staff, year_end
from tests.conftest import AUDITOR_PASSWORD, MANAGER_LOGIN, Office, add_member
from tests.ui.conftest import open_window
from ui.pages.dashboard_page import DashboardPage
from ui.tasks import DatabaseThread

SCOPES = ["purpose:tax_withholding", "kind:employee"]
KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホ"


@pytest.fixture
def office_of_2026(office: Office) -> Office:
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
    for index in range(31):
        person = people.register_employee(
            session, code=f"E{index:03d}", name=f"社員 {KANA[index % 30]}", kana_text="シャイン"
        )
        if index < 30:
            year_end.save(
                session,
                YearEndEntry(person.id, 2024, SALARY, {"payment": 6_000_000}, {OFFICER: "1"}),
            )
        if index < 3:
            year_end.save(session, YearEndEntry(person.id, 2026, SALARY, {"payment": 6_000_000}))
    return office


def test_the_card_comes_with_december_and_goes_after_the_due_date(
    office_of_2026: Office,
) -> None:
    session = office_of_2026.manager
    clock = office_of_2026.clock
    assert dashboard.summary(session).year_end is None  # 23 November
    clock.advance(days=8)  # 1 December 2026
    card = dashboard.summary(session).year_end
    assert card is not None and card.year == 2026
    assert card.due_on.isoformat() == "2027-02-01"  # 31 January 2027 is a Sunday
    assert (card.tax_office_slips, card.not_entered) == (3, 28)
    # 30 slips were due for 2024: from 2027 the threshold is 30.
    assert card.efiling_required == (("給与所得の源泉徴収票", 30, 30, 2024),)
    clock.advance(days=62)  # 1 February 2027, the due date itself
    assert dashboard.summary(session).year_end is not None
    clock.advance(days=1)
    assert dashboard.summary(session).year_end is None
    add_member(office_of_2026, "kansa", ["auditor"], AUDITOR_PASSWORD)
    clock.advance(days=-40)
    auditor = auth.sign_in(office_of_2026.data, "kansa", AUDITOR_PASSWORD, clock)
    try:
        assert dashboard.summary(auditor).year_end is None
    finally:
        auditor.close()


def _card_text(page: DashboardPage) -> tuple[str, str, bool]:
    card = page.findChild(QWidget, "yearEndCard")
    return (
        card.findChild(QWidget, "yearEndCount").text(),
        card.findChild(QWidget, "yearEndDetail").text(),
        card.property("alert") == "true",
    )


def test_the_dashboard_shows_the_card_from_december_only(
    qtbot, office_of_2026: Office, db: DatabaseThread
) -> None:
    office_of_2026.manager.close()
    workspace = Workspace(office_of_2026.data.data_dir, office_of_2026.clock)
    window = open_window(qtbot, workspace, db)
    window.resize(1366, 768)
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: page.summary is not None, timeout=10000)
    assert "yearEndCard" not in [card.objectName() for card in page.shown_cards]

    office_of_2026.clock.advance(days=8)
    page.summary = None
    page.load()
    qtbot.waitUntil(lambda: page.summary is not None, timeout=10000)
    assert page.shown_cards[0].objectName() == "yearEndCard"
    count, detail, alert = _card_text(page)
    assert count == "3枚" and "税務署への提出: 3枚" in detail
    assert "2026年分の提出期限: 2027年2月1日（月）" in detail
    assert "未入力の従業員: 28人" in detail
    assert (
        "給与所得の源泉徴収票はe-Tax等での提出が必要です（2024年分 30枚、基準 30枚以上）" in detail
    )
    assert alert
    page.findChild(QWidget, "yearEndButton").click()
    assert window.current_page() is window.page_by_key["yearend"]
    window.close()
