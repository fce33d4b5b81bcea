"""The dashboard's card of open leak incidents: how many are open and the next 速報 or 確報
deadline, highlighted while a report is owed and alarmed when its deadline has passed; shown
only while an incident is open."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.domain.display_dates import japanese_day
from app.services import incident_watch
from app.services.incident_watch import FINAL, OpenIncidents
from ui.context import UiContext
from ui.widgets.task_card import ALERT, ATTENTION, CALM, TaskCard


class IncidentCard(TaskCard):
    # After each load: whether the card should be on the dashboard (an incident is open).
    wanted = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "incidents",
            "warning",
            self.tr("Leak incidents: reports to the PPC"),
            self.tr("Open the incidents"),
            parent,
        )

    def load(self, context: UiContext) -> None:
        session = context.session
        if session is None or not incident_watch.may_watch(session):
            return
        today = session.clock.now().date()
        context.run(
            incident_watch.open_incidents,
            owner=self,
            on_done=lambda found: self.show_incidents(found, today),
        )

    def placed_in(self, cards: list[TaskCard], wanted: bool) -> list[TaskCard]:
        """The dashboard's shown cards with this one first when wanted (a legal deadline
        runs), without it otherwise."""
        others = [card for card in cards if card is not self]
        return [self, *others] if wanted else others

    def show_incidents(self, found: OpenIncidents | None, today: date) -> None:
        if found is None or not found.open:
            self.show_state("", "", CALM)
            self.wanted.emit(False)
            return
        self._show_open(found, today)
        self.wanted.emit(True)

    def _show_open(self, found: OpenIncidents, today: date) -> None:
        count = self.tr("%1 open").replace("%1", str(found.open))
        if not found.reports:
            self.show_state(
                count, self.tr("No report to the PPC is owed; follow the incidents up."), CALM
            )
            return
        first = found.reports[0]
        kind = self.tr("final report") if first.report == FINAL else self.tr("preliminary report")
        if first.due_on < today:
            text, level = self.tr("The %1 of “%2” was due on %3."), ALERT
        else:
            text, level = self.tr("The %1 of “%2” is due by %3."), ATTENTION
        detail = (
            text.replace("%1", kind)
            .replace("%2", first.title)
            .replace("%3", japanese_day(first.due_on))
        )
        if first.report != FINAL:
            detail += self.tr(" The final report is due by %1.").replace(
                "%1", japanese_day(first.final_by)
            )
        if len(found.reports) > 1:
            detail += self.tr(" %1 more reports are owed.").replace(
                "%1", str(len(found.reports) - 1)
            )
        self.show_state(count, detail, level)
