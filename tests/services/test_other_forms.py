"""The 支払調書, the 退職所得の源泉徴収票・特別徴収票 and the 合計表 through their services: which copy
opens which number, the reveal path's checks, one access-log event per person and form, the
outputs register, and the 合計表's sums from the stored slips."""

from __future__ import annotations

import io
import json

import pypdf
import pytest

from app import errors
from app.domain.payment_slip import PaymentSlip
from app.domain.retirement_slip import RetirementSlip
from app.domain.withholding_slip import Payer
from app.domain.year_end import FEES, PAYMENT_KIND, RENT, SALARY, YearEndEntry
from app.services import auth, numbers, payment_forms, people, retirement_forms, staff, year_end
from app.services import summary_table as summary_service
from storage import outputs_repo, staff_repo
from tests.conftest import AUDITOR_PASSWORD, CLERK_PASSWORD, Office, add_member
from tests.services.test_numbers import ALL_SCOPES, NUMBER, OTHER, _employee, _events

PAYER_NO = "4010001234567"
PAYEE_CORPORATE = "5010001234566"
PAYER = Payer("株式会社サンプル商事", "東京都港区芝公園1-2-3", "03-1234-5678", PAYER_NO)


@pytest.fixture
def manager(office: Office):
    """The manager, with every scope, as in test_numbers."""
    staff.set_scopes(office.manager, "kanri", ALL_SCOPES)
    office.manager.user = auth.member_from(staff_repo.by_login(office.manager.vault.conn, "kanri"))
    return office.manager


def _payee(session, corporate: str | None = None, name: str = "佐藤 一郎"):
    payee = people.register_payee(
        session, name=name, kana_text="さとう いちろう", payment_kind="fees", continuing=True,
        corporate=corporate,
    )  # fmt: skip
    if corporate is None:
        numbers.register_number(session, payee.id, OTHER, OTHER, ["payment_records"])
    return payee


def _fees(person_id: int, slip: int = 1, payment: int = 100_000) -> PaymentSlip:
    return PaymentSlip(person_id, 2026, FEES, {"payment": payment, "tax": payment // 10},
                       {PAYMENT_KIND: "原稿料", "detail": "3回"}, slip)  # fmt: skip


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def _log(office: Office) -> str:
    return "".join(map(str, office.manager.vault.conn.execute("SELECT * FROM audit_log")))


def test_the_fees_tax_office_copy_opens_the_payees_number(office: Office, manager) -> None:
    payee = _payee(manager)
    done = payment_forms.render_tax_office(
        manager, 2026, FEES, [_fees(payee.id, 1), _fees(payee.id, 2, 40_000)], PAYER
    )
    text = _text(done.pdf)
    assert OTHER in text and PAYER_NO in text
    printed = _events(office, "number.form_printed")
    assert len(printed) == 1  # one event per person and form, however many slips
    detail = json.loads(printed[0][2])
    assert detail == {"form": FEES, "year": 2026, "copy": "tax_office",
                      "purpose": "payment_records", "numbers": 1}  # fmt: skip
    assert done.output_id is not None
    row = outputs_repo.get(manager.vault.conn, done.output_id)
    assert row is not None and row.form == "hoshu/tax_office" and row.destination == "税務署"
    assert outputs_repo.person_ids(manager.vault.conn, done.output_id) == [payee.id]
    assert OTHER not in _log(office)


def test_a_corporate_payee_needs_no_reveal(office: Office, manager) -> None:
    payee = _payee(manager, corporate=PAYEE_CORPORATE, name="株式会社三軒茶屋不動産")
    slip = PaymentSlip(payee.id, 2026, RENT, {"payment": 2_400_000},
                       {PAYMENT_KIND: "家賃", "confirmed_on": "2026-04-01"})  # fmt: skip
    done = payment_forms.render_tax_office(manager, 2026, RENT, [slip], PAYER)
    assert PAYEE_CORPORATE in _text(done.pdf)
    assert _events(office, "number.revealed") == []
    assert json.loads(_events(office, "number.form_printed")[0][2])["numbers"] == 0


def test_the_payee_copy_opens_no_number(office: Office, manager) -> None:
    payee = _payee(manager)
    done = payment_forms.render_payee_copy(manager, 2026, FEES, [_fees(payee.id)], PAYER)
    text = _text(done.pdf)
    assert OTHER not in text and PAYER_NO not in text
    assert "佐藤一郎" in text and "写し" in text
    assert done.output_id is None
    assert _events(office, "number.form_printed") == []
    printed = _events(office, "form.printed")
    assert len(printed) == 1 and json.loads(printed[0][2])["copy"] == "payee"
    assert outputs_repo.all_rows(manager.vault.conn) == []


def test_a_payment_slip_is_only_for_a_payee(office: Office, manager) -> None:
    employee = _employee(manager)
    with pytest.raises(errors.InvalidInput, match="支払先"):
        payment_forms.save(manager, _fees(employee.id))


def test_the_payment_records_purpose_must_be_in_scope(office: Office, manager) -> None:
    payee = _payee(manager)
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD,
               ["purpose:tax_withholding", "kind:payee"])  # fmt: skip
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied, match="担当外の事務"):
            payment_forms.render_tax_office(clerk, 2026, FEES, [_fees(payee.id)], PAYER)
    finally:
        clerk.close()
    assert _events(office, "number.form_printed") == []
    assert outputs_repo.all_rows(manager.vault.conn) == []


