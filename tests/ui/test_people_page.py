"""人員: search, register a number through the dialog, the purpose-bound reveal and the copy."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QPushButton

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
    # The person page below the list loads on the database thread.
    qtbot.waitUntil(lambda: page.panel.person_id == page.model.person(0).id, timeout=10000)


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


def test_showing_or_copying_a_number_never_widens_the_page(
    qtbot, office_with_people: Workspace, db: DatabaseThread
) -> None:
    """Issue 13: the window's minimum width went from 1068 to 1328 px once a number was shown
    or copied, wider than a 1366 px laptop screen, and stayed so."""
    window, page = _people_page(qtbot, office_with_people, db)
    window.resize(1366, 768)

    def widths() -> tuple[int, int]:
        return window.minimumSizeHint().width(), page.minimumSizeHint().width()

    before = widths()
    assert before[0] <= 1366 - 100
    _select(qtbot, page, "ヤマダ")
    assert widths() == before
    widget = page.number_widget
    on_next_modal(_choose_first_purpose)
    widget.show_button.click()
    qtbot.waitUntil(lambda: widget.revealed and widget.countdown.isVisible(), timeout=10000)
    assert widths() == before
    on_next_modal(_choose_first_purpose)
    widget.copy_button.click()
    qtbot.waitUntil(lambda: "クリップボード" in widget.countdown.text(), timeout=10000)
    assert widths() == before
    assert window.width() <= 1366
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
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

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
    page.panel.notice_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert seen[0] > 1000
    assert set(tmp_path.iterdir()) == before
    window.close()


def _import_file(tmp_path, rows: list[dict[str, str]], encoding: str = "cp932"):
    import csv
    import io

    from app.domain.import_layout import FIELDS

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS.values())
    for row in rows:
        writer.writerow([row.get(key, "") for key in FIELDS])
    path = tmp_path / "給与ソフト.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def _wizard(qtbot, page, path):
    from ui.import_wizard import ImportWizard

    wizard = ImportWizard(page.context, page)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10000)
    assert wizard.mapping_page.isComplete()  # template headers are matched by themselves
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.report is not None, timeout=10000)
    return wizard


def test_import_wizard_imports_a_cp932_file_and_reminds_to_delete_it(
    qtbot, office_with_people: Workspace, db: DatabaseThread, tmp_path
) -> None:
    window, page = _people_page(qtbot, office_with_people, db)
    path = _import_file(
        tmp_path,
        [
            {
                "kind": "従業員",
                "code": "E100",
                "name": "高橋 健太",
                "kana": "タカハシ ケンタ",
                "department": "総務部",
                "number": "983205673214",
                "purposes": "源泉徴収事務",
            },
            {"kind": "従業員", "code": "E101", "name": "小林 結衣", "kana": "コバヤシ ユイ"},
        ],
    )
    wizard = _wizard(qtbot, page, path)
    assert wizard.check_page.isComplete()
    assert "問題はありません" in wizard.check_page.summary.text()
    wizard.next()  # the commit page's Import
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10000)
    assert "個人番号 1" in wizard.done_page.result.text()
    assert "削除" in wizard.done_page.reminder.text()
    wizard.accept()
    page.load()  # what the page does after the wizard's exec() returns
    qtbot.waitUntil(lambda: page.model.total == 4, timeout=10000)
    window.close()


def test_import_wizard_lists_problems_and_imports_nothing(
    qtbot, office_with_people: Workspace, db: DatabaseThread, tmp_path
) -> None:
    window, page = _people_page(qtbot, office_with_people, db)
    path = _import_file(
        tmp_path,
        [
            {"kind": "従業員", "code": "E001", "name": "重複 コード", "kana": "チョウフク"},
            {
                "kind": "従業員",
                "code": "E102",
                "name": "番号 誤り",
                "kana": "バンゴウ",
                "number": "123456789012",
            },
        ],
    )
    wizard = _wizard(qtbot, page, path)
    assert not wizard.check_page.isComplete()
    # E001 is registered: its row is an update (listed field by field), not a problem.
    assert wizard.check_page.problems.rowCount() == 1
    assert wizard.check_page.problems.item(0, 0).text() == "3"
    changes = wizard.check_page.changes
    assert {changes.item(r, 0).text() for r in range(changes.rowCount())} == {"2"}
    assert "重複 コード" in {changes.item(r, 4).text() for r in range(changes.rowCount())}
    wizard.reject()
    page.search_edit.clear()
    page.load()
    qtbot.waitUntil(lambda: page.model.total == 2, timeout=10000)
    window.close()


def test_requests_dialog_records_an_answer_and_previews_the_record(
    qtbot, office_with_people: Workspace, db: DatabaseThread
) -> None:
    from ui.dialogs.requests_dialog import RequestsDialog

    window, page = _people_page(qtbot, office_with_people, db)
    _select(qtbot, page, "サトウ")
    assert page.panel.requests_action.isVisible()
    dialog = RequestsDialog(page.context, page.current.id, page.current.name, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.method_edit.setText("書面")
    dialog.answer_combo.setCurrentIndex(dialog.answer_combo.findData("refused"))
    dialog.reason_edit.setText("本人が提供を拒否")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert dialog.table.item(0, 2).text() == "提供を拒否"
    dialog.method_edit.clear()
    dialog.add_button.click()
    qtbot.waitUntil(lambda: "依頼の方法" in dialog.message.text(), timeout=10000)
    seen: list[bytes] = []
    on_next_modal(lambda preview: (seen.append(preview.pdf), preview.reject()))
    dialog.print_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert seen[0].startswith(b"%PDF")
    dialog.reject()
    window.close()


@pytest.fixture
def office_of_twenty(office: Office) -> Workspace:
    """Twenty employees, one of them with a family, and the family's numbers waiting."""
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, [*SCOPES, "kind:dependent"])
    families = (("加藤", "カトウ"), ("木村", "キムラ"), ("小林", "コバヤシ"), ("中村", "ナカムラ"))
    given = (("一郎", "イチロウ"), ("花子", "ハナコ"), ("健太", "ケンタ"), ("美咲", "ミサキ"))
    for index in range(20):
        (family, family_kana), (name, name_kana) = families[index % 4], given[index // 5 % 4]
        people.register_employee(
            session,
            code=f"E{index:03d}",
            name=f"{family} {name}",
            kana_text=f"{family_kana} {name_kana}",
            department="総務部",
        )
    ito = people.register_employee(
        session, code="E100", name="伊藤 翔", kana_text="イトウ ショウ", department="栄養課"
    )
    numbers.register_number(session, ito.id, NUMBER, NUMBER, ["tax_withholding"])
    for name, kana_text, relation, number in (
        ("伊藤 一郎", "イトウ イチロウ", "配偶者", "983205673214"),
        ("伊藤 結衣", "イトウ ユイ", "子", None),
    ):
        dependent = people.register_dependent(
            session, employee_id=ito.id, name=name, kana_text=kana_text, relation=relation
        )
        if number:
            numbers.register_number(session, dependent.id, number, number, ["tax_withholding"])
    session.close()
    return Workspace(office.data.data_dir, office.clock)


def _laptop_page(qtbot, workspace: Workspace, db: DatabaseThread):
    window = open_window(qtbot, workspace, db, MANAGER_LOGIN, MANAGER_PASSWORD)
    window.resize(1366, 768)
    page = window.show_page("people")
    qtbot.waitUntil(lambda: page.model.rowCount() == 23, timeout=10000)
    qtbot.waitUntil(lambda: page.splitter.sizes()[0] > 0, timeout=10000)
    return window, page


def _primaries(widget) -> list:
    return [
        b
        for b in widget.findChildren(QPushButton)
        if b.isVisible() and b.property("primary") == "true"
    ]


def test_a_laptop_screen_lists_fifteen_people_above_a_calm_person_page(
    qtbot, office_of_twenty: Workspace, db: DatabaseThread
) -> None:
    window, page = _laptop_page(qtbot, office_of_twenty, db)
    table, panel = page.table, page.panel
    bottom = table.viewport().height()
    whole_rows = [
        r for r in range(23) if table.rowViewportPosition(r) + table.rowHeight(r) <= bottom
    ]
    assert len(whole_rows) >= 15
    # Nothing selected: a quiet line, no empty frame waiting for a number.
    assert panel.placeholder.isVisible() and not panel.number_box.isVisible()
    assert _primaries(page) == [page.add_employee_button]
    # An employee with a family: the next step is the one primary action of the person page,
    # the number's actions sit together, the rare ones wait in その他.
    row = next(r for r in range(23) if page.model.person(r).name == "伊藤 翔")
    table.selectRow(row)
    qtbot.waitUntil(lambda: panel.profile is not None, timeout=10000)
    assert _primaries(panel) == [panel.verify_button]
    number_row = panel.number_widget.row
    for button in (panel.number_widget.show_button, panel.correct_number_button):
        assert number_row.indexOf(button) >= 0
    assert panel.more_button.isVisible() and panel.notice_action.isVisible()
    # The family is shown whole: every row, every column as wide as what it holds.
    family = panel.family
    assert family.rowCount() == 2
    for column in range(4):
        assert family.columnWidth(column) >= family.sizeHintForColumn(column), column
    assert family.horizontalHeader().length() <= family.viewport().width()
    assert family.rowViewportPosition(1) + family.rowHeight(1) <= family.viewport().height()
    assert "未登録" in [family.item(r, 3).text() for r in range(2)]
    window.close()


def test_the_split_between_list_and_person_page_is_the_users_and_kept(
    qtbot, office_of_twenty: Workspace, db: DatabaseThread
) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    window, page = _laptop_page(qtbot, office_of_twenty, db)
    before = page.splitter.sizes()
    handle = page.splitter.handle(1)
    middle = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    QTest.mouseMove(handle, middle - QPoint(0, 80))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=middle - QPoint(0, 80))
    moved = page.splitter.sizes()
    assert moved[0] < before[0] - 40
    window.close()
    again, page = _laptop_page(qtbot, office_of_twenty, db)
    assert page.splitter.sizes() == moved
    again.close()
