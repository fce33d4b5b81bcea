"""委託先 (consignees, 規程第42–43条): the register, and for the selected consignee its company
data and approval, the selection check, the contract, sub-consignees, the hearings and the
deletion certificates. The manager manages; the supervisor records hearings; the clerk keeps
certificates; the auditor reads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.access import Permission, may
from app.domain.consignees import ConsigneeState
from app.domain.display_dates import japanese_day
from app.domain.purposes import CATALOG
from app.services import consignee_register, consignees
from app.services.consignees import ConsigneeDetail, ConsigneeListed
from app.session import Session
from ui import icons
from ui.context import UiContext
from ui.dialogs.consignee_dialogs import (
    ConsigneeDialog,
    EndDialog,
)
from ui.dialogs.person_dialog import DateEdit
from ui.pages.base import Page
from ui.pages.consignee_records import CertificatesTab, HearingsTab, SubsTab
from ui.pages.consignee_tabs import (
    ContractTab,
    SelectionTab,
    button,
    day_or_dash,
    fill,
    read_day,
    table,
)
from ui.styles import heading, make_primary, set_flag, set_role

OVERDUE = "#b00020"
# Who sees the page: whoever may act on consignees, and the auditor.
CONSIGNEE_READERS = (
    Permission.MANAGE_CONSIGNEES,
    Permission.RECORD_CONSIGNEE_HEARINGS,
    Permission.RECORD_CONSIGNEE_CERTIFICATES,
    Permission.READ_AUDIT,
)


class ConsigneesPage(Page):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("consigneesPage")
        session = context.session
        roles = session.user.roles if session is not None else frozenset()
        self.manages = may(roles, Permission.MANAGE_CONSIGNEES)
        self.hears = may(roles, Permission.RECORD_CONSIGNEE_HEARINGS)
        self.certifies = may(roles, Permission.RECORD_CONSIGNEE_CERTIFICATES)
        self.entries: list[ConsigneeListed] = []
        self.detail: ConsigneeDetail | None = None
        self._wanted: int | None = None
        note = QLabel(
            self.tr(
                "Consignees that handle My Numbers for the office: select them on six points, "
                "contract the ten clauses, approve, and hear them every April (規程第42–43条)."
            )
        )
        note.setWordWrap(True)
        set_role(note, "note")
        self.new_button = button("newConsigneeButton", self.tr("Register…"), self._register)
        self.new_button.setIcon(icons.icon("add", icons.ON_PRIMARY))
        make_primary(self.new_button)
        self.new_button.setVisible(self.manages)
        self.print_button = button(
            "consigneeRegisterButton", self.tr("Consignee register (PDF)…"), self._print
        )
        self.print_button.setIcon(icons.icon("document_pdf"))
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch()
        top.addWidget(self.print_button)
        self.table = table(
            "consigneesTable",
            [
                self.tr("State"),
                self.tr("Consignee"),
                self.tr("Work consigned"),
                self.tr("Contract"),
                self.tr("April hearing"),
            ],
            {0: 70, 2: 330, 3: 160, 4: 250},
            1,
        )
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.status = QLabel()
        self.status.setObjectName("consigneesStatus")
        self.status.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("consigneeTabs")
        self.tabs.addTab(self._basic_tab(), self.tr("Basic data"))
        self.selection = SelectionTab(self._change)
        self.tabs.addTab(self.selection, self.tr("Selection"))
        self.contract = ContractTab(self._change)
        self.tabs.addTab(self.contract, self.tr("Contract"))
        self.subs = SubsTab(context, self._change, self.manages)
        self.tabs.addTab(self.subs, self.tr("Sub-consignees"))
        self.hearings = HearingsTab(context, self._change, self.hears)
        self.tabs.addTab(self.hearings, self.tr("Hearings"))
        self.certificates = CertificatesTab(context, self._change, self.certifies)
        self.tabs.addTab(self.certificates, self.tr("Deletion certificates"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Consignees")))
        layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 3)
        self._show_detail(None)

    # Tabs ----------------------------------------------------------------------------------

    def _basic_tab(self) -> QWidget:
        tab = QWidget()
        self.facts = QLabel()
        self.facts.setObjectName("consigneeFacts")
        self.facts.setWordWrap(True)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.gaps = QLabel()
        self.gaps.setObjectName("approvalGaps")
        self.gaps.setWordWrap(True)
        self.gaps.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.edit_button = button("editConsigneeButton", self.tr("Edit…"), self._edit)
        self.approve_date = DateEdit()
        self.approve_date.setObjectName("approveDateEdit")
        self.approve_date.setMinimumWidth(150)
        self.approve_button = button(
            "approveConsigneeButton", self.tr("Approve from this day"), self._approve
        )
        self.end_button = button("endConsigneeButton", self.tr("End the consignment…"), self._end)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addSpacing(16)
        self.approve_label = QLabel(self.tr("Approval day:"))
        actions.addWidget(self.approve_label)
        actions.addWidget(self.approve_date)
        actions.addWidget(self.approve_button)
        actions.addStretch()
        actions.addWidget(self.end_button)
        row = QHBoxLayout()
        row.addWidget(self.facts, 3)
        row.addWidget(self.gaps, 2)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addStretch()
        layout.addLayout(actions)
        return tab

    # Loading -------------------------------------------------------------------------------

    def load(self) -> None:
        self.context.run(consignees.list_consignees, owner=self, on_done=self._show)

    def clear(self) -> None:
        self.entries = []
        self.table.setRowCount(0)
        self.status.clear()
        self._show_detail(None)

    def show_hint(self, hint: str) -> None:
        """ "consignee:7": select it and open its hearings."""
        if hint.startswith("consignee:"):
            self._wanted = int(hint.removeprefix("consignee:"))
            self.tabs.setCurrentWidget(self.hearings)
            self.load()

    def _show(self, entries: list[ConsigneeListed]) -> None:
        self.entries = entries
        rows = []
        for entry in entries:
            row = entry.row
            work = "、".join(CATALOG[p].short_name for p in row.purposes if p in CATALOG)
            rows.append(
                [
                    ConsigneeState(row.state).label,
                    row.name,
                    work or (row.work.splitlines()[0] if row.work else "—"),
                    day_or_dash(row.contract_on),
                    self.hearings.hearing_text(entry.hearing),
                ]
            )
        fill(self.table, rows)
        for index, entry in enumerate(entries):
            if entry.hearing is not None and entry.hearing.overdue:
                self.table.item(index, 4).setForeground(QColor(OVERDUE))
        wanted, self._wanted = self._wanted, None
        found = [i for i, e in enumerate(entries) if e.row.id == wanted]
        if found:
            self.table.blockSignals(True)
            self.table.selectRow(found[0])
            self.table.blockSignals(False)
            self._selected()
        elif entries and self.table.currentRow() < 0:
            self.table.selectRow(0)
        elif not entries:
            self._show_detail(None)

    def _current(self) -> ConsigneeListed | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _selected(self) -> None:
        entry = self._current()
        if entry is None:
            self._show_detail(None)
            return
        consignee_id = entry.row.id
        self.context.run(
            lambda s: consignees.detail(s, consignee_id), owner=self, on_done=self._show_detail
        )

    def _show_detail(self, found: ConsigneeDetail | None) -> None:
        self.detail = found
        row = found.consignee if found else None
        state = ConsigneeState(row.state) if row else None
        live = state is not None and state is not ConsigneeState.ENDED
        self.edit_button.setEnabled(self.manages and live)
        self.end_button.setEnabled(self.manages and live)
        can_approve = self.manages and state is ConsigneeState.SELECTING
        for widget in (self.approve_label, self.approve_date, self.approve_button):
            # Shown while there is an approval to give; enabled once nothing is missing.
            widget.setVisible(can_approve)
            widget.setEnabled(can_approve and found is not None and not found.gaps)
        self.selection.show_detail(found, self.manages and live)
        self.contract.show_detail(found, self.manages and live)
        for tab in (self.subs, self.hearings, self.certificates):
            tab.show_detail(found)
        if found is None or row is None:
            self.facts.setText(self.tr("Select a consignee."))
            self.gaps.clear()
            return
        self._facts(found)

    def _facts(self, found: ConsigneeDetail) -> None:
        row = found.consignee
        state = ConsigneeState(row.state)
        purposes = "、".join(CATALOG[p].short_name for p in row.purposes if p in CATALOG)
        lines = [
            (self.tr("Name"), row.name),
            (self.tr("Corporate number"), row.corporate_number or "—"),
            (self.tr("Address"), row.address or "—"),
            (self.tr("Contact"), row.contact or "—"),
            (self.tr("Work consigned (事務)"), purposes or "—"),
            (self.tr("What is consigned"), row.work or "—"),
            (self.tr("State"), state.label),
        ]
        if row.approved_on:
            lines.append(
                (
                    self.tr("Approved"),
                    f"{japanese_day(row.approved_on)}（{row.approved_by_name}）",
                )
            )
        if row.ended_on:
            lines.append((self.tr("Ended"), f"{japanese_day(row.ended_on)} {row.end_note}"))
        self.facts.setText("\n".join(f"{label}：{value}" for label, value in lines))
        if state is not ConsigneeState.SELECTING:
            self.gaps.clear()
            set_flag(self.gaps, "alert", False)
        elif found.gaps:
            self.gaps.setText(
                self.tr("Not yet approvable. Missing:")
                + "\n"
                + "\n".join(f"・{gap}" for gap in found.gaps)
            )
        else:
            self.gaps.setText(
                self.tr("All six points and ten clauses are met: it may be approved.")
            )
        set_role(self.gaps, "error" if found.gaps and state is ConsigneeState.SELECTING else "ok")

    # Actions -------------------------------------------------------------------------------

    def _done(self, text: str, consignee_id: int | None) -> Callable[[object], None]:
        def finished(_result: object) -> None:
            self._wanted = consignee_id
            self.status.setText(text)
            set_role(self.status, "ok")
            self.load()

        return finished

    def _change(self, work: Callable[[Session, int], Any], done_text: str) -> None:
        entry = self._current()
        if entry is None:
            return
        consignee_id = entry.row.id
        self.context.run(
            lambda s: work(s, consignee_id),
            owner=self,
            on_done=self._done(done_text, consignee_id),
        )

    def _today(self) -> date:
        session = self.context.session
        assert session is not None
        return session.clock.now().date()

    def _register(self) -> None:
        dialog = ConsigneeDialog(None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        company = dialog.values()

        def registered(row: Any) -> None:
            self._done(
                self.tr("Registered. Record the selection check and the contract next."), row.id
            )(row)

        self.context.run(lambda s: consignees.register(s, company), owner=self, on_done=registered)

    def _edit(self) -> None:
        if self.detail is None:
            return
        dialog = ConsigneeDialog(self.detail.consignee, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            company = dialog.values()
            self._change(lambda s, i: consignees.edit(s, i, company), self.tr("Saved."))

    def _approve(self) -> None:
        day = read_day(self.approve_date)
        if day is None:
            self.status.setText(self.tr("Enter the day of the approval."))
            set_role(self.status, "error")
            return
        self._change(
            lambda s, i: consignees.approve(s, i, day),
            self.tr("Approved: the consignee may now be given the consigned work."),
        )

    def _end(self) -> None:
        if self.detail is None:
            return
        dialog = EndDialog(self._today(), self.detail.consignee.name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            values = dialog.values()
            self._change(
                lambda s, i: consignees.end(s, i, **values),  # type: ignore[arg-type]
                self.tr(
                    "The consignment was ended. Record the deletion certificate when it comes."
                ),
            )

    def _print(self) -> None:
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.file_names import pdf_name

        title = self.tr("Consignee register")
        self.context.run(
            consignee_register.register_pdf,
            owner=self,
            on_done=lambda pdf: PdfPreviewDialog(title, pdf, pdf_name(title), self).exec(),
        )
