"""Requests from individuals (個人情報保護法第32条〜第39条, SPEC §5): intake, the requester's
identity, the manager's decision and the register with its deadlines (the written answer and the
blank request form: request_papers).
Every step is kept in the request's history and the access log; no number is stored here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import errors
from app.domain.access import Permission, may
from app.domain.individual_requests import (
    Deadlines,
    Decision,
    Ground,
    RequesterChannel,
    RequesterDocument,
    RequesterMatch,
    RequesterRole,
    RequestKind,
    State,
    assess_requester,
    check_decision,
    check_transition,
    deadlines,
    decision_label,
    needed_matches,
)
from app.domain.settings import SettingKey
from app.services import (
    audit,
    auth,
    deletion,
    maintenance,
    people,
)
from app.services.guard import free_text, storage_errors
from app.session import Session
from storage import deletion_repo, people_repo
from storage import individual_request_repo as repo
from storage.individual_request_repo import EventRow, RequestRow

TEXT_MAX = 200


@dataclass(frozen=True)
class Intake:
    kind: RequestKind
    subject_name: str  # whose data
    requester_name: str  # who asks (the person, or the agent)
    provider: RequesterRole
    received_on: date
    channel: RequesterChannel
    requested: str  # what is asked for, in the requester's words
    person_id: int | None = None  # the person in the database, when found
    contact: str = ""
    method: str = ""  # 書面の交付 / 電磁的記録（PDF） / 閲覧
    fee: str = ""
    own_number_requested: bool = False


@dataclass(frozen=True)
class RegisterEntry:
    request: RequestRow
    deadlines: Deadlines


def now_text(session: Session) -> str:
    return session.clock.now().isoformat(timespec="seconds")


def _text(value: str, label: str, *, required: bool = False, limit: int = TEXT_MAX) -> str:
    return free_text(value, label, limit=limit, required=required)


def require_handler(session: Session) -> None:
    roles = session.user.roles
    if not (may(roles, Permission.HANDLE_NUMBERS) or may(roles, Permission.DECIDE_REQUESTS)):
        audit.require(session, Permission.DECIDE_REQUESTS, target="request")


def request_row(session: Session, request_id: int) -> RequestRow:
    with storage_errors():
        found = repo.get(session.vault.conn, request_id)
    if found is None:
        raise errors.NotFound("請求が見つかりません。")
    return found


def _move(row: RequestRow, target: State) -> None:
    try:
        check_transition(State(row.state), target)
    except ValueError as refused:
        raise errors.InvalidInput(str(refused)) from None


def log_step(writer, session: Session, request_id: int, state: State, note: str = "") -> None:
    repo.add_event(
        writer.conn,
        request_id,
        at=now_text(session),
        by_name=session.user.display_name,
        state=state.value,
        note=note,
    )


def deadlines_of(row: RequestRow) -> Deadlines:
    kind = RequestKind(row.kind)
    return deadlines(
        date.fromisoformat(row.received_on),
        row.target_days,
        suit_applies=kind.may_sue_after_two_weeks,
    )


def receive(session: Session, intake: Intake) -> RequestRow:
    """A clerk may receive; the manager decides. The requester is identified next."""
    require_handler(session)
    if intake.received_on > session.clock.now().date():
        raise errors.InvalidInput("受付日が未来の日付になっています。")
    subject = _text(intake.subject_name, "請求の対象となる本人の氏名", required=True, limit=40)
    requester = _text(intake.requester_name, "請求者の氏名", required=True, limit=40)
    if intake.provider is RequesterRole.SELF and requester != subject:
        raise errors.InvalidInput(
            "本人からの請求では、請求者と対象の本人は同じ人です。代理人からの請求なら「代理人」を選んでください。"
        )
    requested = _text(intake.requested, "請求の内容", required=True)
    if intake.own_number_requested and intake.kind is not RequestKind.DISCLOSURE:
        raise errors.InvalidInput("本人の個人番号の開示は、開示の請求でだけ求められます。")
    fee = _text(intake.fee, "手数料", limit=40)
    if fee and not intake.kind.fee_allowed:
        raise errors.InvalidInput(
            f"{intake.kind.label}には手数料を求められません（個人情報保護法第38条第1項）。"
        )
    if intake.person_id is not None:
        people.readable(session, intake.person_id)
    with storage_errors(), session.vault.write() as writer:
        request_id = repo.insert(
            writer.conn,
            kind=intake.kind.value,
            state=State.RECEIVED.value,
            person_id=intake.person_id,
            subject_name=subject,
            requester_name=requester,
            provider=intake.provider.value,
            contact=_text(intake.contact, "連絡先"),
            received_on=intake.received_on.isoformat(),
            received_by=session.user.display_name,
            channel=intake.channel.value,
            requested=requested,
            method=_text(intake.method, "希望する方法", limit=40),
            fee=fee,
            own_number_requested=intake.own_number_requested,
            target_days=int(session.settings.get(SettingKey.REQUEST_TARGET_DAYS, 14)),
        )
        log_step(writer, session, request_id, State.RECEIVED, intake.kind.label)
        audit.record(
            writer,
            session,
            "request.received",
            target=f"request:{request_id}",
            detail={"kind": intake.kind.value, "person": intake.person_id},
        )
        created = repo.get(writer.conn, request_id)
    assert created is not None
    return created


@dataclass(frozen=True)
class RequesterEntry:
    """What the requester wizard found: the documents seen, what agreed with the request form,
    and the reply rule of a request by post."""

    documents: tuple[RequesterDocument, ...]
    matched: tuple[RequesterMatch, ...]
    checked_on: date
    reply_to_document_address: bool = False
    card_back_received: bool = False
    note: str = ""


def verify_requester(session: Session, request_id: int, entry: RequesterEntry) -> RequestRow:
    """The requester's identity (施行令第12条・第13条): refused with the reasons when not enough.
    The record keeps the kinds of documents that served, never their numbers or images."""
    require_handler(session)
    row = request_row(session, request_id)
    _move(row, State.VERIFIED)
    today = session.clock.now().date()
    if entry.checked_on > today:
        raise errors.InvalidInput("確認した日に未来の日付は入れられません。")
    if entry.checked_on < date.fromisoformat(row.received_on):
        raise errors.InvalidInput("確認した日は、請求を受け付けた日より前にはできません。")
    note = _text(entry.note, "メモ")
    channel, role = RequesterChannel(row.channel), RequesterRole(row.provider)
    check = assess_requester(
        channel,
        role,
        entry.documents,
        reply_to_document_address=entry.reply_to_document_address,
        card_back_received=entry.card_back_received,
        matched=entry.matched,
    )
    if not check.sufficient:
        raise errors.InvalidInput("請求者の本人確認が足りません。" + "".join(check.problems))
    matched = [m.value for m in needed_matches(channel, role) if m in entry.matched]
    with storage_errors(), session.vault.write() as writer:
        repo.update(
            writer.conn,
            request_id,
            {
                "state": State.VERIFIED.value,
                "identity": {
                    "channel": row.channel,
                    "provider": row.provider,
                    "documents": [d.value for d in check.used],
                    "matched": matched,
                    "reply_to_document_address": entry.reply_to_document_address,
                    "checked_on": entry.checked_on.isoformat(),
                    "checked_by": session.user.display_name,
                    "note": note,
                },
            },
        )
        names = "、".join(d.label for d in check.used)
        log_step(writer, session, request_id, State.VERIFIED, names)
        audit.record(writer, session, "request.verified", target=f"request:{request_id}")
        done = repo.get(writer.conn, request_id)
    assert done is not None
    return done


def decide(
    session: Session,
    request_id: int,
    decision: Decision,
    *,
    grounds: tuple[Ground, ...] = (),
    reason: str = "",
    withheld: str = "",
) -> RequestRow:
    """The manager's decision, with the ground (第33条第2項各号) and the reason (第36条)."""
    row = request_row(session, request_id)
    audit.require(session, Permission.DECIDE_REQUESTS, target=f"request:{request_id}")
    _move(row, State.DECIDED)
    kind = RequestKind(row.kind)
    reason_text = _text(reason, "理由", limit=600)
    try:
        check_decision(kind, decision, grounds, reason_text)
    except ValueError as refused:
        raise errors.InvalidInput(str(refused)) from None
    if decision is Decision.PARTIAL and not withheld.strip():
        raise errors.InvalidInput("一部開示では、開示しない部分を入力してください。")
    with storage_errors(), session.vault.write() as writer:
        repo.update(
            writer.conn,
            request_id,
            {
                "state": State.DECIDED.value,
                "decision": decision.value,
                "grounds": [g.value for g in grounds],
                "reason": reason_text,
                "withheld": _text(withheld, "開示しない部分", limit=400),
            },
        )
        log_step(writer, session, request_id, State.DECIDED, decision_label(kind, decision))
        audit.record(
            writer,
            session,
            "request.decided",
            target=f"request:{request_id}",
            detail={"decision": decision.value},
        )
        done = repo.get(writer.conn, request_id)
    assert done is not None
    return done


