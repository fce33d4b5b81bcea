"""The shell both identity checks share: a number's 本人確認 (ui.verification_wizard) and its
request mode, a requester's (ui.requester_wizard). The same size and buttons, and the same
「記録する」: written on the database thread, and on a refusal the wizard stays open with the
reason, so nothing the clerk entered is lost."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.session import Session
from ui.context import UiContext
from ui.errors import message_for
from ui.styles import ERROR_STYLE, OK_STYLE

T = TypeVar("T")


class CheckWizard(QWizard):
    def __init__(self, context: UiContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.setMinimumSize(760, 640)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Record"))

    def record(
        self, work: Callable[[Session], T], error: QLabel, saved: Callable[[T], None]
    ) -> None:
        finish = self.button(QWizard.WizardButton.FinishButton)
        finish.setEnabled(False)

        def refused(exc: BaseException) -> None:
            finish.setEnabled(True)
            error.setText(message_for(exc))

        def done(result: T) -> None:
            saved(result)
            QWizard.accept(self)

        self.context.run(work, owner=self, on_done=done, on_error=refused)


_OUTCOME_FONT = "font-size: 15px; font-weight: bold;"


def _label(name: str, rich: bool) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    return label


class CheckResultPage(QWizardPage):
    """The last page of either check: the outcome in green or red, the details (what is
    missing, or what the record keeps), a note, and the service's refusal if any. Finish
    (「記録する」) is enabled only when the check is sufficient (set_outcome)."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.setObjectName(f"{prefix}ResultPage")
        self.setTitle(self.tr("Result"))
        self.outcome = _label(f"{prefix}Outcome", rich=False)
        self.details = _label(f"{prefix}Details", rich=True)
        self.note = QLineEdit()
        self.note.setObjectName(f"{prefix}NoteEdit")
        self.note.setMaxLength(200)
        self.error = _label(f"{prefix}ResultError", rich=False)
        self.error.setStyleSheet(ERROR_STYLE)
        self.body = QVBoxLayout()  # between the details and the note: a page's own labels
        form = QFormLayout()
        form.addRow(self.tr("Note"), self.note)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.outcome)
        inner.addWidget(self.details)
        inner.addLayout(self.body)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self._sufficient = False

    def set_outcome(self, text: str, sufficient: bool) -> None:
        self._sufficient = sufficient
        self.error.clear()
        self.outcome.setText(text)
        self.outcome.setStyleSheet(_OUTCOME_FONT + (OK_STYLE if sufficient else ERROR_STYLE))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._sufficient


def missing_html(heading: str, problems: Sequence[str]) -> str:
    return (
        f"<b>{escape(heading)}</b><ul>"
        + "".join(f"<li style='{ERROR_STYLE}'>{escape(p)}</li>" for p in problems)
        + "</ul>"
    )


def kept_html(heading: str, rows: Sequence[tuple[str, str]], footnote: str) -> str:
    """What the record will keep, as a label | value table, and what it never keeps."""
    table = "".join(
        f"<tr><td><b>{escape(label)}</b></td><td>{escape(value)}</td></tr>" for label, value in rows
    )
    return (
        f"<p><b>{escape(heading)}</b></p><table cellspacing='4'>{table}</table>"
        f"<p>{escape(footnote)}</p>"
    )
