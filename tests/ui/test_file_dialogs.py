"""File dialogs and the auto-lock (#20 item 7): a dialog open when the screen locks is closed,
and no name chosen in it is handed back, so nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from app.bootstrap import Workspace
from tests.ui.conftest import on_next_modal, open_window
from ui import file_dialogs
from ui.lock import IdleWatcher
from ui.tasks import DatabaseThread


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _window_with_export(qtbot, workspace: Workspace, db: DatabaseThread, clock: FakeMonotonic):
    watcher = IdleWatcher(300, monotonic=clock, system_idle=lambda: None)
    window = open_window(qtbot, workspace, db, idle_watcher=watcher)
    return window, window.show_page("records")


def _recording(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """What the real save dialog hands back to the page."""
    returned: list[tuple[str, str]] = []
    real = file_dialogs.get_save_file_name

    def recorded(*args: object) -> tuple[str, str]:
        returned.append(real(*args))  # type: ignore[arg-type]
        return returned[-1]

    monkeypatch.setattr(file_dialogs, "get_save_file_name", recorded)
    return returned


def _file_dialogs_shown() -> list[QWidget]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()
    ]


def test_the_auto_lock_closes_an_open_save_dialog_and_nothing_is_written(
    qtbot, workspace: Workspace, db: DatabaseThread, tmp_path: Path, monkeypatch
) -> None:
    clock = FakeMonotonic()
    window, page = _window_with_export(qtbot, workspace, db, clock)
    returned = _recording(monkeypatch)
    target = tmp_path / "access-log.csv"
    seen: list[tuple[str, bool]] = []

    def while_open(dialog: QWidget) -> None:
        # Qt's own dialog, which reject() really closes (a native one may stay on screen).
        native_off = QFileDialog.Option.DontUseNativeDialog
        seen.append(
            (dialog.objectName(), isinstance(dialog, QFileDialog) and dialog.testOption(native_off))
        )
        if isinstance(dialog, QFileDialog):
            dialog.selectFile(str(target))  # a name typed, not yet saved
        clock.now += 301
        window.idle.check()  # the auto-lock fires with the dialog open

    on_next_modal(while_open)
    page.export_button.click()  # returns when the dialog's exec() ends
    assert seen == [("fileDialog", True)]
    assert window.locked
    assert returned == [("", "")]
    assert _file_dialogs_shown() == []
    assert file_dialogs.open_dialogs() == []
    assert not target.exists()
    window.close()


def test_a_dialog_that_outlives_the_lock_hands_back_no_name(
    qtbot, workspace: Workspace, db: DatabaseThread, tmp_path: Path, monkeypatch
) -> None:
    """As a native dialog that ignores reject() would: the name chosen in it after the lock
    is dropped all the same."""
    clock = FakeMonotonic()
    window, page = _window_with_export(qtbot, workspace, db, clock)
    returned = _recording(monkeypatch)
    target = tmp_path / "access-log.csv"
    monkeypatch.setattr(QFileDialog, "reject", lambda self: None)

    def while_open(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        clock.now += 301
        window.idle.check()
        assert window.locked
        assert dialog.isVisible()  # still open, as a native one could be
        dialog.selectFile(str(target))
        dialog.accept()  # someone at the unattended PC picks the name

    on_next_modal(while_open)
    page.export_button.click()
    assert returned == [("", "")]
    assert not target.exists()
    window.close()


def test_outside_a_lock_the_chosen_name_is_handed_back(
    qtbot, workspace: Workspace, db: DatabaseThread, tmp_path: Path, monkeypatch
) -> None:
    clock = FakeMonotonic()
    window, page = _window_with_export(qtbot, workspace, db, clock)
    returned = _recording(monkeypatch)
    target = tmp_path / "access-log.csv"

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(target))
        dialog.accept()

    on_next_modal(choose)
    page.export_button.click()
    assert len(returned) == 1
    assert Path(returned[0][0]) == target
    qtbot.waitUntil(target.exists, timeout=10000)
    window.close()


class _PrintDialogLeftOpen:
    """A native print dialog the lock cannot close: the member (or not) presses 印刷 after
    the screen locked."""

    def __init__(self, printer: object, parent: object) -> None:
        self.printer = printer

    def exec(self) -> int:
        file_dialogs.close_all()  # the lock, while the dialog is open
        return QDialog.DialogCode.Accepted.value

    def reject(self) -> None:
        pass

    def setOption(self, option: object, on: bool = True) -> None:
        pass


def test_a_print_confirmed_after_the_lock_is_dropped(qtbot, monkeypatch) -> None:
    from ui import printing

    painted: list[object] = []
    monkeypatch.setattr(printing, "QPrintDialog", _PrintDialogLeftOpen)
    monkeypatch.setattr(printing, "page_sizes", lambda pdf: [QSizeF(595, 842)])
    monkeypatch.setattr(printing, "QPainter", lambda printer: painted.append(printer))
    assert printing.print_pdf(None, b"%PDF-", "書類") is False
    assert painted == []
    assert file_dialogs.open_dialogs() == []
