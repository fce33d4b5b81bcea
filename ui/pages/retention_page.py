"""保存期間・削除: which numbers may go and why (with the monthly timeline), the deletion runs
to propose, approve and execute, and the deletion records that remain."""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.access import Permission, may
from app.domain.display_dates import japanese_time
from app.domain.purposes import PersonKind
from app.domain.retention import japanese_date
from app.domain.settings import SettingKey
from app.services import deletion, retention
from app.services.deletion import STATE_LABELS, TRIGGER_LABELS, DeletionRecordRow, RunRow
from app.services.retention import DueEntry, DueList
from ui.context import UiContext
from ui.dialogs.deletion_dialogs import ApproveDialog, ProposeDialog
from ui.models.due_table_model import DueTableModel
from ui.pages.base import Page
from ui.pages.deletion_records_tab import DeletionRecordsTab
from ui.styles import heading
from ui.widgets.deletion_chart import DeletionChart
from ui.widgets.tables import Extended, make_read_only, read_only_table


def _table(model: DueTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    make_read_only(
        view, stretch=4, widths=((0, 150), (1, 100), (2, 150), (3, 130)), selection=Extended
    )
    return view


def _count_by_kind(entries: tuple[DueEntry, ...]) -> str:
    """「7件（従業員 2・扶養親族 1・支払先（個人） 4）」; just the count when there are none."""
    if not entries:
        return "0件"
    kinds = Counter(entry.kind for entry in entries)
    parts = "・".join(f"{kind.label} {kinds[kind]:,}" for kind in PersonKind if kinds[kind])
    return f"{len(entries):,}件（{parts}）"


RUNS_TAB = 3


class RetentionPage(Page):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("retentionPage")
        self.due: DueList | None = None
        self._as_of = date.today()
        self.runs: list[RunRow] = []
        # A dashboard card's "run:12": the run to select once the list is loaded.
        self._wanted_run: int | None = None
        session = context.session
        roles = session.user.roles if session is not None else frozenset()
        self.handles = may(roles, Permission.HANDLE_NUMBERS)
        self.approves = may(roles, Permission.APPROVE_DELETION)

        title = heading(self.tr("Retention and deletion"))
        self.summary = QLabel()
        self.summary.setObjectName("retentionSummary")
        self.summary.setWordWrap(True)
        self.chart = DeletionChart()
        self.status = QLabel()
        self.status.setObjectName("retentionStatus")
        self.status.setWordWrap(True)

        self.due_model, self.year_model, self.later_model = (
            DueTableModel(),
            DueTableModel(),
            DueTableModel(),
        )
        self.due_view = _table(self.due_model)
        self.due_view.setObjectName("dueView")
        self.year_view = _table(self.year_model)
        self.later_view = _table(self.later_model)
        self.propose_all_button = QPushButton(self.tr("Propose deleting all that are due…"))
        self.propose_all_button.setObjectName("proposeAllButton")
        self.propose_all_button.clicked.connect(self._propose_all)
        self.propose_button = QPushButton(self.tr("Propose deleting the selected…"))
        self.propose_button.setObjectName("proposeSelectedButton")
        self.propose_button.clicked.connect(self._propose_selected)
        due_tab = QWidget()
        due_layout = QVBoxLayout(due_tab)
        due_layout.addWidget(self.due_view)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Hover over a row to see every reason and its legal basis.")))
        row.addStretch()
        row.addWidget(self.propose_button)
        row.addWidget(self.propose_all_button)
        due_layout.addLayout(row)

        self.runs_table = read_only_table(
            "runsTable",
            [
                self.tr("No."),
                self.tr("State"),
                self.tr("Trigger"),
                self.tr("People"),
                self.tr("Proposed by"),
                self.tr("Approved by"),
                self.tr("Executed by"),
            ],
            stretch=2,
        )
        for column, width in ((0, 50), (1, 150), (3, 60), (4, 110), (5, 110), (6, 110)):
            self.runs_table.setColumnWidth(column, width)
        self.runs_table.itemSelectionChanged.connect(self._run_selected)
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.approve_button.setObjectName("approveButton")
        self.approve_button.clicked.connect(self._approve)
        self.execute_button = QPushButton(self.tr("Execute…"))
        self.execute_button.setObjectName("executeButton")
        self.execute_button.clicked.connect(self._execute)
        self.cancel_button = QPushButton(self.tr("Cancel the run"))
        self.cancel_button.setObjectName("cancelRunButton")
        self.cancel_button.clicked.connect(self._cancel)
        runs_tab = QWidget()
        runs_layout = QVBoxLayout(runs_tab)
        runs_layout.addWidget(self.runs_table)
        run_buttons = QHBoxLayout()
        run_buttons.addStretch()
        for button in (self.approve_button, self.execute_button, self.cancel_button):
            run_buttons.addWidget(button)
        runs_layout.addLayout(run_buttons)

        self.records_tab = DeletionRecordsTab(context, self.handles)
        self.records_tab.changed.connect(self._after)
        self.records_tab.message.connect(self.status.setText)
        # The tab's parts, by the names tests and the lock reach.
        self.records_table = self.records_tab.table
        self.ledger_from, self.ledger_to = self.records_tab.ledger_from, self.records_tab.ledger_to
        self.ledger_button = self.records_tab.ledger_button
        self.certificate_button = self.records_tab.certificate_button
        self.paper_button = self.records_tab.paper_button

        self.tabs = QTabWidget()
        self.tabs.setObjectName("retentionTabs")
        self.tabs.addTab(due_tab, self.tr("May be deleted now"))
        self.tabs.addTab(self.year_view, self.tr("Later this year"))
        self.tabs.addTab(self.later_view, self.tr("Later years"))
        self.tabs.addTab(runs_tab, self.tr("Deletion runs"))
        self.tabs.addTab(self.records_tab, self.tr("Deletion records"))

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        for button in (self.propose_all_button, self.propose_button):
            button.setVisible(self.handles)
        self.approve_button.setVisible(self.approves)
        self.execute_button.setVisible(self.handles)
        self.cancel_button.setVisible(self.handles or self.approves)
        self._run_selected()

    # Loading -------------------------------------------------------------------------------

    def load(self) -> None:
        self.context.run(
            lambda s: (retention.due_list(s), deletion.runs(s), deletion.records(s)),
            owner=self,
            on_done=self._show,
        )

    def _show(self, loaded: tuple[DueList, list[RunRow], list[DeletionRecordRow]]) -> None:
        due, runs, records = loaded
        self.due, self.runs = due, runs
        self._as_of = due.as_of
        self.summary.setText(
            self.tr(
                "As of %1: may be deleted now %2; later this year %3; in later years %4; still "
                "in use (employment, dependency or contract continuing) %5."
            )
            .replace("%1", japanese_date(due.as_of))
            .replace("%2", _count_by_kind(due.due))
            .replace("%3", _count_by_kind(due.this_year))
            .replace("%4", _count_by_kind(due.later))
            .replace("%5", f"{due.ongoing:,}")
        )
        self.chart.show_months(due.by_month, due.as_of)
        self.due_model.set_entries(due.due)
        self.year_model.set_entries(due.this_year)
        self.later_model.set_entries(due.later)
        self.propose_all_button.setEnabled(bool(due.due))
        self._show_runs(runs)
        self.records_tab.show_records(records)

    def _show_runs(self, runs: list[RunRow]) -> None:
        self.runs_table.setRowCount(len(runs))
        for index, run in enumerate(runs):
            # The proposer, the approver and the executor, each with when (in the tooltip).
            people = (
                (run.proposed_by_name, run.proposed_at),
                (run.approved_by_name or "—", run.approved_at),
                (run.closed_by_name or "—", run.closed_at)
                if run.state == "executed"
                else ("—", None),
            )
            values = (
                str(run.id),
                STATE_LABELS[run.state],
                TRIGGER_LABELS[run.trigger] + (f"：{run.reason}" if run.reason else ""),
                f"{run.people:,}",
                *(name for name, _at in people),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.runs_table.setItem(index, column, item)
            for offset, (name, at) in enumerate(people):
                if at:
                    self.runs_table.item(index, 4 + offset).setToolTip(
                        f"{name}（{japanese_time(at)}）"
                    )
        if self._wanted_run is not None:
            self._select_run(self._wanted_run)
        self._run_selected()

    def show_hint(self, hint: str) -> None:
        """A dashboard card's "runs" or "run:12": the runs tab, with that run selected."""
        if hint == "runs" or hint.startswith("run:"):
            self.tabs.setCurrentIndex(RUNS_TAB)
        if hint.startswith("run:") and hint[4:].isdigit():
            self._wanted_run = int(hint[4:])
            self._select_run(self._wanted_run)

    def _select_run(self, run_id: int) -> None:
        row = next((i for i, run in enumerate(self.runs) if run.id == run_id), -1)
        if row >= 0:
            self.runs_table.selectRow(row)
            self._wanted_run = None

    def clear(self) -> None:
        self.due = None
        self.runs = []
        self._wanted_run = None
        for model in (self.due_model, self.year_model, self.later_model):
            model.set_entries([])
        self.runs_table.setRowCount(0)
        self.records_tab.clear()
        self.summary.clear()
        self.chart.show_months({}, self._as_of)

    # Proposing ------------------------------------------------------------------------------

    def _selected_entries(self) -> list[DueEntry]:
        view = self._current_view()
        if view is None:
            return []
        model = view.model()
        assert isinstance(model, DueTableModel)
        rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
        return [model.entries[row] for row in rows]

    def _current_view(self) -> QTableView | None:
        widget = self.tabs.currentWidget()
        if widget is self.year_view or widget is self.later_view:
            return widget  # type: ignore[return-value]
        if self.tabs.currentIndex() == 0:
            return self.due_view
        return None

    def _propose_all(self) -> None:
        if self.due is not None:
            self._propose(list(self.due.due))

    def _propose_selected(self) -> None:
        entries = self._selected_entries()
        if not entries:
            self.status.setText(self.tr("Select the people first (Ctrl or Shift for several)."))
            return
        self._propose(entries)

    def _propose(self, entries: list[DueEntry]) -> None:
        if self.due is None:
            return
        today = self.due.as_of
        early = sum(1 for e in entries if not e.retention.due(today))
        dialog = ProposeDialog(len(entries), early, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ids, reason = [e.person_id for e in entries], dialog.reason_text()
        self.context.run(
            lambda s: deletion.propose(s, ids, reason=reason),
            owner=self,
            on_done=lambda run: self._after(
                self.tr("Run No. %1 proposed: it waits for approval.").replace("%1", str(run.id))
            ),
        )

    # Runs -----------------------------------------------------------------------------------

    def _current_run(self) -> RunRow | None:
        row = self.runs_table.currentRow()
        return self.runs[row] if 0 <= row < len(self.runs) else None

    def _run_selected(self) -> None:
        run = self._current_run()
        state = run.state if run else None
        self.approve_button.setEnabled(state == "proposed")
        self.execute_button.setEnabled(state == "approved")
        self.cancel_button.setEnabled(state in ("proposed", "approved"))

    def _approve(self) -> None:
        run = self._current_run()
        session = self.context.session
        if run is None or session is None:
            return
        alone = run.proposed_by == session.user.id and not session.settings.get(
            SettingKey.TWO_PERSON_RULE, True
        )
        summary = (
            self.tr("Approve run No. %1: the My Numbers of %2 people (%3). Proposed by %4.")
            .replace("%1", str(run.id))
            .replace("%2", f"{run.people:,}")
            .replace("%3", TRIGGER_LABELS[run.trigger])
            .replace("%4", run.proposed_by_name)
        )
        dialog = ApproveDialog(summary, alone, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            dialog.clear()
            return
        password, reason, run_id = dialog.password(), dialog.reason_text(), run.id
        dialog.clear()
        self.context.run(
            lambda s: deletion.approve(s, run_id, password, single_person_reason=reason),
            owner=self,
            on_done=lambda _run: self._after(
                self.tr("Run No. %1 approved. It can now be executed.").replace("%1", str(run_id))
            ),
        )

    def _execute(self) -> None:
        run = self._current_run()
        if run is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Execute the deletion"),
            self.tr(
                "Delete the My Numbers of %1 people now? This cannot be undone. The deletion "
                "records stay; backups made earlier still hold the numbers until they expire."
            ).replace("%1", f"{run.people:,}"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        run_id = run.id
        self.status.setText(self.tr("Deleting… (all or nothing: the run cannot stop halfway)"))
        self.execute_button.setEnabled(False)
        self.context.run(
            lambda s: deletion.execute(s, run_id),
            owner=self,
            on_done=lambda report: self._after(
                self.tr("Deleted %1 numbers; %2 kept because they are no longer due.")
                .replace("%1", f"{report.deleted:,}")
                .replace("%2", f"{len(report.kept):,}")
            ),
        )

    def _cancel(self) -> None:
        run = self._current_run()
        if run is None:
            return
        run_id = run.id
        self.context.run(
            lambda s: deletion.cancel(s, run_id),
            owner=self,
            on_done=lambda _run: self._after(
                self.tr("Run No. %1 cancelled.").replace("%1", str(run_id))
            ),
        )

    def _after(self, message: str) -> None:
        self.status.setText(message)
        self.load()
