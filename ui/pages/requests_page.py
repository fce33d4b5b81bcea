"""開示等の請求: the register of requests from individuals with their deadlines, and each step
from intake to the written answer."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.access import Permission, may
from app.domain.display_dates import japanese_time
from app.domain.individual_requests import (
    DeadlineState,
    Decision,
    RequesterRole,
    RequestKind,
    State,
    decision_label,
    japanese_day,
)
from app.domain.purposes import PersonKind
from app.services import individual_requests, request_papers
from app.services.individual_requests import RegisterEntry, RequestRow
from ui import icons
from ui.context import UiContext
from ui.dialogs.request_dialogs import DecisionDialog, DiscardDialog, IntakeDialog
from ui.pages.base import Page
from ui.styles import heading, make_primary, set_role
from ui.widgets.tables import make_read_only

_DEADLINE_COLOURS = {
    DeadlineState.OK: None,
    DeadlineState.DUE_SOON: "#fff4ce",
    DeadlineState.OVERDUE: "#ffd6d6",
    DeadlineState.SUIT_POSSIBLE: "#ffb3b3",
}


class RequestsPage(Page):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("requestsPage")
        session = context.session
        roles = session.user.roles if session is not None else frozenset()
        self.decides = may(roles, Permission.DECIDE_REQUESTS)
        self.entries: list[RegisterEntry] = []
        self._wanted_urgent = False
        title = heading(self.tr("Requests from individuals"))
        note = QLabel(
            self.tr(
                "Answer without delay (個人情報保護法第33条〜第35条). The target is set in the "
                "settings; after 2 weeks from receipt the requester may go to court (第39条)."
            )
        )
        note.setWordWrap(True)
        set_role(note, "note")
        self.show_all = QCheckBox(self.tr("Show closed and withdrawn requests"))
        self.show_all.setObjectName("showAllRequests")
        self.show_all.toggled.connect(self.load)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("requestsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Request"),
                self.tr("Requester (person)"),
                self.tr("Received"),
                self.tr("State"),
                self.tr("Answer by"),
                self.tr("2 weeks"),
            ]
        )
        make_read_only(
            self.table,
            stretch=2,
            widths=((0, 50), (1, 170), (3, 170), (4, 110), (5, 170), (6, 170)),
        )
        self.table.itemSelectionChanged.connect(self._selected)
        self.receive_button = self._button("receiveButton", self.tr("Receive…"), self._receive)
        self.receive_button.setIcon(icons.icon("add", icons.ON_PRIMARY))
        make_primary(self.receive_button)
        self.verify_button = self._button(
            "identifyButton", self.tr("Identify the requester…"), self._verify
        )
        self.decide_button = self._button("decideButton", self.tr("Decide…"), self._decide)
        self.notice_button = self._button("noticeButton", self.tr("Notice (PDF)…"), self._notice)
        self.notified_button = self._button(
            "notifiedButton", self.tr("Mark as sent"), self._notified
        )
        self.close_button = self._button("closeRequestButton", self.tr("Close"), self._close)
        self.withdraw_button = self._button("withdrawButton", self.tr("Withdrawn…"), self._withdraw)
        self.history_button = self._button("historyButton", self.tr("History…"), self._history)
        self.erase_button = self._button(
            "eraseButton", self.tr("Propose erasing the number…"), self._erase
        )
        self.filter = QLineEdit()
        self.filter.setObjectName("requestsFilter")
        self.filter.setPlaceholderText(self.tr("Filter by name"))
        self.filter.textChanged.connect(self._apply_filter)
        self.discard_button = self._button(
            "discardRequestsButton", self.tr("Discard expired files…"), self._discard
        )
        self.expired: list[RequestRow] = []
        self.discard_button.setEnabled(False)
        self.form_button = self._button(
            "requestFormButton", self.tr("Blank request form (PDF)…"), self._form
        )
        self.status = QLabel()
        self.status.setObjectName("requestsStatus")
        self.status.setWordWrap(True)
        # The steps of one request in the order they are done, then what is done less often.
        first = QHBoxLayout()
        for button in (
            self.verify_button,
            self.decide_button,
            self.notice_button,
            self.notified_button,
            self.close_button,
        ):
            first.addWidget(button)
        first.addStretch()
        second = QHBoxLayout()
        for button in (self.history_button, self.withdraw_button, self.erase_button):
            second.addWidget(button)
        second.addStretch()
        second.addWidget(self.discard_button)
        second.addWidget(self.form_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        top = QHBoxLayout()
        top.addWidget(self.show_all)
        top.addStretch()
        top.addWidget(self.filter)
        top.addWidget(self.receive_button)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.status)
        for button in (
            self.decide_button,
            self.notice_button,
            self.notified_button,
            self.close_button,
            self.withdraw_button,
            self.erase_button,
            self.discard_button,
        ):
            button.setVisible(self.decides)
        self._selected()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # Loading -------------------------------------------------------------------------------

    def load(self) -> None:
        open_only = not self.show_all.isChecked()
        self.context.run(
            lambda s: individual_requests.register(s, open_only=open_only),
            owner=self,
            on_done=self._show,
        )
        if self.decides:
            self.context.run(individual_requests.expired, owner=self, on_done=self._show_expired)

    def _show_expired(self, rows: list[RequestRow]) -> None:
        self.expired = rows
        self.discard_button.setEnabled(bool(rows))
        self.discard_button.setText(
            self.tr("Discard expired files (%1)…").replace("%1", str(len(rows)))
            if rows
            else self.tr("Discard expired files…")
        )

    def _show(self, entries: list[RegisterEntry]) -> None:
        self.entries = entries
        session = self.context.session
        today = session.clock.now().date() if session is not None else None
        self.table.setRowCount(len(entries))
        for index, entry in enumerate(entries):
            row = entry.request
            kind = RequestKind(row.kind)
            who = row.requester_name
            if row.provider != RequesterRole.SELF.value:
                who = f"{row.requester_name}（{row.subject_name}の代理人）"
            state = State(row.state).label
            if row.decision:
                state += f"：{decision_label(kind, Decision(row.decision))}"
            deadline = entry.deadlines
            open_ = State(row.state) not in (State.CLOSED, State.WITHDRAWN, State.NOTIFIED)
            answer_by = japanese_day(deadline.target_on)
            if today is not None and open_:
                answer_by = deadline.label(today)
            values = (
                str(row.id),
                kind.label,
                who,
                japanese_day(row.received_on),
                state,
                answer_by,
                japanese_day(deadline.two_weeks_on) if kind.may_sue_after_two_weeks else "—",
            )
            colour = (
                _DEADLINE_COLOURS[deadline.state(today)] if today is not None and open_ else None
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if colour:
                    item.setBackground(QColor(colour))
                self.table.setItem(index, column, item)
        self._apply_filter()
        self._selected()
        if self._wanted_urgent:
            self._select_most_urgent()

    def show_hint(self, hint: str) -> None:
        """The dashboard's requests card: the open request whose deadline is nearest (or
        furthest past) is selected, so the clerk starts with it."""
        self._wanted_urgent = hint == "urgent"
        if self._wanted_urgent and self.entries:
            self._select_most_urgent()

    def _select_most_urgent(self) -> None:
        self._wanted_urgent = False
        waiting = [
            (entry.deadlines.target_on, index)
            for index, entry in enumerate(self.entries)
            if State(entry.request.state) not in (State.CLOSED, State.WITHDRAWN, State.NOTIFIED)
        ]
        if waiting:
            self.table.selectRow(min(waiting)[1])

    def clear(self) -> None:
        self.entries = []
        self.table.setRowCount(0)
        self.status.clear()
        self._show_expired([])

    def _current(self) -> RegisterEntry | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _selected(self) -> None:
        entry = self._current()
        state = State(entry.request.state) if entry else None
        self.verify_button.setEnabled(state is State.RECEIVED)
        self.decide_button.setEnabled(state is State.VERIFIED)
        self.notice_button.setEnabled(state in (State.DECIDED, State.NOTIFIED, State.CLOSED))
        self.notified_button.setEnabled(state is State.DECIDED)
        self.close_button.setEnabled(state is State.NOTIFIED)
        self.withdraw_button.setEnabled(state in (State.RECEIVED, State.VERIFIED, State.DECIDED))
        self.history_button.setEnabled(entry is not None)
        self.erase_button.setEnabled(
            entry is not None
            and entry.request.kind == RequestKind.USAGE_STOP.value
            and entry.request.decision in (Decision.STOPPED.value, Decision.PARTLY.value)
        )

    def _apply_filter(self) -> None:
        wanted = self.filter.text().strip()
        for index, entry in enumerate(self.entries):
            row = entry.request
            shown = not wanted or wanted in row.requester_name or wanted in row.subject_name
            self.table.setRowHidden(index, not shown)

    def _erase(self) -> None:
        entry = self._current()
        if entry is None:
            return
        request_id = entry.request.id
        self.context.run(
            lambda s: individual_requests.propose_deletion(s, request_id),
            owner=self,
            on_done=lambda run_id: self._after(
                self.tr(
                    "Deletion run No. %1 proposed for this request. It is approved and executed "
                    "on the retention page."
                ).replace("%1", str(run_id))
            ),
        )

    def _after(self, message: str) -> None:
        self.status.setText(message)
        self.load()

    # Steps ----------------------------------------------------------------------------------

    def _receive(self) -> None:
        session = self.context.session
        if session is None:
            return

        def search(name: str, show) -> None:
            self.context.run(
                lambda s: [
                    (
                        p.id,
                        f"{p.name}（{PersonKind(p.kind).label}"
                        + (f"・{p.code}" if p.code else "")
                        + "）",
                    )
                    for p in individual_requests.find_person(s, name)
                    if p.in_scope
                ],
                owner=self,
                on_done=show,
            )

        dialog = IntakeDialog(session.clock.now().date(), search, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        intake = dialog.intake()
        self.context.run(
            lambda s: individual_requests.receive(s, intake),
            owner=self,
            on_done=lambda row: self._after(
                self.tr("Request No. %1 received. Identify the requester next.").replace(
                    "%1", str(row.id)
                )
            ),
        )

    def _verify(self) -> None:
        from ui.requester_wizard import RequesterWizard

        entry, session = self._current(), self.context.session
        if entry is None or session is None:
            return
        wizard = RequesterWizard(self.context, entry.request, session.clock.now().date(), self)
        if wizard.exec() == QDialog.DialogCode.Accepted:
            self._after(self.tr("The requester is identified."))

    def _decide(self) -> None:
        entry = self._current()
        if entry is None:
            return
        row = entry.request
        dialog = DecisionDialog(RequestKind(row.kind), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        decision, grounds = dialog.chosen(), dialog.chosen_grounds()
        reason, withheld = dialog.reason.toPlainText(), dialog.withheld.text()
        request_id = row.id
        self.context.run(
            lambda s: individual_requests.decide(
                s, request_id, decision, grounds=grounds, reason=reason, withheld=withheld
            ),
            owner=self,
            on_done=lambda row: self._after(
                self.tr(
                    "Decided. Make the corrections on the people page (「Correct…」, kept in the "
                    "correction record), then print the notice: it lists them."
                )
                if row.kind == RequestKind.CORRECTION.value
                and row.decision in (Decision.CORRECTED.value, Decision.PARTLY.value)
                else self.tr("Decided. Print the notice and send it.")
            ),
        )

    def _notice(self) -> None:

        entry = self._current()
        if entry is None:
            return
        row = entry.request
        include = False
        if row.own_number_requested and row.own_number_disclosed_at is None:
            answer = QMessageBox.question(
                self,
                self.tr("Their own My Number"),
                self.tr(
                    "The person asked for their own My Number. Print it in this notice? It is "
                    "printed once only, and the access log records it."
                ),
            )
            include = answer == QMessageBox.StandardButton.Yes
        request_id = row.id
        name = row.subject_name
        self.context.run(
            lambda s: request_papers.notice(s, request_id, include_own_number=include),
            owner=self,
            on_done=lambda paper: (self._show_notice(paper, name), self.load()),
        )

    def _show_notice(self, paper: request_papers.NoticePaper, subject_name: str) -> None:
        from ui.dialogs.output_preview import preview_registered
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.file_names import pdf_name

        title = self.tr("Notice")
        file_name = pdf_name(title, subject_name, self.context.workspace.clock.now())
        if paper.output_id is None:
            PdfPreviewDialog(title, paper.pdf, file_name, self).exec()
            return
        # With the person's number on it: printed for the person only, never saved as a plain
        # PDF nor printed to a file; withdrawn from the outputs register if not printed.
        preview_registered(
            self, self.context, paper.output_id, paper.pdf, title=title, file_name=file_name
        )

    def _notified(self) -> None:
        entry = self._current()
        if entry is not None:
            request_id = entry.request.id
            self.context.run(
                lambda s: individual_requests.mark_notified(s, request_id),
                owner=self,
                on_done=lambda row: self._after(
                    self.tr("Recorded as sent (notice No. %1).").replace("%1", row.notice_no or "")
                ),
            )

    def _close(self) -> None:
        entry = self._current()
        if entry is not None:
            request_id = entry.request.id
            self.context.run(
                lambda s: individual_requests.close(s, request_id),
                owner=self,
                on_done=lambda row: self._after(
                    self.tr("Closed. The file is kept until %1.").replace(
                        "%1", row.keep_until or ""
                    )
                ),
            )

    def _withdraw(self) -> None:
        entry = self._current()
        if entry is None:
            return
        note, ok = QInputDialog.getText(
            self, self.tr("Withdrawn"), self.tr("How was it withdrawn? (kept in the history)")
        )
        if not ok:
            return
        request_id = entry.request.id
        self.context.run(
            lambda s: individual_requests.withdraw(s, request_id, note),
            owner=self,
            on_done=lambda _row: self._after(self.tr("Recorded as withdrawn.")),
        )

    def _history(self) -> None:
        entry = self._current()
        if entry is None:
            return
        request_id = entry.request.id

        def show(events) -> None:
            lines = [
                f"{japanese_time(e.at)}　{State(e.state).label}　{e.by_name}"
                + (f"　{e.note}" if e.note else "")
                for e in events
            ]
            QMessageBox.information(self, self.tr("History"), "\n".join(lines))

        self.context.run(
            lambda s: individual_requests.history(s, request_id), owner=self, on_done=show
        )

    def _discard(self) -> None:
        if not self.expired:
            return
        dialog = DiscardDialog(self.expired, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        password = dialog.password()
        dialog.password_edit.clear()
        self.context.run(
            lambda s: individual_requests.discard_expired(s, password),
            owner=self,
            on_done=lambda count: self._after(
                self.tr("%1 request files discarded.").replace("%1", str(count))
            ),
        )

    def _form(self) -> None:
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.file_names import pdf_name

        self.context.run(
            request_papers.request_form_pdf,
            owner=self,
            on_done=lambda pdf: PdfPreviewDialog(
                self.tr("Request form"), pdf, pdf_name(self.tr("Request form")), self
            ).exec(),
        )
