"""Statutory forms drawn from their layout (reports.form_layout) on plain paper: the ruling, the
printed labels, the copy's hatching and the values (reports.form_values), arranged on the
sheet the clerk chose (reports.form_sheets); or only the values, for pre-printed forms.

Each copy is its own entry point. The 税務署提出用 and the 給与支払報告書 take the numbers; the
受給者交付用 takes none and refuses a value for any box that holds a number, so no flag or
mistake can put a 個人番号 or 法人番号 on the copy the person receives (番号法, FORMS.md §1.1)."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from reportlab.lib.units import mm

from reports import form_sheets
from reports.document import new_canvas
from reports.errors import ReportError
from reports.fonts import GOTHIC, MINCHO
from reports.form_layout import Box, FormLayout, Label, Rule
from reports.form_values import INK, MIN_PT, Slip, ValuePainter, fit, wrap
from reports.letter_parts import refuse_number_like

TAX_OFFICE = "tax_office"
MUNICIPAL = "municipal"
RECIPIENT = "recipient"
# The payee's 写し of a 支払調書: like the 受給者交付用, it carries no number.
PAYEE = "payee"
# Sheets (reports.form_sheets): one true-size A6 slip a page, two A5 slips on A4 landscape,
# or four true-size A6 slips on A4 portrait with crop marks.
A6 = form_sheets.A6
A4_TWO_UP = form_sheets.A4_TWO_UP
A4_FOUR_UP = form_sheets.A4_FOUR_UP
SHEETS = form_sheets.SHEETS

_WEIGHTS = {"n": 0.15, "t": 0.30, "h": 0.1}
_DASHES = {"dot": (0.15, 0.15), "dash": (0.45, 0.15)}
_LABEL_PT = 3.4
# The 整理欄 strip under the frame exists on the 税務署提出用 only.
_OFFICE_STRIP_Y = 145.3


def render_tax_office(
    layout: FormLayout, slips: Sequence[Slip], *, sheet: str = A6, values_only: bool = False
) -> bytes:
    """The 税務署提出用: the recipient's, the spouse's, the dependants' and the payer's numbers;
    not those of the 16歳未満 (their rows are struck). values_only: only the values, for a
    pre-printed form (the same boxes, the same copy rules)."""
    return _render(layout, TAX_OFFICE, slips, sheet, values_only)


def render_municipal(
    layout: FormLayout, slips: Sequence[Slip], *, sheet: str = A6, values_only: bool = False
) -> bytes:
    """The 給与支払報告書（個人別明細書）: every number, the 16歳未満 dependants' included."""
    return _render(layout, MUNICIPAL, slips, sheet, values_only)


def render_recipient(
    layout: FormLayout,
    slips: Sequence[Mapping[str, str]],
    *,
    sheet: str = A6,
    values_only: bool = False,
) -> bytes:
    """The 受給者交付用: values only; every number row is struck and left empty."""
    return _without_numbers(layout, RECIPIENT, slips, sheet, values_only)


def render_payee(
    layout: FormLayout,
    slips: Sequence[Mapping[str, str]],
    *,
    sheet: str = A6,
    values_only: bool = False,
) -> bytes:
    """The payee's 写し of a 支払調書: values only; the number rows are struck and left empty."""
    return _without_numbers(layout, PAYEE, slips, sheet, values_only)


def _without_numbers(
    layout: FormLayout,
    copy: str,
    slips: Sequence[Mapping[str, str]],
    sheet: str,
    values_only: bool,
) -> bytes:
    for values in slips:
        for box_id in values:
            base = box_id.removesuffix("_inner")
            if any(box.id == base and box.holds_number for box in layout.boxes):
                raise ReportError("the recipient's copy carries no number")
        # Whatever reached a text box: a digit run that could be a My Number stops the copy.
        refuse_number_like(list(values.items()))
    return _render(layout, copy, [Slip(values=values) for values in slips], sheet, values_only)


