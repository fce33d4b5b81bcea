"""Retention (削除可能日): worked dates from DOMAIN.md §3.2, the edge cases of §3.3 and §4.1, and
properties that hold for every set of facts (more purposes or a later end never bring it earlier)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.purposes import CATALOG, PersonKind, StartRule
from app.domain.retention import (
    Employment,
    NumberFacts,
    Reason,
    Retention,
    add_years,
    era_year,
    retention,
)

EMPLOYEE, DEPENDENT, PAYEE = PersonKind.EMPLOYEE, PersonKind.DEPENDENT, PersonKind.PAYEE
TAX, PAY, EI, HP, NP3 = (
    "tax_withholding",
    "payment_records",
    "employment_insurance",
    "health_pension",
    "national_pension_3",
)
REGISTERED = date(2020, 4, 1)
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def left(on: date) -> Employment:
    return Employment(date(2020, 4, 1), on, "left")


ACTIVE = Employment(date(2020, 4, 1), None, "active")


def employee(*purposes: str, job: Employment | None = ACTIVE, **more: object) -> NumberFacts:
    return NumberFacts(EMPLOYEE, frozenset(purposes), REGISTERED, job, **more)  # type: ignore[arg-type]


def dependent(*purposes: str, job: Employment | None = ACTIVE, **more: object) -> NumberFacts:
    return NumberFacts(DEPENDENT, frozenset(purposes), REGISTERED, job, **more)  # type: ignore[arg-type]


def payee(*purposes: str, registered: date = REGISTERED, **more: object) -> NumberFacts:
    return NumberFacts(PAYEE, frozenset(purposes), registered, None, **more)  # type: ignore[arg-type]


def well_formed(result: Retention) -> None:
    """The invariants every answer keeps, whatever the facts."""
    assert result.reasons
    for reason in result.reasons:
        assert reason.label and JAPANESE.search(reason.label), reason
        assert reason.basis and JAPANESE.search(reason.basis), reason
        assert reason.purpose is None or reason.purpose in CATALOG or reason.until is None
    keys = [(r.until is not None, -(r.until.toordinal()) if r.until else 0) for r in result.reasons]
    assert keys == sorted(keys), "latest first, ongoing first of all"
    if any(r.until is None for r in result.reasons):
        assert result.may_delete_from is None and result.ongoing
    else:
        assert result.reasons[0].until is not None
        assert result.may_delete_from == result.reasons[0].until + timedelta(days=1)
        assert not result.ongoing
    assert result.deciding == result.reasons[0]


@dataclass(frozen=True)
class Case:
    name: str
    facts: NumberFacts
    may_delete_from: date | None
    deciding_purpose: str | None  # purpose of the deciding reason (None: the need itself)


CASES = (
    # DOMAIN.md §3.2: 令和7年(2025)分 扶養控除等申告書 → kept until 2033-01-10.
    Case("tax-2025", employee(TAX, job=left(date(2025, 6, 30))), date(2033, 1, 11), TAX),
    Case("tax-2026", employee(TAX, job=left(date(2026, 3, 31))), date(2034, 1, 11), TAX),
    Case(
        "tax+ei+hp-2026",
        employee(TAX, EI, HP, job=left(date(2026, 3, 31))),
        date(2034, 1, 11),
        TAX,
    ),
    Case("ei-alone", employee(EI, job=left(date(2026, 3, 31))), date(2030, 4, 1), EI),
    Case("hp-alone", employee(HP, job=left(date(2026, 3, 31))), date(2028, 4, 1), HP),
    Case("ei+hp", employee(EI, HP, job=left(date(2026, 3, 31))), date(2030, 4, 1), EI),
    # 退職日 not on the employment row: the one recorded on the person counts.
    Case(
        "leave-date-from-person",
        employee(EI, job=Employment(None, None, "left"), retired_on=date(2026, 3, 31)),
        date(2030, 4, 1),
        EI,
    ),
    Case("active", employee(TAX, EI, HP), None, None),
    Case("on-leave", employee(TAX, EI, HP, job=Employment(None, None, "on_leave")), None, None),
    # Rehired: one hire/leave per employee, and "active" again overrides the old 退職日.
    Case(
        "rehired",
        employee(TAX, EI, job=Employment(date(2018, 4, 1), date(2022, 3, 31), "active")),
        None,
        None,
    ),
    Case("left-without-date", employee(TAX, job=Employment(None, None, "left")), None, None),
    Case("unknown-status", employee(TAX, job=Employment(None, None, "retired?")), None, None),
    Case("no-employment-row", employee(TAX, job=None), None, None),
    # Dependent removed while the employee stays: the dependency's end decides.
    Case(
        "dependent-removed",
        dependent(TAX, HP, dependency_end=date(2025, 12, 31)),
        date(2033, 1, 11),
        TAX,
    ),
    Case(
        "dependent-removed-hp-only",
        dependent(HP, dependency_end=date(2025, 12, 31)),
        date(2028, 1, 1),
        HP,
    ),
    # The employee left first: their leaving ends the dependent's need too.
    Case(
        "employee-left-first",
        dependent(TAX, HP, job=left(date(2024, 3, 31)), dependency_end=date(2026, 12, 31)),
        date(2032, 1, 11),
        TAX,
    ),
    Case(
        "employee-left-dependency-ongoing",
        dependent(HP, job=left(date(2024, 3, 31))),
        date(2026, 4, 1),
        HP,
    ),
    Case("dependency-ongoing", dependent(TAX, HP, NP3, pension_category3=True), None, None),
    Case(
        "3go-like-health-pension",
        dependent(NP3, pension_category3=True, dependency_end=date(2026, 5, 15)),
        date(2028, 5, 16),
        NP3,
    ),
    # The earliest of valid_to and the end recorded on the person.
    Case(
        "dependent-retired-on-earlier",
        dependent(HP, dependency_end=date(2026, 5, 15), retired_on=date(2026, 1, 15)),
        date(2028, 1, 16),
        HP,
    ),
    Case("continuing-contract", payee(PAY, continuing=True), None, None),
    Case(
        "contract-ended",
        payee(PAY, continuing=True, contract_to=date(2026, 3, 31)),
        date(2027, 2, 1),
        PAY,
    ),
    Case(
        "contract-renewed",
        payee(PAY, continuing=True, contract_to=date(2027, 3, 31)),
        date(2028, 2, 1),
        PAY,
    ),
    # One-off payee: the 支払調書 for the registration year, filed by the next Jan 31.
    Case("one-off", payee(PAY, registered=date(2026, 7, 10)), date(2027, 2, 1), PAY),
    Case("one-off-december", payee(PAY, registered=date(2026, 12, 31)), date(2027, 2, 1), PAY),
    Case("one-off-january", payee(PAY, registered=date(2027, 1, 1)), date(2028, 2, 1), PAY),
    # Leap days: Feb 29 + 2 years has no anniversary → Feb 28; + 4 years has one.
    Case("leap-hp", employee(HP, job=left(date(2024, 2, 29))), date(2026, 3, 1), HP),
    Case("leap-ei", employee(EI, job=left(date(2024, 2, 29))), date(2028, 3, 1), EI),
    # Year ends: 12-31 is still the old tax year, 01-01 the new one.
    Case("tax-dec-31", employee(TAX, job=left(date(2025, 12, 31))), date(2033, 1, 11), TAX),
    Case("tax-jan-01", employee(TAX, job=left(date(2026, 1, 1))), date(2034, 1, 11), TAX),
    Case("unknown-purpose", employee("rousai", EI, job=left(date(2026, 3, 31))), None, "rousai"),
    # No purpose recorded: nothing may keep it (番号法第20条), so it may go from registration.
    Case("no-purpose", employee(job=ACTIVE), REGISTERED, None),
)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rule_table(case: Case) -> None:
    result = retention(case.facts)
    well_formed(result)
    assert result.may_delete_from == case.may_delete_from
    assert result.deciding.purpose == case.deciding_purpose


def test_reiwa_7_worked_example() -> None:
    result = retention(employee(TAX, job=left(date(2025, 6, 30))))
    assert result.deciding.until == date(2033, 1, 10)
    assert (
        result.deciding.label == "令和7年分 給与所得者の扶養控除等（異動）申告書の保存期間（7年）"
    )
    assert result.deciding.basis == "所得税法施行規則第76条の3"
    assert not result.due(date(2033, 1, 10)) and result.due(date(2033, 1, 11))


def test_leaving_lists_every_reason_latest_first() -> None:
    result = retention(employee(TAX, EI, HP, job=left(date(2026, 3, 31))))
    assert [(r.until, r.purpose, r.basis) for r in result.reasons] == [
        (date(2034, 1, 10), TAX, "所得税法施行規則第76条の3"),
        (date(2034, 1, 10), TAX, "所得税法施行規則第77条"),  # 退職所得の受給に関する申告書
        (date(2030, 3, 31), EI, "雇用保険法施行規則第143条"),
        (date(2028, 3, 31), HP, "健康保険法施行規則第34条、厚生年金保険法施行規則第28条"),
        (date(2026, 3, 31), None, "特定個人情報ガイドライン（事業者編）第4-3-(3)B"),
    ]
    assert result.reasons[0].label.startswith("令和8年分 ")
    assert "退職所得の受給に関する申告書" in result.reasons[1].label


def test_employment_insurance_alone() -> None:
    result = retention(employee(EI, job=left(date(2026, 3, 31))))
    assert result.deciding.until == date(2030, 3, 31)
    assert result.may_delete_from == date(2030, 4, 1)


def test_ongoing_needs_come_first_and_name_themselves() -> None:
    active = retention(employee(TAX, EI))
    assert active.deciding.label == "在職中（雇用が続いている）"
    assert active.deciding.until is None and active.deciding.purpose is None
    assert not active.due(date(9999, 12, 31))
    assert (
        "休職中" in retention(employee(EI, job=Employment(None, None, "on_leave"))).deciding.label
    )
    # Still employed: no 退職所得の申告書 yet, and no date on the documents.
    assert all(r.until is None for r in active.reasons)
    assert not any("退職所得" in r.label for r in active.reasons)


def test_dependent_removed_while_employee_stays_is_dated_by_the_dependency() -> None:
    result = retention(dependent(TAX, dependency_end=date(2025, 12, 31)))
    assert result.reasons[-1].label == "扶養（2025年12月31日に終了）"
    assert result.deciding.label.startswith("令和7年分 ")
    # A dependent gives no 退職所得の受給に関する申告書, even when the employee leaves.
    gone = retention(dependent(TAX, job=left(date(2024, 3, 31))))
    assert not any("退職所得" in r.label for r in gone.reasons)
    assert gone.reasons[-1].label == "従業員の在職（2024年3月31日に退職）"


def test_national_pension_3_says_there_is_no_provision() -> None:
    result = retention(dependent(NP3, dependency_end=date(2026, 5, 15)))
    assert result.deciding.basis == "規定なし（健康保険・厚生年金保険に準じる）"


def test_payment_records_filing_deadline() -> None:
    result = retention(payee(PAY, registered=date(2026, 7, 10)))
    assert result.deciding.until == date(2027, 1, 31)
    assert result.deciding.basis == "所得税法第225条第1項"
    assert result.deciding.label.startswith("令和8年分 支払調書の提出期限")


def test_no_purpose_says_why() -> None:
    result = retention(employee(job=ACTIVE))
    assert result.may_delete_from == REGISTERED
    assert result.deciding.until == REGISTERED - timedelta(days=1)
    assert "番号法第20条" in result.deciding.basis
    assert retention(replace(employee(), registered_on=date.min)).may_delete_from == date.min


@pytest.mark.parametrize(
    ("year", "text"),
    [
        (2026, "令和8年"),
        (2019, "令和元年"),
        (2020, "令和2年"),
        (2018, "平成30年"),
        (1989, "平成元年"),
    ],
)
def test_era_year(year: int, text: str) -> None:
    assert era_year(year) == text


def test_add_years_on_leap_days() -> None:
    assert add_years(date(2024, 2, 29), 2) == date(2026, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert add_years(date(2026, 3, 31), 4) == date(2030, 3, 31)


def test_every_counted_document_has_its_rule() -> None:
    for entry in CATALOG.values():
        counted = [d for d in entry.documents if d.start_rule is not None]
        assert counted, entry.code
        for rule in counted:
            assert (rule.years is None) == (rule.start_rule is StartRule.FILING)


days = st.dates(min_value=date(2016, 1, 1), max_value=date(2060, 12, 31))
maybe_days = st.none() | days
purpose_sets = st.frozensets(st.sampled_from(sorted(CATALOG)), min_size=1)
employments = st.none() | st.builds(
    Employment, maybe_days, maybe_days, st.sampled_from(["active", "on_leave", "left"])
)
facts = st.builds(
    NumberFacts,
    kind=st.sampled_from(list(PersonKind)),
    purposes=purpose_sets,
    registered_on=days,
    employment=employments,
    dependency_end=maybe_days,
    pension_category3=st.booleans(),
    continuing=st.booleans(),
    contract_to=maybe_days,
    retired_on=maybe_days,
)


def later_or_equal(a: date | None, b: date | None) -> bool:
    """`a` is no earlier than `b`, with None (ongoing) the latest of all."""
    return a is None or (b is not None and a >= b)


@settings(max_examples=300, deadline=None)
@given(facts, st.sampled_from(sorted(CATALOG)))
def test_adding_a_purpose_never_brings_the_date_earlier(base: NumberFacts, code: str) -> None:
    more = replace(base, purposes=base.purposes | {code})
    before, after = retention(base), retention(more)
    well_formed(before)
    well_formed(after)
    assert later_or_equal(after.may_delete_from, before.may_delete_from)


END_FIELDS = ("leave_date", "dependency_end", "contract_to", "retired_on")


@settings(max_examples=300, deadline=None)
@given(
    facts,
    st.integers(min_value=1, max_value=3000),
    st.frozensets(st.sampled_from(END_FIELDS), min_size=1),
)
def test_a_later_end_never_brings_the_date_earlier(
    base: NumberFacts, shift: int, fields: frozenset[str]
) -> None:
    def later(field: str, day: date | None) -> date | None:
        return day + timedelta(days=shift) if day is not None and field in fields else day

    job = base.employment
    moved = replace(
        base,
        employment=None
        if job is None
        else replace(job, leave_date=later("leave_date", job.leave_date)),
        dependency_end=later("dependency_end", base.dependency_end),
        contract_to=later("contract_to", base.contract_to),
        retired_on=later("retired_on", base.retired_on),
    )
    assert later_or_equal(retention(moved).may_delete_from, retention(base).may_delete_from)


@settings(max_examples=200, deadline=None)
@given(facts)
def test_reasons_are_complete_and_sorted(subject: NumberFacts) -> None:
    result = retention(subject)
    well_formed(result)
    assert {r.purpose for r in result.reasons if r.purpose} == set(subject.purposes)
    assert sum(1 for r in result.reasons if r.purpose is None) == 1


def test_reason_is_a_frozen_value() -> None:
    reason = Reason("在職中（雇用が続いている）", None, "特定個人情報ガイドライン", None)
    with pytest.raises(AttributeError):
        reason.until = date(2030, 1, 1)  # type: ignore[misc]
