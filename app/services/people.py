"""Registering and finding employees, dependents and payees (never by number)."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from app import errors, paths
from app.domain import corporate_number, kana, my_number, person_fields
from app.domain.access import Permission, may, person_in_scope
from app.domain.person_fields import PAYMENT_KINDS
from app.domain.purposes import PersonKind
from app.domain.scopes import DEPARTMENT_PREFIX, PERSON_KIND_GROUPS
from app.domain.settings import SettingKey
from app.services import audit, numbers
from app.services.guard import storage_errors
from app.session import Session
from storage import corrections_repo, number_repo, people_repo
from storage.people_repo import PersonDetails, PersonRecord, SearchScope
from storage.vault import Writer

T = TypeVar("T")
MASKED_NAME = "（担当範囲外）"


@dataclass(frozen=True)
class PeoplePage:
    total: int
    rows: list[PersonRecord]


def _now(session: Session) -> str:
    return session.clock.now().isoformat(timespec="seconds")


def field(rule: Callable[[object], T], text: object) -> T:
    """A domain field rule (app.domain.person_fields) with its reason as the user's message."""
    try:
        return rule(text)
    except ValueError as problem:
        raise errors.InvalidInput(str(problem)) from None


def valid_name(text: str) -> str:
    return field(person_fields.check_name, text)


@dataclass(frozen=True)
class Unprintable:
    """A character of a name that no bundled font can print, and what the documents print in
    its place ("" for a variation selector, which is left out; 〓 when no substitute is
    known). The record keeps what was typed."""

    char: str
    substitute: str


def unprintable(text: str) -> list[Unprintable]:
    """The characters of a name the documents cannot print (「𠮷」 can: a bundled font has it),
    to warn at entry while the name is still accepted as typed. No session: it reads the
    fonts, not the database."""
    from reports import fonts, glyphs

    fonts.configure(paths.fonts_dir())
    return [Unprintable(u.char, u.substitute) for u in glyphs.unprintable(text)]


def valid_kana(text: str) -> str:
    """Checked, then kept in full-width katakana whatever script was typed."""
    return kana.to_katakana(field(person_fields.check_kana, text))


def valid_code(text: str) -> str:
    return field(person_fields.check_code, text)


def valid_department(text: str | None) -> str | None:
    return field(person_fields.check_department, text)


def valid_relation(text: str) -> str:
    return field(person_fields.check_relation, text)


def valid_payment_kind(value: str) -> str:
    if value not in PAYMENT_KINDS:
        raise errors.InvalidInput(
            f"支払の種類は{'、'.join(PAYMENT_KINDS.values())}から選んでください。"
        )
    return value


def valid_corporate_number(text: str | None) -> str | None:
    """The 13 digits of a 法人番号 (public, not 特定個人情報), or None when left empty."""
    if not text or not text.strip():
        return None
    try:
        return corporate_number.parse(text).digits
    except corporate_number.InvalidCorporateNumber as exc:
        raise errors.InvalidInput(str(exc)) from None


def valid_period(fields: dict[str, person_fields.Value], kind: PersonKind) -> None:
    try:
        person_fields.check_period(fields, kind)
    except ValueError as problem:
        raise errors.InvalidInput(str(problem)) from None


def valid_date(value: date | None, label: str) -> str | None:
    if value is None:
        return None
    if not date(1900, 1, 1) <= value <= date(2100, 12, 31):
        raise errors.InvalidInput(f"{label}の日付が正しくありません。")
    return value.isoformat()


def ensure_code_free(writer: Writer, code: str) -> None:
    """Inside the write transaction, so two saves cannot take the same code."""
    if people_repo.employee_code_taken(writer.conn, code):
        raise errors.InvalidInput(f"従業員コード「{my_number.echo(code)}」は既に使われています。")


def check_scope(session: Session, kind: str, department: str | None, target: str) -> None:
    audit.require(session, Permission.HANDLE_NUMBERS, target=target)
    if not person_in_scope(session.user.scopes, kind, department):
        audit.deny(session, "担当範囲外の対象者", target=target, detail={"reason": "group_scope"})


def _created(session: Session, person_id: int) -> PersonRecord:
    found = people_repo.get(session.vault.conn, person_id)
    assert found is not None
    return found


def insert_person(
    writer: Writer,
    session: Session,
    kind: PersonKind,
    name: str,
    kana_text: str,
    birth_date: str | None,
    *,
    source: str | None = None,
    retired_at: str | None = None,
) -> int:
    """The person row and its audit event, inside the caller's transaction (the kind's own
    row is added by the caller)."""
    person_id = people_repo.insert_person(
        writer.conn,
        kind=kind.value,
        name=name,
        kana=kana_text,
        kana_key=kana.search_key(kana_text),
        birth_date=birth_date,
        now=_now(session),
        retired_at=retired_at,
    )
    audit.record(
        writer,
        session,
        "person.registered",
        target=f"person:{person_id}",
        detail=registered_detail(kind, source),
    )
    return person_id


