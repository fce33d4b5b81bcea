"""The calibration page for printing onto pre-printed forms (reports.print_calibration): no
personal data, so it opens nothing and logs nothing; any signed-in member may print it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app import errors, paths
from app.domain.withholding_slip import DRAWING, FORM, PREPRINTED
from app.domain.year_end import FEES, RENT, RETIREMENT
from app.services.guard import renders_paper

if TYPE_CHECKING:
    from reports.form_layout import FormLayout

# The forms whose pre-printed sets the program prints onto (their slips; not the A4 合計表).
CALIBRATED = (FORM, RETIREMENT, FEES, RENT)


def _layout(year: int, form: str) -> FormLayout:
    from reports import form_layout

    if form not in CALIBRATED:
        raise errors.InvalidInput("この帳票にはまだ対応していません。")
    try:
        return form_layout.load(form, year)
    except form_layout.FormLayoutError:
        raise errors.InvalidInput(f"{year}年分の様式はまだ用意されていません。") from None


def portrait_sheet(year: int, form: str = FORM) -> bool:
    """Whether the form's pre-printed sheet is A4 portrait (a landscape slip, two stacked) or
    A4 landscape (the upright 給与 slip, two side by side). A printer's offset is kept for each
    (ui.print_offsets): a sheet turned the other way meets the printer's shift turned too."""
    from reports import form_sheets

    sheet = form_sheets.sheet_for(_layout(year, form), DRAWING[PREPRINTED][0])
    return sheet.h > sheet.w


@renders_paper
def calibration_page(year: int, form: str = FORM, sheet: str = PREPRINTED) -> bytes:
    """One page: the form's ruling at the place the program prints it, two crosses with scales
    and a 100 mm ruler, on the sheet the pre-printed forms are printed on."""
    from reports import fonts
    from reports.print_calibration import render_calibration

    if sheet not in DRAWING:
        raise errors.InvalidInput("用紙の指定が正しくありません。")
    layout = _layout(year, form)
    fonts.configure(paths.fonts_dir())
    return render_calibration(layout, DRAWING[sheet][0])
