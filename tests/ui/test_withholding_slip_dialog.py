"""The 源泉徴収票 dialog: from the person panel, typed amounts, each copy previewed in memory; a
copy with numbers is entered in the outputs register with the destination the clerk chose, and
saved only as an encrypted PDF whose password is shown once."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QTableWidget

from app.bootstrap import Workspace
from app.services import numbers, people, staff
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office
from tests.ui.conftest import signed_in
from ui.context import UiContext
from ui.tasks import DatabaseThread

NUMBER = "123456789018"
SCOPES = ["purpose:tax_withholding", "kind:employee", "kind:dependent"]


@pytest.fixture
def office_with_one(office: Office) -> Workspace:
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
    yamada = people.register_employee(
        session, code="E001", name="山田 太郎", kana_text="ヤマダ タロウ", department="総務部"
    )
    numbers.register_number(session, yamada.id, NUMBER, NUMBER, ["tax_withholding"])
    session.close()
    return Workspace(office.data.data_dir, office.clock)


def _text(pdf: bytes) -> str:
    return "".join(
        "".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
    )


def test_each_copy_is_previewed_and_only_the_recipients_can_be_saved(
    qtbot, office_with_one: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.widgets.person_panel import PersonPanel

    session = signed_in(db, office_with_one, MANAGER_LOGIN, MANAGER_PASSWORD)
    context = UiContext(office_with_one, db, session)
    panel = PersonPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    person_id = db.call(lambda: people.search(session, "ヤマダ").rows[0].id)
    panel.show_person(person_id)
    qtbot.waitUntil(lambda: panel.profile is not None, timeout=10000)
    assert panel.slip_action.isVisible()
    assert panel.slip_action.text() == "源泉徴収票…"

    opened = []
    monkeypatch.setattr(
        "ui.dialogs.withholding_slip_dialog.WithholdingSlipDialog.exec",
        lambda dialog: opened.append(dialog),
    )
    panel.slip_action.trigger()
    (dialog,) = opened
    qtbot.addWidget(dialog)
    shown: list[tuple[bytes, bool]] = []
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec",
        lambda preview: shown.append((preview.pdf, preview._saver is None)),
    )
    dialog.amounts["payment"].setText("5800000")
    dialog.amounts["tax"].setText("120300")
    dialog.payer.name.setText("株式会社サンプル商事")

    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData("recipient"))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    pdf, plain_save = shown[0]
    assert plain_save
    text = _text(pdf)
    assert "受給者交付用" in text and "山田太郎" in text and "5800000" in text
    assert NUMBER not in text
    assert not re.search(r"\d{12}", pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text())

    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData("tax_office"))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10000)
    pdf, plain_save = shown[1]
    assert not plain_save  # a copy with numbers is saved only as an encrypted export
    assert NUMBER in _text(pdf)
    # Two slips to an A4 landscape sheet unless the clerk asks for true-size A6.
    width = float(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)
    assert round(width / 72 * 25.4) == 297
    dialog.sheet_box.setCurrentIndex(dialog.sheet_box.findData("a6"))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(shown) == 3, timeout=10000)
    width = float(pypdf.PdfReader(io.BytesIO(shown[2][0])).pages[0].mediabox.width)
    assert round(width / 72 * 25.4) == 105
    db.call(session.close)


def test_amounts_typed_as_a_clerk_does_are_saved_and_a_bad_one_is_named(
    qtbot, office_with_one: Workspace, db: DatabaseThread
) -> None:
    from app.domain.year_end import SALARY
    from app.services import year_end
    from ui.dialogs.withholding_slip_dialog import WithholdingSlipDialog

    session = signed_in(db, office_with_one, MANAGER_LOGIN, MANAGER_PASSWORD)
    person_id = db.call(lambda: people.search(session, "ヤマダ").rows[0].id)
    dialog = WithholdingSlipDialog(UiContext(office_with_one, db, session), person_id, "山田 太郎")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle().startswith("源泉徴収票")
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10000)
    error = dialog.findChild(QLabel, "slipError")
    # A minus sign is not an amount: the field is named, nothing is stored.
    qtbot.keyClicks(dialog.amounts["tax"], "-120300")
    dialog.amounts["payment"].setText("5800000")
    dialog.save_button.click()
    assert not error.isHidden()
    assert error.text() == "「源泉徴収税額」には0以上の整数を円単位で入力してください。"
    assert dialog.amounts["tax"].property("alert") == "true"
    assert db.call(lambda: year_end.load(session, person_id, 2026, SALARY)) is None

    # Full-width digits and commas with 円, as typed with the IME on: grouped once typed.
    dialog.amounts["tax"].clear()
    payment = dialog.amounts["payment"]
    payment.clear()
    payment.setFocus()
    committed = QInputMethodEvent()  # what the IME hands over when the clerk confirms
    committed.setCommitString("５，８００，０００円")
    QApplication.sendEvent(payment, committed)
    assert payment.text() == "５，８００，０００円"
    qtbot.keyClick(payment, Qt.Key.Key_Return)
    assert payment.text() == "5,800,000"
    assert dialog.amounts["tax"].property("alert") == "false"
    dialog.save_button.click()
    status = dialog.findChild(QLabel, "slipSaveStatus")
    qtbot.waitUntil(lambda: "保存しました" in status.text(), timeout=10000)
    assert error.isHidden()
    saved = db.call(lambda: year_end.load(session, person_id, 2026, SALARY))
    assert saved is not None and saved.amounts == {"payment": 5_800_000}
    db.call(session.close)


def _dialog(qtbot, office_with_one: Workspace, db: DatabaseThread):
    from ui.dialogs.withholding_slip_dialog import WithholdingSlipDialog

    session = signed_in(db, office_with_one, MANAGER_LOGIN, MANAGER_PASSWORD)
    context = UiContext(office_with_one, db, session)
    person_id = db.call(lambda: people.search(session, "ヤマダ").rows[0].id)
    dialog = WithholdingSlipDialog(context, person_id, "山田 太郎")
    qtbot.addWidget(dialog)
    dialog.amounts["payment"].setText("5800000")
    dialog.payer.name.setText("株式会社サンプル商事")
    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData("tax_office"))
    return session, context, dialog


def test_a_printed_copy_is_registered_and_confirmed_as_submitted(
    qtbot, office_with_one: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import outputs
    from ui.dialogs.outputs_dialog import OutputsDialog

    session, context, dialog = _dialog(qtbot, office_with_one, db)
    destination = dialog.findChild(QComboBox, "slipDestination")
    assert destination.isEnabled() and destination.currentText() == "税務署"
    destination.setCurrentIndex(destination.findData("社会保険労務士"))
    shown: list[bytes] = []
    monkeypatch.setattr(
        "ui.form_printing.print_form", lambda *_a, **_k: True
    )  # the print dialog accepted and the pages sent
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec",
        lambda preview: shown.append(preview.pdf) or preview.print_button.click(),
    )
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    register = OutputsDialog(context)
    qtbot.addWidget(register)
    table = register.findChild(QTableWidget, "outputsTable")
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=10000)
    assert table.item(0, 4).text() == "社会保険労務士"
    assert table.item(0, 5).text() == "紙"
    assert table.item(0, 6).text() == "確認待ち"
    confirm = register.findChild(QPushButton, "outputConfirmButton")
    assert not confirm.isEnabled()
    table.selectRow(0)
    state = register.findChild(QComboBox, "outputState")
    # A consignee may pass the paper on or hand it to the person: every result is offered.
    assert [state.itemText(k) for k in range(state.count())] == [
        "提出済",
        "交付済",
        "返却",
        "廃棄済",
    ]
    state.setCurrentIndex(state.findData("submitted"))
    confirm.click()
    qtbot.waitUntil(lambda: table.item(0, 6).text().startswith("提出済（"), timeout=10000)
    (entry,) = db.call(lambda: outputs.entries(session))
    assert entry.row.state == "submitted" and entry.row.confirmed_by_name
    db.call(session.close)


def test_a_copy_saved_as_pdf_is_encrypted_and_its_password_shown_once(
    qtbot,
    office_with_one: Workspace,
    db: DatabaseThread,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path,
) -> None:
    from ui import file_dialogs
    from ui.dialogs.pdf_export import ExportPasswordDialog

    session, _context, dialog = _dialog(qtbot, office_with_one, db)
    method = dialog.findChild(QComboBox, "slipMethod")
    method.setCurrentIndex(method.findData("pdf"))
    target = tmp_path / "office" / "slip.pdf"
    target.parent.mkdir()
    monkeypatch.setattr("ui.dialogs.pdf_export.in_temporary_folder", lambda _path: False)
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    passwords: list[str] = []
    monkeypatch.setattr(
        ExportPasswordDialog,
        "exec",
        lambda shown: passwords.append(shown.findChild(QLabel, "exportPassword").text()),
    )
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(passwords) == 1, timeout=10000)
    locked = target.read_bytes()
    assert NUMBER.encode() not in locked
    reader = pypdf.PdfReader(io.BytesIO(locked))
    assert reader.is_encrypted
    with pytest.raises(pypdf.errors.FileNotDecryptedError):
        reader.pages[0].extract_text()
    opened = pypdf.PdfReader(io.BytesIO(locked), password=passwords[0])
    assert NUMBER in "".join("".join(p.extract_text().split()) for p in opened.pages)
    db.call(session.close)


def test_a_numbered_pdf_is_never_saved_in_a_temporary_folder(
    qtbot, office_with_one: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    from ui import file_dialogs

    session, _context, dialog = _dialog(qtbot, office_with_one, db)
    method = dialog.findChild(QComboBox, "slipMethod")
    method.setCurrentIndex(method.findData("pdf"))
    target = Path(tempfile.gettempdir()) / "mynumber-desk-never.pdf"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warned.append(box.objectName()))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: warned == ["exportTempFolderBox"], timeout=10000)
    assert not target.exists()
    db.call(session.close)


def test_stored_amounts_are_shown_and_what_the_clerk_types_is_saved(
    qtbot, office_with_one: Workspace, db: DatabaseThread
) -> None:
    from app.domain.year_end import LEFT_ON, NO_ADJUSTMENT, OFFICER, SALARY, YearEndEntry
    from app.services import year_end
    from ui.dialogs.withholding_slip_dialog import WithholdingSlipDialog

    session = signed_in(db, office_with_one, MANAGER_LOGIN, MANAGER_PASSWORD)
    context = UiContext(office_with_one, db, session)
    person_id = db.call(lambda: people.search(session, "ヤマダ").rows[0].id)
    stored = YearEndEntry(
        person_id,
        2026,
        SALARY,
        {"payment": 5_000_000, "tax": 113_800, "life_new": 80_000},
        {OFFICER: "1"},
        source="import:年末調整.csv",
    )
    db.call(lambda: year_end.save(session, stored))
    dialog = WithholdingSlipDialog(context, person_id, "山田 太郎")
    qtbot.addWidget(dialog)
    save = dialog.findChild(QPushButton, "slipSaveButton")
    qtbot.waitUntil(save.isEnabled, timeout=10000)
    status = dialog.findChild(QLabel, "slipSaveStatus")
    assert "年末調整.csv" in status.text()
    assert dialog.amounts["payment"].text() == "5,000,000"
    assert dialog.fields.officer.isChecked()

    save.click()
    qtbot.waitUntil(lambda: "変更はありません" in status.text(), timeout=10000)

    dialog.amounts["tax"].setText("98000")
    dialog.fields.officer.setChecked(False)
    dialog.fields.left.setChecked(True)
    dialog.fields.reason.setCurrentIndex(dialog.fields.reason.findData("left"))
    save.click()
    qtbot.waitUntil(lambda: "保存しました" in status.text(), timeout=10000)
    saved = db.call(lambda: year_end.load(session, person_id, 2026, SALARY))
    assert saved is not None
    # The breakdown the dialog does not show is kept; the typed ones replace what was there.
    assert saved.amounts == {"payment": 5_000_000, "tax": 98_000, "life_new": 80_000}
    assert saved.facts == {NO_ADJUSTMENT: "left", LEFT_ON: "2026-12-31"}
    assert saved.source == "typed"
    corrected = db.call(
        lambda: session.vault.conn.execute(
            "SELECT detail FROM audit_log WHERE action = 'year_end.corrected'"
        ).fetchall()
    )
    assert len(corrected) == 1 and '"tax"' in corrected[0][0] and "98000" not in corrected[0][0]
    db.call(session.close)


def _register(qtbot, context: UiContext) -> tuple:
    from ui.dialogs.outputs_dialog import OutputsDialog

    register = OutputsDialog(context)
    qtbot.addWidget(register)
    return register, register.findChild(QTableWidget, "outputsTable")


def test_a_copy_previewed_and_closed_without_printing_is_withdrawn(
    qtbot, office_with_one: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import outputs

    session, context, dialog = _dialog(qtbot, office_with_one, db)
    shown: list[bytes] = []
    # The clerk opens the print dialog and cancels it, then closes the preview.
    monkeypatch.setattr("ui.form_printing.print_form", lambda *_a, **_k: False)
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec",
        lambda preview: shown.append(preview.pdf) or preview.print_button.click(),
    )
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    qtbot.waitUntil(
        lambda: db.call(lambda: outputs.entries(session))[0].row.state == "withdrawn",
        timeout=10000,
    )
    register, table = _register(qtbot, context)
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=10000)
    assert table.item(0, 4).text() == "税務署"
    assert table.item(0, 6).text().startswith("取消（出力せず）（")
    table.selectRow(0)
    assert not register.findChild(QPushButton, "outputConfirmButton").isEnabled()
    assert not register.findChild(QComboBox, "outputState").isEnabled()
    # The numbers were on screen: the rendering's per-person event stays in the access log.
    events = db.call(
        lambda: session.vault.conn.execute(
            "SELECT action FROM audit_log WHERE action IN"
            " ('number.form_printed', 'output.withdrawn') ORDER BY seq"
        ).fetchall()
    )
    assert events == [("number.form_printed",), ("output.withdrawn",)]
    db.call(session.close)


def test_a_tax_office_copy_is_confirmed_only_as_what_fits_it(
    qtbot, office_with_one: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, context, dialog = _dialog(qtbot, office_with_one, db)
    shown: list[bytes] = []
    monkeypatch.setattr("ui.form_printing.print_form", lambda *_a, **_k: True)
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec",
        lambda preview: shown.append(preview.pdf) or preview.print_button.click(),
    )
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    register, table = _register(qtbot, context)
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=10000)
    assert table.item(0, 6).text() == "確認待ち"  # printed: it left, so it stays to confirm
    table.selectRow(0)
    state = register.findChild(QComboBox, "outputState")
    assert state.isEnabled()
    assert [state.itemText(k) for k in range(state.count())] == ["提出済", "返却", "廃棄済"]
    assert state.findData("delivered") == -1
    db.call(session.close)


def test_a_pdf_copy_whose_file_was_never_chosen_is_withdrawn(
    qtbot, office_with_one: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import outputs
    from ui import file_dialogs

    session, _context, dialog = _dialog(qtbot, office_with_one, db)
    method = dialog.findChild(QComboBox, "slipMethod")
    method.setCurrentIndex(method.findData("pdf"))
    asked: list[str] = []
    monkeypatch.setattr(
        file_dialogs, "get_save_file_name", lambda *a, **k: asked.append("save") or ("", "")
    )
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: asked == ["save"], timeout=10000)
    qtbot.waitUntil(
        lambda: [e.row.state for e in db.call(lambda: outputs.entries(session))] == ["withdrawn"],
        timeout=10000,
    )
    db.call(session.close)


def test_a_paper_copy_saved_from_the_preview_is_entered_as_the_pdf_it_became(
    qtbot,
    office_with_one: Workspace,
    db: DatabaseThread,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path,
) -> None:
    """Saved as an encrypted PDF from the preview and not printed: the file is an output of its
    own (method PDF), and the paper entry is withdrawn since no paper left."""
    from app.services import outputs
    from ui import file_dialogs
    from ui.dialogs.pdf_export import ExportPasswordDialog

    session, _context, dialog = _dialog(qtbot, office_with_one, db)
    target = tmp_path / "office" / "slip.pdf"
    target.parent.mkdir()
    monkeypatch.setattr("ui.dialogs.pdf_export.in_temporary_folder", lambda _path: False)
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    passwords: list[str] = []
    monkeypatch.setattr(ExportPasswordDialog, "exec", lambda shown: passwords.append("shown"))
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec",
        lambda preview: preview.save_button.click(),
    )
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: passwords == ["shown"], timeout=10000)
    assert target.exists()
    qtbot.waitUntil(
        lambda: (
            [(e.row.method, e.row.state) for e in db.call(lambda: outputs.entries(session))]
            == [("paper", "withdrawn"), ("pdf", "out")]
        ),
        timeout=10000,
    )
    db.call(session.close)
