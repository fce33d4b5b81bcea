"""The documents page of the identity check: one checklist per group of documents that
applies, each row with the form seen (original or copy) and its dates."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.verification import (
    Check,
    Document,
    Form,
    Holder,
    Known,
    PresentedDocument,
    accepted_forms,
    document_groups,
)
from app.domain.verification.requirements import FALLBACK_REASONS
from ui.dialogs.person_dialog import DateEdit, reason_box
from ui.styles import ERROR_STYLE, NOTE_STYLE
from ui.verification_pages import VerificationPage, checks_html, wrapped

if TYPE_CHECKING:
    pass

# The 通知カード's state (DOMAIN.md §2.7 row 5): (objectName prefix, details_unchanged, endorsed)
_CARD_STATES = (("unchanged", True, False), ("endorsed", True, True), ("changed", False, False))


class DocumentRow(QWidget):
    """One document of a checklist: the tick and, once ticked, what the rules need to know of
    it (original or copy, expiry, issue date, whether the details are unchanged)."""

    def __init__(
        self,
        doc: Document,
        holder: Holder,
        forms: frozenset[Form],
        *,
        with_details: bool,
        refusal: str | None = None,
        primary: bool | None = None,
    ) -> None:
        super().__init__()
        self.doc, self.holder = doc, holder
        key = f"{doc.code}_{holder.value}"
        self.key = key
        self.box = QCheckBox(doc.name)
        # The copy shown in a second list has its own name, so a lookup finds the first one.
        primary = with_details if primary is None else primary
        self.box.setObjectName(f"doc_{key}" if primary else f"doc_{key}_also")
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
        # 通知カード: the same as the 住民票 now, the same after an endorsed change made before
        # 2020-05-25, or changed (refused, with the row-5 reason); none ticked: not checked yet.
        self.card_states: dict[str, QRadioButton] = {}
        if with_details and doc.needs_unchanged_details:
            group = QButtonGroup(self)
            group.setExclusive(False)  # so that none ticked stays possible after a choice
            labels = {
                "unchanged": self.tr("Name, address etc. on it are the same as now (no change)"),
                "endorsed": self.tr(
                    "Changed before 2020-05-25, the change written on the back by the "
                    "municipality, and the same as now"
                ),
                "changed": self.tr(
                    "Changed since (or an earlier change not written on it by the municipality)"
                ),
            }
            for state, _unchanged, _endorsed in _CARD_STATES:
                button = QRadioButton(labels[state])
                button.setObjectName(f"{state}_{key}")
                button.toggled.connect(lambda on, b=button: on and self._only(b))
                group.addButton(button)
                self.card_states[state] = button
                details.addRow(button)
            details.addRow(
                wrapped(
                    self.tr(
                        "The card was abolished on 2020-05-25 and counts only while its details "
                        "match the resident record. A change made before that day counts if the "
                        "municipality wrote it on the card; any change since makes it unusable."
                    ),
                    NOTE_STYLE,
                )
            )
        self.refusal = refusal if refusal is not None else doc.refusal
        if self.refusal:
            details.addRow(wrapped(self.refusal, ERROR_STYLE))
        elif doc.note:
            details.addRow(wrapped(doc.note, NOTE_STYLE))
        if not with_details and not self.refusal:
            details.addRow(wrapped(self.tr("(details entered above)"), NOTE_STYLE))
        layout.addWidget(self.details)
        self.details.setVisible(False)
        self.box.toggled.connect(self.details.setVisible)

    def _only(self, chosen: QRadioButton) -> None:
        for button in self.card_states.values():
            if button is not chosen:
                button.setChecked(False)

    def card_state(self) -> str | None:
        return next((s for s, b in self.card_states.items() if b.isChecked()), None)

    def set_card_state(self, state: str | None) -> None:
        for name, button in self.card_states.items():
            button.setChecked(name == state)

    def edits(self) -> list[QWidget]:
        widgets = [w for w in (self.form_box, self.expiry, self.issued) if w]
        return [*widgets, *self.card_states.values()]

    def presented(self) -> PresentedDocument:
        form = self.single_form or Form.ORIGINAL
        if self.form_box is not None:
            form = Form(self.form_box.currentData())
        state = next((s for s in _CARD_STATES if s[0] == self.card_state()), None)
        return PresentedDocument(
            self.doc.code,
            holder=self.holder,
            form=form,
            expires_on=_date_or_none(self.expiry),
            issued_on=_date_or_none(self.issued),
            details_unchanged=state[1] if state else None,
            endorsed_before_abolition=bool(state and state[2]),
        )


def _date_or_none(edit: DateEdit | None) -> date | None:
    if edit is None:
        return None
    try:
        return edit.value()
    except ValueError:
        return None


class DocumentsPage(VerificationPage):
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
        # The reasons a document does not count can run long: they scroll, the list keeps its room.
        status_scroll = QScrollArea()
        status_scroll.setWidgetResizable(True)
        status_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        status_scroll.setMaximumHeight(150)
        status_scroll.setWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(status_scroll)
        self.rows: list[DocumentRow] = []
        self.exemptions: dict[str, QCheckBox] = {}
        self.fallbacks: dict[Check, tuple[QWidget, QComboBox]] = {}
        self._built_for: tuple | None = None

    def initializePage(self) -> None:
        wizard = self.wizard_()
        known = Known(frozenset(wizard.purposes()), wizard.verified_on())
        key = (wizard.subject, wizard.provider, wizard.channel, wizard.flags(), known)
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
                    row.card_state(),
                )
        state.update({f"exemption:{c}": (t.isChecked(),) for c, t in self.exemptions.items()})
        state.update(
            {f"fallback:{c}": (box.currentText(),) for c, (_, box) in self.fallbacks.items()}
        )
        return state

    def _restore(self, state: dict[str, tuple]) -> None:
        for row in self.rows:
            if row.key not in state:
                continue
            checked, form, expiry, issued, card_state = state[row.key]
            row.box.setChecked(checked)
            if row.form_box is not None and form is not None:
                index = row.form_box.findData(form)
                if index >= 0:
                    row.form_box.setCurrentIndex(index)
            if row.expiry is not None and expiry is not None:
                row.expiry.setText(expiry)
            if row.issued is not None and issued is not None:
                row.issued.setText(issued)
            if row.card_states:
                row.set_card_state(card_state)
        for code, tick in self.exemptions.items():
            if f"exemption:{code}" in state:
                tick.setChecked(state[f"exemption:{code}"][0])
        for check, (_, box) in self.fallbacks.items():
            if f"fallback:{check}" in state:
                box.setCurrentText(state[f"fallback:{check}"][0])

    def _build(self, subject, provider, channel, flags, known) -> None:
        self.rows, self.exemptions, self.fallbacks = [], {}, {}
        body = QWidget()
        layout = QVBoxLayout(body)
        seen: dict[tuple[str, Holder], DocumentRow] = {}
        for group in document_groups(subject, provider, channel, flags, known):
            box = QGroupBox(group.title)
            box.setObjectName(f"group_{group.check.value}")
            inner = QVBoxLayout(box)
            inner.addWidget(wrapped(group.requirement, NOTE_STYLE))
            if group.left_out_note:
                left_out = wrapped(group.left_out_note, NOTE_STYLE)
                left_out.setObjectName(f"leftOut_{group.check.value}")
                inner.addWidget(left_out)
            holder = group.holder or Holder.PRINCIPAL
            for doc in (*group.documents, *group.not_accepted):
                forms = accepted_forms(doc, channel, group.check, provider)
                first = seen.get((doc.code, holder))
                refused = doc in group.not_accepted
                row = DocumentRow(
                    doc,
                    holder,
                    forms,
                    with_details=first is None and not refused,
                    refusal=group.reason(doc) if refused else None,
                    primary=first is None,
                )
                if first is not None:
                    _mirror(first.box, row.box)
                else:
                    seen[(doc.code, holder)] = row
                row.box.toggled.connect(self._update)
                for edit in row.edits():
                    signal = edit.toggled if isinstance(edit, QCheckBox | QRadioButton) else None
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
            if group.check in FALLBACK_REASONS:
                inner.addWidget(self._fallback_box(group.check))
            layout.addWidget(box)
        layout.addStretch()
        self.scroll.setWidget(body)

    def _fallback_box(self, check: Check) -> QWidget:
        """Shown once the check rests on a way allowed only when the usual document is
        difficult (規2③, 規6①三, 規9①): why it could not be given, kept in the record."""
        holder = QWidget()
        form = QFormLayout(holder)
        form.setContentsMargins(0, 4, 0, 0)
        box = reason_box(FALLBACK_REASONS[check], self.tr("Why (kept in the record)"))
        box.setObjectName(f"fallback_{check.value}")
        box.currentTextChanged.connect(self._update)
        form.addRow(self.tr("Why could the usual document not be given? *"), box)
        holder.setVisible(False)
        self.fallbacks[check] = (holder, box)
        return holder

    def fallback_reasons(self) -> tuple[tuple[Check, str], ...]:
        return tuple(
            (check, box.currentText().strip())
            for check, (holder, box) in self.fallbacks.items()
            if holder.isVisibleTo(self) and box.currentText().strip()
        )

    def presented(self) -> tuple[PresentedDocument, ...]:
        primary = [row for row in self.rows if row.edits() or row.refusal]
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
        for check, (holder, _box) in self.fallbacks.items():
            holder.setVisible(check in assessment.fallback_checks)
        self.status.setText(checks_html(assessment))


def _mirror(a: QCheckBox, b: QCheckBox) -> None:
    a.toggled.connect(lambda on: b.isChecked() != on and b.setChecked(on))
    b.toggled.connect(lambda on: a.isChecked() != on and a.setChecked(on))
