"""How slips of a statutory form are arranged on the sheet that is printed: one true-size A6
slip a page, two slips enlarged to A5 on A4 landscape (as the NTA's own PDF), or four true-size
A6 slips on A4 portrait with crop marks (トンボ) on the cut lines between them.

A landscape slip (the 支払調書 and the 退職所得の源泉徴収票, 148 × 105 mm) gets the same
arrangements turned a quarter: one A6 landscape slip a page, two A5 slips stacked on A4
portrait (dotted cut line across), four true-size quarters (148.5 × 105) on A4 landscape.

All positions are millimetres from the sheet's top-left corner. A slip keeps its own layout
coordinates; a sheet only says where each slip's top-left corner goes and at which scale, so
every number cell lands where the layout measured it, times the scale, plus that corner."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from reports.errors import ReportError
from reports.form_layout import FormLayout

A6 = "a6"
A4_TWO_UP = "a4_two_up"
A4_FOUR_UP = "a4_four_up"
SHEETS = (A6, A4_TWO_UP, A4_FOUR_UP)

A4_W, A4_H = 210.0, 297.0
# A crop mark: a short line on a cut line, in the gutter between the slips' printed areas.
MARK_LENGTH = 5.0
# Where the marks at the sheet's edges start: inside the margin an office printer can print.
EDGE_INSET = 5.0


@dataclass(frozen=True)
class Sheet:
    name: str
    w: float
    h: float
    scale: float
    # The top-left corner of each slip on the sheet, in the order slips are placed.
    corners: tuple[tuple[float, float], ...]
    # "dotted": one dotted cut line between two slips; "crop": crop marks; "": none.
    cut: str = ""
    # The arrangement of a landscape slip: the portrait one turned a quarter (the two slips
    # of a 2-up sheet stacked, its cut line across).
    turned: bool = False

    @property
    def per_page(self) -> int:
        return len(self.corners)


def sheet_for(layout: FormLayout, name: str) -> Sheet:
    if layout.page_w > layout.page_h:
        # A landscape slip: the arrangement of the same slip upright, turned a quarter.
        return _turned(_arranged(name, layout.page_h, layout.page_w))
    return _arranged(name, layout.page_w, layout.page_h)


def _arranged(name: str, slip_w: float, slip_h: float) -> Sheet:
    """The arrangement of an upright (portrait) slip of slip_w × slip_h mm."""
    if name == A6:
        return Sheet(A6, slip_w, slip_h, 1.0, ((0.0, 0.0),))
    if name == A4_TWO_UP:
        # Two slips enlarged to A5 side by side on A4 landscape, as the NTA's own PDF prints
        # them (FORMS-GEOMETRY.md §1.4), with the dotted cut line between them.
        width, height = A4_H, A4_W
        scale = min(width / 2 / slip_w, height / slip_h)
        top = height - slip_h * scale
        return Sheet(A4_TWO_UP, width, height, scale, ((0.0, top), (width / 2, top)), "dotted")
    if name == A4_FOUR_UP:
        # A6 is a quarter of A4: 2 × 105 mm across, 2 × 148.5 mm down. Each slip sits at the
        # top of its quarter, at true size.
        column, row = A4_W / 2, A4_H / 2
        corners = ((0.0, 0.0), (column, 0.0), (0.0, row), (column, row))
        return Sheet(A4_FOUR_UP, A4_W, A4_H, 1.0, corners, "crop")
    raise ReportError(f"unknown sheet {name!r}")


def _turned(sheet: Sheet) -> Sheet:
    """The sheet turned a quarter (x and y swapped): its slips in reading order, left to right
    and top to bottom."""
    corners = tuple(sorted(((y, x) for x, y in sheet.corners), key=lambda c: (c[1], c[0])))
    return Sheet(sheet.name, sheet.h, sheet.w, sheet.scale, corners, sheet.cut, turned=True)


def cut_line(sheet: Sheet) -> tuple[float, float, float, float] | None:
    """The dotted cut line of a 2-up sheet (x0, y0, x1, y1): down the middle between two
    slips side by side, across it between two stacked ones; None on the other sheets."""
    if sheet.cut != "dotted":
        return None
    if sheet.turned:
        return (0.0, sheet.h / 2, sheet.w, sheet.h / 2)
    return (sheet.w / 2, sheet.h, sheet.w / 2, 0.0)


def content_area(layout: FormLayout) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of everything the form prints on one slip, in slip mm."""
    xs: list[float] = []
    ys: list[float] = []
    for rule in layout.rules:
        along, across = (xs, ys) if rule.dir == "H" else (ys, xs)
        along.extend((rule.start, rule.end))
        across.append(rule.at)
    areas = [(b.x, b.y, b.w, b.h) for b in layout.boxes]
    areas += [(lb.x, lb.y, lb.w, lb.h) for lb in layout.labels]
    areas.append(layout.title_box)
    for x, y, w, h in areas:
        xs.extend((x, x + w))
        ys.extend((y, y + h))
    return min(xs), min(ys), max(xs), max(ys)


def crop_marks(layout: FormLayout, sheet: Sheet) -> list[tuple[float, float, float, float]]:
    """The crop marks of a 4-up sheet as lines (x0, y0, x1, y1): on each cut line, a mark at
    both sheet edges (inset to where a printer prints) and a cross where the cut lines meet.
    They lie between the slips, never on a slip's printed area (checked here)."""
    if sheet.cut != "crop":
        return []
    x_cut = sheet.w / 2
    y_cut = sheet.h / 2
    marks = [
        (x_cut, EDGE_INSET, x_cut, EDGE_INSET + MARK_LENGTH),
        (x_cut, y_cut - MARK_LENGTH, x_cut, y_cut + MARK_LENGTH),
        (x_cut, sheet.h - EDGE_INSET - MARK_LENGTH, x_cut, sheet.h - EDGE_INSET),
        (EDGE_INSET, y_cut, EDGE_INSET + MARK_LENGTH, y_cut),
        (x_cut - MARK_LENGTH, y_cut, x_cut + MARK_LENGTH, y_cut),
        (sheet.w - EDGE_INSET - MARK_LENGTH, y_cut, sheet.w - EDGE_INSET, y_cut),
    ]
    left, top, right, bottom = content_area(layout)
    for x, y in sheet.corners:
        area = (x + left * sheet.scale, y + top * sheet.scale)
        end = (x + right * sheet.scale, y + bottom * sheet.scale)
        for x0, y0, x1, y1 in marks:
            if x0 <= end[0] and x1 >= area[0] and y0 <= end[1] and y1 >= area[1]:
                raise ReportError("a crop mark would fall on a slip")
    return marks


def draw_cut_guides(
    canvas: Canvas, sheet: Sheet, marks: Sequence[tuple[float, float, float, float]]
) -> None:
    """The dotted cut line of a 2-up sheet, or the crop marks of a 4-up one."""
    canvas.saveState()
    canvas.setStrokeColorRGB(0, 0, 0)
    line = cut_line(sheet)
    if line is not None:
        x0, y0, x1, y1 = line
        canvas.setLineWidth(0.2 * mm)
        canvas.setDash(1 * mm, 1 * mm)
        canvas.line(x0 * mm, (sheet.h - y0) * mm, x1 * mm, (sheet.h - y1) * mm)
    canvas.setLineWidth(0.1 * mm)
    for x0, y0, x1, y1 in marks:
        canvas.line(x0 * mm, (sheet.h - y0) * mm, x1 * mm, (sheet.h - y1) * mm)
    canvas.restoreState()
