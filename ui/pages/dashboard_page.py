"""ダッシュボード: the office, who is signed in, and what needs attention."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from app.domain.purposes import PersonKind
from app.services import backup, dashboard, verification
from app.services.dashboard import DashboardSummary
from app.services.verification import PendingVerifications
from ui.context import UiContext
from ui.pages.base import Page


class DashboardPage(Page):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("dashboardPage")
        self.title = QLabel()
        self.title.setObjectName("officeTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.who = QLabel()
        self.who.setObjectName("whoLabel")
        self.notices = QLabel()
        self.notices.setObjectName("noticesLabel")
        self.notices.setWordWrap(True)
        self.notices.setFrameShape(QFrame.Shape.StyledPanel)
        self.notices.setStyleSheet("padding: 10px;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("Notices")))
        layout.addWidget(self.notices)
        self.overdue: list[tuple[int, str]] = []
        self.destroyed_button = QPushButton(self.tr("Record a backup destroyed by hand…"))
        self.destroyed_button.setObjectName("backupDestroyedButton")
        self.destroyed_button.setVisible(False)
        self.destroyed_button.clicked.connect(self._destroyed_by_hand)
        layout.addWidget(self.destroyed_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(8)
        layout.addWidget(self._pending_box())
        layout.addStretch()

    def _pending_box(self) -> QGroupBox:
        """The people of the member's groups whose number waits for 本人確認, longest first;
        the wizard opens from here."""
        self.pending_box = QGroupBox(self.tr("Waiting for an identity check"))
        self.pending_box.setObjectName("pendingBox")
        self.pending_table = QTableWidget(0, 3)
        self.pending_table.setObjectName("pendingTable")
        self.pending_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Code / department")]
        )
        self.pending_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.pending_table.setColumnWidth(0, 180)
        self.pending_table.setColumnWidth(1, 110)
        self.pending_table.verticalHeader().hide()
        self.pending_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pending_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pending_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pending_table.setMinimumHeight(180)
        self.pending_table.doubleClicked.connect(self._verify_selected)
        self.pending_more = QLabel()
        self.pending_more.setObjectName("pendingMore")
        self.verify_button = QPushButton(self.tr("Identity check…"))
        self.verify_button.setObjectName("dashboardVerifyButton")
        self.verify_button.clicked.connect(self._verify_selected)
        row = QHBoxLayout()
        row.addWidget(self.pending_more)
        row.addStretch()
        row.addWidget(self.verify_button)
        inner = QVBoxLayout(self.pending_box)
        inner.addWidget(self.pending_table)
        inner.addLayout(row)
        self.pending_box.setVisible(False)
        self.pending_ids: list[int] = []
        return self.pending_box

    def _destroyed_by_hand(self) -> None:
        if not self.overdue:
            return
        names = [name for _id, name in self.overdue]
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Backup destroyed by hand"),
            self.tr("Which backup did you destroy (deleted, or the drive wiped)?"),
            names,
            0,
            False,
        )
        if not ok:
            return
        backup_id = self.overdue[names.index(chosen)][0]
        self.context.run(
            lambda s: backup.confirm_destroyed(s, backup_id),
            owner=self,
            on_done=lambda _none: self.load(),
        )

    def _show_pending(self, pending: PendingVerifications) -> None:
        self.pending_box.setVisible(pending.total > 0)
        self.pending_ids = [person.id for person in pending.people]
        self.pending_table.setRowCount(len(pending.people))
        for index, person in enumerate(pending.people):
            where = "　".join(part for part in (person.code, person.department) if part)
            values = (person.name, PersonKind(person.kind).label, where)
            for column, value in enumerate(values):
                self.pending_table.setItem(index, column, QTableWidgetItem(value))
        if pending.people:
            self.pending_table.selectRow(0)
        hidden = pending.total - len(pending.people)
        self.pending_more.setText(
            self.tr("%1 more not listed: find them on the people page.").replace(
                "%1", f"{hidden:,}"
            )
            if hidden > 0
            else self.tr("Double-click a person to start the identity check.")
        )

    def _verify_selected(self) -> None:
        row = self.pending_table.currentRow()
        if not 0 <= row < len(self.pending_ids):
            return
        person_id = self.pending_ids[row]
        self.context.run(
            lambda s: verification.context(s, person_id), owner=self, on_done=self._open_wizard
        )

    def _open_wizard(self, ctx: verification.VerificationContext) -> None:
        from ui.verification_wizard import VerificationWizard

        session = self.context.session
        if session is None:
            return
        wizard = VerificationWizard(self.context, ctx, session.clock.now().date(), self)
        if wizard.exec() == QWizard.DialogCode.Accepted:
            self.load()

    def load(self) -> None:
        self.context.run(dashboard.summary, owner=self, on_done=self._show)

    def _load_pending(self) -> None:
        self.context.run(verification.pending, owner=self, on_done=self._show_pending)

    def _show(self, summary: DashboardSummary) -> None:
        session = self.context.session
        if session is None:
            return
        self.title.setText(summary.office_name)
        self.who.setText(
            self.tr("Signed in: %1 (%2)")
            .replace("%1", session.user.display_name)
            .replace("%2", session.user.role_labels)
        )
        lines = []
        if summary.demo:
            lines.append(self.tr("This is a demo folder. Do not enter real My Numbers."))
        if summary.staff_waiting_for_password_change:
            lines.append(
                self.tr("Members who have not yet set their own password: %1").replace(
                    "%1", ", ".join(summary.staff_waiting_for_password_change)
                )
            )
        if summary.verification_pending:
            lines.append(
                self.tr(
                    "My Numbers waiting for an identity check (本人確認) in your groups: %1. "
                    "Check the documents before using them."
                ).replace("%1", f"{summary.verification_pending:,}")
            )
            self._load_pending()
        else:
            self.pending_box.setVisible(False)
        if summary.audit_entries is not None:
            lines.append(
                self.tr("Access log entries: %1").replace("%1", f"{summary.audit_entries:,}")
            )
        if summary.requests_open:
            lines.append(
                self.tr(
                    "Requests from individuals waiting for an answer: %1 (past the target: %2)."
                )
                .replace("%1", f"{summary.requests_open:,}")
                .replace("%2", f"{summary.requests_late:,}")
            )
        if summary.requests_expired:
            lines.append(
                self.tr(
                    "Request files past the years they are kept: %1. Discard them on the "
                    "requests page."
                ).replace("%1", f"{summary.requests_expired:,}")
            )
        if summary.backups_overdue:
            lines.append(
                self.tr(
                    "Old backups past their generation could not be found to destroy; they may "
                    "still hold deleted My Numbers. Destroy them by hand: %1"
                ).replace("%1", "、".join(name for _id, name in summary.backups_overdue))
            )
        self.overdue = list(summary.backups_overdue)
        self.destroyed_button.setVisible(bool(self.overdue))
        if summary.can_back_up:
            if summary.last_backup_at is None:
                lines.append(self.tr("No backup has been made yet (File menu → Back up)."))
            else:
                lines.append(self.tr("Last backup: %1").replace("%1", summary.last_backup_at[:16]))
        self.notices.setText("\n".join(lines) if lines else self.tr("Nothing needs attention."))

    def clear(self) -> None:
        self.title.clear()
        self.who.clear()
        self.notices.clear()
        self.pending_table.setRowCount(0)
        self.pending_ids = []
        self.pending_box.setVisible(False)
