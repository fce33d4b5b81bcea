"""The 委託先管理表 (規程第42–43条) as a PDF: built from the consignee records for anyone who may
read them; its output is an event of the access log. Company data only, so it is not an output
of numbers and needs no entry in the outputs register."""

from __future__ import annotations

import io

from app.domain import consignees as rules
from app.domain.consignees import (
    CONTRACT_CLAUSES,
    SELECTION_POINTS,
    ConsigneeState,
    HearingKind,
    HearingResult,
    HearingStatus,
)
from app.domain.display_dates import japanese_day
from app.domain.purposes import CATALOG
from app.services import audit
from app.services.consignees import day_of, require_reader, today_of
from app.services.guard import renders_paper, storage_errors
from app.session import Session
from storage import consignee_repo, office_repo
from storage.consignee_repo import ConsigneeRow


def _day(text: str | None) -> str:
    return japanese_day(text, weekday=False) if text else "—"


def _points(points: tuple[rules.Point, ...], answers: dict[str, bool], noun: str) -> str:
    met = sum(1 for p in points if answers.get(p.code))
    missing = rules.missing(points, answers)
    text = f"{len(points)}{noun}中{met}{noun}"
    if missing:
        text += "\n未了：" + "、".join(p.label for p in missing)
    return text


def _hearing(status: HearingStatus | None) -> str:
    if status is None:
        return "—"
    if status.held:
        return f"{status.year}年 実施済み"
    due = japanese_day(status.due_on, weekday=False)
    return f"{status.year}年 期限超過（{due}）" if status.overdue else f"{status.year}年 {due}まで"


def _work(row: ConsigneeRow) -> str:
    names = "、".join(CATALOG[p].short_name for p in row.purposes if p in CATALOG)
    return "\n".join(t for t in (names, row.work) if t)


@renders_paper
def register_pdf(session: Session) -> bytes:
    from app import paths
    from reports import consignee_register as sheet
    from reports import fonts

    require_reader(session)
    today = today_of(session)
    conn = session.vault.conn
    with storage_errors():
        rows = consignee_repo.all_consignees(conn)
        held = consignee_repo.april_hearing_years(conn)
        office = office_repo.get(conn)
        subs = {row.id: consignee_repo.subs(conn, row.id) for row in rows}
        hearings = {row.id: consignee_repo.hearings(conn, row.id) for row in rows}
        certificates = {row.id: consignee_repo.certificates(conn, row.id) for row in rows}
    lines = []
    for row in rows:
        status = rules.hearing_status(
            day_of(row.approved_on), day_of(row.ended_on), held.get(row.id, frozenset()), today
        )
        state = ConsigneeState(row.state).label
        approved = f"{_day(row.approved_on)}\n{row.approved_by_name}" if row.approved_on else "—"
        if row.ended_on:
            approved += f"\n終了 {_day(row.ended_on)}"
        selection = _points(SELECTION_POINTS, row.selection, "項目")
        if row.selection_on:
            selection = f"{_day(row.selection_on)}確認（{row.selection_by_name}）\n{selection}"
        contract = _points(CONTRACT_CLAUSES, row.clauses, "項目")
        if row.contract_on:
            contract = f"{_day(row.contract_on)}締結　{row.contract_term}\n{contract}".strip()
        else:
            contract = "契約の記録なし\n" + contract
        lines.append(
            sheet.ConsigneeLine(
                name=row.name,
                corporate_number=row.corporate_number or "",
                address=row.address,
                contact=row.contact,
                work=_work(row),
                state=state,
                selection=selection,
                contract=contract,
                approved=approved,
                hearing=_hearing(status),
            )
        )
    register = sheet.Register(
        office_name=office.name if office else "",
        as_of=today,
        consignees=tuple(lines),
        subs=tuple(
            sheet.SubLine(
                row.name,
                s.name,
                s.scope,
                f"{_day(s.approved_on)}\n{s.approved_by_name}",
                _day(s.withdrawn_on),
            )
            for row in rows
            for s in subs[row.id]
        ),
        hearings=tuple(
            sheet.HearingLine(
                row.name,
                str(h.year),
                HearingKind(h.kind).label,
                f"{_day(h.held_on)}\n{h.held_by}",
                HearingResult(h.result).label,
                "\n".join(t for t in (h.note, h.follow_up and f"改善：{h.follow_up}") if t),
            )
            for row in rows
            for h in hearings[row.id]
        ),
        certificates=tuple(
            sheet.CertificateLine(row.name, _day(c.received_on), c.description)
            for row in rows
            for c in certificates[row.id]
        ),
    )
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    sheet.render_consignee_register(register, out)
    with storage_errors(), session.vault.write() as writer:
        audit.record(writer, session, "consignee.register_printed")
    return out.getvalue()
