"""Recording an identity verification (本人確認, 番号法第16条): the rules decide, the record keeps
what was checked (never the number), and the number on file stops waiting for one."""

from __future__ import annotations

import dataclasses
import io
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from app import errors, paths
from app.domain import my_number
from app.domain.access import Permission, may, purpose_in_scope
from app.domain.my_number import MyNumber
from app.domain.purposes import PersonKind
from app.domain.verification import (
    CATALOGUE,
    EXEMPTIONS,
    Assessment,
    Channel,
    Check,
    Form,
    Holder,
    IdentityField,
    Outcome,
    PresentedDocument,
    Provider,
    Subject,
    VerificationRequest,
    assess,
    means_name,
)
from app.domain.verification.terms import PENSION_ACT_12_5
from app.services import audit, numbers, people
from app.services.guard import free_text, storage_errors
from app.session import Session
from storage import number_repo, office_repo, people_repo, verification_repo
from storage.people_repo import PersonRecord
from storage.verification_repo import VerificationRow

# 番号法 came into force for the collection of numbers on this day; earlier dates are typos.
FIRST_POSSIBLE_DAY = date(2015, 10, 5)
PENSION_3 = "national_pension_3"
NOTE_MAX = 200
AGENT_NAME_MAX = 40
AGENT_RELATION_MAX = 20
PENDING_SHOWN = 100

SUBJECTS_FOR_KIND: dict[PersonKind, tuple[Subject, ...]] = {
    PersonKind.EMPLOYEE: (Subject.EMPLOYEE,),
    PersonKind.DEPENDENT: (Subject.DEPENDENT_TAX, Subject.DEPENDENT_KENPO, Subject.SPOUSE_3GO),
    PersonKind.PAYEE: (Subject.PAYEE,),
}

PROVIDER_SHORT = {
    Provider.SELF: "本人",
    Provider.VOLUNTARY_AGENT: "任意代理人",
    Provider.LEGAL_AGENT: "法定代理人",
}


@dataclass(frozen=True)
class VerificationContext:
    """What the wizard must know about the person before it asks anything."""

    person: PersonRecord
    subjects: tuple[Subject, ...]
    number_registered: bool
    # The number on file rests on a recorded verification: phone and the match with our own
    # record become possible (規2①・⑤).
    prior_verified: bool
    collected_for: frozenset[str]
    registrable_purposes: tuple[str, ...]
    pension_category3: bool
    # Dependents: their employee, and the verification the employee's own number rests on.
    employee: PersonRecord | None
    employee_verification: VerificationRow | None


@dataclass(frozen=True)
class NewNumber:
    """The number received, typed twice, and what it is collected for."""

    first: str = field(repr=False)
    second: str = field(repr=False)
    purposes: tuple[str, ...] = ()
    # Required when a number of this person was deleted before (numbers.store_number).
    reason: str = ""


@dataclass(frozen=True)
class VerificationEntry:
    request: VerificationRequest
    verified_on: date
    agent_name: str = ""
    agent_relation: str = ""
    note: str = ""
    # When the person has no number yet: the one received, registered with this record.
    new_number: NewNumber | None = None
    # When a number is on file: the number on the documents seen, compared with it.
    presented_number: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class PendingVerifications:
    total: int
    people: tuple[PersonRecord, ...]


@dataclass(frozen=True)
class _Facts:
    """What the database says when the decision is made; read again inside the write."""

    number_registered: bool
    prior_verified: bool
    collected_for: frozenset[str]
    employee_verification: VerificationRow | None


def _employer_verified(conn, person_id: int) -> VerificationRow | None:
    """The verification the number on file rests on, if the employer itself did it (a
    dependent's check by the employee opens no phone or online way later)."""
    linked = verification_repo.number_verification(conn, person_id)
    row = verification_repo.get(conn, linked) if linked is not None else None
    return row if row is not None and row.outcome == Outcome.VERIFIED.value else None


def _read_facts(conn, person: PersonRecord) -> _Facts:
    registered = number_repo.sealed(conn, person.id) is not None
    return _Facts(
        number_registered=registered,
        prior_verified=_employer_verified(conn, person.id) is not None,
        collected_for=number_repo.purposes(conn, person.id) if registered else frozenset(),
        employee_verification=(
            _employer_verified(conn, person.employee_id) if person.employee_id is not None else None
        ),
    )


