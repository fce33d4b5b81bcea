"""The last pages of the identity check: what was compared, the number (typed, or carried
over from its registration), and the result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from app.domain import my_number
from app.domain.purposes import CATALOG
from app.domain.verification import (
    Channel,
    Comparison,
    IdentityField,
)
from ui.check_wizard import CheckResultPage, missing_html
from ui.dialogs.number_entry_dialog import AGAIN_REASONS, number_edit
from ui.dialogs.person_dialog import reason_box
from ui.styles import ERROR_STYLE, NOTE_STYLE, OK_STYLE, set_role
from ui.verification_pages import VerificationPage, checks_html, wrapped

if TYPE_CHECKING:
    from ui.verification_wizard import VerificationWizard


class ComparePage(VerificationPage):
    def __init__(self, registered: str) -> None:
        super().__init__()
        self.setObjectName("verificationComparePage")
        self.setTitle(self.tr("Compare the details"))
        self.setSubTitle(
            self.tr(
                "Compare the name and the birth date or address on the documents (and on the "
                "power of attorney or our record) with each other."
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(self.tr("On record: %1").replace("%1", registered), NOTE_STYLE))
        fields_box = QGroupBox(self.tr("Compared"))
        fields_layout = QHBoxLayout(fields_box)
        self.fields: dict[IdentityField, QCheckBox] = {}
        for field in IdentityField:
            box = QCheckBox(field.label)
            box.setObjectName(f"field_{field.value}")
            box.toggled.connect(self.completeChanged)
            self.fields[field] = box
            fields_layout.addWidget(box)
        layout.addWidget(fields_box)
        self.match_group = QButtonGroup(self)
        self.all_match = QRadioButton(self.tr("Everything compared matches"))
        self.all_match.setObjectName("allMatchRadio")
        self.mismatch = QRadioButton(self.tr("Something does not match"))
        self.mismatch.setObjectName("mismatchRadio")
        for button in (self.all_match, self.mismatch):
            self.match_group.addButton(button)
            button.toggled.connect(self.completeChanged)
            layout.addWidget(button)
        self.face = QCheckBox(
            self.tr("I compared the photo with the face of the person in front of me: the same")
        )
        self.face.setObjectName("faceMatchBox")
        layout.addSpacing(8)
        layout.addWidget(self.face)
        self.status = wrapped(style=NOTE_STYLE)
        self.status.setObjectName("compareStatus")
        layout.addWidget(self.status)
        layout.addStretch()
        self._face_asked = False
        self._face_for: tuple[str, ...] = ()

    def initializePage(self) -> None:
        wizard = self.wizard_()
        in_person = wizard.channel is Channel.IN_PERSON
        photos = tuple(d.code for d in wizard.chosen_documents() if d.has_photo)
        if photos != self._face_for:
            self.face.setChecked(False)  # a tick was for another photo
            self._face_for = photos
        self._face_asked = in_person and bool(photos)
        self.face.setVisible(self._face_asked)

    def comparison(self) -> Comparison:
        fields = frozenset(f for f, box in self.fields.items() if box.isChecked())
        face = True if self._face_asked and self.face.isChecked() else None
        return Comparison(fields, self.all_match.isChecked(), face)

    def isComplete(self) -> bool:
        if not any(b.isChecked() for b in self.fields.values()):
            message = self.tr("Tick what you compared.")
        elif not (self.all_match.isChecked() or self.mismatch.isChecked()):
            message = self.tr("Say whether everything compared matches.")
        else:
            message = ""
        self.status.setText(message)
        return not message


class NumberPage(VerificationPage):
    """A new number typed twice with its purposes; or, when one is on file, the number on the
    documents typed once and compared with it by the service (nothing is shown)."""

    def __init__(
        self, registering: bool, purposes: tuple[str, ...], *, deleted: str | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("verificationNumberPage")
        self.registering = registering
        # A new number for a person whose number was deleted: registering it needs a reason.
        self.again = registering and deleted is not None
        self.setTitle(self.tr("The number received") if registering else self.tr("Number check"))
        self.setSubTitle(
            self.tr("Type it twice; the second entry is hidden.")
            if registering
            else self.tr(
                "Type the number on the document you checked (for a dependent, on the "
                "employee's form). It is compared with the number on file, which is not shown."
            )
        )
        self.first = number_edit(masked=not registering)
        self.first.setObjectName("verifyNumberFirst")
        self.second = number_edit(masked=True)
        self.second.setObjectName("verifyNumberSecond")
        self.reason = reason_box(
            AGAIN_REASONS, self.tr("Why is a number registered again? (kept in the log)")
        )
        self.reason.setObjectName("verifyNumberReason")
        self.reason.currentTextChanged.connect(self.completeChanged)
        self.carried_note = wrapped(
            self.tr(
                "The number you typed twice when registering it is filled in (hidden). It is "
                "compared with the number on file; change it only if the document shows "
                "another."
            )
        )
        self.carried_note.setObjectName("verifyNumberCarried")
        self.carried_note.hide()
        form = QFormLayout()
        form.addRow(self.tr("My Number"), self.first)
        if registering:
            form.addRow(self.tr("Again (hidden)"), self.second)
        if self.again:
            form.addRow(self.tr("Reason for registering again *"), self.reason)
        self.status = wrapped()
        self.status.setObjectName("verifyNumberStatus")
        layout = QVBoxLayout(self)
        if self.again:
            banner = wrapped(
                self.tr(
                    "This person's My Number was deleted: %1. Registering one again needs a "
                    "reason, which is kept in the access log."
                ).replace("%1", deleted or "")
            )
            set_role(banner, "banner-warning")
            layout.addWidget(banner)
        layout.addWidget(self.carried_note)
        layout.addLayout(form)
        layout.addWidget(self.status)
        self.purpose_boxes: dict[str, QCheckBox] = {}
        if registering:
            box = QGroupBox(self.tr("Collected for (purposes notified to the person)"))
            inner = QVBoxLayout(box)
            for code in purposes:
                tick = QCheckBox(CATALOG[code].name)
                tick.setObjectName(f"verifyPurpose_{code}")
                tick.toggled.connect(self.completeChanged)
                self.purpose_boxes[code] = tick
                inner.addWidget(tick)
            layout.addWidget(box)
        layout.addStretch()
        for edit in (self.first, self.second):
            edit.textChanged.connect(self.completeChanged)

    def chosen_purposes(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.purpose_boxes.items() if box.isChecked())

    def isComplete(self) -> bool:
        first, second = self.first.text(), self.second.text()
        problem = my_number.problem(first) if first else None
        ok = False
        if not first:
            message = ""
        elif problem:
            message = problem
        elif self.registering and my_number.normalize(first) != my_number.normalize(second):
            message = self.tr("Type the same number again below.") if second else ""
        elif self.registering and not self.chosen_purposes():
            message = self.tr("Choose at least one purpose.")
        elif self.again and not self.reason.currentText().strip():
            message = self.tr("Enter why the number is registered again.")
        else:
            message, ok = self.tr("The check digit is correct."), True
        self.status.setText(message)
        self.status.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        return ok

    def carry(self, digits: bytearray) -> None:
        """The number just typed twice in the number entry dialog, in place of typing it
        here (the field stays hidden; the caller wipes the buffer)."""
        self.first.setText(digits.decode("ascii"))
        self.carried_note.show()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
        self.carried_note.hide()


class ResultPage(CheckResultPage):
    def __init__(self) -> None:
        super().__init__("verification")
        self.summary = QLabel()
        self.summary.setObjectName("resultSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.summary)

    def wizard_(self) -> VerificationWizard:
        return self.wizard()  # type: ignore[return-value]

    def initializePage(self) -> None:
        wizard = self.wizard_()
        assessment = wizard.assessment()
        problem = wizard.purpose_problem()
        sufficient = assessment.sufficient and problem is None
        parts = [checks_html(assessment)] if assessment.checks else []
        problems = [*assessment.explanations, *([problem] if problem else [])]
        if problems:
            parts.append(missing_html(self.tr("What is missing:"), problems))
        self.details.setText("<br>".join(parts))
        self.summary.setText(wizard.summary_html() if sufficient else "")
        self.set_outcome(assessment.outcome.label, sufficient)
