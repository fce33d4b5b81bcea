"""The 支払調書 dialog (from a payee's panel), the 退職所得の源泉徴収票 dialog (from a leaver's panel)
and the 合計表 dialog: typed, saved through year_end, each copy previewed in memory; a copy with
numbers is registered and never saved plainly, the person's copy carries no number."""

from __future__ import annotations

import io
import re
from datetime import date

import pypdf
import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QTableWidget

from app.bootstrap import Workspace
from app.domain.year_end import FEES, RENT, SALARY, YearEndEntry
from app.services import corrections, numbers, outputs, payment_forms, people, staff, year_end
from storage import office_repo
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office
from tests.ui.conftest import signed_in
from ui.context import UiContext
from ui.tasks import DatabaseThread

NUMBER = "123456789018"
PAYEE_NUMBER = "983205673214"
PAYER_NO = "4010001234567"
SCOPES = ["purpose:tax_withholding", "purpose:payment_records", "kind:employee", "kind:payee"]


@pytest.fixture
def office_with_people(office: Office) -> Workspace:
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
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
    people.register_payee(
        session, name="三軒茶屋 花子", kana_text="サンゲンヂャヤ ハナコ", payment_kind="rent",
        continuing=True, corporate=None,
    )  # fmt: skip
    session.close()
    return Workspace(office.data.data_dir, office.clock)


def _text(pdf: bytes) -> str:
    return "".join(
        "".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
    )


def _panel(qtbot, db, workspace, kana: str):
    from ui.widgets.person_panel import PersonPanel

    session = signed_in(db, workspace, MANAGER_LOGIN, MANAGER_PASSWORD)
    context = UiContext(workspace, db, session)
    panel = PersonPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    person_id = db.call(lambda: people.search(session, kana).rows[0].id)
    panel.show_person(person_id)
    qtbot.waitUntil(lambda: panel.profile is not None, timeout=10000)
    return session, context, panel, person_id


def _opened(monkeypatch, qtbot, path: str, action) -> object:
    opened: list = []
    monkeypatch.setattr(f"{path}.exec", lambda dialog: opened.append(dialog))
    action.trigger()
    (dialog,) = opened
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.preview_button.isEnabled, timeout=10000)  # the stored record read
    return dialog


def _previews(monkeypatch) -> list[tuple[bytes, bool]]:
    shown: list[tuple[bytes, bool]] = []
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec",
        lambda preview: shown.append((preview.pdf, preview._saver is None)),
    )
    return shown


def test_a_payees_fees_record_is_saved_and_each_copy_previewed(
    qtbot, office_with_people: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _context, panel, person_id = _panel(qtbot, db, office_with_people, "サトウ")
    assert panel.payment_slip_action.isVisible()
    assert not panel.retirement_slip_action.isVisible()
    assert not panel.slip_action.isVisible()
    dialog = _opened(
        monkeypatch, qtbot, "ui.dialogs.payment_slip_dialog.PaymentSlipDialog",
        panel.payment_slip_action,
    )  # fmt: skip
    assert dialog.form == FEES
    shown = _previews(monkeypatch)
    dialog.category.setCurrentText("原稿料")
    dialog.texts["detail"].setText("3回")
    dialog.amounts["payment"].setText("300000")
    dialog.amounts["tax"].setText("30630")
    dialog.payer.name.setText("株式会社サンプル商事")
    dialog.payer.number.setText(PAYER_NO)

    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.saved.isHidden(), timeout=10000)
    (stored,) = db.call(lambda: payment_forms.slips(session, person_id, 2026, FEES))
    assert stored.amounts == {"payment": 300_000, "tax": 30_630}
    assert stored.texts["payment_kind"] == "原稿料"

    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData("payee"))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    pdf, plain_save = shown[0]
    assert plain_save
    text = _text(pdf)
    assert "佐藤一郎" in text and "原稿料" in text
    assert PAYEE_NUMBER not in text and PAYER_NO not in text
    assert not re.search(r"\d{12}", pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text())

    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData("tax_office"))
    destination = dialog.findChild(QComboBox, "slipDestination")
    assert destination.isEnabled() and destination.currentText() == "税務署"
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10000)
    pdf, plain_save = shown[1]
    assert not plain_save  # saved only as an encrypted export
    assert PAYEE_NUMBER in _text(pdf) and PAYER_NO in _text(pdf)
    (entry,) = db.call(lambda: outputs.entries(session))
    assert entry.row.form == "hoshu/tax_office"
    db.call(session.close)


