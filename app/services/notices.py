"""The purpose notice (利用目的通知書): per person from the purposes their number was collected
for (an employee's with each dependant's), or for everyone from the whole catalog. Printing it
is logged."""

from __future__ import annotations

import io

from app import paths
from app.domain.access import Permission
from app.domain.purposes import CATALOG, PersonKind
from app.services import audit, numbers, office_contact, people
from app.services.guard import renders_paper, storage_errors
from app.session import Session
from storage import number_repo, office_repo
from storage.people_repo import PersonRecord

# The letter for everyone lists the purposes by whose number they concern.
_KIND_GROUPS = (
    (PersonKind.EMPLOYEE, "従業員の個人番号"),
    (PersonKind.DEPENDENT, "扶養親族の個人番号"),
    (PersonKind.PAYEE, "支払先（個人）の個人番号"),
)


@renders_paper
def purpose_notice_pdf(session: Session, person_id: int | None) -> bytes:
    from reports import fonts
    from reports.purpose_notice import PurposeNoticeData, render_purpose_notices

    if person_id is None:
        audit.require(session, Permission.HANDLE_NUMBERS, target="notice")
        notice = _everyone()
    else:
        notice = _for_person(session, person_id)
    with storage_errors():
        office = office_repo.get(session.vault.conn)
    office_name = office.name if office else ""
    found = office_contact.contact(session)
    sender = office_contact.letter_sender(session)
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    render_purpose_notices(
        PurposeNoticeData(
            office_name,
            session.clock.now().date(),
            (notice,),
            sender_title=sender.title,
            sender_name=sender.name,
            contact=office_contact.desk_lines(found),
        ),
        out,
    )
    with storage_errors(), session.vault.write() as writer:
        audit.record(
            writer,
            session,
            "notice.purpose_printed",
            target=f"person:{person_id}" if person_id else "all",
        )
    return out.getvalue()


def _lines(codes):
    from reports.purpose_notice import PurposeLine

    return tuple(PurposeLine(CATALOG[c].name, CATALOG[c].legal_basis) for c in codes)


def _everyone():
    from reports.purpose_notice import PurposeGroup, PurposeNotice

    return PurposeNotice(
        None,
        (),
        groups=tuple(
            PurposeGroup(heading, _lines(c for c, e in CATALOG.items() if kind in e.person_kinds))
            for kind, heading in _KIND_GROUPS
        ),
    )


def _codes(session: Session, person: PersonRecord) -> list[str]:
    """The purposes the number was collected for; before it is, those of the person's kind."""
    with storage_errors():
        collected = number_repo.purposes(session.vault.conn, person.id)
    kind = PersonKind(person.kind)
    return [c for c in CATALOG if c in collected] or [
        c for c, e in CATALOG.items() if kind in e.person_kinds
    ]


def _for_person(session: Session, person_id: int):
    """An employee's letter covers the dependants whose numbers they give (扶養控除等申告書);
    a dependant's names the employee; a payee's is about the payments, not employment."""
    from reports.purpose_notice import PurposeGroup, PurposeNotice

    person = numbers.person_for(session, person_id)
    profile = people.profile(session, person_id)
    own = _lines(_codes(session, person))
    kind = PersonKind(person.kind)
    if kind is PersonKind.EMPLOYEE:
        family = [d for d in profile.dependents if d.in_scope]
        if not family:
            return PurposeNotice(person.name, own)
        groups = tuple(
            PurposeGroup(
                f"扶養親族　{d.name} 様"
                + (f"（{d.relation}）" if d.relation else "")
                + "の個人番号",
                _lines(_codes(session, d)),
            )
            for d in family
        )
        return PurposeNotice(
            person.name,
            own,
            whose="あなた及びあなたの扶養親族の個人番号",
            groups=groups,
        )
    if kind is PersonKind.DEPENDENT:
        employee = profile.employee
        if employee is not None and employee.in_scope:
            whose = f"{employee.name} 様の扶養親族であるあなたの個人番号"
        else:
            whose = "扶養親族であるあなたの個人番号"
        return PurposeNotice(person.name, own, whose=whose)
    return PurposeNotice(
        person.name,
        own,
        whose="お支払いする報酬・料金等に関し、あなたの個人番号",
    )
