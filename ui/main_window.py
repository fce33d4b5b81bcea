"""The main window: navigation by role, status bar, menu, and locking that drops data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Workspace
from app.domain.access import Permission, may
from app.domain.settings import SettingKey
from app.services import audit, auth, backup, dashboard
from app.session import Session
from ui import icons, platform
from ui.clipboard import shared_clipboard
from ui.context import UiContext
from ui.errors import message_for, show_error
from ui.lock import IdleWatcher, LockScreen
from ui.pages.audit_page import AccessLogPage
from ui.pages.base import Page
from ui.pages.dashboard_page import DashboardPage
from ui.pages.people_page import PeopleListPage
from ui.pages.requests_page import RequestsPage
from ui.pages.retention_page import RetentionPage
from ui.pages.settings_page import SettingsPage
from ui.pages.staff_page import StaffPage
from ui.tasks import DatabaseThread

VERSION = "0.1.0"


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    factory: Callable[[UiContext], Page]
    # Shown to members holding any of these.
    permissions: tuple[Permission, ...]
    icon: str


class MainWindow(QMainWindow):
    signed_out = Signal()

    def __init__(
        self,
        workspace: Workspace,
        db: DatabaseThread,
        session: Session,
        *,
        idle_watcher: IdleWatcher | None = None,
        capture_failed: bool = False,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.workspace = workspace
        self.db = db
        self.context = UiContext(workspace, db, session)
        self.login = session.user.login_name
        self.display_name = session.user.display_name
        self.locked = False
        self.setWindowTitle(self.tr("MyNumber Desk"))
        self.resize(1100, 720)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(190)
        self.navigation.setIconSize(QSize(20, 20))
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.page_by_key: dict[str, Page] = {}
        for spec in self._page_specs():
            if not any(may(session.user.roles, p) for p in spec.permissions):
                continue
            page = spec.factory(self.context)
            self.page_by_key[spec.key] = page
            self.pages.addWidget(page)
            self.navigation.addItem(QListWidgetItem(icons.icon(spec.icon), spec.title))
        self.navigation.currentRowChanged.connect(self._show_page)
        settings_page = self.page_by_key.get("settings")
        if isinstance(settings_page, SettingsPage):
            settings_page.saved.connect(self._apply_settings)
        dashboard_page = self.page_by_key.get("dashboard")
        if isinstance(dashboard_page, DashboardPage):
            dashboard_page.open_requested.connect(self._open_from_dashboard)
        staff_page = self.page_by_key.get("staff")
        if isinstance(staff_page, StaffPage):
            staff_page.sign_in_again_requested.connect(self.sign_out)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        self.capture_banner = QLabel(
            self.tr(
                "Screen-capture protection could not be enabled: screen sharing or "
                "recording may show personal data. Tell the person responsible for this PC."
            )
        )
        self.capture_banner.setObjectName("captureBanner")
        self.capture_banner.setWordWrap(True)
        self.capture_banner.setStyleSheet("background: #fde7e9; color: #8a1c1c; padding: 6px;")
        self.capture_banner.hide()
        column.addWidget(self.capture_banner)
        row = QHBoxLayout()
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        column.addLayout(row)
        self.lock_screen = LockScreen()
        self.lock_screen.unlock_requested.connect(self._unlock)
        self.lock_screen.sign_out_requested.connect(self.sign_out)
        self.root = QStackedWidget()
        self.root.addWidget(content)
        self.root.addWidget(self.lock_screen)
        self.setCentralWidget(self.root)

        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.office_label = QLabel()
        self.office_label.setObjectName("statusOffice")
        self.countdown_label = QLabel()
        self.countdown_label.setObjectName("statusCountdown")
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addWidget(self.office_label)
        self.statusBar().addPermanentWidget(self.countdown_label)
        self._build_menu(session)

        minutes = int(session.settings.get(SettingKey.AUTO_LOCK_MINUTES, 5))
        self.idle = idle_watcher or IdleWatcher(minutes * 60, parent=self)
        self.idle.timeout_seconds = minutes * 60
        self.idle.setParent(self)
        self.idle.tick.connect(self._show_countdown)
        self.idle.expired.connect(lambda: self.lock("idle"))
        self.idle.start()
        self._show_session(session)
        self.navigation.setCurrentRow(0)
        app = QApplication.instance()
        self._session_events = (
            platform.watch_session_lock(app, self, lambda: self.lock("session"))
            if isinstance(app, QApplication)
            else None
        )
        if capture_failed:
            self.show_capture_warning()

    def show_capture_warning(self) -> None:
        """UI-03: a visible banner and an access-log entry when capture exclusion failed."""
        if self.capture_banner.isVisible():
            return
        self.capture_banner.show()
        self.context.run(audit.record_capture_exclusion_failure, owner=self)

    def _page_specs(self) -> list[PageSpec]:
        return [
            # The auditor sees the records only (SPEC §1: reads logs, never numbers).
            PageSpec(
                "dashboard",
                self.tr("Dashboard"),
                DashboardPage,
                (Permission.HANDLE_NUMBERS,),
                "home",
            ),
            PageSpec(
                "people", self.tr("People"), PeopleListPage, (Permission.HANDLE_NUMBERS,), "people"
            ),
            PageSpec(
                "retention",
                self.tr("Retention and deletion"),
                RetentionPage,
                (Permission.HANDLE_NUMBERS, Permission.READ_AUDIT),
                "calendar_clock",
            ),
            PageSpec(
                "requests",
                self.tr("Requests"),
                RequestsPage,
                (Permission.HANDLE_NUMBERS, Permission.DECIDE_REQUESTS),
                "mail_inbox",
            ),
            PageSpec(
                "records", self.tr("Records"), AccessLogPage, (Permission.READ_AUDIT,), "history"
            ),
            PageSpec(
                "staff", self.tr("Staff"), StaffPage, (Permission.MANAGE_STAFF,), "person_board"
            ),
            PageSpec(
                "settings",
                self.tr("Settings"),
                SettingsPage,
                (Permission.MANAGE_SETTINGS,),
                "settings",
            ),
        ]

    def _build_menu(self, session: Session) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(lambda: self.lock("shortcut"))
        file_menu.addAction(self.lock_action)
        if may(session.user.roles, Permission.MAKE_BACKUP):
            backup_action = QAction(self.tr("Back up…"), self)
            backup_action.setObjectName("backupAction")
            backup_action.triggered.connect(self._backup)
            file_menu.addAction(backup_action)
        if may(session.user.roles, Permission.REISSUE_RECOVERY_KEY):
            reissue_action = QAction(self.tr("Re-issue the recovery key…"), self)
            reissue_action.setObjectName("reissueRecoveryAction")
            reissue_action.triggered.connect(self._reissue_recovery_key)
            file_menu.addAction(reissue_action)
        password_action = QAction(self.tr("Change my password…"), self)
        password_action.triggered.connect(self._change_password)
        file_menu.addAction(password_action)
        self.sign_out_action = QAction(self.tr("Sign out"), self)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.triggered.connect(self.sign_out)
        file_menu.addAction(self.sign_out_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("About MyNumber Desk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _apply_settings(self) -> None:
        """A changed auto-lock time takes effect at once for this window."""
        session = self.context.session
        if session is not None:
            minutes = int(session.settings.get(SettingKey.AUTO_LOCK_MINUTES, 5))
            self.idle.timeout_seconds = minutes * 60
            self.idle.touch()

    def _show_session(self, session: Session) -> None:
        self.user_label.setText(
            self.tr("Signed in: %1 (%2)")
            .replace("%1", session.user.display_name)
            .replace("%2", session.user.role_labels)
        )
        demo = self.workspace.is_demo()
        if demo:
            self.office_label.setStyleSheet("background: #fff4ce; padding: 0 6px;")

        def show_office(summary: dashboard.DashboardSummary) -> None:
            text = summary.office_name
            if demo:
                text += self.tr(" — DEMO DATA, not for real numbers")
            self.office_label.setText(text)

        self.context.run(dashboard.summary, owner=self, on_done=show_office)

    def show_page(self, key: str) -> Page:
        """Select a page by its key (the navigation lists only the pages this member has)."""
        self.navigation.setCurrentRow(list(self.page_by_key).index(key))
        return self.page_by_key[key]

    def _open_from_dashboard(self, key: str, hint: str) -> None:
        """A dashboard card's button: its page, and there what the card points at."""
        if key in self.page_by_key:
            self.show_page(key).show_hint(hint)

    def current_page(self) -> Page | None:
        widget = self.pages.currentWidget()
        return widget if isinstance(widget, Page) else None

    def _show_page(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        page = self.current_page()
        if page is not None and not self.locked:
            page.load()

    def _show_countdown(self, seconds: int) -> None:
        self.countdown_label.setText(
            self.tr("Auto-lock in %1").replace("%1", f"{seconds // 60}:{seconds % 60:02d}")
        )

    # --- locking ------------------------------------------------------------------------

    def lock(self, reason: str = "") -> None:
        """Drop data, not just the view: pages cleared, dialogs closed, connection closed and
        keys zeroed on the database thread; then only the lock screen shows."""
        if self.locked:
            return
        if self.context.session is not None and self.context.session.user.id == 0:
            # A recovery-key session has no password to unlock with: locking ends it.
            self.sign_out()
            return
        self.locked = True
        self.idle.stop()
        shared_clipboard().clear_if_ours()
        for page in self.page_by_key.values():
            page.clear()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget is not self:
                widget.reject()
        session, self.context.session = self.context.session, None
        if session is not None:
            self.db.run_task(session.close, owner=self)
        self.root.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.lock_screen.prepare(self.display_name, self.login)
        self.countdown_label.setText(self.tr("Locked"))

    def _unlock(self, password: str) -> None:
        workspace, login = self.workspace, self.login
        self.db.run_task(
            lambda: auth.sign_in(workspace.paths, login, password, workspace.clock),
            owner=self,
            on_done=self._unlocked,
            on_error=lambda error: self.lock_screen.show_error(message_for(error)),
        )

    def _unlocked(self, session: Session) -> None:
        self.context.session = session
        self.locked = False
        self.root.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.idle.timeout_seconds = int(session.settings.get(SettingKey.AUTO_LOCK_MINUTES, 5)) * 60
        self.idle.start()
        page = self.current_page()
        if page is not None:
            page.load()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            self.lock("minimized")
        super().changeEvent(event)

    def sign_out(self) -> None:
        self.idle.stop()
        for page in self.page_by_key.values():
            page.clear()
        session, self.context.session = self.context.session, None
        if session is not None:
            self.db.run_task(lambda: auth.sign_out(session), owner=self)
        self.signed_out.emit()
        self.close()

    def closeEvent(self, event) -> None:
        self.idle.stop()
        session, self.context.session = self.context.session, None
        if session is not None:
            self.db.run_task(lambda: auth.sign_out(session), owner=self)
        super().closeEvent(event)

    # --- menu actions -------------------------------------------------------------------

    def _backup(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back up to which folder?"))
        if not folder:
            return
        from pathlib import Path

        target = Path(folder)
        self.context.run(
            lambda s: backup.make_backup(s, target),
            owner=self,
            on_done=lambda done: QMessageBox.information(
                self,
                self.tr("Backup made"),
                self.tr("The backup was written and checked: %1").replace("%1", str(done.path)),
            ),
        )

    def _reissue_recovery_key(self) -> None:
        from ui.dialogs.password_dialogs import ConfirmPasswordDialog
        from ui.dialogs.recovery_sheet import RecoverySheetDialog

        confirm = ConfirmPasswordDialog(self.tr("re-issue the recovery key"), self)
        if confirm.exec() != QDialog.DialogCode.Accepted:
            return
        password = confirm.password()

        def work(session: Session) -> bytes:
            from app.services import setup

            auth.reauthenticate(session, password)
            key = setup.reissue_recovery_key(session)
            return setup.recovery_sheet_pdf(session, key)

        self.context.run(
            work, owner=self, on_done=lambda pdf: RecoverySheetDialog(pdf, self).exec()
        )

    def _change_password(self) -> None:
        from ui.dialogs.password_dialogs import NewPasswordDialog

        dialog = NewPasswordDialog(
            self.tr("Change my password"),
            self.tr("Only your own key slot is re-encrypted; nothing else changes."),
            login=self.login,
            display_name=self.display_name,
            ask_current=True,
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        current, new = dialog.current_edit.text(), dialog.new_edit.text()
        self.context.run(
            lambda s: auth.change_password(s, current, new),
            owner=self,
            on_done=lambda _r: QMessageBox.information(
                self, self.tr("Password changed"), self.tr("Your password was changed.")
            ),
            on_error=lambda error: show_error(self, error),
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About MyNumber Desk"),
            self.tr(
                "MyNumber Desk %1\nKeeps the office's My Numbers as the My Number Act and "
                "the PPC guideline require."
            ).replace("%1", VERSION),
        )
