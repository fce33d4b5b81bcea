"""The person page under the list: who it is, their record, their number (masked) with its
purposes and identity check, their family, and the actions on them. One primary action says
what to do next (register the number, check identity, or correct the record); the rare ones
wait in 「その他」. With nobody selected a quiet line says what appears here."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.display_dates import japanese_day_or
from app.domain.person_fields import EDITABLE, END_LABEL, LABELS, display
from app.domain.purposes import PersonKind
from app.domain.retention import Retention
from app.services import people, retention
from app.services.people import PersonProfile
from ui import icons
from ui.context import UiContext
from ui.styles import set_flag, set_role
from ui.widgets.family_box import FamilyBox
from ui.widgets.number_box import NumberBox
from ui.widgets.person_actions import PersonActions

_SHOWN_ON_PAGE = ("code", "department", "birth_date", "hire_date", "leave_date", "status")
_DATES = frozenset(
    {"birth_date", "hire_date", "leave_date", "valid_from", "valid_to"}
    | {"contract_from", "contract_to"}
)


class PersonPanel(QWidget, PersonActions):
    changed = Signal(int)  # a person's record changed (their id): the list refreshes

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personPanel")
        self.setMinimumHeight(160)
        self.context = context
        self.profile: PersonProfile | None = None

        self.title = QLabel()
        self.title.setObjectName("detailName")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setMinimumWidth(80)  # a long name never widens the page
        set_role(self.title, "subheading")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("detailInfo")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setMinimumWidth(40)
        set_role(self.subtitle, "note")
        self.employee_button = QPushButton(icons.icon("person_arrow_right"), "")
        self.employee_button.setObjectName("openEmployeeButton")
        self.employee_button.setFlat(True)
        self.employee_button.clicked.connect(self._open_employee)
        self.more_button = self._more_menu()

        self.facts = QLabel()
        self.facts.setObjectName("detailFacts")
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.edit_button = QPushButton(icons.icon("person_edit"), self.tr("Correct…"))
        self.edit_button.setObjectName("editPersonButton")
        self.edit_button.setToolTip(self.tr("Correct the record (the reason is kept)."))
        self.edit_button.clicked.connect(self._edit)
        self.facts_box = QGroupBox(self.tr("Record"))
        self.facts_box.setObjectName("factsBox")
        facts_layout = QVBoxLayout(self.facts_box)
        facts_layout.addWidget(self.facts)
        facts_layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        facts_layout.addStretch()

        self.number_box = NumberBox(context)
        box = self.number_box
        # The names the page, the lock and the tests reach.
        self.number_widget = box.number_widget
        self.number_state = box.state
        self.purposes = box.purposes
        self.retention_label = box.retention
        self.register_button = box.register_button
        self.correct_number_button = box.correct_button
        self.verify_button = box.verify_button
        self.verifications_button = box.verifications_button
        self.register_button.clicked.connect(self._register)
        self.correct_number_button.clicked.connect(self._correct_number)
        self.verify_button.clicked.connect(lambda: self._verify())
        self.verifications_button.clicked.connect(self._verifications)

        self.family_box = FamilyBox()
        self.family = self.family_box.table
        self.add_dependent_button = self.family_box.add_button
        self.add_dependent_button.clicked.connect(self._add_dependent)
        self.family_box.open_person.connect(self.show_person)

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.subtitle)
        header.addWidget(self.employee_button)
        header.addStretch()
        header.addWidget(self.more_button)
        self.header = QWidget()
        self.header.setLayout(header)
        header.setContentsMargins(0, 0, 0, 0)

        boxes = QWidget()
        row = QHBoxLayout(boxes)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.facts_box, 2)
        row.addWidget(self.number_box, 3)
        row.addWidget(self.family_box, 3)
        # Short of room the boxes scroll: nothing is cut off, and what they hold never sets
        # the page's (or the window's) minimum width.
        scroll = QScrollArea()
        scroll.setObjectName("personScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(boxes)
        self.placeholder = QLabel()
        self.placeholder.setObjectName("personPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        set_role(self.placeholder, "note")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(scroll)
        self.content = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        self.show_person(None)

    def _more_menu(self) -> QToolButton:
        """The actions seldom needed, out of the way of the everyday ones."""
        button = QToolButton()
        button.setObjectName("personMoreButton")
        button.setText(self.tr("More"))
        button.setIcon(icons.icon("more_horizontal"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.setObjectName("personMoreMenu")

        def action(name: str, icon: str, text: str, slot) -> QAction:
            item = menu.addAction(icons.icon(icon), text)
            item.setObjectName(name)
            item.triggered.connect(slot)
            return item

        self.retire_action = action("retireAction", "person_clock", "", self._retire)
        menu.addSeparator()
        self.requests_action = action(
            "requestsAction", "mail_inbox", self.tr("Requests for the number…"), self._requests
        )
        self.notice_action = action(
            "purposeNoticeAction", "document_pdf", self.tr("Purpose notice…"), self._purpose_notice
        )
        self.slip_action = action(
            "withholdingSlipAction", "document_pdf", self.tr("Withholding slip…"), self._slip
        )
        self.retirement_slip_action = action(
            "retirementSlipAction",
            "document_pdf",
            self.tr("Retirement income slip…"),
            self._retirement_slip,
        )
        self.payment_slip_action = action(
            "paymentSlipAction", "document_pdf", self.tr("Payment record…"), self._payment_slip
        )
        self.history_action = action(
            "correctionsAction", "history", self.tr("Correction records…"), self._history
        )
        button.setMenu(menu)
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
            self.placeholder.setText(
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
        self.number_box.show_retention(kept)

    def clear(self) -> None:
        """Locked or signed out: nothing of the person stays, nor a number on its way."""
        self.drop_carried()
        self.show_person(None)

    def _show(self, profile: PersonProfile | None) -> None:
        self.profile = profile
        if profile is None:
            self.header.hide()
            self.placeholder.setText(
                self.tr("Select a person in the list: their record and My Number appear here.")
            )
            self.stack.setCurrentWidget(self.placeholder)
            self.number_widget.set_person(None)
            self.family_box.show_dependents([])
            return
        person = profile.details
        kind = PersonKind(person.kind)
        handles = profile.may_edit
        self.title.setText(f"{person.name}（{person.kana}）")
        self.title.setToolTip(self.title.text())
        self.subtitle.setText("　".join(self._subtitle_parts(profile)))
        self.employee_button.setVisible(profile.employee is not None)
        if profile.employee is not None:
            self.employee_button.setText(
                self.tr("Employee: %1").replace("%1", profile.employee.name)
            )
            self.employee_button.setEnabled(profile.employee.in_scope)
        self.facts.setText(self._facts_html(profile))
        self.edit_button.setVisible(handles)
        self.number_box.show_profile(profile)
        self.family_box.setVisible(kind == PersonKind.EMPLOYEE)
        self.family_box.show_dependents(profile.dependents)
        self.add_dependent_button.setVisible(handles)
        self.retire_action.setVisible(handles and person.retired_at is None)
        self.retire_action.setText(
            {
                PersonKind.EMPLOYEE: self.tr("Record leaving…"),
                PersonKind.DEPENDENT: self.tr("End of dependency…"),
                PersonKind.PAYEE: self.tr("End of contract…"),
            }[kind]
        )
        self.requests_action.setVisible(handles)
        self.notice_action.setVisible(handles)
        self.slip_action.setVisible(handles and kind == PersonKind.EMPLOYEE)
        self.retirement_slip_action.setVisible(
            handles
            and kind == PersonKind.EMPLOYEE
            and (person.leave_date is not None or person.retired_at is not None)
        )
        self.payment_slip_action.setVisible(
            handles and kind == PersonKind.PAYEE and person.payment_kind in ("fees", "rent")
        )
        self.history_action.setVisible(True)
        self._mark_primary(profile)
        self.header.show()
        self.stack.setCurrentWidget(self.content)

    def _subtitle_parts(self, profile: PersonProfile) -> list[str]:
        person = profile.details
        kind = PersonKind(person.kind)
        parts = [f"{kind.label}（{person.relation}）" if person.relation else kind.label]
        if person.retired_at:
            parts.append(
                self.tr("%1 on %2")
                .replace("%1", END_LABEL[kind])
                .replace("%2", japanese_day_or(person.retired_at, weekday=False))
            )
        if profile.corrections:
            parts.append(self.tr("%1 correction records").replace("%1", str(profile.corrections)))
        return parts

    def _mark_primary(self, profile: PersonProfile) -> None:
        """The next step is the primary action: the number first, then its identity check,
        else correcting the record. The auditor has none."""
        primary = None
        if profile.may_edit:
            if not profile.has_number:
                primary = self.register_button
            elif profile.verification_pending:
                primary = self.verify_button
            else:
                primary = self.edit_button
        for button in (self.register_button, self.verify_button, self.edit_button):
            set_flag(button, "primary", button is primary)

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
            shown = (
                japanese_day_or(value, display(field, None), weekday=False)
                if field in _DATES
                else display(field, value)
            )
            rows.append(
                f"<tr><td style='color:#555;padding-right:12px'>{escape(LABELS[field])}</td>"
                f"<td>{escape(shown)}</td></tr>"
            )
        return "<table>" + "".join(rows) + "</table>"

    def _open_employee(self) -> None:
        if self.profile is not None and self.profile.employee is not None:
            self.show_person(self.profile.employee.id)