def context(session: Session, person_id: int) -> VerificationContext:
    person = numbers.person_for(session, person_id)
    conn = session.vault.conn
    with storage_errors():
        details = people_repo.details(conn, person_id)
        facts = _read_facts(conn, person)
        employee = (
            people_repo.get(conn, person.employee_id) if person.employee_id is not None else None
        )
    registrable = (
        () if facts.number_registered else tuple(numbers.registrable_purposes(session, person_id))
    )
    pension3 = bool(details and details.pension_category3)
    subjects = SUBJECTS_FOR_KIND[PersonKind(person.kind)]
    if not (pension3 or PENSION_3 in facts.collected_for):
        # The 第3号 notification is for a spouse marked as such on the dependent's record.
        subjects = tuple(s for s in subjects if s is not Subject.SPOUSE_3GO)
    return VerificationContext(
        person=person,
        subjects=subjects,
        number_registered=facts.number_registered,
        prior_verified=facts.prior_verified,
        collected_for=facts.collected_for,
        registrable_purposes=registrable,
        pension_category3=pension3,
        employee=employee,
        employee_verification=facts.employee_verification,
    )


def _same_facts(ctx: VerificationContext, facts: _Facts) -> bool:
    linked = ctx.employee_verification.id if ctx.employee_verification else None
    now_linked = facts.employee_verification.id if facts.employee_verification else None
    return (
        ctx.number_registered == facts.number_registered
        and ctx.prior_verified == facts.prior_verified
        and ctx.collected_for == facts.collected_for
        and linked == now_linked
    )


def with_facts(ctx: VerificationContext, request: VerificationRequest) -> VerificationRequest:
    """The request with the facts the database knows put in place of whatever the screen sent;
    the clerk confirms only what the database cannot know (known at hiring)."""
    flags = dataclasses.replace(
        request.flags,
        prior_verified_record_exists=ctx.prior_verified,
        employee_verification_linked=ctx.employee_verification is not None,
        known_employee_verified_at_hiring=(
            request.flags.known_employee_verified_at_hiring
            and ctx.person.kind == PersonKind.EMPLOYEE.value
        ),
        # The one agent the office knows from hiring: a dependent's own employee (the record
        # then names that employee as the agent, see record()).
        agent_known_employee_verified_at_hiring=(
            request.flags.agent_known_employee_verified_at_hiring and ctx.employee is not None
        ),
    )
    return dataclasses.replace(request, flags=flags)


def preview(
    session: Session, person_id: int, request: VerificationRequest, verified_on: date
) -> Assessment:
    """The decision the record would rest on, for the wizard's result page; writes nothing."""
    ctx = context(session, person_id)
    _check_subject(ctx, request.subject)
    return assess(with_facts(ctx, request), verified_on)


def record(session: Session, person_id: int, entry: VerificationEntry) -> VerificationRow:
    """Assess again (the screen is never trusted), then in one transaction: the facts read
    again (refused if they changed meanwhile), the documents' number matched with the one on
    file or the new number stored, the record, the number's link to it, the audit event."""
    ctx = context(session, person_id)
    request = with_facts(ctx, entry.request)
    _check_subject(ctx, request.subject)
    _check_day(session, entry.verified_on)
    agent_name, agent_relation = _agent(ctx, request, entry.agent_name, entry.agent_relation)
    note = free_text(entry.note, "備考", limit=NOTE_MAX)
    if ctx.number_registered:
        _check_purpose_scope(session, ctx)
    purposes = (
        ctx.collected_for
        if ctx.number_registered
        else frozenset(entry.new_number.purposes if entry.new_number else ())
    )
    if (problem := purpose_problem(request.subject, purposes)) is not None:
        raise errors.InvalidInput(problem)
    result = assess(request, entry.verified_on)
    if not result.sufficient:
        raise errors.InvalidInput(
            "本人確認が足りないため記録できません。" + "".join(result.explanations[:1])
        )
    new_number, presented = _received_number(session, ctx, entry)
    mismatch = False
    with storage_errors(), session.vault.write() as writer:
        if not _same_facts(ctx, _read_facts(writer.conn, ctx.person)):
            raise errors.ConflictingChange(
                "確認の間に、この対象者の個人番号か本人確認の記録が変わりました。もう一度はじめから確認してください。"
            )
        if new_number is not None:
            numbers.ensure_registrable(writer, session, person_id, new_number)
            numbers.store_number(
                writer,
                session,
                person_id,
                new_number,
                sorted(purposes),
                verified=True,
                reason=entry.new_number.reason if entry.new_number else "",
            )
        elif presented is not None and not numbers.is_number_on_file(session, person_id, presented):
            mismatch = True
        if not mismatch:
            row = _insert(
                writer, session, ctx, request, result, entry, agent_name, agent_relation, note
            )
    if mismatch:
        # Logged in its own write (the verification's was rolled back): repeated wrong guesses
        # at a person's number stay visible in the access log.
        with storage_errors(), session.vault.write() as writer:
            audit.record(
                writer, session, "verification.number_mismatch", target=f"person:{person_id}"
            )
        raise errors.InvalidInput(
            "書類の個人番号が、登録されている番号と一致しません。書類を確かめ、登録が誤っていれば"
            "先に番号を訂正してください。"
        )
    return row


