"""Review attack on the submission rules: the 支払調書 thresholds are per payee and year
(同一人に対するその年中の支払金額の合計額, FORMS.md §3 "Range (per payee per year)", §4 "same payee
> 15万円/year"), not per slip. A payee paid 30,000円 of 原稿料 and 30,000円 of 講演料 was paid
60,000円 in the year: both slips go to the tax office, and the 合計表 counts them."""

from __future__ import annotations

import json

import pytest

from app import errors
from app.domain import submission_range
from app.domain.year_end import FEES, PAYMENT_KIND, RENT, YearEndEntry
from app.services import auth, forms_due, people, year_end
from app.services import summary_table as summary_service
from tests.conftest import CLERK_PASSWORD, Office, add_member
from tests.services.test_forms_due import manager
from tests.services.test_numbers import _events

__all__ = ["manager"]


def _payee(session, name: str = "佐藤 一郎", corporate: str | None = None):
    return people.register_payee(
        session, name=name, kana_text="サトウ", payment_kind="fees", continuing=True,
        corporate=corporate,
    )  # fmt: skip


def _decisions(session, person_id: int) -> list[submission_range.Decision]:
    due = forms_due.for_year(session, 2026)
    (person,) = [p for p in due.people if p.person_id == person_id]
    return [slip.tax_office for slip in person.slips]


def test_two_small_fee_slips_over_the_threshold_together_are_both_submitted(manager) -> None:
    payee = _payee(manager)
    for slip, kind in ((1, "原稿料"), (2, "講演料")):
        year_end.save(
            manager,
            YearEndEntry(payee.id, 2026, FEES, {"payment": 30_000}, {PAYMENT_KIND: kind}, slip),
        )
    decisions = _decisions(manager, payee.id)
    assert [d.required for d in decisions] == [True, True], [d.reason for d in decisions]
    assert all("合計" in d.reason for d in decisions)
    sums = summary_service.table(manager, 2026).sections[FEES]
    assert (sums.submitted.people, sums.submitted.slips, sums.submitted.payment) == (1, 2, 60_000)
    due = forms_due.for_year(manager, 2026)
    (fees,) = [count for count in due.counts if count.form == FEES]
    assert fees.tax_office == 2


def test_two_rent_slips_over_150000_together_are_both_submitted(manager) -> None:
    landlord = _payee(manager, "大家 花子")
    for slip, kind in ((1, "地代"), (2, "駐車場代")):
        year_end.save(
            manager,
            YearEndEntry(landlord.id, 2026, RENT, {"payment": 100_000}, {PAYMENT_KIND: kind}, slip),
        )
    assert [d.required for d in _decisions(manager, landlord.id)] == [True, True]


def test_a_corporation_s_plain_rent_does_not_count_towards_its_key_money(manager) -> None:
    company = _payee(manager, "株式会社大家", corporate="7000012050002")
    year_end.save(
        manager,
        YearEndEntry(company.id, 2026, RENT, {"payment": 2_400_000}, {PAYMENT_KIND: "家賃"}, 1),
    )
    year_end.save(
        manager,
        YearEndEntry(company.id, 2026, RENT, {"payment": 100_000}, {PAYMENT_KIND: "更新料"}, 2),
    )
    assert [d.required for d in _decisions(manager, company.id)] == [False, False]


@pytest.mark.parametrize(
    ("first", "second", "required"),
    [
        # Each 区分 is summed on its own: 外交員 (50万円) and 原稿料 (5万円), 外交員 and コンパニオン.
        (("外交員報酬", 400_000), ("原稿料", 40_000), [False, False]),
        (("外交員報酬", 300_000), ("集金人報酬", 300_000), [True, True]),
        (("外交員報酬", 300_000), ("コンパニオン報酬", 300_000), [False, False]),
        (("原稿料", 50_000), ("講演料", 0), [False, False]),
    ],
)
def test_fee_slips_are_summed_within_their_threshold_group(
    first: tuple[str, int], second: tuple[str, int], required: list[bool]
) -> None:
    entries = [
        YearEndEntry(7, 2026, FEES, {"payment": amount}, {PAYMENT_KIND: kind}, slip)
        for slip, (kind, amount) in enumerate((first, second), start=1)
    ]
    decisions = submission_range.tax_office_all(entries, corporate_payees=set())
    assert [d.required for d in decisions] == required


def test_a_clerk_who_does_not_handle_everyone_gets_no_partial_summary_table(
    office: Office, manager
) -> None:
    """The 合計表 is the office's one return: drawn from a clerk's groups only it would leave
    out the others' slips without a word, and be filed short."""
    payee = _payee(manager)
    year_end.save(
        manager, YearEndEntry(payee.id, 2026, FEES, {"payment": 80_000}, {PAYMENT_KIND: "原稿料"})
    )
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied):
            summary_service.table(clerk, 2026)
    finally:
        clerk.close()
    denied = [json.loads(d) for a, _t, d in _events(office, "access.denied") if a == "tanaka"]
    assert denied and denied[-1]["reason"] == "group_scope"
    # The manager, who handles everyone, gets the whole table.
    assert summary_service.table(manager, 2026).sections[FEES].submitted.people == 1


def test_fees_paid_to_a_corporation_are_in_the_range_as_an_individual_s() -> None:
    """The 手引 (as the stored tax-practitioner pages quote it): 法人に支払われる報酬、料金等で
    源泉徴収の対象とならないものも、提出範囲に該当するものは提出する."""
    design = YearEndEntry(8, 2026, FEES, {"payment": 30_000}, {PAYMENT_KIND: "デザイン料"}, 1)
    audit = YearEndEntry(8, 2026, FEES, {"payment": 30_000}, {PAYMENT_KIND: "監査報酬"}, 2)
    decisions = submission_range.tax_office_all([design, audit], corporate_payees={8})
    assert [d.required for d in decisions] == [True, True]
    assert submission_range.tax_office(design, corporate_payee=True).required is False  # 3万円