def test_a_second_record_number_starts_empty_and_the_first_comes_back(
    qtbot, office_with_people: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.payment_slip_dialog import PaymentSlipDialog

    session = signed_in(db, office_with_people, MANAGER_LOGIN, MANAGER_PASSWORD)
    person_id = db.call(lambda: people.search(session, "サトウ").rows[0].id)
    db.call(
        lambda: payment_forms.save(
            session,
            payment_forms.PaymentSlip(
                person_id, 2026, FEES, {"payment": 50_000}, {"payment_kind": "講演料"}
            ),
        )
    )
    dialog = PaymentSlipDialog(
        UiContext(office_with_people, db, session), person_id, "佐藤 一郎", "fees"
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.amounts["payment"].text() == "50,000", timeout=10000)
    assert dialog.category.currentText() == "講演料"
    dialog.slip_box.setValue(2)
    assert dialog.amounts["payment"].text() == "" and dialog.category.currentText() == ""
    dialog.slip_box.setValue(1)
    assert dialog.amounts["payment"].text() == "50,000"
    # Every saved record at once: one page each, as stored.
    shown = _previews(monkeypatch)
    dialog.slip_box.setValue(2)
    dialog.category.setCurrentText("原稿料")
    dialog.amounts["payment"].setText("30000")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.saved.isHidden(), timeout=10000)
    dialog.all_box.setChecked(True)
    sheet = dialog.findChild(QComboBox, "slipSheet")
    sheet.setCurrentIndex(sheet.findData("a6"))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    pdf = shown[0][0]
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 2  # one true-size slip a page
    assert "講演料" in _text(pdf) and "原稿料" in _text(pdf)
    # Two to an A4 sheet: both on one page.
    sheet.setCurrentIndex(sheet.findData("a4_two_up"))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10000)
    assert len(pypdf.PdfReader(io.BytesIO(shown[1][0])).pages) == 1
    assert "講演料" in _text(shown[1][0]) and "原稿料" in _text(shown[1][0])
    db.call(session.close)


def test_a_rent_record_checks_the_brokers_corporate_number(
    qtbot, office_with_people: Workspace, db: DatabaseThread
) -> None:
    from ui.dialogs.payment_slip_dialog import PaymentSlipDialog

    session = signed_in(db, office_with_people, MANAGER_LOGIN, MANAGER_PASSWORD)
    person_id = db.call(lambda: people.search(session, "サンゲン").rows[0].id)
    dialog = PaymentSlipDialog(
        UiContext(office_with_people, db, session), person_id, "三軒茶屋 花子", "rent"
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.preview_button.isEnabled, timeout=10000)
    assert "property" in dialog.texts and "broker_fee" in dialog.amounts
    dialog.category.setCurrentText("家賃")
    dialog.amounts["payment"].setText("2400000")
    dialog.texts["broker_number"].setText("3010001234567")
    dialog.save_button.click()
    error = dialog.findChild(QLabel, "slipError")
    assert not error.isHidden() and "法人番号" in error.text()
    assert "3010001234567" not in error.text()
    dialog.texts["broker_number"].clear()
    qtbot.keyClicks(dialog.amounts["payment"], "x")  # a slip of the hand: named, nothing saved
    dialog.save_button.click()
    assert not error.isHidden()
    assert error.text() == "「支払金額」には0以上の整数を円単位で入力してください。"
    assert dialog.amounts["payment"].property("alert") == "true"
    assert db.call(lambda: payment_forms.slips(session, person_id, 2026, RENT)) == []
    db.call(session.close)