def _insert(
    writer,
    session: Session,
    ctx: VerificationContext,
    request: VerificationRequest,
    result: Assessment,
    entry: VerificationEntry,
    agent_name: str,
    agent_relation: str,
    note: str,
) -> VerificationRow:
    person_id = ctx.person.id
    verification_id = verification_repo.insert(
        writer.conn,
        person_id=person_id,
        verified_on=entry.verified_on.isoformat(),
        subject=request.subject.value,
        provider=request.provider.value,
        channel=request.channel.value,
        agent_name=agent_name,
        agent_relation=agent_relation,
        documents=[
            {"code": d.code, "holder": d.holder.value, "form": d.form.value}
            for d in documents_used(request, result)
        ],
        checks={r.check.value: list(r.means) for r in result.checks},
        fields_compared=[f.value for f in IdentityField if f in request.comparison.fields],
        flags={
            "known_employee_verified_at_hiring": request.flags.known_employee_verified_at_hiring,
            "prior_verified_record_exists": request.flags.prior_verified_record_exists,
            "agent_known_employee_verified_at_hiring": (
                request.flags.agent_known_employee_verified_at_hiring
            ),
            "employee_verification_linked": request.flags.employee_verification_linked,
        },
        outcome=result.outcome.value,
        employee_verification_id=(
            ctx.employee_verification.id
            if result.outcome is Outcome.VERIFIED_BY_EMPLOYEE and ctx.employee_verification
            else None
        ),
        note=note,
        recorded_by=session.user.id or None,
        recorded_by_name=session.user.display_name,
        recorded_at=session.clock.now().isoformat(timespec="seconds"),
    )
    verification_repo.link_number(writer.conn, person_id, verification_id)
    audit.record(
        writer,
        session,
        "verification.recorded",
        target=f"person:{person_id}",
        detail={
            "verification": verification_id,
            "outcome": result.outcome.value,
            "channel": request.channel.value,
            "provider": request.provider.value,
        },
    )
    row = verification_repo.get(writer.conn, verification_id)
    assert row is not None
    return row


def _check_purpose_scope(session: Session, ctx: VerificationContext) -> None:
    """A number on file is checked only by a member handling one of its purposes."""
    if not any(purpose_in_scope(session.user.scopes, p) for p in ctx.collected_for):
        audit.deny(
            session,
            "担当外の事務の個人番号",
            target=f"person:{ctx.person.id}",
            detail={"reason": "purpose_scope"},
        )


def purpose_problem(subject: Subject, purposes: frozenset[str] | tuple[str, ...]) -> str | None:
    """A number for the 第3号 notification is the spouse's own filing: the employer verifies
    the spouse; the employee's check of a dependent does not cover it."""
    if PENSION_3 in purposes and subject is not Subject.SPOUSE_3GO:
        return (
            "国民年金第3号被保険者関係届のための番号は、配偶者本人が届け出るものなので、事業者が配偶者の"
            f"本人確認をします（{PENSION_ACT_12_5}）。確認の対象で「{Subject.SPOUSE_3GO.label}」を"
            "選んでください。"
        )
    return None


