"""The capture-exclusion call path (the Win32 call itself runs only on Windows)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.bootstrap import Workspace
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD
from tests.ui.conftest import signed_in
from ui import platform
from ui.main_window import MainWindow
from ui.tasks import DatabaseThread


def test_every_top_level_window_is_protected_and_again_after_win_id_change(qtbot) -> None:
    calls: list[int] = []
    app = QApplication.instance()
    guard = platform.install_capture_guard(
        app, on_failure=lambda: None, setter=lambda hwnd: calls.append(hwnd) or True
    )
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        box = QMessageBox(QMessageBox.Icon.Information, "t", "m")
        qtbot.addWidget(box)
        box.show()
        assert int(dialog.winId()) in calls
        assert int(box.winId()) in calls
        before = len(calls)
        QApplication.sendEvent(dialog, QEvent(QEvent.Type.WinIdChange))
        assert len(calls) == before + 1
        assert not guard.failed
    finally:
        app.removeEventFilter(guard)


def test_a_failure_shows_a_banner_and_is_logged(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    app = QApplication.instance()
    failures: list[bool] = []
    guard = platform.install_capture_guard(
        app, on_failure=lambda: failures.append(True), setter=lambda _hwnd: False
    )
    try:
        window = MainWindow(
            workspace,
            db,
            signed_in(db, workspace, MANAGER_LOGIN, MANAGER_PASSWORD),
            capture_failed=True,
        )
        qtbot.addWidget(window)
        window.show()
        assert failures == [True]
        assert window.capture_banner.isVisible()
        session = window.context.session
        qtbot.waitUntil(
            lambda: (
                db.call(
                    lambda: session.vault.conn.execute(
                        "SELECT count(*) FROM audit_log WHERE action = 'security.capture_exclusion_failed'"
                    ).fetchone()[0]
                )
                == 1
            ),
            timeout=10000,
        )
        window.close()
    finally:
        app.removeEventFilter(guard)


@pytest.mark.skipif(platform.IS_WINDOWS, reason="the portable fallback is for other systems")
def test_no_capture_guard_where_the_platform_has_none() -> None:
    assert platform.install_capture_guard(QApplication.instance(), on_failure=lambda: None) is None
    assert platform.system_idle_seconds() is None
    assert platform.caps_lock_on() is None


def test_an_exception_escaping_a_slot_is_logged_redacted_and_shown(qtbot, tmp_path) -> None:
    import sys

    from app.redaction import configure_logging
    from tests.ui.conftest import on_next_modal
    from ui.errors import install_crash_dialog

    configure_logging(tmp_path)
    previous = sys.excepthook
    install_crash_dialog()
    shown: list[str] = []
    try:
        on_next_modal(lambda box: (shown.append(box.text()), box.accept()))
        try:
            raise RuntimeError("failed near 1234 5678 9012")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert shown and "予期しないエラー" in shown[0]
    log_text = (tmp_path / "mynumber-desk.log").read_text(encoding="utf-8")
    assert "RuntimeError" in log_text
    assert "5678" not in log_text and "[REDACTED]" in log_text
