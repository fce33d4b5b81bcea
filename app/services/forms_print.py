"""Printing a year's forms for chosen people from their stored year-end content: every form the
program draws (給与・退職の源泉徴収票, the two 支払調書 and the 合計表), the office as the payer, and
each copy drawn through its form's service (`forms.render_output`, `retirement_forms`,
`payment_forms`, `summary_table`): the reveal path's checks, one event per person, the outputs
register for a copy with numbers. The year-end page and `forms print` both come here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from typing import Protocol, TypeVar

from app import errors
from app.domain import corporate_number
from app.domain.payment_slip import PAYEE
from app.domain.withholding_slip import (
    AMOUNT_FIELDS,
    MUNICIPAL,
    RECIPIENT,
    TAX_OFFICE,
    Payer,
    PersonYear,
)
from app.domain.year_end import FEES, FORMS, RENT, RETIREMENT, SALARY, SUMMARY
from app.services import (
    forms,
    numbers,
    office_contact,
    outputs,
    payment_forms,
    retirement_forms,
    summary_table,
)
from app.services.guard import renders_paper, storage_errors
from app.session import Session
from storage import office_repo, year_end_repo

# The forms the program can draw, with their copies. The 合計表 has one copy (to the tax
# office) and names no one.
PRINTABLE: dict[str, tuple[str, ...]] = {
    SALARY: (TAX_OFFICE, MUNICIPAL, RECIPIENT),
    RETIREMENT: (TAX_OFFICE, MUNICIPAL, RECIPIENT),
    FEES: (TAX_OFFICE, PAYEE),
    RENT: (TAX_OFFICE, PAYEE),
    SUMMARY: (TAX_OFFICE,),
}
NUMBERED_COPIES = (TAX_OFFICE, MUNICIPAL)
COPY_NAMES = {
    TAX_OFFICE: "税務署提出用",
    MUNICIPAL: "市区町村提出用",
    RECIPIENT: "受給者交付用",
    PAYEE: "支払先への写し",
}


def numbered(form: str, copy: str) -> bool:
    """Whether the copy carries someone's number (and so is encrypted and registered): every
    copy to the tax office or the city but the 合計表's, which carries only the payer's 法人番号."""
    return form != SUMMARY and copy in NUMBERED_COPIES


def printable_text() -> str:
    return "、".join(
        f"{FORMS[form]}（{'・'.join(COPY_NAMES[c] for c in copies)}）"
        for form, copies in PRINTABLE.items()
    )


def check_printable(form: str, copy: str) -> None:
    """Refuse a form or copy the program cannot draw, saying which it can."""
    if form not in PRINTABLE:
        name = FORMS.get(form, form)
        raise errors.InvalidInput(f"{name}は印刷できません。印刷できる帳票: {printable_text()}")
    if copy not in PRINTABLE[form]:
        raise errors.InvalidInput(
            f"{FORMS[form]}にこの控えはありません。印刷できる帳票: {printable_text()}"
        )


def payer(session: Session, corporate: str = "") -> Payer:
    """The office as the payer: its name, address and phone, and its 法人番号 as kept with its
    contact, unless one is given (it overrides the office's for this print)."""
    if corporate:
        try:
            corporate_number.parse(corporate)
        except corporate_number.InvalidCorporateNumber as exc:
            raise errors.InvalidInput(str(exc)) from None
    with storage_errors():
        office = office_repo.get(session.vault.conn)
    contact = office_contact.contact(session)
    return Payer(
        office.name if office else "",
        contact.address,
        contact.phone,
        corporate or contact.corporate_number,
    )


def _missing(session: Session, person_id: int, year: int, form: str) -> errors.InvalidInput:
    person = numbers.person_for(session, person_id)
    return errors.InvalidInput(
        f"{person.name}さんの{year}年分の{FORMS[form]}の内容がまだ入力されていません。"
    )


def salary_slips(
    session: Session,
    year: int,
    person_ids: Sequence[int],
    slips: Mapping[int, Set[int]] | None = None,
) -> list[PersonYear]:
    """Each person's stored 給与 slips of the year (those of `slips` when given) with the
    family as registered. A person with none is refused by name (the clerk enters or imports
    it first)."""
    with storage_errors():
        stored = year_end_repo.for_year(session.vault.conn, year, SALARY)
    drawn = []
    for person_id in person_ids:
        person = numbers.person_for(session, person_id)
        rows = [row for row in stored if row.person_id == person_id]
        if not rows:
            raise errors.InvalidInput(
                f"{person.name}さんの{year}年分の給与の内容がまだ入力されていません。"
            )
        for row in rows:
            if slips is not None and row.slip not in slips.get(person_id, ()):
                continue
            amounts = {key: value for key, value in row.amounts.items() if key in AMOUNT_FIELDS}
            drawn.append(forms.person_year(session, person_id, year, amounts))
    return drawn


class _Slip(Protocol):
    @property
    def person_id(self) -> int: ...


S = TypeVar("S", bound=_Slip)


def _number(slip: _Slip) -> int:
    return getattr(slip, "slip", 1)  # a 退職 slip is the only one of its year


def _by_person(
    session: Session,
    year: int,
    form: str,
    stored: Sequence[S],
    person_ids: Sequence[int],
    slips: Mapping[int, Set[int]] | None,
) -> list[S]:
    """The stored slips of the people in the order given (a payee's by slip number), only
    those of `slips` when given."""
    chosen: list[S] = []
    for person_id in person_ids:
        own = [slip for slip in stored if slip.person_id == person_id]
        if not own:
            raise _missing(session, person_id, year, form)
        if slips is not None:
            own = [slip for slip in own if _number(slip) in slips.get(person_id, ())]
        chosen.extend(sorted(own, key=_number))
    return chosen


@renders_paper
def print_copy(
    session: Session,
    year: int,
    form: str,
    copy: str,
    person_ids: Sequence[int],
    order: outputs.Order | None = None,
    *,
    payer_number: str = "",
    slips: Mapping[int, Set[int]] | None = None,
) -> forms.Rendered:
    """The copy for the chosen people, one page a slip (every slip of the form they have, or
    those of `slips`: person id -> slip numbers), by the form's own service; the 合計表 sums
    every slip the member may handle and takes no people."""
    check_printable(form, copy)
    paying = payer(session, payer_number)
    if form == SUMMARY:
        return forms.Rendered(summary_table.render(session, year, paying), None)
    if not person_ids:
        raise errors.InvalidInput("出力する人を選んでください。")
    if form == SALARY:
        drawn = salary_slips(session, year, person_ids, slips)
        return forms.render_output(session, year, form, copy, drawn, paying, order=order)
    if form == RETIREMENT:
        stored = retirement_forms.for_year(session, year)
        chosen = _by_person(session, year, form, stored, person_ids, slips)
        return retirement_forms.render_output(session, year, copy, chosen, paying, order=order)
    stored_payments = payment_forms.for_year(session, year, form)
    payments = _by_person(session, year, form, stored_payments, person_ids, slips)
    if copy == PAYEE:
        return payment_forms.render_payee_copy(session, year, form, payments, paying)
    return payment_forms.render_tax_office(session, year, form, payments, paying, order=order)
