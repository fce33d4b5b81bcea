"""Issue 15 in the identity check wizard, driven as a clerk would: 「一致しない」 for a photo stops
the check (asked apart for the person and the agent), the 健康保険証 listed as ended, each field
一致／相違 with a note, one card needing no comparison, a changed 通知カード, the fallback reason,
the purposes deciding the 告示 documents, an agent refused on the phone with the reason, and a
dependant's form and year."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QRadioButton, QWizard

from app.bootstrap import Workspace
from app.domain.verification import Channel, Check, Holder, IdentityField
from tests.conftest import Office
from tests.ui.conftest import open_window
from tests.ui.test_verification_wizard import (
    SPOUSE_NUMBER,
    _choose,
    _compare,
    _finish,
    _ids,
    _tick,
    _type,
    _wizard,
    ready_office,
)
from ui.dialogs.verifications_dialog import VerificationsDialog
from ui.tasks import DatabaseThread


@pytest.fixture
def office_ready(office: Office) -> Workspace:
    return ready_office(office)


def _finish_enabled(wizard) -> bool:
    return wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def _to_documents(wizard, *, purpose: str | None = None, channel: str = "channel_in_person"):
    if purpose:
        _tick(wizard, f"verifyPurpose_{purpose}")
    wizard.next()
    _choose(wizard, "provider_self")
    wizard.next()
    _choose(wizard, channel)
    wizard.next()
    assert wizard.currentPage() is wizard.documents_page


def test_a_photo_that_does_not_match_stops_the_check_with_no_green_line(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    wizard = _wizard(qtbot, window, db, _ids(window, db)["山田 太郎"])
    _to_documents(wizard)
    _tick(wizard, "doc_individual_number_card_principal")
    _type(wizard, "expiry_individual_number_card_principal", "2031-04-01")
    # The known-employee exemption would have made up for the card before (issue 15 item 1).
    wizard.next()
    page = wizard.compare_page
    assert page.findChild(QLabel, "cardAloneNote").isVisible()
    _choose(wizard, "photo_principal_differs")
    assert page.findChild(QLabel, "photoWarning").isVisible()
    wizard.next()
    _type(wizard, "verifyNumberFirst", "123456789018")
    wizard.next()
    outcome = wizard.result_page.outcome.text()
    details = wizard.result_page.details.text()
    assert "中止" in outcome and "中止してください" in details
    assert "✔" not in details and wizard.result_page.summary.text() == ""
    assert not _finish_enabled(wizard)


def test_the_agents_photo_is_asked_apart_from_the_persons(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    wizard = _wizard(qtbot, window, db, _ids(window, db)["山田 花子"])
    _choose(wizard, "subject_spouse_3go")
    _tick(wizard, "verifyPurpose_national_pension_3")
    wizard.next()
    _choose(wizard, "provider_voluntary_agent")
    _type(wizard, "agentRelationEdit", "夫")
    wizard.next()
    # On the phone an agent is refused, and the wizard says why (規9③).
    phone = wizard.currentPage().findChild(QRadioButton, "channel_phone")
    assert not phone.isEnabled()
    assert "第9条第3項" in wizard.channel_page.reasons[Channel.PHONE].text()
    _choose(wizard, "channel_in_person")
    wizard.next()
    _tick(wizard, "doc_power_of_attorney_principal")
    _tick(wizard, "doc_drivers_license_agent")
    _type(wizard, "expiry_drivers_license_agent", "2031-01-01")
    _tick(wizard, "doc_individual_number_card_principal")
    _type(wizard, "expiry_individual_number_card_principal", "2031-01-01")
    wizard.next()
    page = wizard.compare_page
    agent = page.findChild(QRadioButton, "photo_agent_differs")
    principal = page.findChild(QRadioButton, "photo_principal_match")
    assert agent.isVisible() and principal.isVisible()
    assert "本人も来ている場合" in page.photo_labels[Holder.PRINCIPAL].text()
    # The principal's photo alone does not answer for the agent's.
    _compare(wizard, "name", "birth_date", face=True)
    _type(wizard, "verifyNumberFirst", SPOUSE_NUMBER)
    _type(wizard, "verifyNumberSecond", SPOUSE_NUMBER)
    wizard.next()
    assert not _finish_enabled(wizard)
    assert "来た代理人の顔" in wizard.result_page.details.text()
    wizard.back()
    wizard.back()
    _choose(wizard, "photo_agent_match")
    wizard.next()
    wizard.next()
    assert _finish_enabled(wizard), wizard.result_page.details.text()
    summary = wizard.result_page.summary.text()
    assert summary.count("山田 太郎") == 1
    _finish(qtbot, wizard)
    assert wizard.recorded.facts["photos"]["agent"]["matches"] is True


def test_after_2025_12_01_the_health_insurance_card_is_listed_as_ended(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    wizard = _wizard(qtbot, window, db, _ids(window, db)["佐藤 一郎"])
    _to_documents(wizard, purpose="payment_records")
    page = wizard.documents_page
    kenpo = page.findChild(QCheckBox, "doc_health_insurance_card_principal")
    assert kenpo is not None
    kenpo.setChecked(True)
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "2025年12月1日までにすべて有効期限が来ました" in texts
    assert page.findChild(QCheckBox, "doc_eligibility_certificate_principal") is not None
    requirement = page.findChild(QLabel, "documentsStatus").text()
    assert "「公的医療保険の被保険者証（健康保険証）」は使えません" in requirement
    # The wizard's own example texts name the 資格確認書, not the 健康保険証.
    examples = [
        w.text() for w in page.findChildren(QLabel) if w.text().startswith(Check.IDENTITY.meaning)
    ]
    assert examples and all("健康保険証" not in text for text in examples)


def test_a_field_that_differs_with_its_note_and_the_fallback_reason_are_recorded(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    wizard = _wizard(qtbot, window, db, _ids(window, db)["佐藤 一郎"])
    _to_documents(wizard, purpose="payment_records")
    _tick(wizard, "doc_resident_record_with_number_principal")
    _tick(wizard, "doc_eligibility_certificate_principal")
    _type(wizard, "expiry_eligibility_certificate_principal", "2030-03-31")
    _tick(wizard, "doc_pension_book_principal")
    page = wizard.documents_page
    reason = page.findChild(QComboBox, "fallback_identity")
    assert reason.isVisibleTo(page)
    wizard.next()
    _choose(wizard, "field_name_match")
    _choose(wizard, "field_birth_date_match")
    _choose(wizard, "field_address_differs")
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # a difference needs its note
    wizard.compare_page.notes[IdentityField.ADDRESS].setCurrentText("旧住所")
    assert next_button.isEnabled()
    wizard.next()
    _type(wizard, "verifyNumberFirst", SPOUSE_NUMBER)
    _type(wizard, "verifyNumberSecond", SPOUSE_NUMBER)
    wizard.next()
    assert not _finish_enabled(wizard)
    assert "理由を記録してください" in wizard.result_page.details.text()
    for _ in range(3):
        wizard.back()
    reason.setCurrentText("顔写真付きの身分証明書を持っていない")
    for _ in range(3):
        wizard.next()
    assert _finish_enabled(wizard), wizard.result_page.details.text()
    summary = wizard.result_page.summary.text()
    assert "住所：相違（旧住所）" in summary and "顔写真付きの身分証明書を持っていない" in summary
    _finish(qtbot, wizard)
    facts = wizard.recorded.facts
    assert facts["comparison"]["address"] == {"result": "differs", "note": "旧住所"}
    assert facts["fallback_reasons"] == {"identity": "顔写真付きの身分証明書を持っていない"}


def test_a_changed_notification_card_can_be_entered_and_is_explained(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    wizard = _wizard(qtbot, window, db, _ids(window, db)["佐藤 一郎"])
    _to_documents(wizard, purpose="payment_records")
    _tick(wizard, "doc_notification_card_principal")
    _choose(wizard, "changed_notification_card_principal")
    status = wizard.documents_page.status.text()
    assert "今の住民票と違うため使えません" in status and "裏書き" in status
    _choose(wizard, "endorsed_notification_card_principal")
    assert "今の住民票と違う" not in wizard.documents_page.status.text()
    assert "✔ 番号確認" in wizard.documents_page.status.text()


def test_notice_only_documents_follow_the_purposes_chosen_first(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    wizard = _wizard(qtbot, window, db, _ids(window, db)["山田 花子"])
    _choose(wizard, "subject_spouse_3go")
    _to_documents(wizard, purpose="national_pension_3")
    page = wizard.documents_page
    assert page.findChild(QCheckBox, "doc_photo_staff_id_principal") is None
    left_out = page.findChild(QLabel, "leftOut_identity")
    assert left_out is not None and "顔写真付きの社員証" in left_out.text()


def test_a_dependants_form_and_year_are_recorded_not_in_person_defaults(
    qtbot, office_ready: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_ready, db)
    ids = _ids(window, db)
    # The employee's own check first (the wizard, card alone, no comparison needed).
    wizard = _wizard(qtbot, window, db, ids["山田 太郎"])
    _to_documents(wizard)
    _tick(wizard, "doc_individual_number_card_principal")
    _type(wizard, "expiry_individual_number_card_principal", "2031-04-01")
    wizard.next()
    _compare(wizard)  # nothing compared: one card
    _type(wizard, "verifyNumberFirst", "123456789018")
    wizard.next()
    assert "照合は不要" in wizard.result_page.summary.text()
    _finish(qtbot, wizard)
    wizard = _wizard(qtbot, window, db, ids["山田 花子"])
    _choose(wizard, "subject_dependent_tax")
    _tick(wizard, "verifyPurpose_tax_withholding")
    wizard.next()
    page = wizard.form_page
    assert page.form_box.currentText() == "給与所得者の扶養控除等（異動）申告書"
    # The check is on 2026-11-23: the form collected now is next year's.
    assert page.year_box.currentData() == 2027 and "令和9年分" in page.year_box.currentText()
    wizard.next()
    _type(wizard, "verifyNumberFirst", SPOUSE_NUMBER)
    _type(wizard, "verifyNumberSecond", SPOUSE_NUMBER)
    wizard.next()
    summary = wizard.result_page.summary.text()
    assert "山田 太郎（従業員）" in summary and "令和9年分" in summary
    _finish(qtbot, wizard)
    row = wizard.recorded
    assert row.provider == "" and row.channel == ""
    assert row.facts["employee_form"]["year"] == 2027
    # The person's list of records names the form where a channel would be.
    dialog = VerificationsDialog(window.context, ids["山田 花子"], "山田 花子", window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert "扶養控除等（異動）申告書（令和9年分）" in dialog.table.item(0, 2).text()
    assert dialog.table.item(0, 3).text().startswith("従業員　山田 太郎")
