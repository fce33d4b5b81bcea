"""Registering a leak incident (漏えい等事案) as soon as it is known: what happened, when it
occurred, was discovered and became known to the office, and the first answers of the
reportability checklist. Never a number: the persons are counted here, listed by record later."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.incidents import MAX_PERSONS, Checklist, IncidentKind
from ui.styles import make_primary, set_role

DATE_TIME_FORMAT = "yyyy年M月d日 HH:mm"


def date_time_edit(value: datetime, name: str) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime(value.replace(tzinfo=None)))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_TIME_FORMAT)
    edit.setMaximumDateTime(QDateTime(value.replace(tzinfo=None)))
    return edit


def aware(edit: QDateTimeEdit, zone_of: datetime) -> datetime:
    """The edit's local time in the time zone of `zone_of` (the clock's)."""
    return edit.dateTime().toPython().replace(tzinfo=zone_of.tzinfo)  # type: ignore[union-attr]


class ChecklistBoxes(QWidget):
    """The questions of 規則第2条, answered by ticking; the count of persons beside them."""

    def __init__(self, answers: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unlawful = self._box(
            "unlawfulCheck",
            self.tr(
                "By an act with an unlawful purpose, or unlawful use or provision (theft, "
                "unauthorised access, ransomware, an employee taking data out) — item 2"
            ),
            answers.unlawful_purpose,
        )
        self.public = self._box(
            "publicCheck",
            self.tr("Made viewable by an unspecified number of people electronically — item 3"),
            answers.publicly_viewable,
        )
        self.network = self._box(
            "networkCheck",
            self.tr(
                "In the information-provision network or a system of a number-using body — "
                "item 1 (not usual for an employer)"
            ),
            answers.network_system,
        )
        self.encrypted = self._box(
            "encryptedCheck",
            self.tr("The data were protected by high-grade encryption (the key not lost)"),
            answers.encrypted,
        )
        self.retrieved = self._box(
            "retrievedCheck",
            self.tr("Everything was retrieved before anyone else could see it (leak only)"),
            answers.retrieved_unseen,
        )
        self.persons = QSpinBox()
        self.persons.setObjectName("personsSpin")
        self.persons.setRange(0, MAX_PERSONS)
        self.persons.setGroupSeparatorShown(True)
        self.persons.setValue(answers.persons)
        self.persons.setSuffix(self.tr(" persons"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        note = QLabel(self.tr("Tick what occurred or possibly occurred."))
        set_role(note, "note")
        layout.addWidget(note)
        for box in (self.unlawful, self.public, self.network, self.encrypted, self.retrieved):
            layout.addWidget(box)
        count = QHBoxLayout()
        count.addWidget(
            QLabel(self.tr("Persons concerned (the largest possible number if uncertain):"))
        )
        count.addWidget(self.persons)
        count.addStretch()
        layout.addLayout(count)

    def _box(self, name: str, text: str, checked: bool) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        box.setChecked(checked)
        return box

    def set_answers(self, answers: Checklist) -> None:
        self.unlawful.setChecked(answers.unlawful_purpose)
        self.public.setChecked(answers.publicly_viewable)
        self.network.setChecked(answers.network_system)
        self.encrypted.setChecked(answers.encrypted)
        self.retrieved.setChecked(answers.retrieved_unseen)
        self.persons.setValue(answers.persons)

    def answers(self) -> Checklist:
        return Checklist(
            encrypted=self.encrypted.isChecked(),
            retrieved_unseen=self.retrieved.isChecked(),
            network_system=self.network.isChecked(),
            unlawful_purpose=self.unlawful.isChecked(),
            publicly_viewable=self.public.isChecked(),
            persons=self.persons.value(),
        )


class IncidentDialog(QDialog):
    def __init__(self, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentDialog")
        self.setWindowTitle(self.tr("Register an incident"))
        self._now = now
        self.title = QLineEdit()
        self.title.setObjectName("incidentTitleEdit")
        self.title.setMaxLength(60)
        self.title.setPlaceholderText(self.tr("e.g. A withholding slip sent to the wrong person"))
        self.kind = QComboBox()
        self.kind.setObjectName("incidentKindCombo")
        self.kind.addItem(self.tr("Leak (the data went outside)"), IncidentKind.LEAK.value)
        self.kind.addItem(self.tr("Loss (the content is lost)"), IncidentKind.LOSS.value)
        self.kind.addItem(
            self.tr("Damage (altered or unusable, e.g. ransomware)"), IncidentKind.DAMAGE.value
        )
        self.occurred_known = QCheckBox(self.tr("Known"))
        self.occurred_known.setObjectName("occurredKnownCheck")
        self.occurred = date_time_edit(now, "occurredEdit")
        self.occurred.setEnabled(False)
        self.occurred_known.toggled.connect(self.occurred.setEnabled)
        occurred_row = QHBoxLayout()
        occurred_row.addWidget(self.occurred_known)
        occurred_row.addWidget(self.occurred, 1)
        self.discovered = date_time_edit(now, "discoveredEdit")
        self.known = date_time_edit(now, "knownEdit")
        self.discovered_by = QLineEdit()
        self.discovered_by.setObjectName("discoveredByEdit")
        self.discovered_by.setMaxLength(60)
        self.discovered_by.setPlaceholderText(self.tr("e.g. General affairs, or the contractor"))
        self.checklist = ChecklistBoxes(Checklist())
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Occurred at"), occurred_row)
        form.addRow(self.tr("Discovered at"), self.discovered)
        form.addRow(self.tr("Known to the office at"), self.known)
        form.addRow(self.tr("Discovered by"), self.discovered_by)
        hint = QLabel(
            self.tr(
                "The deadlines count from the day any department of the office knew. Do not "
                "enter any My Number: the persons are chosen from the list later."
            )
        )
        hint.setWordWrap(True)
        set_role(hint, "note")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Register the incident"))
        make_primary(ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        ok.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        check = QLabel(self.tr("Is it to be reported?"))
        set_role(check, "subheading")
        layout.addWidget(check)
        layout.addWidget(self.checklist)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, object]:
        now = self._now
        return {
            "title": self.title.text(),
            "kind": IncidentKind(self.kind.currentData()),
            "occurred_at": aware(self.occurred, now) if self.occurred_known.isChecked() else None,
            "discovered_at": aware(self.discovered, now),
            "known_at": aware(self.known, now),
            "discovered_by": self.discovered_by.text(),
            "checklist": self.checklist.answers(),
        }
