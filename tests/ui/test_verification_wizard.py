"""The identity verification wizard, driven as a clerk would: an employee in person with the
card, a payee by post with copies, a spouse's number brought by the employee with a 委任状, and
a refused 個人番号通知書."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QRadioButton, QWizard

from app.bootstrap import Workspace
from app.domain.verification import (
    Channel,
    Comparison,
    IdentityField,
    PresentedDocument,
    Subject,
    VerificationRequest,
)
from app.services import numbers, people, staff, verification
from tests.conftest import MANAGER_LOGIN, Office
from tests.ui.conftest import on_next_modal, open_window
from ui.tasks import DatabaseThread
from ui.verification_wizard import VerificationWizard

NUMBER = "123456789018"
SPOUSE_NUMBER = "983205673214"
CARD_EXPIRY = date(2031, 1, 1)
SCOPES = [
    "purpose:tax_withholding",
    "purpose:national_pension_3",
    "purpose:payment_records",
    "kind:employee",
    "kind:dependent",
    "kind:payee",
]


@pytest.fixture
def office_ready(office: Office) -> Workspace:
    return ready_office(office)


def ready_office(office: Office) -> Workspace:
    """An employee whose number waits for its check, his spouse (第3号) and a payee."""
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
    yamada = people.register_employee(
        session,
        code="E001",
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        birth_date=date(1980, 4, 1),
        department="総務部",
    )
    numbers.register_number(session, yamada.id, NUMBER, NUMBER, ["tax_withholding"])
    people.register_dependent(
        session,
        employee_id=yamada.id,
        name="山田 花子",
        kana_text="ヤマダ ハナコ",
        relation="妻",
        birth_date=date(1982, 5, 5),
        pension_category3=True,
    )
    people.register_payee(
        session,
        name="佐藤 一郎",
        kana_text="サトウ イチロウ",
        payment_kind="fees",
        continuing=False,
    )
    session.close()
    return Workspace(office.data.data_dir, office.clock)


def _ids(window, db: DatabaseThread) -> dict[str, int]:
    session = window.context.session
    page = db.call(lambda: people.search(session))
    return {p.name: p.id for p in page.rows}


def _wizard(qtbot, window, db: DatabaseThread, person_id: int) -> VerificationWizard:
    session = window.context.session
    ctx = db.call(lambda: verification.context(session, person_id))
    wizard = VerificationWizard(window.context, ctx, date(2026, 11, 23), window)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _tick(wizard: VerificationWizard, name: str) -> None:
    box = wizard.currentPage().findChild(QCheckBox, name)
    assert box is not None, name
    box.setChecked(True)


def _type(wizard: VerificationWizard, name: str, text: str) -> None:
    edit = wizard.currentPage().findChild(QLineEdit, name)
    assert edit is not None, name
    edit.setText(text)


def _choose(wizard: VerificationWizard, name: str) -> None:
    button = wizard.currentPage().findChild(QRadioButton, name)
    assert button is not None and button.isEnabled(), name
    button.setChecked(True)


def _compare(
    wizard: VerificationWizard, *fields: str, face: bool = True, agent_face: bool = False
) -> None:
    assert wizard.currentPage() is wizard.compare_page
    for field in fields:
        _choose(wizard, f"field_{field}_match")
    if face:
        _choose(wizard, "photo_principal_match")
    if agent_face:
        _choose(wizard, "photo_agent_match")
    wizard.next()


def _finish(qtbot, wizard: VerificationWizard) -> None:
    assert wizard.currentPage() is wizard.result_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled(), wizard.result_page.details.text()
    finish.click()
    qtbot.waitUntil(lambda: wizard.recorded is not None, timeout=10000)


def test_employee_in_person_with_the_card(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    wizard = _wizard(qtbot, window, db, _ids(window, db)["山田 太郎"])
    assert wizard.subject_page.buttons.keys() == {Subject.EMPLOYEE}
    wizard.next()
    _choose(wizard, "provider_self")
    wizard.next()
    # Phone needs a verified record on file; this number has none yet.
    phone = wizard.currentPage().findChild(QRadioButton, "channel_phone")
    assert (
        not phone.isEnabled()
        and "前に本人確認をした記録" in wizard.channel_page.reasons[Channel.PHONE].text()
    )
    _choose(wizard, "channel_in_person")
    wizard.next()
    assert wizard.currentPage() is wizard.documents_page
    _tick(wizard, "doc_individual_number_card_principal")
    # One tick serves both checks; the expiry is still needed.
    assert "✘ 身元確認" in wizard.documents_page.status.text()
    _type(wizard, "expiry_individual_number_card_principal", "2031-04-01")
    status = wizard.documents_page.status.text()
    assert "✔ 番号確認" in status and "✔ 身元確認" in status
    wizard.next()
    _compare(wizard, "name", "birth_date")
    # A number is on file (imported, waiting): the card's number is compared with it.
    assert wizard.currentPage() is wizard.number_page and not wizard.number_page.registering
    _type(wizard, "verifyNumberFirst", "1234 5678 9018")
    wizard.next()
    assert "本人確認ができました" in wizard.result_page.outcome.text()
    summary = wizard.result_page.summary.text()
    assert "個人番号カード（マイナンバーカード）：原本" in summary
    assert "氏名：一致、生年月日：一致" in summary
    assert "9018" not in summary
    _finish(qtbot, wizard)
    assert wizard.recorded.checks["identity"] == ["individual_number_card"]
    assert wizard.number_page.first.text() == ""  # nothing typed stays in memory


def test_payee_by_post_with_copies_registers_the_number(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    payee_id = _ids(window, db)["佐藤 一郎"]
    wizard = _wizard(qtbot, window, db, payee_id)
    _tick(wizard, "verifyPurpose_payment_records")
    wizard.next()
    wizard.next()
    _choose(wizard, "channel_post")
    assert not wizard.channel_page.known_employee.isVisible()
    wizard.next()
    _tick(wizard, "doc_resident_record_with_number_principal")
    _tick(wizard, "doc_drivers_license_principal")
    _type(wizard, "expiry_drivers_license_principal", "令和12年3月31日")
    for code in ("resident_record_with_number", "drivers_license"):
        form = wizard.documents_page.findChild(
            __import__("PySide6.QtWidgets", fromlist=["QComboBox"]).QComboBox,
            f"form_{code}_principal",
        )
        form.setCurrentIndex(form.findData("copy"))
    assert "✔ 身元確認" in wizard.documents_page.status.text()
    wizard.next()
    _compare(wizard, "name", "address", face=False)
    assert wizard.number_page.registering
    _type(wizard, "verifyNumberFirst", SPOUSE_NUMBER)
    _type(wizard, "verifyNumberSecond", SPOUSE_NUMBER)
    wizard.next()
    _finish(qtbot, wizard)
    assert [d["form"] for d in wizard.recorded.documents] == ["copy", "copy"]
    session = window.context.session
    person = db.call(lambda: people.readable(session, payee_id))
    assert person.has_number and not person.verification_pending


def test_spouse_through_the_employee_as_agent_with_a_power_of_attorney(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    ids = _ids(window, db)
    wizard = _wizard(qtbot, window, db, ids["山田 花子"])
    _choose(wizard, "subject_spouse_3go")
    assert "第3号" in wizard.subject_page.note.text()
    _tick(wizard, "verifyPurpose_national_pension_3")
    wizard.next()
    _choose(wizard, "provider_voluntary_agent")
    # The agent is the employee, filled in already.
    assert wizard.provider_page.agent_name.text() == "山田 太郎"
    _type(wizard, "agentRelationEdit", "夫")
    _tick(wizard, "agentKnownBox")
    wizard.next()
    _choose(wizard, "channel_in_person")
    wizard.next()
    titles = [
        box.title()
        for box in wizard.documents_page.findChildren(
            __import__("PySide6.QtWidgets", fromlist=["QGroupBox"]).QGroupBox
        )
    ]
    assert titles == ["代理権の確認", "代理人の身元確認（代理人の書類）", "番号確認（本人の書類）"]
    _tick(wizard, "doc_power_of_attorney_principal")
    _tick(wizard, "exemption_agent_exemption")
    _tick(wizard, "doc_resident_record_with_number_principal")
    status = wizard.documents_page.status.text()
    assert "✔ 代理権の確認" in status and "✔ 代理人の身元確認" in status
    wizard.next()
    _compare(wizard, "name", "birth_date", face=False)
    _type(wizard, "verifyNumberFirst", SPOUSE_NUMBER)
    _type(wizard, "verifyNumberSecond", SPOUSE_NUMBER)
    wizard.next()
    assert "任意代理人　山田 太郎（夫）" in wizard.result_page.summary.text()
    _finish(qtbot, wizard)
    assert wizard.recorded.subject == "spouse_3go"
    assert wizard.recorded.checks["agent_identity"] == ["agent_exemption"]


def test_a_number_notice_is_refused_with_the_reason(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    wizard = _wizard(qtbot, window, db, _ids(window, db)["佐藤 一郎"])
    _tick(wizard, "verifyPurpose_payment_records")
    wizard.next()
    wizard.next()
    wizard.next()
    _tick(wizard, "doc_number_notice_principal")
    _tick(wizard, "doc_drivers_license_principal")
    _type(wizard, "expiry_drivers_license_principal", "2031-01-01")
    status = wizard.documents_page.status.text()
    assert "「個人番号通知書（2020年5月25日以降に送られた紙の通知）」は使えません" in status
    assert "✘ 番号確認" in status
    wizard.next()
    _compare(wizard, "name", "birth_date")
    _type(wizard, "verifyNumberFirst", SPOUSE_NUMBER)
    _type(wizard, "verifyNumberSecond", SPOUSE_NUMBER)
    wizard.next()
    assert "本人確認が足りません" in wizard.result_page.outcome.text()
    assert "個人番号通知書" in wizard.result_page.details.text()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert wizard.result_page.summary.text() == ""


def test_the_person_page_opens_the_wizard_and_shows_the_records(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    page = window.show_page("people")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    ids = _ids(window, db)
    page.panel.show_person(ids["山田 太郎"])
    qtbot.waitUntil(lambda: page.panel.profile is not None, timeout=10000)
    assert page.panel.verify_button.isVisible()
    assert "本人確認待ち" in page.panel.number_state.text()
    seen: list[str] = []

    def cancel(wizard) -> None:
        seen.append(wizard.objectName())
        wizard.reject()

    on_next_modal(cancel)
    page.panel.verify_button.click()
    qtbot.waitUntil(lambda: seen == ["verificationWizard"], timeout=10000)


def test_a_dependent_on_the_employees_form_rests_on_the_employees_record(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    ids = _ids(window, db)
    wizard = _wizard(qtbot, window, db, ids["山田 花子"])
    _choose(wizard, "subject_dependent_tax")
    _tick(wizard, "verifyPurpose_tax_withholding")
    wizard.next()
    # No documents: the employee checked them. Which of the employee's forms, then the number.
    assert wizard.currentPage() is wizard.form_page
    wizard.next()
    assert wizard.currentPage() is wizard.number_page and wizard.number_page.registering
    _type(wizard, "verifyNumberFirst", SPOUSE_NUMBER)
    _type(wizard, "verifyNumberSecond", SPOUSE_NUMBER)
    wizard.next()
    # The employee's own number still waits for its check: nothing to rest on yet.
    assert "従業員本人の本人確認を先に" in wizard.result_page.details.text()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.reject()

    session = window.context.session
    employee = ids["山田 太郎"]
    db.call(
        lambda: verification.record(
            session,
            employee,
            verification.VerificationEntry(
                VerificationRequest(
                    Subject.EMPLOYEE,
                    documents=(
                        PresentedDocument("individual_number_card", expires_on=CARD_EXPIRY),
                    ),
                    comparison=Comparison(
                        frozenset({IdentityField.NAME, IdentityField.BIRTH_DATE}), True, True
                    ),
                ),
                date(2026, 11, 23),
                presented_number=NUMBER,
            ),
        )
    )
    wizard = _wizard(qtbot, window, db, ids["山田 花子"])
    _choose(wizard, "subject_dependent_tax")
    _tick(wizard, "verifyPurpose_tax_withholding")
    wizard.next()
    wizard.next()
    _type(wizard, "verifyNumberFirst", SPOUSE_NUMBER)
    _type(wizard, "verifyNumberSecond", SPOUSE_NUMBER)
    wizard.next()
    assert "従業員が本人確認をした" in wizard.result_page.outcome.text()
    assert "山田 太郎さんの本人確認記録" in wizard.result_page.summary.text()
    _finish(qtbot, wizard)
    assert wizard.recorded.outcome == "verified_by_employee"


def test_a_bad_date_stops_the_first_page_and_ticks_survive_going_back(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    wizard = _wizard(qtbot, window, db, _ids(window, db)["山田 太郎"])
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    for text, message in (("2026-11-24", "未来"), ("2015-10-04", "2015年10月5日"), ("", "確認日")):
        _type(wizard, "verifiedOnEdit", text)
        assert not next_button.isEnabled() and message in wizard.subject_page.day_error.text()
    _type(wizard, "verifiedOnEdit", "令和8年11月20日")
    assert next_button.isEnabled()
    wizard.next()
    wizard.next()
    wizard.next()
    _tick(wizard, "doc_resident_record_with_number_principal")
    _tick(wizard, "doc_drivers_license_principal")
    _type(wizard, "expiry_drivers_license_principal", "2031-01-01")
    # Back to say the clerk knows this employee from hiring: the list is rebuilt (the
    # exemption now applies) and what was ticked stays ticked.
    wizard.back()
    _tick(wizard, "knownEmployeeBox")
    wizard.next()
    page = wizard.documents_page
    assert page.findChild(QCheckBox, "doc_drivers_license_principal").isChecked()
    assert page.findChild(QLineEdit, "expiry_drivers_license_principal").text() == "2031-01-01"
    assert page.findChild(QCheckBox, "exemption_employer_exemption") is not None
    wizard.next()
    assert "照合した項目" in wizard.compare_page.status.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def _on_modal(name: str, action) -> None:
    """Run `action` on the modal dialog of this objectName once it is the active one (two
    dialogs follow each other here, so the first modal to show is not enough)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or widget.objectName() != name or not widget.isVisible():
            QTimer.singleShot(20, poll)
            return
        action(widget)

    QTimer.singleShot(0, poll)


