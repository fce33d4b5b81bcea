"""The calibration page for printing onto pre-printed forms (reports.print_calibration): no
personal data, so it opens nothing and logs nothing; any signed-in member may print it."""

from __future__ import annotations

from app import errors, paths
from app.domain.withholding_slip import DRAWING, FORM, PREPRINTED
from app.services.guard import renders_paper


@renders_paper
def calibration_page(year: int, form: str = FORM, sheet: str = PREPRINTED) -> bytes:
    """One page: the form's ruling at the place the program prints it, two crosses with scales
    and a 100 mm ruler, on the sheet the pre-printed forms are printed on."""
    from reports import fonts, form_layout
    from reports.print_calibration import render_calibration

    if sheet not in DRAWING:
        raise errors.InvalidInput("用紙の指定が正しくありません。")
    try:
        layout = form_layout.load(form, year)
    except form_layout.FormLayoutError:
        raise errors.InvalidInput(f"{year}年分の様式はまだ用意されていません。") from None
    fonts.configure(paths.fonts_dir())
    return render_calibration(layout, DRAWING[sheet][0])