def _render(
    layout: FormLayout, copy: str, slips: Sequence[Slip], sheet: str, values_only: bool = False
) -> bytes:
    if not slips:
        raise ReportError("no slip to print")
    if sheet not in SHEETS:
        raise ReportError(f"unknown sheet {sheet!r}")
    arrangement = form_sheets.sheet_for(layout, sheet)
    marks = form_sheets.crop_marks(layout, arrangement)
    spec = layout.copies[copy]
    out = io.BytesIO()
    canvas = new_canvas(out, spec.title, pagesize=(arrangement.w * mm, arrangement.h * mm))
    page = _Page(canvas, layout, copy)
    # On a pre-printed form only the values are printed: no ruling, label, hatching or cut mark.
    form = "" if values_only else _shared_form(page)
    per_page = arrangement.per_page
    for start in range(0, len(slips), per_page):
        for (x, y), slip in zip(arrangement.corners, slips[start : start + per_page], strict=False):
            canvas.saveState()
            canvas.translate(x * mm, (arrangement.h - y - layout.page_h * arrangement.scale) * mm)
            canvas.scale(arrangement.scale, arrangement.scale)
            if form:
                canvas.doForm(form)
            else:
                page.draw_year()
            page.draw_values(slip)
            canvas.restoreState()
        if not values_only:
            form_sheets.draw_cut_guides(canvas, arrangement, marks)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _shared_form(page: _Page) -> str:
    """The form's ruling, labels and hatching drawn once as a Form XObject that every page
    places: the same drawing, written once, however many people are printed."""
    name = f"form_{page.copy}"
    page.c.beginForm(name, 0, 0, page.layout.page_w * mm, page.layout.page_h * mm)
    page.draw_form()
    page.c.endForm()
    return name


