"""記録 as the auditor uses it: the log of a working day in words (names and kinds, never a
record or program code), the chosen entry in full, filters by person and by kind of action,
and the CSV export in either encoding."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from app.bootstrap import Workspace
from tests.conftest import AUDITOR_PASSWORD, Office
from tests.services.test_audit_text import ENGLISH_CODE
from tests.support import audit_scenario
from tests.ui.conftest import open_window
from ui import file_dialogs
from ui.models.audit_table_model import AuditColumn, AuditTableModel
from ui.pages.audit_page import AccessLogPage
from ui.tasks import DatabaseThread


@pytest.fixture
def workday(office: Office, tmp_path: Path) -> Workspace:
    audit_scenario.build(office, tmp_path)
    office.manager.close()
    return Workspace(office.data.data_dir, office.clock)


def _page(qtbot, workspace: Workspace, db: DatabaseThread) -> AccessLogPage:
    window = open_window(qtbot, workspace, db, "kansa", AUDITOR_PASSWORD)
    page = window.show_page("records")
    assert isinstance(page, AccessLogPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    return page


def _cells(model: AuditTableModel, column: AuditColumn, role=Qt.ItemDataRole.DisplayRole):
    return [model.data(model.index(row, column), role) for row in range(model.rowCount())]


def _row_of(page: AccessLogPage, action: str) -> int:
    return _cells(page.model, AuditColumn.ACTION).index(action)


def _refetched(qtbot, page: AccessLogPage, press) -> None:
    """Run `press` and wait for the page the service sends back."""
    with qtbot.waitSignal(page.model.modelReset, timeout=10000):
        press()


def test_the_log_shows_names_and_kinds_and_no_code(
    qtbot, workday: Workspace, db: DatabaseThread
) -> None:
    page = _page(qtbot, workday, db)
    model = page.model
    assert model.total > 60
    for column in AuditColumn:
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            for cell in _cells(model, column, role):
                text = "" if cell is None else str(cell)
                assert "person:" not in text and "request:" not in text, text
                assert not ENGLISH_CODE.search(text), text
    row = _row_of(page, "個人番号の表示")
    assert model.data(model.index(row, AuditColumn.TARGET)) == "山田 太郎（従業員）"
    assert model.data(model.index(row, AuditColumn.DETAIL)) == "利用目的：源泉徴収事務"
    assert model.data(model.index(row, AuditColumn.ACTOR)) == "職員 Tanto"
    assert model.data(model.index(row, AuditColumn.TS)) == "2026年11月23日 09:00"
    targets = set(_cells(model, AuditColumn.TARGET))
    assert {"山田 花子（扶養親族）", "鈴木 一郎（支払先）", "職員 Tanto（tanto）"} <= targets

    page.table.selectRow(row)
    details = page.details.values()
    assert details["対象"] == "山田 太郎" and details["対象の区分"] == "従業員"
    assert details["利用目的"] == "源泉徴収事務"
    assert details["操作者"] == "職員 Tanto（tanto）"
    assert page.details.sentence.text() == "山田 太郎（従業員）の個人番号を画面に表示しました。"
    tooltip = model.data(model.index(row, AuditColumn.DETAIL), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.splitlines() == [
        "山田 太郎（従業員）の個人番号を画面に表示しました。",
        "利用目的：源泉徴収事務",
    ]


def test_filters_by_person_and_kind_of_action(
    qtbot, workday: Workspace, db: DatabaseThread
) -> None:
    page = _page(qtbot, workday, db)
    everything = page.model.total
    page.person_edit.setText("山田 太郎")
    _refetched(qtbot, page, page.person_edit.returnPressed.emit)
    assert set(_cells(page.model, AuditColumn.TARGET)) == {
        "山田 太郎（従業員）",
        "開示の請求（山田 太郎）",
    }
    assert page.model.total < everything

    page.group_combo.setCurrentIndex(page.group_combo.findText("閲覧・コピー"))
    actions = [page.action_combo.itemText(i) for i in range(page.action_combo.count())]
    assert actions == [
        "すべての操作",
        "個人番号のコピー",
        "個人番号の表示",
        "委託先の削除証明の閲覧",
        "本人確認書類の写しの表示",
    ]
    _refetched(qtbot, page, page.apply_button.click)
    assert sorted(_cells(page.model, AuditColumn.ACTION)) == [
        "個人番号のコピー",
        "個人番号の表示",
        "本人確認書類の写しの表示",
    ]
    page.action_combo.setCurrentIndex(page.action_combo.findText("個人番号のコピー"))
    _refetched(qtbot, page, page.apply_button.click)
    assert _cells(page.model, AuditColumn.DETAIL) == ["利用目的：雇用保険届出事務"]

    _refetched(qtbot, page, page.reset_button.click)
    assert page.model.total == everything and page.person_edit.text() == ""


def test_the_page_keeps_to_the_look(qtbot, workday: Workspace, db: DatabaseThread) -> None:
    page = _page(qtbot, workday, db)
    primary = [b for b in page.findChildren(QPushButton) if b.property("primary") == "true"]
    assert primary == [page.apply_button]
    headings = [w for w in page.findChildren(QLabel) if w.property("role") == "heading"]
    assert [h.text() for h in headings] == ["アクセス記録"]
    assert all(w.styleSheet() == "" for w in page.findChildren(QWidget))
    assert page.export_button.isVisibleTo(page)

    # The target column has no order of its own: the arrow stays where the order is.
    header = page.table.horizontalHeader()
    header.setSortIndicator(AuditColumn.TARGET, Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == AuditColumn.SEQ
    _refetched(
        qtbot, page, lambda: header.setSortIndicator(AuditColumn.SEQ, Qt.SortOrder.AscendingOrder)
    )
    assert _cells(page.model, AuditColumn.SEQ)[:2] == [1, 2]


@pytest.mark.parametrize(
    ("choice", "encoding"),
    [
        ("CSV（Excel用、UTF-8） (*.csv)", "utf-8-sig"),
        ("CSV（古いExcel用、Shift_JIS） (*.csv)", "cp932"),
    ],
)
def test_the_export_writes_the_csv_in_the_chosen_encoding(
    qtbot,
    workday: Workspace,
    db: DatabaseThread,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    choice: str,
    encoding: str,
) -> None:
    page = _page(qtbot, workday, db)
    out = tmp_path / "記録.csv"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(out), choice))
    page.export_button.click()
    qtbot.waitUntil(out.exists, timeout=10000)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw.decode(encoding), newline="")))
    assert rows[0][:4] == ["通し番号", "日時", "操作者", "ログイン名"]
    assert any(row[6] == "山田 太郎" and row[7] == "従業員" for row in rows[1:])
    qtbot.waitUntil(lambda: "書き出しました" in page.result.text(), timeout=10000)
    assert page.result.property("role") == "ok"


def test_the_model_passes_the_model_tester(
    qtmodeltester, qtbot, workday: Workspace, db: DatabaseThread
) -> None:
    page = _page(qtbot, workday, db)
    qtmodeltester.check(page.model)
