"""アクセス記録の分析: reveals, outputs and failed sign-ins per day and per member over a
period (charts), the anomaly flags with their rule, each acknowledged with a note by the
supervisor or the manager, and the printable audit report."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.access import Permission, may
from app.domain.display_dates import japanese_time
from app.domain.log_rules import RULE_LABELS, Flag
from app.domain.settings import SettingKey
from app.services import log_analysis
from app.services.log_analysis import Analysis
from app.session import Session
from ui.context import UiContext
from ui.styles import DATE_FORMAT, heading, make_primary, set_role
from ui.widgets.log_charts import DailyChart, MemberChart
from ui.window_state import fit_to_screen

DEFAULT_DAYS = 90


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class LogAnalysisDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logAnalysisDialog")
        self.setWindowTitle(self.tr("Access log analysis"))
        self.context = context
        self.analysis: Analysis | None = None
        session = context.session
        self.may_acknowledge = session is not None and may(
            session.user.roles, Permission.ACKNOWLEDGE_FLAGS
        )
        # Under the two-person rule a flag about one's own actions is another's to check (the
        # service refuses it too).
        self.own_login = (
            session.user.login_name
            if session is not None and session.settings.get(SettingKey.TWO_PERSON_RULE, True)
            else None
        )
        today = context.workspace.clock.now().date()
        self.first = QDateEdit(_qdate(date.fromordinal(today.toordinal() - DEFAULT_DAYS + 1)))
        self.first.setObjectName("analysisFrom")
        self.last = QDateEdit(_qdate(today))
        self.last.setObjectName("analysisTo")
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FORMAT)
        self.analyse_button = QPushButton(self.tr("Analyse"))
        self.analyse_button.setObjectName("analyseButton")
        make_primary(self.analyse_button)
        self.analyse_button.clicked.connect(self.analyse)
        self.report_button = QPushButton(self.tr("Audit report (PDF)…"))
        self.report_button.setObjectName("auditReportButton")
        self.report_button.clicked.connect(self._report)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("Period")))
        period.addWidget(self.first)
        period.addWidget(QLabel("〜"))
        period.addWidget(self.last)
        period.addWidget(self.analyse_button)
        period.addStretch()
        period.addWidget(self.report_button)

        # Shown when the log's chain does not hold: the counts come from an unverified log.
        self.chain_warning = QLabel()
        self.chain_warning.setObjectName("analysisChainWarning")
        self.chain_warning.setWordWrap(True)
        set_role(self.chain_warning, "banner-error")
        self.chain_warning.hide()
        self.chain_checked = False
        self.summary = QLabel()
        self.summary.setObjectName("analysisSummary")
        self.summary.setWordWrap(True)
        self.daily = DailyChart()
        self.members = MemberChart()
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.daily)
        charts.addWidget(self.members)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)

        self.flags = QTableWidget(0, 4)
        self.flags.setObjectName("flagsTable")
        self.flags.setHorizontalHeaderLabels(
            [self.tr("Rule"), self.tr("Member"), self.tr("What happened"), self.tr("Checked")]
        )
        self.flags.verticalHeader().hide()
        self.flags.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.flags.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.flags.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.flags.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.flags.setColumnWidth(0, 190)
        self.flags.setColumnWidth(1, 110)
        self.flags.setColumnWidth(3, 260)
        self.flags.setMinimumHeight(120)
        self.flags.itemSelectionChanged.connect(self._selected)
        self.rule = QLabel()
        self.rule.setObjectName("flagRule")
        self.rule.setWordWrap(True)
        set_role(self.rule, "note")
        self.note = QLineEdit()
        self.note.setObjectName("flagNote")
        self.note.setPlaceholderText(self.tr("What you found out (reason, action taken)"))
        self.note.setMaxLength(log_analysis.NOTE_LIMIT)
        self.note.textChanged.connect(self._update_buttons)
        self.acknowledge_button = QPushButton(self.tr("Record as checked"))
        self.acknowledge_button.setObjectName("acknowledgeButton")
        self.acknowledge_button.clicked.connect(self._acknowledge)
        acknowledge = QHBoxLayout()
        acknowledge.addWidget(self.note, 1)
        acknowledge.addWidget(self.acknowledge_button)
        self.note.setVisible(self.may_acknowledge)
        self.acknowledge_button.setVisible(self.may_acknowledge)
        self.message = QLabel()
        self.message.setObjectName("analysisMessage")
        self.message.setWordWrap(True)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("Points to check")))
        lower_layout.addWidget(self.flags, 1)
        lower_layout.addWidget(self.rule)
        lower_layout.addLayout(acknowledge)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(charts)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Access log analysis")))
        layout.addLayout(period)
        layout.addWidget(self.chain_warning)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self._update_buttons()
        fit_to_screen(self, 1600, 960)

    def period(self) -> tuple[date, date]:
        return self.first.date().toPython(), self.last.date().toPython()

    def analyse(self) -> None:
        first, last = self.period()
        self.context.run(
            lambda session: log_analysis.analyse(session, first, last),
            owner=self,
            on_done=self._show,
        )

    def _show(self, analysis: Analysis) -> None:
        self.analysis = analysis
        total = analysis.total()
        self.summary.setText(
            self.tr(
                "Reveals %1, outputs %2, failed sign-ins %3. Points to check: %4 (%5 not yet"
                " checked)."
            )
            .replace("%1", f"{total.reveals:,}")
            .replace("%2", f"{total.outputs:,}")
            .replace("%3", f"{total.failed:,}")
            .replace("%4", f"{len(analysis.flags):,}")
            .replace("%5", f"{analysis.open_flags():,}")
        )
        self.daily.show_days(list(analysis.by_day), analysis.first, analysis.last)
        self.members.show_members(list(analysis.by_user), analysis.names)
        self.flags.setRowCount(len(analysis.flags))
        for row, flag in enumerate(analysis.flags):
            ack = flag.acknowledgement
            checked = (
                self.tr("%1 on %2: %3")
                .replace(
                    "%1", analysis.names.get(ack.acknowledged_by_name, ack.acknowledged_by_name)
                )
                .replace("%2", japanese_time(ack.acknowledged_at))
                .replace("%3", ack.note)
                if ack is not None
                else self.tr("Not yet checked")
            )
            cells = (
                RULE_LABELS[flag.rule],
                analysis.names.get(flag.actor_name, flag.actor_name),
                flag.what,
                checked,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.flags.setItem(row, column, item)
        self.flags.clearSelection()
        self._selected()
        from app.services import audit_report

        self.context.run(audit_report.chain_problem, owner=self, on_done=self._show_chain)

    def _show_chain(self, problem: str) -> None:
        self.chain_warning.setText(
            self.tr(
                "Caution: the access log failed its check, so these counts may not be "
                "complete or true. %1"
            ).replace("%1", problem)
        )
        self.chain_warning.setVisible(bool(problem))
        self.chain_checked = True

    def selected_flag(self) -> Flag | None:
        rows = self.flags.selectionModel().selectedRows()
        if self.analysis is None or not rows:
            return None
        return self.analysis.flags[rows[0].row()]

    def _own(self, flag: Flag | None) -> bool:
        return flag is not None and self.own_login is not None and flag.actor_name == self.own_login

    def _selected(self) -> None:
        flag = self.selected_flag()
        text = (
            self.tr("Rule: %1").replace("%1", self.analysis.rules.describe(flag.rule))
            if flag is not None and self.analysis is not None
            else ""
        )
        self.rule.setText(text)
        own = self.tr(
            "This point is about your own actions: another supervisor or the manager checks it."
        )
        if self.may_acknowledge and self._own(flag) and flag and flag.acknowledgement is None:
            set_role(self.message, "note")
            self.message.setText(own)
        elif self.message.text() == own:
            self.message.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        flag = self.selected_flag()
        self.acknowledge_button.setEnabled(
            self.may_acknowledge
            and flag is not None
            and flag.acknowledgement is None
            and not self._own(flag)
            and bool(self.note.text().strip())
        )

    def _acknowledge(self) -> None:
        flag = self.selected_flag()
        if flag is None:
            return
        note = self.note.text()

        def done(_result: object) -> None:
            self.note.clear()
            set_role(self.message, "ok")
            self.message.setText(self.tr("Recorded as checked."))
            self.analyse()

        self.context.run(
            lambda session: log_analysis.acknowledge(session, flag, note),
            owner=self,
            on_done=done,
        )

    def _report(self) -> None:
        from app.services import audit_report
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.file_names import pdf_name

        first, last = self.period()
        title = self.tr("Audit report")

        def work(session: Session) -> bytes:
            return audit_report.report_pdf(session, first, last)

        def done(pdf: bytes) -> None:
            PdfPreviewDialog(title, pdf, pdf_name(title, last), self).exec()

        self.context.run(work, owner=self, on_done=done)
