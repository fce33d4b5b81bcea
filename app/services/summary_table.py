"""The 給与所得の源泉徴収票等の法定調書合計表 of a year: the sums of the stored year-end entries the
member may handle, and the form as PDF bytes for the in-program preview and print.

It carries only the payer's 法人番号 (public), no one's 個人番号, so it opens nothing from the
vault and is not an output of the register. Which slips must be submitted is the submission
rules' decision (app.domain.submission_range), as the year-end page shows it."""

from __future__ import annotations

from app import errors, paths
from app.domain import corporate_number, submission_range
from app.domain.summary_table import SummaryTable, summarize
from app.domain.withholding_slip import Payer
from app.domain.year_end import SUMMARY, YearEndEntry
from app.services import audit, year_end
from app.services.guard import renders_paper, storage_errors
from app.session import Session
from storage import submission_repo, year_end_repo


def table(session: Session, year: int) -> SummaryTable:
    """The year's sums over every stored slip (year_end.for_year checks the permission); refused
    (and logged) to a member whose groups leave out anyone's slip of the year."""
    entries = year_end.for_year(session, year)
    with storage_errors():
        people = submission_repo.people_of_year(session.vault.conn, year)
        stored = year_end_repo.for_year(session.vault.conn, year)
    if len(stored) != len(entries):
        # The office's one return: from a member's groups only it would be filed short.
        audit.deny(
            session,
            "担当範囲外の対象者を含む合計表の作成",
            target=f"year_end:{year}",
            detail={"reason": "group_scope"},
        )
    corporate = {person.id for person in people if person.corporate}

    # A payee's 支払調書 are decided on the year's total of their slips (per payee per year).
    decisions = submission_range.tax_office_all(entries, corporate_payees=corporate)
    chosen = {
        (entry.person_id, entry.form, entry.slip)
        for entry, decision in zip(entries, decisions, strict=True)
        if decision.required
    }

    def required(entry: YearEndEntry) -> bool:
        return (entry.person_id, entry.form, entry.slip) in chosen

    return summarize(year, entries, required)


@renders_paper
def render(session: Session, year: int, payer: Payer) -> bytes:
    from reports import fonts, form_layout
    from reports import statutory_form as drawing

    digits = ""
    if payer.corporate_number:
        try:
            digits = corporate_number.parse(payer.corporate_number).digits
        except corporate_number.InvalidCorporateNumber as exc:
            raise errors.InvalidInput(str(exc)) from None
    sums = table(session, year)
    try:
        layout = form_layout.load(SUMMARY, year)
    except form_layout.FormLayoutError:
        raise errors.InvalidInput(f"{year}年分の様式はまだ用意されていません。") from None
    values = {
        **sums.box_values(),
        "payer_name": payer.name,
        "payer_address": payer.address,
        "payer_phone": payer.phone,
    }
    values = {key: value for key, value in values.items() if value}
    fonts.configure(paths.fonts_dir())
    numbers = {"payer_number": digits} if digits else {}
    return drawing.render_tax_office(layout, [drawing.Slip(values=values, numbers=numbers)])
