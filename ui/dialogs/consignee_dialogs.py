"""The consignee page's dialogs: a consignee's company data, a hearing's result, a
sub-consignee's approval and a deletion certificate received. Each only gathers values; the
page runs the service with them on the database thread."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.consignees import HEARING_TEXT, HearingKind, HearingResult, hearing_year
from app.domain.display_dates import japanese_day
from app.domain.purposes import CATALOG
from app.services.consignees import Company, ConsigneeRow
from ui import file_dialogs
from ui.dialogs.person_dialog import DateEdit
from ui.styles import make_primary, set_role


def _text(name: str, limit: int, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(limit)
    edit.setPlaceholderText(placeholder)
    return edit


def _area(name: str, height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setFixedHeight(height)
    return edit


def _date(name: str, value: date | None) -> DateEdit:
    edit = DateEdit(value.isoformat() if value else None)
    edit.setObjectName(name)
    edit.setMinimumWidth(150)
    return edit


class _Form(QDialog):
    """A form with OK (named `ok_text`, the primary action) and Cancel; OK is enabled while
    `ready()` holds, and a typed date that is no date keeps it closed with a message."""

    def __init__(self, name: str, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setObjectName("problemLabel")
        self.problem.setWordWrap(True)
        set_role(self.problem, "error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        make_primary(self.ok)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)

    def finish(self) -> None:
        self.layout_.addWidget(self.problem)
        self.layout_.addWidget(self.buttons)
        self.update_ok()

    def ready(self) -> bool:
        return True

    def update_ok(self) -> None:
        self.ok.setEnabled(self.ready())

    def dates(self) -> list[DateEdit]:
        return []

    def _accept(self) -> None:
        for edit in self.dates():
            try:
                value = edit.value()
            except ValueError:
                value = None
            if value is None:
                self.problem.setText(self.tr("Enter a date, e.g. 2026年4月1日."))
                edit.setFocus()
                return
        self.accept()


class ConsigneeDialog(_Form):
    """A new consignee (`row` None) or its company data to correct."""

    def __init__(self, row: ConsigneeRow | None, parent: QWidget | None = None) -> None:
        super().__init__(
            "consigneeDialog",
            self.tr("Register a consignee") if row is None else self.tr("Edit the consignee"),
            self.tr("Register") if row is None else self.tr("Save"),
            parent,
        )
        self.name = _text("consigneeNameEdit", 60, self.tr("e.g. ○○給与計算センター株式会社"))
        self.corporate = _text("corporateNumberEdit", 20, self.tr("13 digits (optional)"))
        self.address = _text("consigneeAddressEdit", 120)
        self.contact = _text("consigneeContactEdit", 120, self.tr("Phone, person in charge"))
        self.purpose_boxes: dict[str, QCheckBox] = {}
        purposes = QWidget()
        grid = QGridLayout(purposes)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, (code, purpose) in enumerate(CATALOG.items()):
            box = QCheckBox(purpose.short_name)
            box.setObjectName(f"purpose_{code}")
            box.setToolTip(purpose.name)
            self.purpose_boxes[code] = box
            grid.addWidget(box, index // 2, index % 2)
        self.work = _area("consigneeWorkEdit")
        self.work.setPlaceholderText(self.tr("e.g. Payroll and year-end adjustment"))
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Corporate number"), self.corporate)
        self.form.addRow(self.tr("Address"), self.address)
        self.form.addRow(self.tr("Contact"), self.contact)
        self.form.addRow(self.tr("Work consigned (事務)"), purposes)
        self.form.addRow(self.tr("What is consigned"), self.work)
        if row is not None:
            self.name.setText(row.name)
            self.corporate.setText(row.corporate_number or "")
            self.address.setText(row.address)
            self.contact.setText(row.contact)
            for code in row.purposes:
                if code in self.purpose_boxes:
                    self.purpose_boxes[code].setChecked(True)
            self.work.setPlainText(row.work)
        hint = QLabel(
            self.tr(
                "Company data only. A consignee handles My Numbers only after the selection "
                "check and the contract are recorded and it is approved."
            )
        )
        hint.setWordWrap(True)
        set_role(hint, "note")
        self.layout_.addWidget(hint)
        self.name.textChanged.connect(self.update_ok)
        self.finish()
        self.resize(620, self.sizeHint().height())

    def ready(self) -> bool:
        return bool(self.name.text().strip())

    def values(self) -> Company:
        return Company(
            name=self.name.text(),
            corporate_number=self.corporate.text(),
            address=self.address.text(),
            contact=self.contact.text(),
            purposes=tuple(code for code, box in self.purpose_boxes.items() if box.isChecked()),
            work=self.work.toPlainText(),
        )


class HearingDialog(_Form):
    """A hearing's record: the April one of its year or an extra one, and its result."""

    def __init__(self, today: date, held_by: str, parent: QWidget | None = None) -> None:
        super().__init__(
            "hearingDialog", self.tr("Record a hearing"), self.tr("Record the hearing"), parent
        )
        self.kind = QComboBox()
        self.kind.setObjectName("hearingKindCombo")
        self.kind.addItem(self.tr("The yearly April hearing"), HearingKind.APRIL.value)
        self.kind.addItem(self.tr("An extra hearing (as needed)"), HearingKind.EXTRA.value)
        self.year = QSpinBox()
        self.year.setObjectName("hearingYearSpin")
        self.year.setRange(2015, today.year)
        self.year.setValue(hearing_year(today))
        self.year.setSuffix(self.tr(" (year)"))
        self.held_on = _date("heldOnEdit", today)
        self.held_by = _text("heldByEdit", 60)
        self.held_by.setText(held_by)
        self.result = QComboBox()
        self.result.setObjectName("hearingResultCombo")
        self.result.addItem(self.tr("Adequate"), HearingResult.ADEQUATE.value)
        self.result.addItem(self.tr("Needs improvement"), HearingResult.IMPROVE.value)
        self.note = _area("hearingNoteEdit")
        self.note.setPlaceholderText(
            self.tr("What was checked, e.g. access control, staff training, disposal records")
        )
        self.follow_up = _area("followUpEdit")
        self.follow_up.setPlaceholderText(
            self.tr("The improvement asked for and when it is checked (needed for 要改善)")
        )
        row = QHBoxLayout()
        row.addWidget(self.kind, 1)
        row.addWidget(self.year)
        self.form.addRow(self.tr("Hearing"), row)
        self.form.addRow(self.tr("Held on"), self.held_on)
        self.form.addRow(self.tr("Held by"), self.held_by)
        self.form.addRow(self.tr("Result"), self.result)
        self.form.addRow(self.tr("What was checked"), self.note)
        self.form.addRow(self.tr("Follow-up"), self.follow_up)
        rule = QLabel(HEARING_TEXT)
        rule.setWordWrap(True)
        set_role(rule, "note")
        self.layout_.insertWidget(0, rule)
        for signal in (self.held_by.textChanged, self.follow_up.textChanged):
            signal.connect(self.update_ok)
        self.result.currentIndexChanged.connect(self.update_ok)
        self.finish()
        self.resize(620, self.sizeHint().height())

    def ready(self) -> bool:
        improve = self.result.currentData() == HearingResult.IMPROVE.value
        return bool(self.held_by.text().strip()) and (
            not improve or bool(self.follow_up.toPlainText().strip())
        )

    def dates(self) -> list[DateEdit]:
        return [self.held_on]

    def values(self) -> dict[str, object]:
        return {
            "year": self.year.value(),
            "kind": HearingKind(self.kind.currentData()),
            "held_on": self.held_on.value(),
            "held_by": self.held_by.text(),
            "result": HearingResult(self.result.currentData()),
            "note": self.note.toPlainText(),
            "follow_up": self.follow_up.toPlainText(),
        }