def test_a_number_registered_then_checked_is_typed_twice_in_all(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    """「続けて本人確認」 carries the number just typed twice into the check (hidden); the
    service still compares it with the one on file; nothing stays once the wizard closes."""
    from PySide6.QtWidgets import QDialogButtonBox

    window = open_window(qtbot, office_ready, db)
    page = window.show_page("people")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    session = window.context.session
    suzuki = db.call(
        lambda: people.register_employee(
            session,
            code="E002",
            name="鈴木 一郎",
            kana_text="スズキ イチロウ",
            birth_date=date(1985, 1, 1),
            department="総務部",
        )
    )
    panel = page.panel
    panel.show_person(suzuki.id)
    qtbot.waitUntil(lambda: panel.profile is not None, timeout=10000)
    seen: dict[str, object] = {}

    def enter(dialog) -> None:
        assert dialog.check_button.isVisible() and not dialog.check_button.isEnabled()
        qtbot.keyClicks(dialog.first_edit, SPOUSE_NUMBER)
        qtbot.keyClicks(dialog.second_edit, SPOUSE_NUMBER)
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        dialog.check_button.click()

    def check(wizard) -> None:
        wizard.next()
        _choose(wizard, "provider_self")
        wizard.next()
        _choose(wizard, "channel_in_person")
        wizard.next()
        _tick(wizard, "doc_individual_number_card_principal")
        _type(wizard, "expiry_individual_number_card_principal", "2031-04-01")
        wizard.next()
        _compare(wizard, "name", "birth_date")
        number = wizard.number_page
        assert wizard.currentPage() is number and not number.registering
        seen["carried"] = (
            number.first.text() == SPOUSE_NUMBER,
            number.first.echoMode() == QLineEdit.EchoMode.Password,
            number.carried_note.isVisible(),
            panel._carried,
        )
        wizard.next()  # nothing typed a third time
        _finish(qtbot, wizard)
        seen["after"] = number.first.text()

    _on_modal("numberEntryDialog", enter)
    _on_modal("verificationWizard", check)
    panel.register_button.click()
    qtbot.waitUntil(lambda: "after" in seen, timeout=20000)
    assert seen["carried"] == (True, True, True, None)
    assert seen["after"] == ""
    qtbot.waitUntil(
        lambda: (
            panel.profile is not None
            and panel.profile.has_number
            and not panel.profile.verification_pending
        ),
        timeout=10000,
    )
    actions = db.call(
        lambda: [
            r[0]
            for r in session.vault.conn.execute(
                "SELECT action FROM audit_log WHERE target = ? ORDER BY seq",
                (f"person:{suzuki.id}",),
            )
        ]
    )
    assert actions[-2:] == ["number.registered", "verification.recorded"]
    window.close()


def test_the_number_carried_into_the_check_is_wiped_on_lock(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    page = window.show_page("people")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    panel = page.panel
    panel.show_person(_ids(window, db)["山田 太郎"])
    qtbot.waitUntil(lambda: panel.profile is not None, timeout=10000)
    carried = bytearray(NUMBER.encode())
    # Locked before the check could open: the buffer is overwritten, no wizard opens.
    session, window.context.session = window.context.session, None
    panel._verify(carried=carried)
    assert carried == bytearray(len(NUMBER)) and panel._carried is None
    window.context.session = session
    # Locked while the check's facts load: the page is cleared and the number with it.
    held = bytearray(NUMBER.encode())
    panel._verify(carried=held)
    assert panel._carried is held
    window.lock("shortcut")
    assert held == bytearray(len(NUMBER)) and panel._carried is None
    qtbot.waitUntil(lambda: not db.busy, timeout=10000)  # the facts arrive after the lock
    assert QApplication.activeModalWidget() is None  # and open nothing
    window.close()
