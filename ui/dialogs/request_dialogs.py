"""The dialogs of a request from an individual: intake, the decision (with the grounds the kind
allows) and discarding the files past their years. The requester's identity is checked in the
identity check wizard's request mode (ui.requester_wizard)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.individual_requests import (
    Decision,
    Ground,
    RequesterChannel,
    RequesterRole,
    RequestKind,
    State,
    decision_label,
    decision_problems,
    decisions_for,
    grounds_for,
    japanese_day,
)
from app.services.individual_requests import Intake, RequestRow
from ui.dialogs.person_dialog import DateEdit
from ui.signin_dialog import PasswordEdit
from ui.styles import ERROR_STYLE
from ui.widgets.tables import make_read_only

METHODS = ("書面の交付", "電磁的記録（PDF）の提供", "閲覧")


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _status() -> QLabel:
    label = QLabel()
    label.setObjectName("dialogStatus")
    label.setWordWrap(True)
    return label


class IntakeDialog(QDialog):
    """`search(name, show)` looks people up (on the database thread) and calls `show` with
    (id, label) pairs, so the request can be linked to the person's record."""

    def __init__(
        self,
        today: date,
        search: Callable[[str, Callable[[list[tuple[int, str]]], None]], None],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intakeDialog")
        self.setWindowTitle(self.tr("Receive a request"))
        self.today = today
        self.kind = QComboBox()
        self.kind.setObjectName("intakeKind")
        for kind in RequestKind:
            self.kind.addItem(f"{kind.label}（{kind.article}）", kind.value)
        self.kind.setCurrentIndex(list(RequestKind).index(RequestKind.DISCLOSURE))
        self.provider = QComboBox()
        self.provider.setObjectName("intakeProvider")
        for role in RequesterRole:
            self.provider.addItem(role.label, role.value)
        self.requester = QLineEdit()
        self.requester.setObjectName("intakeRequester")
        self.subject = QLineEdit()
        self.subject.setObjectName("intakeSubject")
        self.person = QComboBox()
        self.person.setObjectName("intakePerson")
        self.person.addItem(self.tr("(not found in the records)"), None)
        self._search = search
        self.subject.editingFinished.connect(self._look_up)
        self.requester.editingFinished.connect(self._look_up)
        self.received = DateEdit(today.isoformat())
        self.received.setObjectName("intakeReceived")
        self.channel = QComboBox()
        self.channel.setObjectName("intakeChannel")
        for channel in RequesterChannel:
            self.channel.addItem(channel.label, channel.value)
        self.contact = QLineEdit()
        self.contact.setObjectName("intakeContact")
        self.requested = QLineEdit()
        self.requested.setObjectName("intakeRequested")
        self.requested.setPlaceholderText(self.tr("e.g. all data held for payroll and insurance"))
        self.method = QComboBox()
        self.method.setObjectName("intakeMethod")
        self.method.setEditable(True)
        self.method.addItems(METHODS)
        self.fee = QLineEdit()
        self.fee.setObjectName("intakeFee")
        self.own_number = QCheckBox(self.tr("They also ask for their own My Number"))
        self.own_number.setObjectName("intakeOwnNumber")
        form = QFormLayout()
        form.addRow(self.tr("Request"), self.kind)
        form.addRow(self.tr("Made by"), self.provider)
        form.addRow(self.tr("Requester's name *"), self.requester)
        form.addRow(self.tr("Whose data (the person) *"), self.subject)
        form.addRow(self.tr("The person in our records"), self.person)
        form.addRow(self.tr("Received on *"), self.received)
        form.addRow(self.tr("Received by"), self.channel)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("What is asked for *"), self.requested)
        form.addRow(self.tr("Method wanted"), self.method)
        form.addRow(self.tr("Fee agreed"), self.fee)
        form.addRow(self.own_number)
        self.status = _status()
        self.buttons = _buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        for signal in (
            self.kind.currentIndexChanged,
            self.provider.currentIndexChanged,
            self.requester.textChanged,
            self.subject.textChanged,
            self.requested.textChanged,
            self.received.textChanged,
        ):
            signal.connect(self._check)
        self.resize(620, 520)
        self._check()

    def _look_up(self) -> None:
        name = self.subject.text().strip()
        if name:
            self._search(name, self.show_people)

    def show_people(self, found: list[tuple[int, str]]) -> None:
        self.person.clear()
        self.person.addItem(self.tr("(not found in the records)"), None)
        for person_id, label in found:
            self.person.addItem(label, person_id)
        if found:
            self.person.setCurrentIndex(1)

    def _kind(self) -> RequestKind:
        return RequestKind(self.kind.currentData())

    def _role(self) -> RequesterRole:
        return RequesterRole(self.provider.currentData())

    def _check(self) -> None:
        kind, role = self._kind(), self._role()
        self.fee.setEnabled(kind.fee_allowed)
        self.own_number.setVisible(kind is RequestKind.DISCLOSURE)
        if role is RequesterRole.SELF:
            self.subject.setText(self.requester.text())
        self.subject.setReadOnly(role is RequesterRole.SELF)
        try:
            day = self.received.value()
        except ValueError:
            day = None
        if not self.requester.text().strip() or not self.requested.text().strip():
            message = self.tr("Enter the requester and what is asked for.")
        elif day is None:
            message = self.tr("Enter the day the request was received, e.g. 2026-11-20.")
        elif day > self.today:
            message = self.tr("The day received is in the future.")
        else:
            message = ""
        self.status.setText(message)
        self.status.setStyleSheet(ERROR_STYLE)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not message)

    def intake(self) -> Intake:
        kind = self._kind()
        return Intake(
            kind=kind,
            subject_name=self.subject.text(),
            requester_name=self.requester.text(),
            provider=self._role(),
            received_on=self.received.value() or self.today,
            channel=RequesterChannel(self.channel.currentData()),
            requested=self.requested.text(),
            person_id=self.person.currentData(),
            contact=self.contact.text(),
            method=self.method.currentText(),
            fee=self.fee.text() if kind.fee_allowed else "",
            own_number_requested=kind is RequestKind.DISCLOSURE and self.own_number.isChecked(),
        )


