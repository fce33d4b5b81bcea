"""app.services.retention.Retentions: the rules worked out once per distinct set of facts must
give, for every row, exactly what the rules give that row on its own."""

from __future__ import annotations

import itertools

from app.domain.retention import retention
from app.services.retention import Retentions, facts
from storage.deletion_repo import RetentionRow

LEAVER = RetentionRow(
    person_id=1,
    kind="employee",
    name="退職 一郎",
    kana="タイショク イチロウ",
    code="E001",
    department="総務部",
    retired_at="2016-03-31",
    registered_at="2015-01-20T09:00:00+09:00",
    purposes=frozenset({"tax_withholding", "employment_insurance"}),
    hire_date="2010-04-01",
    leave_date="2016-03-31",
    status="left",
    employee_id=None,
    valid_to=None,
    pension_category3=False,
    continuing=False,
    contract_to=None,
)


def _variants() -> list[RetentionRow]:
    """Rows that differ in each fact the rules read, in pairs and alone."""
    changes = [
        # Each fact alone (a dependent carries its employee's leave date, not a retired_at).
        {"leave_date": "2019-12-31"},
        {"retired_at": "2019-12-31"},
        {"status": "active"},
        {"kind": "dependent"},
        {"valid_to": "2012-12-31"},
        {"pension_category3": True},
        {"continuing": True},
        {"contract_to": "2030-03-31"},
        {"leave_date": "2019-12-31", "retired_at": "2019-12-31"},
        {"status": "active", "leave_date": None, "retired_at": None},
        {"status": "leave", "leave_date": None, "retired_at": None},
        {"purposes": frozenset({"health_pension"})},
        {"registered_at": "2023-06-01T10:00:00+09:00"},
        {"hire_date": "2016-01-04"},
        {"kind": "dependent", "valid_to": "2017-12-31", "employee_id": 9},
        {"kind": "dependent", "valid_to": None, "pension_category3": True, "employee_id": 9},
        {"kind": "payee", "status": None, "hire_date": None, "leave_date": None},
        {"kind": "payee", "status": None, "leave_date": None, "retired_at": None},
        {
            "kind": "payee",
            "status": None,
            "continuing": True,
            "contract_to": "2018-03-31",
            "purposes": frozenset({"payment_records"}),
        },
    ]
    rows = [LEAVER]
    for first, second in itertools.combinations([{}, *changes], 2):
        rows.append(LEAVER._replace(**{**first, **second}))
    return rows


def test_every_row_gets_what_the_rules_give_it_alone() -> None:
    decide = Retentions()
    rows = _variants()
    answers = [decide(row) for row in rows]
    assert answers == [retention(facts(row)) for row in rows]
    # Asked again in another order, the same answers.
    assert [decide(row) for row in reversed(rows)] == list(reversed(answers))
    assert len({a.may_delete_from for a in answers}) > 5  # the variants do decide differently


def test_rows_with_the_same_facts_share_one_answer_and_others_do_not() -> None:
    decide = Retentions()
    first = decide(LEAVER)
    # Who the person is and when that day the number was registered are not facts of the rules.
    same = LEAVER._replace(
        person_id=2,
        name="別人",
        kana="ベツジン",
        code="E002",
        department="営業部",
        registered_at="2015-01-20T17:30:00+09:00",
    )
    assert decide(same) is first
    later = LEAVER._replace(
        kind="dependent", employee_id=9, retired_at=None, leave_date="2019-03-31"
    )
    assert decide(later) is not first
    assert decide(later).may_delete_from != first.may_delete_from
