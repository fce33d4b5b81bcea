"""The identity check records of a person: listed, shown as PDF, and the optional copies of
documents added, viewed and deleted through the dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QMessageBox

from app.bootstrap import Workspace
from app.domain.verification import (
    Comparison,
    IdentityField,
    PresentedDocument,
    Subject,
    VerificationRequest,
)
from app.services import people, settings, staff, verification
from app.services.verification import NewNumber, VerificationEntry
from tests.conftest import AUDITOR_PASSWORD, MANAGER_LOGIN, Office, add_member
from tests.ui.conftest import on_next_modal, open_window
from ui import file_dialogs
from ui.dialogs.verifications_dialog import VerificationsDialog
from ui.tasks import DatabaseThread

NUMBER = "123456789018"


@pytest.fixture
def verified_office(office: Office) -> Workspace:
    session = office.manager
    session.user = staff.set_scopes(
        session, MANAGER_LOGIN, ["purpose:tax_withholding", "kind:employee"]
    )
    person = people.register_employee(
        session,
        code="E001",
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        birth_date=date(1980, 4, 1),
    )
    request = VerificationRequest(
        Subject.EMPLOYEE,
        documents=(PresentedDocument("individual_number_card", expires_on=date(2030, 1, 1)),),
        comparison=Comparison(
            frozenset({IdentityField.NAME, IdentityField.BIRTH_DATE}), True, True
        ),
    )
    verification.record(
        session,
        person.id,
        VerificationEntry(
            request, date(2026, 11, 23), new_number=NewNumber(NUMBER, NUMBER, ("tax_withholding",))
        ),
    )
    settings.change(session, "verification_scans", "on")
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    session.close()
    return Workspace(office.data.data_dir, office.clock)


def _png(path: Path) -> Path:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    path.write_bytes(bytes(buffer.data()))
    return path


def test_records_print_and_copies(
    qtbot,
    verified_office: Workspace,
    db: DatabaseThread,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(qtbot, verified_office, db)
    dialog = VerificationsDialog(window.context, 1, "山田 太郎", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert dialog.table.item(0, 2).text() == "対面"
    assert dialog.table.item(0, 4).text() == "本人確認ができました"
    qtbot.waitUntil(lambda: dialog.scans_box.isVisible(), timeout=10000)
    assert dialog.add_scan_button.isEnabled() and not dialog.view_scan_button.isEnabled()

    previews: list[str] = []

    def close_preview(preview) -> None:
        previews.append(preview.objectName())
        preview.reject()

    on_next_modal(close_preview)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: previews == ["pdfPreviewDialog"], timeout=10000)

    picked = _png(tmp_path / "card-front.png")
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(picked), ""))
    dialog.add_scan_button.click()
    qtbot.waitUntil(lambda: dialog.scan_list.count() == 1, timeout=10000)
    assert "PNG画像" in dialog.scan_list.item(0).text()

    shown: list[bool] = []

    def look(view) -> None:
        image = view.findChild(QLabel, "scanImage")
        shown.append(image is not None and not image.pixmap().isNull())
        view.reject()

    on_next_modal(look)
    dialog.view_scan_button.click()
    qtbot.waitUntil(lambda: shown == [True], timeout=10000)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.delete_scan_button.click()
    qtbot.waitUntil(lambda: dialog.scan_list.count() == 0, timeout=10000)


def test_the_auditor_sees_the_records_but_no_copies(
    qtbot, verified_office: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, verified_office, db, "kansa", AUDITOR_PASSWORD)
    dialog = VerificationsDialog(window.context, 1, "山田 太郎", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    qtbot.wait(200)  # a scans() call, if one were made, would have come back by now
    assert not dialog.scans_box.isVisible()
    session = window.context.session
    denied = db.call(
        lambda: session.vault.conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'access.denied'"
        ).fetchone()[0]
    )
    assert denied == 0