def registered_detail(kind: PersonKind, source: str | None) -> dict[str, str]:
    """The detail of `person.registered`, for one registration and for a bulk write alike."""
    return {"kind": kind.value, **({"source": source} if source else {})}


def register_employee(
    session: Session,
    *,
    code: str,
    name: str,
    kana_text: str,
    birth_date: date | None = None,
    department: str | None = None,
    hire_date: date | None = None,
) -> PersonRecord:
    dept = valid_department(department)
    check_scope(session, PersonKind.EMPLOYEE.value, dept, "employee")
    code_value = valid_code(code)
    values = (
        valid_name(name),
        valid_kana(kana_text),
        valid_date(birth_date, "生年月日"),
        valid_date(hire_date, "入社日"),
    )
    with storage_errors(), session.vault.write() as writer:
        ensure_code_free(writer, code_value)
        person_id = insert_person(
            writer, session, PersonKind.EMPLOYEE, values[0], values[1], values[2]
        )
        people_repo.insert_employee(
            writer.conn, person_id, code=code_value, department=dept, hire_date=values[3]
        )
        return _created(session, person_id)


def register_dependent(
    session: Session,
    *,
    employee_id: int,
    name: str,
    kana_text: str,
    relation: str,
    birth_date: date | None = None,
    pension_category3: bool = False,
    valid_from: date | None = None,
) -> PersonRecord:
    with storage_errors():
        employee = people_repo.get(session.vault.conn, employee_id)
    if employee is None or employee.kind != PersonKind.EMPLOYEE.value:
        raise errors.NotFound("扶養親族を登録する従業員が見つかりません。")
    check_scope(session, PersonKind.DEPENDENT.value, employee.department, f"person:{employee_id}")
    relation_text = valid_relation(relation)
    values = (
        valid_name(name),
        valid_kana(kana_text),
        valid_date(birth_date, "生年月日"),
        valid_date(valid_from, "扶養開始日"),
    )
    with storage_errors(), session.vault.write() as writer:
        person_id = insert_person(
            writer, session, PersonKind.DEPENDENT, values[0], values[1], values[2]
        )
        people_repo.insert_dependent(
            writer.conn,
            person_id,
            employee_id=employee_id,
            relation=relation_text,
            pension_category3=pension_category3,
            valid_from=values[3],
        )
        return _created(session, person_id)


def register_payee(
    session: Session,
    *,
    name: str,
    kana_text: str,
    payment_kind: str,
    continuing: bool,
    contract_from: date | None = None,
    contract_to: date | None = None,
    corporate: str | None = None,
) -> PersonRecord:
    check_scope(session, PersonKind.PAYEE.value, None, "payee")
    valid_payment_kind(payment_kind)
    corporate_digits = valid_corporate_number(corporate)
    start, end = valid_date(contract_from, "契約開始日"), valid_date(contract_to, "契約終了日")
    valid_period({"contract_from": start, "contract_to": end}, PersonKind.PAYEE)
    values = (valid_name(name), valid_kana(kana_text))
    with storage_errors(), session.vault.write() as writer:
        ended = person_fields.retired_on(PersonKind.PAYEE, {"contract_to": end})
        person_id = insert_person(
            writer, session, PersonKind.PAYEE, values[0], values[1], None, retired_at=ended
        )
        people_repo.insert_payee(
            writer.conn,
            person_id,
            payment_kind=payment_kind,
            continuing=continuing,
            contract_from=start,
            contract_to=end,
            corporate_number=corporate_digits,
        )
        return _created(session, person_id)


def handling_scope(session: Session, *, others_listed: bool | None = None) -> SearchScope | None:
    """The member's groups as a search scope (None: every kind, so everyone); people outside
    it are listed masked or not at all, by the setting unless `others_listed` says."""
    groups = [value for kind, value in session.user.scopes if kind == "group"]
    kinds = frozenset(g.removeprefix("kind:") for g in groups if g in PERSON_KIND_GROUPS)
    if {kind.value for kind in PersonKind} <= kinds:
        return None
    if others_listed is None:
        others_listed = bool(session.settings.get(SettingKey.OUT_OF_SCOPE_LISTED, True))
    return SearchScope(
        kinds=kinds,
        departments=frozenset(
            g.removeprefix(DEPARTMENT_PREFIX) for g in groups if g.startswith(DEPARTMENT_PREFIX)
        ),
        others_listed=others_listed,
        masked_name=MASKED_NAME,
    )


