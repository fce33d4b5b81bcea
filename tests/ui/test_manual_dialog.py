"""ヘルプ > 操作マニュアル: opened from the menu and with F1, the chapters listed, search narrowing
them, every chapter's screenshots found, no link followed, and the manual saved as a PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from app.bootstrap import Workspace
from app.services import manual
from tests.ui.conftest import open_window
from ui import file_dialogs
from ui.dialogs.manual_dialog import ManualDialog
from ui.tasks import DatabaseThread


def _open_dialog(window) -> ManualDialog:
    dialog = window.findChild(ManualDialog, "manualDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_help_menu_opens_the_manual_beside_the_work(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, workspace, db)
    action = window.findChild(QAction, "manualAction")
    assert action is not None
    action.trigger()
    dialog = _open_dialog(window)
    assert not dialog.isModal()
    chapters = dialog.findChild(type(dialog.chapter_list), "manualChapters")
    assert chapters.count() == 14
    assert chapters.item(0).text() == "1\u3000はじめに（役割と画面）"
    assert dialog.browser.toPlainText().startswith("1\u3000はじめに（役割と画面）")
    # A second F1 or menu click brings the same window forward, not another one.
    action.trigger()
    assert len(window.findChildren(ManualDialog)) == 1


def test_f1_opens_the_manual(qtbot, workspace: Workspace, db: DatabaseThread) -> None:
    window = open_window(qtbot, workspace, db)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(ManualDialog, "manualDialog") is not None)
    assert _open_dialog(window).windowTitle() == "操作マニュアル"


def test_search_keeps_the_chapters_holding_every_word(qtbot) -> None:
    dialog = ManualDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search_edit.setText("回復キー")
    shown = dialog.visible_chapters()
    assert "初期設定と回復用シート" in shown
    assert "PCの入れ替え・故障" in shown
    assert "取込み" not in shown
    # The chapter on screen is one that holds the words, with them selected.
    assert dialog.chapters[dialog.current].title in shown
    assert dialog.browser.textCursor().selectedText() == "回復キー"
    assert not dialog.no_match.isVisible()
    dialog.search_edit.setText("回復キー 取込み")
    assert dialog.visible_chapters() == []
    assert dialog.no_match.isVisible()
    dialog.search_edit.clear()
    assert len(dialog.visible_chapters()) == 14


def test_every_chapter_renders_with_its_screenshots(qtbot) -> None:
    dialog = ManualDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    referenced = 0
    for index, chapter in enumerate(dialog.chapters):
        dialog.chapter_list.setCurrentRow(index)
        assert dialog.current == index
        assert chapter.title in dialog.browser.toPlainText()
        for image in chapter.images():
            assert (manual.manual_dir() / image).is_file(), image
            assert dialog.image_loaded(image), image
            referenced += 1
    assert referenced >= 10
    assert not dialog.image_loaded("images/not-there.png")


def test_no_link_is_ever_followed(qtbot) -> None:
    dialog = ManualDialog()
    qtbot.addWidget(dialog)
    assert not dialog.browser.openLinks()
    assert not dialog.browser.openExternalLinks()


def test_the_manual_is_saved_as_a_pdf_from_the_help_menu(
    qtbot, workspace: Workspace, db: DatabaseThread, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, workspace, db)
    target = tmp_path / "manual"
    offered: list[str] = []

    def choose(_parent, _caption, directory, _filters):
        offered.append(directory)
        return str(target), ""

    monkeypatch.setattr(file_dialogs, "get_save_file_name", choose)
    window.findChild(QAction, "manualPdfAction").trigger()
    saved = tmp_path / "manual.pdf"
    qtbot.waitUntil(saved.exists, timeout=30000)
    qtbot.waitUntil(lambda: saved.stat().st_size > 100_000, timeout=30000)
    assert saved.read_bytes().startswith(b"%PDF")
    assert offered == ["マイナンバー管理デスク操作マニュアル_0.1.0.pdf"]


def test_search_finds_the_year_end_and_consignee_chapters(qtbot) -> None:
    dialog = ManualDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search_edit.setText("給与データ")
    shown = dialog.visible_chapters()
    assert "取込み" in shown
    assert "年末調整・法定調書" in shown
    dialog.search_edit.setText("ヒアリング 削除証明")
    assert dialog.visible_chapters() == ["記録（アクセス記録・漏えい等事案・委託先・点検・研修）"]
    dialog.search_edit.setText("とんぼ")
    assert dialog.visible_chapters() == ["年末調整・法定調書"]
