"""The access log as an auditor reads and exports it: a page of events, or the whole log as
CSV, each event with the people, requests and staff it names looked up and put into words
(app.services.audit_text). Reading a page is not logged; an export is."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from app.domain import kana
from app.domain.access import Permission, may
from app.domain.csv_safety import neutralize
from app.domain.display_dates import japanese_time
from app.domain.individual_requests.kinds import RequestKind
from app.domain.purposes import PersonKind
from app.services import audit, people
from app.services.audit_text import (
    GROUPS_BY_KEY,
    Directory,
    EventText,
    Party,
    describe,
    safe,
    staff_party,
    wanted,
)
from app.services.guard import storage_errors
from app.session import Session
from storage import audit_repo
from storage.audit_repo import AuditRecord
from storage.connection import Connection
from storage.people_repo import SearchScope

Encoding = Literal["utf-8", "cp932"]
# The export reads and words the log this many events at a time (one name lookup each).
_EXPORT_BATCH = 500
_KIND_LABELS = {kind.value: kind.label for kind in PersonKind}
_OUTSIDE = "担当範囲外の方"


@dataclass(frozen=True)
class AuditLine:
    seq: int
    at: str  # 2026年12月7日 09:05
    actor: str  # the member's name
    login: str  # blank where the log holds no member's login
    text: EventText


@dataclass(frozen=True)
class AuditPage:
    total: int
    rows: list[AuditLine]


def _scope(session: Session) -> SearchScope | None:
    """Whom a reader who also handles numbers sees by name (None: everyone, as the auditor)."""
    if not may(session.user.roles, Permission.HANDLE_NUMBERS):
        return None
    return people.handling_scope(session, others_listed=True)


def _inside(scope: SearchScope | None, kind: str, department: str | None) -> bool:
    return (
        scope is None
        or kind in scope.kinds
        or (department is not None and department in scope.departments)
    )


def _detail(text: str) -> dict[str, object]:
    try:
        found = json.loads(text)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _directory(
    conn: Connection, scope: SearchScope | None, events: list[tuple[str, str, str, dict]]
) -> Directory:
    """The names a batch of events refers to, one query per kind of record."""
    refs = wanted(events)
    found_requests = audit_repo.requests(conn, refs.requests)
    refs.people |= {r.person_id for r in found_requests if r.person_id is not None}
    found: dict[int, Party] = {}
    for person in audit_repo.people(conn, refs.people):
        kind = _KIND_LABELS.get(person.kind, "対象者")
        name = safe(person.name) if _inside(scope, person.kind, person.department) else _OUTSIDE
        found[person.id] = Party(name, kind, f"{name}（{_short(kind)}）")
    if scope is None:
        # The person's row is gone: what their deletion record keeps.
        for gone in audit_repo.deleted_people(conn, refs.people - found.keys()):
            name = safe(gone.name)
            found[gone.id] = Party(
                name, gone.kind_label, f"{name}（{_short(gone.kind_label)}・削除済み）"
            )
    requests: dict[int, Party] = {}
    for row in found_requests:
        subject = safe(row.subject_name)
        about = found.get(row.person_id) if row.person_id is not None else None
        if about is not None:
            subject = about.name  # masked when outside the reader's groups
        elif row.person_id is not None and scope is not None:
            subject = _OUTSIDE
        requests[row.id] = Party(f"{_request_kind(row.kind)}（{subject}）", "開示等の請求")
    staff = {
        login: Party(f"{safe(name)}（{safe(login)}）", "職員")
        for login, name in audit_repo.staff_names(conn, refs.staff).items()
    }
    return Directory(found, requests, staff)


def _short(kind: str) -> str:
    """支払先 for 支払先（個人）: the kind inside a name's brackets."""
    return kind.split("（", 1)[0]


def _request_kind(code: str) -> str:
    try:
        return RequestKind(code).label
    except ValueError:
        return "開示等の請求"


