"""The demo office: four accounts, one per role, and a few hundred synthetic people.

Numbers are generated from a fixed seed and pass the check digit; they are synthetic, but since
any valid number could belong to someone, the demo folder is marked as demo everywhere.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from app.clock import Clock
from app.domain import my_number
from app.domain.access import Role
from app.services import numbers, people, staff
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
    data: vault.VaultPaths, clock: Clock, *, people_count: int = 200
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
    )
    session = result.session
    session.user = staff.set_scopes(session, manager.login, ALL_SCOPES)
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
    populate(session, people_count)
    return result, DEMO_ACCOUNTS


def synthetic_number(rng: random.Random) -> str:
    base = "".join(str(rng.randrange(10)) for _ in range(11))
    return base + str(my_number.check_digit(base))


def populate(session: Session, employees: int, *, seed: int = 2026) -> None:
    """Employees with dependents and a few payees, each with a number (registered through the
    same services a clerk uses, so every step is in the access log)."""
    rng = random.Random(seed)
    used: set[str] = set()

    def number() -> str:
        while True:
            candidate = synthetic_number(rng)
            if candidate not in used:
                used.add(candidate)
                return candidate

    def name() -> tuple[str, str]:
        (surname, surname_kana), (given, given_kana) = rng.choice(_SURNAMES), rng.choice(_GIVEN)
        return f"{surname} {given}", f"{surname_kana} {given_kana}"

    for index in range(1, employees + 1):
        full, kana_text = name()
        employee = people.register_employee(
            session,
            code=f"E{index:04d}",
            name=full,
            kana_text=kana_text,
            birth_date=date(1960, 1, 1) + timedelta(days=rng.randrange(16000)),
            department=rng.choice(_DEPARTMENTS),
            hire_date=date(2000, 4, 1) + timedelta(days=rng.randrange(9000)),
        )
        value = number()
        numbers.register_number(
            session,
            employee.id,
            value,
            value,
            ["tax_withholding", "employment_insurance", "health_pension"],
        )
        for relation in rng.sample(["配偶者", "子", "子", "父", "母"], rng.randrange(3)):
            dependent_name, dependent_kana = name()
            spouse = relation == "配偶者"
            dependent = people.register_dependent(
                session,
                employee_id=employee.id,
                name=dependent_name,
                kana_text=dependent_kana,
                relation=relation,
                pension_category3=spouse,
            )
            purposes = ["tax_withholding", "health_pension"]
            if spouse:
                purposes.append("national_pension_3")
            value = number()
            numbers.register_number(session, dependent.id, value, value, purposes)
    for _ in range(max(employees // 10, 1)):
        full, kana_text = name()
        payee = people.register_payee(
            session,
            name=full,
            kana_text=kana_text,
            payment_kind=rng.choice(["fees", "fees", "rent"]),
            continuing=rng.random() < 0.5,
        )
        value = number()
        numbers.register_number(session, payee.id, value, value, ["payment_records"])
