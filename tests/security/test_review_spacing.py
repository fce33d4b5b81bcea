"""Review attack: a My Number typed with more than one separator between its groups ("1234 - 5678
- 9012", two spaces, a tab) slipped past the one pattern that decides what could be a number,
so it reached the log file unredacted and the 摘要 of a payee's 写し / 受給者交付用."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from app.domain.my_number import looks_like_number
from app.domain.payment_slip import PaymentSlip
from app.domain.retirement_slip import RetirementSlip
from app.domain.withholding_slip import InvalidSlip
from app.domain.year_end import FEES, PAYMENT_KIND
from app.redaction import MASK, redact
from reports import fonts, letter_parts
from reports import statutory_form as sf
from reports.errors import ReportError
from reports.form_layout import load

SPACED = [
    "1234 - 5678 - 9012",
    "1234  5678  9012",
    "1234\t5678\t9012",
    "１２３４　－　５６７８　－　９０１２",
    "1234\u00a05678\u00a09012",
    "1234 ‐ 5678 ‐ 9012",
]


@pytest.mark.parametrize("typed", SPACED)
def test_a_number_with_wider_spacing_is_number_like(typed: str) -> None:
    assert looks_like_number(typed)
    assert letter_parts.NUMBER_LIKE.search(typed)
    redacted = redact(f"saved {typed} end")
    assert redacted == f"saved {MASK} end"


@pytest.mark.parametrize("typed", SPACED)
def test_a_payment_slip_refuses_a_spaced_number_in_its_texts(typed: str) -> None:
    with pytest.raises(InvalidSlip, match="個人番号のような"):
        PaymentSlip(1, 2026, FEES, {"payment": 1000}, {PAYMENT_KIND: "原稿料", "remarks": typed})


@pytest.mark.parametrize("typed", SPACED)
def test_a_retirement_slip_refuses_a_spaced_number_in_its_texts(typed: str) -> None:
    with pytest.raises(InvalidSlip, match="個人番号のような"):
        RetirementSlip(1, 2026, {"general_payment": 1000}, {"remarks": typed})


@pytest.mark.parametrize("copy", ["payee", "recipient"])
def test_a_person_facing_copy_refuses_a_number_like_value(copy: str) -> None:
    """The last line of defence: whatever a caller passes, the copy the person receives never
    prints a digit run that could be a My Number, in any box."""
    fonts.configure(Path(__file__).resolve().parents[2] / "resources" / "fonts")
    form = "hoshu" if copy == "payee" else "gensen_choshu"
    layout = load(form, 2026)
    values = {"payee_name" if copy == "payee" else "name": "佐藤 一郎", "remarks": SPACED[0]}
    render = sf.render_payee if copy == "payee" else sf.render_recipient
    with pytest.raises(ReportError):
        render(layout, [values])
    # Shorter runs (a phone number, a date, an amount) still print.
    values["remarks"] = "03-1234-5678、2026-04-01"
    reader = pypdf.PdfReader(io.BytesIO(render(layout, [values])))
    assert "03-1234-5678" in "".join(page.extract_text() for page in reader.pages)
