"""The first pages of the identity verification wizard: whose number, who brings it, how.
The documents page is in ui.verification_documents_page, the comparison, the number and the
result in ui.verification_check_pages."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from app.domain.purposes import CATALOG
from app.domain.retention import era_year
from app.domain.verification import (
    EMPLOYEE_FORMS,
    SUBJECTS,
    Assessment,
    Channel,
    Provider,
    Subject,
    allowed_channels,
    allowed_providers,
    means_name,
)
from app.domain.verification.rules import channel_refusal
from app.services.verification import FIRST_POSSIBLE_DAY
from ui.dialogs.person_dialog import DateEdit
from ui.styles import ERROR_STYLE, NOTE_STYLE, OK_STYLE

if TYPE_CHECKING:
    from ui.verification_wizard import VerificationWizard


def wrapped(text: str = "", style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    return label


class VerificationPage(QWizardPage):
    def wizard_(self) -> VerificationWizard:
        return self.wizard()  # type: ignore[return-value]


class SubjectPage(VerificationPage):
    """Whose number, for which form, on which day, and what for: the purposes decide which
    documents some 告示 accept (DOMAIN.md §2.2), so they are asked before the documents."""

    def __init__(
        self,
        subjects: tuple[Subject, ...],
        default: Subject,
        today: date,
        *,
        registrable: tuple[str, ...] = (),
        collected_for: frozenset[str] = frozenset(),
    ) -> None:
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
        self.registering = not collected_for
        self.purpose_boxes: dict[str, QCheckBox] = {}
        if self.registering:
            box = QGroupBox(self.tr("Collected for (purposes notified to the person)"))
            inner = QVBoxLayout(box)
            for code in registrable:
                tick = QCheckBox(CATALOG[code].name)
                tick.setObjectName(f"verifyPurpose_{code}")
                tick.toggled.connect(self.completeChanged)
                self.purpose_boxes[code] = tick
                inner.addWidget(tick)
            layout.addWidget(box)
        else:
            names = "、".join(CATALOG[c].short_name for c in CATALOG if c in collected_for)
            shown = wrapped(self.tr("Collected for: %1").replace("%1", names), NOTE_STYLE)
            shown.setObjectName("collectedFor")
            layout.addWidget(shown)
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

    def chosen_purposes(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.purpose_boxes.items() if box.isChecked())

    def isComplete(self) -> bool:
        day = self.verified_on()
        if day is None:
            message = self.tr("Enter the date of the check.")
        elif day > self.today:
            message = self.tr("The date of the check is in the future.")
        elif day < FIRST_POSSIBLE_DAY:
            message = self.tr("The date is before 2015-10-05, when the My Number Act took effect.")
        elif self.registering and not self.chosen_purposes():
            message = self.tr("Choose at least one purpose.")
        else:
            message = ""
        self.day_error.setText(message)
        return not message


class EmployeeFormPage(VerificationPage):
    """A dependant's number on the employee's own form: the employee checked the dependant
    (DOMAIN.md §2.6), so the record names the employee and the form (which year's), not a
    provider and a channel that did not take place."""

    def __init__(self, employee: str) -> None:
        super().__init__()
        self.setObjectName("verificationFormPage")
        self.setTitle(self.tr("The employee's form"))
        self.setSubTitle(
            self.tr("On which of %1's forms did this number come?").replace("%1", employee)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped(
                self.tr(
                    "The employee checked this person's identity, as the law asks of the one who "
                    "files the form. The record keeps the employee, the form and its year."
                ),
                NOTE_STYLE,
            )
        )
        form = QFormLayout()
        self.form_box = QComboBox()
        self.form_box.setObjectName("employeeFormBox")
        self.form_box.currentIndexChanged.connect(self._update)
        self.year_box = QComboBox()
        self.year_box.setObjectName("formYearBox")
        form.addRow(self.tr("Form"), self.form_box)
        self.year_label = QLabel(self.tr("For the year"))
        form.addRow(self.year_label, self.year_box)
        layout.addLayout(form)
        layout.addStretch()
        self._for: tuple[Subject, int] | None = None

    def initializePage(self) -> None:
        wizard = self.wizard_()
        day = wizard.verified_on()
        key = (wizard.subject, day.year)
        if key == self._for:
            return
        self._for = key
        self.form_box.clear()
        for choice in EMPLOYEE_FORMS.get(wizard.subject, ()):
            self.form_box.addItem(choice.name, choice.code)
        self.year_box.clear()
        # The 扶養控除等申告書 for a year is collected late in the year before (年末調整).
        default = day.year + 1 if day.month >= 11 else day.year
        for year in range(day.year - 1, day.year + 2):
            self.year_box.addItem(f"{era_year(year)}分（{year}年）", year)
        self.year_box.setCurrentIndex(self.year_box.findData(default))
        self._update()

    def _update(self) -> None:
        forms = EMPLOYEE_FORMS.get(self.wizard_().subject, ()) if self.wizard() else ()
        chosen = next((f for f in forms if f.code == self.form_box.currentData()), None)
        yearly = chosen is not None and chosen.yearly
        self.year_box.setVisible(yearly)
        self.year_label.setVisible(yearly)

    def chosen(self) -> tuple[str, int | None]:
        code = self.form_box.currentData() or ""
        forms = EMPLOYEE_FORMS.get(self.wizard_().subject, ())
        yearly = any(f.code == code and f.yearly for f in forms)
        return code, (self.year_box.currentData() if yearly else None)


class ProviderPage(VerificationPage):
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


class ChannelPage(VerificationPage):
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


def checks_html(assessment: Assessment) -> str:
    """✔/✘ per check and why a document does not count. A stop shows only its reason; beside a
    sufficient check a document that did not count is a grey note, never a red line."""
    if assessment.stopped:
        return f"<span style='{ERROR_STYLE}'>✘ {escape(assessment.explanations[0])}</span>"
    lines = []
    for result in assessment.checks:
        if result.satisfied:
            names = "、".join(means_name(code) for code in result.means)
            lines.append(f"<span style='{OK_STYLE}'>✔ {result.check.label}：{escape(names)}</span>")
        else:
            missing = QCoreApplication.translate("checks_html", "not done yet")
            lines.append(f"<span style='{ERROR_STYLE}'>✘ {result.check.label}：{missing}</span>")
    shown: set[tuple[str, str]] = set()
    style = NOTE_STYLE if assessment.sufficient else ERROR_STYLE
    for refusal in assessment.refusals:
        if (refusal.code, refusal.reason) in shown:
            continue  # the card sits in two lists: one line is enough
        shown.add((refusal.code, refusal.reason))
        text = QCoreApplication.translate("checks_html", "%1 does not count: %2")
        text = text.replace("%1", f"「{refusal.name}」")
        lines.append(f"<span style='{style}'>{escape(text.replace('%2', refusal.reason))}</span>")
    return "<br>".join(lines)