def _advance(session: Session, request_id: int, target: State, action: str, note: str = ""):
    row = request_row(session, request_id)
    audit.require(session, Permission.DECIDE_REQUESTS, target=f"request:{request_id}")
    _move(row, target)
    values: dict[str, object] = {"state": target.value}
    if target in (State.CLOSED, State.WITHDRAWN):
        years = int(session.settings.get(SettingKey.REQUEST_KEEP_YEARS, 3))
        today = session.clock.now().date()
        values["keep_until"] = _years_later(today, years).isoformat()
    if target is State.NOTIFIED and row.notice_no is None:
        values["notice_no"] = _notice_no(session)
    with storage_errors(), session.vault.write() as writer:
        repo.update(writer.conn, request_id, values)
        log_step(writer, session, request_id, target, _text(note, "メモ"))
        audit.record(writer, session, action, target=f"request:{request_id}")
        done = repo.get(writer.conn, request_id)
    assert done is not None
    return done


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 2, 28)


def _notice_no(session: Session) -> str:
    year = session.clock.now().year
    with storage_errors():
        number = repo.next_notice_no(session.vault.conn, year)
    return f"{year}-{number}"


def reopen(session: Session, request_id: int, note: str) -> RequestRow:
    """Withdraw a decision before it was sent, to decide again."""
    return _advance(session, request_id, State.VERIFIED, "request.reopened", note)