class SubConsigneeDialog(_Form):
    """The office's permission for a sub-consignee (規程第43条)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(
            "subConsigneeDialog",
            self.tr("Approve a sub-consignee"),
            self.tr("Approve the sub-consignee"),
            parent,
        )
        self.name = _text("subNameEdit", 60)
        self.scope = _area("subScopeEdit")
        self.on = _date("subApprovedOnEdit", today)
        self.clauses = QCheckBox(
            self.tr(
                "The sub-consignment contract holds clauses equal to the ten of 第42条第4項 "
                "(第43条第3項)"
            )
        )
        self.clauses.setObjectName("subClausesCheck")
        self.form.addRow(self.tr("Sub-consignee"), self.name)
        self.form.addRow(self.tr("Work sub-consigned"), self.scope)
        self.form.addRow(self.tr("Approved on"), self.on)
        self.form.addRow("", self.clauses)
        self.name.textChanged.connect(self.update_ok)
        self.scope.textChanged.connect(self.update_ok)
        self.clauses.toggled.connect(self.update_ok)
        self.finish()
        self.resize(600, self.sizeHint().height())

    def ready(self) -> bool:
        return (
            bool(self.name.text().strip())
            and bool(self.scope.toPlainText().strip())
            and self.clauses.isChecked()
        )

    def dates(self) -> list[DateEdit]:
        return [self.on]

    def values(self) -> dict[str, object]:
        return {
            "name": self.name.text(),
            "scope": self.scope.toPlainText(),
            "clauses_confirmed": self.clauses.isChecked(),
            "on": self.on.value(),
        }


class CertificateDialog(_Form):
    """A deletion certificate received: the day, what it certifies, and its file (PDF or an
    image, at most 10 MB), which is kept in the encrypted database only."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(
            "certificateDialog",
            self.tr("Deletion certificate received"),
            self.tr("Keep the certificate"),
            parent,
        )
        self.received_on = _date("receivedOnEdit", today)
        self.description = _text(
            "certificateDescriptionEdit", 200, self.tr("e.g. Deletion of the 2025 payroll data")
        )
        self.file = QLineEdit()
        self.file.setObjectName("certificateFileEdit")
        self.file.setReadOnly(True)
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("chooseCertificateButton")
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        self.form.addRow(self.tr("Received on"), self.received_on)
        self.form.addRow(self.tr("What it certifies"), self.description)
        self.form.addRow(self.tr("File"), row)
        hint = QLabel(
            self.tr(
                "A PDF, PNG or JPEG file of up to 10 MB. It is copied into the encrypted "
                "database; keep or delete the original as your rules say."
            )
        )
        hint.setWordWrap(True)
        set_role(hint, "note")
        self.layout_.addWidget(hint)
        self.description.textChanged.connect(self.update_ok)
        self.file.textChanged.connect(self.update_ok)
        self.finish()
        self.resize(600, self.sizeHint().height())

    def _choose(self) -> None:
        name, _ = file_dialogs.get_open_file_name(
            self,
            self.tr("Deletion certificate"),
            "",
            self.tr("PDF or images (*.pdf *.png *.jpg *.jpeg)"),
        )
        if name:
            self.file.setText(name)

    def ready(self) -> bool:
        return bool(self.description.text().strip()) and bool(self.file.text())

    def dates(self) -> list[DateEdit]:
        return [self.received_on]

    def values(self) -> dict[str, object]:
        return {"received_on": self.received_on.value(), "description": self.description.text()}


class EndDialog(_Form):
    """The consignment ended: the day and what became of the data (returned or destroyed)."""

    def __init__(self, today: date, name: str, parent: QWidget | None = None) -> None:
        super().__init__(
            "endConsigneeDialog", self.tr("End the consignment"), self.tr("End it"), parent
        )
        self.on = _date("endedOnEdit", today)
        self.note = _area("endNoteEdit")
        self.note.setPlaceholderText(
            self.tr("e.g. Contract ended; the data were returned and a certificate is awaited")
        )
        self.form.addRow(self.tr("Consignee"), QLabel(name))
        self.form.addRow(self.tr("Ended on"), self.on)
        self.form.addRow(self.tr("Return or disposal"), self.note)
        self.finish()
        self.resize(560, self.sizeHint().height())

    def dates(self) -> list[DateEdit]:
        return [self.on]

    def values(self) -> dict[str, object]:
        return {"on": self.on.value(), "note": self.note.toPlainText()}


def day_text(value: str | None) -> str:
    return japanese_day(value) if value else "—"
