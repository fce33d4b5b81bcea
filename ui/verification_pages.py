"""The pages of the identity verification wizard: whose number, who brings it, how, the
documents (only the checklists that apply), what was compared, the number, and the result."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.domain import my_number
from app.domain.purposes import CATALOG
from app.domain.verification import (
    SUBJECTS,
    Assessment,
    Channel,
    Comparison,
    Document,
    Form,
    Holder,
    IdentityField,
    PresentedDocument,
    Provider,
    Subject,
    accepted_forms,
    allowed_channels,
    allowed_providers,
    document_groups,
    means_name,
)
from app.domain.verification.rules import channel_refusal
from app.services.verification import FIRST_POSSIBLE_DAY
from ui.check_wizard import CheckResultPage, missing_html
from ui.dialogs.number_entry_dialog import AGAIN_REASONS, number_edit
from ui.dialogs.person_dialog import DateEdit, reason_box
from ui.styles import ERROR_STYLE, NOTE_STYLE, OK_STYLE, set_role

if TYPE_CHECKING:
    from ui.verification_wizard import VerificationWizard


def wrapped(text: str = "", style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    return label


class _Page(QWizardPage):
    def wizard_(self) -> VerificationWizard:
        return self.wizard()  # type: ignore[return-value]


class SubjectPage(_Page):
    def __init__(self, subjects: tuple[Subject, ...], default: Subject, today: date) -> None:
        super().__init__()
        self.setObjectName("verificationSubjectPage")
        self.setTitle(self.tr("Whose number is it?"))
        self.setSubTitle(
            self.tr("Choose for which form the number is received; the rules depend on it.")
        )
        self.group = QButtonGroup(self)
        self.buttons: dict[Subject, QRadioButton] = {}
        layout = QVBoxLayout(self)
        self.person_label = wrapped()
        layout.addWidget(self.person_label)
        for subject in subjects:
            button = QRadioButton(subject.label)
            button.setObjectName(f"subject_{subject.value}")
            self.group.addButton(button)
            self.buttons[subject] = button
            layout.addWidget(button)
            button.toggled.connect(self._explain)
        self.note = wrapped(style=NOTE_STYLE)
        self.note.setObjectName("subjectNote")
        layout.addWidget(self.note)
        form = QFormLayout()
        self.day_edit = DateEdit(today.isoformat())
        self.day_edit.setObjectName("verifiedOnEdit")
        self.day_edit.textChanged.connect(self.completeChanged)
        form.addRow(self.tr("Date of the check"), self.day_edit)
        layout.addLayout(form)
        self.day_error = wrapped(style=ERROR_STYLE)
        layout.addWidget(self.day_error)
        layout.addStretch()
        self.today = today
        self.buttons[default].setChecked(True)

    @property
    def subject(self) -> Subject:
        return next(s for s, button in self.buttons.items() if button.isChecked())

    def _explain(self) -> None:
        if any(button.isChecked() for button in self.buttons.values()):
            self.note.setText(SUBJECTS[self.subject].note)
        self.completeChanged.emit()

    def verified_on(self) -> date | None:
        try:
            return self.day_edit.value()
        except ValueError:
            return None

    def isComplete(self) -> bool:
        day = self.verified_on()
        if day is None:
            message = self.tr("Enter the date of the check.")
        elif day > self.today:
            message = self.tr("The date of the check is in the future.")
        elif day < FIRST_POSSIBLE_DAY:
            message = self.tr("The date is before 2015-10-05, when the My Number Act took effect.")
        else:
            message = ""
        self.day_error.setText(message)
        return not message


class ProviderPage(_Page):
    def __init__(self, default_agent_name: str) -> None:
        super().__init__()
        self.setObjectName("verificationProviderPage")
        self.setTitle(self.tr("Who hands the number over?"))
        self.setSubTitle(
            self.tr(
                "The person themself, or an agent on their behalf. An employee bringing a "
                "family member's number is a voluntary agent."
            )
        )
        self.group = QButtonGroup(self)
        self.buttons: dict[Provider, QRadioButton] = {}
        layout = QVBoxLayout(self)
        for provider in Provider:
            button = QRadioButton(provider.label)
            button.setObjectName(f"provider_{provider.value}")
            self.group.addButton(button)
            self.buttons[provider] = button
            layout.addWidget(button)
            button.toggled.connect(self._update)
        self.agent_box = QGroupBox(self.tr("The agent"))
        agent_form = QFormLayout(self.agent_box)
        self.agent_name = QLineEdit(default_agent_name)
        self.agent_name.setObjectName("agentNameEdit")
        self.agent_name.setMaxLength(40)
        self.agent_name.textChanged.connect(self.completeChanged)
        self.agent_name.setToolTip(
            self.tr("For an employee bringing a family member's number, the employee's name.")
        )
        self.agent_relation = QLineEdit()
        self.agent_relation.setObjectName("agentRelationEdit")
        self.agent_relation.setMaxLength(20)
        self.agent_relation.setPlaceholderText(self.tr("e.g. husband, parent"))
        self.agent_known = QCheckBox(
            self.tr("The agent is one of our employees, identity-checked at hiring, whom I know")
        )
        self.agent_known.setObjectName("agentKnownBox")
        agent_form.addRow(self.tr("Name *"), self.agent_name)
        agent_form.addRow(self.tr("Relation to the person"), self.agent_relation)
        agent_form.addRow(self.agent_known)
        layout.addWidget(self.agent_box)
        self.status = wrapped(style=ERROR_STYLE)
        self.status.setObjectName("providerStatus")
        layout.addWidget(self.status)
        layout.addStretch()
        self._allowed: tuple[Provider, ...] = tuple(Provider)

    def initializePage(self) -> None:
        self._allowed = allowed_providers(self.wizard_().subject)
        for provider, button in self.buttons.items():
            button.setVisible(provider in self._allowed)
        if self.provider not in self._allowed or not self.group.checkedButton():
            self.buttons[self._allowed[0]].setChecked(True)
        self._update()

    @property
    def provider(self) -> Provider:
        return next(
            (p for p, b in self.buttons.items() if b.isChecked() and p in self._allowed),
            Provider.SELF,
        )

    def _update(self) -> None:
        self.agent_box.setVisible(self.provider.is_agent)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        ok = not self.provider.is_agent or bool(self.agent_name.text().strip())
        self.status.setText("" if ok else self.tr("Enter the agent's name."))
        return ok


class ChannelPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("verificationChannelPage")
        self.setTitle(self.tr("How is the number received?"))
        self.group = QButtonGroup(self)
        self.buttons: dict[Channel, QRadioButton] = {}
        self.reasons: dict[Channel, QLabel] = {}
        layout = QVBoxLayout(self)
        for channel in Channel:
            button = QRadioButton(channel.label)
            button.setObjectName(f"channel_{channel.value}")
            self.group.addButton(button)
            self.buttons[channel] = button
            reason = wrapped(style=NOTE_STYLE)
            reason.setContentsMargins(24, 0, 0, 4)
            self.reasons[channel] = reason
            layout.addWidget(button)
            layout.addWidget(reason)
            button.toggled.connect(self.completeChanged)
        self.known_employee = QCheckBox(
            self.tr(
                "This employee's identity was checked at hiring (e.g. with a driving licence) "
                "and I know them in person"
            )
        )
        self.known_employee.setObjectName("knownEmployeeBox")
        layout.addSpacing(8)
        layout.addWidget(self.known_employee)
        layout.addStretch()

    def initializePage(self) -> None:
        wizard = self.wizard_()
        subject, provider = wizard.subject, wizard.provider
        flags = wizard.flags()
        allowed = allowed_channels(subject, provider, flags)
        for channel, button in self.buttons.items():
            why = channel_refusal(subject, provider, channel, flags)
            button.setEnabled(why is None)
            self.reasons[channel].setText(why or "")
            self.reasons[channel].setVisible(why is not None)
        if not self.channel_or_none() or self.channel_or_none() not in allowed:
            self.buttons[allowed[0]].setChecked(True)
        self.known_employee.setVisible(subject is Subject.EMPLOYEE and provider is Provider.SELF)

    def channel_or_none(self) -> Channel | None:
        return next((c for c, b in self.buttons.items() if b.isChecked() and b.isEnabled()), None)

    @property
    def channel(self) -> Channel:
        return self.channel_or_none() or Channel.IN_PERSON

    def isComplete(self) -> bool:
        return self.channel_or_none() is not None


class DocumentRow(QWidget):
    """One document of a checklist: the tick and, once ticked, what the rules need to know of
    it (original or copy, expiry, issue date, whether the details are unchanged)."""

    def __init__(
        self, doc: Document, holder: Holder, forms: frozenset[Form], *, with_details: bool
    ) -> None:
        super().__init__()
        self.doc, self.holder = doc, holder
        key = f"{doc.code}_{holder.value}"
        self.key = key
        self.box = QCheckBox(doc.name)
        # The copy shown in a second list has its own name, so a lookup finds the first one.
        self.box.setObjectName(f"doc_{key}" if with_details else f"doc_{key}_also")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.details = QWidget()
        details = QFormLayout(self.details)
        details.setContentsMargins(24, 0, 0, 4)
        self.form_box: QComboBox | None = None
        ordered = [form for form in Form if form in forms]
        if with_details and len(ordered) > 1:
            self.form_box = QComboBox()
            self.form_box.setObjectName(f"form_{key}")
            for form in ordered:
                self.form_box.addItem(form.label, form.value)
            details.addRow(self.tr("Received as"), self.form_box)
        self.single_form = ordered[0] if len(ordered) == 1 else None
        self.expiry: DateEdit | None = None
        if with_details and doc.has_expiry:
            self.expiry = DateEdit()
            self.expiry.setObjectName(f"expiry_{key}")
            details.addRow(self.tr("Valid until *"), self.expiry)
        self.issued: DateEdit | None = None
        if with_details and doc.issued_from is not None:
            self.issued = DateEdit()
            self.issued.setObjectName(f"issued_{key}")
            details.addRow(self.tr("Issued on *"), self.issued)
        self.unchanged: QCheckBox | None = None
        if with_details and doc.needs_unchanged_details:
            self.unchanged = QCheckBox(
                self.tr("Name, address etc. on it are the same as now (no change)")
            )
            self.unchanged.setObjectName(f"unchanged_{key}")
            details.addRow(self.unchanged)
        if doc.refusal is not None:
            details.addRow(wrapped(doc.refusal, ERROR_STYLE))
        elif doc.note:
            details.addRow(wrapped(doc.note, NOTE_STYLE))
        if not with_details and doc.refusal is None:
            details.addRow(wrapped(self.tr("(details entered above)"), NOTE_STYLE))
        layout.addWidget(self.details)
        self.details.setVisible(False)
        self.box.toggled.connect(self.details.setVisible)

    def edits(self) -> list[QWidget]:
        return [w for w in (self.form_box, self.expiry, self.issued, self.unchanged) if w]

    def presented(self) -> PresentedDocument:
        form = self.single_form or Form.ORIGINAL
        if self.form_box is not None:
            form = Form(self.form_box.currentData())
        return PresentedDocument(
            self.doc.code,
            holder=self.holder,
            form=form,
            expires_on=_date_or_none(self.expiry),
            issued_on=_date_or_none(self.issued),
            details_unchanged=(
                self.unchanged.isChecked() or None if self.unchanged is not None else None
            ),
        )


def _date_or_none(edit: DateEdit | None) -> date | None:
    if edit is None:
        return None
    try:
        return edit.value()
    except ValueError:
        return None


class DocumentsPage(_Page):
    """The checklists that apply to this person, provider and channel. A document serving two
    checks (the card) is one tick shown in both lists; its details are asked once."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("verificationDocumentsPage")
        self.setTitle(self.tr("Which documents did you see?"))
        self.setSubTitle(
            self.tr("Tick every document you checked. Only the lists that apply are shown.")
        )
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.status = QLabel()
        self.status.setObjectName("documentsStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.status)
        self.rows: list[DocumentRow] = []
        self.exemptions: dict[str, QCheckBox] = {}
        self._built_for: tuple | None = None

    def initializePage(self) -> None:
        wizard = self.wizard_()
        key = (wizard.subject, wizard.provider, wizard.channel, wizard.flags())
        if key != self._built_for:
            kept = self._state()
            self._build(*key)
            self._restore(kept)
            self._built_for = key
        self._update()

    def _state(self) -> dict[str, tuple]:
        """Ticks and details by document, so a rebuild (another channel, a flag) keeps what
        still applies."""
        state: dict[str, tuple] = {}
        for row in self.rows:
            if row.edits() or row.key not in state:
                state[row.key] = (
                    row.box.isChecked(),
                    row.form_box.currentData() if row.form_box else None,
                    row.expiry.text() if row.expiry else None,
                    row.issued.text() if row.issued else None,
                    row.unchanged.isChecked() if row.unchanged else None,
                )
        state.update({f"exemption:{c}": (t.isChecked(),) for c, t in self.exemptions.items()})
        return state

    def _restore(self, state: dict[str, tuple]) -> None:
        for row in self.rows:
            if row.key not in state:
                continue
            checked, form, expiry, issued, unchanged = state[row.key]
            row.box.setChecked(checked)
            if row.form_box is not None and form is not None:
                index = row.form_box.findData(form)
                if index >= 0:
                    row.form_box.setCurrentIndex(index)
            if row.expiry is not None and expiry is not None:
                row.expiry.setText(expiry)
            if row.issued is not None and issued is not None:
                row.issued.setText(issued)
            if row.unchanged is not None and unchanged is not None:
                row.unchanged.setChecked(unchanged)
        for code, tick in self.exemptions.items():
            if f"exemption:{code}" in state:
                tick.setChecked(state[f"exemption:{code}"][0])

    def _build(self, subject, provider, channel, flags) -> None:
        self.rows, self.exemptions = [], {}
        body = QWidget()
        layout = QVBoxLayout(body)
        seen: dict[tuple[str, Holder], DocumentRow] = {}
        for group in document_groups(subject, provider, channel, flags):
            box = QGroupBox(group.title)
            box.setObjectName(f"group_{group.check.value}")
            inner = QVBoxLayout(box)
            inner.addWidget(wrapped(group.requirement, NOTE_STYLE))
            holder = group.holder or Holder.PRINCIPAL
            for doc in (*group.documents, *group.not_accepted):
                forms = accepted_forms(doc, channel, group.check, provider)
                first = seen.get((doc.code, holder))
                row = DocumentRow(doc, holder, forms, with_details=first is None)
                if first is not None:
                    _mirror(first.box, row.box)
                else:
                    seen[(doc.code, holder)] = row
                row.box.toggled.connect(self._update)
                for edit in row.edits():
                    signal = edit.toggled if isinstance(edit, QCheckBox) else None
                    if signal is None and isinstance(edit, QComboBox):
                        signal = edit.currentIndexChanged
                    if signal is None and isinstance(edit, QLineEdit):
                        signal = edit.textChanged
                    signal.connect(self._update)
                self.rows.append(row)
                inner.addWidget(row)
            if group.exemption is not None:
                exemption = group.exemption
                tick = QCheckBox(exemption.name)
                tick.setObjectName(f"exemption_{exemption.code}")
                tick.toggled.connect(self._update)
                self.exemptions[exemption.code] = tick
                inner.addWidget(tick)
                conditions = "／".join(exemption.conditions)
                inner.addWidget(
                    wrapped(
                        self.tr("Only when: %1 (%2)")
                        .replace("%1", conditions)
                        .replace("%2", exemption.basis),
                        NOTE_STYLE,
                    )
                )
            layout.addWidget(box)
        layout.addStretch()
        self.scroll.setWidget(body)

    def presented(self) -> tuple[PresentedDocument, ...]:
        primary = [row for row in self.rows if row.edits() or row.doc.refusal is not None]
        done: set[tuple[str, Holder]] = set()
        out = []
        for row in [*primary, *self.rows]:
            key = (row.doc.code, row.holder)
            if row.box.isChecked() and key not in done:
                done.add(key)
                out.append(row.presented())
        return tuple(out)

    def exemption_used(self, code: str) -> bool:
        tick = self.exemptions.get(code)
        return tick is not None and tick.isChecked()

    def _update(self) -> None:
        assessment = self.wizard_().assessment(documents_only=True)
        self.status.setText(checks_html(assessment))


def _mirror(a: QCheckBox, b: QCheckBox) -> None:
    a.toggled.connect(lambda on: b.isChecked() != on and b.setChecked(on))
    b.toggled.connect(lambda on: a.isChecked() != on and a.setChecked(on))


def checks_html(assessment: Assessment) -> str:
    lines = []
    for result in assessment.checks:
        if result.satisfied:
            names = "、".join(means_name(code) for code in result.means)
            lines.append(f"<span style='{OK_STYLE}'>✔ {result.check.label}：{escape(names)}</span>")
        else:
            lines.append(f"<span style='{ERROR_STYLE}'>✘ {result.check.label}：未確認</span>")
    shown: set[tuple[str, str]] = set()
    for refusal in assessment.refusals:
        if (refusal.code, refusal.reason) in shown:
            continue  # the card sits in two lists: one line is enough
        shown.add((refusal.code, refusal.reason))
        lines.append(
            f"<span style='{ERROR_STYLE}'>「{escape(refusal.name)}」は使えません："
            f"{escape(refusal.reason)}</span>"
        )
    return "<br>".join(lines)


class ComparePage(_Page):
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


class NumberPage(_Page):
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
