"""The person page under the list: adding people, correcting and ending records (with the
correction record), dependents, correcting a number, and what an auditor sees."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from app.bootstrap import Workspace
from app.services import corrections, numbers, people, staff
from tests.conftest import AUDITOR_PASSWORD, MANAGER_LOGIN, MANAGER_PASSWORD, Office, add_member
from tests.ui.conftest import on_next_modal, open_window
from ui.tasks import DatabaseThread

NUMBER = "123456789018"
NEW_NUMBER = "983205673214"
SCOPES = ["purpose:tax_withholding", "purpose:health_pension", "kind:employee", "kind:dependent"]


@pytest.fixture
def office_with_one(office: Office) -> Workspace:
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
    yamada = people.register_employee(
        session, code="E001", name="山田 太郎", kana_text="ヤマダ タロウ", department="総務部"
    )
    numbers.register_number(session, yamada.id, NUMBER, NUMBER, ["tax_withholding"])
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    session.close()
    return Workspace(office.data.data_dir, office.clock)


def _page(
    qtbot, workspace: Workspace, db: DatabaseThread, login=MANAGER_LOGIN, pw=MANAGER_PASSWORD
):
    window = open_window(qtbot, workspace, db, login, pw)
    page = window.show_page("people")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.panel.profile is not None, timeout=10000)
    return window, page


def _save(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def _call(db: DatabaseThread, window, fn):
    session = window.context.session
    return db.call(lambda: fn(session))


def test_add_an_employee_with_a_mistake_first(
    qtbot, office_with_one: Workspace, db: DatabaseThread
) -> None:
    window, page = _page(qtbot, office_with_one, db)
    messages: list[str] = []

    def fill(dialog) -> None:
        dialog.fields["code"].setText("E002")
        dialog.fields["name"].setText("佐藤 花子")
        dialog.fields["kana"].setText("Sato")
        dialog.fields["department"].setCurrentText("介護課")
        dialog.fields["hire_date"].setText("令和8年4月1日")
        _save(dialog)
        qtbot.waitUntil(lambda: "カタカナ" in dialog.message.text(), timeout=10000)
        messages.append(dialog.message.text())
        assert dialog.isVisible()  # nothing typed is lost
        dialog.fields["kana"].setText("さとう はなこ")
        _save(dialog)

    on_next_modal(fill)
    page.add_employee_button.click()
    qtbot.waitUntil(
        lambda: page.panel.profile is not None and page.panel.profile.details.code == "E002",
        timeout=10000,
    )
    details = page.panel.profile.details
    assert (details.name, details.department, details.hire_date) == (
        "佐藤 花子",
        "介護課",
        "2026-04-01",
    )
    assert page.panel.register_button.isVisible()
    qtbot.waitUntil(
        lambda: page.model.rowCount() == 1 and page.model.person(0).code == "E002", timeout=10000
    )
    window.close()


def test_correct_the_record_with_a_reason_and_read_the_history(
    qtbot, office_with_one: Workspace, db: DatabaseThread
) -> None:
    window, page = _page(qtbot, office_with_one, db)
    seen: list[str] = []

    def edit(dialog) -> None:
        assert dialog.fields["name"].text() == "山田 太郎"
        _save(dialog)  # nothing changed yet: said so, and no reason is asked for
        qtbot.waitUntil(
            lambda: "変更された項目はありません" in dialog.message.text(), timeout=10000
        )
        dialog.fields["name"].setText("鈴木 太郎")
        _save(dialog)
        qtbot.waitUntil(lambda: "理由" in dialog.message.text(), timeout=10000)
        seen.append(dialog.message.text())
        dialog.reason.setCurrentText("婚姻・離婚等による氏名の変更")
        _save(dialog)

    on_next_modal(edit)
    page.panel.edit_button.click()
    qtbot.waitUntil(
        lambda: page.panel.profile is not None and page.panel.profile.details.name == "鈴木 太郎",
        timeout=10000,
    )
    qtbot.waitUntil(lambda: page.model.person(0).name == "鈴木 太郎", timeout=10000)
    assert "訂正の記録 1件" in page.panel.subtitle.text()

    def history(dialog) -> None:
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
        seen.append("|".join(dialog.table.item(0, column).text() for column in range(1, 6)))
        dialog.reject()

    on_next_modal(history)
    page.panel.history_action.trigger()
    assert seen[-1] == "管理 花子|婚姻・離婚等による氏名の変更|氏名|山田 太郎|鈴木 太郎"
    window.close()


def test_dependents_are_added_listed_and_opened(
    qtbot, office_with_one: Workspace, db: DatabaseThread
) -> None:
    window, page = _page(qtbot, office_with_one, db)
    panel = page.panel
    assert panel.family_box.isVisible() and panel.family.rowCount() == 0

    def fill(dialog) -> None:
        dialog.fields["name"].setText("山田 花子")
        dialog.fields["kana"].setText("ヤマダ ハナコ")
        dialog.fields["relation"].setCurrentText("配偶者")
        dialog.fields["pension_category3"].setChecked(True)
        _save(dialog)

    on_next_modal(fill)
    panel.add_dependent_button.click()
    qtbot.waitUntil(
        lambda: panel.profile is not None and panel.family.rowCount() == 1, timeout=10000
    )
    assert panel.family.item(0, 0).text() == "配偶者"
    assert panel.family.item(0, 3).text() == "未登録"
    panel.family.doubleClicked.emit(panel.family.model().index(0, 0))
    qtbot.waitUntil(
        lambda: panel.profile is not None and panel.profile.details.kind == "dependent",
        timeout=10000,
    )
    assert panel.employee_button.isVisible() and "山田 太郎" in panel.employee_button.text()
    assert "該当" in panel.facts.text() and "総務部" in panel.facts.text()
    panel.employee_button.click()
    qtbot.waitUntil(
        lambda: panel.profile is not None and panel.profile.details.kind == "employee",
        timeout=10000,
    )
    window.close()


def test_leaving_is_recorded_with_its_day_and_reason(
    qtbot, office_with_one: Workspace, db: DatabaseThread
) -> None:
    window, page = _page(qtbot, office_with_one, db)
    panel = page.panel
    assert panel.retire_action.text() == "退職の登録…"

    def fill(dialog) -> None:
        assert dialog.date_edit.text() == "2026年11月23日"  # today by the session's clock
        dialog.date_edit.setText("2026/10/31")
        _save(dialog)
        qtbot.waitUntil(lambda: "理由" in dialog.message.text(), timeout=10000)
        dialog.reason.setCurrentText("自己都合退職")
        _save(dialog)

    on_next_modal(fill)
    panel.retire_action.trigger()
    qtbot.waitUntil(
        lambda: panel.profile is not None and panel.profile.details.status == "left", timeout=10000
    )
    assert panel.profile.details.leave_date == "2026-10-31"
    assert "退職（2026年10月31日）" in panel.subtitle.text()
    assert not panel.retire_action.isVisible()
    # The list marks the ended record (it stays while the number must be kept).
    from ui.models.people_table_model import PeopleColumn

    kind = page.model.index(0, PeopleColumn.KIND)
    qtbot.waitUntil(lambda: page.model.data(kind) == "従業員・退職", timeout=10000)
    window.close()


def test_a_wrong_number_is_corrected_and_needs_a_check_again(
    qtbot, office_with_one: Workspace, db: DatabaseThread
) -> None:
    window, page = _page(qtbot, office_with_one, db)
    panel = page.panel
    assert panel.correct_number_button.isVisible() and not panel.register_button.isVisible()

    def enter(dialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.first_edit.setText(NUMBER)
        dialog.second_edit.setText(NUMBER)
        assert not ok.isEnabled() and "理由" in dialog.status.text()
        dialog.reason.setCurrentText("入力誤りの訂正")
        assert ok.isEnabled()
        ok.click()
        # Refused by the service: the dialog stays, says why, and keeps what was typed.
        qtbot.waitUntil(lambda: "同じです" in dialog.status.text(), timeout=10000)
        assert dialog.isVisible() and dialog.reason.currentText() == "入力誤りの訂正"
        dialog.first_edit.setText(NEW_NUMBER)
        dialog.second_edit.setText(NEW_NUMBER)
        ok.click()

    on_next_modal(enter)
    panel.correct_number_button.click()
    qtbot.waitUntil(
        lambda: panel.profile is not None and panel.profile.corrections == 1, timeout=10000
    )
    person_id = panel.profile.details.id
    shown = _call(db, window, lambda s: numbers.reveal(s, person_id, "tax_withholding"))
    assert shown.number.digits() == NEW_NUMBER
    records = _call(db, window, lambda s: corrections.history(s, person_id))
    assert records[0].changes[0]["label"] == "個人番号"
    assert NUMBER not in str(records) and NEW_NUMBER not in str(records)
    window.close()


def test_the_auditor_reads_the_page_but_changes_nothing(
    qtbot, office_with_one: Workspace, db: DatabaseThread
) -> None:
    """The auditor has no 人員 page in the window; the panel itself still offers nothing to
    change and no way to ask for a number, should it ever be shown to them."""
    from tests.ui.conftest import signed_in
    from ui.context import UiContext
    from ui.widgets.person_panel import PersonPanel

    session = signed_in(db, office_with_one, "kansa", AUDITOR_PASSWORD)
    panel = PersonPanel(UiContext(office_with_one, db, session))
    qtbot.addWidget(panel)
    panel.show()
    person_id = db.call(lambda: people.search(session, "ヤマダ").rows[0].id)
    panel.show_person(person_id)
    qtbot.waitUntil(lambda: panel.profile is not None, timeout=10000)
    assert panel.history_action.isVisible()
    for button in (
        panel.edit_button,
        panel.correct_number_button,
        panel.register_button,
        panel.verify_button,
        panel.add_dependent_button,
    ):
        assert not button.isVisible(), button.objectName()
    for action in (panel.retire_action, panel.requests_action, panel.notice_action):
        assert not action.isVisible(), action.objectName()
    # Nothing to do, so nothing is marked as the next step.
    assert not [b for b in panel.findChildren(QPushButton) if b.property("primary") == "true"]
    assert not panel.number_widget.isVisible()
    assert panel.number_state.text() == "登録済み（本人確認待ち）"
    db.call(session.close)


def test_dates_are_read_in_the_ways_japanese_forms_write_them() -> None:
    from ui.dialogs.person_dialog import DateEdit

    edit = DateEdit()
    for text in ("2026-04-01", "2026/4/1", "2026年4月1日", "令和8年4月1日", "R8.4.1", "20260401"):
        edit.setText(text)
        assert edit.value() == date(2026, 4, 1), text
    edit.setText("")
    assert edit.value() is None
    edit.setText("来週")
    with pytest.raises(ValueError):
        edit.value()


def test_the_number_is_grouped_four_by_four_as_it_is_typed(qtbot) -> None:
    from ui.dialogs.number_entry_dialog import NumberEntryDialog

    dialog = NumberEntryDialog("山田 太郎", ["tax_withholding"])
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.first_edit, "12345678")
    assert dialog.first_edit.text() == "1234 5678"
    qtbot.keyClicks(dialog.first_edit, "9018")
    assert dialog.first_edit.text() == "1234 5678 9018"
    assert "正しい" not in dialog.status.text()  # the second entry is still missing
    qtbot.keyClicks(dialog.second_edit, "123456789018")
    assert dialog.second_edit.text() == "123456789018"  # hidden entry: not reformatted
    assert "正しい" in dialog.status.text()
    dialog.clear()
    assert dialog.first_edit.text() == "" and dialog.second_edit.text() == ""


@pytest.fixture
def office_with_a_deleted_number(office: Office) -> Workspace:
    from tests.services.number_deletion import delete_number

    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
    yamada = people.register_employee(
        session, code="E001", name="山田 太郎", kana_text="ヤマダ タロウ", department="総務部"
    )
    numbers.register_number(session, yamada.id, NUMBER, NUMBER, ["tax_withholding"])
    delete_number(session, yamada.id, MANAGER_PASSWORD)
    session.close()
    return Workspace(office.data.data_dir, office.clock)


def test_a_deleted_number_says_when_and_registering_one_again_asks_why(
    qtbot, office_with_a_deleted_number: Workspace, db: DatabaseThread
) -> None:
    import json

    from ui.models.people_table_model import PeopleColumn

    window, page = _page(qtbot, office_with_a_deleted_number, db)
    panel = page.panel
    deleted = "削除済み（2026年11月23日・記録番号 No. 1）"
    assert page.model.data(page.model.index(0, PeopleColumn.NUMBER)) == deleted
    assert panel.number_state.text() == deleted
    assert panel.register_button.isVisible() and panel.register_button.property("primary") == "true"

    def enter(dialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert dialog.deleted_banner.isVisible() and deleted in dialog.deleted_banner.text()
        dialog.first_edit.setText(NEW_NUMBER)
        dialog.second_edit.setText(NEW_NUMBER)
        assert not ok.isEnabled() and "理由" in dialog.status.text()
        assert not dialog.check_button.isEnabled()
        dialog.reason.setCurrentText("再雇用・再入社のため")
        assert ok.isEnabled()
        ok.click()

    on_next_modal(enter)
    panel.register_button.click()
    qtbot.waitUntil(lambda: panel.profile is not None and panel.profile.has_number, timeout=10000)
    assert panel.number_state.text() == "登録済み（本人確認待ち）"
    qtbot.waitUntil(
        lambda: page.model.data(page.model.index(0, PeopleColumn.NUMBER)) != deleted,
        timeout=10000,
    )
    logged = _call(
        db,
        window,
        lambda s: s.vault.conn.execute(
            "SELECT detail FROM audit_log WHERE action = 'number.registered_after_deletion'"
        ).fetchall(),
    )
    assert [json.loads(row[0])["reason"] for row in logged] == ["再雇用・再入社のため"]
    assert NEW_NUMBER not in str(logged)
    window.close()


def test_a_name_the_fonts_cannot_print_is_warned_about_and_kept(
    qtbot, office_with_one: Workspace, db: DatabaseThread
) -> None:
    """「𠮷」 prints (a bundled font has it); 「东」 does not: the dialog says what the papers
    print instead, and the name is registered as typed."""
    window, page = _page(qtbot, office_with_one, db)
    said: list[tuple[bool, str]] = []

    def fill(dialog) -> None:
        warning = dialog.findChild(QLabel, "personNameWarning")
        dialog.fields["name"].setText("𠮷田 一郎")
        said.append((warning.isVisible(), warning.text()))
        dialog.fields["name"].setText("东山 一郎")
        said.append((warning.isVisible(), warning.text()))
        dialog.fields["code"].setText("E002")
        dialog.fields["kana"].setText("ヒガシヤマ イチロウ")
        _save(dialog)

    on_next_modal(fill)
    page.add_employee_button.click()
    qtbot.waitUntil(
        lambda: page.panel.profile is not None and page.panel.profile.details.code == "E002",
        timeout=10000,
    )
    assert said[0][0] is False
    assert said[1][0] is True and "「东」→「東」" in said[1][1]
    assert page.panel.profile.details.name == "东山 一郎"
    window.close()