def mark_notified(session: Session, request_id: int) -> RequestRow:
    return _advance(session, request_id, State.NOTIFIED, "request.notified")


def close(session: Session, request_id: int) -> RequestRow:
    return _advance(session, request_id, State.CLOSED, "request.closed")


def withdraw(session: Session, request_id: int, note: str) -> RequestRow:
    """The requester withdrew the request (kept with the note)."""
    return _advance(session, request_id, State.WITHDRAWN, "request.withdrawn", note)


def register(session: Session, *, open_only: bool = True) -> list[RegisterEntry]:
    require_handler(session)
    with storage_errors():
        rows = repo.all_requests(session.vault.conn, open_only=open_only)
    return [RegisterEntry(row, deadlines_of(row)) for row in rows]


def history(session: Session, request_id: int) -> list[EventRow]:
    require_handler(session)
    with storage_errors():
        return repo.events(session.vault.conn, request_id)


def expired(session: Session) -> list[RequestRow]:
    """Closed or withdrawn requests whose file is past the years it is kept (setting)."""
    require_handler(session)
    today = session.clock.now().date().isoformat()
    with storage_errors():
        return repo.expired(session.vault.conn, today)


def discard_expired(session: Session, password: str) -> int:
    """The manager discards, with their password, every request file past its keep_until:
    the request and its history go; the access log keeps one event per file (no name). The
    database file is then rebuilt, as after a deletion run, so no freed page keeps them.
    Returns how many were discarded."""
    audit.require(session, Permission.DECIDE_REQUESTS, target="request")
    auth.reauthenticate(session, password)
    today = session.clock.now().date().isoformat()
    with storage_errors(), session.vault.write() as writer:
        # Read inside the write: a file reopened or closed meanwhile is decided on as it is now.
        gone = repo.expired(writer.conn, today)
        if not gone:
            return 0
        repo.delete(writer.conn, [row.id for row in gone])
        deletion_repo.mark_rebuild(writer.conn, now_text(session))
        audit.record_all(
            writer,
            session,
            [
                (
                    "request.discarded",
                    f"request:{row.id}",
                    {
                        "kind": row.kind,
                        "notice_no": row.notice_no or "",
                        "kept_until": row.keep_until,
                    },
                )
                for row in gone
            ],
        )
    maintenance.rebuild_if_pending(session)
    return len(gone)


def propose_deletion(session: Session, request_id: int) -> int:
    """A justified 利用停止・消去: the person's number goes through a deletion run with the
    trigger "request" (the approvals of any deletion apply). Returns the run's id."""
    row = request_row(session, request_id)
    audit.require(session, Permission.DECIDE_REQUESTS, target=f"request:{request_id}")
    kind = RequestKind(row.kind)
    if kind is not RequestKind.USAGE_STOP or row.decision not in (
        Decision.STOPPED.value,
        Decision.PARTLY.value,
    ):
        raise errors.InvalidInput(
            "個人番号の削除を提案できるのは、利用停止・消去の請求に応じると決定したときだけです。"
        )
    if row.person_id is None:
        raise errors.InvalidInput("この請求は登録されている対象者に結び付いていません。")
    run = deletion.propose(
        session,
        [row.person_id],
        reason=f"開示等の請求 No.{row.id}（{kind.label}）に基づく消去",
        trigger="request",
    )
    with storage_errors(), session.vault.write() as writer:
        log_step(
            writer, session, request_id, State(row.state), f"削除の実行計画 No.{run.id} を提案"
        )
    return run.id


def find_person(session: Session, name: str) -> list[people_repo.PersonRecord]:
    """People matching the requester's name or kana, to link the request to their record."""
    return list(people.search(session, name, limit=20).rows)
