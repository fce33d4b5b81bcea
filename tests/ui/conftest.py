"""GUI test fixtures: the application with its Japanese catalogue, the database thread, and
helpers for modal dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.bootstrap import Workspace
from app.services import auth
from app.session import Session
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office
from ui.tasks import DatabaseThread

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def qapp_cls():
    return QApplication


@pytest.fixture(scope="session", autouse=True)
def japanese_catalogue(qapp: QApplication) -> None:
    """Compile ja.qm when it is missing or older than ja.ts, then set up the app as it starts."""
    import sys

    sys.path.insert(0, str(ROOT / "packaging"))
    import i18n

    ts, qm = i18n.TS, i18n.QM
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        i18n.compile_catalogue()
    from ui.application import create_application

    create_application()


@pytest.fixture(autouse=True)
def ui_settings_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each test starts with no remembered window layout (QSettings kept in its own folder,
    outside tmp_path, so a test that checks no file was written there sees only its own)."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def db() -> Iterator[DatabaseThread]:
    thread = DatabaseThread()
    yield thread
    thread.shutdown()


@pytest.fixture
def workspace(office: Office) -> Workspace:
    """The office with its manager signed out of the main thread (the GUI signs in again)."""
    office.manager.close()
    return Workspace(office.data.data_dir, office.clock)


def signed_in(db: DatabaseThread, workspace: Workspace, login: str, password: str) -> Session:
    return db.call(lambda: auth.sign_in(workspace.paths, login, password, workspace.clock))


def on_next_modal(action: Callable[[QWidget], None], timeout_ms: int = 5000) -> None:
    """Run `action` on the next modal dialog to open (the test continues into its exec())."""
    waited = [0]

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            waited[0] += 20
            if waited[0] < timeout_ms:
                QTimer.singleShot(20, poll)
            return
        action(widget)

    QTimer.singleShot(0, poll)


def open_window(
    qtbot,
    workspace: Workspace,
    db: DatabaseThread,
    login: str = MANAGER_LOGIN,
    password: str = MANAGER_PASSWORD,
    **options: object,
):
    """A main window for a member signed in through the database thread, shown."""
    from ui.main_window import MainWindow

    window = MainWindow(workspace, db, signed_in(db, workspace, login, password), **options)
    qtbot.addWidget(window)
    window.show()
    return window