def search(session: Session, text: str = "", *, offset: int = 0, limit: int = 200) -> PeoplePage:
    """One search box over 氏名, フリガナ (any kana script), code and department, in the
    member's scope (SPEC §1): people outside it are listed masked, or not at all (setting),
    and a search never matches them."""
    roles = session.user.roles
    handles = may(roles, Permission.HANDLE_NUMBERS)
    if not (handles or may(roles, Permission.READ_AUDIT)):
        audit.require(session, Permission.HANDLE_NUMBERS)
    # The auditor reads records (and logs), never a number: with no handling role there is no
    # handling scope to apply, so every person is listed in full. Whoever handles numbers
    # (clerk, supervisor, manager, also when they audit too) sees in full only their groups.
    scope = handling_scope(session) if handles else None
    query = unicodedata.normalize("NFKC", text).strip()
    with storage_errors():
        total, rows = people_repo.search(
            session.vault.conn,
            query,
            kana.search_key(query),
            offset=offset,
            limit=limit,
            scope=scope,
        )
    return PeoplePage(total, _with_visible_employees(session, rows) if handles else rows)


def _with_visible_employees(session: Session, rows: list[PersonRecord]) -> list[PersonRecord]:
    """A dependent's row names their employee only when that employee is in the member's
    scope too (a member handling dependents alone does not learn the employees' names)."""
    scopes = session.user.scopes
    return [
        dataclasses.replace(row, employee_name=None)
        if row.employee_name is not None
        and not person_in_scope(scopes, PersonKind.EMPLOYEE.value, row.department)
        else row
        for row in rows
    ]


@dataclass(frozen=True)
class PersonProfile:
    """What the person page shows: every field, the family, the purposes of the number."""

    details: PersonDetails
    employee: PersonRecord | None  # a dependent's employee
    dependents: list[PersonRecord]
    has_number: bool
    verification_pending: bool
    purposes: list[str]  # codes the number was collected for
    corrections: int
    may_edit: bool
    # With no number on file: the last deletion record of one (id, when), else None.
    deletion_record: int | None = None
    deleted_at: str | None = None


def readable(session: Session, person_id: int) -> PersonRecord:
    """The person, for those who handle numbers (in scope) or read records (the auditor)."""
    if not may(session.user.roles, Permission.HANDLE_NUMBERS) and may(
        session.user.roles, Permission.READ_AUDIT
    ):
        with storage_errors():
            person = people_repo.get(session.vault.conn, person_id)
        if person is None:
            raise errors.NotFound("対象者が見つかりません。")
        return person
    return numbers.person_for(session, person_id)


def profile(session: Session, person_id: int) -> PersonProfile:
    person = readable(session, person_id)
    conn = session.vault.conn
    with storage_errors():
        found = people_repo.details(conn, person_id)
        assert found is not None
        employee = (
            people_repo.get(conn, person.employee_id) if person.employee_id is not None else None
        )
        dependents = (
            people_repo.dependents_of(conn, person_id)
            if person.kind == PersonKind.EMPLOYEE.value
            else []
        )
        purposes = sorted(number_repo.purposes(conn, person_id)) if person.has_number else []
        corrections = corrections_repo.count_for(conn, person_id)
    return PersonProfile(
        details=found,
        employee=_family_member(session, employee) if employee else None,
        dependents=[shown for d in dependents if (shown := _family_member(session, d)) is not None],
        has_number=person.has_number,
        verification_pending=person.verification_pending,
        purposes=purposes,
        corrections=corrections,
        may_edit=may(session.user.roles, Permission.HANDLE_NUMBERS),
        deletion_record=person.deletion_record,
        deleted_at=person.deleted_at,
    )


def _family_member(session: Session, person: PersonRecord) -> PersonRecord | None:
    """A relative on someone's page, under the same scope rule as the list: outside the
    member's groups only id and kind are shown (or nobody, by the setting)."""
    roles = session.user.roles
    if not may(roles, Permission.HANDLE_NUMBERS) or person_in_scope(
        session.user.scopes, person.kind, person.department
    ):
        return person
    if not session.settings.get(SettingKey.OUT_OF_SCOPE_LISTED, True):
        return None
    return PersonRecord(
        id=person.id,
        kind=person.kind,
        name=MASKED_NAME,
        kana="",
        birth_date=None,
        retired_at=None,
        code=None,
        department=None,
        employee_id=None,
        relation=None,
        has_number=False,
        verification_pending=False,
        in_scope=False,
    )


def departments(session: Session) -> list[str]:
    """Departments with employees, for the choice in the person dialog: all of them for a
    member whose groups hold every employee, else only the member's own departments."""
    audit.require(session, Permission.HANDLE_NUMBERS)
    with storage_errors():
        names = people_repo.departments(session.vault.conn)
    scopes = session.user.scopes
    return [n for n in names if person_in_scope(scopes, PersonKind.EMPLOYEE.value, n)]
