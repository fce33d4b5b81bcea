"""The papers of a request from an individual: the written answer (decision notice, with the
attachment of what is held for a disclosure) and the blank 開示等請求書 the office hands out."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from app import errors, paths
from app.domain.access import Permission
from app.domain.individual_requests import (
    Decision,
    Ground,
    RequesterRole,
    RequestKind,
    State,
    decision_label,
    notice_basis,
    notice_title,
)
from app.domain.person_fields import LABELS, display
from app.domain.purposes import CATALOG, PersonKind
from app.domain.settings import SettingKey
from app.services import (
    audit,
    corrections,
    numbers,
    office_contact,
    outputs,
    people,
    retention,
    verification,
)
from app.services.guard import renders_paper, storage_errors
from app.services.individual_requests import log_step, now_text, request_row, require_handler
from app.session import Session
from storage import individual_request_repo as repo
from storage import office_repo


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


@dataclass(frozen=True)
class NoticePaper:
    pdf: bytes
    # The outputs register's entry of a notice carrying the person's own number, else None.
    output_id: int | None = None


def notice_pdf(session: Session, request_id: int, *, include_own_number: bool = False) -> bytes:
    """The decision notice (see `notice`)."""
    return notice(session, request_id, include_own_number=include_own_number).pdf


@renders_paper
def notice(session: Session, request_id: int, *, include_own_number: bool = False) -> NoticePaper:
    """The decision notice; with `include_own_number`, the requester's own number once (asked
    for in the request, and only in a disclosure), entered in the outputs register."""
    from reports import fonts
    from reports.notice_data import NoticeData
    from reports.request_notices import render_notice

    row = request_row(session, request_id)
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
        output_id = None
        if include_own_number:
            assert row.person_id is not None
            own = numbers.disclose_to_person(writer, session, row.person_id, request_id).digits()
            log_step(writer, session, request_id, State(row.state), "本人の個人番号を通知書に記載")
            # The paper carrying the number leaves the desk for the person (規程第35条).
            output_id = outputs.register(
                writer,
                session,
                purpose="開示等の請求への対応",
                form="disclosure_notice",
                year=None,
                person_ids=[row.person_id],
                order=outputs.Order("本人"),
            )
            repo.update(
                writer.conn,
                request_id,
                {"own_number_disclosed_at": now_text(session), "own_number_output_id": output_id},
            )
        render_notice(NoticeData(**fields, own_number=own), out)
        audit.record(
            writer,
            session,
            "request.notice_printed",
            target=f"request:{request_id}",
            detail={"own_number": own is not None},
        )
    return NoticePaper(out.getvalue(), output_id)


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


@renders_paper
def request_form_pdf(session: Session) -> bytes:
    """The blank 開示等請求書 the office hands out or sends."""
    from reports import fonts
    from reports.request_form import RequestFormData, render_request_form

    require_handler(session)
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
