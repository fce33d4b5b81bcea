"""The submission range of each form (FORMS.md §2.2–§5): every threshold at its boundary, where
a payment equal to the threshold is not required and one yen more is."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import submission_range as rules
from app.domain.submission_range import Need
from app.domain.year_end import (
    FEES,
    LEFT_ON,
    NO_ADJUSTMENT,
    OFFICER,
    PAYMENT_KIND,
    PROFESSIONAL,
    RENT,
    RETIREMENT,
    SALARY,
    YearEndEntry,
)


def _entry(form: str, payment: int, year: int = 2026, **facts: str) -> YearEndEntry:
    return YearEndEntry(1, year, form, {"payment": payment}, facts)


SALARY_TABLE = [
    # (facts, threshold, words in the reason)
    ({OFFICER: "1"}, 1_500_000, "役員で支払金額が150万円"),
    ({PROFESSIONAL: "1"}, 2_500_000, "弁護士・税理士等で支払金額が250万円"),
    ({}, 5_000_000, "年末調整をした従業員で支払金額が500万円"),
    ({NO_ADJUSTMENT: "left"}, 2_500_000, "年の中途で退職（年末調整なし）で支払金額が250万円"),
    ({NO_ADJUSTMENT: "disaster"}, 2_500_000, "災害により源泉徴収の猶予"),
    ({NO_ADJUSTMENT: "left", OFFICER: "1"}, 500_000, "役員（年の中途で退職、年末調整なし）"),
    ({NO_ADJUSTMENT: "disaster", OFFICER: "1"}, 500_000, "50万円"),
    ({NO_ADJUSTMENT: "otsu"}, 500_000, "扶養控除等申告書の提出がなく（乙欄・丙欄）"),
    ({NO_ADJUSTMENT: "otsu", OFFICER: "1"}, 500_000, "乙欄"),
    # A leaver with no reason recorded had no year-end adjustment.
    ({LEFT_ON: "2026-06-30"}, 2_500_000, "年の中途で退職"),
    ({LEFT_ON: "2026-06-30", OFFICER: "1"}, 500_000, "役員"),
    # Left in an earlier year: not a leaver of this year.
    ({LEFT_ON: "2025-06-30"}, 5_000_000, "年末調整をした従業員"),
]


@pytest.mark.parametrize(("facts", "threshold", "words"), SALARY_TABLE)
def test_salary_tax_office_at_each_threshold(
    facts: dict[str, str], threshold: int, words: str
) -> None:
    at = rules.salary_tax_office(_entry(SALARY, threshold, **facts))
    above = rules.salary_tax_office(_entry(SALARY, threshold + 1, **facts))
    assert at.need is Need.NOT_REQUIRED and not at.required
    assert above.need is Need.REQUIRED and above.required
    assert words in above.reason and above.reason.endswith("を超えるため提出が必要")
    assert at.reason.endswith("以下のため提出は不要")


def test_the_officer_reason_reads_as_the_issue_asks() -> None:
    decision = rules.salary_tax_office(_entry(SALARY, 1_500_001, officer="1"))
    assert decision.reason == "役員で支払金額が150万円を超えるため提出が必要"


@pytest.mark.parametrize("payment", [0, 1, 20_000_000, 30_000_000])
def test_over_20m_without_adjustment_is_always_required(payment: int) -> None:
    decision = rules.salary_tax_office(_entry(SALARY, payment, no_adjustment="over_20m"))
    assert decision.required and "2,000万円" in decision.reason


def test_salary_report_to_the_city() -> None:
    staying = rules.salary_municipal(_entry(SALARY, 1))
    assert staying.required and "1月1日に在職" in staying.reason
    at = rules.salary_municipal(_entry(SALARY, 300_000, left_on="2026-03-31"))
    above = rules.salary_municipal(_entry(SALARY, 300_001, left_on="2026-03-31"))
    assert at.need is Need.OPTIONAL and "30万円以下のため提出は任意" in at.reason
    assert above.need is Need.REQUIRED and "30万円を超える" in above.reason
    # A leaver recorded by the reason alone (no date) is a leaver too.
    reason_only = rules.salary_municipal(_entry(SALARY, 300_000, no_adjustment="left"))
    assert reason_only.need is Need.OPTIONAL


FEES_TABLE = [
    ("原稿料", 50_000),
    ("税理士報酬", 50_000),
    ("講演料", 50_000),
    ("", 50_000),
    ("外交員報酬", 500_000),
    ("集金人の報酬", 500_000),
    ("電力量計の検針", 500_000),
    ("プロボクサーの報酬", 500_000),
    ("ホステス等の報酬", 500_000),
    ("広告宣伝のための賞金", 500_000),
    ("広告宣伝の懸賞金", 500_000),
    # Work for an advertisement is an ordinary 報酬・料金, not a 広告宣伝のための賞金.
    ("広告宣伝の報酬", 50_000),
    ("広告宣伝用デザイン料", 50_000),
    ("広告宣伝の原稿料", 50_000),
    # A jockey's fee is not the 馬主's 競馬の賞金.
    ("競馬の騎手の報酬", 50_000),
    ("社会保険診療報酬支払基金の診療報酬", 500_000),
]


@pytest.mark.parametrize(("kind", "threshold"), FEES_TABLE)
def test_fees_by_kind(kind: str, threshold: int) -> None:
    at = rules.fees(_entry(FEES, threshold, payment_kind=kind))
    above = rules.fees(_entry(FEES, threshold + 1, payment_kind=kind))
    assert not at.required and above.required
    assert rules.yen(threshold) in above.reason


def test_a_race_prize_counts_its_largest_single_payment() -> None:
    def decided(largest: int) -> rules.Decision:
        entry = YearEndEntry(
            1,
            2026,
            FEES,
            {"payment": 3_000_000, rules.LARGEST_PAYMENT: largest},
            {PAYMENT_KIND: "馬主の競馬賞金"},
        )
        return rules.fees(entry)

    assert not decided(750_000).required
    assert decided(750_001).required and "75万円" in decided(750_001).reason


def test_rent_to_an_individual_and_to_a_corporation() -> None:
    assert not rules.rent(
        _entry(RENT, 150_000, payment_kind="家賃"), corporate_payee=False
    ).required
    assert rules.rent(_entry(RENT, 150_001, payment_kind="家賃"), corporate_payee=False).required
    plain = rules.rent(_entry(RENT, 9_000_000, payment_kind="家賃"), corporate_payee=True)
    assert not plain.required and "法人" in plain.reason
    key_money = _entry(RENT, 150_001, payment_kind="更新料")
    assert rules.rent(key_money, corporate_payee=True).required
    assert not rules.rent(
        _entry(RENT, 150_000, payment_kind="権利金"), corporate_payee=True
    ).required


def test_retirement_all_from_2026_officers_only_before() -> None:
    assert rules.retirement(_entry(RETIREMENT, 1, year=2026)).required
    assert not rules.retirement(_entry(RETIREMENT, 9_000_000, year=2025)).required
    officer = rules.retirement(_entry(RETIREMENT, 1, year=2025, officer="1"))
    assert officer.required and "役員" in officer.reason


def test_tax_office_dispatches_by_form() -> None:
    assert rules.tax_office(_entry(SALARY, 5_000_001)).required
    assert rules.tax_office(_entry(FEES, 50_001)).required
    assert rules.tax_office(_entry(RENT, 150_001)).required
    assert rules.tax_office(_entry(RETIREMENT, 1)).required
    with pytest.raises(ValueError):
        rules.tax_office(_entry("gokeihyo", 1))


def test_amounts_read_in_man_yen() -> None:
    assert rules.yen(1_500_000) == "150万円"
    assert rules.yen(20_000_000) == "2,000万円"
    assert rules.yen(1_234_567) == "1,234,567円"


FACT_CHOICES = st.fixed_dictionaries(
    {},
    optional={
        OFFICER: st.just("1"),
        PROFESSIONAL: st.just("1"),
        NO_ADJUSTMENT: st.sampled_from(["left", "disaster", "over_20m", "otsu"]),
        LEFT_ON: st.sampled_from(["2026-03-31", "2025-12-31"]),
    },
)


@given(
    facts=FACT_CHOICES,
    payment=st.integers(min_value=0, max_value=30_000_000),
    more=st.integers(min_value=0, max_value=10_000_000),
)
def test_paying_more_never_makes_a_slip_unnecessary(
    facts: dict[str, str], payment: int, more: int
) -> None:
    for decide in (rules.salary_tax_office, rules.salary_municipal):
        if decide(_entry(SALARY, payment, **facts)).required:
            assert decide(_entry(SALARY, payment + more, **facts)).required


@pytest.mark.parametrize(
    ("facts", "payment", "threshold"),
    [({}, 2_500_001, "500万円"), ({OFFICER: "1"}, 1_500_000, "150万円")],
)
def test_a_leaver_adjusted_at_leaving_is_decided_by_the_adjusted_rows(
    facts: dict[str, str], payment: int, threshold: str
) -> None:
    """A December leaver (or 死亡退職) whose 年末調整 was made: the slip holds 給与所得控除後の
    金額, as the payroll import reads it (no reason recorded), so the 年末調整をした人 rows decide,
    not the 250万円 / 役員50万円 of a leaver without one."""
    adjusted = YearEndEntry(
        1,
        2026,
        SALARY,
        {"payment": payment, "income_after_deduction": payment * 7 // 10},
        {LEFT_ON: "2026-12-20", **facts},
    )
    decision = rules.salary_tax_office(adjusted)
    assert not decision.required and threshold in decision.reason
    # Without it, the same leaver was not adjusted: the leaver's lower threshold.
    plain = YearEndEntry(1, 2026, SALARY, {"payment": payment}, {LEFT_ON: "2026-12-20", **facts})
    decision = rules.salary_tax_office(plain)
    assert decision.required and "年の中途で退職" in decision.reason


def test_a_corporations_consent_fee_counts_as_key_money() -> None:
    """承諾料 (借地の増改築・譲渡の承諾料) is one of the 権利金、更新料等 a corporation's slip holds."""
    fee = _entry(RENT, 150_001, payment_kind="増改築承諾料")
    assert rules.rent(fee, corporate_payee=True).required
    [decision] = rules.tax_office_all([fee], corporate_payees={1})
    assert decision.required


@pytest.mark.parametrize("kind", ["馬主の競馬賞金", "競馬の賞金", "馬主"])
def test_a_race_prize_is_the_owners_prize(kind: str) -> None:
    entry = YearEndEntry(
        1, 2026, FEES, {"payment": 3_000_000, rules.LARGEST_PAYMENT: 750_001}, {PAYMENT_KIND: kind}
    )
    decision = rules.fees(entry)
    assert decision.required and "競馬賞金" in decision.reason
