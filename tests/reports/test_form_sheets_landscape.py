"""The sheets of a landscape slip (支払調書 報酬・不動産, 退職所得の源泉徴収票; A6 横 148 × 105 mm):
one true-size slip on an A6 landscape page, two A5 slips stacked on A4 portrait with a dotted
cut line across, four true-size quarters on A4 landscape with crop marks."""

from __future__ import annotations

import io
import itertools

import pypdf
import pytest
from reportlab.lib.units import mm

from reports import form_sheets
from reports import statutory_form as sf
from reports.form_layout import load
from tests.reports.test_form_sheets import _segments
from tests.reports.test_other_forms import FEES, RENT, RETIREMENT, _runs
from tests.reports.test_statutory_form import _digit_centres, _text

LANDSCAPE = ("hoshu", "fudosan", "taishoku")
VALUES = {"hoshu": FEES, "fudosan": RENT, "taishoku": RETIREMENT}
NUMBER_BOX = {"hoshu": "payee_number", "fudosan": "payee_number", "taishoku": "number"}
PEOPLE = ("123456789018", "234567890129", "345678901230", "456789012341", "567890123452")
CORPORATE = "4010001234567"


def _slips(form: str, count: int) -> list[sf.Slip]:
    return [
        sf.Slip(VALUES[form], {NUMBER_BOX[form]: PEOPLE[k], "payer_number": CORPORATE})
        for k in range(count)
    ]


def _page_mm(pdf: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width) / mm, 1), round(float(p.mediabox.height) / mm, 1))
        for p in pypdf.PdfReader(io.BytesIO(pdf)).pages
    ]


@pytest.mark.parametrize("form", LANDSCAPE)
def test_a_landscape_slip_gets_the_arrangements_turned(form: str) -> None:
    layout = load(form, 2026)
    a6 = form_sheets.sheet_for(layout, sf.A6)
    assert (a6.w, a6.h, a6.scale, a6.corners) == (148.0, 105.0, 1.0, ((0.0, 0.0),))

    two = form_sheets.sheet_for(layout, sf.A4_TWO_UP)
    assert (two.w, two.h) == (210.0, 297.0)  # A4 portrait
    assert two.scale == pytest.approx(148.5 / 105, abs=1e-4)  # A6 → A5
    assert [(round(x, 2), y) for x, y in two.corners] == [(0.69, 0.0), (0.69, 148.5)]
    assert form_sheets.cut_line(two) == (0.0, 148.5, 210.0, 148.5)

    four = form_sheets.sheet_for(layout, sf.A4_FOUR_UP)
    assert (four.w, four.h, four.scale) == (297.0, 210.0, 1.0)  # A4 landscape, true size
    assert four.corners == ((0.0, 0.0), (148.5, 0.0), (0.0, 105.0), (148.5, 105.0))
    assert form_sheets.cut_line(four) is None

    # No slip runs off its sheet or into another one.
    for sheet in (a6, two, four):
        w, h = layout.page_w * sheet.scale, layout.page_h * sheet.scale
        for x, y in sheet.corners:
            assert min(x, y) >= -0.01
            assert x + w <= sheet.w + 0.01 and y + h <= sheet.h + 0.01
        for (x0, y0), (x1, y1) in itertools.combinations(sheet.corners, 2):
            assert x0 + w <= x1 + 0.01 or x1 + w <= x0 + 0.01 or y0 + h <= y1 + 0.01


def test_a_portrait_slip_keeps_its_arrangements() -> None:
    layout = load("gensen_choshu", 2026)
    two = form_sheets.sheet_for(layout, sf.A4_TWO_UP)
    assert (two.w, two.h, two.turned) == (297.0, 210.0, False)
    assert form_sheets.cut_line(two) == (148.5, 210.0, 148.5, 0.0)
    four = form_sheets.sheet_for(layout, sf.A4_FOUR_UP)
    assert (four.w, four.h) == (210.0, 297.0)
    assert four.corners == ((0.0, 0.0), (105.0, 0.0), (0.0, 148.5), (105.0, 148.5))


@pytest.mark.parametrize("form", LANDSCAPE)
def test_the_crop_marks_of_a_landscape_four_up_sheet_lie_in_its_gutters(form: str) -> None:
    layout = load(form, 2026)
    sheet = form_sheets.sheet_for(layout, sf.A4_FOUR_UP)
    marks = form_sheets.crop_marks(layout, sheet)
    assert len(marks) == 6
    assert all(m[0] == m[2] == 148.5 or m[1] == m[3] == 105.0 for m in marks)
    assert (148.5, 100.0, 148.5, 110.0) in marks and (143.5, 105.0, 153.5, 105.0) in marks
    for x0, y0, x1, y1 in marks:
        assert min(x0, x1, y0, y1) > 0
        assert max(x0, x1) < sheet.w and max(y0, y1) < sheet.h
    left, top, right, bottom = form_sheets.content_area(layout)
    for x, y in sheet.corners:
        for x0, y0, x1, y1 in marks:
            assert x1 < x + left or x0 > x + right or y1 < y + top or y0 > y + bottom
    drawn = _segments(sf.render_tax_office(layout, _slips(form, 4), sheet=sf.A4_FOUR_UP))
    for mark in marks:
        assert any(all(abs(a - b) < 0.01 for a, b in zip(mark, s, strict=True)) for s in drawn)


