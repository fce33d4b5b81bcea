"""ダッシュボード: the office, who is signed in, and what needs attention."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.services import dashboard
from app.services.dashboard import DashboardSummary
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
        layout.addStretch()

    def load(self) -> None:
        self.context.run(dashboard.summary, owner=self, on_done=self._show)

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
                    "My Numbers waiting for an identity check (本人確認), whole office: %1. "
                    "Check the documents before using them."
                ).replace("%1", f"{summary.verification_pending:,}")
            )
        if summary.audit_entries is not None:
            lines.append(
                self.tr("Access log entries: %1").replace("%1", f"{summary.audit_entries:,}")
            )
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
