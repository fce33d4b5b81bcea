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
        overdue = [d for d in due if d.overdue]
        lines = [
            (self.tr("%1 (due %2, overdue)") if d.overdue else self.tr("%1 (due %2)"))
            .replace("%1", d.name)
            .replace("%2", japanese_day(d.due_on))
            for d in due[:4]
        ]
        if len(due) > 4:
            lines.append(self.tr("and %1 more").replace("%1", str(len(due) - 4)))
        self.show_state(
            self.tr("%1 items").replace("%1", f"{len(due):,}"),
            self.tr("Hear how they keep the data safe and record the result:")
            + "\n"
            + "\n".join(lines),
            ALERT if overdue else ATTENTION,
        )

    def _open(self) -> None:
        first = self.due[0].consignee_id if self.due else None
        self.open_requested.emit("consignees", f"consignee:{first}" if first else "")