class DecisionDialog(QDialog):
    def __init__(self, kind: RequestKind, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(self.tr("Decide: %1").replace("%1", kind.label))
        self.kind = kind
        self.decision = QComboBox()
        self.decision.setObjectName("decisionChoice")
        for decision in decisions_for(kind):
            self.decision.addItem(decision_label(kind, decision), decision.value)
        self.grounds: dict[Ground, QCheckBox] = {}
        grounds_box = QGroupBox(self.tr("Grounds (for a partial or refused decision)"))
        inner = QVBoxLayout(grounds_box)
        for ground in grounds_for(kind):
            tick = QCheckBox(f"{ground.article}：{ground.label}")
            tick.setObjectName(f"ground_{ground.value}")
            tick.toggled.connect(self._check)
            self.grounds[ground] = tick
            inner.addWidget(tick)
        grounds_box.setVisible(bool(self.grounds))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("decisionReason")
        self.reason.setMaximumHeight(90)
        self.withheld = QLineEdit()
        self.withheld.setObjectName("decisionWithheld")
        form = QFormLayout()
        form.addRow(self.tr("Decision"), self.decision)
        form.addRow(self.tr("Reason (explained in the notice)"), self.reason)
        form.addRow(self.tr("Not disclosed (partial)"), self.withheld)
        self.status = _status()
        self.buttons = _buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(grounds_box)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.decision.currentIndexChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self.withheld.textChanged.connect(self._check)
        self.resize(640, 460)
        self._check()

    def chosen(self) -> Decision:
        return Decision(self.decision.currentData())

    def chosen_grounds(self) -> tuple[Ground, ...]:
        return tuple(ground for ground, tick in self.grounds.items() if tick.isChecked())

    def _check(self) -> None:
        decision = self.chosen()
        self.withheld.setEnabled(decision is Decision.PARTIAL)
        # The reason is read by the person: an example in the words a notice uses.
        self.reason.setPlaceholderText(_REASON_EXAMPLES.get(decision, ""))
        problems = list(
            decision_problems(
                self.kind, decision, self.chosen_grounds(), self.reason.toPlainText().strip()
            )
        )
        if decision is Decision.PARTIAL and not self.withheld.text().strip():
            problems.append(self.tr("Enter what is not disclosed."))
        self.status.setText("\n".join(problems))
        self.status.setStyleSheet(ERROR_STYLE)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)


_REASON_EXAMPLES = {
    Decision.NOT_HELD: "（例）ご請求に係るご本人の保有個人データは、当事業所では保有しておりません。",
    Decision.REFUSED: "（例）○○法第○条の規定により開示が禁じられているため。",
    Decision.PARTIAL: "（例）他の従業員の評価が記載されており、その方の権利利益を害するおそれがあるため。",
    Decision.NOT_CORRECTED: "（例）調査の結果、ご指摘の項目は届出のとおりで、誤りは認められませんでした。",
    Decision.NOT_STOPPED: "（例）源泉徴収票の作成など、法令に基づく事務に必要なため。",
}


class DiscardDialog(QDialog):
    """The request files past the years they are kept, and the manager's password to discard
    them."""

    def __init__(self, rows: list[RequestRow], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("discardRequestsDialog")
        self.setWindowTitle(self.tr("Discard request files past their keeping period"))
        self.setMinimumWidth(640)
        intro = QLabel(
            self.tr(
                "These files were closed or withdrawn and are past the years they are kept "
                "(settings). Discarding deletes each request and its history for good; the "
                "access log keeps that it was discarded, without the names."
            )
        )
        intro.setWordWrap(True)
        table = QTableWidget(len(rows), 5)
        table.setObjectName("discardTable")
        table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Request"),
                self.tr("Requester (person)"),
                self.tr("State"),
                self.tr("Kept until"),
            ]
        )
        make_read_only(table, stretch=2, selection=None)
        for index, row in enumerate(rows):
            values = (
                str(row.id),
                RequestKind(row.kind).label,
                row.requester_name
                if row.requester_name == row.subject_name
                else f"{row.requester_name}（{row.subject_name}）",
                State(row.state).label,
                japanese_day(date.fromisoformat(row.keep_until)) if row.keep_until else "",
            )
            for column, value in enumerate(values):
                table.setItem(index, column, QTableWidgetItem(value))
        self.password_edit = PasswordEdit()
        self.password_edit.setObjectName("discardPasswordEdit")
        form = QFormLayout()
        form.addRow(self.tr("Your password"), self.password_edit)
        self.buttons = _buttons(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Discard %1 files").replace("%1", str(len(rows)))
        )
        self.password_edit.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.password_edit.text())
        )

    def password(self) -> str:
        return self.password_edit.text()
