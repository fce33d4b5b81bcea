"""ダッシュボード: the member's to-do list. One card per kind of work their roles may act on,
with its count and one button to the work (the main window switches to the page)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.display_dates import japanese_day
from app.services import backup, dashboard
from app.services.dashboard import DashboardSummary
from ui import file_dialogs
from ui.context import UiContext
from ui.pages.base import Page
from ui.pages.year_end_card import YearEndTaskCard
from ui.styles import set_role
from ui.widgets.hearings_card import HearingsCard
from ui.widgets.incident_card import IncidentCard
from ui.widgets.records_card import RecordsCard
from ui.widgets.task_card import ALERT, ATTENTION, CALM, TaskCard

CARD_WIDTH = 340  # about the narrowest a card reads well at; the grid fits as many as it can
MAX_COLUMNS = 4


class DashboardPage(Page):
    # (page key, hint): the main window shows that page; the hint names what to select there
    # ("run:12", "login:tanto"), or is empty.
    open_requested = Signal(str, str)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("dashboardPage")
        self.summary: DashboardSummary | None = None
        self.title = QLabel()
        self.title.setObjectName("officeTitle")
        set_role(self.title, "heading")
        self.who = QLabel()
        self.who.setObjectName("whoLabel")
        set_role(self.who, "note")
        self.demo_banner = QLabel(self.tr("This is a demo folder. Do not enter real My Numbers."))
        self.demo_banner.setObjectName("demoBanner")
        set_role(self.demo_banner, "banner-warning")
        self.demo_banner.hide()

        self.verification_card = TaskCard(
            "verification",
            "shield_task",
            self.tr("My Numbers waiting for an identity check"),
            self.tr("Check identities…"),
        )
        self.verification_card.button.clicked.connect(self._open_pending)
        self.approval_card = TaskCard(
            "approval",
            "task_list_ltr",
            self.tr("Deletions waiting for your approval"),
            self.tr("Open the deletion runs"),
        )
        self.approval_card.button.clicked.connect(
            lambda: self._open_run(self.summary.approvals_waiting if self.summary else None)
        )
        self.execution_card = TaskCard(
            "execution",
            "delete",
            self.tr("Approved deletions to execute"),
            self.tr("Open the deletion runs"),
        )
        self.execution_card.button.clicked.connect(
            lambda: self._open_run(self.summary.runs_to_execute if self.summary else None)
        )
        self.requests_card = TaskCard(
            "requests",
            "mail_inbox",
            self.tr("Requests from individuals"),
            self.tr("Open the requests"),
        )
        self.requests_card.button.clicked.connect(
            lambda: self.open_requested.emit("requests", "urgent")
        )
        self.backup_card = TaskCard(
            "backup", "database_arrow_right", self.tr("Backup"), self.tr("Back up now…")
        )
        self.backup_card.button.clicked.connect(self._back_up)
        self.accounts_card = TaskCard(
            "accounts",
            "person_lock",
            self.tr("Staff accounts"),
            self.tr("Open the staff accounts"),
        )
        self.accounts_card.button.clicked.connect(self._open_accounts)
        self.old_backups_card = TaskCard(
            "oldBackups",
            "delete_dismiss",
            self.tr("Old backups to destroy"),
            self.tr("Record a backup destroyed by hand…"),
        )
        self.old_backups_card.button.clicked.connect(self._destroyed_by_hand)
        self.outputs_card = TaskCard(
            "outputs",
            "document_one_page",
            self.tr("Outputs to confirm"),
            self.tr("Open the outputs register"),
        )
        self.outputs_card.button.clicked.connect(self._open_outputs)
        self.year_end_card = YearEndTaskCard()
        self.year_end_card.button.clicked.connect(lambda: self.open_requested.emit("yearend", ""))
        self.hearings_card = HearingsCard()
        self.hearings_card.open_requested.connect(self.open_requested)
        self.incident_card = IncidentCard()
        self.incident_card.button.clicked.connect(lambda: self.open_requested.emit("incidents", ""))
        # Its count arrives after the summary's (same database thread): placed then, if open.
        self.incident_card.wanted.connect(
            lambda wanted: self._place(self.incident_card.placed_in(self.shown_cards, wanted))
        )
        self.records_card = RecordsCard()
        self.records_card.button.clicked.connect(lambda: self.open_requested.emit("inspection", ""))
        self.records_card.wanted.connect(
            lambda wanted: self._place(self.records_card.placed_in(self.shown_cards, wanted))
        )
        self.cards = [
            self.year_end_card,
            self.verification_card,
            self.approval_card,
            self.execution_card,
            self.requests_card,
            self.backup_card,
            self.accounts_card,
            self.old_backups_card,
            self.outputs_card,
            self.hearings_card,
            self.incident_card,
            self.records_card,
        ]
        self.shown_cards: list[TaskCard] = []
        self._columns = 0

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(12)
        for card in self.cards:
            card.setParent(self.grid_host)
            card.hide()
        self.records_note = QLabel()
        self.records_note.setObjectName("recordsNote")
        set_role(self.records_note, "note")
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.grid_host)
        column.addWidget(self.records_note)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addWidget(self.demo_banner)
        layout.addSpacing(6)
        layout.addWidget(scroll, 1)

    # Loading ---------------------------------------------------------------------------------

    def load(self) -> None:
        self.context.run(dashboard.summary, owner=self, on_done=self._show)
        self.incident_card.load(self.context)
        self.records_card.load(self.context)

    def clear(self) -> None:
        self.summary = None
        self.title.clear()
        self.who.clear()
        self.records_note.clear()
        for card in self.cards:
            card.show_state("", "", CALM)
        self._place([])

    def _show(self, summary: DashboardSummary) -> None:
        session = self.context.session
        if session is None:
            return
        self.summary = summary
        today = session.clock.now().date()
        self.title.setText(summary.office_name)
        self.who.setText(
            self.tr("Signed in: %1 (%2)")
            .replace("%1", session.user.display_name)
            .replace("%2", session.user.role_labels)
        )
        self.demo_banner.setVisible(summary.demo)
        shown: list[TaskCard] = []
        if summary.year_end is not None:
            self.year_end_card.show_year(summary.year_end)
            shown.append(self.year_end_card)
        if summary.verification_pending is not None:
            self._show_verification(summary.verification_pending)
            shown.append(self.verification_card)
        if summary.approvals_waiting is not None:
            self._show_approvals(summary.approvals_waiting)
            shown.append(self.approval_card)
        if summary.runs_to_execute is not None:
            self._show_executions(summary.runs_to_execute)
            shown.append(self.execution_card)
        if summary.requests_open is not None:
            self._show_requests(summary)
            shown.append(self.requests_card)
        if summary.outputs_overdue:
            self._show_outputs(summary.outputs_overdue)
            shown.append(self.outputs_card)
        if summary.can_back_up:
            self._show_backup(summary, today)
            self._show_old_backups(summary.backups_overdue)
        if summary.staff_locked is not None:
            self._show_accounts(summary.staff_locked, summary.staff_waiting_for_password_change)
            shown.append(self.accounts_card)
        if HearingsCard.applies(session):
            self.hearings_card.load(self.context)
            shown.append(self.hearings_card)
        if summary.can_back_up:
            shown += [self.backup_card, self.old_backups_card]
        self._place(shown)
        self.records_note.setVisible(summary.audit_entries is not None)
        if summary.audit_entries is not None:
            self.records_note.setText(
                self.tr("Access log entries: %1").replace("%1", f"{summary.audit_entries:,}")
            )

    def _nothing(self) -> str:
        return self.tr("Nothing to do.")

    def _items(self, count: int) -> str:
        return self.tr("%1 items").replace("%1", f"{count:,}")

    def _show_verification(self, pending: int) -> None:
        self.verification_card.show_state(
            self._items(pending),
            self.tr(
                "Registered in your groups without an identity check (本人確認) yet. Check the "
                "documents before using them."
            )
            if pending
            else self._nothing(),
            ATTENTION if pending else CALM,
        )

    def _show_outputs(self, overdue: tuple[int, ...]) -> None:
        self.outputs_card.show_state(
            self._items(len(overdue)),
            self.tr(
                "Papers or files with My Numbers whose result (submitted, handed over, "
                "destroyed or returned) is not recorded yet, past the days set."
            ),
            ATTENTION,
        )

    def _open_outputs(self) -> None:
        from ui.dialogs.outputs_dialog import OutputsDialog

        OutputsDialog(self.context, self).exec()
        self.load()

    def _show_approvals(self, runs: tuple[int, ...]) -> None:
        self.approval_card.show_state(
            self._items(len(runs)),
            self.tr(
                "Deletion runs proposed by another member. Check what they delete and approve "
                "them with your password."
            )
            if runs
            else self._nothing(),
            ATTENTION if runs else CALM,
        )

    def _show_executions(self, runs: tuple[int, ...]) -> None:
        self.execution_card.show_state(
            self._items(len(runs)),
            self.tr(
                "Approved deletion runs. Executing one erases the numbers for good and leaves "
                "the deletion records."
            )
            if runs
            else self._nothing(),
            ATTENTION if runs else CALM,
        )

    def _show_requests(self, summary: DashboardSummary) -> None:
        lines = []
        if summary.requests_open:
            lines.append(
                self.tr("Waiting for an answer: %1 (past the target: %2).")
                .replace("%1", f"{summary.requests_open:,}")
                .replace("%2", f"{summary.requests_late:,}")
            )
        if summary.requests_expired:
            lines.append(
                self.tr("Request files past the years they are kept: %1. Discard them.").replace(
                    "%1", f"{summary.requests_expired:,}"
                )
            )
        level = CALM
        if summary.requests_late:
            level = ALERT
        elif summary.requests_open or summary.requests_expired:
            level = ATTENTION
        self.requests_card.show_state(
            self._items(summary.requests_open or 0),
            "\n".join(lines) or self._nothing(),
            level,
        )

    def _show_backup(self, summary: DashboardSummary, today: date) -> None:
        due_on = summary.backup_due_on
        if summary.last_backup_at is None or due_on is None:
            self.backup_card.show_state(
                self.tr("None yet"),
                self.tr(
                    "No backup has been made yet. Make one now, and then every %1 days."
                ).replace("%1", str(summary.backup_interval_days)),
                ALERT,
            )
            return
        last = japanese_day(summary.last_backup_at)
        days = (today - date.fromisoformat(summary.last_backup_at[:10])).days
        ago = self.tr("Today") if days <= 0 else self.tr("%1 days ago").replace("%1", str(days))
        if due_on < today:
            detail = self.tr(
                "Last backup: %1\nNext one due: %2 (every %3 days)\nThat day has passed."
            )
            level = ALERT
        elif due_on == today:
            detail = self.tr(
                "Last backup: %1\nNext one due: %2 (every %3 days)\nThat day is today."
            )
            level = ATTENTION
        else:
            detail = self.tr("Nothing to do.\nLast backup: %1\nNext one due: %2 (every %3 days)")
            level = CALM
        self.backup_card.show_state(
            ago,
            detail.replace("%1", last)
            .replace("%2", japanese_day(due_on))
            .replace("%3", str(summary.backup_interval_days)),
            level,
        )

    def _show_accounts(self, locked: tuple[str, ...], waiting: tuple[str, ...]) -> None:
        lines = []
        if locked:
            lines.append(
                self.tr("Locked after failed sign-ins: %1").replace("%1", "、".join(locked))
            )
        if waiting:
            lines.append(
                self.tr("Waiting to set their own password: %1").replace("%1", "、".join(waiting))
            )
        self.accounts_card.show_state(
            self.tr("%1 people").replace("%1", f"{len(locked) + len(waiting):,}"),
            "\n".join(lines) or self._nothing(),
            ALERT if locked else ATTENTION if waiting else CALM,
        )

    def _show_old_backups(self, overdue: tuple[tuple[int, str], ...]) -> None:
        self.old_backups_card.show_state(
            self._items(len(overdue)),
            self.tr(
                "Past their generation but out of reach, so not destroyed: they may still hold "
                "deleted My Numbers. Destroy them by hand: %1"
            ).replace("%1", "、".join(name for _id, name in overdue))
            if overdue
            else self._nothing(),
            ALERT if overdue else CALM,
        )
        # Nothing to record when nothing is out of reach: the calm card has no button.
        self.old_backups_card.button.setVisible(bool(overdue))

    # Layout ----------------------------------------------------------------------------------

    def _place(self, cards: list[TaskCard]) -> None:
        """The shown cards in reading order, as many columns as the width allows."""
        self.shown_cards = cards
        for card in self.cards:
            self.grid.removeWidget(card)
            card.setVisible(card in cards)
        columns = self._columns_for(self.width())
        self._columns = columns
        for index, card in enumerate(cards):
            self.grid.addWidget(card, index // columns, index % columns)
        for column in range(MAX_COLUMNS):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def _columns_for(self, width: int) -> int:
        return max(1, min(MAX_COLUMNS, width // CARD_WIDTH, len(self.shown_cards) or 1))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._columns_for(self.width()) != self._columns:
            self._place(self.shown_cards)

    # Actions ---------------------------------------------------------------------------------

    def _open_run(self, runs: tuple[int, ...] | None) -> None:
        self.open_requested.emit("retention", f"run:{runs[0]}" if runs else "runs")

    def _open_accounts(self) -> None:
        summary = self.summary
        first = ""
        if summary is not None:
            logins = (*(summary.staff_locked or ()), *summary.staff_waiting_for_password_change)
            first = f"login:{logins[0]}" if logins else ""
        self.open_requested.emit("staff", first)

    def _open_pending(self) -> None:
        from ui.dialogs.pending_verifications_dialog import PendingVerificationsDialog

        dialog = PendingVerificationsDialog(self.context, self)
        dialog.load()
        dialog.exec()
        if dialog.checked:
            self.load()

    def _back_up(self) -> None:
        folder = file_dialogs.get_existing_directory(self, self.tr("Back up to which folder?"))
        if not folder:
            return
        target = Path(folder)

        def done(made: backup.BackupDone) -> None:
            self.load()
            QMessageBox.information(
                self,
                self.tr("Backup made"),
                self.tr("The backup was written and checked: %1").replace("%1", str(made.path)),
            )

        self.context.run(lambda s: backup.make_backup(s, target), owner=self, on_done=done)

    def _destroyed_by_hand(self) -> None:
        overdue = self.summary.backups_overdue if self.summary else ()
        if not overdue:
            return
        names = [name for _id, name in overdue]
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
        backup_id = overdue[names.index(chosen)][0]
        self.context.run(
            lambda s: backup.confirm_destroyed(s, backup_id),
            owner=self,
            on_done=lambda _none: self.load(),
        )
