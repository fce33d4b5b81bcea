"""The calibration page for printing values onto pre-printed forms: printed on plain paper, it
shows the form's ruling where the program puts it, a cross at two frame corners with a
millimetre scale through each, and a 100 mm ruler to check that the printer prints at 100 %.

The clerk lays it over a purchased form against the light and reads, on each scale, where the
form's own frame line falls: that reading (right and down positive) is the offset to enter for
the printer. No personal data is on the page."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from reports import form_sheets
from reports.document import new_canvas
from reports.errors import ReportError
from reports.fonts import GOTHIC
from reports.form_layout import FormLayout

TITLE = "位置合わせ用紙（専用用紙）"
# The scales reach this far either side of a frame corner, the limit of the offset.
SCALE_REACH = 10.0
SCALE_STEP = 0.5
# How far from its cross each scale runs (mm, inward).
SCALE_ALONG_Y = 6.0
SCALE_ALONG_X = 12.0
INSTRUCTIONS = (
    "位置合わせ用紙：上の目盛りが表示どおりの長さ（mm）であることを定規で確かめてください。",
    "この用紙を普通紙に「実際のサイズ（倍率100%）」で印刷し、専用用紙に重ねて光に透かしてください。",
    "十字の目盛りで、専用用紙の罫線が通る位置を読みます（右・下が＋、1目盛り0.5mm）。",
    "読んだ値を「印刷位置の補正」に入力します。左上と右下で値が違うときは平均を入力してください。",
)


# The crosses, in slip mm, each where a vertical and a horizontal rule of the form meet well
# inside the sheet (the frame's own corners lie in the margin a printer cannot print):
# the left edge of the spouse/dependant name column on the top of the spouse row, and the left
# edge of (備考) on the top of the flag row. The scales run inward (+1: right and down, -1:
# left and up), each where the other rule of its cross crosses it.
CROSSES = ((16.06, 76.86, 1), (90.45, 118.31, -1))


@dataclass(frozen=True)
class Marks:
    """Where a form's calibration page puts its crosses (as CROSSES) and the left end of its
    ruler, with the instructions under it (slip mm, in a band with little ruling)."""

    crosses: tuple[tuple[float, float, int], ...]
    ruler: tuple[float, float]


# Each form its own crosses, on its own rules (the landscape slips: a rule corner near the top
# left and one near the bottom right), and its ruler in its (摘要) band.
MARKS = {
    "gensen_choshu": Marks(CROSSES, (8.0, 53.2)),
    "hoshu": Marks(((27.0, 19.0, 1), (110.0, 57.0, -1)), (8.0, 57.8)),
    # The (摘要) band is too low for the instructions: the ruler goes in the 細目 row.
    "fudosan": Marks(((22.0, 27.0, 1), (112.0, 72.0, -1)), (24.0, 36.0)),
    "taishoku": Marks(((27.0, 23.0, 1), (122.0, 67.0, -1)), (26.0, 76.6)),
}


def marks_for(layout: FormLayout) -> Marks:
    marks = MARKS.get(layout.form)
    if marks is None:
        raise ReportError(f"no calibration page for {layout.form!r}")
    return marks


def crosses(layout: FormLayout, sheet_name: str) -> list[tuple[float, float]]:
    """The sheet positions (mm from the sheet's top-left) of every cross."""
    sheet = form_sheets.sheet_for(layout, sheet_name)
    return [
        (x + cx * sheet.scale, y + cy * sheet.scale)
        for x, y in sheet.corners
        for cx, cy, _inward in marks_for(layout).crosses
    ]


def render_calibration(layout: FormLayout, sheet_name: str) -> bytes:
    sheet = form_sheets.sheet_for(layout, sheet_name)
    marks = marks_for(layout)
    out = io.BytesIO()
    canvas = new_canvas(out, TITLE, pagesize=(sheet.w * mm, sheet.h * mm))
    page = _Sheet(canvas, sheet.h)
    for index, (x, y) in enumerate(sheet.corners):
        canvas.saveState()
        canvas.translate(x * mm, (sheet.h - y - layout.page_h * sheet.scale) * mm)
        canvas.scale(sheet.scale, sheet.scale)
        canvas.setLineWidth(0.1 * mm / sheet.scale)
        canvas.setStrokeColorRGB(0.55, 0.55, 0.55)
        for rule in layout.rules:
            if rule.dir == "H":
                y0 = (layout.page_h - rule.at) * mm
                canvas.line(rule.start * mm, y0, rule.end * mm, y0)
            else:
                canvas.line(
                    rule.at * mm,
                    (layout.page_h - rule.start) * mm,
                    rule.at * mm,
                    (layout.page_h - rule.end) * mm,
                )
        canvas.restoreState()
        for cx, cy, inward in marks.crosses:
            page.cross(x + cx * sheet.scale, y + cy * sheet.scale, inward)
        if index == 0:
            # In the (摘要) band, the emptiest part of the form.
            ruler_x, ruler_y = marks.ruler
            left = x + ruler_x * sheet.scale
            page.ruler(left, y + ruler_y * sheet.scale, min(100.0, 90 * sheet.scale))
            page.instructions(left, y + ruler_y * sheet.scale + 7.0)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


class _Sheet:
    """Drawing in sheet mm from the top-left corner."""

    def __init__(self, canvas: Canvas, height: float) -> None:
        self.c = canvas
        self.height = height

    def _line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.1) -> None:
        self.c.setLineWidth(width * mm)
        self.c.line(x0 * mm, (self.height - y0) * mm, x1 * mm, (self.height - y1) * mm)

    def _text(self, x: float, y: float, text: str, size: float = 4.5) -> None:
        self.c.setFont(GOTHIC, size)
        self.c.drawCentredString(x * mm, (self.height - y) * mm, text)

    def cross(self, x: float, y: float, inward: int) -> None:
        """A cross on the corner and two scales through it, drawn inside the frame (inward +1:
        right and down of the corner, -1: left and up)."""
        self.c.setStrokeColorRGB(0, 0, 0)
        self.c.setFillColorRGB(0, 0, 0)
        reach = SCALE_REACH
        self._line(x - reach, y, x + reach, y, 0.08)
        self._line(x, y - reach, x, y + reach, 0.08)
        # The x scale runs 6 mm below (above) the cross, the y scale 12 mm beside it, so that
        # neither scale nor its figures runs into the other.
        along_y = y + SCALE_ALONG_Y * inward
        along_x = x + SCALE_ALONG_X * inward
        steps = int(reach / SCALE_STEP)
        for k in range(-steps, steps + 1):
            offset = k * SCALE_STEP
            tick = 2.0 if k % 10 == 0 else 1.3 if k % 2 == 0 else 0.8
            self._line(x + offset, along_y - tick / 2, x + offset, along_y + tick / 2, 0.06)
            self._line(along_x - tick / 2, y + offset, along_x + tick / 2, y + offset, 0.06)
        self._line(x - reach, along_y, x + reach, along_y, 0.06)
        self._line(along_x, y - reach, along_x, y + reach, 0.06)
        for value in (-10, -5, 5, 10):
            label = f"{value:+d}"
            self._text(x + value, along_y + 2.6 * inward + (1.2 if inward > 0 else 0), label)
            self._text(along_x + 2.8 * inward, y + value + 0.6, label)

    def ruler(self, x: float, y: float, length: float) -> None:
        """A millimetre ruler: the clerk checks with a real one that it is as long as it says."""
        length = float(int(length / 10) * 10)
        self._line(x, y, x + length, y, 0.1)
        for k in range(int(length) + 1):
            tick = 2.5 if k % 10 == 0 else 1.6 if k % 5 == 0 else 1.0
            self._line(x + k, y, x + k, y + tick, 0.06)
            if k % 10 == 0:
                self._text(x + k, y + 4.2, str(k))

    def instructions(self, x: float, y: float) -> None:
        self.c.setFont(GOTHIC, 4.5)
        for k, line in enumerate(INSTRUCTIONS):
            self.c.drawString(x * mm, (self.height - y - k * 2.1) * mm, line)