def test_a_corporate_payees_tax_office_copy_needs_the_purpose_too(office: Office, manager) -> None:
    """No 個人番号 is opened for a corporation, but the copy is a 支払調書作成事務 output all the
    same: a clerk without that purpose is refused (and logged), nothing is registered."""
    payee = _payee(manager, corporate=PAYEE_CORPORATE, name="株式会社三軒茶屋不動産")
    slip = PaymentSlip(payee.id, 2026, RENT, {"payment": 2_400_000},
                       {PAYMENT_KIND: "権利金", "confirmed_on": "2026-04-01"})  # fmt: skip
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD,
               ["purpose:tax_withholding", "kind:payee"])  # fmt: skip
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied, match="担当外の事務"):
            payment_forms.render_tax_office(clerk, 2026, RENT, [slip], PAYER)
    finally:
        clerk.close()
    denied = [json.loads(detail) for _a, _t, detail in _events(office, "access.denied")]
    assert {"reason": "purpose_scope", "purpose": "payment_records"} in denied
    assert _events(office, "number.form_printed") == []
    assert outputs_repo.all_rows(manager.vault.conn) == []


def test_a_payee_outside_the_scope_is_refused(office: Office, manager) -> None:
    payee = _payee(manager)
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD,
               ["purpose:payment_records", "kind:employee"])  # fmt: skip
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied):
            payment_forms.render_payee_copy(clerk, 2026, FEES, [_fees(payee.id)], PAYER)
    finally:
        clerk.close()
    denied = [json.loads(d) for a, _t, d in _events(office, "access.denied") if a == "tanaka"]
    assert denied[-1]["reason"] == "group_scope"
    assert _events(office, "form.printed") == []


def test_the_auditor_prints_nothing(office: Office, manager) -> None:
    payee = _payee(manager)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD, ALL_SCOPES)
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied):
            payment_forms.render_payee_copy(auditor, 2026, FEES, [_fees(payee.id)], PAYER)
    finally:
        auditor.close()
    assert _events(office, "form.printed") == []


