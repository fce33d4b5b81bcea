"""記録: the access log, a page at a time, with filters, chain verification and CSV export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.access import Permission, may
from app.services import audit
from app.services.audit import ACTION_LABELS, AuditPage, AuditQuery, VerifyResult
from app.session import Session
from ui.context import UiContext
from ui.models.audit_table_model import AuditColumn, AuditTableModel
from ui.pages.base import Page
from ui.widgets.paging import PagingBar

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
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AuditColumn.DETAIL, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (AuditColumn.SEQ, 70),
            (AuditColumn.TS, 160),
            (AuditColumn.ACTOR, 110),
            (AuditColumn.ACTION, 190),
            (AuditColumn.TARGET, 150),
        ):
            self.table.setColumnWidth(column, width)
        self.table.setWordWrap(False)
        header.setSortIndicatorShown(True)

        self.actor_combo = QComboBox()
        self.actor_combo.setObjectName("actorFilter")
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("actionFilter")
        self.action_combo.addItem(self.tr("All actions"), None)
        for action, label in sorted(ACTION_LABELS.items(), key=lambda item: item[1]):
            self.action_combo.addItem(label, action)
        self.since_check = QCheckBox(self.tr("From"))
        self.since_check.setObjectName("sinceCheck")
        self.since_edit = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since_edit.setObjectName("sinceEdit")
        self.since_edit.setCalendarPopup(True)
        self.until_check = QCheckBox(self.tr("To"))
        self.until_check.setObjectName("untilCheck")
        self.until_edit = QDateEdit(QDate.currentDate())
        self.until_edit.setObjectName("untilEdit")
        self.until_edit.setCalendarPopup(True)
        apply_button = QPushButton(self.tr("Filter"))
        apply_button.setObjectName("applyFilterButton")
        apply_button.clicked.connect(self._apply_filter)
        filters = QHBoxLayout()
        for widget in (
            QLabel(self.tr("Who")),
            self.actor_combo,
            QLabel(self.tr("What")),
            self.action_combo,
            self.since_check,
            self.since_edit,
            self.until_check,
            self.until_edit,
            apply_button,
        ):
            filters.addWidget(widget)
        filters.addStretch()

        self.paging = PagingBar(PAGE_SIZE, "audit")
        self.paging.moved.connect(self._move)
        self.verify_button = QPushButton(self.tr("Verify the log"))
        self.verify_button.setObjectName("verifyChainButton")
        self.verify_button.clicked.connect(self._verify)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("exportCsvButton")
        self.export_button.clicked.connect(self._export)
        self.result = QLabel()
        self.result.setObjectName("verifyResult")
        self.result.setWordWrap(True)
        paging = QHBoxLayout()
        paging.addWidget(self.paging)
        paging.addStretch()
        paging.addWidget(self.verify_button)
        paging.addWidget(self.export_button)

        title = QLabel(self.tr("Access log"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addLayout(paging)
        layout.addWidget(self.result)
        # Enabling sorting calls sort() at once; the indicator matches the initial SQL order.
        header.setSortIndicator(AuditColumn.SEQ, Qt.SortOrder.DescendingOrder)
        self._ready = False
        self.table.setSortingEnabled(True)
        self._ready = True

    def query(self) -> AuditQuery:
        def day(check: QCheckBox, edit: QDateEdit):
            return edit.date().toPython() if check.isChecked() else None

        return AuditQuery(
            actor_name=self.actor_combo.currentData(),
            action=self.action_combo.currentData(),
            since=day(self.since_check, self.since_edit),
            until=day(self.until_check, self.until_edit),
        )

    def load(self) -> None:
        session = self.context.session
        if session is not None:
            self.export_button.setVisible(may(session.user.roles, Permission.EXPORT_AUDIT))
        self.context.run(audit.known_actors, owner=self, on_done=self._set_actors)
        self._fetch()

    def _set_actors(self, actors: list[str]) -> None:
        current = self.actor_combo.currentData()
        self.actor_combo.blockSignals(True)
        self.actor_combo.clear()
        self.actor_combo.addItem(self.tr("Everyone"), None)
        for actor in actors:
            self.actor_combo.addItem(actor, actor)
        index = self.actor_combo.findData(current)
        self.actor_combo.setCurrentIndex(max(index, 0))
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

    def _apply_filter(self) -> None:
        self.offset = 0
        self._fetch()

    def _move(self, delta: int) -> None:
        self.offset = max(self.offset + delta, 0)
        self._fetch()

    def _sort(self, order_by: str, descending: bool) -> None:
        self.order_by, self.descending, self.offset = order_by, descending, 0
        if self._ready:
            self._fetch()

    def _verify(self) -> None:
        self.result.setText(self.tr("Verifying…"))
        self.context.run(
            audit.verify_chain, owner=self, on_done=self._verified, on_error=self._verify_failed
        )

    def _verified(self, result: VerifyResult) -> None:
        self.result.setStyleSheet("color: #1b5e20;")
        self.result.setText(
            self.tr(
                "The log is intact: %1 entries, latest fingerprint %2. Write the fingerprint "
                "in the work diary to detect a rollback later."
            )
            .replace("%1", f"{result.entries:,}")
            .replace("%2", result.head_fingerprint)
        )

    def _verify_failed(self, error: BaseException) -> None:
        from ui.errors import message_for

        self.result.setStyleSheet("color: #b00020;")
        self.result.setText(message_for(error))

    def _export(self) -> None:
        from ui.file_names import csv_name

        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the access log"),
            csv_name(self.tr("Access log"), self.context.workspace.clock.now()),
            self.tr("CSV (*.csv)"),
        )
        if not name:
            return

        def work(session: Session) -> str:
            Path(name).write_bytes(audit.export_csv(session))
            return name

        self.context.run(
            work,
            owner=self,
            on_done=lambda path: self.result.setText(
                self.tr("Exported to %1.").replace("%1", path)
            ),
        )

    def clear(self) -> None:
        self.model.clear()
        self.paging.clear()
        self.result.clear()
