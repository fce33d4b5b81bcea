"""Requests from individuals (個人情報保護法第32条〜第39条, SPEC §5): intake, the requester's
identity, the manager's decision, the written answer, and the register with its deadlines.
Every step is kept in the request's history and the access log; no number is stored here."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from app import errors, paths
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
    notice_basis,
    notice_title,
)
from app.domain.person_fields import LABELS, display
from app.domain.purposes import CATALOG, PersonKind
from app.domain.settings import SettingKey
from app.services import (
    audit,
    auth,
    corrections,
    deletion,
    maintenance,
    numbers,
    office_contact,
    outputs,
    people,
    retention,
    verification,
)
from app.services.guard import free_text, renders_paper, storage_errors
from app.session import Session
from storage import deletion_repo, office_repo, people_repo
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


def _now(session: Session) -> str:
    return session.clock.now().isoformat(timespec="seconds")


def _text(value: str, label: str, *, required: bool = False, limit: int = TEXT_MAX) -> str:
    return free_text(value, label, limit=limit, required=required)


def _require_handler(session: Session) -> None:
    roles = session.user.roles
    if not (may(roles, Permission.HANDLE_NUMBERS) or may(roles, Permission.DECIDE_REQUESTS)):
        audit.require(session, Permission.DECIDE_REQUESTS, target="request")


def _get(session: Session, request_id: int) -> RequestRow:
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


def _log(writer, session: Session, request_id: int, state: State, note: str = "") -> None:
    repo.add_event(
        writer.conn,
        request_id,
        at=_now(session),
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
    _require_handler(session)
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
        _log(writer, session, request_id, State.RECEIVED, intake.kind.label)
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
    _require_handler(session)
    row = _get(session, request_id)
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
        _log(writer, session, request_id, State.VERIFIED, names)
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
    row = _get(session, request_id)
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
        _log(writer, session, request_id, State.DECIDED, decision_label(kind, decision))
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
    row = _get(session, request_id)
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
        _log(writer, session, request_id, target, _text(note, "メモ"))
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
    _require_handler(session)
    with storage_errors():
        rows = repo.all_requests(session.vault.conn, open_only=open_only)
    return [RegisterEntry(row, deadlines_of(row)) for row in rows]


def history(session: Session, request_id: int) -> list[EventRow]:
    _require_handler(session)
    with storage_errors():
        return repo.events(session.vault.conn, request_id)


def expired(session: Session) -> list[RequestRow]:
    """Closed or withdrawn requests whose file is past the years it is kept (setting)."""
    _require_handler(session)
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
        deletion_repo.mark_rebuild(writer.conn, _now(session))
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


# The written answer ---------------------------------------------------------------------------


def _attachment(session: Session, person_id: int) -> tuple:
    """What is held about the person, every other person's number masked."""
    from reports.notice_data import MASKED_NUMBER, HeldItem, HeldSection

    profile = people.profile(session, person_id)
    details = profile.details
    kind = PersonKind(details.kind)
    items = [HeldItem("区分", kind.label)]
    for field in ("name", "kana", "birth_date", "code", "department", "hire_date", "leave_date"):
        value = getattr(details, field, None)
        if value:
            dated = field.endswith("_date")
            shown = _day(date.fromisoformat(str(value)[:10])) if dated else display(field, value)
            items.append(HeldItem(LABELS[field], shown))
    if details.relation:
        items.append(HeldItem("続柄", details.relation))
    sections = [HeldSection("ご本人に関する情報", tuple(items))]
    number_items = [
        HeldItem(
            "個人番号",
            "保有しています" if profile.has_number else "保有していません",
        )
    ]
    if profile.has_number:
        number_items += [HeldItem("利用目的", CATALOG[code].name) for code in profile.purposes]
        kept = retention.person_retention(session, person_id)
        today = session.clock.now().date()
        if kept is not None:
            for reason in kept.reasons:
                if reason.until is None:
                    until = "継続中"
                elif reason.until < today:
                    until = f"{_day(reason.until)}まで（経過済み）"
                else:
                    until = f"{_day(reason.until)}まで"
                number_items.append(
                    HeldItem("保存の根拠", f"{reason.label}：{until}（{reason.basis}）")
                )
            if kept.may_delete_from:
                day = kept.may_delete_from
                plan = (
                    f"保存期間が経過しているため、速やかに削除します（{_day(day)}から削除できます）"
                    if day <= today
                    else f"{_day(day)}以降、速やかに削除します"
                )
                number_items.append(HeldItem("削除する予定", plan))
    sections.append(HeldSection("個人番号と利用目的・保存の予定", tuple(number_items)))
    if profile.dependents:
        family = []
        for dependent in profile.dependents:
            # One row each, so a dependant's number never stands apart from their name.
            who = (
                f"{dependent.name}（{dependent.relation}）"
                if dependent.relation
                else dependent.name
            )
            number = MASKED_NUMBER if dependent.has_number else "保有していません"
            family.append(HeldItem("扶養親族", f"{who}　個人番号：{number}"))
        sections.append(HeldSection("扶養親族の情報", tuple(family)))
    checks = verification.history(session, person_id)
    if checks:
        sections.append(
            HeldSection(
                "本人確認の記録",
                tuple(
                    HeldItem(
                        _day(date.fromisoformat(row.verified_on[:10])),
                        f"{verification.provider_text(row)}・"
                        + "、".join(
                            name for name, _holder, _form in verification.document_lines(row)
                        ),
                    )
                    for row in checks
                ),
            )
        )
    return tuple(sections)


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _purposes_attachment(session: Session, person_id: int) -> tuple:
    """For a 利用目的の通知 (第32条第2項): the purposes for which the person's number is kept."""
    from reports.notice_data import HeldItem, HeldSection

    profile = people.profile(session, person_id)
    if not profile.has_number:
        items = (HeldItem("個人番号", "保有していません"),)
    else:
        items = tuple(
            item
            for code in profile.purposes
            for item in (
                HeldItem("利用目的", CATALOG[code].name),
                HeldItem("根拠", CATALOG[code].legal_basis),
            )
        )
    return (HeldSection("ご本人の個人番号の利用目的", items),)