def test_slips_are_saved_one_per_category_and_listed(office: Office, manager) -> None:
    payee = _payee(manager)
    assert payment_forms.save(manager, _fees(payee.id, 1)) == [
        "detail",
        "payment",
        "payment_kind",
        "tax",
    ]
    payment_forms.save(manager, _fees(payee.id, 2, 40_000))
    assert [s.slip for s in payment_forms.slips(manager, payee.id, 2026, FEES)] == [1, 2]
    assert payment_forms.for_year(manager, 2026, FEES) == [
        _fees(payee.id, 1),
        _fees(payee.id, 2, 40_000),
    ]
    assert payment_forms.for_year(manager, 2026, RENT) == []
    saved = [json.loads(d) for _a, _t, d in _events(office, "year_end.saved")]
    assert [d["slip"] for d in saved] == [1, 2]
    assert "100000" not in _log(office)  # field names only, never the amounts


def _leaver(session):
    employee = _employee(session)
    numbers.register_number(session, employee.id, NUMBER, NUMBER, ["tax_withholding"])
    return employee


def _retirement(person_id: int) -> RetirementSlip:
    return RetirementSlip(
        person_id, 2026,
        {"general_payment": 12_000_000, "general_tax": 0, "retirement_deduction": 15_000_000},
        {"hired_on": "2001-04-01", "left_on": "2026-03-31", "years_of_service": "25"},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("copy", "destination", "logged"),
    [("tax_office", "税務署", "tax_office"), ("municipal", "市区町村", "special_levy")],
)
def test_the_retirement_copies_with_numbers(
    office: Office, manager, copy: str, destination: str, logged: str
) -> None:
    employee = _leaver(manager)
    done = retirement_forms.render_output(manager, 2026, copy, [_retirement(employee.id)], PAYER)
    text = _text(done.pdf)
    assert NUMBER in text and PAYER_NO in text
    printed = _events(office, "number.form_printed")
    assert len(printed) == 1
    assert json.loads(printed[0][2])["copy"] == logged
    row = outputs_repo.get(manager.vault.conn, done.output_id or 0)
    assert row is not None and row.destination == destination
    assert row.form == f"taishoku/{copy}"
    assert NUMBER not in _log(office)


def test_the_retirement_recipient_copy_opens_no_number(office: Office, manager) -> None:
    employee = _leaver(manager)
    done = retirement_forms.render_output(
        manager, 2026, "recipient", [_retirement(employee.id)], PAYER
    )
    text = _text(done.pdf)
    assert NUMBER not in text and PAYER_NO not in text and "山田太郎" in text
    assert done.output_id is None
    assert _events(office, "number.form_printed") == []
    assert len(_events(office, "form.printed")) == 1


def test_the_retirement_slip_is_for_an_employee_and_round_trips(office: Office, manager) -> None:
    employee = _leaver(manager)
    payee = _payee(manager)
    slip = _retirement(employee.id)
    retirement_forms.save(manager, slip)
    assert retirement_forms.load(manager, employee.id, 2026) == slip
    assert retirement_forms.for_year(manager, 2026) == [slip]
    with pytest.raises(errors.InvalidInput, match="従業員"):
        retirement_forms.save(manager, _retirement(payee.id))


def test_the_summary_table_sums_the_stored_slips(office: Office, manager) -> None:
    employee = _leaver(manager)
    payee = _payee(manager)
    year_end.save(
        manager, YearEndEntry(employee.id, 2026, SALARY, {"payment": 5_000_000, "tax": 90_000})
    )
    retirement_forms.save(manager, _retirement(employee.id))
    payment_forms.save(manager, _fees(payee.id, 1))
    payment_forms.save(manager, _fees(payee.id, 2, 40_000))
    table = summary_service.table(manager, 2026)
    # The payee was paid 140,000 yen of 原稿料 in the year, over 5万円: both slips are submitted
    # (the range is per payee per year, FORMS.md §3); a 500万円 salary is not over 500万円.
    assert table.sections[FEES].submitted.slips == 2
    assert table.sections[FEES].total.payment == 140_000
    assert table.sections[SALARY].submitted.people == 0
    pdf = summary_service.render(manager, 2026, PAYER)
    text = _text(pdf)
    assert PAYER_NO in text and "法定調書合計表" in text
    assert NUMBER not in text and OTHER not in text


