"""The print modes of the 給与所得の源泉徴収票: four true-size A6 slips on A4 with crop marks, the
values-only path for pre-printed forms, and the calibration page laid over such a form."""

from __future__ import annotations

import io
import itertools
import re

import pypdf
import pytest
from pypdf.generic import ContentStream
from reportlab.lib.units import mm

from reports import form_sheets
from reports import print_calibration as calibration
from reports import statutory_form as sf
from reports.errors import ReportError
from reports.form_layout import FormLayout, load
from tests.reports.test_form_layout import RECIPIENT_EDGES
from tests.reports.test_statutory_form import (
    NUMBERS,
    RECIPIENT_NO,
    VALUES,
    _digit_centres,
    _glyphs,
    _text,
)

OTHERS = ("987654321098", "876543210987", "765432109876", "654321098765", "543210987654")
# Printed by the form itself, never by the values-only path.
LABELS = (
    "給与所得の源泉徴収票",
    "支払金額",
    "源泉徴収税額",
    "摘要",
    "税務署提出用",
    "支払者",
    "令和",
)


@pytest.fixture(scope="module")
def layout() -> FormLayout:
    return load("gensen_choshu", 2026)


def _slips(count: int) -> list[sf.Slip]:
    return [sf.Slip(VALUES, {**NUMBERS, "number": OTHERS[k]}) for k in range(count)]


