"""The 研修記録 tab of the 点検・研修 page: the sessions held (規程第50条) and, for the supervisor
and the manager, a form to record one with its attendees."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.access import Permission, may
from app.domain.display_dates import japanese_day
from app.services import record_tasks, training
from app.services.record_tasks import Task
from app.services.training import Attendee, Training
from ui import icons
from ui.context import UiContext
from ui.dialogs.person_dialog import DateEdit
from ui.styles import make_primary, set_role

_ID = Qt.ItemDataRole.UserRole


class TrainingTab(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingTab")
        self.context = context
        session = context.session
        roles = session.user.roles if session is not None else frozenset()
        self.records = may(roles, Permission.RECORD_TRAINING)
        self.entries: list[Training] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("trainingTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Held on"), self.tr("Title"), self.tr("Trainer"), self.tr("Attendees")]
        )
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (2, 120), (3, 70)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selected)
        self.detail = QLabel()
        self.detail.setObjectName("trainingDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next_due = QLabel()
        self.next_due.setObjectName("trainingNextDue")
        self.next_due.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.next_due)
        left.addWidget(self.table, 3)
        left.addWidget(self.detail, 1)
        row = QHBoxLayout(self)
        row.addLayout(left, 3)
        form = self._form()
        row.addWidget(form, 2)
        form.setVisible(self.records)

    def _form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Record a training"))
        box.setObjectName("trainingForm")
        self.held_on = DateEdit()
        self.held_on.setObjectName("trainingDate")
        self.title = QLineEdit()
        self.title.setObjectName("trainingTitle")
        self.title.setMaxLength(training.TITLE_LIMIT)
        self.trainer = QLineEdit()
        self.trainer.setObjectName("trainingTrainer")
        self.trainer.setMaxLength(training.NAME_LIMIT)
        self.content = QPlainTextEdit()
        self.content.setObjectName("trainingContent")
        self.content.setFixedHeight(64)
        self.materials = QLineEdit()
        self.materials.setObjectName("trainingMaterials")
        self.attendees = QListWidget()
        self.attendees.setObjectName("trainingAttendees")
        self.others = QLineEdit()
        self.others.setObjectName("trainingOthers")
        self.others.setPlaceholderText(self.tr("Others without an account, separated by 、"))
        self.record_button = QPushButton(
            icons.icon("add", icons.ON_PRIMARY), self.tr("Record the training")
        )
        self.record_button.setObjectName("recordTrainingButton")
        make_primary(self.record_button)
        self.record_button.clicked.connect(self._record)
        self.status = QLabel()
        self.status.setObjectName("trainingStatus")
        self.status.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(self.tr("Held on"), self.held_on)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Trainer"), self.trainer)
        form.addRow(self.tr("Content"), self.content)
        form.addRow(self.tr("Materials"), self.materials)
        form.addRow(self.tr("Attendees"), self.attendees)
        form.addRow("", self.others)
        form.addRow(self.record_button)
        form.addRow(self.status)
        return box

    def load(self) -> None:
        self.context.run(
            lambda s: (training.list_trainings(s), record_tasks.open_tasks(s)),
            owner=self,
            on_done=self._show,
        )
        if self.records and self.attendees.count() == 0:
            self.context.run(training.attendee_choices, owner=self, on_done=self._show_choices)

    def clear(self) -> None:
        self.entries = []
        self.table.setRowCount(0)
        self.attendees.clear()
        self.detail.clear()
        self.next_due.clear()
        for edit in (self.held_on, self.title, self.trainer, self.materials, self.others):
            edit.clear()
        self.content.clear()

    def _show(self, found: tuple[list[Training], list[Task]]) -> None:
        self.entries, tasks = found
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = (
                japanese_day(entry.held_on),
                entry.title,
                entry.trainer,
                self.tr("%1 people").replace("%1", str(len(entry.attendees))),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        due = [t for t in tasks if t.kind.value == "training"]
        session = self.context.session
        if session is None:
            return
        today = session.clock.now().date()
        if not due:
            self.next_due.setText(self.tr("No training has been recorded yet."))
            set_role(self.next_due, "banner-warning")
        elif due[0].overdue(today):
            self.next_due.setText(
                self.tr("The next training was due on %1.").replace(
                    "%1", japanese_day(due[0].due_on)
                )
            )
            set_role(self.next_due, "banner-warning")
        else:
            self.next_due.setText(
                self.tr("The next training is due by %1.").replace(
                    "%1", japanese_day(due[0].due_on)
                )
            )
            set_role(self.next_due, "banner-info")

    def _show_choices(self, choices: list[Attendee]) -> None:
        self.attendees.clear()
        for choice in choices:
            item = QListWidgetItem(choice.name)
            item.setData(_ID, choice.staff_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.attendees.addItem(item)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail.clear()
            return
        entry = self.entries[rows[0].row()]
        lines = (
            (self.tr("Content"), entry.content or "—"),
            (self.tr("Materials"), entry.materials or "—"),
            (self.tr("Attendees"), "、".join(a.name for a in entry.attendees)),
            (self.tr("Recorded by"), entry.recorded_by),
        )
        self.detail.setText("\n".join(f"{label}：{value}" for label, value in lines))

    def chosen(self) -> list[Attendee]:
        people = []
        for index in range(self.attendees.count()):
            item = self.attendees.item(index)
            if item.checkState() == Qt.CheckState.Checked:
                people.append(Attendee(item.data(_ID), item.text()))
        for name in self.others.text().replace(",", "、").split("、"):
            if name.strip():
                people.append(Attendee(None, name.strip()))
        return people

    def _record(self) -> None:
        try:
            held_on = self.held_on.value()
        except ValueError:
            held_on = None
        if held_on is None:
            self.status.setText(self.tr("Enter the day the training was held."))
            set_role(self.status, "error")
            return
        title, trainer = self.title.text(), self.trainer.text()
        content, materials = self.content.toPlainText(), self.materials.text()
        people = self.chosen()

        def recorded(entry: Training) -> None:
            self.status.setText(self.tr("The training was recorded."))
            set_role(self.status, "ok")
            for edit in (self.held_on, self.title, self.trainer, self.materials, self.others):
                edit.clear()
            self.content.clear()
            for index in range(self.attendees.count()):
                self.attendees.item(index).setCheckState(Qt.CheckState.Unchecked)
            self.load()

        self.context.run(
            lambda s: training.record(
                s,
                held_on=held_on,
                title=title,
                content=content,
                trainer=trainer,
                materials=materials,
                attendees=people,
            ),
            owner=self,
            on_done=recorded,
        )
