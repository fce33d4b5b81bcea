"""Permission matrix of the people services: each role × each action, enforced in the service
(not by the screen), and every refusal written to the access log."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app import errors
from app.domain.import_layout import FIELDS
from app.services import (
    auth,
    corrections,
    importing,
    notices,
    numbers,
    people,
    refusals,
    staff,
)
from app.session import Session
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    MANAGER_LOGIN,
    MANAGER_PASSWORD,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
)

NUMBER = "123456789018"
SCOPES = [
    "purpose:tax_withholding",
    "purpose:payment_records",
    "kind:employee",
    "kind:dependent",
    "kind:payee",
]
MEMBERS = {
    "clerk": ("tanto", CLERK_PASSWORD),
    "supervisor": ("sekinin", SUPERVISOR_PASSWORD),
    "manager": (MANAGER_LOGIN, MANAGER_PASSWORD),
    "auditor": ("kansa", AUDITOR_PASSWORD),
}
# What only reads records; everything else handles numbers or changes people.
READS = {"search", "profile", "history"}


def _actions(ids: dict[str, int], source: Path) -> dict[str, Callable[[Session, int], object]]:
    """Each action takes the session and a counter (for unique codes and numbers)."""
    employee = ids["employee"]
    with_number = ids["with_number"]
    return {
        "search": lambda s, _n: people.search(s, "ヤマダ"),
        "profile": lambda s, _n: people.profile(s, employee),
        "history": lambda s, _n: corrections.history(s, employee),
        "register_employee": lambda s, n: people.register_employee(
            s, code=f"N{n:03d}", name="新人 太郎", kana_text="シンジン タロウ"
        ),
        "register_dependent": lambda s, _n: people.register_dependent(
            s, employee_id=employee, name="扶養 花子", kana_text="フヨウ ハナコ", relation="子"
        ),
        "register_payee": lambda s, _n: people.register_payee(
            s, name="講師 一郎", kana_text="コウシ イチロウ", payment_kind="fees", continuing=False
        ),
        "register_number": lambda s, n: numbers.register_number(
            s,
            people.register_employee(
                s, code=f"M{n:03d}", name="番号 太郎", kana_text="バンゴウ"
            ).id,
            _number(n),
            _number(n),
            ["tax_withholding"],
        ),
        "reveal": lambda s, _n: numbers.reveal(s, with_number, "tax_withholding"),
        "copy": lambda s, _n: numbers.copy(s, with_number, "tax_withholding"),
        "edit": lambda s, n: corrections.edit_person(
            s, employee, {"hire_date": date(2000, 4, n % 28 + 1)}, "入社日の訂正"
        ),
        "retire": lambda s, n: corrections.retire(
            s, ids["dependent"], date(2026, 3, n % 28 + 1), "就職により扶養を外れた"
        ),
        "correct_number": lambda s, n: corrections.correct_number(
            s, with_number, _number(500 + n), _number(500 + n), "入力誤りの訂正"
        ),
        "record_request": lambda s, _n: refusals.record_request(
            s, employee, requested_on=date(2026, 11, 1), method="書面", answer="refused"
        ),
        "purpose_notice": lambda s, _n: notices.purpose_notice_pdf(s, with_number),
        "refusal_record": lambda s, _n: refusals.refusal_record_pdf(s, employee),
        "import_check": lambda s, _n: importing.dry_run(s, source),
    }


def _number(n: int) -> str:
    from app.domain.my_number import check_digit

    base = f"{31415926000 + n:011d}"
    return base + str(check_digit(base))


@pytest.fixture
def staffed(office: Office, tmp_path: Path) -> tuple[dict[str, int], Path]:
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
    employee = people.register_employee(
        session, code="E001", name="山田 太郎", kana_text="ヤマダ タロウ"
    )
    with_number = people.register_employee(
        session, code="E002", name="山田 次郎", kana_text="ヤマダ ジロウ"
    )
    numbers.register_number(session, with_number.id, NUMBER, NUMBER, ["tax_withholding"])
    dependent = people.register_dependent(
        session,
        employee_id=employee.id,
        name="山田 三郎",
        kana_text="ヤマダ サブロウ",
        relation="子",
    )
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, SCOPES)
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD, SCOPES)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    source = tmp_path / "people.csv"
    source.write_text(",".join(FIELDS.values()) + "\n従業員,X001,取込 太郎,トリコミ タロウ\n")
    ids = {"employee": employee.id, "with_number": with_number.id, "dependent": dependent.id}
    return ids, source


@pytest.mark.parametrize("role", list(MEMBERS))
def test_each_role_may_do_exactly_its_part_and_refusals_are_logged(
    office: Office, staffed, role: str
) -> None:
    ids, source = staffed
    login, password = MEMBERS[role]
    if role == "manager":
        office.manager.close()
    outcome: dict[str, str] = {}
    for n, (name, action) in enumerate(_actions(ids, source).items(), start=1):
        session = auth.sign_in(office.data, login, password, office.clock)
        try:
            action(session, n)
            outcome[name] = "allowed"
        except errors.PermissionDenied:
            outcome[name] = "denied"
        finally:
            session.close()
    expected = {
        name: "allowed" if role != "auditor" or name in READS else "denied" for name in outcome
    }
    assert outcome == expected
    check = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    denied = check.vault.conn.execute(
        "SELECT detail FROM audit_log WHERE action = 'access.denied' AND actor_name = ?", (login,)
    ).fetchall()
    check.close()
    assert len(denied) == list(outcome.values()).count("denied")
    if role == "auditor":
        reasons = {
            json.loads(d[0]).get("permission") or json.loads(d[0]).get("reason") for d in denied
        }
        assert reasons <= {"handle_numbers", "no_number_key"}
