"""Registering a number: typed twice (the second time masked), checked as it is typed, with the
purposes it is collected for. The IME is told the field is sensitive digits, so it learns
nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import my_number
from app.domain.purposes import CATALOG
from app.session import Session
from ui.context import UiContext
from ui.dialogs.person_dialog import reason_box
from ui.errors import message_for

_INPUT = QRegularExpression(r"[0-9０-９ 　\-－]{0,20}")


def number_edit(masked: bool) -> QLineEdit:
    edit = QLineEdit()
    edit.setValidator(QRegularExpressionValidator(_INPUT, edit))
    edit.setInputMethodHints(
        Qt.InputMethodHint.ImhDigitsOnly
        | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
    )
    edit.setPlaceholderText("0000 0000 0000")
    if masked:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    else:
        edit.textEdited.connect(lambda text: _group(edit, text))
    return edit


def _group(edit: QLineEdit, text: str) -> None:
    """Show what is typed (or pasted, full-width too) as 1234 5678 9018, the way the card
    prints it; the caret stays after the same digit."""
    digits_before_caret = sum(ch.isdigit() for ch in text[: edit.cursorPosition()])
    digits = my_number.normalize(text)
    if not digits.isdigit() or len(digits) > my_number.LENGTH:
        return  # leave odd input alone: the check below explains it
    grouped = " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    if grouped == text:
        return
    edit.setText(grouped)
    caret = digits_before_caret + max(digits_before_caret - 1, 0) // 4
    edit.setCursorPosition(min(caret, len(grouped)))


class NumberEntryDialog(QDialog):
    """`correcting`: replace a wrongly entered number; its purposes stay, a reason is asked.
    With `save` (run on the database thread through `context`), the dialog stays open with the
    service's message when the number is refused, so nothing typed has to be typed again."""

    def __init__(
        self,
        person_name: str,
        purposes: list[str],
        parent: QWidget | None = None,
        *,
        correcting: bool = False,
        context: UiContext | None = None,
        save: Callable[[Session, str, str, list[str], str], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("numberEntryDialog")
        self.correcting = correcting
        self.context = context
        self._save = save
        self.setWindowTitle(
            self.tr("Correct the My Number") if correcting else self.tr("Register the My Number")
        )
        intro = QLabel(
            (
                self.tr(
                    "New My Number of %1. Type it twice; the second entry is hidden. The old "
                    "number is deleted and the new one needs an identity check again."
                )
                if correcting
                else self.tr("My Number of %1. Type it twice; the second entry is hidden.")
            ).replace("%1", person_name)
        )
        intro.setWordWrap(True)
        self.first_edit = number_edit(masked=False)
        self.first_edit.setObjectName("numberFirstEdit")
        self.second_edit = number_edit(masked=True)
        self.second_edit.setObjectName("numberSecondEdit")
        self.status = QLabel()
        self.status.setObjectName("numberStatus")
        self.status.setWordWrap(True)
        self.purpose_boxes: dict[str, QCheckBox] = {}
        purposes_box = QGroupBox(self.tr("Collected for (purposes notified to the person)"))
        purposes_layout = QVBoxLayout(purposes_box)
        for code in purposes:
            box = QCheckBox(CATALOG[code].name)
            box.setObjectName(f"purpose_{code}")
            box.setChecked(True)
            self.purpose_boxes[code] = box
            purposes_layout.addWidget(box)
        self.reason = reason_box(
            ("入力誤りの訂正", "個人番号の変更（番号の漏えい等による再指定）"),
            self.tr("Why is it changed? (kept in the record)"),
        )
        self.reason.setObjectName("numberReason")
        self.reason.currentTextChanged.connect(self._check)
        purposes_box.setVisible(not correcting)
        form = QFormLayout()
        form.addRow(self.tr("My Number"), self.first_edit)
        form.addRow(self.tr("Again (hidden)"), self.second_edit)
        if correcting:
            form.addRow(self.tr("Reason *"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(purposes_box)
        layout.addWidget(self.buttons)
        for edit in (self.first_edit, self.second_edit):
            edit.textChanged.connect(self._check)
        for box in self.purpose_boxes.values():
            box.toggled.connect(self._check)
        self._check()

    def _ok(self) -> None:
        if self._save is None or self.context is None:
            self.accept()
            return
        save = self._save
        first, second = self.first_edit.text(), self.second_edit.text()
        purposes, reason = self.chosen_purposes(), self.reason.currentText()
        self.buttons.setEnabled(False)

        def refused(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.status.setText(message_for(error))
            self.status.setStyleSheet("color: #b00020;")

        def saved(_result: object) -> None:
            self.clear()
            self.accept()

        self.context.run(
            lambda s: save(s, first, second, purposes, reason),
            owner=self,
            on_done=saved,
            on_error=refused,
        )

    def reject(self) -> None:
        self.clear()
        super().reject()

    def chosen_purposes(self) -> list[str]:
        return [code for code, box in self.purpose_boxes.items() if box.isChecked()]

    def _check(self) -> None:
        first, second = self.first_edit.text(), self.second_edit.text()
        problem = my_number.problem(first) if first else None
        if problem:
            message, ok = problem, False
        elif not first:
            message, ok = "", False
        elif my_number.normalize(second) != my_number.normalize(first):
            message = self.tr("Type the same number again below.") if second else ""
            ok = False
        elif not self.correcting and not self.chosen_purposes():
            message, ok = self.tr("Choose at least one purpose."), False
        elif self.correcting and not self.reason.currentText().strip():
            message, ok = self.tr("Enter the reason for the correction."), False
        else:
            message, ok = self.tr("The check digit is correct."), True
        self.status.setText(message)
        self.status.setStyleSheet("color: #1b5e20;" if ok else "color: #b00020;")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def clear(self) -> None:
        self.first_edit.clear()
        self.second_edit.clear()
