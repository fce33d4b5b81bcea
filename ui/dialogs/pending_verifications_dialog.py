"""The people of the member's groups whose number waits for 本人確認, longest first; the
identity check starts from here (opened by the home page's card)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from app.domain.purposes import PersonKind
from app.services import verification
from app.services.verification import PendingVerifications
from ui import icons
from ui.context import UiContext
from ui.styles import make_primary, set_role
from ui.widgets.tables import make_read_only


class PendingVerificationsDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("pendingVerificationsDialog")
        self.setWindowTitle(self.tr("Waiting for an identity check"))
        self.resize(720, 480)
        self.checked = 0
        self.pending_ids: list[int] = []
        explanation = QLabel(
            self.tr(
                "My Numbers registered in your groups whose identity check (本人確認) has not "
                "been done yet, the longest waiting first. Check the documents before using them."
            )
        )
        explanation.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("pendingTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Code / department")]
        )
        make_read_only(self.table, stretch=2, widths={0: 180, 1: 110})
        self.table.doubleClicked.connect(self._verify_selected)
        self.more = QLabel()
        self.more.setObjectName("pendingMore")
        set_role(self.more, "note")
        self.verify_button = QPushButton(icons.icon("shield_task"), self.tr("Identity check…"))
        self.verify_button.setObjectName("pendingVerifyButton")
        self.verify_button.clicked.connect(self._verify_selected)
        make_primary(self.verify_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.more, 1)
        row.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.verify_button.setEnabled(False)

    def load(self) -> None:
        self.context.run(verification.pending, owner=self, on_done=self._show)

    def _show(self, pending: PendingVerifications) -> None:
        self.pending_ids = [person.id for person in pending.people]
        self.table.setRowCount(len(pending.people))
        for index, person in enumerate(pending.people):
            where = "　".join(part for part in (person.code, person.department) if part)
            values = (person.name, PersonKind(person.kind).label, where)
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))
        if pending.people:
            self.table.selectRow(0)
        self.verify_button.setEnabled(bool(pending.people))
        hidden = pending.total - len(pending.people)
        if not pending.people:
            self.more.setText(self.tr("Nothing to do."))
        elif hidden > 0:
            self.more.setText(
                self.tr("%1 more not listed: find them on the people page.").replace(
                    "%1", f"{hidden:,}"
                )
            )
        else:
            self.more.setText(self.tr("Double-click a person to start the identity check."))

    def _verify_selected(self) -> None:
        row = self.table.currentRow()
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
            self.checked += 1
            self.load()
