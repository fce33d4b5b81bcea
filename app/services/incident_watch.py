"""The open leak incidents and their next report deadline, for the dashboard's card: the 速報
target (about day 3 to 5) while none was sent, then the 確報 deadline (30 or 60 days with the
roll-forward). Counts and dates only; read by whoever may read incidents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.access import Permission, may
from app.domain.incidents import IncidentState
from app.services import incidents
from app.session import Session

PRELIMINARY, FINAL = "preliminary", "final"


@dataclass(frozen=True)
class NextReport:
    incident_id: int
    title: str
    report: str  # PRELIMINARY or FINAL
    due_on: date
    final_by: date  # the 確報 deadline, whichever report is next


@dataclass(frozen=True)
class OpenIncidents:
    open: int  # not closed
    reports: tuple[NextReport, ...]  # reports still owed, soonest first

    def late(self, today: date) -> int:
        return sum(1 for r in self.reports if r.due_on < today)


def may_watch(session: Session) -> bool:
    roles = session.user.roles
    return may(roles, Permission.READ_AUDIT) or may(roles, Permission.REGISTER_INCIDENTS)


def next_report(incident: incidents.Incident) -> NextReport | None:
    """The report the PPC is still owed for this incident, if any."""
    if not incident.reportability.reportable:
        return None
    if incident.state is IncidentState.OPEN:
        due, final = incident.deadlines.preliminary_by, incident.deadlines.final_by
        return NextReport(incident.id, incident.title, PRELIMINARY, due, final)
    if incident.state is IncidentState.PRELIMINARY:
        final = incident.deadlines.final_by
        return NextReport(incident.id, incident.title, FINAL, final, final)
    return None


def open_incidents(session: Session) -> OpenIncidents | None:
    """None for a member who may not read incidents (the card is not shown; nothing logged)."""
    if not may_watch(session):
        return None
    found = [i for i in incidents.list_incidents(session) if i.state is not IncidentState.CLOSED]
    owed = [r for r in (next_report(i) for i in found) if r is not None]
    return OpenIncidents(len(found), tuple(sorted(owed, key=lambda r: (r.due_on, r.incident_id))))
