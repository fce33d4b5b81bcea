"""Registering and finding employees, dependents and payees (never by number)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from app import errors
from app.domain import corporate_number, kana, my_number
from app.domain.access import Permission, may, person_in_scope
from app.domain.purposes import PersonKind
from app.services import audit
from app.services.guard import storage_errors
from app.session import Session
from storage import people_repo
from storage.people_repo import PersonRecord
from storage.vault import Writer

PAYMENT_KINDS = {
    "fees": "報酬・料金",
    "rent": "不動産の使用料等",
    "property": "不動産等の譲受けの対価",
    "dividends": "配当",
}
_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]{0,19}$")


@dataclass(frozen=True)
class PeoplePage:
    total: int
    rows: list[PersonRecord]


def _now(session: Session) -> str:
    return session.clock.now().isoformat(timespec="seconds")


def _name(text: str) -> str:
    name = unicodedata.normalize("NFKC", text).strip()
    if not 1 <= len(name) <= 60:
        raise errors.InvalidInput("氏名は1～60文字で入力してください。")
    if any(ch.isdigit() for ch in name):
        raise errors.InvalidInput("氏名に数字は使えません。")
    return name


def _kana(text: str) -> str:
    value = unicodedata.normalize("NFKC", text).strip()
    if not kana.is_kana(value):
        raise errors.InvalidInput("フリガナはカタカナ（またはひらがな）で入力してください。")
    return value


def _date(value: date | None, label: str) -> str | None:
    if value is None:
        return None
    if not date(1900, 1, 1) <= value <= date(2100, 12, 31):
        raise errors.InvalidInput(f"{label}の日付が正しくありません。")
    return value.isoformat()


def _check_scope(session: Session, kind: str, department: str | None, target: str) -> None:
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
    )
    detail = {"kind": kind.value, **({"source": source} if source else {})}
    audit.record(writer, session, "person.registered", target=f"person:{person_id}", detail=detail)
    return person_id


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
    dept = unicodedata.normalize("NFKC", department).strip() if department else None
    _check_scope(session, PersonKind.EMPLOYEE.value, dept, "employee")
    code_value = unicodedata.normalize("NFKC", code).strip()
    if not _CODE.match(code_value):
        raise errors.InvalidInput("従業員コードは半角英数字20文字以内で入力してください。")
    values = (
        _name(name),
        _kana(kana_text),
        _date(birth_date, "生年月日"),
        _date(hire_date, "入社日"),
    )
    with storage_errors(), session.vault.write() as writer:
        if people_repo.employee_code_taken(writer.conn, code_value):
            raise errors.InvalidInput(
                f"従業員コード「{my_number.echo(code_value)}」は既に使われています。"
            )
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
    _check_scope(session, PersonKind.DEPENDENT.value, employee.department, f"person:{employee_id}")
    relation_text = unicodedata.normalize("NFKC", relation).strip()
    if not 1 <= len(relation_text) <= 20:
        raise errors.InvalidInput("続柄を入力してください（例：配偶者、子）。")
    values = (
        _name(name),
        _kana(kana_text),
        _date(birth_date, "生年月日"),
        _date(valid_from, "扶養開始日"),
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
    _check_scope(session, PersonKind.PAYEE.value, None, "payee")
    if payment_kind not in PAYMENT_KINDS:
        raise errors.InvalidInput(
            f"支払の種類は{'、'.join(PAYMENT_KINDS.values())}から選んでください。"
        )
    corporate_digits = None
    if corporate:
        try:
            corporate_digits = corporate_number.parse(corporate).digits
        except corporate_number.InvalidCorporateNumber as exc:
            raise errors.InvalidInput(str(exc)) from None
    start, end = _date(contract_from, "契約開始日"), _date(contract_to, "契約終了日")
    if start and end and end < start:
        raise errors.InvalidInput("契約終了日が契約開始日より前になっています。")
    values = (_name(name), _kana(kana_text))
    with storage_errors(), session.vault.write() as writer:
        person_id = insert_person(writer, session, PersonKind.PAYEE, values[0], values[1], None)
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


def search(session: Session, text: str = "", *, offset: int = 0, limit: int = 200) -> PeoplePage:
    """One search box over 氏名, フリガナ (any kana script), code and department."""
    if not (
        may(session.user.roles, Permission.HANDLE_NUMBERS)
        or may(session.user.roles, Permission.READ_AUDIT)
    ):
        audit.require(session, Permission.HANDLE_NUMBERS)
    query = unicodedata.normalize("NFKC", text).strip()
    with storage_errors():
        total, rows = people_repo.search(
            session.vault.conn, query, kana.search_key(query), offset=offset, limit=limit
        )
    return PeoplePage(total, rows)
