"""The demo office's paperwork: year-end content, a consignee and a training, so the
year-end, consignee and inspection pages (and the manual's screenshots) have something to
show. Called by app.services.demo.create_demo after the people are registered."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.purposes import PersonKind
from app.services import people
from app.session import Session

# Year-end content for the first employees (code order): (payment, officer, no-adjustment
# reason). Fictitious round amounts; the rest of each slip follows from them in _salary.
_SALARIES = (
    (6_240_000, False, ""),
    (1_800_000, True, ""),
    (3_960_000, False, ""),
    (4_380_000, False, ""),
    (5_520_000, False, ""),
    (2_700_000, False, "left"),
)


def _salary_amounts(payment: int) -> dict[str, int]:
    """Plausible amounts of a salary slip for `payment` (demo data, not a tax calculation)."""
    if payment <= 1_900_000:
        allowance = 650_000
    elif payment <= 3_600_000:
        allowance = payment * 3 // 10 + 80_000
    elif payment <= 6_600_000:
        allowance = payment // 5 + 440_000
    else:
        allowance = payment // 10 + 1_100_000
    after = payment - allowance
    social = payment * 15 // 100 // 1_000 * 1_000
    deductions = social + 580_000 + 40_000
    taxable = max(after - deductions, 0) // 1_000 * 1_000
    tax = taxable * (5 if taxable <= 1_950_000 else 10) // 100 * 1021 // 1000 // 100 * 100
    return {
        "payment": payment,
        "income_after_deduction": after,
        "deductions_total": deductions,
        "tax": tax,
        "social_insurance": social,
        "life_insurance": 40_000,
        "basic_deduction": 580_000,
    }


def add_paperwork(session: Session) -> None:
    """What the year-end, consignee and training pages show in the demo office (and the
    manual's screenshots): salary slips of a few employees and a 支払調書 for the year whose
    forms are being prepared, one approved consignee with its April hearing, and a training.
    Every name and amount is fictitious; no number is typed anywhere here."""
    from app.domain.consignees import CLAUSE_CODES, SELECTION_CODES, HearingKind, HearingResult
    from app.domain.payment_slip import DETAIL, PaymentSlip
    from app.domain.year_end import (
        FEES,
        LEFT_ON,
        NO_ADJUSTMENT,
        OFFICER,
        PAYMENT_KIND,
        SALARY,
        YearEndEntry,
    )
    from app.services import consignee_hearings, consignees, payment_forms, training, year_end

    today = session.clock.now().date()
    year = today.year if today.month >= 11 else today.year - 1
    found = people.search(session, limit=10_000).rows
    employees = sorted(
        (p for p in found if p.kind == PersonKind.EMPLOYEE.value and not p.retired_at),
        key=lambda p: p.code or "",
    )
    for person, (payment, officer, reason) in zip(employees, _SALARIES, strict=False):
        facts = {OFFICER: "1"} if officer else {}
        if reason:
            facts |= {NO_ADJUSTMENT: reason, LEFT_ON: date(year, 9, 30).isoformat()}
        year_end.save(
            session, YearEndEntry(person.id, year, SALARY, _salary_amounts(payment), facts)
        )
    payees = (p for p in found if p.kind == PersonKind.PAYEE.value and not p.retired_at)
    payee = next(
        (p for p in payees if people.profile(session, p.id).details.payment_kind == "fees"), None
    )
    if payee is not None:
        payment_forms.save(
            session,
            PaymentSlip(
                payee.id,
                year,
                FEES,
                {"payment": 660_000, "tax": 67_386},
                {PAYMENT_KIND: "税理士報酬", DETAIL: "顧問料（月額55,000円）"},
            ),
        )

    company = consignees.Company(
        name="サンプル給与計算センター株式会社（架空）",
        address="東京都千代田区サンプル町4-5-6（架空の住所）",
        contact="03-0000-0001 担当：見本",
        purposes=("tax_withholding",),
        work="給与計算・年末調整（源泉徴収票の作成を含む）",
    )
    row = consignees.register(session, company)
    approved_on = date(today.year - 1, 3, 1)
    consignees.record_selection(
        session,
        row.id,
        dict.fromkeys(SELECTION_CODES, True),
        date(today.year - 1, 2, 10),
        "訪問し、チェックシートと規程類で確認",
    )
    consignees.record_contract(
        session,
        row.id,
        date(today.year - 1, 2, 20),
        "1年（自動更新）",
        dict.fromkeys(CLAUSE_CODES, True),
    )
    consignees.approve(session, row.id, approved_on)
    april = date(today.year, 4, 15)
    if april <= today:
        consignee_hearings.record_hearing(
            session,
            row.id,
            year=today.year,
            kind=HearingKind.APRIL,
            held_on=april,
            held_by=session.user.display_name,
            result=HearingResult.ADEQUATE,
            note="アクセス管理、従業者の教育、廃棄の記録を確認",
        )

    held_on = max(date(today.year, 4, 10), today - timedelta(days=240))
    training.record(
        session,
        held_on=min(held_on, today),
        title="特定個人情報の取扱いに関する研修",
        content="個人番号の利用目的、安全管理措置、漏えい等事案が起きたときの対応",
        trainer="管理 花子",
        materials="特定個人情報取扱規程、研修資料（社内）",
        attendees=training.attendee_choices(session),
    )
