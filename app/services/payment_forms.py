"""支払調書 (報酬、料金、契約金及び賞金 309 / 不動産の使用料等 313): the payee's slips of a year, kept
through app.services.year_end, and each copy as PDF bytes for the in-program preview and print.

The 税務署提出用 carries the payee's number: a corporation's 法人番号 from the payee record
(public, checked, no reveal), an individual's 個人番号 opened through the reveal path's checks
(purpose 支払調書作成事務) inside the one write that logs one number.form_printed event per payee
and form and enters the output in the register, and draws the PDF. The payee's 写し opens no
number at all and has no parameter through which one could come (番号法, FORMS.md §1.1)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from app import errors, paths
from app.domain import corporate_number
from app.domain.access import Permission, purpose_in_scope
from app.domain.payment_slip import (
    FORMS,
    PAYEE,
    PURPOSE,
    TAX_OFFICE,
    PaymentSlip,
    box_values,
    payee_number_cells,
)
from app.domain.purposes import purpose as purpose_of
from app.domain.withholding_slip import A6, InvalidSlip, Payer
from app.services import audit, numbers, outputs, year_end
from app.services.forms import Rendered, drawing_for
from app.services.guard import renders_paper, storage_errors
from app.session import Session
from storage import office_repo, people_repo

if TYPE_CHECKING:
    from reports.form_layout import FormLayout

COPIES = (TAX_OFFICE, PAYEE)


def _payee(session: Session, person_id: int) -> people_repo.PersonDetails:
    numbers.person_for(session, person_id)
    with storage_errors():
        details = people_repo.details(session.vault.conn, person_id)
    if details is None:
        raise errors.NotFound("対象者が見つかりません。")
    if details.kind != "payee":
        raise errors.InvalidInput("支払調書は支払先について作成します。")
    return details


def office_payer(session: Session) -> Payer:
    """The payer block as far as the office is on file: its name, the address and phone of
    its contact, and its 法人番号 ("" when it has none set)."""
    with storage_errors():
        office = office_repo.get(session.vault.conn)
        contact = office_repo.contact(session.vault.conn)
    return Payer(
        office.name if office else "", contact.address, contact.phone, contact.corporate_number
    )


def for_year(session: Session, year: int, form: str) -> list[PaymentSlip]:
    """Every stored slip of the year for the form that the member may handle, by payee and
    slip: what a print of all the year's 支払調書 takes."""
    if form not in FORMS:
        raise errors.InvalidInput("この帳票にはまだ対応していません。")
    try:
        return [
            PaymentSlip(e.person_id, e.year, e.form, dict(e.amounts), dict(e.facts), e.slip)
            for e in year_end.for_year(session, year, form)
        ]
    except InvalidSlip as exc:
        raise errors.InvalidInput(str(exc)) from None


def slips(session: Session, person_id: int, year: int, form: str) -> list[PaymentSlip]:
    """The payee's stored slips of the year for the form, by slip number."""
    _payee(session, person_id)
    chosen = [slip for slip in for_year(session, year, form) if slip.person_id == person_id]
    return sorted(chosen, key=lambda slip: slip.slip)


def save(session: Session, slip: PaymentSlip) -> list[str]:
    """Store one slip the clerk typed (year_end.save logs the changed field names)."""
    _payee(session, slip.person_id)
    return year_end.save(session, slip.entry())


def _checked(year: int, form: str, chosen: Sequence[PaymentSlip], payer: Payer) -> None:
    if form not in FORMS:
        raise errors.InvalidInput("この帳票にはまだ対応していません。")
    if not chosen:
        raise errors.InvalidInput("出力する支払調書を選んでください。")
    if any(slip.year != year or slip.form != form for slip in chosen):
        raise errors.InvalidInput("別の年分・別の帳票の内容が含まれています。")
    if payer.corporate_number:
        try:
            corporate_number.parse(payer.corporate_number)
        except corporate_number.InvalidCorporateNumber as exc:
            raise errors.InvalidInput(str(exc)) from None


def _layout(form: str, year: int) -> FormLayout:
    from reports import fonts, form_layout

    try:
        layout = form_layout.load(form, year)
    except form_layout.FormLayoutError:
        raise errors.InvalidInput(f"{year}年分の様式はまだ用意されていません。") from None
    fonts.configure(paths.fonts_dir())
    return layout


