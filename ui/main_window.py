"""The main window: navigation by role, status bar, menu, and locking that drops data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Workspace
from app.domain.access import Permission, may
from app.domain.settings import SettingKey
from app.services import audit, auth, dashboard
from app.session import Session
from ui import file_dialogs, icons, platform, window_state
from ui.clipboard import shared_clipboard
from ui.context import UiContext
from ui.lock import IdleWatcher, LockScreen
from ui.main_menu import build_menu
from ui.pages.audit_page import AccessLogPage
from ui.pages.base import Page
from ui.pages.consignees_page import CONSIGNEE_READERS, ConsigneesPage
from ui.pages.dashboard_page import DashboardPage
from ui.pages.incidents_page import IncidentsPage
from ui.pages.inspection_page import InspectionPage
from ui.pages.people_page import PeopleListPage
from ui.pages.requests_page import RequestsPage
from ui.pages.retention_page import RetentionPage
from ui.pages.settings_page import SettingsPage
from ui.pages.staff_page import StaffPage
from ui.pages.year_end_page import YearEndPage
from ui.styles import set_role
from ui.tasks import DatabaseThread

# QSettings key of the remembered size and place (layout only), and the size of a first start.
GEOMETRY_KEY = "main_window"
DEFAULT_SIZE = (1280, 800)
# The smallest the window may be made by hand (less if the screen itself is smaller).
MINIMUM_SIZE = (760, 520)


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
    # Made by ui/main_menu.build_menu.
    lock_action: QAction
    sign_out_action: QAction

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
        self._watching_screen = False
        # Qt adds the program's name (applicationDisplayName) itself: 「人員 - マイナンバー管理デスク」.
        self.setWindowTitle("")

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(200)
        # The longest title (年末調整・法定調書) fits; a scroll bar would only hide the last item.
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        set_role(self.capture_banner, "banner-error")
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
        build_menu(self, session)

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
        self._session_events: platform.SessionWatch | None = (
            platform.watch_session_lock(app, self, lambda: self.lock("session"))
            if isinstance(app, QApplication)
            else None
        )
        if capture_failed:
            self.show_capture_warning()
        window_state.restore_geometry(self, GEOMETRY_KEY, DEFAULT_SIZE)
        self._keep_on_screen()

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
                "yearend",
                self.tr("Year-end and statutory forms"),
                YearEndPage,
                (Permission.HANDLE_NUMBERS,),
                "document_table",
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
                "incidents",
                self.tr("Incidents"),
                IncidentsPage,
                (Permission.READ_AUDIT, Permission.REGISTER_INCIDENTS),
                "warning",
            ),
            PageSpec(
                "consignees", self.tr("Consignees"), ConsigneesPage, CONSIGNEE_READERS, "handshake"
            ),
            PageSpec(
                "inspection",
                self.tr("Inspection and training"),
                InspectionPage,
                (Permission.READ_AUDIT, Permission.RECORD_TRAINING),
                "shield_task",
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
            set_role(self.office_label, "banner-warning")

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
        self._show_title()
        page = self.current_page()
        if page is not None and not self.locked:
            page.load()

    def _show_title(self) -> None:
        """The page's name, or that the screen is locked; never the program's name, which Qt
        adds once after it."""
        item = self.navigation.currentItem()
        if self.locked:
            self.setWindowTitle(self.tr("Screen locked"))
        elif item is not None:
            self.setWindowTitle(item.text())

    # --- size and place -----------------------------------------------------------------

    def _keep_on_screen(self) -> None:
        """The window fits the screen it is on: a page that asks for more room than the screen
        has is cut rather than pushing the window past the screen's edge. An explicit minimum
        stops the layout from raising the window's minimum to what the pages ask for."""
        area = window_state.available_geometry(self)
        self.setMinimumSize(min(MINIMUM_SIZE[0], area.width()), min(MINIMUM_SIZE[1], area.height()))
        if self.isMaximized() or self.isFullScreen():
            return
        frame = self.frameGeometry()
        if frame.width() > area.width() or frame.height() > area.height():
            extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
            window_state.fit_to_screen(self, area.width() - extra_w, area.height() - extra_h)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None and not self._watching_screen:
            self._watching_screen = True
            handle.screenChanged.connect(lambda _screen: self._keep_on_screen())
        self._keep_on_screen()

    def remember_geometry(self) -> None:
        window_state.save_geometry(self, GEOMETRY_KEY)

    def _show_countdown(self, seconds: int) -> None:
        self.countdown_label.setText(
            self.tr("Auto-lock in %1").replace("%1", f"{seconds // 60}:{seconds % 60:02d}")
        )

    # --- locking ------------------------------------------------------------------------

    def lock(self, reason: str = "") -> None:
        """Drop data, not just the view: pages cleared, dialogs closed, connection closed and
        keys zeroed on the database thread; then only the lock screen shows."""
        if self.locked or self.context.session is None:
            # Signed out (the sign-in prompt may be showing for the next member): nothing to
            # lock, and its dialogs are not ours to close.
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
        # File dialogs first (they hand back no name once the screen locked), then the rest.
        file_dialogs.close_all()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget is not self:
                widget.reject()
        session, self.context.session = self.context.session, None
        if session is not None:
            self.db.run_task(session.close, owner=self)
        self.root.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.lock_screen.prepare(self.display_name, self.login)
        self.countdown_label.setText(self.tr("Screen locked"))
        self._show_title()

    def _unlock(self, password: str) -> None:
        workspace, login = self.workspace, self.login
        self.db.run_task(
            lambda: auth.sign_in(workspace.paths, login, password, workspace.clock),
            owner=self,
            on_done=self._unlocked,
            on_error=self.lock_screen.show_failure,
        )

    def _unlocked(self, session: Session) -> None:
        self.context.session = session
        self.locked = False
        self.root.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.idle.timeout_seconds = int(session.settings.get(SettingKey.AUTO_LOCK_MINUTES, 5)) * 60
        self.idle.start()
        self._show_title()
        page = self.current_page()
        if page is not None:
            page.load()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            self.lock("minimized")
        super().changeEvent(event)

    def sign_out(self) -> None:
        """Data dropped and the window hidden before anyone is told: the sign-in that follows
        must not show this member's window behind it."""
        self.remember_geometry()
        self.idle.stop()
        self._stop_session_events()
        for page in self.page_by_key.values():
            page.clear()
        session, self.context.session = self.context.session, None
        if session is not None:
            self.db.run_task(lambda: auth.sign_out(session), owner=self)
        self.hide()
        self.signed_out.emit()
        self.close()

    def _stop_session_events(self) -> None:
        """Unregistered before the window goes: a Win+L at the next member's sign-in prompt
        must not reach this window (it closed that prompt and the program quit)."""
        if self._session_events is not None:
            self._session_events.close()
            self._session_events = None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible():
            self.remember_geometry()
        self.idle.stop()
        self._stop_session_events()
        session, self.context.session = self.context.session, None
        if session is not None:
            self.db.run_task(lambda: auth.sign_out(session), owner=self)
        super().closeEvent(event)