@renders_paper
def notice_pdf(session: Session, request_id: int, *, include_own_number: bool = False) -> bytes:
    """The decision notice; with `include_own_number`, the requester's own number once (asked
    for in the request, and only in a disclosure)."""
    from reports import fonts
    from reports.notice_data import NoticeData
    from reports.request_notices import render_notice

    row = _get(session, request_id)
    audit.require(session, Permission.DECIDE_REQUESTS, target=f"request:{request_id}")
    if State(row.state) not in (State.DECIDED, State.NOTIFIED, State.CLOSED):
        raise errors.InvalidInput("決定する前は通知書を作れません。")
    kind, decision = RequestKind(row.kind), Decision(row.decision or "")
    attachment: tuple = ()
    granted = decision in (Decision.FULL, Decision.PARTIAL)
    if kind is RequestKind.DISCLOSURE and granted and row.person_id is not None:
        attachment = _attachment(session, row.person_id)
    purposes = kind is RequestKind.PURPOSE_NOTICE and decision is Decision.NOTIFIED
    if purposes and row.person_id is not None:
        attachment = _purposes_attachment(session, row.person_id)
    if include_own_number:
        if not (row.own_number_requested and granted and row.person_id is not None):
            raise errors.InvalidInput("この請求では本人の個人番号の開示は求められていません。")
        if row.own_number_disclosed_at is not None:
            raise errors.InvalidInput(
                "本人の個人番号は既に通知書に記載しました（一度だけ記載します）。番号なしで作り直してください。"
            )
        numbers.require_disclosure(session, row.person_id)
    with storage_errors():
        office = office_repo.get(session.vault.conn)
    office_name = office.name if office else ""
    desk = office_contact.contact_lines(office_name, office_contact.contact(session))
    sender = office_contact.letter_sender(session)
    title = notice_title(kind, decision)
    changes: tuple = ()
    corrected = decision in (Decision.CORRECTED, Decision.PARTLY)
    if kind is RequestKind.CORRECTION and corrected and row.person_id is not None:
        changes = _changes_since(session, row.person_id, row.received_on)
    agent_of = row.subject_name if row.provider != RequesterRole.SELF.value else ""
    received = date.fromisoformat(row.received_on)
    # A 利用目的の通知 is asked for (求め, 第32条第2項); the others are requests (請求).
    asked = "求め" if kind is RequestKind.PURPOSE_NOTICE else "請求"
    basis = notice_basis(kind, decision)
    if decision is Decision.NOT_HELD:
        said = (
            f"{basis}の規定により、下記のとおり、ご請求に係る保有個人データを保有していない"
            "ことを通知いたします。"
        )
    else:
        said = f"下記のとおり決定しましたので、{basis}の規定により通知いたします。"
    scope = {}
    if purposes:
        scope = {
            "attachment_title": "別紙　個人番号の利用目的",
            "attachment_note": "ご本人の個人番号の利用目的は、別紙のとおりです。",
            "attachment_lead": "当事業所がご本人の個人番号を利用する目的は、次のとおりです。",
        }
    fields = dict(
        office_name=office_name,
        printed_on=session.clock.now().date(),
        notice_no="",  # given inside the write below
        title=title,
        pdf_title=title,
        addressee=row.requester_name,
        agent_of=agent_of,
        received_on=received,
        received_label=f"{asked}を受け付けた日",
        request_label=f"{asked}の内容",
        decision_label="結果" if decision is Decision.NOT_HELD else "決定",
        request_summary=f"{kind.label}（ご記載の内容：{row.requested}）",
        decision=decision_label(kind, decision),
        body=f"{_day(received)}に受け付けました{kind.label}について、{said}",
        grounds=tuple(f"{Ground(g).article}（{Ground(g).label}）" for g in row.grounds),
        reason=row.reason,
        withheld=row.withheld,
        method=row.method if granted else "",
        fee=row.fee if kind.fee_allowed else "",
        attachment=attachment,
        changes=changes,
        contact=desk,
        complaint_contact=desk,
        guidance=(
            "この通知の内容にご不明な点やご不服があるときは、上記の苦情の申出先にお申し出"
            "ください。個人情報保護委員会の「個人情報保護法相談ダイヤル」にご相談いただく"
            "こともできます。"
        ),
        sender_title=sender.title,
        sender_name=sender.name,
        **scope,
    )
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    # One write: the number is opened, the notice rendered in memory and the disclosure marked
    # and logged together; if rendering fails nothing says the number was given.
    with storage_errors(), session.vault.write() as writer:
        number = row.notice_no
        if number is None:
            # Numbered when first printed, so the paper sent carries the number on file.
            year = session.clock.now().year
            number = f"{year}-{repo.next_notice_no(writer.conn, year)}"
            repo.update(writer.conn, request_id, {"notice_no": number})
        fields["notice_no"] = f"第{number}号"
        own = None
        if include_own_number:
            assert row.person_id is not None
            own = numbers.disclose_to_person(writer, session, row.person_id, request_id).digits()
            repo.update(writer.conn, request_id, {"own_number_disclosed_at": _now(session)})
            _log(writer, session, request_id, State(row.state), "本人の個人番号を通知書に記載")
            # The paper carrying the number leaves the desk for the person (規程第35条).
            outputs.register(
                writer,
                session,
                purpose="開示等の請求への対応",
                form="disclosure_notice",
                year=None,
                person_ids=[row.person_id],
                order=outputs.Order("本人"),
            )
        render_notice(NoticeData(**fields, own_number=own), out)
        audit.record(
            writer,
            session,
            "request.notice_printed",
            target=f"request:{request_id}",
            detail={"own_number": own is not None},
        )
    return out.getvalue()


