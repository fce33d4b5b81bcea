"""The dashboard card of the consignees' April hearings (規程第42条第5項): which are due this
April or overdue, for the members who record them. It fetches its own list, so the dashboard
only places it and asks it to load."""

from __future__ import annotations

from PySide6.QtCore import Signal

from app.domain.access import Permission, may
from app.domain.display_dates import japanese_day
from app.services import consignee_hearings
from app.services.consignee_hearings import HearingDue
from app.session import Session
from ui.context import UiContext
from ui.widgets.task_card import ALERT, ATTENTION, CALM, TaskCard


class HearingsCard(TaskCard):
    # (page key, hint) as the dashboard's open_requested carries them.
    open_requested = Signal(str, str)

    def __init__(self) -> None:
        super().__init__(
            "hearings",
            "handshake",
            self.tr("Consignee hearings (every April)"),
            self.tr("Open the consignees"),
        )
        self.due: tuple[HearingDue, ...] = ()
        self.button.clicked.connect(self._open)

    @staticmethod
    def applies(session: Session) -> bool:
        return may(session.user.roles, Permission.RECORD_CONSIGNEE_HEARINGS)

    def load(self, context: UiContext) -> None:
        session = context.session
        if session is None:
            return
        today = session.clock.now().date()
        context.run(
            lambda s: consignee_hearings.hearings_due(s, today), owner=self, on_done=self.show_due
        )

    def show_due(self, due: tuple[HearingDue, ...]) -> None:
        self.due = due
        if not due:
            self.show_state(self.tr("%1 items").replace("%1", "0"), self.tr("Nothing to do."), CALM)
            return
        # One due day for all (30 April of the hearing year), said once; the names after.
        overdue = any(d.overdue for d in due)
        names = "、".join(d.name for d in due[:3])
        if len(due) > 3:
            names += self.tr(" and %1 more").replace("%1", str(len(due) - 3))
        text = (
            self.tr("Past the due day (%1). Hear them and record the result.")
            if overdue
            else self.tr("Hear them by %1 and record the result.")
        )
        self.show_state(
            self.tr("%1 items").replace("%1", f"{len(due):,}"),
            text.replace("%1", japanese_day(max(d.due_on for d in due), weekday=False))
            + "\n"
            + names,
            ALERT if overdue else ATTENTION,
        )
        # Loaded after the dashboard placed the card: its height follows the new text.
        self.detail.updateGeometry()
        self.updateGeometry()

    def _open(self) -> None:
        first = self.due[0].consignee_id if self.due else None
        self.open_requested.emit("consignees", f"consignee:{first}" if first else "")
