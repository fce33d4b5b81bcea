"""The person page under the list: every field, the family, the number (masked) with its
purposes, and the actions on the person: correct, end, register or correct the number,
requests, purpose notice, correction records."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.person_fields import EDITABLE, END_LABEL, LABELS, display
from app.domain.purposes import CATALOG, PersonKind
from app.domain.retention import Retention, japanese_date
from app.services import corrections, notices, numbers, people, retention, verification
from app.services.people import PersonProfile
from app.session import Session
from ui.context import UiContext
from ui.widgets.masked_number import MaskedNumberWidget

_SHOWN_ON_PAGE = ("code", "department", "birth_date", "hire_date", "leave_date", "status")


class PersonPanel(QWidget):
    changed = Signal(int)  # a person's record changed (their id): the list refreshes

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personPanel")
        self.setMinimumHeight(300)
        self.context = context
        self.profile: PersonProfile | None = None
        self.title = QLabel()
        self.title.setObjectName("detailName")
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("detailInfo")
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = QLabel()
        self.facts.setObjectName("detailFacts")
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.number_widget = MaskedNumberWidget(context)
        self.number_state = QLabel()
        self.number_state.setObjectName("numberState")
        self.purposes = QLabel()
        self.purposes.setObjectName("numberPurposes")
        self.purposes.setWordWrap(True)
        self.purposes.setTextFormat(Qt.TextFormat.PlainText)
        number_box = QGroupBox(self.tr("My Number"))
        number_layout = QVBoxLayout(number_box)
        number_layout.addWidget(self.number_widget)
        number_layout.addWidget(self.number_state)
        number_layout.addWidget(self.purposes)
        self.retention_label = QLabel()
        self.retention_label.setObjectName("retentionLabel")
        self.retention_label.setWordWrap(True)
        self.retention_label.setTextFormat(Qt.TextFormat.PlainText)
        number_layout.addWidget(self.retention_label)
        self.verify_button = QPushButton(self.tr("Identity check…"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setToolTip(
            self.tr(
                "Record the identity check (本人確認) of a number received; a new number is registered with it."
            )
        )
        self.verify_button.clicked.connect(self._verify)
        self.verifications_button = QPushButton(self.tr("Identity check records…"))
        self.verifications_button.setObjectName("verificationsButton")
        self.verifications_button.clicked.connect(self._verifications)
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_button)
        verify_row.addWidget(self.verifications_button)
        verify_row.addStretch()
        number_layout.addLayout(verify_row)
        number_layout.addStretch()

        self.family = QTableWidget(0, 4)
        self.family.setObjectName("dependentsTable")
        self.family.setHorizontalHeaderLabels(
            [self.tr("Relation"), self.tr("Name"), self.tr("Kana"), self.tr("My Number")]
        )
        self.family.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 60), (1, 90), (2, 110)):
            self.family.setColumnWidth(column, width)
        self.family.verticalHeader().hide()
        self.family.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.family.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.family.setToolTip(self.tr("Double-click a dependent to open their page."))
        self.family.doubleClicked.connect(self._open_dependent)
        self.add_dependent_button = QPushButton(self.tr("Add dependent…"))
        self.add_dependent_button.setObjectName("addDependentButton")
        self.add_dependent_button.clicked.connect(self._add_dependent)
        self.family_box = QGroupBox(self.tr("Dependents"))
        family_layout = QVBoxLayout(self.family_box)
        family_layout.addWidget(self.family)
        family_layout.addWidget(self.add_dependent_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.employee_button = QPushButton()
        self.employee_button.setObjectName("openEmployeeButton")
        self.employee_button.clicked.connect(self._open_employee)

        self.edit_button = self._button("editPersonButton", self.tr("Correct…"), self._edit)
        self.retire_button = self._button("retireButton", "", self._retire)
        self.register_button = self._button(
            "registerNumberButton", self.tr("Register the My Number…"), self._register
        )
        self.register_button.setToolTip(
            self.tr(
                "Registers the number only; it then waits for an identity check. With the "
                "documents at hand, use 「Identity check…」 to register and verify at once."
            )
        )
        self.correct_number_button = self._button(
            "correctNumberButton", self.tr("Correct the My Number…"), self._correct_number
        )
        self.requests_button = self._button(
            "requestsButton", self.tr("Requests for the number…"), self._requests
        )
        self.notice_button = self._button(
            "purposeNoticeButton", self.tr("Purpose notice…"), self._purpose_notice
        )
        self.history_button = self._button(
            "correctionsButton", self.tr("Correction records…"), self._history
        )
        actions = QHBoxLayout()
        for button in (
            self.edit_button,
            self.retire_button,
            self.register_button,
            self.correct_number_button,
            self.requests_button,
            self.notice_button,
            self.history_button,
        ):
            actions.addWidget(button)
        actions.addStretch()

        facts_box = QGroupBox(self.tr("Record"))
        facts_layout = QVBoxLayout(facts_box)
        facts_layout.addWidget(self.facts)
        facts_layout.addStretch()
        self.facts_box = facts_box
        grid = QGridLayout()
        grid.addWidget(facts_box, 0, 0)
        grid.addWidget(number_box, 0, 1)
        grid.addWidget(self.family_box, 0, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.employee_button)
        header.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.subtitle)
        layout.addLayout(grid)
        layout.addLayout(actions)
        self.show_person(None)

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    @property
    def person_id(self) -> int | None:
        return self.profile.details.id if self.profile else None

    def show_person(self, person_id: int | None, *, out_of_scope: bool = False) -> None:
        """Fetch and show one person; None (or someone outside the scope) shows no data."""
        self.number_widget.mask()
        if person_id is None or person_id != self.person_id or out_of_scope:
            self._show(None)  # never another person's data while the new one loads
        if out_of_scope:
            self.title.setText(self.tr("Outside your scope"))
            self.subtitle.setText(
                self.tr("This person is outside the work and groups assigned to you.")
            )
            return
        if person_id is not None:
            self.context.run(
                lambda s: (people.profile(s, person_id), retention.person_retention(s, person_id)),
                owner=self,
                on_done=self._show_loaded,
            )

    def _show_loaded(self, loaded: tuple[PersonProfile, Retention | None]) -> None:
        profile, kept = loaded
        self._show(profile)
        self.retention_label.setVisible(kept is not None)
        if kept is not None:
            self.retention_label.setText(retention_text(kept))
            self.retention_label.setToolTip(
                "\n".join(
                    f"・{r.label}："
                    + (f"{japanese_date(r.until)}まで" if r.until else "継続中")
                    + f"（{r.basis}）"
                    for r in kept.reasons
                )
            )

    def clear(self) -> None:
        self.show_person(None)

    def _show(self, profile: PersonProfile | None) -> None:
        self.profile = profile
        widgets = (
            self.facts_box,
            self.number_widget,
            self.number_state,
            self.purposes,
            self.family_box,
            self.employee_button,
            self.edit_button,
            self.retire_button,
            self.register_button,
            self.correct_number_button,
            self.requests_button,
            self.notice_button,
            self.history_button,
            self.verify_button,
            self.verifications_button,
            self.retention_label,
        )
        if profile is None:
            self.title.setText(self.tr("Select a person in the list."))
            self.subtitle.clear()
            self.number_widget.set_person(None)
            for widget in widgets:
                widget.setVisible(False)
            return
        person = profile.details
        kind = PersonKind(person.kind)
        self.title.setText(f"{person.name}（{person.kana}）")
        parts = [f"{kind.label}（{person.relation}）" if person.relation else kind.label]
        if person.retired_at:
            parts.append(
                self.tr("%1 on %2").replace("%1", END_LABEL[kind]).replace("%2", person.retired_at)
            )
        if profile.corrections:
            parts.append(self.tr("%1 correction records").replace("%1", str(profile.corrections)))
        self.subtitle.setText("　".join(parts))
        self.facts.setText(self._facts_html(profile))
        self.facts_box.setVisible(True)
        handles = profile.may_edit
        # The auditor sees that a number is held, never a way to ask for it.
        self.number_widget.setVisible(profile.has_number and handles)
        self.number_widget.set_person(person.id if profile.has_number and handles else None)
        self.number_state.setVisible(True)
        self.number_state.setText(
            self.tr("Not registered")
            if not profile.has_number
            else self.tr("Registered, identity check pending")
            if profile.verification_pending
            else self.tr("Registered")
        )
        self.purposes.setVisible(profile.has_number)
        self.purposes.setText(
            self.tr("Collected for: %1").replace(
                "%1", "、".join(CATALOG[c].name.split("（")[0] for c in profile.purposes)
            )
        )
        self.family_box.setVisible(kind == PersonKind.EMPLOYEE)
        self._show_family(profile)
        self.employee_button.setVisible(profile.employee is not None)
        if profile.employee is not None:
            self.employee_button.setText(
                self.tr("Employee: %1").replace("%1", profile.employee.name)
            )
            self.employee_button.setEnabled(profile.employee.in_scope)
        self.add_dependent_button.setVisible(handles)
        self.edit_button.setVisible(handles)
        self.retire_button.setVisible(handles and person.retired_at is None)
        self.retire_button.setText(
            {
                PersonKind.EMPLOYEE: self.tr("Record leaving…"),
                PersonKind.DEPENDENT: self.tr("End of dependency…"),
                PersonKind.PAYEE: self.tr("End of contract…"),
            }[kind]
        )
        self.verify_button.setVisible(handles)
        self.verify_button.setDefault(handles and profile.verification_pending)
        self.verifications_button.setVisible(True)
        self.register_button.setVisible(handles and not profile.has_number)
        self.correct_number_button.setVisible(handles and profile.has_number)
        self.requests_button.setVisible(handles)
        self.notice_button.setVisible(handles)
        self.history_button.setVisible(True)

    def _facts_html(self, profile: PersonProfile) -> str:
        person = profile.details
        kind = PersonKind(person.kind)
        fields = [f for f in EDITABLE[kind] if f not in ("name", "kana")]
        if kind == PersonKind.DEPENDENT:
            fields.insert(0, "department")
        rows = []
        for field in fields:
            value = getattr(person, field, None)
            if value in (None, "") and field not in _SHOWN_ON_PAGE:
                continue
            rows.append(
                f"<tr><td style='color:#555;padding-right:12px'>{escape(LABELS[field])}</td>"
                f"<td>{escape(display(field, value))}</td></tr>"
            )
        return "<table>" + "".join(rows) + "</table>"

    def _show_family(self, profile: PersonProfile) -> None:
        self.family.setRowCount(len(profile.dependents))
        for row, dependent in enumerate(profile.dependents):
            state = (
                self.tr("Outside your scope")
                if not dependent.in_scope
                else self.tr("Not registered")
                if not dependent.has_number
                else self.tr("Registered, identity check pending")
                if dependent.verification_pending
                else self.tr("Registered")
            )
            for column, value in enumerate(
                (dependent.relation or "", dependent.name, dependent.kana, state)
            ):
                item = QTableWidgetItem(value)
                # Outside the scope: nothing to open (the service would refuse it anyway).
                item.setData(Qt.ItemDataRole.UserRole, dependent.id if dependent.in_scope else None)
                if not dependent.in_scope:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.family.setItem(row, column, item)

    def _open_dependent(self, index) -> None:
        item = self.family.item(index.row(), 0)
        person_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if person_id is not None:
            self.show_person(int(person_id))

    def _open_employee(self) -> None:
        if self.profile is not None and self.profile.employee is not None:
            self.show_person(self.profile.employee.id)

    def _after_change(self, person_id: int) -> None:
        self.changed.emit(person_id)
        self.show_person(person_id)

    def _edit(self) -> None:
        profile = self.profile
        if profile is None:
            return
        from ui.dialogs.person_dialog import PersonDialog

        person = profile.details
        person_id = person.id

        def submit(session: Session, values: dict, reason: str) -> Any:
            return corrections.edit_person(session, person_id, values, reason)

        self.context.run(
            people.departments,
            owner=self,
            on_done=lambda names: self._exec(
                PersonDialog(
                    self.context,
                    PersonKind(person.kind),
                    submit,
                    details=person,
                    departments=names,
                    employee_name=profile.employee.name if profile.employee else None,
                    parent=self,
                ),
                person_id,
            ),
        )

    def _exec(self, dialog: QDialog, person_id: int) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._after_change(person_id)

    def _add_dependent(self) -> None:
        profile = self.profile
        if profile is None:
            return
        from ui.dialogs.person_dialog import PersonDialog

        employee_id = profile.details.id

        def submit(session: Session, values: dict, _reason: str) -> Any:
            return people.register_dependent(
                session,
                employee_id=employee_id,
                name=values["name"],
                kana_text=values["kana"],
                relation=values["relation"],
                birth_date=values["birth_date"],
                pension_category3=bool(values["pension_category3"]),
                valid_from=values["valid_from"],
            )

        dialog = PersonDialog(
            self.context,
            PersonKind.DEPENDENT,
            submit,
            employee_name=profile.details.name,
            parent=self,
        )
        self._exec(dialog, employee_id)

    def _retire(self) -> None:
        profile = self.profile
        if profile is None:
            return
        from ui.dialogs.person_dialog import RetireDialog

        person = profile.details
        dialog = RetireDialog(self.context, person.id, PersonKind(person.kind), person.name, self)
        self._exec(dialog, person.id)

    def _register(self) -> None:
        self._number_dialog(correcting=False)

    def _correct_number(self) -> None:
        self._number_dialog(correcting=True)

    def _number_dialog(self, *, correcting: bool) -> None:
        profile = self.profile
        if profile is None:
            return
        person_id, name = profile.details.id, profile.details.name
        self.context.run(
            lambda s: numbers.registrable_purposes(s, person_id),
            owner=self,
            on_done=lambda codes: self._enter_number(person_id, name, codes, correcting),
        )

    def _enter_number(self, person_id: int, name: str, codes: list[str], correcting: bool) -> None:
        from ui.dialogs.number_entry_dialog import NumberEntryDialog

        def save(session: Session, first: str, second: str, purposes: list, reason: str) -> None:
            if correcting:
                corrections.correct_number(session, person_id, first, second, reason)
            else:
                numbers.register_number(session, person_id, first, second, purposes)

        dialog = NumberEntryDialog(
            name, codes, self, correcting=correcting, context=self.context, save=save
        )
        self._exec(dialog, person_id)

    def _verify(self) -> None:
        profile = self.profile
        if profile is None:
            return
        person_id = profile.details.id
        self.context.run(
            lambda s: verification.context(s, person_id),
            owner=self,
            on_done=self._open_verification,
        )

    def _open_verification(self, ctx: verification.VerificationContext) -> None:
        from ui.verification_wizard import VerificationWizard

        session = self.context.session
        if session is None:
            return
        wizard = VerificationWizard(self.context, ctx, session.clock.now().date(), self)
        self._exec(wizard, ctx.person.id)

    def _verifications(self) -> None:
        from ui.dialogs.verifications_dialog import VerificationsDialog

        if self.profile is not None:
            person = self.profile.details
            VerificationsDialog(self.context, person.id, person.name, self).exec()

    def _requests(self) -> None:
        from ui.dialogs.requests_dialog import RequestsDialog

        if self.profile is not None:
            person = self.profile.details
            RequestsDialog(self.context, person.id, person.name, self).exec()

    def _purpose_notice(self) -> None:
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.file_names import pdf_name

        if self.profile is None:
            return
        person_id = self.profile.details.id
        self.context.run(
            lambda s: notices.purpose_notice_pdf(s, person_id),
            owner=self,
            on_done=lambda pdf, name=self.profile.details.name: PdfPreviewDialog(
                self.tr("Purpose notice"),
                pdf,
                pdf_name(self.tr("Purpose notice"), name, self.context.workspace.clock.now()),
                self,
            ).exec(),
        )

    def _history(self) -> None:
        from ui.dialogs.corrections_dialog import CorrectionsDialog

        if self.profile is not None:
            person = self.profile.details
            CorrectionsDialog(self.context, person.id, person.name, self).exec()


def retention_text(kept: Retention) -> str:
    """The date a number may be deleted from and the reason that sets it."""
    if kept.may_delete_from is None:
        return QCoreApplication.translate("PersonPanel", "Deletion: not yet (%1)").replace(
            "%1", kept.deciding.label
        )
    return (
        QCoreApplication.translate("PersonPanel", "May be deleted from %1 (%2)")
        .replace("%1", japanese_date(kept.may_delete_from))
        .replace("%2", kept.deciding.label)
    )
