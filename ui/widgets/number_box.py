"""The 「個人番号」 box of the person page: the masked number with 表示・コピー・訂正 side by side,
what is on file (or when it was deleted), its purposes, when it may be deleted, and the
identity check with its records."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.display_dates import japanese_day
from app.domain.purposes import CATALOG
from app.domain.retention import Retention
from app.services.people import PersonProfile
from ui import icons
from ui.context import UiContext
from ui.models.people_table_model import number_state
from ui.styles import set_role
from ui.widgets.masked_number import MaskedNumberWidget


def wrapping_label(name: str) -> QLabel:
    """Plain text that wraps to the width it is given and never widens the page."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setMinimumWidth(60)
    return label


def retention_text(kept: Retention) -> str:
    """The date a number may be deleted from and the reason that sets it."""
    if kept.may_delete_from is None:
        return QCoreApplication.translate("NumberBox", "Deletion: not yet (%1)").replace(
            "%1", kept.deciding.label
        )
    return (
        QCoreApplication.translate("NumberBox", "May be deleted from %1 (%2)")
        .replace("%1", japanese_day(kept.may_delete_from, weekday=False))
        .replace("%2", kept.deciding.label)
    )


def retention_tooltip(kept: Retention) -> str:
    return "\n".join(
        f"・{r.label}："
        + (f"{japanese_day(r.until, weekday=False)}まで" if r.until else "継続中")
        + f"（{r.basis}）"
        for r in kept.reasons
    )


class NumberBox(QGroupBox):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("My Number"), parent)
        self.setObjectName("numberBox")
        self.number_widget = MaskedNumberWidget(context)
        self.correct_button = QPushButton(icons.icon("edit"), self.tr("Correct…"))
        self.correct_button.setObjectName("correctNumberButton")
        self.correct_button.setToolTip(
            self.tr("Replace a wrongly entered number (the reason is kept in the record).")
        )
        self.number_widget.row.addWidget(self.correct_button)
        self.number_widget.row.addStretch()
        self.register_button = QPushButton(icons.icon("add"), self.tr("Register the My Number…"))
        self.register_button.setObjectName("registerNumberButton")
        self.register_button.setToolTip(
            self.tr(
                "Registers the number only; it then waits for an identity check. With the "
                "documents at hand, use 「Identity check…」 to register and verify at once."
            )
        )
        self.state = wrapping_label("numberState")
        self.purposes = wrapping_label("numberPurposes")
        set_role(self.purposes, "note")
        self.retention = wrapping_label("retentionLabel")
        set_role(self.retention, "note")
        self.verify_button = QPushButton(icons.icon("shield_checkmark"), self.tr("Identity check…"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setToolTip(
            self.tr(
                "Record the identity check (本人確認) of a number received; a new number is registered with it."
            )
        )
        self.verifications_button = QPushButton(
            icons.icon("document_search"), self.tr("Identity check records…")
        )
        self.verifications_button.setObjectName("verificationsButton")
        register_row = QHBoxLayout()
        register_row.addWidget(self.register_button)
        register_row.addStretch()
        checks = QHBoxLayout()
        checks.addWidget(self.verify_button)
        checks.addWidget(self.verifications_button)
        checks.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.number_widget)
        layout.addLayout(register_row)
        layout.addWidget(self.state)
        layout.addWidget(self.purposes)
        layout.addWidget(self.retention)
        layout.addLayout(checks)
        layout.addStretch()

    def show_profile(self, profile: PersonProfile) -> None:
        """The number of this person as far as the member may act on it (the auditor sees
        that one is held, never a way to ask for it)."""
        handles = profile.may_edit
        held = profile.has_number
        self.number_widget.setVisible(held and handles)
        self.number_widget.set_person(profile.details.id if held and handles else None)
        self.correct_button.setVisible(held and handles)
        self.register_button.setVisible(handles and not held)
        self.state.setText(number_state(profile))
        self.purposes.setVisible(held)
        self.purposes.setText(
            self.tr("Collected for: %1").replace(
                "%1", "、".join(CATALOG[c].name.split("（")[0] for c in profile.purposes)
            )
        )
        self.verify_button.setVisible(handles)
        self.verifications_button.setVisible(True)
        self.retention.hide()

    def show_retention(self, kept: Retention | None) -> None:
        self.retention.setVisible(kept is not None)
        if kept is not None:
            self.retention.setText(retention_text(kept))
            self.retention.setToolTip(retention_tooltip(kept))