@pytest.mark.parametrize("form", LANDSCAPE)
def test_the_two_up_cut_line_runs_across_between_the_stacked_slips(form: str) -> None:
    layout = load(form, 2026)
    pdf = sf.render_tax_office(layout, _slips(form, 2), sheet=sf.A4_TWO_UP)
    assert _page_mm(pdf) == [(210.0, 297.0)]
    drawn = _segments(pdf)
    assert any(
        all(abs(a - b) < 0.01 for a, b in zip(line, (0.0, 148.5, 210.0, 148.5), strict=True))
        for line in drawn
    )
    sheet = form_sheets.sheet_for(layout, sf.A4_TWO_UP)
    _left, top, _right, bottom = form_sheets.content_area(layout)
    (_, upper), (_, lower) = sheet.corners
    assert upper + bottom * sheet.scale < 148.5 < lower + top * sheet.scale


@pytest.mark.parametrize("form", LANDSCAPE)
def test_a_number_cell_on_the_four_up_sheet_is_its_layout_place_plus_the_quarter(
    form: str,
) -> None:
    layout = load(form, 2026)
    pdf = sf.render_tax_office(layout, _slips(form, 5), sheet=sf.A4_FOUR_UP)
    assert _page_mm(pdf) == [(297.0, 210.0), (297.0, 210.0)]
    box = layout.box(NUMBER_BOX[form])
    cells = [(a + b) / 2 for a, b in itertools.pairwise(box.edges)]
    if len(cells) == 13:
        cells = cells[1:]  # a 12-digit 個人番号 leaves the first of 13 cells blank
    for k, (x, y) in enumerate(((0.0, 0.0), (148.5, 0.0), (0.0, 105.0), (148.5, 105.0))):
        digits = [
            (d, c)
            for d, c in _digit_centres(pdf, y + box.y, y + box.y + box.h, box.pt)
            if x + box.x <= c <= x + box.x + box.w
        ]
        assert "".join(d for d, _ in digits) == PEOPLE[k]
        for (_, centre), expected in zip(digits, cells, strict=True):
            assert centre == pytest.approx(x + expected, abs=0.5)


@pytest.mark.parametrize("sheet", sf.SHEETS)
@pytest.mark.parametrize("form", LANDSCAPE)
def test_every_copy_reads_back_on_every_sheet(form: str, sheet: str) -> None:
    layout = load(form, 2026)
    values = VALUES[form]
    name = values.get("payee_name", values.get("name", "")).replace(" ", "")
    arrangement = form_sheets.sheet_for(layout, sheet)
    expected_page = (round(arrangement.w, 1), round(arrangement.h, 1))
    for copy in layout.copies:
        if copy in (sf.PAYEE, sf.RECIPIENT):
            render = sf.render_payee if copy == sf.PAYEE else sf.render_recipient
            for values_only in (False, True):
                pdf = render(layout, [values, values], sheet=sheet, values_only=values_only)
                assert name in _text(pdf), (copy, values_only)
                assert _runs(pdf) == [], (copy, values_only)  # no 12/13-digit run
                assert _page_mm(pdf)[0] == expected_page
            continue
        render = sf.render_municipal if copy == sf.MUNICIPAL else sf.render_tax_office
        for values_only in (False, True):
            pdf = render(layout, _slips(form, 2), sheet=sheet, values_only=values_only)
            text = _text(pdf)
            assert name in text and "株式会社サンプル商事" in text, (copy, values_only)
            runs = " ".join(_runs(pdf))  # values only: the year's digit may run into a number
            assert PEOPLE[0] in runs and CORPORATE in runs, (copy, values_only)
            assert _page_mm(pdf)[0] == expected_page


@pytest.mark.parametrize("form", LANDSCAPE)
def test_the_calibration_page_of_a_landscape_slip_is_its_pre_printed_sheet(form: str) -> None:
    from reports import print_calibration as calibration

    layout = load(form, 2026)
    pdf = calibration.render_calibration(layout, sf.A4_TWO_UP)
    assert _page_mm(pdf) == [(210.0, 297.0)]
    drawn = _segments(pdf)
    reach = calibration.SCALE_REACH
    positions = calibration.crosses(layout, sf.A4_TWO_UP)
    assert len(positions) == 4  # two crosses on each of the two slips
    for cx, cy in positions:
        for line in ((cx - reach, cy, cx + reach, cy), (cx, cy - reach, cx, cy + reach)):
            assert any(all(abs(a - b) < 0.01 for a, b in zip(line, s, strict=True)) for s in drawn)
        assert min(cx, cy) - reach > 0 and cx + reach < 210 and cy + reach < 297
    # Each cross on the form's own ruling, the rules running past the scales.
    for cx, cy, inward in calibration.marks_for(layout).crosses:
        v_end, h_end = (
            cy + calibration.SCALE_ALONG_Y * inward,
            cx + calibration.SCALE_ALONG_X * inward,
        )
        assert any(
            r.dir == "V" and abs(r.at - cx) < 0.01 and min(r.start, r.end) <= min(cy, v_end)
            and max(r.start, r.end) >= max(cy, v_end)
            for r in layout.rules
        )  # fmt: skip
        assert any(
            r.dir == "H" and abs(r.at - cy) < 0.01 and min(r.start, r.end) <= min(cx, h_end)
            and max(r.start, r.end) >= max(cx, h_end)
            for r in layout.rules
        )  # fmt: skip
    assert "位置合わせ用紙" in _text(pdf)
