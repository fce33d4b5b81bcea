"""記録: the access log in words, a page at a time, with filters (person, member, kind of
action, period), the chosen event in full below, chain verification and CSV export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.access import Permission, may
from app.services import audit
from app.services.audit import ACTION_LABELS, AuditQuery, VerifyResult
from app.services.audit_text import ACTION_GROUPS, GROUPS_BY_KEY
from app.services.audit_view import AuditPage
from app.session import Session
from ui import file_dialogs
from ui.context import UiContext
from ui.models.audit_table_model import SORT_KEYS, AuditColumn, AuditTableModel
from ui.pages.base import Page
from ui.styles import DATE_FORMAT, heading, make_primary, set_role
from ui.widgets.event_details import EventDetails
from ui.widgets.paging import PagingBar
from ui.window_state import remember_splitter

PAGE_SIZE = 200


class AccessLogPage(Page):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("accessLogPage")
        self.offset = 0
        self.order_by = "seq"
        self.descending = True
        self.model = AuditTableModel(request_sort=self._sort)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AuditColumn.DETAIL, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (AuditColumn.SEQ, 76),
            (AuditColumn.TS, 150),
            (AuditColumn.ACTOR, 100),
            (AuditColumn.ACTION, 210),
            (AuditColumn.TARGET, 190),
        ):
            self.table.setColumnWidth(column, width)
        self.table.setWordWrap(False)
        header.setSortIndicatorShown(True)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.details = EventDetails()

        filters = self._filter_panel()
        self.paging = PagingBar(PAGE_SIZE, "audit")
        self.paging.moved.connect(self._move)
        self.verify_button = QPushButton(self.tr("Verify the log"))
        self.verify_button.setObjectName("verifyChainButton")
        self.verify_button.clicked.connect(self._verify)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("exportCsvButton")
        self.export_button.clicked.connect(self._export)
        # 特定個人情報管理台帳 (規程第16条): read by those who read the log.
        self.ledger_button = QPushButton(self.tr("Management ledger (PDF)…"))
        self.ledger_button.setObjectName("managementLedgerButton")
        self.ledger_button.clicked.connect(self._ledger)
        # アクセス記録の分析 (規程第13条): charts, anomaly flags, the audit report.
        self.analysis_button = QPushButton(self.tr("Analysis and audit report…"))
        self.analysis_button.setObjectName("logAnalysisButton")
        self.analysis_button.clicked.connect(self.open_analysis)
        self.analysis_dialog = None
        self.result = QLabel()
        self.result.setObjectName("verifyResult")
        self.result.setWordWrap(True)
        self.outputs_button = QPushButton(self.tr("Outputs register…"))
        self.outputs_button.setObjectName("outputsRegisterOpenButton")
        self.outputs_button.clicked.connect(self._outputs)
        paging = QHBoxLayout()
        paging.addWidget(self.paging)
        paging.addStretch()
        paging.addWidget(self.verify_button)
        paging.addWidget(self.export_button)
        # The records made from the log on a row of their own: on one row with the paging the
        # page would be wider than a 1366 px laptop screen leaves for it.
        records = QHBoxLayout()
        records.addStretch()
        for button in (self.analysis_button, self.ledger_button, self.outputs_button):
            records.addWidget(button)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table)
        top_layout.addLayout(paging)
        top_layout.addLayout(records)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("auditSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([420, 200])
        self.splitter.setChildrenCollapsible(False)
        remember_splitter(self.splitter, "audit/splitter")

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Access log")))
        layout.addWidget(filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.result)
        # Enabling sorting calls sort() at once; the indicator matches the initial SQL order.
        header.setSortIndicator(AuditColumn.SEQ, Qt.SortOrder.DescendingOrder)
        self._sorted_by = (AuditColumn.SEQ, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._keep_indicator)
        self._ready = False
        self.table.setSortingEnabled(True)
        self._ready = True

    def _filter_panel(self) -> QWidget:
        self.person_edit = QLineEdit()
        self.person_edit.setObjectName("personFilter")
        self.person_edit.setPlaceholderText(self.tr("Name, kana, code or department"))
        self.person_edit.setClearButtonEnabled(True)
        self.person_edit.returnPressed.connect(self._apply_filter)
        self.actor_combo = QComboBox()
        self.actor_combo.setObjectName("actorFilter")
        self.actor_combo.addItem(self.tr("Everyone"), None)
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("groupFilter")
        self.group_combo.addItem(self.tr("All kinds"), None)
        for group in ACTION_GROUPS:
            self.group_combo.addItem(group.label, group.key)
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("actionFilter")
        # Sized by a typical label, not the longest one: every new action would widen the
        # page past a 1366 px screen (the list itself still shows whole labels).
        for combo in (self.actor_combo, self.group_combo, self.action_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        self.group_combo.currentIndexChanged.connect(lambda _i: self._fill_actions())
        self._fill_actions()
        self.since_check = QCheckBox(self.tr("From"))
        self.since_check.setObjectName("sinceCheck")
        today = QDate(self.context.workspace.clock.now().date())
        self.since_edit = QDateEdit(today.addMonths(-1))
        self.since_edit.setObjectName("sinceEdit")
        self.since_edit.setDisplayFormat(DATE_FORMAT)
        self.since_edit.setCalendarPopup(True)
        self.until_check = QCheckBox(self.tr("To"))
        self.until_check.setObjectName("untilCheck")
        self.until_edit = QDateEdit(today)
        self.until_edit.setObjectName("untilEdit")
        self.until_edit.setDisplayFormat(DATE_FORMAT)
        self.until_edit.setCalendarPopup(True)
        self.apply_button = QPushButton(self.tr("Filter"))
        self.apply_button.setObjectName("applyFilterButton")
        self.apply_button.clicked.connect(self._apply_filter)
        make_primary(self.apply_button)
        self.reset_button = QPushButton(self.tr("Clear conditions"))
        self.reset_button.setObjectName("resetFilterButton")
        self.reset_button.clicked.connect(self._reset_filter)

        period = QHBoxLayout()
        for widget in (self.since_check, self.since_edit, self.until_check, self.until_edit):
            period.addWidget(widget)
        period.addStretch()
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.apply_button)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Person")), 0, 0)
        grid.addWidget(self.person_edit, 0, 1)
        grid.addWidget(QLabel(self.tr("Who")), 0, 2)
        grid.addWidget(self.actor_combo, 0, 3)
        grid.addWidget(QLabel(self.tr("Period")), 0, 4)
        grid.addLayout(period, 0, 5)
        grid.addWidget(QLabel(self.tr("Kind of action")), 1, 0)
        grid.addWidget(self.group_combo, 1, 1)
        grid.addWidget(QLabel(self.tr("Action")), 1, 2)
        grid.addWidget(self.action_combo, 1, 3)
        grid.addLayout(buttons, 1, 4, 1, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 3)
        panel = QWidget()
        panel.setObjectName("auditFilters")
        panel.setLayout(grid)
        return panel

    def _fill_actions(self) -> None:
        """The actions of the chosen kind (every action for all kinds)."""
        group = GROUPS_BY_KEY.get(self.group_combo.currentData() or "")
        actions = group.actions if group is not None else ACTION_LABELS.keys()
        current = self.action_combo.currentData()
        self.action_combo.blockSignals(True)
        self.action_combo.clear()
        self.action_combo.addItem(self.tr("All actions"), None)
        for action in sorted(actions, key=lambda a: ACTION_LABELS.get(a, a)):
            self.action_combo.addItem(ACTION_LABELS.get(action, action), action)
        self.action_combo.setCurrentIndex(max(self.action_combo.findData(current), 0))
        self.action_combo.blockSignals(False)

    def query(self) -> AuditQuery:
        def day(check: QCheckBox, edit: QDateEdit):
            return edit.date().toPython() if check.isChecked() else None

        return AuditQuery(
            actor_name=self.actor_combo.currentData(),
            action=self.action_combo.currentData(),
            group=self.group_combo.currentData(),
            person=self.person_edit.text().strip(),
            since=day(self.since_check, self.since_edit),
            until=day(self.until_check, self.until_edit),
        )

    def load(self) -> None:
        session = self.context.session
        if session is not None:
            self.export_button.setVisible(may(session.user.roles, Permission.EXPORT_AUDIT))
        self.context.run(audit.known_actors, owner=self, on_done=self._set_actors)
        self._fetch()

    def _set_actors(self, actors: list[tuple[str, str]]) -> None:
        current = self.actor_combo.currentData()
        self.actor_combo.blockSignals(True)
        self.actor_combo.clear()
        self.actor_combo.addItem(self.tr("Everyone"), None)
        for login, shown in actors:
            self.actor_combo.addItem(shown, login)
        self.actor_combo.setCurrentIndex(max(self.actor_combo.findData(current), 0))
        self.actor_combo.blockSignals(False)

    def _fetch(self) -> None:
        query, offset, order_by, descending = (
            self.query(),
            self.offset,
            self.order_by,
            self.descending,
        )
        self.context.run(
            lambda s: audit.read_page(
                s, query, offset=offset, limit=PAGE_SIZE, order_by=order_by, descending=descending
            ),
            owner=self,
            on_done=self._show,
        )

    def _show(self, page: AuditPage) -> None:
        self.model.set_page(page)
        self.paging.show_range(self.offset, len(page.rows), page.total)
        if page.rows:
            self.table.selectRow(0)
        else:
            self.details.show_line(None)

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.details.show_line(self.model.line(rows[0].row()) if rows else None)

    def _apply_filter(self) -> None:
        self.offset = 0
        self._fetch()

    def _reset_filter(self) -> None:
        self.person_edit.clear()
        self.actor_combo.setCurrentIndex(0)
        self.group_combo.setCurrentIndex(0)
        self.action_combo.setCurrentIndex(0)
        self.since_check.setChecked(False)
        self.until_check.setChecked(False)
        self._apply_filter()

    def _move(self, delta: int) -> None:
        self.offset = max(self.offset + delta, 0)
        self._fetch()

    def _keep_indicator(self, column: int, order: Qt.SortOrder) -> None:
        """A click on a column the log is not sorted by (the target, the details) leaves the
        arrow where the order really is."""
        header = self.table.horizontalHeader()
        if column in SORT_KEYS:
            self._sorted_by = (AuditColumn(column), order)
            return
        header.blockSignals(True)
        header.setSortIndicator(*self._sorted_by)
        header.blockSignals(False)

    def _sort(self, order_by: str, descending: bool) -> None:
        self.order_by, self.descending, self.offset = order_by, descending, 0
        if self._ready:
            self._fetch()

    def _verify(self) -> None:
        set_role(self.result, "note")
        self.result.setText(self.tr("Verifying…"))
        self.context.run(
            audit.verify_chain, owner=self, on_done=self._verified, on_error=self._verify_failed
        )

    def _verified(self, result: VerifyResult) -> None:
        set_role(self.result, "ok")
        self.result.setText(
            self.tr(
                "The log is intact: %1 entries, latest fingerprint %2. Write the fingerprint "
                "in the work diary to detect a rollback later."
            )
            .replace("%1", f"{result.entries:,}")
            .replace("%2", result.head_fingerprint)
            + "\n"
            + (
                self.tr("Signed checkpoint: %1.").replace("%1", result.sealed)
                if result.sealed
                else self.tr("No signed checkpoint yet.")
            )
        )

    def _verify_failed(self, error: BaseException) -> None:
        from ui.errors import message_for

        set_role(self.result, "error")
        self.result.setText(message_for(error))

    def _export(self) -> None:
        from ui.file_names import csv_name

        excel = self.tr("CSV for Excel, UTF-8 (*.csv)")
        old_excel = self.tr("CSV for older Excel, Shift_JIS (*.csv)")
        name, chosen = file_dialogs.get_save_file_name(
            self,
            self.tr("Export the access log"),
            csv_name(self.tr("Access log"), self.context.workspace.clock.now()),
            ";;".join((excel, old_excel)),
        )
        if not name:
            return
        encoding = "cp932" if chosen == old_excel else "utf-8"

        def work(session: Session) -> str | OSError:
            data = audit.export_csv(session, encoding=encoding)
            try:
                Path(name).write_bytes(data)
            except OSError as exc:  # a file open in Excel: said in words, on the GUI thread
                return exc
            return name

        def done(path: str | OSError) -> None:
            if isinstance(path, OSError):
                from ui.saving import show_save_error

                show_save_error(self, path, name)
                return
            set_role(self.result, "ok")
            self.result.setText(self.tr("Exported to %1.").replace("%1", path))
            self._fetch()  # the export is itself in the log

        self.context.run(work, owner=self, on_done=done)

    def _ledger(self) -> None:
        from app.services import ledger
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.file_names import pdf_name

        title = self.tr("Management ledger")
        today = self.context.workspace.clock.now().date()

        def done(pdf: bytes) -> None:
            PdfPreviewDialog(title, pdf, pdf_name(title, today), self).exec()
            self._fetch()  # the output is itself in the log

        self.context.run(ledger.ledger_pdf, owner=self, on_done=done)

    def open_analysis(self) -> None:
        from ui.dialogs.log_analysis_dialog import LogAnalysisDialog

        self.analysis_dialog = LogAnalysisDialog(self.context, self)
        self.analysis_dialog.finished.connect(self._fetch)  # each analysis is in the log
        self.analysis_dialog.open()
        self.analysis_dialog.analyse()

    def _outputs(self) -> None:
        from ui.dialogs.outputs_dialog import OutputsDialog

        OutputsDialog(self.context, self).exec()
        self._fetch()  # printing the register is itself in the log

    def clear(self) -> None:
        self.model.clear()
        self.paging.clear()
        self.result.clear()
        self.details.show_line(None)