def test_the_summary_table_needs_number_handling(office: Office, manager) -> None:
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD, ALL_SCOPES)
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied):
            summary_service.render(auditor, 2026, PAYER)
    finally:
        auditor.close()


def test_a_wrong_payer_number_or_year_is_refused(office: Office, manager) -> None:
    payee = _payee(manager)
    with pytest.raises(errors.InvalidInput, match="法人番号"):
        payment_forms.render_tax_office(
            manager, 2026, FEES, [_fees(payee.id)], Payer("x", corporate_number="1234567890123")
        )
    with pytest.raises(errors.InvalidInput, match="別の年分"):
        payment_forms.render_payee_copy(manager, 2025, FEES, [_fees(payee.id)], PAYER)
    with pytest.raises(errors.InvalidInput, match="2025年分"):
        slip = PaymentSlip(payee.id, 2025, FEES, {"payment": 1}, {PAYMENT_KIND: "原稿料"})
        payment_forms.render_payee_copy(manager, 2025, FEES, [slip], PAYER)


def _page_mm(pdf: bytes) -> tuple[float, float]:
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return round(float(box.width) / 72 * 25.4, 1), round(float(box.height) / 72 * 25.4, 1)


@pytest.mark.parametrize(
    ("sheet", "page"),
    [("a6", (148.0, 105.0)), ("a4_two_up", (210.0, 297.0)), ("a4_four_up", (297.0, 210.0)),
     ("preprinted_a4", (210.0, 297.0))],
)  # fmt: skip
def test_the_payment_and_retirement_copies_go_on_the_chosen_paper(
    office: Office, manager, sheet: str, page: tuple[float, float]
) -> None:
    payee = _payee(manager)
    employee = _leaver(manager)
    rendered = [
        payment_forms.render_tax_office(manager, 2026, FEES, [_fees(payee.id)], PAYER, sheet=sheet),
        payment_forms.render_payee_copy(manager, 2026, FEES, [_fees(payee.id)], PAYER, sheet=sheet),
        retirement_forms.render_output(
            manager, 2026, "tax_office", [_retirement(employee.id)], PAYER, sheet=sheet
        ),
        retirement_forms.render_output(
            manager, 2026, "recipient", [_retirement(employee.id)], PAYER, sheet=sheet
        ),
    ]
    for done in rendered:
        assert _page_mm(done.pdf) == page
        text = _text(done.pdf)
        # Pre-printed forms get only the values: no title, no ruling.
        assert ("支払調書" in text or "退職所得" in text) == (sheet != "preprinted_a4")
        assert "佐藤一郎" in text or "山田太郎" in text
    assert OTHER in _text(rendered[0].pdf) and NUMBER in _text(rendered[2].pdf)
    assert OTHER not in _text(rendered[1].pdf) and NUMBER not in _text(rendered[3].pdf)


def test_an_unknown_paper_is_refused_for_the_other_forms(office: Office, manager) -> None:
    payee = _payee(manager)
    with pytest.raises(errors.InvalidInput, match="用紙"):
        payment_forms.render_payee_copy(manager, 2026, FEES, [_fees(payee.id)], PAYER, sheet="b5")
    employee = _leaver(manager)
    with pytest.raises(errors.InvalidInput, match="用紙"):
        retirement_forms.render_output(
            manager, 2026, "recipient", [_retirement(employee.id)], PAYER, sheet="b5"
        )
    assert _events(office, "form.printed") == []


def test_the_pre_printed_sheet_of_a_landscape_slip_is_portrait() -> None:
    from app.services import print_calibration

    assert print_calibration.portrait_sheet(2026, "gensen_choshu") is False
    for form in ("hoshu", "fudosan", "taishoku"):
        assert print_calibration.portrait_sheet(2026, form) is True
        assert b"%PDF" in print_calibration.calibration_page(2026, form)
    with pytest.raises(errors.InvalidInput):
        print_calibration.calibration_page(2026, "gokeihyo")
