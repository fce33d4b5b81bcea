"""The documents page of the identity check: one checklist per group of documents that
applies, each row with the form seen (original or copy) and its dates."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.verification import (
    Document,
    Form,
    Holder,
    PresentedDocument,
    accepted_forms,
    document_groups,
)
from ui.dialogs.person_dialog import DateEdit
from ui.styles import ERROR_STYLE, NOTE_STYLE
from ui.verification_pages import VerificationPage, checks_html, wrapped

if TYPE_CHECKING:
    pass


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
