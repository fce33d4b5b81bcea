"""The アカウントの棚卸し tab of the 点検・研修 page: the manager goes through every account
(pre-filled from the staff list, checked against the signed roster) and records for each
whether its roles and scopes are still needed; the others read the reviews made."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.access import Permission, may
from app.domain.display_dates import japanese_day
from app.domain.records import Verdict
from app.domain.scopes import summary
from app.services import account_reviews
from app.services.account_reviews import AccountLine, AccountReview
from ui import icons
from ui.context import UiContext
from ui.dialogs.person_dialog import DateEdit
from ui.styles import make_primary, set_role


class AccountReviewTab(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountReviewTab")
        self.context = context
        session = context.session
        roles = session.user.roles if session is not None else frozenset()
        self.reviews = may(roles, Permission.REVIEW_ACCOUNTS)
        self.lines: list[AccountLine] = []
        self.history = QLabel()
        self.history.setObjectName("reviewHistory")
        self.history.setWordWrap(True)
        note = QLabel(
            self.tr(
                "Once a year, check that every account still needs its roles and scopes "
                "(規程第9条④). Mark the accounts to change or disable, then change them on the "
                "Staff page."
            )
        )
        note.setWordWrap(True)
        set_role(note, "note")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("reviewTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Roles"),
                self.tr("Scope"),
                self.tr("Signed roster"),
                self.tr("Finding"),
                self.tr("Note"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 120), (1, 190), (3, 100), (4, 210), (5, 190)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reviewed_on = DateEdit()
        self.reviewed_on.setObjectName("reviewDate")
        self.reviewed_on.setMinimumWidth(150)
        self.result = QPlainTextEdit()
        self.result.setObjectName("reviewResult")
        self.result.setPlaceholderText(self.tr("Result and what is to be done"))
        self.result.setFixedHeight(48)
        self.record_button = QPushButton(
            icons.icon("checkmark_circle", icons.ON_PRIMARY), self.tr("Record the review")
        )
        self.record_button.setObjectName("recordReviewButton")
        make_primary(self.record_button)
        self.record_button.clicked.connect(self._record)
        self.status = QLabel()
        self.status.setObjectName("reviewStatus")
        self.status.setWordWrap(True)
        self.past = QTableWidget(0, 4)
        self.past.setObjectName("pastReviewsTable")
        self.past.setHorizontalHeaderLabels(
            [
                self.tr("Reviewed on"),
                self.tr("Reviewer"),
                self.tr("Accounts checked"),
                self.tr("To change or disable"),
            ]
        )
        self.past.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 160), (1, 140), (2, 110)):
            self.past.setColumnWidth(column, width)
        self.past.verticalHeader().hide()
        self.past.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        form = QWidget()
        bottom = QHBoxLayout(form)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(QLabel(self.tr("Reviewed on")))
        bottom.addWidget(self.reviewed_on)
        bottom.addWidget(self.result, 1)
        bottom.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.history)
        layout.addWidget(self.past, 1)
        layout.addWidget(note)
        layout.addWidget(self.table, 3)
        layout.addWidget(form)
        layout.addWidget(self.status)
        for widget in (note, self.table, form):
            widget.setVisible(self.reviews)
        if self.reviews:
            # The reviewer works in the accounts table; the past reviews take a few lines.
            self.past.setMaximumHeight(130)

    def load(self) -> None:
        self.context.run(
            lambda s: account_reviews.list_reviews(s), owner=self, on_done=self._show_history
        )
        if self.reviews:
            self.context.run(account_reviews.draft, owner=self, on_done=self._show_draft)

    def clear(self) -> None:
        self.lines = []
        self.table.setRowCount(0)
        self.past.setRowCount(0)
        self.history.clear()
        self.result.clear()
        self.reviewed_on.clear()

    def _show_history(self, done: list[AccountReview]) -> None:
        self.past.setRowCount(len(done))
        for row, review in enumerate(done):
            changes = "、".join(
                f"{line.display_name}（{line.verdict.label}）"
                for line in review.lines
                if line.verdict is not Verdict.CONFIRMED
            )
            cells = (
                japanese_day(review.reviewed_on),
                review.reviewer,
                str(len(review.lines)),
                changes or self.tr("no change needed"),
            )
            for column, text in enumerate(cells):
                self.past.setItem(row, column, QTableWidgetItem(text))
        if not done:
            self.history.setText(self.tr("No account review has been recorded yet."))
            set_role(self.history, "banner-warning")
            return
        self.history.setText(
            self.tr("Last review: %1 by %2.")
            .replace("%1", japanese_day(done[0].reviewed_on))
            .replace("%2", done[0].reviewer)
        )
        set_role(self.history, "banner-info")

    def _show_draft(self, lines: list[AccountLine]) -> None:
        self.lines = lines
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            name = line.display_name
            if not line.active:
                name += self.tr(" (disabled)")
            cells = (
                name,
                line.role_labels,
                summary(frozenset(line.scopes)) if line.scopes else "—",
                self.tr("Matches") if line.matches_roster else self.tr("Differs"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            verdict = QComboBox()
            verdict.setObjectName(f"reviewVerdict{row}")
            for choice in Verdict:
                verdict.addItem(self._verdict_label(choice), choice.value)
            self.table.setCellWidget(row, 4, verdict)
            note = QLineEdit()
            note.setObjectName(f"reviewNote{row}")
            note.setMaxLength(account_reviews.NOTE_LIMIT)
            self.table.setCellWidget(row, 5, note)

    def _verdict_label(self, verdict: Verdict) -> str:
        return {
            Verdict.CONFIRMED: self.tr("Confirmed (no change)"),
            Verdict.CHANGE: self.tr("Change roles or scope"),
            Verdict.DISABLE: self.tr("Disable the account"),
        }[verdict]

    def verdicts(self) -> dict[int, tuple[Verdict, str]]:
        found: dict[int, tuple[Verdict, str]] = {}
        for row, line in enumerate(self.lines):
            combo = self.table.cellWidget(row, 4)
            note = self.table.cellWidget(row, 5)
            assert isinstance(combo, QComboBox) and isinstance(note, QLineEdit)
            found[line.staff_id] = (Verdict(combo.currentData()), note.text())
        return found

    def _record(self) -> None:
        try:
            reviewed_on = self.reviewed_on.value()
        except ValueError:
            reviewed_on = None
        if reviewed_on is None:
            self.status.setText(self.tr("Enter the day of the review."))
            set_role(self.status, "error")
            return
        verdicts, result = self.verdicts(), self.result.toPlainText()

        def recorded(review: AccountReview) -> None:
            self.status.setText(
                self.tr("The review was recorded (%1 accounts to change).").replace(
                    "%1", str(review.to_change)
                )
            )
            set_role(self.status, "ok")
            self.result.clear()
            self.reviewed_on.clear()
            self.load()

        self.context.run(
            lambda s: account_reviews.record(
                s, reviewed_on=reviewed_on, verdicts=verdicts, result_note=result
            ),
            owner=self,
            on_done=recorded,
        )
