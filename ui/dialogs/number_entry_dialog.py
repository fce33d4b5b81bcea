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
from ui import icons
from ui.context import UiContext
from ui.dialogs.person_dialog import reason_box
from ui.errors import message_for
from ui.styles import make_primary, set_role

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


# Common reasons for registering a number again after a deletion run deleted the old one.
AGAIN_REASONS = (
    "再雇用・再入社のため",
    "再び扶養親族になったため",
    "支払先との契約を再開したため",
    "新たな事務で個人番号が必要になったため",
)


def wipe(buffer: bytearray) -> None:
    """Overwrite a number carried in memory (the caller then drops the buffer)."""
    buffer[:] = bytes(len(buffer))


class NumberEntryDialog(QDialog):
    """`correcting`: replace a wrongly entered number; its purposes stay, a reason is asked.
    `deleted`: the person's number was deleted before (the text says when); registering one
    again asks why. With `save` (run on the database thread through `context`), the dialog
    stays open with the service's message when the number is refused, so nothing typed has to
    be typed again. `offer_check`: a 「続けて本人確認」 button saves and then hands the number
    just typed (take_carried) to the identity check, so it is not typed a third time."""

    def __init__(
        self,
        person_name: str,
        purposes: list[str],
        parent: QWidget | None = None,
        *,
        correcting: bool = False,
        context: UiContext | None = None,
        save: Callable[[Session, str, str, list[str], str], Any] | None = None,
        deleted: str | None = None,
        offer_check: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("numberEntryDialog")
        self.correcting = correcting
        self.again = deleted is not None and not correcting
        self.context = context
        self._save = save
        self._carried: bytearray | None = None
        self._continue = False
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
        self.reason = (
            reason_box(
                AGAIN_REASONS, self.tr("Why is a number registered again? (kept in the log)")
            )
            if self.again
            else reason_box(
                ("入力誤りの訂正", "個人番号の変更（番号の漏えい等による再指定）"),
                self.tr("Why is it changed? (kept in the record)"),
            )
        )
        self.reason.setObjectName("numberReason")
        self.reason.setMinimumContentsLength(24)
        self.reason.currentTextChanged.connect(self._check)
        purposes_box.setVisible(not correcting)
        self.deleted_banner = QLabel(
            self.tr(
                "This person's My Number was deleted: %1. Registering one again needs a "
                "reason, which is kept in the access log."
            ).replace("%1", deleted or "")
        )
        self.deleted_banner.setObjectName("numberDeletedBanner")
        self.deleted_banner.setWordWrap(True)
        set_role(self.deleted_banner, "banner-warning")
        self.deleted_banner.setVisible(self.again)
        form = QFormLayout()
        form.addRow(self.tr("My Number"), self.first_edit)
        form.addRow(self.tr("Again (hidden)"), self.second_edit)
        if correcting:
            form.addRow(self.tr("Reason *"), self.reason)
        elif self.again:
            form.addRow(self.tr("Reason for registering again *"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Correct") if correcting else self.tr("Register"))
        make_primary(ok)
        self.check_button = self.buttons.addButton(
            self.tr("Correct and check identity…")
            if correcting
            else self.tr("Register and check identity…"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.check_button.setObjectName("numberThenCheckButton")
        self.check_button.setIcon(icons.icon("shield_checkmark"))
        self.check_button.setToolTip(
            self.tr(
                "Saves the number, then opens the identity check with the number just typed "
                "filled in (hidden), so it is not typed a third time."
            )
        )
        self.check_button.setVisible(offer_check and save is not None)
        self.check_button.clicked.connect(self._save_then_check)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.deleted_banner)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(purposes_box)
        layout.addWidget(self.buttons)
        for edit in (self.first_edit, self.second_edit):
            edit.textChanged.connect(self._check)
        for box in self.purpose_boxes.values():
            box.toggled.connect(self._check)
        self._check()

    def _save_then_check(self) -> None:
        self._continue = True
        self._ok()

    def _ok(self) -> None:
        if self._save is None or self.context is None:
            self.accept()
            return
        save = self._save
        first, second = self.first_edit.text(), self.second_edit.text()
        purposes, reason = self.chosen_purposes(), self.reason.currentText()
        self.buttons.setEnabled(False)

        def refused(error: BaseException) -> None:
            self._continue = False
            self.buttons.setEnabled(True)
            self.status.setText(message_for(error))
            set_role(self.status, "error")

        def saved(_result: object) -> None:
            if self._continue:
                self._carried = bytearray(my_number.normalize(first).encode("ascii"))
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
        self.drop_carried()
        super().reject()

    def take_carried(self) -> bytearray | None:
        """The number just saved, when 「続けて本人確認」 was chosen; the caller owns (and wipes)
        it from here on."""
        carried, self._carried = self._carried, None
        return carried

    def drop_carried(self) -> None:
        if self._carried is not None:
            wipe(self._carried)
            self._carried = None

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
        elif self.again and not self.reason.currentText().strip():
            message, ok = self.tr("Enter why the number is registered again."), False
        else:
            message, ok = self.tr("The check digit is correct."), True
        self.status.setText(message)
        set_role(self.status, "ok" if ok else "error")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.check_button.setEnabled(ok)

    def clear(self) -> None:
        self.first_edit.clear()
        self.second_edit.clear()
