"""Adding or correcting an employee, a dependent or a payee; a correction asks why (規程第47条).
The dialog stays open with the service's message until the save succeeds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.display_dates import japanese_day, japanese_day_or
from app.domain.import_layout import parse_date
from app.domain.person_fields import EDITABLE, EMPLOYEE_STATUS, LABELS, PAYMENT_KINDS, Value
from app.domain.purposes import PersonKind
from app.services import people
from app.session import Session
from ui.context import UiContext
from ui.errors import message_for
from ui.styles import set_role

# Offered in the reason box; any other text may be typed.
COMMON_REASONS = (
    "入力誤りの訂正",
    "婚姻・離婚等による氏名の変更",
    "部署の異動",
    "本人からの訂正の申出",
    "扶養状況の変更",
    "契約内容の変更",
)

END_REASONS = {
    PersonKind.EMPLOYEE: ("自己都合退職", "定年退職", "契約期間満了", "会社都合退職", "死亡退職"),
    PersonKind.DEPENDENT: ("就職により扶養を外れた", "婚姻", "死亡", "別居"),
    PersonKind.PAYEE: ("契約期間満了", "契約の解除", "単発の支払の完了"),
}


class DateEdit(QLineEdit):
    """A date typed as 2026-04-01, 2026/4/1, 2026年4月1日 or 令和8年4月1日; empty is none."""

    def __init__(self, value: str | None = None) -> None:
        # Shown as a Japanese reader writes it; typed any of the ways above.
        super().__init__(japanese_day_or(value, "", weekday=False))
        self.setPlaceholderText(self.tr("e.g. 2026年4月1日"))
        self.setMaximumWidth(160)
        self.editingFinished.connect(self._tidy)

    def _tidy(self) -> None:
        try:
            parsed = self.value()
        except ValueError:
            self.setStyleSheet("border: 1px solid #b00020;")
            return
        self.setStyleSheet("")
        if parsed is not None:
            self.setText(japanese_day(parsed, weekday=False))

    def value(self) -> date | None:
        """Raises ValueError for text that is no date."""
        text = self.text().strip()
        return parse_date(text) if text else None


def reason_box(reasons: tuple[str, ...] | list[str], placeholder: str) -> QComboBox:
    """An editable choice of common reasons; the text typed is what is recorded."""
    box = QComboBox()
    box.setEditable(True)
    box.addItems(list(reasons))
    box.setCurrentText("")
    box.lineEdit().setPlaceholderText(placeholder)
    return box


class PersonDialog(QDialog):
    """`details` None: a new person of `kind`; else a correction of that person's record.
    `submit(session, values, reason)` runs on the database thread."""

    def __init__(
        self,
        context: UiContext,
        kind: PersonKind,
        submit: Callable[[Session, dict[str, Value], str], Any],
        *,
        details: Any = None,
        departments: list[str] | None = None,
        employee_name: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.context = context
        self.kind = kind
        self._submit = submit
        self.details = details
        self.result_value: Any = None
        titles = {
            PersonKind.EMPLOYEE: (self.tr("Add employee"), self.tr("Correct employee record")),
            PersonKind.DEPENDENT: (self.tr("Add dependent"), self.tr("Correct dependent record")),
            PersonKind.PAYEE: (self.tr("Add payee"), self.tr("Correct payee record")),
        }
        self.setWindowTitle(titles[kind][details is not None])
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout()
        if employee_name:
            form.addRow(self.tr("Employee"), QLabel(employee_name))
        for field in EDITABLE[kind]:
            if details is None and field in ("leave_date", "status", "valid_to"):
                continue  # a new person is current; ending comes later through 「終了」
            widget = self._widget(field, getattr(details, field, None), departments or [])
            widget.setObjectName(f"person_{field}")
            self.fields[field] = widget
            label = LABELS[field] + (" *" if field in ("name", "kana", "code", "relation") else "")
            form.addRow(label, widget)
        self.reason = reason_box(COMMON_REASONS, self.tr("Why is it changed? (kept in the record)"))
        self.reason.setObjectName("personReason")
        if details is not None:
            form.addRow(self.tr("Reason for the change *"), self.reason)
        # A name with a character no bundled font prints: accepted as typed, with a warning
        # saying what the papers print in its place.
        self.name_warning = QLabel()
        self.name_warning.setObjectName("personNameWarning")
        self.name_warning.setWordWrap(True)
        set_role(self.name_warning, "banner-warning")
        self.name_warning.hide()
        name_edit = self.fields.get("name")
        if isinstance(name_edit, QLineEdit):
            name_edit.textChanged.connect(self._check_name)
            self._check_name(name_edit.text())
        self.message = QLabel()
        self.message.setObjectName("personDialogMessage")
        self.message.setWordWrap(True)
        set_role(self.message, "error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if details is not None:
            note = QLabel(
                self.tr(
                    "Each change is kept as a correction record (who, when, why, before and "
                    "after) for at least one year."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.name_warning)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def _check_name(self, text: str) -> None:
        found = people.unprintable(text) if text and not text.isascii() else []
        if not found:
            self.name_warning.hide()
            return
        left_out = self.tr("left out")
        pairs = "、".join(
            f"「{u.char}」→「{u.substitute}」" if u.substitute else f"「{u.char}」（{left_out}）"
            for u in found
        )
        self.name_warning.setText(
            self.tr(
                "Some characters of this name cannot be printed with the program's fonts: %1. "
                "The papers print the usual character in their place; the name is kept as typed."
            ).replace("%1", pairs)
        )
        self.name_warning.show()

    def _widget(self, field: str, value: Any, departments: list[str]) -> QWidget:
        if field in ("pension_category3",):
            box = QCheckBox(self.tr("Spouse is a category 3 insured person"))
            box.setChecked(bool(value))
            return box
        if field == "continuing":
            combo = QComboBox()
            combo.addItem(self.tr("One-off"), False)
            combo.addItem(self.tr("Continuing contract"), True)
            combo.setCurrentIndex(1 if value else 0)
            return combo
        if field in ("status", "payment_kind"):
            combo = QComboBox()
            for code, label in (EMPLOYEE_STATUS if field == "status" else PAYMENT_KINDS).items():
                combo.addItem(label, code)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            return combo
        if field == "department":
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItems(departments)
            combo.setCurrentText(value or "")
            return combo
        if field == "relation":
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItems(["配偶者", "子", "父", "母", "その他"])
            combo.setCurrentText(value or "")
            return combo
        if field.endswith("_date") or field in ("valid_from", "valid_to") or "contract_" in field:
            return DateEdit(value)
        edit = QLineEdit(value or "")
        if field == "corporate_number":
            edit.setPlaceholderText(self.tr("13 digits, if the payee is a corporation"))
        return edit

    def values(self) -> dict[str, Value]:
        """What the form holds; raises ValueError naming the field whose date is unreadable."""
        out: dict[str, Value] = {}
        for field, widget in self.fields.items():
            if isinstance(widget, DateEdit):
                try:
                    out[field] = widget.value()
                except ValueError:
                    raise ValueError(LABELS[field]) from None
            elif isinstance(widget, QCheckBox):
                out[field] = widget.isChecked()
            elif isinstance(widget, QComboBox) and not widget.isEditable():
                out[field] = widget.currentData()
            elif isinstance(widget, QComboBox):
                out[field] = widget.currentText()
            elif isinstance(widget, QLineEdit):
                out[field] = widget.text()
        return out

    def _save(self) -> None:
        try:
            values = self.values()
        except ValueError as bad:
            self.message.setText(
                self.tr("%1: enter a date such as 2026-04-01 or 令和8年4月1日.").replace(
                    "%1", str(bad)
                )
            )
            return
        reason = self.reason.currentText()
        submit = self._submit
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Saving…"))

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.message.setText(message_for(error))

        self.context.run(
            lambda s: submit(s, values, reason),
            owner=self,
            on_done=self._saved,
            on_error=failed,
        )

    def _saved(self, result: Any) -> None:
        if getattr(result, "changed", None) == []:  # a correction that changed nothing
            self.buttons.setEnabled(True)
            self.message.setText(self.tr("Nothing was changed."))
            return
        self.result_value = result
        self.accept()


class RetireDialog(QDialog):
    """退職 / 扶養から外れる / 契約終了: the day the ongoing need ends, and why."""

    def __init__(
        self,
        context: UiContext,
        person_id: int,
        kind: PersonKind,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("retireDialog")
        self.context = context
        self.person_id = person_id
        titles = {
            PersonKind.EMPLOYEE: self.tr("Record leaving: %1"),
            PersonKind.DEPENDENT: self.tr("End of dependency: %1"),
            PersonKind.PAYEE: self.tr("End of contract: %1"),
        }
        self.setWindowTitle(titles[kind].replace("%1", name))
        today = context.session.clock.now().date() if context.session else None
        self.date_edit = DateEdit(today.isoformat() if today else None)
        self.date_edit.setObjectName("retireDate")
        self.reason = reason_box(END_REASONS[kind], self.tr("Why does it end?"))
        self.reason.setObjectName("retireReason")
        note = QLabel(
            self.tr(
                "The number is not deleted now: it must be kept while the documents that hold "
                "it must be kept, and the retention list shows from when it may be deleted."
            )
        )
        note.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("retireMessage")
        self.message.setWordWrap(True)
        set_role(self.message, "error")
        form = QFormLayout()
        form.addRow(self.tr("Last day"), self.date_edit)
        form.addRow(self.tr("Reason *"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _save(self) -> None:
        from app.services import corrections

        try:
            day = self.date_edit.value()
        except ValueError:
            day = None
        if day is None:
            self.message.setText(self.tr("Enter the last day, such as 2026-03-31."))
            return
        person_id, reason = self.person_id, self.reason.currentText()
        self.buttons.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.message.setText(message_for(error))

        self.context.run(
            lambda s: corrections.retire(s, person_id, day, reason),
            owner=self,
            on_done=lambda _r: self.accept(),
            on_error=failed,
        )
