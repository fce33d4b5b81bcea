"""Review attack: an amount wider than the forms' widest box (ten digits) was accepted by the
slips themselves, so a caller that does not store first (a preview, the CLI) drew an 11- or
12-digit amount, a 12-digit one looking like a My Number on the person's own copy."""

from __future__ import annotations

import pytest

from app.domain.payment_slip import PaymentSlip
from app.domain.retirement_slip import RetirementSlip
from app.domain.withholding_slip import InvalidSlip, PersonYear
from app.domain.year_end import FEES, MAX_YEN, PAYMENT_KIND

TOO_WIDE = [MAX_YEN + 1, 123_456_789_012]


@pytest.mark.parametrize("amount", TOO_WIDE)
def test_a_payment_slip_refuses_an_amount_wider_than_its_box(amount: int) -> None:
    with pytest.raises(InvalidSlip, match="10桁"):
        PaymentSlip(1, 2026, FEES, {"payment": amount}, {PAYMENT_KIND: "原稿料"})


@pytest.mark.parametrize("amount", TOO_WIDE)
def test_a_retirement_slip_refuses_an_amount_wider_than_its_box(amount: int) -> None:
    with pytest.raises(InvalidSlip, match="10桁"):
        RetirementSlip(1, 2026, {"general_payment": amount}, {})


@pytest.mark.parametrize("amount", TOO_WIDE)
def test_a_withholding_slip_refuses_an_amount_wider_than_its_box(amount: int) -> None:
    with pytest.raises(InvalidSlip, match="10桁"):
        PersonYear(1, 2026, {"payment": amount})


def test_the_widest_amount_is_still_taken() -> None:
    assert PaymentSlip(1, 2026, FEES, {"payment": MAX_YEN}, {PAYMENT_KIND: "原稿料"})
    assert RetirementSlip(1, 2026, {"general_payment": MAX_YEN}, {})
    assert PersonYear(1, 2026, {"payment": MAX_YEN})
