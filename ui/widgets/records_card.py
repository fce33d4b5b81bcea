"""The dashboard's card of overdue safeguard records: the next training or the yearly account
review past its day (規程第50条・第9条④); shown only while one is late."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.domain.display_dates import japanese_day
from app.domain.records import TaskKind
from app.services import record_tasks
from app.services.record_tasks import Task
from ui.context import UiContext
from ui.widgets.task_card import ALERT, CALM, TaskCard


class RecordsCard(TaskCard):
    # After each load: whether the card should be on the dashboard (a task is late).
    wanted = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "records",
            "shield_task",
            self.tr("Training and account review"),
            self.tr("Open inspection and training"),
            parent,
        )

    def load(self, context: UiContext) -> None:
        session = context.session
        if session is None or not record_tasks.may_keep(session):
            return
        context.run(record_tasks.overdue_tasks, owner=self, on_done=self.show_tasks)

    def placed_in(self, cards: list[TaskCard], wanted: bool) -> list[TaskCard]:
        """The dashboard's shown cards with this one last when wanted, without it otherwise."""
        others = [card for card in cards if card is not self]
        return [*others, self] if wanted else others

    def show_tasks(self, late: list[Task] | None) -> None:
        if not late:
            self.show_state("", "", CALM)
            self.wanted.emit(False)
            return
        lines = [
            (
                self.tr("Next training: due on %1")
                if task.kind is TaskKind.TRAINING
                else self.tr("Next account review: due on %1")
            ).replace("%1", japanese_day(task.due_on))
            for task in late
        ]
        self.show_state(
            self.tr("%1 late").replace("%1", str(len(late))),
            "\n".join(lines),
            ALERT,
        )
        self.wanted.emit(True)