def _values(
    session: Session, chosen: Sequence[PaymentSlip], payer: Payer
) -> tuple[list[dict[str, str]], dict[int, people_repo.PersonDetails]]:
    payees = {slip.person_id: _payee(session, slip.person_id) for slip in chosen}
    try:
        values = [box_values(slip, payees[slip.person_id].name, payer) for slip in chosen]
    except InvalidSlip as exc:
        raise errors.InvalidInput(str(exc)) from None
    return values, payees


@renders_paper
def render_payee_copy(
    session: Session,
    year: int,
    form: str,
    chosen: Sequence[PaymentSlip],
    payer: Payer,
    *,
    sheet: str = A6,
) -> Rendered:
    """The payee's 写し: no 個人番号 or 法人番号 of anyone; one form.printed event per payee.
    `sheet`: the paper (forms.drawing_for), one true-size slip a page unless told."""
    from reports import statutory_form as drawing

    _checked(year, form, chosen, payer)
    drawn_on, values_only = drawing_for(sheet)
    audit.require(session, Permission.HANDLE_NUMBERS)
    layout = _layout(form, year)
    values, payees = _values(session, chosen, payer)
    detail = {"form": form, "year": year, "copy": PAYEE}
    with storage_errors(), session.vault.write() as writer:
        pdf = drawing.render_payee(layout, values, sheet=drawn_on, values_only=values_only)
        audit.record_all(
            writer, session, [("form.printed", numbers.record_id(pid), detail) for pid in payees]
        )
    return Rendered(pdf, None)


@renders_paper
def render_tax_office(
    session: Session,
    year: int,
    form: str,
    chosen: Sequence[PaymentSlip],
    payer: Payer,
    *,
    sheet: str = A6,
    order: outputs.Order | None = None,
) -> Rendered:
    """The 税務署提出用 with the payee's, the broker's and the payer's numbers; registered.
    `sheet`: the paper (forms.drawing_for), one true-size slip a page unless told."""
    from reports import statutory_form as drawing

    _checked(year, form, chosen, payer)
    drawn_on, values_only = drawing_for(sheet)
    audit.require(session, Permission.HANDLE_NUMBERS)
    layout = _layout(form, year)
    values, payees = _values(session, chosen, payer)
    try:
        corporate = {pid: payee_number_cells(d.corporate_number) for pid, d in payees.items()}
    except InvalidSlip as exc:
        raise errors.InvalidInput(str(exc)) from None
    individuals = [pid for pid, digits in corporate.items() if digits is None]
    if not purpose_in_scope(session.user.scopes, PURPOSE):
        # The 支払調書作成事務 is the member's to do even when every payee is a corporation
        # (no 個人番号 opened): the output is registered under that purpose.
        audit.deny(
            session,
            "担当外の事務",
            target=f"year_end:{year}",
            detail={"reason": "purpose_scope", "purpose": PURPOSE},
        )
    order = outputs.checked(session, order or outputs.Order("税務署"), len(payees))
    for person_id in individuals:
        numbers.require_open(session, person_id, PURPOSE)
    payer_digits = (
        corporate_number.parse(payer.corporate_number).digits if payer.corporate_number else ""
    )
    detail = {"form": form, "year": year, "copy": TAX_OFFICE, "purpose": PURPOSE}
    with storage_errors(), session.vault.write() as writer:
        opened = {pid: numbers.open_for_form(writer, session, pid).digits() for pid in individuals}
        pages = []
        for slip, slip_values in zip(chosen, values, strict=True):
            digits = {"payee_number": corporate[slip.person_id] or opened[slip.person_id]}
            if payer_digits:
                digits["payer_number"] = payer_digits
            broker = slip.texts.get("broker_number", "")
            if broker:
                digits["broker_number"] = corporate_number.parse(broker).digits
            pages.append(drawing.Slip(values=slip_values, numbers=digits))
        pdf = drawing.render_tax_office(layout, pages, sheet=drawn_on, values_only=values_only)
        audit.record_all(
            writer,
            session,
            [
                (
                    "number.form_printed",
                    numbers.record_id(pid),
                    {**detail, "numbers": int(pid in opened)},
                )
                for pid in payees
            ],
        )
        output_id = outputs.register(
            writer,
            session,
            purpose=purpose_of(PURPOSE).short_name,
            form=f"{form}/{TAX_OFFICE}",
            year=year,
            person_ids=payees,
            order=order,
        )
    return Rendered(pdf, output_id)
