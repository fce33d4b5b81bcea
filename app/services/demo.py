"""The demo office: four accounts, one per role, and a few hundred synthetic people.

Numbers are generated from a fixed seed and pass the check digit; they are synthetic, but since
any valid number could belong to someone, the demo folder is marked as demo everywhere.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.clock import Clock
from app.domain import my_number
from app.domain.access import Permission, Role, person_in_scope, purpose_in_scope
from app.domain.import_layout import ImportRow
from app.domain.my_number import MyNumber
from app.domain.purposes import PersonKind
from app.services import (
    audit,
    corrections,
    demo_paperwork,
    importing,
    numbers,
    office_contact,
    people,
    staff,
)
from app.services.guard import storage_errors
from app.services.setup import SetupResult, initialize
from app.session import Session
from storage import staff_repo, vault


@dataclass(frozen=True)
class DemoAccount:
    login: str
    display_name: str
    password: str
    roles: tuple[Role, ...]


DEMO_OFFICE = "デモ事業所（サンプルデータ）"
# A made-up 法人番号 with a correct check digit (base 999900000001), so the demo's statutory
# forms print complete.
DEMO_CORPORATE_NUMBER = "8999900000001"
DEMO_ACCOUNTS = (
    DemoAccount("kanri", "管理 花子", "Sakura-Demo-2026", (Role.MANAGER,)),
    DemoAccount("sekinin", "責任 次郎", "Momiji-Demo-2026", (Role.SUPERVISOR,)),
    DemoAccount("tanto", "担当 一郎", "Tsubaki-Demo-2026", (Role.CLERK,)),
    DemoAccount("kansa", "監査 三郎", "Kaede-Demo-2026", (Role.AUDITOR,)),
)
ALL_SCOPES = [
    "purpose:tax_withholding",
    "purpose:payment_records",
    "purpose:employment_insurance",
    "purpose:health_pension",
    "purpose:national_pension_3",
    "kind:employee",
    "kind:dependent",
    "kind:payee",
]
_SURNAMES = [
    ("佐藤", "サトウ"),
    ("鈴木", "スズキ"),
    ("高橋", "タカハシ"),
    ("田中", "タナカ"),
    ("伊藤", "イトウ"),
    ("渡辺", "ワタナベ"),
    ("山本", "ヤマモト"),
    ("中村", "ナカムラ"),
    ("小林", "コバヤシ"),
    ("加藤", "カトウ"),
    ("吉田", "ヨシダ"),
    ("山田", "ヤマダ"),
    ("佐々木", "ササキ"),
    ("松本", "マツモト"),
    ("井上", "イノウエ"),
    ("木村", "キムラ"),
]
_GIVEN = [
    ("太郎", "タロウ"),
    ("花子", "ハナコ"),
    ("一郎", "イチロウ"),
    ("美咲", "ミサキ"),
    ("健太", "ケンタ"),
    ("陽子", "ヨウコ"),
    ("翔", "ショウ"),
    ("結衣", "ユイ"),
    ("大輔", "ダイスケ"),
    ("真由美", "マユミ"),
    ("浩", "ヒロシ"),
    ("さくら", "サクラ"),
]
_DEPARTMENTS = ["総務部", "経理部", "介護課", "看護課", "栄養課", "相談支援室"]


def create_demo(
    data: vault.VaultPaths,
    clock: Clock,
    *,
    people_count: int = 200,
    bulk: bool | None = None,
) -> tuple[SetupResult, tuple[DemoAccount, ...]]:
    """A demo office whose machine secret sits in a 0600 file (it says so at every start)."""
    manager, *others = DEMO_ACCOUNTS
    result = initialize(
        data,
        office_name=DEMO_OFFICE,
        admin_login=manager.login,
        admin_display_name=manager.display_name,
        admin_password=manager.password,
        clock=clock,
        insecure_file_secret=True,
        management_area="事務室（施錠できる書庫のある区画）",
        handling_area="総務担当の執務席（のぞき見防止フィルター付きPC）",
        # The demo office has its own clerk (tanto); the manager keeps to managing.
        manager_does_clerical_work=False,
    )
    session = result.session
    session.user = staff.set_scopes(session, manager.login, ALL_SCOPES)
    office_contact.change_contact(
        session,
        request_desk="総務部 個人情報相談窓口",
        address="〒100-0000 東京都千代田区サンプル町1-2-3（架空の住所）",
        phone="03-0000-0000",
        sender_title="特定個人情報管理責任者　総務部長",
        sender_name=manager.display_name,
        corporate_number=DEMO_CORPORATE_NUMBER,
    )
    for account in others:
        staff.create_staff(
            session,
            login=account.login,
            display_name=account.display_name,
            roles=[r.value for r in account.roles],
            scopes=ALL_SCOPES if Role.AUDITOR not in account.roles else [],
            initial_password=account.password,
        )
        with storage_errors(), session.vault.write() as writer:
            target = staff_repo.by_login(writer.conn, account.login)
            assert target is not None
            staff_repo.clear_must_change(
                writer.conn, target.id, clock.now().isoformat(timespec="seconds")
            )
    populate(session, people_count, bulk=bulk)
    end_some(session)
    demo_paperwork.add_paperwork(session)
    return result, DEMO_ACCOUNTS


# Leavers and an ended contract, so the due list and the timeline have something to show:
# (years ago, month, day) of leaving for every 40th employee from the first, and the end of
# every 5th payee's contract.
_LEAVING_AGO = ((10, 3, 31), (9, 12, 31), (7, 9, 30), (1, 3, 31), (0, 1, 31))
_CONTRACT_ENDED_AGO = 3


def end_some(session: Session) -> None:
    """Record a few leavers (long ago, so their numbers are due; recently, so they come due
    later) and ended contracts, through the same service a clerk uses."""
    today = session.clock.now().date()
    found = people.search(session, limit=10_000).rows
    staff = [p for p in found if p.kind == PersonKind.EMPLOYEE.value]
    # Every 40th first, so leavers are spread over the list; the rest if those run out.
    employees = iter(staff[::40] + [p for i, p in enumerate(staff) if i % 40])
    for ago, month, day in _LEAVING_AGO:
        left = min(date(today.year - ago, month, day), today)
        hired = date(left.year - 5, 4, 1)
        # A leaver is someone who was an adult when hired five years before leaving.
        adult_by = date(hired.year - 19, 4, 1).isoformat()
        chosen = next(
            (
                details
                for details in (people.profile(session, p.id).details for p in employees)
                if details.birth_date is None or details.birth_date <= adult_by
            ),
            None,
        )
        if chosen is None:
            break
        if chosen.hire_date and chosen.hire_date > left.isoformat():
            corrections.edit_person(session, chosen.id, {"hire_date": hired}, "デモデータ")
        corrections.retire(session, chosen.id, left, "デモデータ（退職）")
    payees = [p for p in found if p.kind == PersonKind.PAYEE.value][::5]
    for person in payees:
        corrections.retire(
            session,
            person.id,
            date(today.year - _CONTRACT_ENDED_AGO, 3, 31),
            "デモデータ（契約終了）",
        )


def synthetic_number(rng: random.Random) -> str:
    base = "".join(str(rng.randrange(10)) for _ in range(11))
    return base + str(my_number.check_digit(base))


# From this many employees the demo writes in bulk; below it, through the clerk's services.
BULK_FROM = 1000
# Employees (with their dependents) or payees per transaction: a few bounded transactions.
_BULK_BATCH = 20_000
_EMPLOYEE_PURPOSES = ("tax_withholding", "employment_insurance", "health_pension")
_DEPENDENT_PURPOSES = ("tax_withholding", "health_pension")
_SPOUSE_PURPOSE = "national_pension_3"  # a spouse's 国民年金第3号 notification
_PAYEE_PURPOSES = ("payment_records",)


@dataclass(frozen=True)
class DemoDependent:
    name: str
    kana: str
    relation: str
    number: str = field(repr=False)
    purposes: tuple[str, ...]


@dataclass(frozen=True)
class DemoEmployee:
    code: str
    name: str
    kana: str
    birth_date: date
    department: str
    hire_date: date
    number: str = field(repr=False)
    dependents: tuple[DemoDependent, ...]


@dataclass(frozen=True)
class DemoPayee:
    name: str
    kana: str
    payment_kind: str
    continuing: bool
    number: str = field(repr=False)


def synthetic_office(employees: int, *, seed: int = 2026) -> Iterator[DemoEmployee | DemoPayee]:
    """The demo people, generated lazily from the seed: employees (each with 0–2 dependents),
    then one payee per ten employees; every number passes the check digit and is unique."""
    rng = random.Random(seed)
    used: set[str] = set()

    def number() -> str:
        while True:
            candidate = synthetic_number(rng)
            if candidate not in used:
                used.add(candidate)
                return candidate

    def name(family: tuple[str, str] | None = None) -> tuple[str, str]:
        (surname, surname_kana), (given, given_kana) = (
            family or rng.choice(_SURNAMES),
            rng.choice(_GIVEN),
        )
        return f"{surname} {given}", f"{surname_kana} {given_kana}"

    for index in range(1, employees + 1):
        family = rng.choice(_SURNAMES)
        full, kana_text = name(family)
        birth = date(1962, 1, 1) + timedelta(days=rng.randrange(15000))
        department = rng.choice(_DEPARTMENTS)
        # Hired on an April 1st after school (18 to 23 years old), or later in the year as a mid-career
        # hire, never before 2000 nor after 2025: nobody joins at four.
        first_year = max(birth.year + rng.randrange(19, 24), 2000)
        latest = date(2025, 12, 1)
        hire = date(min(first_year, 2025), 4, 1)
        if hire < latest:
            hire += timedelta(days=rng.randrange((latest - hire).days))
        value = number()
        dependents = []
        for relation in rng.sample(["配偶者", "子", "子", "父", "母"], rng.randrange(3)):
            # A family shares the surname (a spouse who kept theirs is the exception).
            dependent_name, dependent_kana = name(family)
            purposes: tuple[str, ...] = _DEPENDENT_PURPOSES
            if relation == "配偶者":
                purposes += (_SPOUSE_PURPOSE,)
            dependents.append(
                DemoDependent(dependent_name, dependent_kana, relation, number(), purposes)
            )
        yield DemoEmployee(
            f"E{index:04d}", full, kana_text, birth, department, hire, value, tuple(dependents)
        )
    for _ in range(max(employees // 10, 1)):
        full, kana_text = name()
        kind = rng.choice(["fees", "fees", "rent"])
        yield DemoPayee(full, kana_text, kind, rng.random() < 0.5, number())


def populate(
    session: Session, employees: int, *, seed: int = 2026, bulk: bool | None = None
) -> None:
    """Employees with dependents and a few payees, each with a number. A small office goes
    through the same services a clerk uses, so every step is in the access log; a large one
    (`bulk`, by default from BULK_FROM employees) is written in a few transactions through
    the same write functions, which still seal every number and log every registration."""
    office = synthetic_office(employees, seed=seed)
    if bulk is None:
        bulk = employees >= BULK_FROM
    if bulk:
        _populate_in_bulk(session, office)
    else:
        _populate_by_services(session, office)


def _populate_by_services(session: Session, office: Iterator[DemoEmployee | DemoPayee]) -> None:
    for entry in office:
        if isinstance(entry, DemoPayee):
            payee = people.register_payee(
                session,
                name=entry.name,
                kana_text=entry.kana,
                payment_kind=entry.payment_kind,
                continuing=entry.continuing,
            )
            numbers.register_number(
                session, payee.id, entry.number, entry.number, list(_PAYEE_PURPOSES)
            )
            continue
        employee = people.register_employee(
            session,
            code=entry.code,
            name=entry.name,
            kana_text=entry.kana,
            birth_date=entry.birth_date,
            department=entry.department,
            hire_date=entry.hire_date,
        )
        numbers.register_number(
            session, employee.id, entry.number, entry.number, list(_EMPLOYEE_PURPOSES)
        )
        for relative in entry.dependents:
            dependent = people.register_dependent(
                session,
                employee_id=employee.id,
                name=relative.name,
                kana_text=relative.kana,
                relation=relative.relation,
                pension_category3=relative.relation == "配偶者",
            )
            numbers.register_number(
                session, dependent.id, relative.number, relative.number, list(relative.purposes)
            )


def _populate_in_bulk(session: Session, office: Iterator[DemoEmployee | DemoPayee]) -> None:
    """The import's write path (people.insert_person, people_repo.insert_*, numbers.store_number:
    every number sealed, every registration logged) without a service call, a scope check and
    a transaction per person: every group and purpose is checked once here, and the generated
    data is valid by construction."""
    audit.require(session, Permission.HANDLE_NUMBERS)
    scopes = session.user.scopes
    for kind in PersonKind:
        if not person_in_scope(scopes, kind.value, None):
            audit.deny(session, "担当範囲外の対象者", detail={"reason": "group_scope"})
    for code in sorted(
        {*_EMPLOYEE_PURPOSES, *_DEPENDENT_PURPOSES, _SPOUSE_PURPOSE, *_PAYEE_PURPOSES}
    ):
        if not purpose_in_scope(scopes, code):
            audit.deny(session, "担当外の事務", detail={"reason": "purpose_scope", "purpose": code})
    session.vault.number_key()  # fails before writing anything when the key is missing
    batch: list[DemoEmployee | DemoPayee] = []
    for entry in office:
        batch.append(entry)
        if len(batch) >= _BULK_BATCH:
            _write_batch(session, batch)
            batch = []
    if batch:
        _write_batch(session, batch)


def _write_batch(session: Session, batch: list[DemoEmployee | DemoPayee]) -> None:
    rows = [row for entry in batch for row in _import_rows(entry)]
    with storage_errors(), session.vault.write() as writer:
        importing.write_rows(writer, session, rows, source="demo")


def _import_rows(entry: DemoEmployee | DemoPayee) -> list[ImportRow]:
    """The generated person as the rows an import writes (valid by construction)."""
    if isinstance(entry, DemoPayee):
        payee = ImportRow(0, PersonKind.PAYEE, name=entry.name, kana=entry.kana)
        payee.payment_kind, payee.continuing = entry.payment_kind, entry.continuing
        payee.number, payee.purposes = MyNumber(entry.number), list(_PAYEE_PURPOSES)
        return [payee]
    employee = ImportRow(
        0,
        PersonKind.EMPLOYEE,
        code=entry.code,
        name=entry.name,
        kana=entry.kana,
        birth_date=entry.birth_date,
        department=entry.department,
        hire_date=entry.hire_date,
    )
    employee.number, employee.purposes = MyNumber(entry.number), list(_EMPLOYEE_PURPOSES)
    rows = [employee]
    for relative in entry.dependents:
        dependent = ImportRow(0, PersonKind.DEPENDENT, name=relative.name, kana=relative.kana)
        dependent.relation, dependent.employee_code = relative.relation, entry.code
        dependent.pension3 = relative.relation == "配偶者"
        dependent.number = MyNumber(relative.number)
        dependent.purposes = list(relative.purposes)
        rows.append(dependent)
    return rows