def _lines(conn: Connection, scope: SearchScope | None, rows: list[AuditRecord]) -> list[AuditLine]:
    events = [(r.actor_name, r.action, r.target, _detail(r.detail)) for r in rows]
    names = _directory(conn, scope, events)
    lines = []
    for row, (actor, action, target, detail) in zip(rows, events, strict=True):
        member = names.staff.get(actor)
        lines.append(
            AuditLine(
                row.seq,
                japanese_time(row.ts),
                _member_name(actor, member),
                actor if member is not None else "",
                describe(action, target, detail, names),
            )
        )
    return lines


def _member_name(login: str, member: Party | None) -> str:
    if member is not None:
        return member.name.removesuffix(f"（{login}）")
    return staff_party(login, Directory()).name


def _filter(session: Session, query: audit.AuditQuery) -> audit_repo.AuditFilter:
    group = GROUPS_BY_KEY.get(query.group) if query.group else None
    text = query.person.strip()
    return audit_repo.AuditFilter(
        actor_name=query.actor_name,
        action=query.action,
        actions=tuple(sorted(group.actions)) if group is not None else None,
        person=audit_repo.PersonFilter(text, kana.search_key(text), _scope(session))
        if text
        else None,
        since=query.since.isoformat() if query.since else None,
        # ts is ISO text, so "< next day" includes the whole of the last day.
        until=(query.until + timedelta(days=1)).isoformat() if query.until else None,
    )


def read_page(
    session: Session,
    query: audit.AuditQuery,
    *,
    offset: int,
    limit: int,
    order_by: str = "seq",
    descending: bool = True,
) -> AuditPage:
    audit.require(session, Permission.READ_AUDIT)
    with storage_errors():
        conn = session.vault.conn
        filters = _filter(session, query)
        rows = audit_repo.page(
            conn, filters, offset=offset, limit=limit, order_by=order_by, descending=descending
        )
        return AuditPage(audit_repo.count(conn, filters), _lines(conn, _scope(session), rows))


def known_actors(session: Session) -> list[tuple[str, str]]:
    """(login, name to show) of everyone in the log, for the filter."""
    audit.require(session, Permission.READ_AUDIT)
    with storage_errors():
        found = audit_repo.actors(session.vault.conn)
    return [
        (login, f"{safe(name)}（{safe(login)}）" if name else _member_name(login, None))
        for login, name in found
    ]


def _batches(records: Iterable[AuditRecord]) -> Iterator[list[AuditRecord]]:
    batch: list[AuditRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) == _EXPORT_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def csv_row(line: AuditLine) -> list[str]:
    text = line.text
    return [
        neutralize(cell)
        for cell in (
            line.seq,
            line.at,
            line.actor,
            line.login,
            text.group,
            text.action,
            text.target.name,
            text.target.kind,
            text.sentence,
            text.detail_line,
        )
    ]


def export_csv(
    session: Session,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    encoding: Encoding = "utf-8",
) -> bytes:
    """The log for Excel: Japanese headers and words, one event a line, CRLF, cells that
    cannot run as formulas; UTF-8 with BOM, or CP932 for an old Excel (a character CP932
    lacks becomes "?"). It holds no numbers."""
    audit.require(session, Permission.EXPORT_AUDIT)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(audit.CSV_COLUMNS)
    count = 0
    scope = _scope(session)
    with storage_errors():
        conn = session.vault.conn
        records = audit_repo.entries(
            conn,
            since=since.isoformat(timespec="seconds") if since else None,
            until=until.isoformat(timespec="seconds") if until else None,
        )
        for batch in _batches(records):
            for line in _lines(conn, scope, batch):
                writer.writerow(csv_row(line))
                count += 1
        with session.vault.write() as w:
            audit.record(w, session, "audit.exported", detail={"rows": count})
    text = buffer.getvalue()
    if encoding == "cp932":
        return text.encode("cp932", errors="replace")
    return ("\ufeff" + text).encode("utf-8")