def test_a_leavers_retirement_slip_is_saved_and_each_copy_previewed(
    qtbot, office_with_people: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _context, panel, person_id = _panel(qtbot, db, office_with_people, "ヤマダ")
    assert panel.retirement_slip_action.isVisible()
    assert not panel.payment_slip_action.isVisible()
    dialog = _opened(
        monkeypatch, qtbot, "ui.dialogs.retirement_slip_dialog.RetirementSlipDialog",
        panel.retirement_slip_action,
    )  # fmt: skip
    assert dialog.years.text() == "25"  # from the hire and leave dates on file
    assert dialog.amounts["retirement_deduction"].text() == "11,500,000"  # 800万 + 70万 × 5
    shown = _previews(monkeypatch)
    dialog.amounts["general_payment"].setText("12000000")
    dialog.amounts["general_tax"].setText("0")
    dialog.amounts["retirement_deduction"].setText("15000000")
    dialog.payer.name.setText("株式会社サンプル商事")
    dialog.payer.number.setText(PAYER_NO)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.saved.isHidden(), timeout=10000)
    stored = db.call(lambda: year_end.load(session, person_id, 2026, "taishoku"))
    assert stored is not None and stored.amounts["general_payment"] == 12_000_000
    assert stored.facts["left_on"] == "2026-03-31" and stored.facts["years_of_service"] == "25"

    for index, copy in enumerate(("recipient", "tax_office", "municipal")):
        dialog.copy_box.setCurrentIndex(dialog.copy_box.findData(copy))
        dialog.preview_button.click()
        qtbot.waitUntil(lambda index=index: len(shown) == index + 1, timeout=10000)
        pdf, plain_save = shown[index]
        text = _text(pdf)
        assert "山田太郎" in text
        if copy == "recipient":
            assert plain_save and NUMBER not in text and PAYER_NO not in text
        else:
            assert not plain_save and NUMBER in text and PAYER_NO in text
    forms = sorted(e.row.form for e in db.call(lambda: outputs.entries(session)))
    assert forms == ["taishoku/municipal", "taishoku/tax_office"]
    db.call(session.close)


def test_a_wrong_retirement_deduction_is_explained(
    qtbot, office_with_people: Workspace, db: DatabaseThread
) -> None:
    from ui.dialogs.retirement_slip_dialog import RetirementSlipDialog

    session = signed_in(db, office_with_people, MANAGER_LOGIN, MANAGER_PASSWORD)
    person_id = db.call(lambda: people.search(session, "ヤマダ").rows[0].id)
    dialog = RetirementSlipDialog(
        UiContext(office_with_people, db, session), person_id, "山田 太郎"
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.preview_button.isEnabled, timeout=10000)
    dialog.amounts["retirement_deduction"].setText("15005000")
    dialog.preview_button.click()
    error = dialog.findChild(QLabel, "slipError")
    assert not error.isHidden() and "万円" in error.text()
    # An amount of the table is named by its row and column.
    dialog.amounts["general_payment"].setText("1.5")
    dialog.preview_button.click()
    assert error.text() == (
        "「一般（第201条第1項第1号）の支払金額」には0以上の整数を円単位で入力してください。"
    )
    db.call(session.close)


def test_the_summary_table_shows_the_sums_and_previews(
    qtbot, office_with_people: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.summary_table_dialog import SummaryTableDialog

    session = signed_in(db, office_with_people, MANAGER_LOGIN, MANAGER_PASSWORD)
    sato = db.call(lambda: people.search(session, "サトウ").rows[0].id)
    yamada = db.call(lambda: people.search(session, "ヤマダ").rows[0].id)
    db.call(
        lambda: year_end.save(
            session, YearEndEntry(yamada, 2026, SALARY, {"payment": 1_500_000, "tax": 10_000})
        )
    )
    for slip, amount in ((1, 100_000), (2, 40_000)):
        db.call(
            lambda slip=slip, amount=amount: payment_forms.save(
                session,
                payment_forms.PaymentSlip(
                    sato, 2026, FEES, {"payment": amount}, {"payment_kind": "原稿料"}, slip
                ),
            )
        )
    dialog = SummaryTableDialog(UiContext(office_with_people, db, session), 2026)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "summaryTable")
    qtbot.waitUntil(lambda: table.item(0, 1) is not None, timeout=10000)
    assert table.item(0, 1).text() == "1" and table.item(0, 2).text() == "1,500,000"
    assert table.item(1, 1).text() == "0"  # the salary slip is not submitted
    # The payee was paid 140,000 yen of 原稿料 in the year, over 5万円: both slips are submitted
    # (the range is per payee per year, FORMS.md §3).
    assert table.item(4, 2).text() == "140,000"
    assert table.item(5, 2).text() == "140,000" and table.item(5, 4).text() == "2"
    office = db.call(lambda: office_repo.get(session.vault.conn))
    qtbot.waitUntil(lambda: dialog.payer.name.text() == office.name, timeout=10000)
    shown = _previews(monkeypatch)
    dialog.payer.name.clear()
    dialog.payer.name.setText("株式会社サンプル商事")
    dialog.payer.number.setText(PAYER_NO)
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    pdf, plain_save = shown[0]
    assert plain_save  # no one's My Number on it
    text = _text(pdf)
    assert PAYER_NO in text and "法定調書合計表" in text and "140" in text
    assert NUMBER not in text and PAYEE_NUMBER not in text
    db.call(session.close)
