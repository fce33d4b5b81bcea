"""The content of the 支払調書 (309/313), the 退職所得の源泉徴収票 and the 法定調書合計表: what a
slip accepts, which box each value goes in, and the 合計表's sums."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import payment_slip, retirement_slip, summary_table
from app.domain.payment_slip import PaymentSlip
from app.domain.retirement_slip import RetirementSlip
from app.domain.withholding_slip import InvalidSlip, Payer
from app.domain.year_end import (
    FEES,
    FIELD_LABELS,
    PAYMENT_KIND,
    RENT,
    RETIREMENT,
    SALARY,
    YearEndEntry,
)

PAYER = Payer("株式会社サンプル商事", "東京都港区芝公園1-2-3", "03-1234-5678", "4010001234567")


def _fees(**amounts: int) -> PaymentSlip:
    return PaymentSlip(1, 2026, FEES, amounts or {"payment": 100_000, "tax": 10_210},
                       {PAYMENT_KIND: "原稿料", "detail": "3回"})  # fmt: skip


def test_a_fees_slip_goes_into_its_boxes() -> None:
    slip = _fees(payment=1_320_000, payment_inner=110_000, tax=134_772)
    values = payment_slip.box_values(slip, "佐藤 一郎", PAYER)
    assert values["category"] == "原稿料" and values["detail"] == "3回"
    assert values["payment"] == "1320000" and values["payment_inner"] == "110000"
    assert values["payee_name"] == "佐藤 一郎" and values["payer_name"] == PAYER.name
    assert not any(key.endswith("number") for key in values)


def test_a_rent_slip_writes_the_confirmation_date_in_the_era() -> None:
    slip = PaymentSlip(1, 2026, RENT, {"payment": 2_400_000, "broker_fee": 220_000},
                       {PAYMENT_KIND: "家賃", "property": "港区芝公園", "confirmed_on": "2026-04-01",
                        "broker_number": "4010001234567"})  # fmt: skip
    values = payment_slip.box_values(slip, "三軒茶屋 花子", PAYER)
    assert values["confirmed_on"] == "令和8/4/1"
    assert values["property"] == "港区芝公園"
    assert "broker_number" not in values  # a number goes to the number cells only


@pytest.mark.parametrize(
    ("form", "amounts", "texts", "message"),
    [
        (FEES, {"payment": -1}, {PAYMENT_KIND: "原稿料"}, "0以上"),
        (FEES, {"broker_fee": 1}, {PAYMENT_KIND: "原稿料"}, "金額欄"),
        (FEES, {"payment": 10, "payment_inner": 11}, {PAYMENT_KIND: "原稿料"}, "内書き"),
        (FEES, {"payment": 10}, {}, "区分"),
        (FEES, {"payment": 10}, {PAYMENT_KIND: "原稿料", "property": "x"}, "記載欄"),
        (RENT, {"payment": 10}, {PAYMENT_KIND: "家賃", "broker_number": "3010001234567"}, "検査用数字"),
        (RENT, {"payment": 10}, {PAYMENT_KIND: "家賃", "confirmed_on": "2026-13-01"}, "支払確定年月日"),
        (SALARY, {"payment": 10}, {PAYMENT_KIND: "原稿料"}, "種類"),
        (FEES, {"payment": 10}, {PAYMENT_KIND: "原稿料", "remarks": "1234 5678 9018"}, "数字列"),
        (RENT, {"payment": 10}, {PAYMENT_KIND: "家賃", "basis": "１２３４５６７８９０１８"}, "数字列"),
    ],
)  # fmt: skip
def test_a_payment_slip_refuses_what_the_form_cannot_take(form, amounts, texts, message) -> None:
    with pytest.raises(InvalidSlip, match=message):
        PaymentSlip(1, 2026, form, amounts, texts)


def test_a_payment_slip_round_trips_through_its_entry() -> None:
    slip = _fees()
    entry = slip.entry()
    assert entry.form == FEES and entry.facts[PAYMENT_KIND] == "原稿料"
    assert payment_slip.from_entry(entry) == slip


def test_a_corporate_payee_number_is_checked() -> None:
    assert payment_slip.payee_number_cells("4010001234567") == "4010001234567"
    assert payment_slip.payee_number_cells(None) is None
    with pytest.raises(InvalidSlip, match="支払を受ける者の法人番号"):
        payment_slip.payee_number_cells("3010001234567")


def _retirement(**texts: str) -> RetirementSlip:
    return RetirementSlip(
        7,
        2026,
        {"general_payment": 12_000_000, "general_tax": 0, "retirement_deduction": 15_000_000},
        {"hired_on": "2001-04-01", "left_on": "2026-03-31", "years_of_service": "25", **texts},
    )


def test_a_retirement_slip_goes_into_its_boxes() -> None:
    values = retirement_slip.box_values(_retirement(special_code="2"), "山田 太郎", PAYER)
    assert values["general_payment"] == "12000000"
    assert values["retirement_deduction"] == "1500"  # printed in 万円
    assert values["hired_on"] == "平成13/4/1" and values["left_on"] == "令和8/3/31"
    assert values["special_code"] == "2" and values["years_of_service"] == "25"
    assert _retirement().payment == 12_000_000


@pytest.mark.parametrize(
    ("texts", "amounts", "message"),
    [
        ({"special_code": "8"}, {}, "番号"),
        ({"years_of_service": "0"}, {}, "勤続年数"),
        ({"hired_on": "2027-01-01"}, {}, "就職年月日"),
        ({}, {"retirement_deduction": 15_005_000}, "万円"),
        ({}, {"general_bonus": 1}, "金額欄"),
        ({"nickname": "x"}, {}, "記載欄"),
        ({"remarks": "番号 1234-5678-9018"}, {}, "数字列"),
    ],
)
def test_a_retirement_slip_refuses_what_the_form_cannot_take(texts, amounts, message) -> None:
    with pytest.raises(InvalidSlip, match=message):
        RetirementSlip(7, 2026, {"general_payment": 1, **amounts},
                       {"left_on": "2026-03-31", **texts})  # fmt: skip


@pytest.mark.parametrize(
    ("hired", "left", "years"),
    [
        (date(2001, 4, 1), date(2026, 3, 31), 25),
        (date(2001, 4, 1), date(2026, 4, 1), 26),  # a part of a year counts as a year
        (date(2026, 1, 5), date(2026, 2, 1), 1),
        (date(2001, 4, 15), date(2026, 4, 14), 25),
    ],
)
def test_years_of_service_round_a_part_year_up(hired: date, left: date, years: int) -> None:
    assert retirement_slip.years_of_service(hired, left) == years


def test_every_stored_field_has_a_label() -> None:
    for key in (*payment_slip.AMOUNTS[FEES], *payment_slip.AMOUNTS[RENT], *payment_slip.TEXTS[RENT],
                *retirement_slip.AMOUNTS, *retirement_slip.TEXTS):  # fmt: skip
        assert key in FIELD_LABELS, key


def _entry(person: int, form: str, slip: int = 1, **amounts: int) -> YearEndEntry:
    return YearEndEntry(person, 2026, form, amounts, {}, slip)


def test_the_summary_counts_people_once_and_slips_each() -> None:
    entries = [
        _entry(1, SALARY, payment=6_000_000, tax=200_000),
        _entry(2, SALARY, payment=3_000_000, tax=50_000),
        _entry(7, SALARY, payment=1_000_000, tax=0),
        _entry(3, FEES, 1, payment=100_000, tax=10_210),
        _entry(3, FEES, 2, payment=40_000, tax=4_084),
        _entry(4, RENT, payment=2_400_000),
        _entry(5, RETIREMENT, general_payment=8_000_000, general_tax=100_000,
               officer_short_payment=1_000_000, officer_short_tax=50_000),
        YearEndEntry(6, 2025, SALARY, {"payment": 9_000_000}, {}),  # another year
    ]  # fmt: skip
    required = {(1, SALARY, 1), (3, FEES, 1), (3, FEES, 2), (4, RENT, 1), (5, RETIREMENT, 1)}
    table = summary_table.summarize(
        2026, entries, lambda e: (e.person_id, e.form, e.slip) in required
    )
    salary = table.sections[SALARY]
    assert salary.total == summary_table.Row(3, 10_000_000, 250_000, 3, without_tax=1)
    assert salary.submitted == summary_table.Row(1, 6_000_000, 200_000, 1)
    fees = table.sections[FEES]
    assert fees.total.people == 1 and fees.total.slips == 2
    assert fees.submitted == summary_table.Row(1, 140_000, 14_294, 2)
    assert table.sections[RENT].submitted == summary_table.Row(1, 2_400_000, 0, 1)
    assert table.sections[RETIREMENT].total == summary_table.Row(1, 9_000_000, 150_000, 1)
    values = table.box_values()
    assert values["fees_submitted_slips"] == "2"
    assert values["salary_total_payment"] == "10000000"
    assert values["salary_total_no_tax"] == "1"
    assert "rent_total_tax" not in values  # the 313 section has no tax column
    assert not any(key.startswith("retirement_total_slips") for key in values)


def test_nobody_paid_leaves_the_section_blank() -> None:
    table = summary_table.summarize(2026, [], lambda _e: True)
    assert table.box_values() == {}


@pytest.mark.parametrize(
    ("years", "disabled", "amount"),
    [(1, False, 800_000), (2, False, 800_000), (3, False, 1_200_000), (20, False, 8_000_000),
     (25, False, 11_500_000), (25, True, 12_500_000)],
)  # fmt: skip
def test_the_standard_retirement_deduction(years: int, disabled: bool, amount: int) -> None:
    assert retirement_slip.standard_deduction(years, disabled=disabled) == amount
