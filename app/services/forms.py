"""Statutory forms (法定調書): one copy of a form for some people, as PDF bytes for the in-program
preview and print; never written to a file here.

A copy that carries numbers opens them through the reveal path's checks (the purpose
源泉徴収事務 in the member's scope and among those each number was collected for), decrypts them
inside one write with one access-log event per person and form, and draws the PDF inside that
same write, so a failed drawing leaves no event for an output that never existed. The
受給者交付用 opens no number at all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app import errors, paths
from app.domain import corporate_number
from app.domain.access import Permission
from app.domain.purposes import purpose as purpose_of
from app.domain.withholding_slip import (
    A4_TWO_UP,
    DRAWING,
    FORM,
    MUNICIPAL,
    PURPOSE,
    RECIPIENT,
    SHEETS,
    TAX_OFFICE,
    FamilyMember,
    InvalidSlip,
    Payer,
    PersonYear,
    box_values,
    extra_numbers,
    family_rows,
    notes_text,
    number_boxes,
)
from app.services import audit, numbers, outputs
from app.services.guard import renders_paper, storage_errors
from app.session import Session
from storage import people_repo

COPIES = (TAX_OFFICE, MUNICIPAL, RECIPIENT)
# Where each copy with numbers goes unless the clerk says otherwise (a 社労士 or 税理士 who
# files it for the office, say).
DEFAULT_DESTINATION = {TAX_OFFICE: "税務署", MUNICIPAL: "市区町村"}


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    # The outputs register's entry of a copy with numbers; None for the 受給者交付用.
    output_id: int | None


def available_years(form: str) -> list[int]:
    """The years whose layout of the form the program holds (resources/forms/<form>/), newest
    first: the only years a dialog offers, since no other year can be drawn."""
    from reports import form_layout

    return form_layout.years(form)


def year_for(form: str, wanted: int) -> int | None:
    """The year a dialog opens on: `wanted` if its layout exists, else the latest year before
    it that has one, else the earliest after; None when the form has no layout at all."""
    years = available_years(form)
    if not years or wanted in years:
        return wanted if years else None
    earlier = [year for year in years if year < wanted]
    return max(earlier) if earlier else min(years)


def drawing_for(sheet: str) -> tuple[str, bool]:
    """The sheet a paper is drawn on (reports.form_sheets) and whether only the values are
    printed (pre-printed forms), for every slip form alike; an unknown paper is refused."""
    if sheet not in SHEETS:
        raise errors.InvalidInput("用紙の指定が正しくありません。")
    return DRAWING[sheet]


def default_order(copy: str) -> outputs.Order:
    return outputs.Order(DEFAULT_DESTINATION.get(copy, "本人"))


@renders_paper
def render(
    session: Session,
    year: int,
    form: str,
    copy: str,
    slips: Sequence[PersonYear],
    payer: Payer,
    *,
    sheet: str = A4_TWO_UP,
    order: outputs.Order | None = None,
) -> bytes:
    """One page per slip of the given copy (see `render_output`)."""
    return render_output(session, year, form, copy, slips, payer, sheet=sheet, order=order).pdf


@renders_paper
def render_output(
    session: Session,
    year: int,
    form: str,
    copy: str,
    slips: Sequence[PersonYear],
    payer: Payer,
    *,
    sheet: str = A4_TWO_UP,
    order: outputs.Order | None = None,
) -> Rendered:
    """One page per slip of the given copy. Refusals are logged; so is every page printed. A
    copy with numbers is entered in the outputs register (`order`: destination, method, and
    the reason for a bulk output) in the write that opens the numbers."""
    from reports import fonts, form_layout
    from reports import statutory_form as drawing

    if form != FORM:
        raise errors.InvalidInput("この帳票にはまだ対応していません。")
    if copy not in COPIES:
        raise errors.InvalidInput("帳票の控えの種類が正しくありません。")
    if not slips:
        raise errors.InvalidInput("出力する人を選んでください。")
    drawn_on, values_only = drawing_for(sheet)
    if any(slip.year != year for slip in slips):
        raise errors.InvalidInput("別の年分の内容が含まれています。")
    if payer.corporate_number:
        try:
            corporate_number.parse(payer.corporate_number)
        except corporate_number.InvalidCorporateNumber as exc:
            raise errors.InvalidInput(str(exc)) from None
    audit.require(session, Permission.HANDLE_NUMBERS)
    try:
        layout = form_layout.load(form, year)
    except form_layout.FormLayoutError:
        raise errors.InvalidInput(f"{year}年分の様式はまだ用意されていません。") from None
    people = {slip.person_id: numbers.person_for(session, slip.person_id) for slip in slips}
    try:
        values = [
            box_values(slip, people[slip.person_id].name, people[slip.person_id].kana, payer)
            for slip in slips
        ]
    except InvalidSlip as exc:
        raise errors.InvalidInput(str(exc)) from None
    detail = {"form": form, "year": year, "copy": copy}
    fonts.configure(paths.fonts_dir())
    # On pre-printed forms only the values are printed, by the same copy rules.
    if copy == RECIPIENT:
        with storage_errors(), session.vault.write() as writer:
            pdf = drawing.render_recipient(layout, values, sheet=drawn_on, values_only=values_only)
            audit.record_all(
                writer,
                session,
                [("form.printed", numbers.record_id(slip.person_id), detail) for slip in slips],
            )
        return Rendered(pdf, None)
    boxes = [number_boxes(slip, with_under_16=copy == MUNICIPAL) for slip in slips]
    notes = [extra_numbers(slip, with_under_16=copy == MUNICIPAL) for slip in slips]
    opened = {pid for slip_boxes in boxes for pid in slip_boxes.values()} | {
        pid for slip_notes in notes for entries in slip_notes.values() for _, pid in entries
    }
    order = outputs.checked(session, order or default_order(copy), len(opened))
    for person_id in opened:
        numbers.require_open(session, person_id, PURPOSE)
    with storage_errors(), session.vault.write() as writer:
        pages = []
        for slip_values, slip_boxes, slip_notes in zip(values, boxes, notes, strict=True):
            digits = {
                box_id: numbers.open_for_form(writer, session, person_id).digits()
                for box_id, person_id in slip_boxes.items()
            }
            for box_id, entries in slip_notes.items():
                digits[box_id] = notes_text(
                    [
                        (n, numbers.open_for_form(writer, session, person_id).digits())
                        for n, person_id in entries
                    ]
                )
            if payer.corporate_number:
                digits["payer_number"] = corporate_number.parse(payer.corporate_number).digits
            pages.append(drawing.Slip(values=slip_values, numbers=digits))
        render_copy = drawing.render_municipal if copy == MUNICIPAL else drawing.render_tax_office
        pdf = render_copy(layout, pages, sheet=drawn_on, values_only=values_only)
        audit.record_all(
            writer,
            session,
            [
                (
                    "number.form_printed",
                    numbers.record_id(slip.person_id),
                    {
                        **detail,
                        "purpose": PURPOSE,
                        "numbers": len(slip_boxes) + sum(map(len, slip_notes.values())),
                    },
                )
                for slip, slip_boxes, slip_notes in zip(slips, boxes, notes, strict=True)
            ],
        )
        output_id = outputs.register(
            writer,
            session,
            purpose=purpose_of(PURPOSE).short_name,
            form=f"{form}/{copy}",
            year=year,
            person_ids=opened,
            order=order,
        )
    return Rendered(pdf, output_id)


def person_year(
    session: Session, person_id: int, year: int, amounts: Mapping[str, int]
) -> PersonYear:
    """An employee's slip for the year with the typed amounts and the family as registered:
    the spouse, the dependants of 16 or over and those under 16 on 31 December."""
    person = numbers.person_for(session, person_id)
    if person.kind != "employee":
        raise errors.InvalidInput("源泉徴収票は従業員について作成します。")
    with storage_errors():
        registered = people_repo.dependents_of(session.vault.conn, person_id)
    family = [
        FamilyMember(
            member.id,
            member.name,
            member.kana,
            member.relation or "",
            date.fromisoformat(member.birth_date) if member.birth_date else None,
            member.has_number,
        )
        for member in registered
        if member.retired_at is None
    ]
    spouse, older, younger = family_rows(family, year)
    try:
        return PersonYear(
            person_id=person_id,
            year=year,
            amounts=amounts,
            spouse=spouse,
            dependants=older,
            under_16=younger,
        )
    except InvalidSlip as exc:
        raise errors.InvalidInput(str(exc)) from None
