"""The people search in the member's scope: masked or left out (setting), totals and paging
right in SQL, no match on hidden fields; and the bulk demo office it runs on at scale."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import kana, my_number
from app.domain.access import person_in_scope
from app.services import audit, auth, demo, numbers, people, staff
from app.services import settings as settings_service
from app.session import Session
from storage import migrate, number_cipher, people_repo
from storage.connection import open_database
from storage.vault import VaultPaths
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    MANAGER_LOGIN,
    Office,
    add_member,
)

EVERY_GROUP = ["kind:employee", "kind:dependent", "kind:payee"]
MASKED_NAME = "（担当範囲外）"


@pytest.fixture
def manager(office: Office) -> Session:
    office.manager.user = staff.set_scopes(office.manager, MANAGER_LOGIN, EVERY_GROUP)
    return office.manager


@pytest.fixture
def ids(manager: Session) -> dict[str, int]:
    """Two departments with an employee and a dependent each, an employee without a
    department, and a payee. 総務部 has the only ヤマダ in it; 介護課 hides another ヤマダ."""
    found: dict[str, int] = {}

    def employee(key: str, code: str, name: str, kana: str, department: str | None) -> int:
        person = people.register_employee(
            manager,
            code=code,
            name=name,
            kana_text=kana,
            birth_date=date(1980, 4, 1),
            department=department,
        )
        found[key] = person.id
        return person.id

    def dependent(key: str, employee_id: int, name: str, kana: str) -> None:
        person = people.register_dependent(
            manager, employee_id=employee_id, name=name, kana_text=kana, relation="子"
        )
        found[key] = person.id

    soumu = employee("soumu", "E001", "山田 太郎", "ヤマダ タロウ", "総務部")
    dependent("soumu_child", soumu, "山田 一郎", "やまだ いちろう")
    kaigo = employee("kaigo", "E002", "山田 花子", "ヤマダ ハナコ", "介護課")
    dependent("kaigo_child", kaigo, "佐藤 翔", "サトウ ショウ")
    employee("nodept", "E003", "鈴木 結衣", "スズキ ユイ", None)
    found["payee"] = people.register_payee(
        manager, name="高橋 浩", kana_text="タカハシ ヒロシ", payment_kind="fees", continuing=True
    ).id
    return found


def _scoped(session: Session, *groups: str) -> Session:
    session.user = staff.set_scopes(session, MANAGER_LOGIN, ["purpose:tax_withholding", *groups])
    return session


def _all_pages(session: Session, text: str = "", *, limit: int) -> tuple[list[int], list]:
    """Every page of a search, with the total each page reported."""
    totals, rows, offset = [], [], 0
    while True:
        page = people.search(session, text, offset=offset, limit=limit)
        totals.append(page.total)
        rows.extend(page.rows)
        offset += limit
        if offset >= page.total:
            return totals, rows


def test_everyone_in_scope_sees_everyone_in_kana_order(manager: Session, ids) -> None:
    page = people.search(manager, "")
    assert page.total == 6
    keys = [kana.search_key(p.kana) for p in page.rows]
    assert keys == sorted(keys)  # フリガナ order, whatever script it was typed in
    assert all(p.in_scope for p in page.rows)
    assert {p.id for p in page.rows} == set(ids.values())


def test_outside_the_scope_rows_are_listed_masked_after_the_members_own(
    manager: Session, ids
) -> None:
    clerk = _scoped(manager, "dept:総務部")
    page = people.search(clerk, "")
    assert page.total == 6
    own = [p for p in page.rows if p.in_scope]
    assert [p.id for p in own] == [
        ids["soumu_child"],
        ids["soumu"],
    ]  # ヤマダイチロウ < ヤマダタロウ
    assert page.rows[: len(own)] == own  # the member's own first, in フリガナ order
    hidden = page.rows[len(own) :]
    assert [p.id for p in hidden] == sorted(
        ids[k] for k in ("kaigo", "kaigo_child", "nodept", "payee")
    )
    for person in hidden:
        assert person.name == MASKED_NAME and person.kana == ""
        assert (person.code, person.birth_date, person.department) == (None, None, None)
        assert (person.relation, person.employee_id, person.retired_at) == (None, None, None)
        assert not person.has_number and not person.verification_pending
    assert {p.kind for p in hidden} == {"employee", "dependent", "payee"}
    # Nothing of theirs left the database: not even the other ヤマダ's name.
    assert not any("花子" in repr(p) or "ハナコ" in repr(p) for p in page.rows)


def test_masking_follows_the_scope_rule_of_the_reveal_path(manager: Session, ids) -> None:
    for groups in (["dept:総務部"], ["dept:介護課", "kind:payee"], ["kind:dependent"], []):
        session = _scoped(manager, *groups)
        for person in people.search(session, "").rows:
            truth = people_repo.get(session.vault.conn, person.id)
            assert truth is not None
            expected = person_in_scope(session.user.scopes, truth.kind, truth.department)
            assert person.in_scope is expected, (groups, truth.name)


def test_dependents_count_under_their_employees_department(manager: Session, ids) -> None:
    clerk = _scoped(manager, "dept:介護課")
    own = {p.id for p in people.search(clerk, "").rows if p.in_scope}
    assert own == {ids["kaigo"], ids["kaigo_child"]}
    # The department text finds the dependent too, with the employee's department shown.
    found = people.search(clerk, "介護").rows
    assert {p.id for p in found} == own
    assert {p.department for p in found} == {"介護課"}


def test_a_search_never_matches_hidden_fields(manager: Session, ids) -> None:
    clerk = _scoped(manager, "dept:総務部")
    # Two ヤマダ exist; the one in 介護課 is outside the scope and must not be found, counted
    # or listed masked, by name, kana (any script), code or department.
    page = people.search(clerk, "やまだ")
    assert (page.total, {p.id for p in page.rows}) == (2, {ids["soumu"], ids["soumu_child"]})
    for text in ("花子", "ﾊﾅｺ", "E002", "介護", "高橋", "E003"):
        assert people.search(clerk, text) == people.PeoplePage(0, []), text
    assert people.search(clerk, "総務").total == 2


def test_not_listed_leaves_them_out_in_sql(manager: Session, ids) -> None:
    settings_service.change(manager, "out_of_scope_listed", "false")
    clerk = _scoped(manager, "dept:総務部", "kind:payee")
    page = people.search(clerk, "")
    assert page.total == 3 and all(p.in_scope for p in page.rows)
    assert {p.id for p in page.rows} == {ids["soumu"], ids["soumu_child"], ids["payee"]}
    assert people.search(clerk, "やまだ").total == 2
    assert people.search(clerk, "", offset=3).rows == []
    assert people.search(clerk, "", offset=3).total == 3


@pytest.mark.parametrize("listed", ["true", "false"])
@pytest.mark.parametrize("limit", [1, 2, 4])
def test_pages_add_up_to_the_whole_list(manager: Session, ids, listed: str, limit: int) -> None:
    settings_service.change(manager, "out_of_scope_listed", listed)
    clerk = _scoped(manager, "dept:総務部", "kind:payee")
    whole = people.search(clerk, "", limit=100)
    totals, rows = _all_pages(clerk, limit=limit)
    assert set(totals) == {whole.total} and rows == whole.rows
    assert len({p.id for p in rows}) == whole.total == (6 if listed == "true" else 3)
    totals, rows = _all_pages(clerk, "ヤマダ", limit=limit)
    assert set(totals) == {2} and [p.id for p in rows] == [ids["soumu_child"], ids["soumu"]]


def test_an_empty_scope_lists_everyone_masked_or_no_one(manager: Session, ids) -> None:
    clerk = _scoped(manager)
    page = people.search(clerk, "")
    assert page.total == 6 and not any(p.in_scope for p in page.rows)
    assert people.search(clerk, "ヤマダ").total == 0
    settings_service.change(clerk, "out_of_scope_listed", "false")
    assert people.search(clerk, "") == people.PeoplePage(0, [])


def test_a_clerk_and_the_auditor_signed_in(office: Office, manager: Session, ids) -> None:
    add_member(
        office, "tanaka", ["clerk"], CLERK_PASSWORD, ["purpose:tax_withholding", "kind:payee"]
    )
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    try:
        page = people.search(clerk, "")
        assert [p.id for p in page.rows if p.in_scope] == [ids["payee"]]
        assert page.total == 6 and page.rows[0].id == ids["payee"]
    finally:
        clerk.close()
    # The auditor reads records in full (never a number: no number key in their slot).
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    try:
        page = people.search(auditor, "やまだ")
        assert page.total == 3 and all(p.in_scope for p in page.rows)
        assert not auditor.vault.has_number_key
    finally:
        auditor.close()


def test_the_bulk_demo_seals_every_number_and_logs_every_registration(
    data: VaultPaths, clock
) -> None:
    result, _accounts = demo.create_demo(data, clock, people_count=300, bulk=True)
    manager = result.session
    try:
        conn = manager.vault.conn
        assert conn.execute("SELECT count(*) FROM employee").fetchone()[0] == 300
        assert conn.execute("SELECT count(*) FROM payee").fetchone()[0] == 30
        people_total = conn.execute("SELECT count(*) FROM person").fetchone()[0]
        assert people_total > 330  # dependents too
        sealed = conn.execute("SELECT person_id, sealed FROM my_number").fetchall()
        assert len(sealed) == people_total
        key = manager.vault.number_key()
        digits = {
            pid: number_cipher.open_number(key, bytes(blob), f"person:{pid}")
            for pid, blob in sealed
        }
        assert all(my_number.problem(d) is None for d in digits.values())
        assert len(set(digits.values())) == len(digits)
        assert len({bytes(b) for _pid, b in sealed}) == len(sealed)
        actions = dict(
            conn.execute("SELECT action, count(*) FROM audit_log GROUP BY action").fetchall()
        )
        assert actions["person.registered"] == actions["number.registered"] == people_total
        assert audit.verify_chain(manager).entries == sum(actions.values())
        # The search sees the whole office, and a number reveals through the one path.
        assert people.search(manager, "").total == people_total
        first = people.search(manager, "E0001").rows[0]
        shown = numbers.reveal(manager, first.id, "tax_withholding")
        assert shown.number.digits() == digits[first.id]
    finally:
        manager.close()


def test_bulk_and_service_paths_write_the_same_office(tmp_path, clock) -> None:
    def office_of(folder: str, *, bulk: bool) -> list[tuple]:
        result, _ = demo.create_demo(
            VaultPaths(tmp_path / folder), clock, people_count=6, bulk=bulk
        )
        try:
            page = people.search(result.session, "")
            return [(p.kind, p.name, p.kana, p.code, p.department, p.relation) for p in page.rows]
        finally:
            result.session.close()

    assert office_of("bulk", bulk=True) == office_of("services", bulk=False)


def test_the_whole_list_total_is_kept_through_upgrade_inserts_and_deletes(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unfiltered total is read from person_count (migration 0005), not counted."""
    conn = open_database(tmp_path / "v.db", bytes(range(32)), create=True)
    released = migrate.migrations()
    before_search = [(n, sql) for n, sql in released if n < 5]
    monkeypatch.setattr(migrate, "migrations", lambda: before_search)
    migrate.migrate(conn)

    def payee(name: str) -> int:
        person_id = people_repo.insert_person(
            conn,
            kind="payee",
            name=name,
            kana="サトウ",
            kana_key="サトウ",
            birth_date=None,
            now="t",
        )
        people_repo.insert_payee(
            conn,
            person_id,
            payment_kind="fees",
            continuing=False,
            contract_from=None,
            contract_to=None,
            corporate_number=None,
        )
        return person_id

    first = payee("佐藤 一")
    payee("佐藤 二")
    monkeypatch.setattr(migrate, "migrations", lambda: released)
    migrate.migrate(conn)
    assert people_repo.search(conn, "", "", offset=0, limit=10)[0] == 2
    payee("佐藤 三")
    conn.execute("DELETE FROM payee WHERE person_id = ?", (first,))
    conn.execute("DELETE FROM person WHERE id = ?", (first,))
    total, rows = people_repo.search(conn, "", "", offset=0, limit=10)
    assert total == 2 == len(rows) == conn.execute("SELECT count(*) FROM person").fetchone()[0]
    assert people_repo.search(conn, "", "", offset=5, limit=10) == (2, [])
    conn.close()