def _check_subject(ctx: VerificationContext, subject: Subject) -> None:
    if subject not in ctx.subjects:
        kind = PersonKind(ctx.person.kind).label
        raise errors.InvalidInput(f"{kind}の本人確認では「{subject.label}」は選べません。")


def _check_day(session: Session, day: date) -> None:
    if day > session.clock.now().date():
        raise errors.InvalidInput("確認日が未来の日付になっています。")
    if day < FIRST_POSSIBLE_DAY:
        raise errors.InvalidInput("確認日が2015年10月5日（番号法の施行）より前になっています。")


def _agent(
    ctx: VerificationContext, request: VerificationRequest, name: str, relation: str
) -> tuple[str, str]:
    if not request.provider.is_agent:
        return "", ""
    agent_name = free_text(name, "代理人の氏名", limit=AGENT_NAME_MAX)
    if not agent_name:
        raise errors.InvalidInput("代理人の氏名を入力してください。")
    known = request.flags.agent_known_employee_verified_at_hiring and ctx.employee is not None
    if known and _squeezed(agent_name) != _squeezed(ctx.employee.name):
        raise errors.InvalidInput(
            "入社時に本人確認をした従業員として扱えるのは、この扶養親族の従業員"
            f"（{ctx.employee.name}）が代理人のときだけです。"
        )
    return agent_name, free_text(relation, "本人との関係", limit=AGENT_RELATION_MAX)