def _segments(pdf: bytes, page_index: int = 0) -> list[tuple[float, float, float, float]]:
    """Every straight line the page itself strokes (not inside a placed form), in mm from the
    sheet's top-left corner."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    page = reader.pages[page_index]
    height = float(page.mediabox.height)
    content = ContentStream(page.get_contents(), reader)
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    start = (0.0, 0.0)
    found = []

    def apply(x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = ctm
        return a * x + c * y + e, b * x + d * y + f

    for operands, operator in content.operations:
        if operator == b"q":
            stack.append(list(ctm))
        elif operator == b"Q":
            ctm = stack.pop()
        elif operator == b"cm":
            a2, b2, c2, d2, e2, f2 = (float(v) for v in operands)
            a, b, c, d, e, f = ctm
            ctm = [
                a2 * a + b2 * c,
                a2 * b + b2 * d,
                c2 * a + d2 * c,
                c2 * b + d2 * d,
                e2 * a + f2 * c + e,
                e2 * b + f2 * d + f,
            ]
        elif operator == b"m":
            start = apply(float(operands[0]), float(operands[1]))
        elif operator == b"l":
            end = apply(float(operands[0]), float(operands[1]))
            found.append(
                (start[0] / mm, (height - start[1]) / mm, end[0] / mm, (height - end[1]) / mm)
            )
            start = end
    return found


def _operators(pdf: bytes) -> set[bytes]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    ops: set[bytes] = set()
    for page in reader.pages:
        ops |= {op for _, op in ContentStream(page.get_contents(), reader).operations}
    return ops


def test_four_true_size_slips_go_on_each_a4_sheet(layout: FormLayout) -> None:
    pdf = sf.render_tax_office(layout, _slips(5), sheet=sf.A4_FOUR_UP)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / mm, 1), round(float(box.height) / mm, 1)) == (210.0, 297.0)
    number = layout.box("number")
    measured = [(a + b) / 2 for a, b in itertools.pairwise(RECIPIENT_EDGES)]
    # Each quarter's number cells at the measured positions, at true size, within ±0.5 mm.
    for k, (x, y) in enumerate(((0.0, 0.0), (105.0, 0.0), (0.0, 148.5), (105.0, 148.5))):
        digits = [
            (d, c - x)
            for d, c in _digit_centres(pdf, y + number.y, y + number.y + number.h, number.pt)
            if x <= c < x + 105
        ]
        assert "".join(d for d, _ in digits) == OTHERS[k]
        for (_, centre), expected in zip(digits, measured, strict=True):
            assert centre == pytest.approx(expected, abs=0.5)


def test_the_crop_marks_sit_on_the_cut_lines_outside_every_slip(layout: FormLayout) -> None:
    pdf = sf.render_tax_office(layout, _slips(4), sheet=sf.A4_FOUR_UP)
    drawn = _segments(pdf)
    sheet = form_sheets.sheet_for(layout, sf.A4_FOUR_UP)
    marks = form_sheets.crop_marks(layout, sheet)
    assert len(marks) == 6
    for mark in marks:
        assert any(
            all(abs(a - b) < 0.01 for a, b in zip(mark, line, strict=True)) for line in drawn
        )
    # Every mark lies on a cut line (x 105 or y 148.5), the centre cross included ...
    assert all(m[0] == m[2] == 105.0 or m[1] == m[3] == 148.5 for m in marks)
    assert (105.0, 143.5, 105.0, 153.5) in marks and (100.0, 148.5, 110.0, 148.5) in marks
    # ... and outside the area any slip prints (its ruling, labels and boxes).
    left, top, right, bottom = form_sheets.content_area(layout)
    for x, y in sheet.corners:
        for x0, y0, x1, y1 in marks:
            assert x1 < x + left or x0 > x + right or y1 < y + top or y0 > y + bottom
    # The other sheets have none.
    assert form_sheets.crop_marks(layout, form_sheets.sheet_for(layout, sf.A6)) == []


def test_every_sheet_puts_the_number_cells_where_they_were_measured(layout: FormLayout) -> None:
    number = layout.box("number")
    measured = [(a + b) / 2 for a, b in itertools.pairwise(RECIPIENT_EDGES)]
    for name in sf.SHEETS:
        sheet = form_sheets.sheet_for(layout, name)
        pdf = sf.render_tax_office(layout, _slips(sheet.per_page), sheet=name)
        for k, (x, y) in enumerate(sheet.corners):
            top = y + number.y * sheet.scale
            digits = [
                (d, c)
                for d, c in _digit_centres(pdf, top, top + number.h * sheet.scale, number.pt)
                if x <= c < x + layout.page_w * sheet.scale
            ]
            assert "".join(d for d, _ in digits) == OTHERS[k], name
            for (_, centre), expected in zip(digits, measured, strict=True):
                assert centre == pytest.approx(x + expected * sheet.scale, abs=0.5), name


@pytest.mark.parametrize("sheet", sf.SHEETS)
def test_the_values_only_path_prints_no_ruling_and_no_label(layout: FormLayout, sheet: str) -> None:
    full = sf.render_tax_office(layout, _slips(1), sheet=sheet)
    pdf = sf.render_tax_office(layout, _slips(1), sheet=sheet, values_only=True)
    # No placed form, no line, no rectangle: only text.
    assert not _operators(pdf) & {b"Do", b"l", b"re", b"S", b"f", b"B*"}
    text = _text(pdf)
    for label in LABELS:
        assert label not in text, label
    assert "山田太郎" in text and OTHERS[0] in text and "5800000" in text
    # Each value where the full form prints it; the year's digits, which the full form prints
    # as part of its title, in the year box.
    on_full = {(t, round(x, 2), round(y, 2)) for t, x, y in _glyphs(full)}
    year = layout.box("year")
    arrangement = form_sheets.sheet_for(layout, sheet)
    left, top = arrangement.corners[0]
    title_bottom = top + (year.y + year.h) * arrangement.scale
    years = 0
    for text, x, y in _glyphs(pdf):
        if y < title_bottom:
            assert text == str(layout.era_year)
            assert top + year.y * arrangement.scale < y
            assert (
                left + year.x * arrangement.scale < x < left + (year.x + year.w) * arrangement.scale
            )
            years += 1
            continue
        assert (text, round(x, 2), round(y, 2)) in on_full
    assert years == 1


def test_the_values_only_recipient_copy_carries_no_number(layout: FormLayout) -> None:
    pdf = sf.render_recipient(layout, [VALUES], sheet=sf.A4_TWO_UP, values_only=True)
    raw = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert not re.search(r"\d{12}", raw.replace(" ", ""))
    assert RECIPIENT_NO not in _text(pdf)
    assert "山田太郎" in _text(pdf)
    with pytest.raises(ReportError, match="no number"):
        sf.render_recipient(layout, [{**VALUES, "notes_upper": "(5)\n" + RECIPIENT_NO}])


def test_the_dependants_numbers_go_in_the_remarks_column_of_the_copies_with_numbers(
    layout: FormLayout,
) -> None:
    notes = {"notes_upper": "(5)\n111122223333", "notes_lower": "(5)\n444455556666"}
    office = sf.render_tax_office(layout, [sf.Slip(VALUES, {**NUMBERS, **notes})])
    municipal = sf.render_municipal(layout, [sf.Slip(VALUES, {**NUMBERS, **notes})])
    # The 税務署提出用's lower (備考) is struck: the 16歳未満 numbers are the municipality's.
    assert "111122223333" in _text(office) and "444455556666" not in _text(office)
    assert "111122223333" in _text(municipal) and "444455556666" in _text(municipal)
    upper, lower = layout.box("notes_upper"), layout.box("notes_lower")
    for text, x, y in _glyphs(municipal):
        if text in ("111122223333", "444455556666"):
            box = upper if text.startswith("1") else lower
            assert box.x <= x <= box.x + box.w and box.y <= y <= box.y + box.h


@pytest.mark.parametrize("sheet", sf.SHEETS)
def test_the_calibration_page_draws_the_crosses_at_their_positions(
    layout: FormLayout, sheet: str
) -> None:
    pdf = calibration.render_calibration(layout, sheet)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    drawn = _segments(pdf)
    reach = calibration.SCALE_REACH
    for cx, cy in calibration.crosses(layout, sheet):
        horizontal = (cx - reach, cy, cx + reach, cy)
        vertical = (cx, cy - reach, cx, cy + reach)
        for line in (horizontal, vertical):
            assert any(
                all(abs(a - b) < 0.01 for a, b in zip(line, seg, strict=True)) for seg in drawn
            ), (sheet, line)
    # The cross sits on the form's ruling: a vertical and a horizontal rule meet there.
    for cx, cy, _inward in calibration.CROSSES:
        assert any(r.dir == "V" and abs(r.at - cx) < 0.01 for r in layout.rules)
        assert any(r.dir == "H" and abs(r.at - cy) < 0.01 for r in layout.rules)
    text = _text(pdf)
    assert "位置合わせ用紙" in text
    meta = reader.metadata
    assert meta is not None and meta.title == calibration.TITLE


def test_an_unknown_sheet_is_refused(layout: FormLayout) -> None:
    with pytest.raises(ReportError):
        form_sheets.sheet_for(layout, "b5")
