"""The year-end page: each person with the forms due, the decision and its reason, what is
not entered yet, the deadline banner; a print of the tax office copy for those who must be
submitted goes through the preview into the outputs register and is confirmed as 提出済."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableView, QTableWidget

from app.bootstrap import Workspace
from app.domain.year_end import OFFICER, SALARY, YearEndEntry
from app.services import numbers, outputs, people, staff, year_end
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office
from tests.ui.conftest import signed_in
from ui.context import UiContext
from ui.tasks import DatabaseThread

NUMBER = "123456789018"
SCOPES = ["purpose:tax_withholding", "kind:employee", "kind:dependent"]


@pytest.fixture
def office_of_2026(office: Office) -> Workspace:
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
    officer = people.register_employee(
        session, code="E001", name="山田 太郎", kana_text="ヤマダ タロウ", department="総務部"
    )
    numbers.register_number(session, officer.id, NUMBER, NUMBER, ["tax_withholding"])
    year_end.save(
        session, YearEndEntry(officer.id, 2026, SALARY, {"payment": 1_500_001}, {OFFICER: "1"})
    )
    clerk = people.register_employee(
        session, code="E002", name="佐藤 花子", kana_text="サトウ ハナコ", department="総務部"
    )
    year_end.save(session, YearEndEntry(clerk.id, 2026, SALARY, {"payment": 4_000_000}))
    people.register_employee(
        session, code="E003", name="鈴木 一郎", kana_text="スズキ イチロウ", department="総務部"
    )
    session.close()
    return Workspace(office.data.data_dir, office.clock)


def _page(qtbot, workspace: Workspace, db: DatabaseThread):
    from ui.pages.year_end_page import YearEndPage

    session = signed_in(db, workspace, MANAGER_LOGIN, MANAGER_PASSWORD)
    context = UiContext(workspace, db, session)
    page = YearEndPage(context)
    qtbot.addWidget(page)
    page.show()
    page.load()
    table = page.findChild(QTableView, "yearEndTable").model()
    qtbot.waitUntil(lambda: table.rowCount() == 3, timeout=10000)
    return session, context, page, table


def _row(model, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_the_page_lists_each_person_with_the_reason(
    qtbot, qtmodeltester, office_of_2026: Workspace, db: DatabaseThread
) -> None:
    session, _context, page, table = _page(qtbot, office_of_2026, db)
    qtmodeltester.check(table)
    # In November the year being prepared is this year's.
    assert page.findChild(QComboBox, "yearEndYear").currentText() == "2026年分"
    assert _row(table, 0) == [
        "E001",
        "山田 太郎",
        "給与所得の源泉徴収票",
        "提出が必要",
        "提出が必要",
        "役員で支払金額が150万円を超えるため提出が必要",
        "入力済み",
    ]
    assert "給与支払報告書: 翌年1月1日に在職" in table.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert _row(table, 1)[3] == "提出は不要" and "500万円以下" in _row(table, 1)[5]
    assert _row(table, 2)[3:] == ["-", "-", "未入力のため判定できません", "未入力"]
    banner = page.findChild(QLabel, "yearEndBanner").text()
    assert "2026年分の提出期限は2027年2月1日（月）です。税務署に提出する枚数: 1枚" in banner
    assert "未入力の従業員: 1人" in banner
    counts = page.findChild(QLabel, "yearEndCounts").text()
    assert "給与所得の源泉徴収票 2枚（税務署へ提出 1枚）、給与支払報告書 2枚" in counts
    # Another year: nothing entered, the employees listed as 未入力.
    year = page.findChild(QComboBox, "yearEndYear")
    year.setCurrentIndex(year.findData(2025))
    qtbot.waitUntil(lambda: page.due is not None and page.due.year == 2025, timeout=10000)
    assert {_row(table, row)[6] for row in range(table.rowCount())} == {"未入力"}
    db.call(session.close)


def test_a_print_goes_through_the_register_to_submitted(
    qtbot, office_of_2026: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.outputs_dialog import OutputsDialog

    session, context, page, _table = _page(qtbot, office_of_2026, db)
    button = page.findChild(QPushButton, "yearEndPrintButton")
    assert not button.isEnabled()
    page.findChild(QPushButton, "yearEndSelectRequired").click()
    assert page.selected_ids() and len(page.selected_ids()) == 1
    assert page.findChild(QLabel, "yearEndSelected").text() == "1人を選択"
    assert button.isEnabled()
    destination = page.findChild(QComboBox, "yearEndDestination")
    assert destination.isEnabled() and destination.currentText() == "税務署"
    shown: list[bytes] = []
    # Printed from the preview: the print dialog accepted and the pages sent.
    monkeypatch.setattr("ui.dialogs.pdf_preview.print_pdf", lambda *_a, **_k: True)
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec",
        lambda preview: shown.append(preview.pdf) or preview.print_button.click(),
    )
    button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    text = "".join(
        "".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(shown[0])).pages
    )
    assert "税務署提出用" in text and "山田太郎" in text and NUMBER in text
    assert "佐藤花子" not in text

    register = OutputsDialog(context)
    qtbot.addWidget(register)
    rows = register.findChild(QTableWidget, "outputsTable")
    qtbot.waitUntil(lambda: rows.rowCount() == 1, timeout=10000)
    assert rows.item(0, 4).text() == "税務署" and rows.item(0, 6).text() == "確認待ち"
    rows.selectRow(0)
    state = register.findChild(QComboBox, "outputState")
    state.setCurrentIndex(state.findData("submitted"))
    register.findChild(QPushButton, "outputConfirmButton").click()
    qtbot.waitUntil(lambda: rows.item(0, 6).text().startswith("提出済（"), timeout=10000)
    (entry,) = db.call(lambda: outputs.entries(session))
    assert entry.row.form == f"{SALARY}/tax_office" and entry.row.persons == 1
    assert entry.row.state == "submitted"
    db.call(session.close)


def test_a_bulk_print_closed_without_printing_is_withdrawn(
    qtbot, office_of_2026: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _context, page, _table = _page(qtbot, office_of_2026, db)
    page.findChild(QPushButton, "yearEndSelectRequired").click()
    shown: list[bytes] = []
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec", lambda preview: shown.append(preview.pdf)
    )
    page.findChild(QPushButton, "yearEndPrintButton").click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    qtbot.waitUntil(
        lambda: [e.row.state for e in db.call(lambda: outputs.entries(session))] == ["withdrawn"],
        timeout=10000,
    )
    db.call(session.close)


def test_the_recipient_copy_opens_no_number_and_is_not_registered(
    qtbot, office_of_2026: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _context, page, _table = _page(qtbot, office_of_2026, db)
    copy = page.findChild(QComboBox, "yearEndCopy")
    copy.setCurrentIndex(copy.findData("recipient"))
    assert not page.findChild(QComboBox, "yearEndDestination").isEnabled()
    page.findChild(QPushButton, "yearEndSelectRequired").click()
    assert len(page.selected_ids()) == 2  # everyone with a salary slip
    shown: list[bytes] = []
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec", lambda preview: shown.append(preview.pdf)
    )
    page.findChild(QPushButton, "yearEndPrintButton").click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    text = "".join(
        "".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(shown[0])).pages
    )
    assert "受給者交付用" in text and NUMBER not in text
    assert db.call(lambda: outputs.entries(session)) == []
    db.call(session.close)


@pytest.mark.parametrize(
    ("today", "year"),
    [(date(2026, 11, 1), 2026), (date(2027, 1, 20), 2026), (date(2027, 6, 1), 2026)],
)
def test_the_year_shown_first(today: date, year: int) -> None:
    from ui.pages.year_end_page import default_year

    assert default_year(today) == year


def test_enter_amounts_opens_the_slip_dialog_of_the_one_selected_employee(
    qtbot, office_of_2026: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.withholding_slip_dialog import WithholdingSlipDialog

    opened: list[WithholdingSlipDialog] = []
    monkeypatch.setattr(WithholdingSlipDialog, "exec", lambda dialog: opened.append(dialog))
    session, _context, page, table = _page(qtbot, office_of_2026, db)
    button = page.findChild(QPushButton, "yearEndEntryButton")
    assert not button.isEnabled()  # nobody selected
    view = page.findChild(QTableView, "yearEndTable")
    view.selectRow(0)
    assert button.isEnabled()
    button.click()
    assert [dialog.person_id for dialog in opened] == [page.model.people[0].person_id]
    # Two rows selected: whose amounts would be ambiguous, so the button waits for one.
    view.selectAll()
    assert not button.isEnabled()
    # A double-click on one row opens the same dialog.
    view.selectRow(2)
    view.doubleClicked.emit(table.index(2, 0))
    assert [dialog.person_id for dialog in opened][-1] == page.model.people[2].person_id
    db.call(session.close)