def _changes_since(session: Session, person_id: int, received_on: str) -> tuple:
    """The corrections made to the person's record since the request came (they go through
    the correction record, 規程第47条), for the 訂正等決定通知書."""
    from reports.notice_data import Change

    found = []
    for record in reversed(corrections.history(session, person_id)):
        if record.changed_at[:10] >= received_on:
            found += [
                Change(c["label"], _dated(c["before"]), _dated(c["after"])) for c in record.changes
            ]
    return tuple(found)


def _dated(value: str) -> str:
    """A day as the letter writes it (2016年3月31日); any other value as it was recorded."""
    try:
        return _day(date.fromisoformat(value)) if len(value) == 10 else value
    except ValueError:
        return value


def propose_deletion(session: Session, request_id: int) -> int:
    """A justified 利用停止・消去: the person's number goes through a deletion run with the
    trigger "request" (the approvals of any deletion apply). Returns the run's id."""
    row = _get(session, request_id)
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
        _log(writer, session, request_id, State(row.state), f"削除の実行計画 No.{run.id} を提案")
    return run.id


@renders_paper
def request_form_pdf(session: Session) -> bytes:
    """The blank 開示等請求書 the office hands out or sends."""
    from reports import fonts
    from reports.request_form import RequestFormData, render_request_form

    _require_handler(session)
    with storage_errors():
        office = office_repo.get(session.vault.conn)
    fee = int(session.settings.get(SettingKey.REQUEST_FEE_YEN, 0))
    target = int(session.settings.get(SettingKey.REQUEST_TARGET_DAYS, 14))
    office_name = office.name if office else ""
    # The form is addressed to the office (「御中」): where to hand it in is the desk.
    desk = office_contact.desk_lines(office_contact.contact(session))
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    render_request_form(
        RequestFormData(
            office_name=office_name,
            printed_on=session.clock.now().date(),
            contact=desk,
            fee_note=(
                f"利用目的の通知の求め・開示の請求：1件{fee:,}円（その他の請求は無料）。窓口では"
                "現金で、郵送では定額小為替証書又は郵便切手を同封してお支払いください（個人情報の保護に"
                "関する法律第38条）。"
                if fee
                else "手数料はかかりません。"
            ),
            answer_note=(
                f"本人確認のうえ、受付から{target}日以内を目安に、ご希望の方法で回答します。"
            ),
        ),
        out,
    )
    return out.getvalue()


def find_person(session: Session, name: str) -> list[people_repo.PersonRecord]:
    """People matching the requester's name or kana, to link the request to their record."""
    return list(people.search(session, name, limit=20).rows)
