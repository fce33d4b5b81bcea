"""Printing a year's forms for chosen people from their stored year-end content: the slips the
program can draw, the office as the payer, and the copy drawn through `forms.render_output`
(the reveal path's checks, one event per person, the outputs register for a copy with
numbers). The year-end page and `forms print` both come here."""

from __future__ import annotations

from collections.abc import Sequence

from app import errors
from app.domain.withholding_slip import (
    AMOUNT_FIELDS,
    COPY_LABELS,
    MUNICIPAL,
    RECIPIENT,
    TAX_OFFICE,
    Payer,
    PersonYear,
)
from app.domain.year_end import FORMS, SALARY
from app.services import forms, numbers, office_contact, outputs
from app.services.guard import renders_paper, storage_errors
from app.session import Session
from storage import office_repo, year_end_repo

# The forms the program can draw, with their copies (forms.render_output). The 支払調書 and
# 退職 forms come with their layouts (resources/forms/<form>/); until then they are refused.
PRINTABLE: dict[str, tuple[str, ...]] = {SALARY: (TAX_OFFICE, MUNICIPAL, RECIPIENT)}
NUMBERED_COPIES = (TAX_OFFICE, MUNICIPAL)


def printable_text() -> str:
    return "、".join(
        f"{FORMS[form]}（{'・'.join(COPY_LABELS[c] for c in copies)}）"
        for form, copies in PRINTABLE.items()
    )


def check_printable(form: str, copy: str) -> None:
    """Refuse a form or copy the program cannot draw, saying which it can."""
    if form not in PRINTABLE:
        name = FORMS.get(form, form)
        raise errors.InvalidInput(f"{name}はまだ印刷できません。印刷できる帳票: {printable_text()}")
    if copy not in PRINTABLE[form]:
        raise errors.InvalidInput(
            f"{FORMS[form]}にこの控えはありません。印刷できる帳票: {printable_text()}"
        )


def payer(session: Session) -> Payer:
    """The office as the payer: its name, address and phone (the 法人番号 is not kept yet)."""
    with storage_errors():
        office = office_repo.get(session.vault.conn)
    contact = office_contact.contact(session)
    return Payer(office.name if office else "", contact.address, contact.phone)


def salary_slips(session: Session, year: int, person_ids: Sequence[int]) -> list[PersonYear]:
    """Each person's stored 給与 slips of the year with the family as registered. A person
    with none is refused by name (the clerk enters or imports it first)."""
    with storage_errors():
        stored = year_end_repo.for_year(session.vault.conn, year, SALARY)
    slips = []
    for person_id in person_ids:
        person = numbers.person_for(session, person_id)
        rows = [row for row in stored if row.person_id == person_id]
        if not rows:
            raise errors.InvalidInput(
                f"{person.name}さんの{year}年分の給与の内容がまだ入力されていません。"
            )
        for row in rows:
            amounts = {key: value for key, value in row.amounts.items() if key in AMOUNT_FIELDS}
            slips.append(forms.person_year(session, person_id, year, amounts))
    return slips


@renders_paper
def print_copy(
    session: Session,
    year: int,
    form: str,
    copy: str,
    person_ids: Sequence[int],
    order: outputs.Order | None = None,
) -> forms.Rendered:
    """The copy for the chosen people, one page a slip (see forms.render_output)."""
    check_printable(form, copy)
    if not person_ids:
        raise errors.InvalidInput("出力する人を選んでください。")
    slips = salary_slips(session, year, person_ids)
    return forms.render_output(session, year, form, copy, slips, payer(session), order=order)
