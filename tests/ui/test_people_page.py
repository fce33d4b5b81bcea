"""人員: search, register a number through the dialog, the purpose-bound reveal and the copy."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog

from app.bootstrap import Workspace
from app.domain.my_number import MASK
from app.domain.settings import SettingKey
from app.services import numbers, people, staff
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office
from tests.ui.conftest import on_next_modal, open_window
from ui.tasks import DatabaseThread

NUMBER = "123456789018"
SCOPES = ["purpose:tax_withholding", "purpose:health_pension", "kind:employee"]


@pytest.fixture
def office_with_people(office: Office) -> Workspace:
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
    yamada = people.register_employee(
        session,
        code="E001",
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        department="総務部",
        birth_date=date(1980, 4, 1),
    )
    numbers.register_number(session, yamada.id, NUMBER, NUMBER, ["tax_withholding"])
    people.register_employee(
        session, code="E002", name="佐藤 花子", kana_text="サトウ ハナコ", department="介護課"
    )
    session.close()
    return Workspace(office.data.data_dir, office.clock)


def _people_page(qtbot, workspace: Workspace, db: DatabaseThread):
    window = open_window(qtbot, workspace, db, MANAGER_LOGIN, MANAGER_PASSWORD)
    page = window.show_page("people")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    return window, page


def _select(qtbot, page, name: str) -> None:
    page.search_edit.setText(name)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.table.selectRow(0)


def _choose_first_purpose(dialog) -> None:
    assert isinstance(dialog, QInputDialog)
    assert "源泉徴収事務" in dialog.comboBoxItems()[0]
    dialog.accept()


def test_search_folds_kana_and_reveal_is_masked_again(
    qtbot, office_with_people: Workspace, db: DatabaseThread
) -> None:
    window, page = _people_page(qtbot, office_with_people, db)
    _select(qtbot, page, "やまだ")  # hiragana finds katakana
    widget = page.number_widget
    assert widget.isVisible() and widget.value.text() == MASK
    window.context.session.settings[SettingKey.REVEAL_SECONDS] = 1
    on_next_modal(_choose_first_purpose)
    widget.show_button.click()
    qtbot.waitUntil(lambda: widget.value.text() == "1234 5678 9018", timeout=10000)
    assert "9018" not in widget.value.accessibleName()
    qtbot.waitUntil(lambda: widget.value.text() == MASK, timeout=5000)
    # Revealed again, then the window locks: masked at once.
    on_next_modal(_choose_first_purpose)
    widget.show_button.click()
    qtbot.waitUntil(lambda: widget.revealed, timeout=10000)
    window.lock("shortcut")
    assert widget.value.text() == MASK
    window.close()


def test_copy_is_cleared_after_its_time_only_if_unchanged(
    qtbot, office_with_people: Workspace, db: DatabaseThread
) -> None:
    window, page = _people_page(qtbot, office_with_people, db)
    _select(qtbot, page, "ヤマダ")
    window.context.session.settings[SettingKey.CLIPBOARD_SECONDS] = 1
    clipboard = QGuiApplication.clipboard()
    on_next_modal(_choose_first_purpose)
    page.number_widget.copy_button.click()
    qtbot.waitUntil(lambda: clipboard.text() == NUMBER, timeout=10000)
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=5000)
    # A later copy by the user is never wiped.
    on_next_modal(_choose_first_purpose)
    page.number_widget.copy_button.click()
    qtbot.waitUntil(lambda: clipboard.text() == NUMBER, timeout=10000)
    clipboard.setText("the user's own text")
    qtbot.wait(1300)
    assert clipboard.text() == "the user's own text"
    session = window.context.session
    actions = db.call(
        lambda: [
            r[0]
            for r in session.vault.conn.execute(
                "SELECT action FROM audit_log WHERE action LIKE 'number.%'"
            )
        ]
    )
    assert actions.count("number.copied") == 2
    window.close()


def test_register_a_number_through_the_dialog(
    qtbot, office_with_people: Workspace, db: DatabaseThread
) -> None:
    window, page = _people_page(qtbot, office_with_people, db)
    _select(qtbot, page, "サトウ")
    assert page.register_button.isVisible()
    seen: list[str] = []

    def enter(dialog) -> None:
        dialog.first_edit.setText("983205673215")
        seen.append(dialog.status.text())
        dialog.first_edit.setText("９８３２－０５６７－３２１４")
        dialog.second_edit.setText("983205673214")
        seen.append(dialog.status.text())
        assert dialog.purpose_boxes.keys() == {"tax_withholding", "health_pension"}
        dialog.accept()

    on_next_modal(enter)
    page.register_button.click()
    qtbot.waitUntil(
        lambda: page.model.rowCount() == 1 and page.model.person(0).has_number, timeout=10000
    )
    assert page.model.person(0).name == "佐藤 花子"
    assert "検査用数字" in seen[0] and "正しい" in seen[1]
    window.close()


def test_purpose_notice_is_previewed_from_memory(
    qtbot, office_with_people: Workspace, db: DatabaseThread, tmp_path
) -> None:
    window, page = _people_page(qtbot, office_with_people, db)
    _select(qtbot, page, "ヤマダ")
    before = set(tmp_path.iterdir())
    seen: list[int] = []

    def look(dialog) -> None:
        seen.append(len(dialog.pdf))
        dialog.reject()

    on_next_modal(look)
    page.notice_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert seen[0] > 1000
    assert set(tmp_path.iterdir()) == before
    window.close()
