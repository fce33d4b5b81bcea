"""Recording an identity verification (本人確認, 番号法第16条): the rules decide, the record keeps
what was checked (never the number), and the number on file stops waiting for one."""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from app import errors
from app.domain import my_number
from app.domain.access import Permission, may, purpose_in_scope
from app.domain.my_number import MyNumber
from app.domain.purposes import PersonKind
from app.domain.verification import (
    Assessment,
    IdentityField,
    Outcome,
    PresentedDocument,
    Subject,
    VerificationRequest,
    assess,
)
from app.domain.verification.terms import PENSION_ACT_12_5
from app.services import audit, numbers, people
from app.services.guard import free_text, storage_errors
from app.services.verification_facts import (
    employee_form_facts,
    facts_for,
    fallback_reasons,
    stored_documents,
)
from app.services.verification_print import record_pdf
from app.services.verification_text import (
    channel_text,
    check_lines,
    document_lines,
    fields_text,
    provider_line,
    provider_text,
)
from app.session import Session
from storage import number_repo, people_repo, verification_repo
from storage.people_repo import PersonRecord
from storage.verification_repo import VerificationRow

# Re-exported: the screens and the other services read the record through this module.
__all__ = [
    "channel_text",
    "check_lines",
    "document_lines",
    "fields_text",
    "provider_line",
    "provider_text",
    "record_pdf",
]

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
    # A dependant on the employee's form: which form (EMPLOYEE_FORMS code), and for a yearly
    # one which year's (「令和8年分」 = 2026). The record names them instead of a provider and a
    # channel that did not take place.
    employee_form: str = ""
    form_year: int | None = None


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
    purposes = ctx.collected_for if ctx.number_registered else request.purposes
    return dataclasses.replace(request, flags=flags, purposes=frozenset(purposes))


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
    request = dataclasses.replace(
        request, purposes=frozenset(purposes), fallback_reasons=fallback_reasons(request)
    )
    result = assess(request, entry.verified_on)
    if result.stopped:
        _refuse_stopped(session, ctx, request, result)
    if not result.sufficient:
        raise errors.InvalidInput(
            "本人確認が足りないため記録できません。" + "".join(result.explanations[:1])
        )
    form = employee_form_facts(ctx.employee, request.subject, entry)
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
                writer,
                session,
                ctx,
                request,
                result,
                entry,
                (agent_name, agent_relation, note),
                form,
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


def _refuse_stopped(
    session: Session, ctx: VerificationContext, request: VerificationRequest, result: Assessment
) -> None:
    """A photo showing someone else: nothing is saved, the refusal is logged in its own write
    (repeated attempts with another's card stay visible in the access log), and the clerk is
    told why."""
    with storage_errors(), session.vault.write() as writer:
        audit.record(
            writer,
            session,
            "verification.photo_mismatch",
            target=f"person:{ctx.person.id}",
            detail={"channel": request.channel.value, "provider": request.provider.value},
        )
    raise errors.InvalidInput("本人確認を記録できません。" + result.explanations[0])


def _insert(
    writer,
    session: Session,
    ctx: VerificationContext,
    request: VerificationRequest,
    result: Assessment,
    entry: VerificationEntry,
    texts: tuple[str, str, str],
    form: dict[str, object] | None,
) -> VerificationRow:
    person_id = ctx.person.id
    agent_name, agent_relation, note = texts
    by_employee = result.outcome is Outcome.VERIFIED_BY_EMPLOYEE
    verification_id = verification_repo.insert(
        writer.conn,
        person_id=person_id,
        verified_on=entry.verified_on.isoformat(),
        subject=request.subject.value,
        # A dependant's number came on the employee's form: no provider or channel took place
        # (the wizard never asked), so none is stored; the form is in facts.
        provider="" if by_employee else request.provider.value,
        channel="" if by_employee else request.channel.value,
        agent_name=agent_name,
        agent_relation=agent_relation,
        documents=stored_documents(documents_used(request, result)),
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
        facts=facts_for(request, result, form),
    )
    verification_repo.link_number(writer.conn, person_id, verification_id)
    detail: dict[str, object] = {"verification": verification_id, "outcome": result.outcome.value}
    if not by_employee:
        detail |= {"channel": request.channel.value, "provider": request.provider.value}
    audit.record(
        writer, session, "verification.recorded", target=f"person:{person_id}", detail=detail
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