class _Page(ValuePainter):
    """The form itself: ruling, labels, hatching, printed units and the copy name."""

    def draw_form(self) -> None:
        """What every page of this copy shares: the printed form itself."""
        self.c.setFillColor(INK)
        self.c.setStrokeColor(INK)
        self._title()
        for rule in self.layout.rules:
            self._rule(rule)
        for label in self.layout.labels:
            if label.on(self.copy):
                self._label(label)
        for box in self.layout.boxes:
            self._furniture(box)
        self._strikes()

    def _title(self) -> None:
        _x, y, _w, h = self.layout.title_box
        year_box = self.layout.box("year")
        base = self._y(y + h - 0.4)
        self.c.setFont(MINCHO, 8.7)
        self.c.drawRightString(self._x(year_box.x - 0.3), base, "令和")
        self.c.setFont(GOTHIC, 9)
        self.c.drawCentredString(
            self._x(year_box.x + year_box.w / 2), base, str(self.layout.era_year)
        )
        self.c.setFont(MINCHO, 8.7)
        after = year_box.x + year_box.w + 0.3
        self.c.drawString(self._x(after), base, "年分")
        self.c.setFont(GOTHIC, 9.7)
        self.c.drawString(self._x(after + 10.0), base, self.spec.title)

    def _rule(self, rule: Rule) -> None:
        if not rule.on(self.copy):
            return
        if self.copy != TAX_OFFICE and rule.start > _OFFICE_STRIP_Y - 0.5 and rule.dir == "V":
            return
        if self.copy != TAX_OFFICE and rule.dir == "H" and rule.at > _OFFICE_STRIP_Y:
            return
        weight = rule.weight
        if rule.dir == "V" and any(s.contains(rule.at, rule.start, rule.end) for s in self._struck):
            return  # the cell dividers of a struck number row are not printed
        if weight == "t" and self.copy in (RECIPIENT, PAYEE):
            weight = "n"  # the thick 個人番号 outline belongs to the copies with the number
        self.c.saveState()
        self.c.setLineWidth(_WEIGHTS[weight] * mm)
        if rule.style in _DASHES:
            on, off = _DASHES[rule.style]
            self.c.setDash(on * mm, off * mm)
        if rule.dir == "H":
            self.c.line(self._x(rule.start), self._y(rule.at), self._x(rule.end), self._y(rule.at))
        else:
            self.c.line(self._x(rule.at), self._y(rule.start), self._x(rule.at), self._y(rule.end))
        self.c.restoreState()

    @property
    def _struck(self) -> tuple:
        return self.spec.strikes

    def _strikes(self) -> None:
        self.c.saveState()
        self.c.setLineWidth(0.1 * mm)
        for s in self.spec.strikes:
            self.c.line(self._x(s.x1), self._y(s.y0), self._x(s.x0), self._y(s.y1))
        self.c.restoreState()

    def _label(self, label: Label) -> None:
        text = label.text
        size = label.pt or _LABEL_PT
        self.c.setFont(MINCHO, size)
        if label.place == "vertical":
            self._vertical(text, label.x, label.y, label.w, label.h, size)
        elif label.place == "top-left":
            self.c.drawString(self._x(label.x + 0.3), self._y(label.y) - size, text)
        elif label.place == "wrap":
            self._wrapped(text, label, size)
        else:
            fitted = fit(text, MINCHO, size, label.w * mm - 0.6 * mm)
            self.c.setFont(MINCHO, fitted)
            self.c.drawCentredString(
                self._x(label.x + label.w / 2), self._y(label.y + label.h / 2) - fitted * 0.35, text
            )

    def _vertical(
        self, text: str, x: float, y: float, w: float, h: float, size: float, max_columns: int = 3
    ) -> None:
        pitch = size * 1.05
        columns = 1
        while len(text) / columns * pitch > h * mm and columns < max_columns:
            columns += 1
        per_column = -(-len(text) // columns)
        if per_column * pitch > h * mm:
            size = max(MIN_PT, h * mm / per_column / 1.05)
            pitch = size * 1.05
        self.c.setFont(MINCHO, size)
        chunks = [text[i : i + per_column] for i in range(0, len(text), per_column)]
        column_w = w * mm / columns
        for index, chunk in enumerate(chunks):
            # Japanese vertical text runs right to left.
            cx = self._x(x) + column_w * (columns - index - 0.5)
            top = self._y(y + h / 2) + len(chunk) * pitch / 2
            for k, char in enumerate(chunk):
                self.c.drawCentredString(cx, top - (k + 0.85) * pitch, char)

    def _wrapped(self, text: str, label: Label, size: float) -> None:
        width = label.w * mm - 0.5 * mm
        lines = wrap(text, MINCHO, size, width)
        while len(lines) * size * 1.1 > label.h * mm and size > MIN_PT:
            size -= 0.2
            lines = wrap(text, MINCHO, size, width)
        self.c.setFont(MINCHO, size)
        top = self._y(label.y + label.h / 2) + len(lines) * size * 1.1 / 2
        for k, line in enumerate(lines):
            self.c.drawCentredString(
                self._x(label.x + label.w / 2), top - (k + 0.85) * size * 1.1, line
            )

    def _furniture(self, box: Box) -> None:
        """What the form prints inside a value box: 千・円・人 marks, 内, the copy name."""
        small = 2.6
        self.c.setFont(MINCHO, small)
        top = self._y(box.y) - small
        if box.kind == "amount":
            edges = (box.x, *box.ticks)
            marks = list(box.units)
            for unit, right in zip(reversed(marks), reversed(edges), strict=False):
                self.c.drawRightString(self._x(right - 0.2), top, unit)
            if box.inner:
                self.c.drawString(self._x(box.x + 0.3), top, "内")
        elif box.kind == "count" and box.unit and box.on(self.copy):
            if box.unit == "内":
                self.c.drawString(self._x(box.x + 0.3), top, "内")
            else:
                self.c.drawRightString(self._x(box.x + box.w - 0.2), top, box.unit)
        elif box.kind == "date":
            for right, unit in zip(box.ticks, "年月日", strict=False):
                self.c.drawRightString(self._x(right - 0.2), top, unit)
        elif box.kind == "number" and box.on(self.copy):
            self.c.saveState()
            self.c.setLineWidth(0.1 * mm)
            for edge in box.edges:
                self.c.line(self._x(edge), self._y(box.y), self._x(edge), self._y(box.y + box.h))
            self.c.restoreState()
        elif box.kind == "copy_name":
            self._vertical(self.spec.copy_name, box.x, box.y, box.w, box.h, 4.0, max_columns=1)
