"""退職所得の源泉徴収票・特別徴収票 (316): a leaver's slip of a year, kept through
app.services.year_end, and each copy as PDF bytes for the in-program preview and print.

The 税務署提出用 and the 市区町村提出用 (特別徴収票) carry the recipient's 個人番号, opened through
the reveal path's checks (purpose 源泉徴収事務) inside the one write that logs one
number.form_printed event per person, enters the output in the register and draws the PDF, and
the payer's 法人番号. The 受給者交付用 opens no number and has no parameter for one."""

from __future__ import annotations

from collections.abc import Sequence

from app import errors, paths
from app.domain import corporate_number
from app.domain.access import Permission
from app.domain.purposes import purpose as purpose_of
from app.domain.retirement_slip import (
    FORM,
    MUNICIPAL,
    PURPOSE,
    RECIPIENT,
    TAX_OFFICE,
    RetirementSlip,
    box_values,
    from_entry,
)
from app.domain.withholding_slip import A6, InvalidSlip, Payer
from app.services import audit, numbers, outputs, year_end
from app.services.forms import Rendered, drawing_for
from app.services.guard import renders_paper, storage_errors
from app.session import Session
from storage.people_repo import PersonRecord

COPIES = (TAX_OFFICE, MUNICIPAL, RECIPIENT)
DEFAULT_DESTINATION = {TAX_OFFICE: "税務署", MUNICIPAL: "市区町村"}
# The access log calls the municipal copy of this form by its own name (特別徴収票).
LOGGED_COPY = {TAX_OFFICE: TAX_OFFICE, MUNICIPAL: "special_levy", RECIPIENT: RECIPIENT}


def _employee(session: Session, person_id: int) -> PersonRecord:
    person = numbers.person_for(session, person_id)
    if person.kind != "employee":
        raise errors.InvalidInput("退職所得の源泉徴収票は従業員について作成します。")
    return person


def load(session: Session, person_id: int, year: int) -> RetirementSlip | None:
    _employee(session, person_id)
    entry = year_end.load(session, person_id, year, FORM)
    if entry is None:
        return None
    try:
        return from_entry(entry)
    except InvalidSlip as exc:
        raise errors.InvalidInput(str(exc)) from None


def for_year(session: Session, year: int) -> list[RetirementSlip]:
    """Every stored 退職 slip of the year that the member may handle, by person."""
    try:
        return [from_entry(entry) for entry in year_end.for_year(session, year, FORM)]
    except InvalidSlip as exc:
        raise errors.InvalidInput(str(exc)) from None


def save(session: Session, slip: RetirementSlip) -> list[str]:
    """Store the slip the clerk typed (year_end.save logs the changed field names)."""
    _employee(session, slip.person_id)
    return year_end.save(session, slip.entry())


@renders_paper
def render_output(
    session: Session,
    year: int,
    copy: str,
    chosen: Sequence[RetirementSlip],
    payer: Payer,
    *,
    sheet: str = A6,
    order: outputs.Order | None = None,
) -> Rendered:
    """The slips of the copy on the paper `sheet` (forms.drawing_for; one true-size slip a
    page unless told); the copies with numbers are registered (`order`)."""
    from reports import fonts, form_layout
    from reports import statutory_form as drawing

    if copy not in COPIES:
        raise errors.InvalidInput("帳票の控えの種類が正しくありません。")
    if not chosen:
        raise errors.InvalidInput("出力する人を選んでください。")
    drawn_on, values_only = drawing_for(sheet)
    if any(slip.year != year for slip in chosen):
        raise errors.InvalidInput("別の年分の内容が含まれています。")
    if payer.corporate_number:
        try:
            corporate_number.parse(payer.corporate_number)
        except corporate_number.InvalidCorporateNumber as exc:
            raise errors.InvalidInput(str(exc)) from None
    audit.require(session, Permission.HANDLE_NUMBERS)
    try:
        layout = form_layout.load(FORM, year)
    except form_layout.FormLayoutError:
        raise errors.InvalidInput(f"{year}年分の様式はまだ用意されていません。") from None
    people = {slip.person_id: _employee(session, slip.person_id) for slip in chosen}
    try:
        values = [box_values(slip, people[slip.person_id].name, payer) for slip in chosen]
    except InvalidSlip as exc:
        raise errors.InvalidInput(str(exc)) from None
    detail = {"form": FORM, "year": year, "copy": LOGGED_COPY[copy]}
    fonts.configure(paths.fonts_dir())
    if copy == RECIPIENT:
        with storage_errors(), session.vault.write() as writer:
            pdf = drawing.render_recipient(layout, values, sheet=drawn_on, values_only=values_only)
            audit.record_all(
                writer,
                session,
                [("form.printed", numbers.record_id(pid), detail) for pid in people],
            )
        return Rendered(pdf, None)
    order = outputs.checked(session, order or outputs.Order(DEFAULT_DESTINATION[copy]), len(people))
    for person_id in people:
        numbers.require_open(session, person_id, PURPOSE)
    payer_digits = (
        corporate_number.parse(payer.corporate_number).digits if payer.corporate_number else ""
    )
    with storage_errors(), session.vault.write() as writer:
        opened = {pid: numbers.open_for_form(writer, session, pid).digits() for pid in people}
        pages = []
        for slip, slip_values in zip(chosen, values, strict=True):
            digits = {"number": opened[slip.person_id]}
            if payer_digits:
                digits["payer_number"] = payer_digits
            pages.append(drawing.Slip(values=slip_values, numbers=digits))
        render_copy = drawing.render_municipal if copy == MUNICIPAL else drawing.render_tax_office
        pdf = render_copy(layout, pages, sheet=drawn_on, values_only=values_only)
        audit.record_all(
            writer,
            session,
            [
                (
                    "number.form_printed",
                    numbers.record_id(pid),
                    {**detail, "purpose": PURPOSE, "numbers": 1},
                )
                for pid in people
            ],
        )
        output_id = outputs.register(
            writer,
            session,
            purpose=purpose_of(PURPOSE).short_name,
            form=f"{FORM}/{copy}",
            year=year,
            person_ids=people,
            order=order,
        )
    return Rendered(pdf, output_id)
