"""The office's 法人番号 in the GUI: set on the settings page beside the contact (checked there
in Japanese), and filled in as the payer's number by every slip dialog and the 合計表 dialog;
the payee's copy still carries none."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from app.bootstrap import Workspace
from app.services import corrections, numbers, office_contact, people, staff
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office
from tests.ui.conftest import open_window, signed_in
from ui.context import UiContext
from ui.tasks import DatabaseThread

OFFICE_NO = "4010001234567"
NUMBER = "123456789018"
PAYEE_NUMBER = "983205673214"
SCOPES = ["purpose:tax_withholding", "purpose:payment_records", "kind:employee", "kind:payee"]


def _label_of(field: QWidget) -> str:
    form = field.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        inner = item.layout() if item is not None else None
        if item is not None and (
            item.widget() is field
            or (
                inner is not None
                and any(inner.itemAt(i).widget() is field for i in range(inner.count()))
            )
        ):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            assert isinstance(label, QLabel)
            return label.text()
    raise AssertionError("the field has no row")


def test_the_manager_sets_the_number_on_the_settings_page(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, workspace, db)
    window.resize(1366, 768)
    page = window.show_page("settings")
    edit = page.findChild(QLineEdit, "officeCorporateNumberEdit")
    error = page.findChild(QLabel, "officeCorporateNumberError")
    hint = page.findChild(QLabel, "officeCorporateNumberHint")
    assert edit is not None and error is not None and hint is not None
    assert _label_of(edit) == "法人番号"
    assert "支払者" in hint.text() and "個人事業者" in hint.text()
    session = window.context.session

    # A wrong check digit is said beside the field in Japanese; nothing is stored.
    edit.setText("4010001234568")
    page.contact_button.click()
    assert not error.isHidden() and "検査用数字" in error.text()
    assert "4010001234568" not in error.text()
    edit.setText("40100012345")
    page.contact_button.click()
    assert "数字13桁" in error.text()
    assert db.call(lambda: office_contact.contact(session)).corporate_number == ""
    qtbot.keyClick(edit, "1")  # typing again puts the message away
    assert error.isHidden()

    # Full-width digits and hyphens as typed: kept and shown as 13 digits.
    edit.setText("４０１０-００１２-３４５６７")
    page.contact_button.click()
    qtbot.waitUntil(lambda: "保存しました" in page.status.text(), timeout=10000)
    assert error.isHidden()
    assert db.call(lambda: office_contact.contact(session)).corporate_number == OFFICE_NO
    assert edit.text() == OFFICE_NO
    page.clear()
    assert edit.text() == ""
    page.load()
    qtbot.waitUntil(lambda: edit.text() == OFFICE_NO, timeout=10000)
    window.close()


@pytest.fixture
def numbered_office(office: Office) -> Workspace:
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
    office_contact.change_contact(
        session, request_desk="総務部", address="東京都千代田区1-1", phone="03-1234-5678",
        corporate_number=OFFICE_NO,
    )  # fmt: skip
    yamada = people.register_employee(
        session, code="E001", name="山田 太郎", kana_text="ヤマダ タロウ", department="総務部",
        hire_date=date(2001, 4, 1),
    )  # fmt: skip
    numbers.register_number(session, yamada.id, NUMBER, NUMBER, ["tax_withholding"])
    corrections.retire(session, yamada.id, date(2026, 3, 31), "退職")
    sato = people.register_payee(
        session, name="佐藤 一郎", kana_text="サトウ イチロウ", payment_kind="fees", continuing=True
    )
    numbers.register_number(session, sato.id, PAYEE_NUMBER, PAYEE_NUMBER, ["payment_records"])
    session.close()
    return Workspace(office.data.data_dir, office.clock)


def _prefilled(qtbot, dialog: QWidget) -> QLineEdit:
    qtbot.addWidget(dialog)
    number = dialog.findChild(QLineEdit, "payerCorporateNumber")
    assert number is not None
    qtbot.waitUntil(lambda: number.text() == OFFICE_NO, timeout=10000)
    assert dialog.findChild(QLineEdit, "payerName").text() == "テスト事業所"
    return number


def test_every_slip_dialog_and_the_summary_fill_in_the_offices_number(
    qtbot, numbered_office: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.payment_slip_dialog import PaymentSlipDialog
    from ui.dialogs.retirement_slip_dialog import RetirementSlipDialog
    from ui.dialogs.summary_table_dialog import SummaryTableDialog
    from ui.dialogs.withholding_slip_dialog import WithholdingSlipDialog

    session = signed_in(db, numbered_office, MANAGER_LOGIN, MANAGER_PASSWORD)
    context = UiContext(numbered_office, db, session)
    yamada = db.call(lambda: people.search(session, "ヤマダ").rows[0].id)
    sato = db.call(lambda: people.search(session, "サトウ").rows[0].id)
    _prefilled(qtbot, WithholdingSlipDialog(context, yamada, "山田 太郎", year=2026))
    _prefilled(qtbot, RetirementSlipDialog(context, yamada, "山田 太郎", year=2026))
    _prefilled(qtbot, SummaryTableDialog(context, 2026))
    dialog = PaymentSlipDialog(context, sato, "佐藤 一郎", "fees", year=2026)
    _prefilled(qtbot, dialog)
    qtbot.waitUntil(dialog.preview_button.isEnabled, timeout=10000)

    # The payee's copy never carries the payer's 法人番号, filled in or not.
    shown: list[bytes] = []
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec", lambda preview: shown.append(preview.pdf)
    )
    dialog.category.setCurrentText("原稿料")
    dialog.amounts["payment"].setText("300000")
    dialog.amounts["tax"].setText("30630")
    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData("payee"))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    text = "".join(
        "".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(shown[0])).pages
    )
    assert "佐藤一郎" in text and OFFICE_NO not in text and PAYEE_NUMBER not in text
    db.call(session.close)


def test_a_number_typed_before_the_office_is_read_is_kept(
    qtbot, numbered_office: Workspace, db: DatabaseThread
) -> None:
    from app.domain.withholding_slip import Payer
    from ui.dialogs.summary_table_dialog import SummaryTableDialog

    session = signed_in(db, numbered_office, MANAGER_LOGIN, MANAGER_PASSWORD)
    dialog = SummaryTableDialog(UiContext(numbered_office, db, session), 2026)
    qtbot.addWidget(dialog)
    number = dialog.findChild(QLineEdit, "payerCorporateNumber")
    qtbot.waitUntil(lambda: number.text() == OFFICE_NO, timeout=10000)
    number.setText("5010001234566")
    dialog.payer.prefill(Payer("テスト事業所", corporate_number=OFFICE_NO))
    assert number.text() == "5010001234566"
    db.call(session.close)
