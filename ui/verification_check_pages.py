"""The last pages of the identity check: the number (typed, or carried over from its
registration) and the result. The comparison is in ui.verification_compare_page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from app.domain import my_number
from ui.check_wizard import CheckResultPage, missing_html
from ui.dialogs.number_entry_dialog import AGAIN_REASONS, number_edit
from ui.dialogs.person_dialog import reason_box
from ui.styles import ERROR_STYLE, OK_STYLE, set_role
from ui.verification_pages import VerificationPage, checks_html, wrapped

if TYPE_CHECKING:
    from ui.verification_wizard import VerificationWizard


class NumberPage(VerificationPage):
    """A new number typed twice with its purposes; or, when one is on file, the number on the
    documents typed once and compared with it by the service (nothing is shown)."""

    def __init__(self, registering: bool, *, deleted: str | None = None) -> None:
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
        layout.addStretch()
        for edit in (self.first, self.second):
            edit.textChanged.connect(self.completeChanged)

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
        if assessment.stopped:
            # Only the stop and its reason: no green line beside it, nothing else to fix.
            self.details.setText(
                missing_html(self.tr("Why the check stops:"), assessment.explanations[:1])
            )
        else:
            parts = [checks_html(assessment)] if assessment.checks else []
            problems = [*assessment.explanations, *([problem] if problem else [])]
            if problems:
                parts.append(missing_html(self.tr("What is missing:"), problems))
            self.details.setText("<br>".join(parts))
        self.summary.setText(wizard.summary_html() if sufficient else "")
        self.set_outcome(assessment.outcome.label, sufficient)