def _squeezed(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def _received_number(
    session: Session, ctx: VerificationContext, entry: VerificationEntry
) -> tuple[MyNumber | None, MyNumber | None]:
    """(new number to register, number on the documents to match with the one on file)."""
    if ctx.number_registered:
        if entry.new_number is not None:
            raise errors.InvalidInput("この対象者には既に個人番号が登録されています。")
        if not entry.presented_number:
            raise errors.InvalidInput(
                "確認した書類（扶養親族は従業員の申告書）の個人番号を入力してください。"
                "登録済みの番号と同じかを照合します。"
            )
        reason = my_number.problem(entry.presented_number)
        if reason is not None:
            raise errors.InvalidInput(reason)
        return None, MyNumber(entry.presented_number)
    if entry.new_number is None:
        raise errors.InvalidInput("受け取った個人番号を2回入力してください。")
    numbers.checked_purposes(session, ctx.person, list(entry.new_number.purposes))
    return numbers.checked_entry(entry.new_number.first, entry.new_number.second), None


def documents_used(
    request: VerificationRequest, result: Assessment
) -> tuple[PresentedDocument, ...]:
    """The documents that served a check, once each: what the record keeps (a refused or
    unneeded paper was seen but did not count)."""
    used = set(result.means_used)
    seen: list[PresentedDocument] = []
    keys: set[tuple[str, str, str]] = set()
    for item in request.documents:
        key = (item.code, item.holder.value, item.form.value)
        if item.code in used and key not in keys:
            keys.add(key)
            seen.append(item)
    return tuple(seen)


def history(session: Session, person_id: int) -> list[VerificationRow]:
    """Every verification of this person, newest first; readable by the auditor (no number)."""
    people.readable(session, person_id)
    with storage_errors():
        return verification_repo.for_person(session.vault.conn, person_id)


def pending(session: Session, *, limit: int = PENDING_SHOWN) -> PendingVerifications:
    """The people in the member's scope whose number waits for 本人確認, longest first."""
    audit.require(session, Permission.HANDLE_NUMBERS)
    scope = people.handling_scope(session, others_listed=False)
    conn = session.vault.conn
    with storage_errors():
        total = verification_repo.pending_count(conn, scope)
        ids = verification_repo.pending_people(conn, scope, limit=limit)
        found = [people_repo.get(conn, person_id) for person_id in ids]
    return PendingVerifications(total, tuple(p for p in found if p is not None))


def pending_count(session: Session) -> int | None:
    """For the dashboard: None for members who do not handle numbers."""
    if not may(session.user.roles, Permission.HANDLE_NUMBERS):
        return None
    with storage_errors():
        return verification_repo.pending_count(
            session.vault.conn, people.handling_scope(session, others_listed=False)
        )


# The record as people read it ----------------------------------------------------------------


def fields_text(row: VerificationRow) -> str:
    fields = [IdentityField(value).label for value in row.fields_compared]
    if not fields:
        return "—（従業員が確認）" if row.outcome == Outcome.VERIFIED_BY_EMPLOYEE.value else "—"
    return "・".join(fields) + "（一致）"


def document_lines(row: VerificationRow) -> list[tuple[str, str, str]]:
    """(種類, 持ち主, 原本・写し) for each document seen."""
    lines = []
    for item in row.documents:
        doc = CATALOGUE[item["code"]]
        form = Form(item["form"]).label if doc.physical else "—"
        lines.append((doc.name, Holder(item["holder"]).label, form))
    return lines


def check_lines(row: VerificationRow) -> list[tuple[str, str]]:
    """(確認, 何で確かめたか) for each check, with each document's form."""
    forms = {(d["code"], d["holder"]): Form(d["form"]) for d in row.documents}
    lines = []
    for check in Check:
        codes = row.checks.get(check.value)
        if codes is None:
            continue
        holder = Holder.AGENT.value if check is Check.AGENT_IDENTITY else Holder.PRINCIPAL.value
        names = []
        for code in codes:
            if code in EXEMPTIONS:
                names.append(f"{EXEMPTIONS[code].name}（{EXEMPTIONS[code].basis}）")
                continue
            form = forms.get((code, holder)) or next(
                (f for (c, _h), f in forms.items() if c == code), None
            )
            shown = f"（{form.label}）" if form is not None and CATALOGUE[code].physical else ""
            names.append(f"{means_name(code)}{shown}")
        lines.append((check.label, "、".join(names)))
    return lines


def provider_text(row: VerificationRow) -> str:
    return provider_line(Provider(row.provider), row.agent_name, row.agent_relation)


def provider_line(provider: Provider, agent_name: str, relation: str) -> str:
    """「本人」, or 「任意代理人　山田 太郎（夫）」."""
    if not provider.is_agent or not agent_name:
        return PROVIDER_SHORT[provider]
    tail = f"（{relation}）" if relation else ""
    return f"{PROVIDER_SHORT[provider]}　{agent_name}{tail}"


def record_pdf(session: Session, verification_id: int) -> bytes:
    """The 本人確認記録 of one verification; printing it is logged."""
    from reports import fonts
    from reports.verification_record import (
        CheckLine,
        DocumentLine,
        VerificationRecordData,
        render_verification_record,
    )

    with storage_errors():
        row = verification_repo.get(session.vault.conn, verification_id)
    if row is None:
        raise errors.NotFound("本人確認記録が見つかりません。")
    person = people.readable(session, row.person_id)
    conn = session.vault.conn
    with storage_errors():
        office = office_repo.get(conn)
        linked = (
            verification_repo.get(conn, row.employee_verification_id)
            if row.employee_verification_id is not None
            else None
        )
        linked_person = people_repo.get(conn, linked.person_id) if linked else None
    linked_text = ""
    if linked is not None and linked_person is not None:
        day = date.fromisoformat(linked.verified_on)
        linked_text = (
            f"{linked_person.name}（記録番号 No. {linked.id}、"
            f"{day.year}年{day.month}月{day.day}日の本人確認記録）"
        )
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    render_verification_record(
        VerificationRecordData(
            office_name=office.name if office else "",
            printed_on=session.clock.now().date(),
            record_no=row.id,
            person_name=person.name,
            person_kana=person.kana,
            person_kind=PersonKind(person.kind).label,
            code=person.code or "",
            verified_on=date.fromisoformat(row.verified_on),
            subject=Subject(row.subject).label,
            provider=provider_text(row),
            channel=Channel(row.channel).label,
            agent_name=row.agent_name,
            agent_relation=row.agent_relation,
            outcome=Outcome(row.outcome).label,
            checks=tuple(CheckLine(label, means) for label, means in check_lines(row)),
            documents=tuple(DocumentLine(*line) for line in document_lines(row)),
            fields_compared=fields_text(row),
            linked_record=linked_text,
            clerk=row.recorded_by_name,
            recorded_at=datetime.fromisoformat(row.recorded_at),
            note=row.note,
        ),
        out,
    )
    with storage_errors(), session.vault.write() as writer:
        audit.record(
            writer,
            session,
            "verification.printed",
            target=f"person:{row.person_id}",
            detail={"verification": row.id},
        )
    return out.getvalue()
