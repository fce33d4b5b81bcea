"""The draft report of a leak incident (漏えい等報告規則第3条) as a PDF, and the words the
screens and the command line use for an incident's facts and deadlines."""

from __future__ import annotations

import io

from app.domain.access import Permission
from app.domain.display_dates import japanese_day, japanese_time
from app.domain.incidents import REPORT_ITEMS, NoticeState
from app.services import audit
from app.services.guard import renders_paper, storage_errors
from app.services.incidents import Incident, IncidentDetail, Measure, detail
from app.session import Session
from storage import office_repo


def deadline_lines(incident: Incident) -> list[tuple[str, str]]:
    """(label, value) of reportability and the deadlines, in words."""
    found = incident.reportability
    due = incident.deadlines
    lines = [
        ("報告の要否", "報告が必要" if found.reportable else "報告の義務なし"),
        ("判断の理由", "\n".join(found.reasons)),
    ]
    if found.reportable:
        lines.append(
            (
                "速報の目安",
                f"{japanese_day(due.preliminary_from)}〜{japanese_day(due.preliminary_by)}"
                "（知った日から概ね3〜5日以内）",
            )
        )
        rolled = (
            f"（{due.final_days}日目の{japanese_day(due.final_day)}が閉庁日のため翌開庁日）"
            if due.rolled
            else f"（知った日を1日目として{due.final_days}日目）"
        )
        lines.append(("確報の期限", japanese_day(due.final_by) + rolled))
    return lines


def fact_lines(incident: Incident) -> list[tuple[str, str]]:
    return [
        ("件名", incident.title),
        ("区分", incident.kind.label),
        (
            "発生日時",
            japanese_time(incident.occurred_at) if incident.occurred_at else "不明（調査中）",
        ),
        ("発覚日時", japanese_time(incident.discovered_at)),
        ("事業所が知った日時", japanese_time(incident.known_at)),
        ("発見者", incident.discovered_by or "—"),
        ("本人の数", f"{incident.checklist.persons:,}人"),
    ]


def _state_lines(found: IncidentDetail) -> list[tuple[str, str]]:
    incident = found.incident
    lines = [("対応の状況", incident.state.label)]
    if incident.preliminary_on:
        lines.append(("速報日", japanese_day(incident.preliminary_on)))
    if incident.final_on:
        lines.append(("確報日", japanese_day(incident.final_on)))
    counts = {state: 0 for state in NoticeState}
    for person in found.persons:
        counts[person.state] += 1
    lines.append(
        (
            "本人への通知",
            "、".join(f"{s.label} {n}人" for s, n in counts.items() if n) or "対象者の登録なし",
        )
    )
    return lines


def _measure_line(measure: Measure) -> str:
    if measure.done_on:
        return f"{measure.text}（実施済み {japanese_day(measure.done_on)}）"
    if measure.due_on:
        return f"{measure.text}（予定日 {japanese_day(measure.due_on)}）"
    return f"{measure.text}（{measure.state.label}）"


@renders_paper
def report_pdf(session: Session, incident_id: int) -> bytes:
    """The draft report, logged as an output. The manager's (the one who reports)."""
    from app import paths
    from reports import fonts
    from reports.incident_report import IncidentSheet, render_incident_report

    audit.require(session, Permission.MANAGE_INCIDENTS, target=f"incident:{incident_id}")
    found = detail(session, incident_id)
    incident = found.incident
    with storage_errors():
        office = office_repo.get(session.vault.conn)
    items = []
    for key, label in REPORT_ITEMS:
        if key == "persons":
            items.append((label, f"{incident.checklist.persons:,}人"))
        else:
            items.append((label, incident.items.text(key)))
    measures = tuple(_measure_line(m) for m in found.measures)
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    render_incident_report(
        IncidentSheet(
            office_name=office.name if office else "",
            printed_on=japanese_day(session.clock.now().date()),
            number=f"No.{incident.id}",
            facts=tuple(fact_lines(incident)),
            decision=tuple(deadline_lines(incident) + _state_lines(found)),
            items=tuple(items),
            measures=measures,
        ),
        out,
    )
    with storage_errors(), session.vault.write() as writer:
        audit.record(writer, session, "incident.report_printed", target=f"incident:{incident_id}")
    return out.getvalue()
